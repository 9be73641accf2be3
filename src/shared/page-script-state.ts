/**
 * What the page probe, the page script and the loaders share about a frame's page script, free of
 * any browser API wrapper so the probe can import it (see page-script.ts for the loading itself).
 */

/**
 * Where a frame's page-script state lives in the content scripts' world (shared by the probe and
 * the page script): a number while claimed and loading (the claim's time), then 'starting', 'ready'
 * once it answers messages, 'failed', or 'unsupported' in a document it does not read (such as XML
 * served on its own).
 */
export const PAGE_SCRIPT_STATE = '__policyLensPageScript';

export type PageScriptState = number | 'starting' | 'ready' | 'failed' | 'unsupported';

/** The probe's one message to the background (plain, so the probe needs no messaging library). */
export interface LoadPageScriptMessage {
  policyLens: 'loadPageScript';
}

export function isLoadPageScriptMessage(message: unknown): message is LoadPageScriptMessage {
  return typeof message === 'object' && message !== null && (message as { policyLens?: unknown }).policyLens === 'loadPageScript';
}
