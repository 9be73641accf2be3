import { describe, expect, it } from 'vitest';
import { anchor } from '../../src/core/export/anchoring';
import { buildExportDocument } from '../../src/core/export/document';
import { toJson } from '../../src/core/export/formats/json';
import { parseExportDocument } from '../../src/core/export/parse';
import { exportDocumentSchema } from '../../src/core/export/schema';
import { SPEECH, speechDocument, speechInput, spanOf } from './export-helpers/fixtures';

describe('the export document', () => {
  it('is a valid version 1 "policylens-export" with the metadata it was given', () => {
    const document = speechDocument();
    expect(exportDocumentSchema.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({
      format: 'policylens-export',
      version: 1,
      title: '2024年政府工作报告',
      url: 'https://example.gov.cn/speech.html',
      file: null,
      readAt: '2024-03-05T09:30:00.000Z',
      glossaryVersion: '2024.03',
    });
    expect(document.outline).toEqual([
      { level: 1, marker: '一、', title: '总体要求' },
      { level: 2, marker: '（一）', title: '稳就业' },
      { level: 1, marker: '二、', title: '重点任务' },
    ]);
  });

  it('is a strict superset of the analyze CLI report: every CLI field, same name, same meaning', () => {
    const document = speechDocument({ metadata: { ...speechInput().metadata, file: 'speech.txt' } });
    expect(document).toHaveProperty('file', 'speech.txt');
    for (const key of ['file', 'title', 'outline', 'highlights']) expect(document).toHaveProperty(key);
    const highlight = document.highlights[0]!;
    for (const key of ['entryId', 'term', 'text', 'start', 'end', 'section', 'context']) expect(highlight).toHaveProperty(key);
    expect(SPEECH.slice(highlight.start, highlight.end)).toBe(highlight.text);
  });

  it('places each highlight in the chain of headings containing it, outermost first', () => {
    const sections = speechDocument().highlights.map((h) => [h.text, h.section]);
    expect(sections).toEqual([
      ['六稳', []],
      ['六稳', ['一、总体要求']],
      ['稳就业', ['一、总体要求', '（一）稳就业']],
      ['六稳', ['一、总体要求', '（一）稳就业']],
      ['稳就业', ['一、总体要求', '（一）稳就业']],
    ]);
  });

  it('gives the sentence around each highlight, cut at 。！？； and line ends', () => {
    const contexts = speechDocument().highlights.map((h) => h.context);
    expect(contexts).toEqual([
      '同志们：今年要做好六稳工作。',
      '做好“六稳”工作！',
      '稳就业是六稳之首；',
      '稳就业是六稳之首；',
      '要抓好稳就业。',
    ]);
  });

  it('copies the entry explanation so the export stands on its own', () => {
    const [liuWen] = speechDocument().highlights;
    expect(liuWen).toMatchObject({
      entryId: 'liu-wen',
      term: '六稳',
      pinyin: 'liù wěn',
      english: 'six stabilities',
      category: 'formula',
      family: null,
    });
    const jiuye = speechDocument().highlights.find((h) => h.entryId === 'wen-jiuye')!;
    expect(jiuye).toMatchObject({ english: null, family: 'liu-wen', category: 'economy' });
  });

  it('gives Hypothesis-style selectors: the quote with up to 32 characters either side, and the position', () => {
    const highlight = speechDocument().highlights[1]!;
    const { quote, position } = highlight.selectors;
    expect(position).toEqual({ start: highlight.start, end: highlight.end });
    expect(quote.exact).toBe('六稳');
    expect(quote.prefix).toBe(SPEECH.slice(highlight.start - 32, highlight.start));
    expect(quote.suffix).toBe(SPEECH.slice(highlight.end, highlight.end + 32));
    expect(anchor(SPEECH, highlight.selectors)).toEqual(position);
  });

  it('re-anchors reader highlights in the text, with section, sentence and fresh selectors', () => {
    const [reader] = speechDocument().readerHighlights;
    expect(reader).toMatchObject({
      id: 'r1',
      text: '推动高质量发展',
      note: '要点：质量第一',
      section: ['二、重点任务'],
      context: '推动高质量发展。',
      orphan: false,
    });
  });

  it('marks a reader highlight whose quote is gone as an orphan, keeping its stored selectors', () => {
    const input = speechInput();
    const edited = input.mainText.replace('推动高质量发展', '全面深化改革开放');
    const document = buildExportDocument({ ...input, mainText: edited, matches: [] });
    const [reader] = document.readerHighlights;
    expect(reader).toMatchObject({ orphan: true, section: [], text: '推动高质量发展', context: '推动高质量发展。' });
    expect(reader!.selectors).toEqual(input.readerHighlights[0]!.selectors);
  });

  it('lists reader highlights in reading order, orphans last', () => {
    const input = speechInput();
    const early = spanOf(SPEECH, '坚持稳中求进');
    const document = buildExportDocument({
      ...input,
      readerHighlights: [
        { ...input.readerHighlights[0]!, id: 'orphan', orphan: true },
        ...input.readerHighlights,
        {
          id: 'early',
          note: null,
          createdAt: '2024-03-05T11:00:00Z',
          orphan: false,
          selectors: {
            quote: { exact: '坚持稳中求进', prefix: '', suffix: '' },
            position: early,
          },
        },
      ],
    });
    expect(document.readerHighlights.map((h) => h.id)).toEqual(['early', 'r1', 'orphan']);
  });

  it('does NOT export a stored reader highlight with no quoted text', () => {
    const input = speechInput();
    const empty = {
      ...input.readerHighlights[0]!,
      id: 'empty',
      selectors: { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 1 } },
    };
    const document = buildExportDocument({ ...input, readerHighlights: [empty, ...input.readerHighlights] });
    expect(document.readerHighlights.map((h) => h.id)).toEqual(['r1']);
  });

  it('does NOT accept a match whose entry the glossary lookup does not know', () => {
    const input = speechInput();
    expect(() => buildExportDocument({ ...input, matches: [{ entryId: 'nope', start: 0, end: 2 }] })).toThrow(/nope/);
  });
});

describe('re-importing a JSON export', () => {
  it('returns the same document', () => {
    const document = speechDocument();
    expect(parseExportDocument(toJson(document))).toEqual({ ok: true, document });
  });

  it('names the field that is wrong', () => {
    const document = JSON.parse(toJson(speechDocument())) as { highlights: Array<Record<string, unknown>> };
    document.highlights[3]!.start = 'three';
    const result = parseExportDocument(JSON.stringify(document));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^highlights\[3\]\.start: /);
  });

  it('names a missing nested field by its path', () => {
    const document = JSON.parse(toJson(speechDocument())) as { readerHighlights: Array<{ selectors: { quote: object } }> };
    document.readerHighlights[0]!.selectors.quote = {};
    const result = parseExportDocument(JSON.stringify(document));
    expect(!result.ok && result.error).toMatch(/^readerHighlights\[0\]\.selectors\.quote\.exact: /);
  });

  it('does NOT accept a highlight that ends before it starts', () => {
    const document = JSON.parse(toJson(speechDocument())) as { highlights: Array<{ start: number; end: number }> };
    document.highlights[0]!.end = document.highlights[0]!.start;
    expect(parseExportDocument(JSON.stringify(document))).toEqual({
      ok: false,
      error: 'highlights[0].end: end must be after start',
    });
  });

  it('does NOT accept other JSON, and says what it expected', () => {
    expect(parseExportDocument('[1, 2]')).toEqual({ ok: false, error: '(document): expected a JSON object' });
    expect(parseExportDocument('{"format": "something-else"}')).toEqual({
      ok: false,
      error: 'format: expected "policylens-export", found "something-else"',
    });
    const notJson = parseExportDocument('{oops');
    expect(!notJson.ok && notJson.error).toMatch(/^not JSON: /);
  });

  it('does NOT read a version from a newer PolicyLens, and says so', () => {
    const result = parseExportDocument(JSON.stringify({ ...speechDocument(), version: 2 }));
    expect(result).toEqual({ ok: false, error: 'version: 2 was written by a newer PolicyLens; this one reads version 1' });
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(parseExportDocument(`\uFEFF${toJson(speechDocument())}`).ok).toBe(true);
  });
});
