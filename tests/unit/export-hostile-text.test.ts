/**
 * Page text is untrusted: whatever it holds (quotes, commas, line breaks, tabs, Markdown and HTML
 * syntax, bidirectional controls) must come out of every format as text, and read back unchanged
 * where the format allows reading back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectorsFor } from '../../src/core/export/anchoring';
import { buildExportDocument, type ExportInput } from '../../src/core/export/document';
import { CSV_COLUMNS, toCsv } from '../../src/core/export/formats/csv';
import { toAnki } from '../../src/core/export/formats/anki';
import { toJson } from '../../src/core/export/formats/json';
import { toMarkdown } from '../../src/core/export/formats/markdown';
import { unescapeMarkdown } from '../../src/core/export/formats/markdown-escape';
import { parseExportDocument } from '../../src/core/export/parse';
import type { ExportDocument } from '../../src/core/export/schema';
import { parseCsv } from './export-helpers/csv-parse';
import { ENTRIES, speechInput } from './export-helpers/fixtures';

const HOSTILE =
  '=cmd|"/c calc"!A1, "quoted", a,b\ttab *bold* _u_ `code` [[link]] <script>alert(1)</script> # | \\ & \u200F\u202Egpj.exe';

/** A document whose title, text, note and sentences all carry `hostile`, around a real glossary term. */
function hostileDocument(hostile: string): ExportDocument {
  const mainText = `${hostile}\n前言${hostile}做好六稳工作${hostile}。\n${hostile}`;
  const term = mainText.indexOf('六稳');
  const quoteStart = mainText.indexOf('做好');
  const input: ExportInput = {
    ...speechInput(),
    mainText,
    headings: [{ level: 1, marker: '一、', title: hostile, start: mainText.indexOf('前言') }],
    matches: [{ entryId: 'liu-wen', start: term, end: term + 2 }],
    entryById: (id) => ENTRIES.get(id),
    readerHighlights: [
      {
        id: 'r',
        note: hostile,
        createdAt: '2024-03-05T10:00:00Z',
        orphan: false,
        selectors: selectorsFor(mainText, quoteStart, term + 4 + hostile.length),
      },
    ],
    metadata: {
      title: hostile,
      url: `https://example.org/?q=${encodeURIComponent(hostile)}`,
      file: null,
      readAt: '2024-03-05T09:30:00Z',
      glossaryVersion: '1',
    },
  };
  return buildExportDocument(input);
}

/** The cells the CSV must hold, worked out from the document, not from the writer. */
function expectedCsvCells(document: ExportDocument): string[][] {
  const guard = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const url = document.url ?? document.file ?? '';
  return [
    [...CSV_COLUMNS],
    ...document.highlights.map((h) =>
      [
        h.text,
        document.title,
        '',
        url,
        h.english ? `${h.english}: ${h.summaryEn}` : h.summaryEn,
        String(h.start),
        document.readAt,
        h.term,
        h.entryId,
        h.section.join(' › '),
        'glossary',
      ].map(guard),
    ),
    ...document.readerHighlights.map((h) =>
      [
        h.text,
        document.title,
        '',
        url,
        h.note ?? '',
        h.orphan ? '' : String(h.selectors.position.start),
        h.createdAt,
        '',
        '',
        h.section.join(' › '),
        'reader',
      ].map(guard),
    ),
  ];
}

/** Anki fields may hold only our own tags (<b>, <br>) and entities: no other markup, no quote. */
function expectOnlyOwnMarkup(field: string) {
  const stripped = field.replace(/<\/?b>|<br>/g, '').replace(/&(amp|lt|gt|quot|#35);/g, '');
  expect(stripped).not.toMatch(/[<>"&\t\r\n]/);
}

describe('hostile page text', () => {
  const document = hostileDocument(HOSTILE);

  it('survives CSV: the cells read back are the document’s, formulas neutralised', () => {
    const cells = parseCsv(toCsv(document));
    expect(cells).toEqual(expectedCsvCells(document));
    expect(cells[1]![CSV_COLUMNS.indexOf('Title')]!.startsWith("'=cmd")).toBe(true);
  });

  it('survives JSON: re-imported, it is the same document', () => {
    expect(parseExportDocument(toJson(document))).toEqual({ ok: true, document });
  });

  it('survives Markdown: escaped, and read back as written (bidirectional marks included)', () => {
    const markdown = toMarkdown(document, 'en');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).toContain('\u200F\u202Egpj.exe');
    const titleLine = markdown.split('\n')[0]!;
    expect(unescapeMarkdown(titleLine.slice(2))).toBe(HOSTILE);
    const noteLine = markdown.split('\n').find((line) => line.startsWith('**Note:** '))!;
    expect(unescapeMarkdown(noteLine.slice('**Note:** '.length))).toBe(HOSTILE);
  });

  it('survives Anki: three fields per note, every field escaped', () => {
    const notes = toAnki(document).trimEnd().split('\n').slice(3);
    expect(notes).toHaveLength(1);
    const fields = notes[0]!.split('\t');
    expect(fields).toHaveLength(3);
    fields.forEach(expectOnlyOwnMarkup);
    expect(fields[1]).toContain('&lt;script&gt;');
  });

  it('survives every format for any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'",\t\r\n*_`[]<>#|\\&=+-@ \u200F\u202E字a1.'), minLength: 1, maxLength: 40 }),
        (hostile) => {
          const doc = hostileDocument(hostile);
          expect(parseCsv(toCsv(doc))).toEqual(expectedCsvCells(doc));
          expect(parseExportDocument(toJson(doc))).toEqual({ ok: true, document: doc });
          const notes = toAnki(doc).trimEnd().split('\n').slice(3);
          expect(notes).toHaveLength(1);
          const fields = notes[0]!.split('\t');
          expect(fields).toHaveLength(3);
          fields.forEach(expectOnlyOwnMarkup);
          expect(notes[0]).not.toMatch(/^#/);
          // Once escape pairs are dropped, the only < left are our autolink and <b> tags.
          const markdown = toMarkdown(doc, 'zh_CN').replace(/\\[!-/:-@[-`{-~]/g, '');
          expect(markdown).not.toMatch(/<(?!\/?b>|https:)/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a large export', () => {
  it('exports 10,000 highlights in every format without error', () => {
    const sentence = '做好六稳工作，落实六保任务。';
    const mainText = sentence.repeat(5_000);
    const matches = Array.from({ length: 10_000 }, (_, index) => {
      const start = Math.floor(index / 2) * sentence.length + (index % 2 === 0 ? 2 : 8);
      return { entryId: 'liu-wen', start, end: start + 2 };
    });
    const document = buildExportDocument({
      ...speechInput(),
      mainText,
      headings: Array.from({ length: 100 }, (_, index) => ({
        level: 1 + (index % 3),
        marker: `${index + 1}.`,
        title: '标题',
        start: index * 700,
      })),
      matches,
    });
    expect(document.highlights).toHaveLength(10_000);
    expect(parseCsv(toCsv(document))).toHaveLength(10_000 + 1 + document.readerHighlights.length);
    expect(parseExportDocument(toJson(document)).ok).toBe(true);
    expect(toMarkdown(document, 'en').length).toBeGreaterThan(0);
    expect(toAnki(document).trimEnd().split('\n')).toHaveLength(4);
  });
});
