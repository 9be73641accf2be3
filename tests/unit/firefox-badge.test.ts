/**
 * The toolbar badge across the two builds: Chrome's MV3 build has `browser.action`, Firefox's MV2
 * build only `browser.browserAction` (MV2 has no `action`).
 */
import { describe, expect, it } from 'vitest';

import { BADGE_COLOR, badgeText, showTermCount, toolbarButton, type BadgeApi } from '../../src/shared/badge';

function recorder(): BadgeApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    setBadgeText: ({ tabId, text }) => (calls.push(`text ${tabId} ${text}`), Promise.resolve()),
    setBadgeBackgroundColor: ({ tabId, color }) => (calls.push(`color ${tabId} ${color}`), Promise.resolve()),
  };
}

describe('toolbar badge (action vs browserAction)', () => {
  it('uses browserAction in the Firefox MV2 build, where there is no action', () => {
    const browserAction = recorder();
    showTermCount({ browserAction }, 7, 42);
    expect(browserAction.calls).toEqual(['text 7 42', `color 7 ${BADGE_COLOR}`]);
  });

  it('uses action in the MV3 build', () => {
    const action = recorder();
    showTermCount({ action }, 3, 5);
    expect(action.calls).toEqual(['text 3 5', `color 3 ${BADGE_COLOR}`]);
  });

  it('prefers action when both exist (Chrome MV3 keeps neither alias; Firefox MV3 has only action)', () => {
    const action = recorder();
    const browserAction = recorder();
    expect(toolbarButton({ action, browserAction })).toBe(action);
  });

  it('says which API is missing rather than failing on undefined', () => {
    expect(() => toolbarButton({})).toThrow(/browser\.action nor browser\.browserAction/);
  });

  it('swallows a rejected call (the tab closed meanwhile) and MV2 callback-style APIs returning void', async () => {
    const rejecting: BadgeApi = {
      setBadgeText: () => Promise.reject(new Error('Invalid tab ID')),
      setBadgeBackgroundColor: () => undefined,
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      showTermCount({ browserAction: rejecting }, 1, 2);
      await new Promise((done) => setTimeout(done, 10));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('formats the count as the badge shows it', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });
});
