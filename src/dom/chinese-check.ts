/**
 * The language check, measured so the benchmark can see what a page without Chinese costs (no
 * annotation measure is recorded there). Marks rather than performance.now() numbers, because a
 * trace records a mark's exact call time while page clocks are coarsened to 0.1 ms, and the check
 * takes microseconds. Cleared first so checking again never accumulates entries.
 */
import { hasChineseText } from './has-chinese';

/** `performance.measure` name of the cheap "is there Chinese here?" check (what the benchmark reads). */
export const CHECK_MEASURE = 'policylens:check';

/** Whether this frame checked before (only then are there entries to clear). */
let checked = false;

export function measuredChineseCheck(): boolean {
  // Not on the first check, every page's: each call into the page's timeline costs in a fresh world.
  if (checked) {
    performance.clearMarks(`${CHECK_MEASURE}:start`);
    performance.clearMarks(`${CHECK_MEASURE}:end`);
    performance.clearMeasures(CHECK_MEASURE);
  }
  checked = true;
  performance.mark(`${CHECK_MEASURE}:start`);
  const found = hasChineseText(document);
  performance.mark(`${CHECK_MEASURE}:end`);
  performance.measure(CHECK_MEASURE, `${CHECK_MEASURE}:start`, `${CHECK_MEASURE}:end`);
  return found;
}
