import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLine, markdownWithBold, unescapeMarkdown } from '../../src/core/export/formats/markdown-escape';
import { toMarkdown } from '../../src/core/export/formats/markdown';
import { SPEECH, speechDocument, speechInput } from './export-helpers/fixtures';

describe('the Markdown term sheet', () => {
  const markdown = toMarkdown(speechDocument(), 'en');

  it('opens with the title and a metadata line: address, date read, glossary version', () => {
    expect(
      markdown.startsWith(
        '# 2024年政府工作报告\n\nAddress: <https://example.gov.cn/speech.html> · Read: 2024-03-05 · Glossary: 2024.03\n',
      ),
    ).toBe(true);
  });

  it('uses the outline as headings, nested by level', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# 2024年政府工作报告',
      '## Before the first section',
      '## 一、总体要求',
      '### （一）稳就业',
      "## Reader's highlights",
    ]);
  });

  it('does NOT go deeper than #### however deep the outline is', () => {
    const input = speechInput();
    const deep = [1, 2, 3, 4, 5].map((level) => ({ level, marker: `${level}.`, title: `L${level}`, start: level }));
    const document = speechDocument({
      headings: deep,
      matches: [{ entryId: 'liu-wen', start: 9, end: 11 }],
      mainText: input.mainText,
    });
    const headings = toMarkdown(document, 'en')
      .split('\n')
      .filter((line) => /^#{2,}/.test(line));
    expect(headings).toEqual(['## 1.L1', '### 2.L2', '#### 3.L3', '#### 4.L4', '#### 5.L5', "## Reader's highlights"]);
  });

  it('lists each term once per section, with pinyin, English and explanation, its sentences bold on the term', () => {
    const section = markdown.slice(markdown.indexOf('### （一）稳就业'), markdown.indexOf("## Reader's"));
    expect(section.match(/^\*\*稳就业\*\*/gm)).toHaveLength(1);
    expect(section).toContain(
      '**稳就业** · wěn jiùyè\n\nKeep employment stable.\n\n- **稳就业**是六稳之首；\n- 要抓好**稳就业**。',
    );
    expect(section).toContain('**六稳** · liù wěn · *six stabilities*');
  });

  it('shows the reader’s highlights as quotes with their section and note', () => {
    expect(markdown.endsWith("## Reader's highlights\n\n> 推动高质量发展\n\n*二、重点任务*\n\n**Note:** 要点：质量第一\n")).toBe(
      true,
    );
  });

  it('writes its own words in Chinese for zh_CN', () => {
    const chinese = toMarkdown(speechDocument(), 'zh_CN');
    expect(chinese).toContain('网址：<https://example.gov.cn/speech.html> · 阅读日期：2024-03-05 · 词库版本：2024.03');
    expect(chinese).toContain('## 第一部分之前');
    expect(chinese).toContain('## 读者标注');
    expect(chinese).toContain('**批注：** 要点：质量第一');
    expect(chinese).toContain('保持就业稳定。');
  });

  it('marks an orphaned reader highlight as no longer found', () => {
    const input = speechInput();
    const document = speechDocument({ readerHighlights: [{ ...input.readerHighlights[0]!, orphan: true }] });
    expect(toMarkdown(document, 'en')).toContain('> 推动高质量发展\n\n*no longer found in the text*');
  });

  it('quotes a multi-line highlight line by line and keeps a multi-line note in one paragraph', () => {
    const start = SPEECH.indexOf('（一）');
    const end = SPEECH.indexOf('是六稳');
    const input = speechInput();
    const document = speechDocument({
      readerHighlights: [
        {
          ...input.readerHighlights[0]!,
          note: 'first\n- second',
          selectors: { quote: { exact: SPEECH.slice(start, end), prefix: '', suffix: '' }, position: { start, end } },
        },
      ],
    });
    expect(toMarkdown(document, 'en')).toContain(
      '> （一）稳就业\n> 稳就业\n\n*一、总体要求 › （一）稳就业*\n\n**Note:** first\\\n\\- second',
    );
  });
});

describe('Markdown escaping of page text', () => {
  it('escapes everything Markdown, GFM or Obsidian would read as syntax', () => {
    expect(escapeMarkdownLine('*a* _b_ `c` [[d]] <e> #f |g| ~~h~~ ==i== $j$ %%k%% &amp; \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[\\[d\\]\\] \\<e\\> \\#f \\|g\\| \\~\\~h\\~\\~ \\=\\=i\\=\\= \\$j\\$ \\%\\%k\\%\\% \\&amp; \\\\',
    );
  });

  it('escapes what would start a list at the start of a line', () => {
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('+ item')).toBe('\\+ item');
    expect(escapeMarkdownLine('2024. 年')).toBe('2024\\. 年');
    expect(escapeMarkdownLine('1) one')).toBe('1\\) one');
  });

  it('does NOT escape a hyphen or a numbered dot in the middle of a line', () => {
    expect(escapeMarkdownLine('a - b 1. c')).toBe('a - b 1. c');
    expect(escapeMarkdownLine('- b', false)).toBe('- b');
  });

  it('turns line breaks into spaces, so one line stays one line', () => {
    expect(escapeMarkdownLine('a\nb\r\nc\rd')).toBe('a b c d');
  });

  it('bolds with <b> where ** could not open or close beside punctuation', () => {
    const text = '做好“六稳”工作';
    expect(markdownWithBold(text, [{ start: 2, end: 6 }])).toBe('做好<b>“六稳”</b>工作');
    expect(markdownWithBold(text, [{ start: 3, end: 5 }])).toBe('做好“**六稳**”工作');
  });

  it('reads back as the same text for any single line (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !/[\r\n]/.test(s)),
        (line) => {
          expect(unescapeMarkdown(escapeMarkdownLine(line))).toBe(line);
        },
      ),
    );
  });

  it('leaves no unescaped Markdown syntax character in any line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'*_`[]<>#|~=$%&\\-+1. 字') }), (line) => {
        const escaped = escapeMarkdownLine(line);
        // Drop escape pairs; nothing special may remain.
        expect(escaped.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[*_`[\]<>#|~=$%&\\]/);
        expect(escaped).not.toMatch(/^[-+]|^\d+[.)]/);
      }),
    );
  });
});
