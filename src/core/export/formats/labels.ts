/**
 * The few words an export writes itself, in both UI languages. Core code cannot read the i18n
 * module (it imports the locale JSON for the browser), so the table lives here; callers pass the
 * reader's locale.
 */
export type ExportLocale = 'en' | 'zh_CN';

export interface ExportLabels {
  /** Between a label and its value: ': ' in English, '：' in Chinese. */
  colon: string;
  untitled: string;
  address: string;
  file: string;
  dateRead: string;
  glossaryVersion: string;
  beforeFirstSection: string;
  readerHighlights: string;
  note: string;
  orphan: string;
}

export const EXPORT_LABELS: Readonly<Record<ExportLocale, ExportLabels>> = {
  en: {
    colon: ': ',
    untitled: 'Untitled',
    address: 'Address',
    file: 'File',
    dateRead: 'Read',
    glossaryVersion: 'Glossary',
    beforeFirstSection: 'Before the first section',
    readerHighlights: "Reader's highlights",
    note: 'Note',
    orphan: 'no longer found in the text',
  },
  zh_CN: {
    colon: '：',
    untitled: '无标题',
    address: '网址',
    file: '文件',
    dateRead: '阅读日期',
    glossaryVersion: '词库版本',
    beforeFirstSection: '第一部分之前',
    readerHighlights: '读者标注',
    note: '批注',
    orphan: '已无法在正文中找到',
  },
};
