/**
 * The one typed message protocol between the extension's parts, named by direction. Every handler
 * is registered through `handle()`, which rejects messages that do not come from this extension
 * and payloads that do not match the message's schema, before any handler code runs.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { CardEntry } from '../core/glossary/card-entry';
import type { Category, GlossaryEntry } from '../core/glossary/schema';
import type { MatchIndex } from '../core/matcher/match-index';

export const COMMANDS = ['next-term', 'previous-term', 'toggle-annotation', 'highlight-selection'] as const;
export type CommandName = (typeof COMMANDS)[number];

// Replies are typed, not parsed: they come from our own code in the same extension. Only what a
// handler receives is validated (`handle`).
export interface PageReport {
  url: string;
  title: string;
  /** 'annotated': done; 'disabled': switched off for this site or globally; 'no-chinese': nothing to do. */
  state: 'annotated' | 'disabled' | 'no-chinese' | 'working';
  totalMatches: number;
  /** The page holds more terms than the annotator highlights (MAX_HIGHLIGHTS): only the first are shown. */
  capped: boolean;
  terms: Array<{ entryId: string; term: string; category: Category; count: number }>;
  glossaryVersion: string;
  /** Formula-like phrases on the page with no glossary entry (五个一批 …). */
  unknownFormulas: Array<{ text: string; count: number }>;
  /** The reader's saved highlights on this page that could not be found again. */
  orphanHighlightIds: string[];
}

export interface OutlineReport {
  headings: Array<{ level: number; marker: string; title: string; termCount: number }>;
  /** Index of the section the reader is in, or -1 before the first heading. */
  current: number;
}

/** What the popup needs to build the export document: the page's analysis, as the CLI makes it. */
export interface PageAnalysisReport {
  title: string;
  url: string;
  mainText: string;
  headings: Array<{ level: number; marker: string; title: string; start: number }>;
  matches: Array<{ entryId: string; start: number; end: number }>;
}

/**
 * Payload schemas, one per message (`undefined` for messages without data), each built the first
 * time its message arrives rather than when the module loads (zod builds each schema's internals
 * eagerly, and the page script registers its handlers as it starts on every page with Chinese).
 */
const entryIds = () => z.object({ ids: z.array(z.string().check(z.maxLength(80))).check(z.maxLength(2000)) });

const payloadSchemaBuilders = {
  /** popup → content script of a tab: what the page holds. */
  getPageReport: () => z.undefined(),
  /** content script → background: the term count for the toolbar badge. */
  reportTermCount: () => z.object({ count: z.number().check(z.int(), z.nonnegative()) }),
  /** content script → background: what hover cards show of these entries (kept out of the content bundle). */
  getCardEntries: () => entryIds(),
  /** content script → background: full entries, for pinned cards (sources, notes, every English rendering). */
  getEntries: () => entryIds(),
  /** background → content script: a keyboard command. */
  runCommand: () => z.object({ command: z.enum(COMMANDS) }),
  /** popup → content script: the page's outline with per-section term counts. */
  getOutline: () => z.undefined(),
  /** popup → content script: which section the reader is in now (cheap; polled while the popup is open). */
  getCurrentSection: () => z.undefined(),
  /** popup → content script: scroll to a heading and mark it briefly. */
  scrollToHeading: () => z.object({ index: z.number().check(z.int(), z.nonnegative()) }),
  /** content script → background: the match index (bundled glossary plus the reader's layers). */
  getMatchIndex: () => z.undefined(),
  /** popup → content script: the page analysed for export (main text, outline, matches). */
  getPageAnalysis: () => z.undefined(),
  /** background → content script (the frame the context menu was opened in): highlight the selection. */
  createReaderHighlight: () => z.undefined(),
  /**
   * content script → background: put this frame's ::highlight() colours and style in step with the
   * settings. The background reads the settings itself and injects the CSS into the page's document
   * (scripting.insertCSS), where ::highlight() rules must live; the page gets no element of ours.
   */
  applyHighlightStyle: () => z.object({ newDocument: z.boolean() }),
};

type PayloadSchemas = { [K in keyof typeof payloadSchemaBuilders]: ReturnType<(typeof payloadSchemaBuilders)[K]> };
const builtPayloadSchemas: Partial<PayloadSchemas> = {};

function payloadSchema<K extends keyof PayloadSchemas>(type: K): PayloadSchemas[K] {
  return (builtPayloadSchemas[type] ??= payloadSchemaBuilders[type]() as PayloadSchemas[K]);
}

interface ProtocolMap {
  getPageReport(): PageReport;
  reportTermCount(data: z.infer<PayloadSchemas['reportTermCount']>): void;
  getCardEntries(data: z.infer<PayloadSchemas['getCardEntries']>): CardEntry[];
  getEntries(data: z.infer<PayloadSchemas['getEntries']>): GlossaryEntry[];
  runCommand(data: z.infer<PayloadSchemas['runCommand']>): void;
  getOutline(): OutlineReport;
  createReaderHighlight(): void;
  getPageAnalysis(): PageAnalysisReport;
  getMatchIndex(): MatchIndex;
  getCurrentSection(): number;
  scrollToHeading(data: z.infer<PayloadSchemas['scrollToHeading']>): boolean;
  applyHighlightStyle(data: z.infer<PayloadSchemas['applyHighlightStyle']>): void;
}

export type MessageType = keyof ProtocolMap;
type Data<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends MessageType> = ReturnType<ProtocolMap[K]>;

const messaging = defineExtensionMessaging<ProtocolMap>();

export const sendMessage = messaging.sendMessage;

export interface SenderInfo {
  tabId: number | undefined;
  /** The sending frame (0: the top frame), for messages from content scripts. */
  frameId: number | undefined;
}

/**
 * Registers the handler for one message type. Messages from anything but this extension, or with a
 * payload of the wrong shape, are refused with an error and never reach the handler.
 */
export function handle<K extends MessageType>(
  type: K,
  handler: (data: Data<K>, sender: SenderInfo) => Reply<K> | Promise<Reply<K>>,
): () => void {
  return messaging.onMessage(type, (message) => {
    if (message.sender.id !== browser.runtime.id) throw new Error(`refused ${type}: not from this extension`);
    const schema = payloadSchema(type) as unknown as z.ZodMiniType<Data<K>>;
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) throw new Error(`refused ${type}: bad payload: ${parsed.error.issues[0]?.message ?? ''}`);
    // The library types handlers loosely; the reply type is fixed by ProtocolMap above.
    return handler(parsed.data, { tabId: message.sender.tab?.id, frameId: message.sender.frameId });
  });
}
