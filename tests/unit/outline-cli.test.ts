import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/cli/analyze-document';
import { parseArgs, UsageError } from '../../src/cli/args';
import { formatterFor } from '../../src/cli/formatters';
import { parseExportDocument } from '../../src/core/export';
import { sentenceAround } from '../../src/core/analysis/highlights';
import { InputError, readInputFile } from '../../src/cli/read-input';
import type { ExportDocument } from '../../src/core/export';
import { buildMatchIndex } from '../../src/core/matcher/match-index';
import { TermMatcher } from '../../src/core/matcher/matcher';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import { fixture, SEED_OUTLINE } from './outline-helpers';

// Lenient: these tests are about the CLI, not about the glossary data (which has its own tests).
const glossary = loadGlossary(undefined, true);
const matcher = new TermMatcher(buildMatchIndex(glossary.entries, glossary.version, glossary.foldPairs));
const byId = new Map(glossary.entries.map((entry) => [entry.id, entry]));
const context = {
  matcher,
  entryById: (id: string) => byId.get(id),
  glossaryVersion: glossary.version,
  readAt: '2026-01-01T00:00:00.000Z',
};
const tempDir = mkdtempSync(join(tmpdir(), 'policylens-analyze-'));

function analyzed(file: string, kind: 'html' | 'text') {
  const result = analyzeDocument(file, { kind, content: fixture(file) }, context);
  return { report: result.report as ExportDocument, mainText: result.mainText! };
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
    expect(parseArgs(['--format', 'text', 'a.txt'])).toEqual({ format: 'text', lang: 'en', files: ['a.txt'], help: false });
    expect(parseArgs(['--format=json', 'a.txt', 'b.html']).files).toEqual(['a.txt', 'b.html']);
    expect(() => parseArgs(['--format', 'xml', 'a.txt'])).toThrow(UsageError);
    expect(() => parseArgs(['--verbose', 'a.txt'])).toThrow(UsageError);
    expect(() => parseArgs([])).toThrow(UsageError);
  });

  it('renders the same document as JSON (a valid, re-importable export document), Markdown, CSV and Anki', () => {
    const file = analyzeDocument('seed-speech.txt', { kind: 'text', content: fixture('seed-speech.txt') }, context);
    const json = JSON.parse(formatterFor('json')([file])) as unknown[];
    const parsed = parseExportDocument(JSON.stringify(json[0]));
    expect(parsed.ok).toBe(true);
    const markdown = formatterFor('md', 'zh_CN')([file]);
    expect(markdown).toContain('## 一、总结,我们要客观');
    expect(markdown).toContain('**六稳**');
    const csv = formatterFor('csv')([file]);
    expect(csv.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(100);
    const anki = formatterFor('anki')([file]);
    expect(anki).toContain('#separator:tab');
    expect(anki.split('\n').filter((line) => line.startsWith('六稳')).length).toBe(1);
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

  it('exits 2 with a clear message for a format it does NOT know', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/analyze.ts', '--format', 'xml', 'tests/fixtures/seed-speech.txt'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown format "xml"');
  }, 60_000);
});
