import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import { buildMatchIndex } from '../../src/core/matcher/match-index';
import { TermMatcher } from '../../src/core/matcher/matcher';
import { detectOutline, textToBlocks } from '../../src/core/outline';

const glossary = loadGlossary(undefined, false);
const matcher = new TermMatcher(buildMatchIndex(glossary.entries, glossary.version, glossary.foldPairs));

describe('untrusted text', () => {
  it('never makes the matcher throw, and every match lies inside the text (random Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        for (const match of matcher.find(text)) {
          expect(match.start).toBeGreaterThanOrEqual(0);
          expect(match.end).toBeLessThanOrEqual(text.length);
          expect(match.end).toBeGreaterThan(match.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never makes the outline detector throw, and it is deterministic (random lines of markers and text)', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('一、', '（一）', '(二)', '1.', '2．', '（3）', '①', '第一，', '一是', '十一、', '\u3000\u3000'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(line, { maxLength: 4 }).map((parts) => parts.join('')),
          { maxLength: 60 },
        ),
        (lines) => {
          const blocks = textToBlocks(lines.join('\n'));
          expect(detectOutline(blocks)).toEqual(detectOutline(blocks));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the analyze CLI on random bytes', () => {
  it('reports each bad file as an error and still analyses the good one, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylens-random-'));
    const files = [0, 1, 2].map((seed) => {
      const bytes = Buffer.from(fc.sample(fc.integer({ min: 0, max: 255 }), { seed, numRuns: 3000 }));
      const path = join(dir, `random-${seed}.txt`);
      writeFileSync(path, bytes);
      return path;
    });
    const result = spawnSync('npx', ['tsx', 'scripts/analyze.ts', ...files, 'tests/fixtures/seed-speech.txt'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const reports = JSON.parse(result.stdout) as Array<{ file: string; error?: string; highlights?: unknown[] }>;
    expect(reports).toHaveLength(4);
    expect(reports.slice(0, 3).every((report) => typeof report.error === 'string')).toBe(true);
    expect(reports[3]!.highlights!.length).toBeGreaterThan(100);
  }, 60_000);
});
