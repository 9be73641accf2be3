import { describe, expect, it } from 'vitest';
import { detectOutline } from '../../src/core/outline';
import { readMarker } from '../../src/core/outline/markers';
import { block, lines, render } from './outline-helpers';

const outline = (...texts: string[]) => render(detectOutline(lines(...texts)));

describe('outline markers', () => {
  it('reads every numbering form in full and half width, keeping the marker as written', () => {
    const cases: Array<[string, string, number]> = [
      ['一、总体要求', '一、', 1],
      ['二.目标', '二.', 2],
      ['三．任务', '三．', 3],
      ['（一）指导思想', '（一）', 1],
      ['(二)基本原则', '(二)', 2],
      ['1.加强领导', '1.', 1],
      ['２．压实责任', '２．', 2],
      ['3、强化考核', '3、', 3],
      ['（1）健全机制', '（1）', 1],
      ['(2)完善制度', '(2)', 2],
      ['①提高认识', '①', 1],
      ['⑫落实责任', '⑫', 12],
      ['第一、全面', '第一、', 1],
      ['第二，精准', '第二，', 2],
      ['第三,务实', '第三,', 3],
      ['第四。创新', '第四。', 4],
      ['一是加强领导', '一是', 1],
      ['十一、其他', '十一、', 11],
      ['（十二）附则', '（十二）', 12],
      ['二十、附则', '二十、', 20],
      ['二十三是坚持', '二十三是', 23],
    ];
    for (const [text, marker, ordinal] of cases) {
      expect(readMarker(text), text).toMatchObject({ text: marker, ordinal });
    }
  });

  it('does NOT read decimals, dates, ranges or malformed numerals as markers', () => {
    for (const text of [
      '1.4万亿元',
      '2.5%',
      '2020.7',
      '2020年7月',
      '1、2月份',
      '十十、',
      '一十、',
      '第一手资料',
      '二是否可行',
      '百、',
    ]) {
      expect(readMarker(text), text).toBeNull();
    }
  });
});

describe('outline levels', () => {
  it('puts 一、 above （一） above 1. above （1） when the document nests them so', () => {
    expect(outline('一、总', '（一）分', '1.细', '（1）更细', '（2）更细', '2.细', '（二）分', '二、总')).toEqual([
      '一、总',
      '  （一）分',
      '    1.细',
      '      （1）更细',
      '      （2）更细',
      '    2.细',
      '  （二）分',
      '二、总',
    ]);
  });

  it('follows the document when it nests kinds against the convention (1. above （一）)', () => {
    expect(outline('1.甲', '（一）子', '（二）子', '2.乙', '（一）子')).toEqual([
      '1.甲',
      '  （一）子',
      '  （二）子',
      '2.乙',
      '  （一）子',
    ]);
  });

  it('makes 一是 items the top level of a speech that uses only them', () => {
    expect(outline('同志们：', '一是抓学习。要…', '二是抓落实。要…', '三是抓作风。要…')).toEqual([
      '一是抓学习',
      '二是抓落实',
      '三是抓作风',
    ]);
  });

  it('makes 第一/第二 the top level of a speech that uses only them', () => {
    expect(outline('第一，全。政府工作…', '第二，精。将…')).toEqual(['第一，全', '第二，精']);
  });

  it('places 一是 paragraphs under the （一） they follow, and closes them at （二）', () => {
    expect(outline('一、总', '（一）分。正文', '一是甲。正文', '二是乙。正文', '（二）分。正文')).toEqual([
      '一、总',
      '  （一）分',
      '    一是甲',
      '    二是乙',
      '  （二）分',
    ]);
  });

  it('closes a conventionally lower level when a higher kind starts and the lower numbering does not carry on', () => {
    expect(outline('（一）甲。正文', '（二）乙。正文', '一、总', '二、总')).toEqual(['（一）甲', '（二）乙', '一、总', '二、总']);
    expect(outline('主要目标：', '1.稳增长。正文', '2.惠民生。正文', '一、回顾', '（一）经济', '（二）民生', '二、任务')).toEqual(
      ['1.稳增长', '2.惠民生', '一、回顾', '  （一）经济', '  （二）民生', '二、任务'],
    );
  });

  it('counts past 十 (十一、 after 十、)', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    expect(outline(...numerals.map((numeral) => `${numeral}、部分`))).toHaveLength(12);
  });

  it('nests <h2>/<h3> by their level and keeps a numbered heading’s marker', () => {
    const blocks = [
      block('报告', { tag: 'h1', headingLevel: 1 }),
      block('回顾', { tag: 'h2', headingLevel: 2 }),
      block('经济', { tag: 'h3', headingLevel: 3 }),
      block('民生', { tag: 'h3', headingLevel: 3 }),
      block('展望', { tag: 'h2', headingLevel: 2 }),
    ];
    expect(render(detectOutline(blocks))).toEqual(['回顾', '  经济', '  民生', '展望']);
    const numbered = [block('一、任务', { tag: 'h2', headingLevel: 2 }), block('二、保障', { tag: 'h2', headingLevel: 2 })];
    expect(detectOutline(numbered).map((heading) => heading.marker)).toEqual(['一、', '二、']);
  });

  it('takes short bold lead sentences as headings when there are several', () => {
    const blocks = [
      block('坚持稳中求进。正文…', { startsBold: true }),
      block('正文'),
      block('坚持改革创新。正文…', { startsBold: true }),
    ];
    expect(render(detectOutline(blocks))).toEqual(['坚持稳中求进', '坚持改革创新']);
  });
});

describe('what is NOT a heading', () => {
  it('does NOT take an enumeration inside one paragraph (…：1．…；2．…)', () => {
    expect(outline('主要任务是：1．稳增长；2．调结构；3．惠民生。', '2．下一段正文。还有正文')).toEqual([]);
  });

  it('does NOT take a lone （三） with no （一）（二）, nor a number out of sequence', () => {
    expect(outline('（三）孤立的标题', '正文')).toEqual([]);
    expect(outline('一、甲', '三、丙', '二、乙')).toEqual(['一、甲', '二、乙']);
  });

  it('does NOT take a single numbered paragraph with no sibling and no child', () => {
    expect(outline('1.4万亿元投资到位。', '1．今年要抓好三件事。第一件…', '正文')).toEqual([]);
  });

  it('does NOT take blocks outside the main content, quoted lists or table cells', () => {
    const blocks = [
      block('一、首页', { inMain: false }),
      block('二、新闻', { inMain: false }),
      block('一、引文', { tag: 'blockquote' }),
      block('二、引文', { tag: 'blockquote' }),
      block('一、表格', { tag: 'td' }),
      block('二、表格', { tag: 'td' }),
    ];
    expect(detectOutline(blocks)).toEqual([]);
  });

  it('does NOT take a lone bold salutation or a long bold paragraph', () => {
    const blocks = [
      block('同志们：', { startsBold: true }),
      block('编者按：', { startsBold: true }),
      block('这是一段很长的加粗正文'.repeat(10), { startsBold: true }),
    ];
    expect(detectOutline(blocks)).toEqual([]);
  });
});

describe('outline titles', () => {
  it('ends a title at the first 。！？ or the end of the line, keeping its punctuation as written', () => {
    expect(outline('(一)经济发展险中有进。上半年实现…', '(二)守住底线,做好“保”的文章！正文', '(三)为什么？正文')).toEqual([
      '(一)经济发展险中有进',
      '(二)守住底线,做好“保”的文章',
      '(三)为什么',
    ]);
  });

  it('does NOT end a title at a semicolon or a comma', () => {
    expect(outline('一、甲；乙,丙', '二、丁')).toEqual(['一、甲；乙,丙', '二、丁']);
  });

  it('trims ideographic and normal spaces before the marker and between marker and title', () => {
    expect(outline('\u3000\u3000一、 总体要求', '  二、\u3000主要任务', '\u00a0三、保障')).toEqual([
      '一、总体要求',
      '二、主要任务',
      '三、保障',
    ]);
  });

  it('joins a heading broken over two lines, and finds the title of a marker alone on its line', () => {
    expect(outline('一、总结,我们要', '客观', '今年以来,工作取得成效。', '二、', '目标,我们要完成', '下阶段,我们要…')).toEqual([
      '一、总结,我们要客观',
      '二、目标,我们要完成',
    ]);
  });

  it('ignores runs of blank and whitespace-only lines', () => {
    expect(outline('一、甲', '', '\u3000\u3000', '   ', '二、乙')).toEqual(['一、甲', '二、乙']);
  });
});
