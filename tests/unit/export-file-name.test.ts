import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameFor, MAX_FILE_NAME_BYTES } from '../../src/core/export/formats/file-name';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
// eslint-disable-next-line no-control-regex -- the test looks for exactly these
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('export file names', () => {
  it('are the title, the day and the extension', () => {
    expect(fileNameFor('2024年政府工作报告', '2024-03-05T09:30:00+08:00', 'md')).toBe('2024年政府工作报告 2024-03-05.md');
    expect(fileNameFor('Report', new Date(Date.UTC(2024, 2, 5)), 'csv')).toBe('Report 2024-03-05.csv');
  });

  it('do NOT contain characters a file system forbids', () => {
    expect(fileNameFor('a/b\\c:d*e?f"g<h>i|j', null, 'md')).toBe('a b c d e f g h i j.md');
    expect(fileNameFor('tab\there\nnew', null, 'md')).toBe('tab here new.md');
  });

  it('do NOT keep bidirectional controls that disguise an extension', () => {
    expect(fileNameFor('invoice\u202Egpj.exe', null, 'md')).toBe('invoice gpj.exe.md');
  });

  it('do NOT end in a dot or a space, nor start with a dot', () => {
    expect(fileNameFor(' ...hidden... ', null, 'md')).toBe('hidden.md');
  });

  it('do NOT use a name Windows reserves', () => {
    expect(fileNameFor('CON', null, 'txt')).toBe('_CON.txt');
    expect(fileNameFor('lpt1', null, 'txt')).toBe('_lpt1.txt');
    expect(fileNameFor('nul.tar', null, 'gz')).toBe('_nul.tar.gz');
    expect(fileNameFor('CONSOLE', null, 'txt')).toBe('CONSOLE.txt');
  });

  it('are never empty', () => {
    expect(fileNameFor('', null, 'md')).toBe('PolicyLens.md');
    expect(fileNameFor('///', '2024-03-05', 'md')).toBe('PolicyLens 2024-03-05.md');
  });

  it('count Chinese by its UTF-8 bytes, cutting long titles between characters', () => {
    const name = fileNameFor('政'.repeat(300), '2024-03-05', 'md');
    expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name).toMatch(/^政+ 2024-03-05\.md$/);
    const emoji = fileNameFor('👍🏽'.repeat(100), null, 'md');
    expect(emoji).toMatch(/^(👍🏽)+\.md$/u);
  });

  it('are safe for any title (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.date({ noInvalidDate: true })), (title, date) => {
        const name = fileNameFor(title, date, 'md');
        expect(name.length).toBeGreaterThan('.md'.length);
        expect(name).not.toMatch(FORBIDDEN);
        expect(name).not.toMatch(/[. ]\.md$|^[. ]/);
        expect(name.split('.')[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
        expect(name.isWellFormed()).toBe(true);
        expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      }),
    );
  });
});
