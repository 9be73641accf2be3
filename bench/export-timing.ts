/**
 * Export of a page with 10,000 highlights: the pure work the popup does after it has the page's
 * analysis (build the export document, then render each format), timed in Node on the 1 MB
 * article's text. The message carrying the analysis from the page is not included.
 */
import { readFileSync } from 'node:fs';
import { analyzeBlocks } from '../src/core/analysis/analyze';
import { toAnki, toCsv, toJson, toMarkdown } from '../src/core/export';
import { exportDocumentFor } from '../src/core/export/from-analysis';
import type { GlossaryEntry } from '../src/core/glossary/schema';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { TermMatcher } from '../src/core/matcher/matcher';
import { textToBlocks } from '../src/core/outline';
import { summarize, type Summary } from './stats';

export interface ExportTiming {
  highlights: number;
  /** Build the document and render all four formats, per run. */
  totalMs: Summary;
  perFormatMs: Record<'document' | 'md' | 'csv' | 'json' | 'anki', number>;
}

export function benchExport(index: MatchIndex, text: string, wanted = 10_000, runs = 5): ExportTiming {
  const glossary = JSON.parse(readFileSync(new URL('../.generated/glossary.json', import.meta.url), 'utf8')) as {
    entries: GlossaryEntry[];
  };
  const byId = new Map(glossary.entries.map((entry) => [entry.id, entry]));
  const analysis = analyzeBlocks(textToBlocks(text), new TermMatcher(index));
  analysis.matches = analysis.matches.slice(0, wanted);
  const metadata = {
    title: 'bench',
    url: 'http://127.0.0.1/bench',
    file: null,
    readAt: new Date().toISOString(),
    glossaryVersion: index.version,
  };
  const totals: number[] = [];
  const perFormat = { document: 0, md: 0, csv: 0, json: 0, anki: 0 };
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const document = exportDocumentFor(analysis, (id) => byId.get(id), metadata);
    const t1 = performance.now();
    toMarkdown(document, 'zh_CN');
    const t2 = performance.now();
    toCsv(document);
    const t3 = performance.now();
    toJson(document);
    const t4 = performance.now();
    toAnki(document, 'zh_CN');
    const t5 = performance.now();
    totals.push(t5 - t0);
    if (run === runs - 1)
      Object.assign(perFormat, { document: t1 - t0, md: t2 - t1, csv: t3 - t2, json: t4 - t3, anki: t5 - t4 });
  }
  return { highlights: analysis.matches.length, totalMs: summarize(totals), perFormatMs: perFormat };
}
