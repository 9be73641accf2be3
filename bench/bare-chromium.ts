/**
 * Chromium with the built extension and no DevTools client attached to its pages: the benchmark's
 * view of what a reader's browser does. Driven over `--remote-debugging-pipe` at the browser level
 * only (opening and closing tabs, tracing every process), never by attaching to a page.
 *
 * Why not playwright-core here: it attaches to every page and enables its Runtime and Network
 * domains, and with them attached V8 collects source positions for PolicyLens's page script while
 * it starts (about 16 ms on the bench's article: `V8.CollectSourcePositions` under `v8.run`,
 * absent from a trace of the same load with nothing attached). Measures of script start-up and of
 * the popup taken under playwright-core include that; a reader's browser does not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, EXTENSION_DIR, findChromium } from '../tests/e2e/harness';
import type { TraceEvent } from './trace';

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Arguments of a headless Chromium with a fresh profile and only the given extension. */
export function headlessWithExtension(userDataDir: string, extensionDir: string): string[] {
  return [
    '--headless=new',
    ...chromiumArgs('zh-CN'),
    `--user-data-dir=${userDataDir}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

export class BareChromium {
  private nextId = 0;
  private readonly replies = new Map<number, (message: CdpMessage) => void>();
  private readonly eventListeners = new Set<(message: CdpMessage) => void>();
  private received = '';

  /** The extension's id (chrome-extension://ID/…), once its service worker has started. */
  extensionId = '';
  /** A CDP session attached to the extension's service worker (not a page): where the benchmark asks extension APIs. */
  private workerSession = '';

  private constructor(
    private readonly process: ChildProcess,
    private readonly userDataDir: string,
  ) {
    const input = process.stdio[4] as NodeJS.ReadableStream;
    input.on('data', (data: Buffer) => this.receive(data.toString('utf8')));
  }

  static async launch(extensionDir = EXTENSION_DIR): Promise<BareChromium> {
    const userDataDir = mkdtempSync(join(tmpdir(), 'policylens-bare-'));
    const child = spawn(
      findChromium(),
      [...headlessWithExtension(userDataDir, extensionDir), '--remote-debugging-pipe', 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const browser = new BareChromium(child, userDataDir);
    await browser.waitForExtensionWorker();
    return browser;
  }

  /** Sends a browser-level CDP command (or one to an attached session); rejects with its error. */
  async send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    const reply = new Promise<CdpMessage>((resolve) => this.replies.set(id, resolve));
    (this.process.stdio[3] as NodeJS.WritableStream).write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    const message = await reply;
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result ?? {};
  }

  /** Opens a tab at `url` (a new renderer process, as a reader's new tab gets); returns its target id. */
  async openTab(url: string): Promise<string> {
    return (await this.send('Target.createTarget', { url })).targetId as string;
  }

  async closeTab(targetId: string): Promise<void> {
    await this.send('Target.closeTarget', { targetId });
  }

  /** A trace of every process while `action` runs, in the given categories. */
  async trace(categories: readonly string[], action: () => Promise<void>): Promise<TraceEvent[]> {
    const events: TraceEvent[] = [];
    let complete!: () => void;
    const completed = new Promise<void>((resolve) => (complete = resolve));
    const listener = (message: CdpMessage): void => {
      if (message.method === 'Tracing.dataCollected') events.push(...(message.params!.value as TraceEvent[]));
      else if (message.method === 'Tracing.tracingComplete') complete();
    };
    this.eventListeners.add(listener);
    try {
      await this.send('Tracing.start', {
        traceConfig: { includedCategories: [...categories] },
        transferMode: 'ReportEvents',
      });
      try {
        await action();
      } finally {
        await this.send('Tracing.end');
        await completed;
      }
    } finally {
      this.eventListeners.delete(listener);
    }
    return events;
  }

  /** The id the extension knows the active tab by (a tab just opened is the active one). */
  async activeTabId(): Promise<number> {
    const { result } = (await this.send(
      'Runtime.evaluate',
      {
        expression: 'chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs[0]?.id ?? -1)',
        awaitPromise: true,
      },
      this.workerSession,
    )) as { result: { value: number } };
    if (result.value < 0) throw new Error('no active tab');
    return result.value;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.send('Browser.close').catch(() => undefined);
    const timeout = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timeout);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }

  /** The extension's service worker has started (its scripts load on pages opened after that). */
  private async waitForExtensionWorker(): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const { targetInfos } = (await this.send('Target.getTargets')) as {
        targetInfos: Array<{ type: string; url: string; targetId: string }>;
      };
      const worker = targetInfos.find(
        (target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'),
      );
      if (worker) {
        this.extensionId = new URL(worker.url).host;
        this.workerSession = (await this.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true }))
          .sessionId as string;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the extension did not start in Chromium');
  }

  private receive(data: string): void {
    this.received += data;
    for (let end = this.received.indexOf('\0'); end !== -1; end = this.received.indexOf('\0')) {
      const message = JSON.parse(this.received.slice(0, end)) as CdpMessage;
      this.received = this.received.slice(end + 1);
      const reply = message.id !== undefined ? this.replies.get(message.id) : undefined;
      if (reply) {
        this.replies.delete(message.id!);
        reply(message);
      } else {
        for (const listener of this.eventListeners) listener(message);
      }
    }
  }
}
