/**
 * Chromium performance traces over CDP, reduced to what the report needs: the renderer main
 * thread's tasks (to find the longest one and the total blocking time) and user-timing marks (to
 * place the annotation on the trace's clock). Trace times are in microseconds on a monotonic clock;
 * everything returned here is in milliseconds on that clock.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string; startTime?: number; callTime?: number } };
}

export interface Task {
  start: number;
  end: number;
  duration: number;
  /** Thread (CPU) time of the task, when the trace recorded it (ms). */
  cpuMs: number;
}

export interface Window {
  start: number;
  end: number;
}

/**
 * Only the scheduler's tasks, user timing and thread names. The devtools.timeline categories would
 * add per-invalidation events with stack traces: PolicyLens's annotation took ~1.7× as long under
 * them, which would inflate the very task lengths being measured.
 */
const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];
/**
 * Top-level units of main-thread work: the scheduler's tasks (DevTools' "Task"), and microtask
 * checkpoints run outside any task. The content script's code after an extension API call (its
 * settings load) resumes in such a checkpoint, straight from the IPC message, so counting tasks
 * alone would miss PolicyLens's longest stretch of work.
 */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

/** The long-task threshold: the part of a task beyond it is "blocking time". */
export const LONG_TASK_MS = 50;

/** Records a trace (of the whole browser) while `action` runs; `categories` replaces the default set. */
export async function recordTrace(
  cdp: CDPSession,
  action: () => Promise<void>,
  categories: readonly string[] = CATEGORIES,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }): void => {
    events.push(...(value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: [...categories] }, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** The last navigation of the document at `url`: where its page clock starts (ms, trace clock). */
export function navigationStartOf(events: readonly TraceEvent[], url: string): { time: number; pid: number; tid: number } {
  const starts = events.filter((event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === url);
  const last = starts.at(-1);
  if (!last) throw new Error(`no navigationStart for ${url} in the trace`);
  return { time: last.ts / 1000, pid: last.pid, tid: last.tid };
}

/**
 * When a user-timing mark was made (the last of that name in the process), in ms on the trace
 * clock. The trace keeps the exact call time, while the page's own clock is coarsened to 0.1 ms.
 */
export function markTime(events: readonly TraceEvent[], name: string, thread: { pid: number }): number | null {
  const mark = events
    .filter((event) => event.name === name && event.cat === 'blink.user_timing' && event.pid === thread.pid && event.ph === 'I')
    .at(-1);
  if (!mark) return null;
  return (mark.args?.data?.callTime ?? mark.ts) / 1000;
}

/** The span between `<name>:start` and `<name>:end` marks (how PolicyLens brackets its work). */
export function markedSpan(events: readonly TraceEvent[], name: string, thread: { pid: number }): Window | null {
  const start = markTime(events, `${name}:start`, thread);
  const end = markTime(events, `${name}:end`, thread);
  return start !== null && end !== null ? { start, end } : null;
}

/** Top-level units of work on one thread, outermost only (nested ones are part of their parent). */
export function tasksOn(events: readonly TraceEvent[], thread: { pid: number; tid: number }): Task[] {
  const candidates = events
    .filter(
      (event) =>
        TASK_EVENTS.has(event.name) &&
        event.ph === 'X' &&
        event.pid === thread.pid &&
        event.tid === thread.tid &&
        event.dur !== undefined,
    )
    .map((event) => ({
      start: event.ts / 1000,
      end: (event.ts + event.dur!) / 1000,
      duration: event.dur! / 1000,
      cpuMs: (event.tdur ?? NaN) / 1000,
    }))
    .sort((a, b) => a.start - b.start || b.duration - a.duration);
  const outermost: Task[] = [];
  for (const task of candidates) {
    const last = outermost.at(-1);
    if (last && task.end <= last.end) continue;
    outermost.push(task);
  }
  return outermost;
}

export function overlapping(tasks: readonly Task[], window: Window): Task[] {
  return tasks.filter((task) => task.end >= window.start && task.start <= window.end);
}

export function longestTask(tasks: readonly Task[]): number {
  return tasks.reduce((longest, task) => Math.max(longest, task.duration), 0);
}

/** The thread (CPU) time of the longest task (NaN when there is none, or the trace has no thread times). */
export function longestTaskCpu(tasks: readonly Task[]): number {
  const longest = tasks.reduce<Task | null>((found, task) => (!found || task.duration > found.duration ? task : found), null);
  return longest?.cpuMs ?? NaN;
}

/** Lighthouse's definition: the sum over tasks of the time beyond 50 ms. */
export function totalBlockingTime(tasks: readonly Task[]): number {
  return tasks.reduce((total, task) => total + Math.max(0, task.duration - LONG_TASK_MS), 0);
}

export function busyTime(tasks: readonly Task[]): number {
  return tasks.reduce((total, task) => total + task.duration, 0);
}
