/**
 * The popup's view: the page's state and terms (asked of the tab's content script), the per-site
 * switch and glossary search. Built with DOM APIs and text nodes only.
 */
import { createGlossarySearch } from '../core/glossary/search';
import { familyCoverage } from '../core/report/family-coverage';
import { buildOutlineTree } from './outline-tree';
import { buildReaderList } from './reader-list';
import { buildExportPanel } from './export-panel';
import { POPUP_TERMS_MARK } from './popup-terms-mark';
import { bundledGlossaryVersion, fullGlossary, popupListEntries, popupListEntry, type FullGlossary } from './popup-glossary';
import { browser } from 'wxt/browser';
import { buildCard } from '../dom/tooltip/card';
import { t, getLocale } from '../shared/i18n';
import { ensurePageScript } from '../shared/page-script';
import { sendMessage, type PageReport } from '../shared/protocol';
import { isEnabledFor, loadSettings, setSiteEnabled, type Settings } from '../shared/settings';
import { el } from '../shared/dom';

export interface PopupStart {
  /** The tab the popup works on (none: no tab it may reach). */
  tabId: number | undefined;
  /** The settings the popup was opened with (read once, before anything is drawn). */
  settings: Settings;
  /** The page's report, asked for as soon as the tab was known (requestPageReport). */
  report: Promise<PageReport | null>;
}

export function mountPopup(app: HTMLElement, { tabId, settings, report: reportPromise }: PopupStart): void {
  document.documentElement.lang = getLocale() === 'zh_CN' ? 'zh-CN' : 'en';
  document.title = t('popup.title');
  const header = el('header', 'top');
  header.append(el('h1', 'title', t('popup.title')));
  const status = el('section', 'status');
  const outlineSection = el('section', 'outline');
  const termsSection = el('section', 'terms');
  const readerSection = el('div', 'reader-wrap');
  const search = buildSearch();
  const footer = el('footer', 'footer', t('popup.glossaryVersion', bundledGlossaryVersion(), popupListEntries().length));
  const optionsButton = el('button', 'options-button', t('popup.openOptions'));
  optionsButton.type = 'button';
  optionsButton.addEventListener('click', () => void browser.runtime.openOptionsPage());
  footer.append(' ', optionsButton);
  app.replaceChildren(header, search, status, outlineSection, termsSection, readerSection, footer);

  void (async () => {
    const report = await reportPromise;
    // The full entries are read from here on (their parse comes after this task, which draws the
    // page's terms): search, cards and export wait for them.
    void fullGlossary().catch(() => undefined);
    if (!report || tabId === undefined) {
      status.append(el('p', 'message', t('popup.unreachable')));
      return;
    }
    header.append(buildSiteSwitch(report, tabId, settings));
    renderReport(report, status, termsSection);
    readerSection.replaceChildren(
      buildExportPanel(tabId, new Set(report.orphanHighlightIds)),
      buildReaderList(report.url, new Set(report.orphanHighlightIds)),
    );
    await renderOutline(tabId, outlineSection);
  })();
}

/**
 * The page's report. A page without Chinese holds only the page probe, not the page script that
 * answers: load it (src/shared/page-script.ts) and ask again. Null where no extension may run
 * (the browser's own pages, the web store). Needs no glossary: the popup asks while it still loads
 * its glossary (the report's round trip to the page took 45–90 ms after the glossary's 35–75 ms
 * when they ran one after the other).
 */
export async function requestPageReport(tabId: number): Promise<PageReport | null> {
  const ask = (): Promise<PageReport | null> => sendMessage('getPageReport', undefined, tabId).catch(() => null);
  const report = await ask();
  if (report) return report;
  return ensurePageScript(tabId).then(ask, () => null);
}

async function renderOutline(tabId: number, section: HTMLElement): Promise<void> {
  const outline = await sendMessage('getOutline', undefined, tabId).catch(() => null);
  if (!outline) return;
  section.append(el('h2', undefined, t('popup.outlineHeading')));
  if (outline.headings.length === 0) {
    section.append(el('p', 'message', t('popup.noOutline')));
    return;
  }
  const tree = buildOutlineTree(outline, (index) => void sendMessage('scrollToHeading', { index }, tabId).catch(() => undefined));
  tree.setCurrent(outline.current);
  section.append(tree.element);
  // Follow the reader: the page may scroll while the popup stays open (keyboard, a second window).
  const timer = setInterval(() => {
    void sendMessage('getCurrentSection', undefined, tabId)
      .then((current) => tree.setCurrent(current))
      .catch(() => clearInterval(timer));
  }, 700);
}

/**
 * The site's on/off switch, from the settings the popup opened with: reading them again here cost a
 * storage round trip before the page's terms could be drawn.
 */
function buildSiteSwitch(report: PageReport, tabId: number, settings: Settings): HTMLElement {
  const host = new URL(report.url).hostname;
  const label = el('label', 'switch');
  const input = el('input');
  input.type = 'checkbox';
  input.checked = isEnabledFor(settings, host);
  input.addEventListener('change', () => {
    void setSiteEnabled(host, input.checked).then(async () => {
      // The page answers once it follows the settings just written (PageSession.settledReport).
      const next = await sendMessage('getPageReport', undefined, tabId).catch(() => null);
      if (next) renderReport(next, document.querySelector('.status')!, document.querySelector('.terms')!);
    });
  });
  label.append(input, el('span', undefined, t('popup.siteSwitch')));
  return label;
}

function renderReport(report: PageReport, status: HTMLElement, termsSection: HTMLElement): void {
  status.replaceChildren();
  termsSection.replaceChildren();
  const message = { disabled: 'popup.disabled', 'no-chinese': 'popup.noChinese', working: 'popup.working' } as const;
  if (report.state !== 'annotated') {
    status.append(el('p', 'message', t(message[report.state])));
    return;
  }
  if (report.terms.length === 0) {
    status.append(el('p', 'message', t('popup.noTerms')));
    return;
  }
  termsSection.append(el('h2', undefined, t('popup.termsHeading')));
  termsSection.append(el('p', 'summary', t('popup.termsSummary', report.terms.length, report.totalMatches)));
  if (report.capped) termsSection.append(el('p', 'message capped', t('popup.capped', report.totalMatches)));
  const list = el('ul', 'term-list');
  for (const term of report.terms) {
    const item = el('li', `term-item category-${term.category}`);
    item.dataset.entryId = term.entryId;
    const english = popupListEntry(term.entryId)?.english ?? '';
    const englishCell = el('span', 'english', english);
    englishCell.title = english;
    item.append(el('span', 'term', term.term), englishCell, el('span', 'count', String(term.count)));
    list.append(item);
  }
  termsSection.append(list);
  performance.mark(POPUP_TERMS_MARK);
  termsSection.append(buildFamilies(new Set(report.terms.map((term) => term.entryId))));
  if (report.unknownFormulas.length > 0) {
    termsSection.append(el('h2', undefined, t('popup.unknownHeading')));
    termsSection.append(el('p', 'summary', t('popup.unknownHint')));
    const unknown = el('ul', 'unknown-list');
    for (const formula of report.unknownFormulas) unknown.append(el('li', 'unknown-item', `${formula.text} ×${formula.count}`));
    termsSection.append(unknown);
  }
}

function buildFamilies(onPage: ReadonlySet<string>): HTMLElement {
  const section = el('div', 'families');
  section.append(el('h2', undefined, t('popup.familiesHeading')));
  for (const { family, members, found } of familyCoverage(popupListEntries(), onPage)) {
    const row = el('div', 'family-row');
    row.append(el('span', 'family-name', t('popup.familyFound', family.term, found, members.length)));
    const list = el('span', 'family-members');
    for (const member of members) list.append(el('span', member.onPage ? 'member on-page' : 'member', member.entry.term));
    row.append(list);
    section.append(row);
  }
  return section;
}

function buildSearch(): HTMLElement {
  const section = el('section', 'search');
  // Named for screen readers; sighted readers have the placeholder and the field's place at the top.
  const label = el('label', 'visually-hidden', t('popup.searchLabel'));
  const input = el('input', 'search-input');
  input.type = 'search';
  input.placeholder = t('popup.searchPlaceholder');
  input.id = 'glossary-search';
  label.htmlFor = input.id;
  const results = el('ul', 'search-results');
  const card = el('div', 'search-card');
  // The search index is built on the first keystroke: most openings never search, and building it
  // for ~400 entries was a share of the popup's time to first render.
  let find: ReturnType<typeof createGlossarySearch> | null = null;
  const showResults = async (): Promise<void> => {
    let glossary: FullGlossary;
    try {
      glossary = await fullGlossary();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      results.replaceChildren(el('li', 'message error', t('popup.glossaryFailed', reason)));
      return;
    }
    results.replaceChildren();
    card.replaceChildren();
    find ??= createGlossarySearch(glossary.entries);
    const found = find(input.value, 12);
    if (input.value.trim() !== '' && found.length === 0) results.append(el('li', 'message', t('popup.noResults')));
    for (const entry of found) {
      const item = el('li', 'search-result');
      const button = el('button', 'result-button');
      button.type = 'button';
      button.append(el('span', 'term', entry.term), el('span', 'pinyin', entry.pinyin));
      const english = entry.english[0]?.text;
      if (english) button.append(el('span', 'english', english));
      button.addEventListener('click', () => {
        void loadSettings().then((settings) => {
          card.replaceChildren(
            buildCard({
              entry,
              lookup: glossary.entry,
              onPage: new Set(),
              language: settings.tooltipLanguage,
              showPinyin: true,
              pinned: true,
              context: '',
            }),
          );
        });
      });
      item.append(button);
      results.append(item);
    }
  };
  input.addEventListener('input', () => void showResults());
  section.append(label, input, results, card);
  return section;
}
