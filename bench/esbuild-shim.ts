/**
 * tsx compiles this code with esbuild's keepNames, which wraps named functions in `__name(…)`.
 * Functions passed to page.evaluate are sent as source and run in the page, where `__name` does
 * not exist; define it there (as a string, so it is not itself rewritten).
 */
import type { BrowserContext } from 'playwright-core';

export async function allowEvaluatedFunctionNames(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
}
