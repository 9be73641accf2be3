/**
 * `npm run -s glossary` prints the bundled glossary as a JSON array (the data the extension ships).
 * `npm run -s glossary -- --check` is the review aid: entries whose status is uncertain, and terms
 * whose generated pinyin touches a polyphonic character without a reviewed `pinyin` (exit 0: a report).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GLOSSARY_DIR, loadGlossary } from './glossary/load-glossary';

// `npm run -s glossary | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const built = loadGlossary(undefined, false);
if (built.problems.length > 0) {
  console.error(`glossary: ${built.problems.length} problem(s):\n${built.problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

if (!process.argv.includes('--check')) {
  // No process.exit() after a large write: on a pipe it would cut the output short.
  process.stdout.write(JSON.stringify(built.entries, null, 2) + '\n');
} else {
  printReviewReport();
}

function printReviewReport(): void {
  /** Characters whose reading depends on the word (长 zhǎng/cháng, 重 zhòng/chóng, 为 wéi/wèi …). */
  const POLYPHONIC = /[长重行调为只应藏朝降种处还得率]/;

  const reviewedPinyin = new Set<string>();
  for (const file of built.fileOf.values()) {
    const data = parse(readFileSync(GLOSSARY_DIR + file, 'utf8')) as Array<{ id: string; pinyin?: string }>;
    for (const entry of data) if (entry.pinyin) reviewedPinyin.add(entry.id);
  }

  const uncertain = built.entries.filter((entry) => entry.status === 'uncertain');
  const pinyinToReview = built.entries.filter((entry) => POLYPHONIC.test(entry.term) && !reviewedPinyin.has(entry.id));
  console.log(
    `glossary ${built.version}: ${built.entries.length} entries, ${built.entries.length - uncertain.length} verified, ${uncertain.length} uncertain\n`,
  );
  console.log(`Uncertain entries (${uncertain.length}):`);
  for (const entry of uncertain) console.log(`  ${entry.id}\t${entry.term}\t${built.fileOf.get(entry.id)}\t${entry.note ?? ''}`);
  console.log(
    `\nGenerated pinyin with a polyphonic character, not yet confirmed by a reviewed \`pinyin\` field (${pinyinToReview.length}):`,
  );
  for (const entry of pinyinToReview) console.log(`  ${entry.term}\t${entry.pinyin}`);
}
