/**
 * Main-thread accounting for the hardening tests: a CDP performance trace of one page, reduced to
 * the top-level tasks (RunTask) of that page's renderer main thread, each marked with whether
 * PolicyLens's content script ran inside it (a script event whose URL is chrome-extension://).
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: {
    name?: string;
    data?: Record<string, unknown> & { url?: string; frames?: Array<{ processId?: number; url?: string }> };
  };
}

export interface MainThreadTask {
  /** Start, in ms since the trace began. */
  start: number;
  duration: number;
  /** PolicyLens code ran in this task. */
  ours: boolean;
  /** How long PolicyLens code ran in it (a MutationObserver callback of ours runs inside the page's task). */
  ourScriptMs: number;
  /** The longest events inside the task (name and ms), for a report when a test fails. */
  inside: string[];
}

export interface Trace {
  tasks: MainThreadTask[];
  /** User-timing marks on the page (policylens:annotate:start/end …), in ms since the trace began. */
  marks: Map<string, number>;
}

export interface Tracer {
  stop(): Promise<Trace>;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
].join(',');

export async function startTrace(page: Page): Promise<Tracer> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value as unknown as TraceEvent[]) events.push(event);
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      return reduce(events, page.url());
    },
  };
}

function scriptUrl(event: TraceEvent): string {
  const data = event.args?.data as { url?: string; stackTrace?: Array<{ url?: string }> } | undefined;
  return data?.url ?? data?.stackTrace?.[0]?.url ?? '';
}

function reduce(events: TraceEvent[], pageUrl: string): Trace {
  // The page's renderer: the process the browser reports for the page's frame.
  const started = events.find((event) => event.name === 'TracingStartedInBrowser');
  const origin = new URL(pageUrl).origin;
  const frame = started?.args?.data?.frames?.find((f) => f.url?.startsWith(origin) && f.processId);
  const pid = frame?.processId ?? started?.args?.data?.frames?.find((f) => f.processId)?.processId;
  const mainThread = events.find(
    (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && event.pid === pid,
  );
  if (!mainThread) throw new Error('no renderer main thread in the trace');
  const onThread = events
    .filter((event) => event.pid === mainThread.pid && event.tid === mainThread.tid)
    .sort((a, b) => a.ts - b.ts);
  let t0 = Infinity;
  for (const event of events) if (event.ts > 0 && event.ts < t0) t0 = event.ts;
  const tasks: MainThreadTask[] = [];
  let current: (MainThreadTask & { end: number; ourUntil: number }) | null = null;
  const marks = new Map<string, number>();
  for (const event of onThread) {
    if (event.name === 'RunTask' && event.ph === 'X') {
      current = {
        start: (event.ts - t0) / 1000,
        duration: (event.dur ?? 0) / 1000,
        ours: false,
        ourScriptMs: 0,
        ourUntil: 0,
        inside: [],
        end: event.ts + (event.dur ?? 0),
      };
      tasks.push(current);
      continue;
    }
    if (current && event.ts <= current.end && event.ph === 'X' && (event.dur ?? 0) > 5000 && current.inside.length < 12) {
      const url = scriptUrl(event);
      current.inside.push(`${event.name}${url ? `(${url.split('/').pop()})` : ''} ${((event.dur ?? 0) / 1000).toFixed(0)}`);
    }
    if (current && event.ts <= current.end && scriptUrl(event).startsWith('chrome-extension://')) {
      current.ours = true;
      // Count the outermost script event only (nested ones lie inside its duration).
      if (event.ph === 'X' && event.ts >= current.ourUntil) {
        current.ourScriptMs += (event.dur ?? 0) / 1000;
        current.ourUntil = event.ts + (event.dur ?? 0);
      }
    }
  }
  for (const event of events) {
    if (event.cat?.includes('blink.user_timing') && event.name.startsWith('policylens:')) {
      marks.set(event.name, (event.ts - t0) / 1000);
    }
  }
  return {
    tasks: tasks.map(({ start, duration, ours, ourScriptMs, inside }) => ({ start, duration, ours, ourScriptMs, inside })),
    marks,
  };
}
