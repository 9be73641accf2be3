/**
 * Writes the built glossary for the extension and the CLI:
 *   .generated/glossary.json     the full entries (what `npm run -s glossary` prints)
 *   .generated/glossary-list.json  what the popup lists terms and families with (list-entry.ts)
 *   .generated/match-index.json  the compact form the content script matches with (via the background),
 *                                with its automaton prebuilt
 * Fails (exit 1) on any schema or cross-entry problem, naming the file, entry and field.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { toListEntry, type ListGlossary } from '../src/core/glossary/list-entry';
import { buildMatchIndex } from '../src/core/matcher/match-index';
import { withCompiledForms } from '../src/core/matcher/matcher';
import { loadGlossary } from './glossary/load-glossary';

const outDir = new URL('../.generated/', import.meta.url).pathname;
const built = loadGlossary();
if (built.problems.length > 0) {
  console.error(`glossary: ${built.problems.length} problem(s):\n${built.problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}glossary.json`, JSON.stringify({ version: built.version, entries: built.entries }));
const list: ListGlossary = { version: built.version, entries: built.entries.map(toListEntry) };
writeFileSync(`${outDir}glossary-list.json`, JSON.stringify(list));
// With the automaton prebuilt, so that no page builds it (see AutomatonTables).
const matchIndex = withCompiledForms(buildMatchIndex(built.entries, built.version, built.foldPairs));
writeFileSync(`${outDir}match-index.json`, JSON.stringify(matchIndex));
console.error(`glossary: ${built.entries.length} entries, version ${built.version}`);
