import type { Pack, PackEvent } from '../data/pack-schema.ts';
import { formatPackDate } from '../lib/dates.ts';
import type { PackLocale } from '../lib/locale.ts';
import { summarizeRecord, type RecordSummary } from '../lib/record-summary.ts';
import { pick, placeName, type Translate } from './pack-text.ts';
import { el } from './elements.ts';

/**
 * The record at a glance, as the card's first screen and the panel's
 * timeline open with it: how many actions over which years, who acted where,
 * the latest one, and when the record was checked.
 */

export interface SummaryText {
  locale: PackLocale;
  language: string;
  t: Translate;
}

export interface RecordSummaryView {
  /** The summary's lines, to put under a heading. */
  lines: HTMLElement[];
  /** Shows the latest action in the list; does nothing by itself. */
  latest: HTMLButtonElement | null;
  latestEvent: PackEvent | null;
}

function placesPhrase(s: RecordSummary<PackEvent>, o: SummaryText): string {
  const parts: string[] = [];
  if (s.countries === 1) parts.push(o.t('recordCountriesOne'));
  else if (s.countries > 1) parts.push(o.t('recordCountries', [String(s.countries)]));
  if (s.withEu) parts.push(o.t('recordEu'));
  try {
    return new Intl.ListFormat(o.language, { type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

function whoActed(s: RecordSummary<PackEvent>, o: SummaryText): string {
  const places = placesPhrase(s, o);
  if (s.byCourts === 0) return o.t('recordByGovernmentsOnly', [places]);
  if (s.byGovernments === 0) return o.t('recordByCourtsOnly', [places]);
  return o.t('recordBy', [String(s.byGovernments), places, String(s.byCourts)]);
}

export function recordSummaryView(doc: Document, pack: Pack, o: SummaryText, withText: boolean): RecordSummaryView {
  const checked = el(doc, 'p', { className: 'checked', text: o.t('recordChecked', [formatPackDate(pack.updated, 'day', o.language)]) });
  const s = summarizeRecord(pack.events);
  if (!s) return { lines: [checked], latest: null, latestEvent: null };
  const years = s.firstYear === s.lastYear ? s.firstYear : `${s.firstYear}–${s.lastYear}`;
  const count = s.actions === 1 ? o.t('recordCountOne', [years]) : o.t('recordCount', [String(s.actions), years]);
  const when = formatPackDate(s.latest.date, s.latest.precision, o.language);
  const where = placeName(s.latest.jurisdiction, o.language) || pick(s.latest.actor, o.locale);
  const latest = el(doc, 'button', {
    className: 'latest',
    text: o.t('recordLatest', [where, when]),
    attrs: { type: 'button' },
  });
  const lines = [
    el(doc, 'p', { className: 'count' }, [el(doc, 'strong', { text: count })]),
    el(doc, 'p', { className: 'by', text: whoActed(s, o) }),
    el(doc, 'p', { className: 'latest-line' }, [latest]),
    withText ? el(doc, 'p', { className: 'latest-what', text: pick(s.latest.text, o.locale) }) : null,
    checked,
  ].filter((line): line is HTMLParagraphElement => line !== null);
  return { lines, latest, latestEvent: s.latest };
}
