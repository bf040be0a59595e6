import type { PackLocale } from '../lib/locale.ts';
import { formatPackDate } from '../lib/dates.ts';
import type { Localized, PackEvent, PackSource } from '../data/pack-schema.ts';
import { el, externalLink } from './elements.ts';

/** A pack's text as the card and the panel show it: in the pack's locale, places in the reader's language. */

export type Translate = (key: string, substitutions?: string[]) => string;

export const pick = (text: Localized, locale: PackLocale): string => text[locale];

/** A source as a link where the record has a URL, else as a citation: a URL is never made up. */
export function sourceNode(doc: Document, source: PackSource, locale: PackLocale): Node {
  const label = source.label === undefined ? '' : typeof source.label === 'string' ? source.label : pick(source.label, locale);
  const text = label ? `${source.publisher}: ${label}` : source.publisher;
  return source.url ? externalLink(doc, source.url, text) : el(doc, 'cite', { text });
}

/** An entry's sources, as one line: "Sources: A, B". */
export function sourcesLine(doc: Document, sources: readonly PackSource[], locale: PackLocale, t: Translate): HTMLParagraphElement {
  const line = el(doc, 'p', { className: 'sources' }, [sources.length > 1 ? t('cardSourcesMany') : t('cardSources'), ' ']);
  sources.forEach((source, i) => {
    if (i > 0) line.append(', ');
    line.append(sourceNode(doc, source, locale));
  });
  return line;
}

/** Making a DisplayNames costs far more than asking one: one per language, as for dates. */
const regionNames = new Map<string, Intl.DisplayNames>();

/** A region code (or EU) named in the reader's language. */
export function placeName(code: string | undefined, language: string): string {
  if (!code) return '';
  try {
    let names = regionNames.get(language);
    if (!names) {
      names = new Intl.DisplayNames([language], { type: 'region' });
      regionNames.set(language, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface EntryText {
  locale: PackLocale;
  language: string;
  t: Translate;
}

/**
 * One dated entry of the record, as the card and the panel list it: its
 * date at its precision, the place and who acted, what they did, and the
 * sources. `className` is the list's own ("event" in the card, "entry" in
 * the panel).
 */
export function recordEntry(doc: Document, event: PackEvent, o: EntryText, className: string): HTMLLIElement {
  const who = [placeName(event.jurisdiction, o.language), pick(event.actor, o.locale)].filter(Boolean).join(' · ');
  return el(doc, 'li', { className: `${className} kind-${event.kind}${event.inArticle ? ' in-article' : ''}`, attrs: { 'data-event': event.id, tabindex: '-1' } }, [
    el(doc, 'p', { className: 'when' }, [
      el(doc, 'time', { text: formatPackDate(event.date, event.precision, o.language), attrs: { datetime: event.date } }),
      event.inArticle ? el(doc, 'span', { className: 'badge', text: o.t('cardInArticle') }) : null,
    ]),
    el(doc, 'p', { className: 'who', text: who }),
    el(doc, 'p', { className: 'what', text: pick(event.text, o.locale) }),
    sourcesLine(doc, event.sources, o.locale, o.t),
  ]);
}

/** The entry `recordEntry` built for this event, within `root`. */
export function findEntry(root: ParentNode, eventId: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('li[data-event]')].find((item) => item.getAttribute('data-event') === eventId);
}
