import type { Pack, PackEvent } from '../data/pack-schema.ts';
import type { PackLocale } from '../lib/locale.ts';
import type { MentionSummary } from '../lib/messages.ts';
import { formatPackDate } from '../lib/dates.ts';
import { articlePosition } from '../lib/record-summary.ts';
import { findEntry, pick, placeName, recordEntry, sourceNode, type Translate } from './pack-text.ts';
import { recordSummaryView } from './record-summary-view.ts';
import { el } from './elements.ts';

/**
 * The toolbar panel, built from data with elements only: the state of this
 * tab, its mentions, the article's key points and the whole record as a
 * vertical timeline.
 */

export type PanelState = 'running' | 'unavailable' | 'paused' | 'siteOff';
export type EventKind = PackEvent['kind'];
export const EVENT_KINDS: EventKind[] = ['government', 'court', 'company'];

export interface PanelMention extends MentionSummary {
  frameId: number;
}

export interface PanelModel {
  state: PanelState;
  hostname: string | null;
  count: number;
  mentions: PanelMention[];
  pack: Pack;
  locale: PackLocale;
  language: string;
  t: Translate;
  paused: boolean;
  kinds: ReadonlySet<EventKind>;
  /** Only this place's entries (a region code, or EU); null for every place. */
  place: string | null;
}

export interface PanelHandlers {
  pick(mention: PanelMention): void;
  setSiteOn(on: boolean): void;
  setPaused(paused: boolean): void;
  setKind(kind: EventKind, shown: boolean): void;
  setPlace(place: string | null): void;
  openSettings(): void;
}

const KIND_LABEL: Record<EventKind, string> = {
  government: 'panelKindGovernment',
  court: 'panelKindCourt',
  company: 'panelKindCompany',
};

function toggle(doc: Document, label: string, checked: boolean, disabled: boolean, onChange: (on: boolean) => void): HTMLLabelElement {
  const input = el(doc, 'input', { attrs: { type: 'checkbox', role: 'switch' } });
  input.checked = checked;
  input.disabled = disabled;
  input.addEventListener('change', () => onChange(input.checked));
  return el(doc, 'label', { className: 'switch' }, [input, el(doc, 'span', { text: label })]);
}

/** A listbox: arrows move, Enter or a click picks. */
function mentionList(doc: Document, m: PanelModel, h: PanelHandlers): HTMLElement {
  const list = el(doc, 'ul', {
    className: 'mentions',
    attrs: { role: 'listbox', 'aria-labelledby': 'mentions-heading', tabindex: '0' },
  });
  const items = m.mentions.map((mention, i) => {
    const item = el(doc, 'li', { attrs: { role: 'option', id: `mention-${i}`, 'aria-selected': 'false' } }, [
      // The page's sentence keeps its own direction (Arabic and Hebrew read
      // right to left) whatever the panel's language; the tag after it stays in ours.
      el(doc, 'bdi', { className: 'snippet', attrs: { dir: 'auto' } }, [
        mention.before,
        el(doc, 'mark', { text: mention.match }),
        mention.after,
      ]),
      mention.refersTo === 'person' ? el(doc, 'span', { className: 'tag', text: m.t('panelFounder') }) : null,
    ]);
    item.addEventListener('click', () => {
      select(i);
      h.pick(mention);
    });
    return item;
  });
  list.append(...items);
  let active = -1;
  const select = (i: number, scroll = true): void => {
    if (items.length === 0) return;
    active = (i + items.length) % items.length;
    items.forEach((item, j) => item.setAttribute('aria-selected', String(j === active)));
    list.setAttribute('aria-activedescendant', `mention-${active}`);
    if (scroll) items[active]?.scrollIntoView({ block: 'nearest' });
  };
  list.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') select(active + 1);
    else if (event.key === 'ArrowUp') select(active < 0 ? items.length - 1 : active - 1);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(items.length - 1);
    else if (event.key === 'Enter' && active >= 0) h.pick(m.mentions[active] as PanelMention);
    else return;
    event.preventDefault();
  });
  // Focus from a click must not scroll the list under the pointer mid-click.
  list.addEventListener('focus', () => {
    if (active < 0) select(0, false);
  });
  return list;
}

/** "What did my country do?": every place in the record, by its name in the reader's language. */
function placeFilter(doc: Document, m: PanelModel, h: PanelHandlers): HTMLElement {
  const counts = new Map<string, number>();
  for (const e of m.pack.events) if (e.jurisdiction) counts.set(e.jurisdiction, (counts.get(e.jurisdiction) ?? 0) + 1);
  const collator = new Intl.Collator(m.language);
  const places = [...counts.keys()]
    .map((code) => ({ code, name: placeName(code, m.language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const select = el(doc, 'select', { attrs: { id: 'place-filter' } }, [
    el(doc, 'option', { text: m.t('panelAllPlaces'), attrs: { value: '' } }),
    ...places.map(({ code, name }) => el(doc, 'option', { text: `${name} (${counts.get(code)})`, attrs: { value: code } })),
  ]);
  select.value = m.place ?? '';
  select.addEventListener('change', () => h.setPlace(select.value || null));
  return el(doc, 'label', { className: 'place' }, [el(doc, 'span', { text: m.t('panelPlaceLabel') }), select]);
}

function timeline(doc: Document, m: PanelModel, h: PanelHandlers): HTMLElement {
  const filters = el(doc, 'fieldset', { className: 'filters' }, [el(doc, 'legend', { text: m.t('panelFilterLabel') })]);
  for (const kind of EVENT_KINDS) {
    const input = el(doc, 'input', { attrs: { type: 'checkbox', value: kind } });
    input.checked = m.kinds.has(kind);
    input.addEventListener('change', () => h.setKind(kind, input.checked));
    filters.append(el(doc, 'label', { className: `filter kind-${kind}` }, [input, el(doc, 'span', { className: 'dot' }), m.t(KIND_LABEL[kind])]));
  }
  filters.append(placeFilter(doc, m, h));

  const { article, events } = m.pack;
  // The article's place among the entries, so what came after it is plain.
  const articleAt = articlePosition(events, article.date);
  const articleDate = formatPackDate(article.date, article.precision, m.language);
  const marker = el(doc, 'li', { className: 'article-marker' }, [
    el(doc, 'time', { text: m.t('panelArticleMarker', [articleDate]), attrs: { datetime: article.date } }),
    el(doc, 'span', { className: 'outlet', text: ` · ${article.outlet}` }),
  ]);
  const list = el(doc, 'ol', { className: 'timeline' });
  let year = '';
  const yearHeading = (y: string): void => {
    if (y === year) return;
    year = y;
    list.append(el(doc, 'li', { className: 'year' }, [el(doc, 'span', { text: y })]));
  };
  events.forEach((event, i) => {
    if (i === articleAt) {
      yearHeading(article.date.slice(0, 4));
      list.append(marker);
    }
    if (!m.kinds.has(event.kind) || (m.place !== null && event.jurisdiction !== m.place)) return;
    yearHeading(event.date.slice(0, 4));
    list.append(recordEntry(doc, event, m, 'entry'));
  });
  if (articleAt === events.length) {
    yearHeading(article.date.slice(0, 4));
    list.append(marker);
  }

  const summary = recordSummaryView(doc, m.pack, m, false);
  summary.latest?.addEventListener('click', () => {
    const entry = summary.latestEvent && findEntry(list, summary.latestEvent.id);
    if (entry) {
      entry.scrollIntoView({ block: 'center' });
      entry.focus({ preventScroll: true });
    }
  });
  return el(doc, 'section', { attrs: { 'aria-labelledby': 'record-heading' } }, [
    el(doc, 'h2', { text: m.t('panelRecordHeading'), attrs: { id: 'record-heading' } }),
    el(doc, 'div', { className: 'summary' }, summary.lines),
    filters,
    list,
  ]);
}

export function renderPanel(doc: Document, m: PanelModel, h: PanelHandlers): HTMLElement {
  const settings = el(doc, 'button', { className: 'link', text: m.t('panelOpenSettings'), attrs: { type: 'button' } });
  settings.addEventListener('click', () => h.openSettings());
  const header = el(doc, 'header', {}, [
    el(doc, 'div', { className: 'title' }, [el(doc, 'h1', { text: m.t('panelTitle') }), settings]),
    m.hostname ? el(doc, 'p', { className: 'host', text: m.hostname }) : null,
    el(doc, 'div', { className: 'switches' }, [
      m.hostname !== null &&
        toggle(doc, m.t('panelSiteSwitch'), m.state !== 'siteOff', m.paused, (on) => h.setSiteOn(on)),
      toggle(doc, m.t('panelPause'), m.paused, false, (paused) => h.setPaused(paused)),
    ]),
  ]);

  const status = el(doc, 'p', { className: `status state-${m.state}`, attrs: { id: 'mention-count', 'data-count': String(m.count), role: 'status' } });
  status.textContent =
    m.state === 'unavailable'
      ? m.t('panelUnavailable')
      : m.state === 'paused'
        ? m.t('panelPaused')
        : m.state === 'siteOff'
          ? m.t('panelSiteOff', [m.hostname ?? ''])
          : m.count === 0
            ? m.t('panelNoMentions')
            : m.t('panelMentionCount', [String(m.count)]);

  const mentions =
    m.state === 'running' && m.mentions.length > 0
      ? el(doc, 'section', { attrs: { 'aria-labelledby': 'mentions-heading' } }, [
          el(doc, 'h2', { text: m.t('panelMentionsHeading'), attrs: { id: 'mentions-heading' } }),
          el(doc, 'p', { className: 'hint', text: m.t('panelListHint') }),
          mentionList(doc, m, h),
        ])
      : null;

  const article = m.pack.article;
  // The key points fold away so the timeline shows at a glance.
  const points = el(doc, 'details', { className: 'key-points' }, [
    el(doc, 'summary', {}, [el(doc, 'h2', { text: m.t('cardArticleHeading'), attrs: { id: 'points-heading' } })]),
    el(doc, 'p', { className: 'article' }, [
      `${article.outlet} · ${formatPackDate(article.date, article.precision, m.language)} · `,
      sourceNode(doc, { publisher: article.title, url: article.url }, m.locale),
    ]),
    el(
      doc,
      'ul',
      { className: 'points' },
      m.pack.keyPoints.map((p) =>
        el(doc, 'li', {}, [
          el(doc, 'p', { text: pick(p.text, m.locale) }),
          p.note && el(doc, 'p', { className: 'note' }, [el(doc, 'strong', { text: m.t('cardRecordNote') }), ' ', pick(p.note, m.locale)]),
        ]),
      ),
    ),
  ]);

  return el(doc, 'main', { attrs: { id: 'panel', lang: m.locale } }, [header, status, mentions, points, timeline(doc, m, h)]);
}
