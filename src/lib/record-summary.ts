/**
 * What a record of dated actions holds, in a few numbers a reader takes in
 * at a glance, and where the source article sits among them. Pure: the card
 * and the panel word it, each in the reader's language.
 */

export interface RecordEntry {
  date: string;
  kind: 'government' | 'court' | 'company';
  jurisdiction?: string;
  inArticle: boolean;
}

export interface RecordSummary<E extends RecordEntry> {
  /** Actions by governments and courts; the company's own acts are not actions. */
  actions: number;
  byGovernments: number;
  byCourts: number;
  /** Countries (region codes) where an action was taken, the EU apart. */
  countries: number;
  withEu: boolean;
  firstYear: string;
  lastYear: string;
  /** The most recent action (the last in the record's order of the latest date). */
  latest: E;
}

/** Null for a record without actions. Entries are in date order, oldest first, as packs keep them. */
export function summarizeRecord<E extends RecordEntry>(entries: readonly E[]): RecordSummary<E> | null {
  const actions = entries.filter((e) => e.kind !== 'company');
  const first = actions[0];
  const latest = actions[actions.length - 1];
  if (!first || !latest) return null;
  const places = new Set(actions.flatMap((e) => (e.jurisdiction ? [e.jurisdiction] : [])));
  const withEu = places.delete('EU');
  return {
    actions: actions.length,
    byGovernments: actions.filter((e) => e.kind === 'government').length,
    byCourts: actions.filter((e) => e.kind === 'court').length,
    countries: places.size,
    withEu,
    firstYear: first.date.slice(0, 4),
    lastYear: latest.date.slice(0, 4),
    latest,
  };
}

/**
 * Where the article goes in the record: after everything before its date and
 * everything it reports, before the rest. An entry in the article's own
 * period (its month, for an article dated to the month) that the article does
 * not report counts as after it: the article did not know it yet.
 */
export function articlePosition(entries: readonly RecordEntry[], articleDate: string): number {
  const after = entries.findIndex((e) => {
    const period = e.date.slice(0, articleDate.length);
    return period > articleDate || (period === articleDate && !e.inArticle);
  });
  return after === -1 ? entries.length : after;
}
