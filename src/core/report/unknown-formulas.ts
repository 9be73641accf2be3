/**
 * Numeric formulas the glossary does not know. Policy texts coin formulas all the time (五个一批,
 * 两个维护, 三个X, 四大…): a numeral, usually a measure word or 大/个/项, and a short noun. Listing the
 * ones on a page that have no entry tells the reader what is missing instead of nothing.
 *
 * Two shapes are taken, to stay precise in running text:
 * - quoted: “六清零”, “三个一批” — a short quoted phrase that starts with a numeral;
 * - unquoted: numeral + 个/大/项/条/张/篇 + two to four Han characters ending at punctuation or a
 *   particle, e.g. 四大行动、 — with common quantities (三个月, 两个方面 …) left out.
 */

const NUMERAL = '[一二两三四五六七八九十百千]';
const QUOTED = new RegExp(`[“"「]((?:${NUMERAL})[\\u4e00-\\u9fff、]{1,7})[”"」]`, 'g');
const UNQUOTED = new RegExp(
  `(?<![一二两三四五六七八九十百千第])(${NUMERAL}{1,2}(?:个|大|项|条|张|篇)[\\u4e00-\\u9fff]{2,4})(?=[，。；、：！？,.;:\\s”"）)]|$)`,
  'g',
);

/** Words after a measure word that make a plain quantity, not a formula. */
const ORDINARY_TAILS = [
  '月',
  '年',
  '天',
  '小时',
  '星期',
  '季度',
  '方面',
  '问题',
  '百分点',
  '人',
  '多',
  '以上',
  '以下',
  '左右',
  '部分',
  '阶段',
  '环节',
  '地方',
  '单位',
  '部门',
  '项目',
  '国家',
  '城市',
  '乡镇',
  '村',
  '县',
  '区',
  '省',
  '市',
  '层次',
  '领域',
  '批次',
];

export interface UnknownFormula {
  text: string;
  count: number;
}

/**
 * Formula-like phrases in `text` that are not covered by a glossary match.
 * `covered(start, end)` says whether a span overlaps a glossary highlight.
 */
export function findUnknownFormulas(
  texts: Iterable<{ text: string; covered: (start: number, end: number) => boolean }>,
): UnknownFormula[] {
  const counts = new Map<string, number>();
  for (const { text, covered } of texts) {
    for (const pattern of [QUOTED, UNQUOTED]) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const phrase = match[1]!;
        const start = match.index + match[0].indexOf(phrase);
        if (phrase.includes('X') || covered(start, start + phrase.length)) continue;
        if (pattern === UNQUOTED && isOrdinaryQuantity(phrase)) continue;
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'zh'));
}

function isOrdinaryQuantity(phrase: string): boolean {
  // 一个/一项 … is the ordinary "a, one": formulas count two or more.
  if (phrase.startsWith('一')) return true;
  const tail = phrase.replace(new RegExp(`^${NUMERAL}{1,2}(?:个|大|项|条|张|篇)`), '');
  return ORDINARY_TAILS.some((word) => tail.startsWith(word));
}
