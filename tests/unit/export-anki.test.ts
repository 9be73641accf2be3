import { describe, expect, it } from 'vitest';
import { escapeHtml, toAnki } from '../../src/core/export/formats/anki';
import { speechDocument } from './export-helpers/fixtures';

describe('the Anki export', () => {
  const anki = toAnki(speechDocument());
  const lines = anki.trimEnd().split('\n');

  it('starts with Anki’s text-import headers: tab separated, HTML fields, tags in column 3', () => {
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
  });

  it('has one note per distinct term, each with three tab-separated fields', () => {
    const notes = lines.slice(3);
    expect(notes).toHaveLength(2);
    for (const note of notes) expect(note.split('\t')).toHaveLength(3);
  });

  it('puts the term and pinyin on the front; English, explanation and an example with the term in <b> on the back', () => {
    const [front, back] = lines[3]!.split('\t');
    expect(front).toBe('六稳<br>liù wěn');
    expect(back).toBe(
      '<b>six stabilities</b><br><br>Stabilise employment, finance, foreign trade, foreign investment, investment and expectations.<br><br>同志们：今年要做好<b>六稳</b>工作。',
    );
  });

  it('tags by category and family, with no spaces inside a tag', () => {
    expect(lines[3]!.split('\t')[2]).toBe('policylens::formula');
    expect(lines[4]!.split('\t')[2]).toBe('policylens::economy policylens::family::liu-wen');
  });

  it('explains in Chinese for zh_CN', () => {
    expect(toAnki(speechDocument(), 'zh_CN')).toContain('保持就业稳定。');
  });
});

describe('Anki fields', () => {
  it('escape & < > " so Anki’s HTML reading shows the text as written', () => {
    expect(escapeHtml('a & b <i>x</i> "q"')).toBe('a &amp; b &lt;i&gt;x&lt;/i&gt; &quot;q&quot;');
  });

  it('turn line breaks into <br>', () => {
    expect(escapeHtml('a\nb\r\nc')).toBe('a<br>b<br>c');
  });
});
