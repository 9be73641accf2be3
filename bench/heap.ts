/**
 * JS heap after a full GC, over CDP. Runtime.getHeapUsage reports the page's whole V8 isolate (the
 * page's main world and every extension's isolated world share it) plus, in embedderHeapUsedSize,
 * Blink's own heap where DOM objects such as Range and Highlight live. What PolicyLens adds is
 * therefore the difference to the same page loaded in a browser without the extension.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapUsage {
  /** V8 heap used by JS objects of all worlds (bytes). */
  jsBytes: number;
  /** Blink (Oilpan) heap: DOM objects, including PolicyLens's Ranges and Highlights (bytes). */
  embedderBytes: number;
}

export async function heapAfterGc(cdp: CDPSession): Promise<HeapUsage> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { jsBytes: usage.usedSize, embedderBytes: usage.embedderHeapUsedSize ?? 0 };
}
