/**
 * Where PolicyLens's time goes: a V8 CPU profile of one page load (CDP Profiler, 100 µs sampling),
 * reduced to self time per function for samples whose stack runs through the content script.
 * Run with `npm run bench -- --profile`; used to explain a missed target, not to score one.
 */
import type { CDPSession } from 'playwright-core';
import { waitForPolicyLens } from './in-page';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionCost {
  name: string;
  selfMs: number;
}

export interface ProfileSummary {
  /** Sampled time with the content script on the stack (ms). */
  contentScriptMs: number;
  /** The most expensive functions by self time under the content script. */
  top: FunctionCost[];
}

export async function profileLoad(tab: Page, cdp: CDPSession, url: string, measure: string): Promise<ProfileSummary> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await tab.goto(url, { waitUntil: 'load' });
  await waitForPolicyLens(tab, measure);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  return summarizeProfile(profile);
}

function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const underContentScript = new Map<number, boolean>();
  const isUnder = (id: number): boolean => {
    const known = underContentScript.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const parentId = parent.get(id);
    const result = node.callFrame.url.startsWith('chrome-extension://') || (parentId !== undefined && isUnder(parentId));
    underContentScript.set(id, result);
    return result;
  };
  const selfMs = new Map<string, number>();
  let contentScriptMs = 0;
  profile.samples.forEach((id, index) => {
    // timeDeltas[i] is the time since the previous sample: attribute the next delta to this sample.
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (!isUnder(id)) return;
    contentScriptMs += ms;
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const file = url.split('/').pop() ?? '';
    const name = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
  });
  const top = [...selfMs]
    .map(([name, ms]) => ({ name, selfMs: ms }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, Number(process.env.PL_TOP ?? 15));
  return { contentScriptMs, top };
}
