/**
 * Gives the page's own tasks a turn. `scheduler.yield()` keeps our place at the front of the queue
 * where the browser has it (Chrome 129+); elsewhere a MessageChannel task, which unlike
 * `setTimeout(0)` is not clamped to 4 ms after nesting.
 */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
