import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, readSettings } from '../../src/core/settings/settings-model';
import { hasSavedHighlights, pagesWithSavedHighlights } from '../../src/shared/reader-highlights-key';
import {
  highlightsFor,
  readerHighlightPagesItem,
  readerHighlightsItem,
  StorageWriteError,
  updateHighlights,
  type ReaderHighlight,
} from '../../src/shared/reader-highlights';
import { loadSettings, readStoredSettings, setSiteEnabled } from '../../src/shared/settings';

function highlight(id: string): ReaderHighlight {
  return {
    id,
    page: 'https://example.gov.cn/a',
    pageTitle: '讲话',
    text: '六稳',
    note: null,
    selectors: { quote: { exact: '六稳', prefix: '做好', suffix: '工作' }, position: { start: 2, end: 4 } },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings in storage', () => {
  it('reads each stored field on its own: a broken field falls back and is reported, the others are kept', () => {
    const { settings, problems } = readSettings({
      enabled: false,
      hoverDelayMs: 'soon',
      disabledSites: ['www.gov.cn'],
      categories: { formula: { enabled: false, color: 'red' } },
    });
    expect(settings.enabled).toBe(false);
    expect(settings.disabledSites).toEqual(['www.gov.cn']);
    expect(settings.hoverDelayMs).toBe(defaultSettings().hoverDelayMs);
    expect(settings.categories.formula).toEqual(defaultSettings().categories.formula);
    expect(problems).toEqual(['settings.hoverDelayMs', 'settings.categories.formula']);
  });

  it('does NOT crash on garbage in storage, and does NOT overwrite it', async () => {
    await fakeBrowser.storage.local.set({ settings: 'not an object' });
    const { settings, problems } = await readStoredSettings();
    expect(settings).toEqual(defaultSettings());
    expect(problems).toEqual(['settings: not an object']);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: 'not an object' });
  });

  it('migrates settings saved by version 1, keeping every field the reader had set', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: true, disabledSites: ['news.cn'], tooltipLanguage: 'en', showPinyin: false, hoverDelayMs: 300 },
      settings$: { v: 1 },
    });
    const settings = await loadSettings();
    expect(settings.disabledSites).toEqual(['news.cn']);
    expect(settings.tooltipLanguage).toBe('en');
    expect(settings.showPinyin).toBe(false);
    expect(settings.hoverDelayMs).toBe(300);
    expect(settings.siteMode).toBe('all-except');
  });

  it('switches one site off and on again from the popup', async () => {
    await setSiteEnabled('www.gov.cn', false);
    expect((await loadSettings()).disabledSites).toEqual(['www.gov.cn']);
    await setSiteEnabled('www.gov.cn', true);
    expect((await loadSettings()).disabledSites).toEqual([]);
  });
});

describe('the reader’s highlights in storage', () => {
  it('saves per page address, without the #fragment', async () => {
    await updateHighlights('https://example.gov.cn/a#part2', (list) => [...list, highlight('h1')]);
    expect((await highlightsFor('https://example.gov.cn/a')).map((h) => h.id)).toEqual(['h1']);
  });

  it('reports a failed write (storage full) and loses nothing saved before', async () => {
    await updateHighlights('https://example.gov.cn/a', (list) => [...list, highlight('h1')]);
    const spy = vi.spyOn(readerHighlightsItem, 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(updateHighlights('https://example.gov.cn/a', (list) => [...list, highlight('h2')])).rejects.toBeInstanceOf(
      StorageWriteError,
    );
    spy.mockRestore();
    expect((await highlightsFor('https://example.gov.cn/a')).map((h) => h.id)).toEqual(['h1']);
  });

  it('does NOT crash on a corrupt store: a page whose list is not a list reads as empty, others are kept', async () => {
    await fakeBrowser.storage.local.set({
      readerHighlights: { 'https://example.gov.cn/a': 'garbage', 'https://example.gov.cn/b': [highlight('h3')] },
    });
    expect(await highlightsFor('https://example.gov.cn/a')).toEqual([]);
    expect((await highlightsFor('https://example.gov.cn/b')).map((h) => h.id)).toEqual(['h3']);
    // Writing to the unreadable page is refused rather than overwriting what is there.
    await expect(updateHighlights('https://example.gov.cn/a', (list) => [...list, highlight('h4')])).rejects.toBeInstanceOf(
      StorageWriteError,
    );
    expect((await fakeBrowser.storage.local.get('readerHighlights')).readerHighlights).toMatchObject({
      'https://example.gov.cn/a': 'garbage',
    });
  });

  it('keeps an index of the pages with highlights, which the page probe reads instead of every page', async () => {
    const saved = (url: string): Promise<boolean> => hasSavedHighlights((key) => fakeBrowser.storage.local.get(key), url);
    await updateHighlights('https://example.gov.cn/a', (list) => [...list, highlight('h1')]);
    await updateHighlights('https://example.gov.cn/b', (list) => [...list, highlight('h2')]);
    expect(await readerHighlightPagesItem.getValue()).toEqual(['https://example.gov.cn/a', 'https://example.gov.cn/b']);
    expect(await saved('https://example.gov.cn/a#part2')).toBe(true);
    expect(await saved('https://example.gov.cn/c')).toBe(false);
    await updateHighlights('https://example.gov.cn/a', () => []);
    expect(await readerHighlightPagesItem.getValue()).toEqual(['https://example.gov.cn/b']);
    expect(await saved('https://example.gov.cn/a')).toBe(false);
  });

  it('answers from the store itself while there is no index (highlights saved before it), and writes one on the next change', async () => {
    await fakeBrowser.storage.local.set({
      readerHighlights: { 'https://example.gov.cn/old': [highlight('h1')], 'https://example.gov.cn/emptied': [] },
    });
    const get = (key: string): Promise<Record<string, unknown>> => fakeBrowser.storage.local.get(key);
    const saved = (url: string): Promise<boolean> => hasSavedHighlights(get, url);
    expect(await saved('https://example.gov.cn/old')).toBe(true);
    expect(await saved('https://example.gov.cn/new')).toBe(false);
    expect(await saved('https://example.gov.cn/emptied')).toBe(false);
    // What the background registers the saved-highlights script for, by the same rule: the store's
    // pages with a highlight, then the index.
    expect(await pagesWithSavedHighlights(get)).toEqual(['https://example.gov.cn/old']);
    await updateHighlights('https://example.gov.cn/new', (list) => [...list, highlight('h2')]);
    expect(new Set(await pagesWithSavedHighlights(get))).toEqual(
      new Set(['https://example.gov.cn/old', 'https://example.gov.cn/new']),
    );
    expect(new Set(await readerHighlightPagesItem.getValue())).toEqual(
      new Set(['https://example.gov.cn/old', 'https://example.gov.cn/new']),
    );
  });

  it('leaves the index a superset when writing the highlights fails: never a page too few', async () => {
    const spy = vi.spyOn(readerHighlightsItem, 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(updateHighlights('https://example.gov.cn/a', (list) => [...list, highlight('h1')])).rejects.toBeInstanceOf(
      StorageWriteError,
    );
    spy.mockRestore();
    expect(await highlightsFor('https://example.gov.cn/a')).toEqual([]);
    expect(await readerHighlightPagesItem.getValue()).toEqual(['https://example.gov.cn/a']);
  });
});
