/** Where the reader's highlights live in `storage.local` (the page probe reads it without the storage library). */
export const READER_HIGHLIGHTS_KEY = 'readerHighlights';
