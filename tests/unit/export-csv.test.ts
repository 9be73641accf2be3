import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, neutralise, toCsv } from '../../src/core/export/formats/csv';
import { parseCsv } from './export-helpers/csv-parse';
import { speechDocument, speechInput } from './export-helpers/fixtures';

describe('the CSV export', () => {
  const csv = toCsv(speechDocument());
  const [header, ...rows] = parseCsv(csv);

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFHighlight,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r|\n/);
  });

  it('has the importers’ columns first, then PolicyLens’s own', () => {
    expect(header).toEqual([
      'Highlight',
      'Title',
      'Author',
      'URL',
      'Note',
      'Location',
      'Date',
      'Term',
      'Entry ID',
      'Section',
      'Kind',
    ]);
  });

  it('has one row per highlight, glossary and reader alike', () => {
    expect(rows.map((row) => row[CSV_COLUMNS.indexOf('Kind')])).toEqual([
      'glossary',
      'glossary',
      'glossary',
      'glossary',
      'glossary',
      'reader',
    ]);
  });

  it('gives the position start as Location and the section path as Section', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, rows[2]![index]]));
    const highlight = speechDocument().highlights[2]!;
    expect(row).toMatchObject({
      Highlight: '稳就业',
      Title: '2024年政府工作报告',
      URL: 'https://example.gov.cn/speech.html',
      Location: String(highlight.selectors.position.start),
      Term: '稳就业',
      'Entry ID': 'wen-jiuye',
      Section: '一、总体要求 › （一）稳就业',
      Date: '2024-03-05T09:30:00.000Z',
    });
  });

  it('gives a reader row its note and creation date, and an orphan no Location', () => {
    const input = speechInput();
    const document = speechDocument({ readerHighlights: [{ ...input.readerHighlights[0]!, orphan: true }] });
    const last = parseCsv(toCsv(document)).at(-1)!;
    expect(last[CSV_COLUMNS.indexOf('Note')]).toBe('要点：质量第一');
    expect(last[CSV_COLUMNS.indexOf('Date')]).toBe('2024-03-05T10:00:00.000Z');
    expect(last[CSV_COLUMNS.indexOf('Location')]).toBe('');
  });
});

describe('CSV fields', () => {
  it('quote a field with a comma, quote, CR or LF and double its quotes (RFC 4180)', () => {
    expect(csvField('plain 文字')).toBe('plain 文字');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('read back as the same text for any string (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        fc.pre(!(cells.length === 1 && cells[0] === ''));
        const line = `${cells.map(csvField).join(',')}\r\n`;
        expect(parseCsv(line)).toEqual([cells]);
      }),
    );
  });

  it('neutralise cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")']) {
      expect(neutralise(cell)).toBe(`'${cell}`);
    }
  });

  it('do NOT change cells that cannot start a formula', () => {
    for (const cell of ['六稳', 'a=1', ' =1', '', "'quoted"]) expect(neutralise(cell)).toBe(cell);
  });
});
