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
import { bundledGlossaryVersion, popupEntries, popupEntry } from './popup-glossary';
import { browser } from 'wxt/browser';
import { buildCard } from '../dom/tooltip/card';
import { t, getLocale } from '../shared/i18n';
import { ensurePageScript } from '../shared/page-script';
import { sendMessage, type PageReport } from '../shared/protocol';
import { isEnabledFor, loadSettings, setSiteEnabled } from '../shared/settings';
import { el } from '../shared/dom';

export function mountPopup(app: HTMLElement, tabId: number | undefined): void {
  document.documentElement.lang = getLocale() === 'zh_CN' ? 'zh-CN' : 'en';
  document.title = t('popup.title');
  const header = el('header', 'top');
  header.append(el('h1', 'title', t('popup.title')));
  const status = el('section', 'status');
  const outlineSection = el('section', 'outline');
  const termsSection = el('section', 'terms');
  const readerSection = el('div', 'reader-wrap');
  const search = buildSearch();
  const footer = el('footer', 'footer', t('popup.glossaryVersion', bundledGlossaryVersion(), popupEntries().length));
  const optionsButton = el('button', 'options-button', t('popup.openOptions'));
  optionsButton.type = 'button';
  optionsButton.addEventListener('click', () => void browser.runtime.openOptionsPage());
  footer.append(' ', optionsButton);
  app.replaceChildren(header, search, status, outlineSection, termsSection, readerSection, footer);

  void (async () => {
    let report: PageReport | null = null;
    if (tabId !== undefined) report = await pageReport(tabId);
    if (!report) {
      status.append(el('p', 'message', t('popup.unreachable')));
      return;
    }
    header.append(await buildSiteSwitch(report, tabId!));
    renderReport(report, status, termsSection);
    readerSection.replaceChildren(
      buildExportPanel(tabId!, new Set(report.orphanHighlightIds)),
      buildReaderList(report.url, new Set(report.orphanHighlightIds)),
    );
    await renderOutline(tabId!, outlineSection);
  })();
}

/**
 * The page's report. A page without Chinese holds only the page probe, not the page script that
 * answers: load it (src/shared/page-script.ts) and ask again. Null where no extension may run
 * (the browser's own pages, the web store).
 */
async function pageReport(tabId: number): Promise<PageReport | null> {
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

async function buildSiteSwitch(report: PageReport, tabId: number): Promise<HTMLElement> {
  const host = new URL(report.url).hostname;
  const settings = await loadSettings();
  const label = el('label', 'switch');
  const input = el('input');
  input.type = 'checkbox';
  input.checked = isEnabledFor(settings, host);
  input.addEventListener('change', () => {
    void setSiteEnabled(host, input.checked).then(async () => {
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
    const english = popupEntry(term.entryId)?.english[0]?.text ?? '';
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
  for (const { family, members, found } of familyCoverage(popupEntries(), onPage)) {
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
  input.addEventListener('input', () => {
    results.replaceChildren();
    card.replaceChildren();
    find ??= createGlossarySearch(popupEntries());
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
              lookup: popupEntry,
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
  });
  section.append(label, input, results, card);
  return section;
}
