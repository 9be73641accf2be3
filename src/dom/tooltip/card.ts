/**
 * Builds the content of the hover card for one glossary entry, with DOM APIs and text nodes only:
 * glossary text is never parsed as HTML.
 */
import { englishByRecency, type CardEntry } from '../../core/glossary/card-entry';
import type { GlossaryEntry } from '../../core/glossary/schema';
import { sensesToShow } from '../../core/glossary/senses';
import { t } from '../../shared/i18n';
import type { TooltipLanguage } from '../../shared/settings';
import { el } from '../../shared/dom';

export interface CardContext {
  /** A pinned card shows the full entry's sources and note; a hover card needs only a CardEntry. */
  entry: CardEntry & Partial<Pick<GlossaryEntry, 'sources' | 'note'>>;
  /** Entries of the family (for members) or of the entry's family (for "1 of 6 in 六稳"). */
  lookup: (id: string) => CardEntry | undefined;
  /** Entry ids that occur on this page. */
  onPage: ReadonlySet<string>;
  language: TooltipLanguage;
  showPinyin: boolean;
  /** Pinned cards hold links; hover cards are text only. */
  pinned: boolean;
  /** A pinned card whose full entry could not be had: it says why its sources are missing. */
  sourcesUnavailable?: boolean;
  /** The text around the term, to pick the sense that fits when an entry has several. */
  context: string;
}

export function buildCard({
  entry,
  lookup,
  onPage,
  language,
  showPinyin,
  pinned,
  sourcesUnavailable = false,
  context,
}: CardContext): HTMLElement {
  const card = el('div', 'card');
  card.lang = 'zh-CN';

  const header = el('div', 'header');
  const title = el('span', 'term', entry.term);
  header.append(title);
  const traditional = entry.variants.find((variant) => variant.kind === 'traditional');
  if (traditional) header.append(el('span', 'traditional', traditional.form));
  header.append(el('span', `category category-${entry.category}`, t(`category.${entry.category}`)));
  card.append(header);
  // Imported entries may come without pinyin (nothing generates it in the browser).
  if (showPinyin && entry.pinyin) card.append(el('div', 'pinyin', entry.pinyin));

  // Renderings drift over the years: the hover card shows the most recent, the pinned card all of
  // them with where and when each was used, which is what translators need.
  const renderings = englishByRecency(entry);
  for (const english of pinned ? renderings : renderings.slice(0, 1)) {
    const line = el('div', 'english');
    line.lang = 'en';
    line.append(el('span', 'label', `${t('tooltip.english')}: `), el('span', 'english-text', english.text));
    line.append(
      el(
        'span',
        'muted',
        pinned ? ` — ${sourceWithYear(english.source, english.year)}` : english.year ? ` (${english.year})` : '',
      ),
    );
    card.append(line);
  }

  const senses = sensesToShow(entry, context);
  if (senses.length === 0) appendSummary(card, entry.summaryZh, entry.summaryEn, language);
  for (const sense of senses) {
    card.append(el('div', 'sense', `${t('tooltip.sense')}: ${sense.label}`));
    appendSummary(card, sense.summaryZh, sense.summaryEn, language);
  }

  if (entry.members.length > 0) {
    const list = el('ol', 'members');
    list.setAttribute('aria-label', t('tooltip.members'));
    for (const memberId of entry.members) {
      const member = lookup(memberId);
      const item = el('li', onPage.has(memberId) ? 'member on-page' : 'member', member?.term ?? memberId);
      if (onPage.has(memberId)) item.title = t('tooltip.onThisPage');
      list.append(item);
    }
    card.append(el('div', 'label', `${t('tooltip.members')} (${entry.members.length})`), list);
  }

  if (entry.family) {
    const family = lookup(entry.family);
    if (family) {
      const position = family.members.indexOf(entry.id) + 1;
      card.append(el('div', 'family', t('tooltip.memberOf', position, family.members.length, family.term)));
    }
  }

  const facts: string[] = [];
  if (entry.origin?.date || entry.origin?.occasion) {
    facts.push(`${t('tooltip.origin')}: ${[entry.origin.date, entry.origin.occasion].filter(Boolean).join(' · ')}`);
  }
  if (entry.period && (entry.period.from || entry.period.to)) {
    facts.push(`${t('tooltip.period')}: ${entry.period.from ?? '…'}–${entry.period.to ?? '…'}`);
  }
  for (const fact of facts) card.append(el('div', 'fact', fact));

  if (entry.scope === 'local') card.append(el('div', 'note', t('tooltip.local')));
  if (entry.status === 'uncertain') card.append(el('div', 'note', t('tooltip.uncertain')));
  if (entry.note && pinned) card.append(el('div', 'note', entry.note));

  if (pinned && entry.sources && entry.sources.length > 0) {
    const list = el('ul', 'sources');
    for (const source of entry.sources) {
      const item = el('li');
      const link = el('a', undefined, `${source.title} — ${source.publisher}${source.date ? `, ${source.date}` : ''}`);
      link.href = source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      item.append(link);
      list.append(item);
    }
    card.append(el('div', 'label', t('tooltip.sources')), list);
  } else if (pinned && sourcesUnavailable) {
    card.append(el('div', 'note', t('tooltip.sourcesUnavailable')));
  } else if (!pinned) {
    card.append(el('div', 'hint', t('tooltip.pin')));
  }
  return card;
}

function appendSummary(card: HTMLElement, summaryZh: string, summaryEn: string, language: TooltipLanguage): void {
  if (language !== 'en') card.append(el('p', 'summary summary-zh', summaryZh));
  if (language !== 'zh') {
    const paragraph = el('p', 'summary summary-en', summaryEn);
    paragraph.lang = 'en';
    card.append(paragraph);
  }
}

/** "Xinhua English, October 2018" is already dated: the year is added only to a source that lacks it. */
function sourceWithYear(source: string, year: number | null | undefined): string {
  return year && !source.includes(String(year)) ? `${source}, ${year}` : source;
}
