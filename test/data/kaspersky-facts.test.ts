import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kasperskyPack } from '../../src/data/packs.ts';

// The checked facts the pack is built from. Every dated entry, date, place
// and source URL in the pack must stand in this file, and every row of it
// must be in the pack.
const FACTS = resolve(import.meta.dirname, '../../../shared/facts/kaspersky-timeline.md');

interface Row {
  date: string;
  where: string;
  sources: string;
}

function table(markdown: string, heading: string): string[][] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`no section "${heading}" in the facts file`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

const WHERE: Record<string, string | undefined> = {
  US: 'US',
  UK: 'GB',
  Lithuania: 'LT',
  Netherlands: 'NL',
  EU: 'EU',
  Germany: 'DE',
  Italy: 'IT',
  Ukraine: 'UA',
  France: 'FR',
  Poland: 'PL',
  Canada: 'CA',
  Denmark: 'DK',
  Australia: 'AU',
  '(company)': undefined,
};

const PRECISION_OF_LENGTH: Record<number, string> = { 4: 'year', 7: 'month', 10: 'day' };

describe('the Kaspersky pack against ../shared/facts/kaspersky-timeline.md', () => {
  it('has the facts file to check against', () => {
    expect(existsSync(FACTS), `${FACTS} is missing`).toBe(true);
  });

  const markdown = existsSync(FACTS) ? readFileSync(FACTS, 'utf8') : '';
  const rows: Row[] = markdown
    ? table(markdown, 'Dated record').map(([date = '', where = '', , , sources = '']) => ({ date, where, sources }))
    : [];
  const claims = markdown ? table(markdown, 'What the article claims') : [];

  it('holds every row of the dated record, and nothing else', () => {
    expect(rows.length).toBeGreaterThan(15);
    expect(kasperskyPack.events).toHaveLength(rows.length);
  });

  it.each(rows.map((row, i) => [i, row] as const))('row %i: date, place and sources match', (i, row) => {
    const event = kasperskyPack.events[i];
    expect(event?.date).toBe(row.date);
    // The facts write a date to its precision: 2019-04 is a month, never a day.
    expect(event?.precision).toBe(PRECISION_OF_LENGTH[row.date.length]);
    expect(row.where in WHERE, `a place the test does not know: ${row.where}`).toBe(true);
    expect(event?.jurisdiction).toBe(WHERE[row.where]);
    const urls = row.sources.match(/https?:\/\/\S+/g) ?? [];
    const packUrls = (event?.sources ?? []).flatMap((s) => (s.url ? [s.url] : []));
    expect(packUrls).toEqual(urls);
    // A source without a URL in the facts is cited, never given a made-up link.
    if (urls.length === 0) expect(event?.sources.every((s) => s.label !== undefined)).toBe(true);
  });

  it('has the ten key points of the article, each with a note on the record', () => {
    expect(claims).toHaveLength(10);
    expect(kasperskyPack.keyPoints).toHaveLength(10);
    for (const point of kasperskyPack.keyPoints) expect(point.note).toBeDefined();
  });

  it('names the article as the facts do: Techzine, June 2018, its URL', () => {
    const { article } = kasperskyPack;
    expect(markdown).toContain(article.url);
    expect(markdown).toContain(article.title);
    expect(article).toMatchObject({ outlet: 'Techzine', date: '2018-06', precision: 'month', language: 'nl' });
    expect(markdown).toContain(article.basedOn?.url ?? 'missing');
  });

  it('states in each note the dates the record gives for that claim', () => {
    const notes = kasperskyPack.keyPoints.map((k) => k.note?.en ?? '');
    const expectations: Array<[number, string[]]> = [
      [0, ['16 May 2018', '13 June 2018', '476', '151', '36', 'paragraph 76']],
      [3, ['1 December 2017', 'October 2017']],
      [4, ['12 December 2017', '1 October 2018', '1634']],
      [5, ['20 December 2017']],
      [6, ['14 May 2018']],
      [7, ['6 April 2018']],
      [8, ['13 June 2018', 'temporary']],
      [9, ['15 May 2018', '13 November 2018', 'Zurich']],
    ];
    for (const [i, parts] of expectations) for (const part of parts) expect(notes[i]).toContain(part);
  });

  it('marks the events the article reports', () => {
    const reported = kasperskyPack.events.filter((e) => e.inArticle).map((e) => e.id);
    expect(reported).toEqual([
      'uk-ncsc-guidance',
      'us-ndaa-1634',
      'lt-government-decision',
      'nl-phase-out',
      'kaspersky-zurich-announced',
      'ep-afet-paet-report',
      'ep-plenary-resolution',
      'kaspersky-freezes-europol',
    ]);
  });
});
