import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/core/glossary/csv-table';
import { layerToCsv, layerToJson, readGlossaryFile, USER_GLOSSARY_LIMITS } from '../../src/core/glossary/user-glossary';

const example = (name: string) => readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8');
const header = 'id,term,category,summaryZh,summaryEn';

describe('reading a CSV table', () => {
  it('handles quotes, doubled quotes, line breaks in quotes, CRLF and a byte-order mark', () => {
    const records = readCsv('\uFEFFa,b\r\n"x, ""y""","line\nbreak"\r\n\r\nlast,\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'line\nbreak'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });
});

describe("importing the reader's glossary", () => {
  it('reads the documented CSV and JSON examples into the same entries', () => {
    const csv = readGlossaryFile('my-glossary.csv', example('my-glossary.csv'));
    const json = readGlossaryFile('my-glossary.json', example('my-glossary.json'));
    expect(csv.ok && json.ok).toBe(true);
    if (!csv.ok || !json.ok) return;
    expect(csv.entries.map((entry) => entry.term)).toEqual(['新质生产力', '投资于人']);
    expect(json.entries.map((entry) => entry.id)).toEqual(csv.entries.map((entry) => entry.id));
    expect(csv.entries[0]!.variants).toEqual([{ form: '新质生产力发展', kind: 'alias' }]);
    expect(csv.entries[1]!.sources).toEqual([]);
    expect(csv.entries[1]!.pinyin).toBe('tóuzī yú rén');
  });

  it('names the row and the field of a bad category, and yields no entries', () => {
    const result = readGlossaryFile('bad.csv', `${header}\nok-one,读书打卡,reform,中,en\nbad-two,第二条,party,中,en\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ row: 3, field: 'category', kind: 'oneOf' })]);
    expect(result.problems[0]!.detail).toContain('formula');
  });

  it('reports missing required cells, markup, bad ids and duplicates', () => {
    const result = readGlossaryFile(
      'bad.csv',
      `${header}\nBad Id,一二,reform,中,en\ngood,三四,reform,<b>中</b>,en\nthird,五六,reform,,en\ngood,七八,reform,中,en\n`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const described = result.problems.map(({ row, field, kind }) => `${row}:${field}:${kind}`);
    expect(described).toEqual(
      expect.arrayContaining(['2:id:idFormat', '3:summaryZh:noMarkup', '4:summaryZh:required', '5:id:duplicate']),
    );
  });

  it('refuses unknown and missing columns, unclosed quotes, non-lists and oversized files', () => {
    const unknown = readGlossaryFile('x.csv', `${header},colour\n`);
    expect(!unknown.ok && unknown.problems[0]).toMatchObject({ row: 1, field: 'colour', kind: 'unknownColumn' });
    const missing = readGlossaryFile('x.csv', 'id,term\n');
    expect(!missing.ok && missing.problems.map((p) => p.field)).toEqual(['category', 'summaryZh', 'summaryEn']);
    const unclosed = readGlossaryFile('x.csv', `${header}\na,"一二,reform,中,en\n`);
    expect(!unclosed.ok && unclosed.problems[0]).toMatchObject({ row: 2, kind: 'syntax' });
    const notList = readGlossaryFile('x.json', '{"id": "a"}');
    expect(!notList.ok && notList.problems[0]!.kind).toBe('notList');
    const huge = readGlossaryFile('x.csv', header, USER_GLOSSARY_LIMITS.maxBytes + 1);
    expect(!huge.ok && huge.problems[0]!.kind).toBe('tooLarge');
  });

  it('names JSON problems by position and path', () => {
    const result = readGlossaryFile('x.json', JSON.stringify([{ id: 'a', term: '一二', category: 'reform', summaryZh: '中' }]));
    expect(!result.ok && result.problems[0]).toMatchObject({ row: 1, field: 'summaryEn', kind: 'required' });
  });

  it('limits the number of entries', () => {
    const rows = Array.from({ length: USER_GLOSSARY_LIMITS.maxEntries + 1 }, (_, i) => `e${i},词${i}条,reform,中,en`);
    const result = readGlossaryFile('x.csv', `${header}\n${rows.join('\n')}`);
    expect(!result.ok && result.problems[0]!.kind).toBe('tooMany');
  });

  it('exports a layer to CSV and JSON that import back to the same entries', () => {
    const first = readGlossaryFile('my-glossary.json', example('my-glossary.json'));
    if (!first.ok) throw new Error('example does not import');
    for (const [name, text] of [
      ['again.csv', layerToCsv(first.entries)],
      ['again.json', layerToJson(first.entries)],
    ] as const) {
      const again = readGlossaryFile(name, text);
      expect(again.ok, name).toBe(true);
      if (again.ok) expect(again.entries.map((entry) => entry.summaryEn)).toEqual(first.entries.map((entry) => entry.summaryEn));
    }
  });

  it('keeps formula-like cells inert in CSV and reads them back unchanged', () => {
    const result = readGlossaryFile('x.csv', `${header}\nformula-cell,一二,reform,中,"=HYPERLINK(""x"")"\n`);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const csv = layerToCsv(result.entries);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const again = readGlossaryFile('y.csv', csv);
    expect(again.ok && again.entries[0]!.summaryEn).toBe('=HYPERLINK("x")');
  });
});
