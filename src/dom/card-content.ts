import type { Referent } from '../lib/matcher.ts';
import { formatPackDate } from '../lib/dates.ts';
import type { PackLocale } from '../lib/locale.ts';
import type { Pack } from '../data/pack-schema.ts';
import { el, externalLink } from './elements.ts';
import { pick, recordEntry, sourceNode, type Translate } from './pack-text.ts';
import { recordSummaryView } from './record-summary-view.ts';

/**
 * The card's content, built from a pack with elements and textContent only:
 * a pack is data, so "<img onerror=…>" in it shows as those characters.
 */

export interface CardContentOptions {
  pack: Pack;
  referent: Referent;
  /** Which pack text to show. */
  locale: PackLocale;
  /** The reader's language, for dates and place names. */
  language: string;
  t: Translate;
  /** Show every government action, not only those the article reports. */
  showAll?: boolean;
}

export interface CardContent {
  root: HTMLElement;
  /** The heading focus moves to when the card opens from the keyboard. */
  heading: HTMLElement;
  /** Buttons the card wires up: they do nothing by themselves. */
  close: HTMLButtonElement;
  toggleAll: HTMLButtonElement | null;
  /** The summary's way into the list of every action. */
  seeAll: HTMLButtonElement | null;
  /** The summary's latest action, which shows it in the list. */
  latest: HTMLButtonElement | null;
  latestEventId: string | null;
  openPanel: HTMLButtonElement;
  turnOff: HTMLButtonElement;
}

/**
 * Key points enough to fill the card's first screen (its height is capped
 * at 640 px) below the record's summary; the rest, like the sections below,
 * are laid out a frame later.
 */
const FIRST_SCREEN_POINTS = 3;

export function buildCardContent(doc: Document, o: CardContentOptions): CardContent {
  const { pack, locale } = o;
  const person = o.referent === 'person' ? pack.entity.related?.find((r) => r.kind === 'person') : undefined;
  const subject = person ?? pack.entity;

  const heading = el(doc, 'h2', { text: subject.name, attrs: { id: 'card-title', tabindex: '-1' } });
  const close = el(doc, 'button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': o.t('cardClose') } });
  const header = el(doc, 'header', {}, [
    heading,
    close,
    el(doc, 'p', { className: 'identity', text: pick(subject.identity, locale) }),
  ]);

  // First the record at a glance: how many actions, who, where, the latest one.
  const summary = recordSummaryView(doc, pack, o, true);
  const actions = pack.events.filter((e) => e.kind !== 'company');
  const seeAll =
    actions.length > 0
      ? el(doc, 'button', { className: 'more', text: o.t('cardShowAll', [String(actions.length)]), attrs: { type: 'button' } })
      : null;
  const summarySection = el(doc, 'section', { className: 'summary', attrs: { 'aria-labelledby': 'card-record' } }, [
    el(doc, 'h3', { text: o.t('recordHeading'), attrs: { id: 'card-record' } }),
    ...summary.lines,
    seeAll,
  ]);

  // What the article says, with a note wherever the record differs.
  const { article } = pack;
  const articleMeta = el(doc, 'p', { className: 'article' }, [
    `${article.outlet} · ${formatPackDate(article.date, article.precision, o.language)} · `,
    externalLink(doc, article.url, article.title),
  ]);
  if (article.basedOn) articleMeta.append(' · ', `${o.t('cardBasedOn')} `, sourceNode(doc, article.basedOn, locale));
  const points = el(
    doc,
    'ul',
    { className: 'points' },
    pack.keyPoints.map((point, i) =>
      el(doc, 'li', { className: i < FIRST_SCREEN_POINTS ? '' : 'later' }, [
        el(doc, 'p', { text: pick(point.text, locale) }),
        point.note &&
          el(doc, 'p', { className: 'note' }, [
            el(doc, 'strong', { text: o.t('cardRecordNote') }),
            ' ',
            pick(point.note, locale),
          ]),
      ]),
    ),
  );
  const articleSection = el(doc, 'section', { attrs: { 'aria-labelledby': 'card-article' } }, [
    el(doc, 'h3', { text: o.t('cardArticleHeading'), attrs: { id: 'card-article' } }),
    articleMeta,
    points,
  ]);

  // Government actions, oldest first: the sequence reads as a story.
  const reported = actions.filter((e) => e.inArticle);
  const shown = o.showAll || reported.length === actions.length ? actions : reported;
  const actionList = el(
    doc,
    'ol',
    { className: 'events' },
    shown.map((e) => recordEntry(doc, e, o, 'event')),
  );
  const toggleAll =
    reported.length < actions.length
      ? el(doc, 'button', {
          className: 'more',
          text: o.showAll ? o.t('cardShowFewer') : o.t('cardShowAll', [String(actions.length)]),
          attrs: { type: 'button', 'aria-expanded': String(Boolean(o.showAll)) },
        })
      : null;
  const actionSection = el(doc, 'section', { className: 'later', attrs: { 'aria-labelledby': 'card-actions' } }, [
    el(doc, 'h3', { text: o.t('cardActionsHeading'), attrs: { id: 'card-actions', tabindex: '-1' } }),
    actionList,
    toggleAll,
  ]);

  const responses = pack.events.filter((e) => e.kind === 'company');
  const responseSection =
    responses.length > 0 &&
    el(doc, 'section', { className: 'later', attrs: { 'aria-labelledby': 'card-response' } }, [
      el(doc, 'h3', { text: o.t('cardResponseHeading'), attrs: { id: 'card-response' } }),
      el(doc, 'ol', { className: 'events' }, responses.map((e) => recordEntry(doc, e, o, 'event'))),
    ]);

  const openPanel = el(doc, 'button', { text: o.t('cardOpenPanel'), attrs: { type: 'button' } });
  const turnOff = el(doc, 'button', { text: o.t('cardTurnOffSite'), attrs: { type: 'button' } });
  // Below the first screen (marked "later"): laid out a frame after the card opens.
  const footer = el(doc, 'footer', { className: 'later' }, [
    el(doc, 'p', { className: 'actions' }, [openPanel, turnOff]),
  ]);

  const root = el(
    doc,
    'div',
    {
      className: 'card',
      attrs: { role: 'dialog', 'aria-modal': 'false', 'aria-label': o.t('cardDialogLabel', [subject.name]), lang: locale },
    },
    [header, el(doc, 'div', { className: 'body' }, [summarySection, articleSection, actionSection, responseSection]), footer],
  );
  return { root, heading, close, toggleAll, seeAll, latest: summary.latest, latestEventId: summary.latestEvent?.id ?? null, openPanel, turnOff };
}
