/** A small speech, two glossary entries and a reader's highlight: the export tests' common input. */
import type { GlossaryEntry } from '../../../src/core/glossary/schema';
import { buildExportDocument, type ExportInput } from '../../../src/core/export/document';
import { selectorsFor } from '../../../src/core/export/anchoring';
import type { ExportDocument } from '../../../src/core/export/schema';

export function entry(overrides: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'term'>): GlossaryEntry {
  return {
    variants: [],
    pinyin: 'pīn yīn',
    category: 'formula',
    family: null,
    members: [],
    summaryZh: '中文解释。',
    summaryEn: 'An explanation.',
    english: [],
    origin: null,
    period: null,
    senses: [],
    related: [],
    sources: [{ title: 'Source', publisher: 'Publisher', url: 'https://example.org/' }],
    status: 'verified',
    note: null,
    scope: 'national',
    boundary: null,
    ...overrides,
  };
}

export const LIU_WEN = entry({
  id: 'liu-wen',
  term: '六稳',
  pinyin: 'liù wěn',
  members: ['wen-jiuye'],
  summaryZh: '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。',
  summaryEn: 'Stabilise employment, finance, foreign trade, foreign investment, investment and expectations.',
  english: [{ text: 'six stabilities', source: 'Xinhua' }],
});

export const WEN_JIUYE = entry({
  id: 'wen-jiuye',
  term: '稳就业',
  pinyin: 'wěn jiùyè',
  category: 'economy',
  family: 'liu-wen',
  summaryZh: '保持就业稳定。',
  summaryEn: 'Keep employment stable.',
});

export const ENTRIES = new Map([LIU_WEN, WEN_JIUYE].map((e) => [e.id, e]));

/** Offsets of the n-th occurrence (0-based) of `needle` in `text`. */
export function spanOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: at, end: at + needle.length };
}

export const SPEECH = [
  '同志们：今年要做好六稳工作。',
  '一、总体要求',
  '坚持稳中求进。做好“六稳”工作！',
  '（一）稳就业',
  '稳就业是六稳之首；要抓好稳就业。',
  '二、重点任务',
  '推动高质量发展。',
].join('\n');

export function speechInput(overrides: Partial<ExportInput> = {}): ExportInput {
  const text = SPEECH;
  const match = (id: string, needle: string, occurrence = 0) => ({ entryId: id, ...spanOf(text, needle, occurrence) });
  const highlighted = spanOf(text, '推动高质量发展');
  return {
    mainText: text,
    headings: [
      { level: 1, marker: '一、', title: '总体要求', start: spanOf(text, '一、总体要求').start },
      { level: 2, marker: '（一）', title: '稳就业', start: spanOf(text, '（一）稳就业').start },
      { level: 1, marker: '二、', title: '重点任务', start: spanOf(text, '二、重点任务').start },
    ],
    matches: [
      match('liu-wen', '六稳', 0),
      match('liu-wen', '六稳', 1),
      match('wen-jiuye', '稳就业', 1),
      match('liu-wen', '六稳', 2),
      match('wen-jiuye', '稳就业', 2),
    ],
    entryById: (id) => ENTRIES.get(id),
    readerHighlights: [
      {
        id: 'r1',
        note: '要点：质量第一',
        createdAt: '2024-03-05T10:00:00.000Z',
        orphan: false,
        selectors: selectorsFor(text, highlighted.start, highlighted.end),
      },
    ],
    metadata: {
      title: '2024年政府工作报告',
      url: 'https://example.gov.cn/speech.html',
      file: null,
      readAt: '2024-03-05T09:30:00.000Z',
      glossaryVersion: '2024.03',
    },
    ...overrides,
  };
}

export function speechDocument(overrides: Partial<ExportInput> = {}): ExportDocument {
  return buildExportDocument(speechInput(overrides));
}
