/**
 * `npm run -s analyze -- [--format json|md|csv|anki|text] [--lang en|zh_CN] FILE...`: the outline
 * and glossary highlights of speeches saved as .html or .txt, with the same core the extension runs.
 * Exit codes: 0 all files analysed; 1 some file failed (the others are still reported);
 * 2 wrong arguments.
 */
import { buildMatchIndex } from '../src/core/matcher/match-index';
import { TermMatcher } from '../src/core/matcher/matcher';
import { analyzeDocument } from '../src/cli/analyze-document';
import { parseArgs, USAGE, UsageError } from '../src/cli/args';
import { formatterFor } from '../src/cli/formatters';
import { InputError, readInputFile } from '../src/cli/read-input';
import type { AnalyzedFile } from '../src/core/analysis/report';
import { loadGlossary } from './glossary/load-glossary';

function main(argv: readonly string[]): number {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`analyze: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const formatter = formatterFor(options.format, options.lang);

  const glossary = loadGlossary();
  if (glossary.problems.length > 0) {
    process.stderr.write(
      `analyze: warning: the glossary has ${glossary.problems.length} problem(s); run npm run -s glossary -- --check\n`,
    );
  }
  const matcher = new TermMatcher(buildMatchIndex(glossary.entries, glossary.version, glossary.foldPairs));
  const byId = new Map(glossary.entries.map((entry) => [entry.id, entry]));
  const context = {
    matcher,
    entryById: (id: string) => byId.get(id),
    glossaryVersion: glossary.version,
    readAt: new Date().toISOString(),
  };

  let failed = false;
  const files: AnalyzedFile[] = options.files.map((file) => {
    try {
      return analyzeDocument(file, readInputFile(file), context);
    } catch (error) {
      failed = true;
      const message = error instanceof InputError ? error.message : `analysis failed: ${(error as Error).message}`;
      process.stderr.write(`analyze: ${file}: ${message}\n`);
      return { report: { file, error: message }, mainText: null };
    }
  });

  process.stdout.write(formatter(files));
  return failed ? 1 : 0;
}

// `analyze … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = main(process.argv.slice(2));
