/**
 * The toolbar badge with the page's term count. The toolbar button's API is `action` in Manifest V3
 * (the Chrome build) and `browserAction` in Manifest V2 (the Firefox build); both take the same calls.
 */

/** The part of `browser.action` / `browser.browserAction` the badge uses (promise or not: the
 * results are not awaited). */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): unknown;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): unknown;
}

export const BADGE_COLOR = '#3b6fd8';

/** `action` where the manifest declares one (MV3), else `browserAction` (MV2). */
export function toolbarButton(api: { action?: BadgeApi; browserAction?: BadgeApi }): BadgeApi {
  const button = api.action ?? api.browserAction;
  if (!button) throw new Error('neither browser.action nor browser.browserAction is available');
  return button;
}

/** Empty (no badge) for 0, the count up to 999, then "999+" (the badge holds about four characters). */
export function badgeText(count: number): string {
  if (!(count > 0)) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}

export function showTermCount(api: { action?: BadgeApi; browserAction?: BadgeApi }, tabId: number, count: number): void {
  const button = toolbarButton(api);
  // A tab closed meanwhile rejects: nothing to do then.
  void Promise.resolve(button.setBadgeText({ tabId, text: badgeText(count) })).catch(() => undefined);
  void Promise.resolve(button.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR })).catch(() => undefined);
}
