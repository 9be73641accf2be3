import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/cli/analyze-document';
import { parseArgs, UsageError } from '../../src/cli/args';
import { formatterFor, NotImplementedFormatError } from '../../src/cli/formatters';
import { sentenceAround } from '../../src/core/analysis/highlights';
import { InputError, readInputFile } from '../../src/cli/read-input';
import type { DocumentReport } from '../../src/core/analysis/report';
import { buildMatchIndex } from '../../src/core/matcher/match-index';
import { TermMatcher } from '../../src/core/matcher/matcher';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import { fixture, SEED_OUTLINE } from './outline-helpers';

// Lenient: these tests are about the CLI, not about the glossary data (which has its own tests).
const glossary = loadGlossary(undefined, true);
const matcher = new TermMatcher(buildMatchIndex(glossary.entries, glossary.version, glossary.foldPairs));
const tempDir = mkdtempSync(join(tmpdir(), 'policylens-analyze-'));

function analyzed(file: string, kind: 'html' | 'text') {
  const result = analyzeDocument(file, { kind, content: fixture(file) }, matcher);
  return { report: result.report as DocumentReport, mainText: result.mainText! };
}

describe('the analyze CLI', () => {
  it('reports the seed speech’s title (its first line), outline and highlights', () => {
    const { report } = analyzed('seed-speech.txt', 'text');
    expect(report.title).toBe('同志们:');
    expect(report.outline.map((item) => `${'  '.repeat(item.level - 1)}${item.marker}${item.title}`)).toEqual(SEED_OUTLINE);
    expect(report.highlights.map((highlight) => highlight.term)).toContain('六稳');
  });

  it('gives highlight offsets into the extracted main text, with their section and sentence', () => {
    for (const [file, kind] of [
      ['seed-speech.txt', 'text'],
      ['demo-speech.html', 'html'],
    ] as const) {
      const { report, mainText } = analyzed(file, kind);
      for (const highlight of report.highlights) {
        expect(mainText.slice(highlight.start, highlight.end)).toBe(highlight.text);
        expect(highlight.context).toContain(highlight.text);
      }
    }
    const { report } = analyzed('seed-speech.txt', 'text');
    const inSubsection = report.highlights.find((highlight) => highlight.text === '三大攻坚战')!;
    expect(inSubsection.section).toEqual(['一、总结,我们要客观', '(二)重点工作攻坚有力']);
  });

  it('does NOT include the demo page’s sidebar, comments or footer in its main text', () => {
    const { report, mainText } = analyzed('demo-speech.html', 'html');
    expect(report.title).toBe('在全区半年工作会议上的讲话 - X区人民政府网');
    expect(mainText).not.toContain('优化营商环境专栏');
    expect(mainText).not.toContain('ICP备案号');
    expect(mainText.split('\n')[0]).toBe('在全区半年工作会议上的讲话');
  });

  it('cuts the sentence around a highlight at 。！？； and line ends', () => {
    const text = '第一句。紧盯“六稳”工作；第三句\n第四句';
    expect(sentenceAround(text, 7, 9)).toBe('紧盯“六稳”工作；');
    expect(sentenceAround(text, 14, 15)).toBe('第三句');
  });

  it('refuses a missing file, a binary file, invalid UTF-8 and an unknown type with a clear message', () => {
    const binary = join(tempDir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x61, 0x00, 0x62]));
    const latin1 = join(tempDir, 'gbk.txt');
    writeFileSync(latin1, Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xff]));
    const pdf = join(tempDir, 'speech.pdf');
    writeFileSync(pdf, 'x');
    expect(() => readInputFile(join(tempDir, 'missing.txt'))).toThrow(new InputError('no such file'));
    expect(() => readInputFile(binary)).toThrow(/binary file/);
    expect(() => readInputFile(latin1)).toThrow(/not valid UTF-8/);
    expect(() => readInputFile(pdf)).toThrow(/unsupported file type/);
    expect(() => readInputFile(tempDir)).toThrow(/directory/);
  });

  it('parses --format in both spellings and rejects unknown options', () => {
    expect(parseArgs(['--format', 'text', 'a.txt'])).toEqual({ format: 'text', files: ['a.txt'], help: false });
    expect(parseArgs(['--format=json', 'a.txt', 'b.html']).files).toEqual(['a.txt', 'b.html']);
    expect(() => parseArgs(['--format', 'xml', 'a.txt'])).toThrow(UsageError);
    expect(() => parseArgs(['--verbose', 'a.txt'])).toThrow(UsageError);
    expect(() => parseArgs([])).toThrow(UsageError);
  });

  it('reserves md, csv and anki as not yet implemented', () => {
    for (const name of ['md', 'csv', 'anki'] as const) expect(() => formatterFor(name)).toThrow(NotImplementedFormatError);
  });

  it('keeps going after a bad file, reporting it as {file, error} and exiting non-zero', () => {
    const result = spawnSync(
      'npx',
      ['tsx', 'scripts/analyze.ts', join(tempDir, 'missing.txt'), 'tests/fixtures/seed-speech.txt'],
      {
        cwd: new URL('../..', import.meta.url).pathname,
        encoding: 'utf8',
        env: { ...process.env, GLOSSARY_LENIENT: '1' },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing.txt: no such file');
    const reports = JSON.parse(result.stdout) as Array<{ file: string; error?: string; outline?: unknown[] }>;
    expect(reports[0]).toEqual({ file: join(tempDir, 'missing.txt'), error: 'no such file' });
    expect(reports[1]!.outline).toHaveLength(12);
  }, 60_000);

  it('exits 2 with a clear message for a format that is not implemented yet', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/analyze.ts', '--format', 'csv', 'tests/fixtures/seed-speech.txt'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format csv is not yet implemented');
  }, 60_000);
});
