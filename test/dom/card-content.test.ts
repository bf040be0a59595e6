import { describe, expect, it } from 'vitest';
import { buildCardContent } from '../../src/dom/card-content.ts';
import { kasperskyPack } from '../../src/data/packs.ts';
import type { Pack } from '../../src/data/pack-schema.ts';

const t = (key: string, subs: string[] = []): string => `${key}${subs.length ? `(${subs.join(',')})` : ''}`;
const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describe('buildCardContent', () => {
  const build = (pack: Pack, extra: { showAll?: boolean; referent?: 'company' | 'person'; locale?: 'en' | 'nl' } = {}) =>
    buildCardContent(document, {
      pack,
      referent: extra.referent ?? 'company',
      locale: extra.locale ?? 'en',
      language: extra.locale ?? 'en',
      t,
      showAll: extra.showAll,
    });

  it('shows pack text that looks like HTML as text, and creates no element from it', () => {
    const pack = structuredClone(kasperskyPack);
    pack.keyPoints[0]!.text.en = HOSTILE;
    pack.events[0]!.text.en = HOSTILE;
    pack.events[0]!.inArticle = true;
    pack.entity.identity.en = HOSTILE;
    const { root } = build(pack, { showAll: true });
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.textContent).toContain(HOSTILE);
  });

  it('is a named, non-modal dialog with headings and lists, in the order the card promises', () => {
    const { root } = build(kasperskyPack);
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.getAttribute('aria-modal')).toBe('false');
    expect(root.getAttribute('aria-label')).toBe('cardDialogLabel(Kaspersky)');
    const headings = [...root.querySelectorAll('h2, h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Kaspersky', 'recordHeading', 'cardArticleHeading', 'cardActionsHeading', 'cardResponseHeading']);
    expect(root.querySelectorAll('.points > li')).toHaveLength(10);
    expect(root.querySelectorAll('.note')).toHaveLength(10);
  });

  it('lists the actions the article reports, oldest first, and all of them on request', () => {
    const actions = kasperskyPack.events.filter((e) => e.kind !== 'company');
    const reported = actions.filter((e) => e.inArticle);
    const few = build(kasperskyPack).root.querySelectorAll('section[aria-labelledby="card-actions"] time');
    expect([...few].map((el) => el.getAttribute('datetime'))).toEqual(reported.map((e) => e.date));
    const all = build(kasperskyPack, { showAll: true }).root.querySelectorAll('section[aria-labelledby="card-actions"] time');
    expect([...all].map((el) => el.getAttribute('datetime'))).toEqual(actions.map((e) => e.date));
    expect(build(kasperskyPack).toggleAll?.textContent).toBe(`cardShowAll(${actions.length})`);
  });

  it('dates each entry in the reader’s language at its precision, with its place and sources', () => {
    const { root } = build(kasperskyPack, { locale: 'nl', showAll: true });
    const first = root.querySelector('section[aria-labelledby="card-actions"] li');
    expect(first?.querySelector('time')?.textContent).toBe('15 mei 2017');
    expect(first?.querySelector('.who')?.textContent).toContain('Oekraïne');
    // A date the record gives to the month is shown as a month, never as a day.
    const month = root.querySelector('li[data-event="eu-commission-answer-2019"] time');
    expect(month?.textContent).toBe('april 2019');
    expect(root.querySelector('.article')?.textContent).toContain('juni 2018');
    const links = [...root.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(40);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    }
  });

  it('cites a source the record gives without a link, and links none that it does not have', () => {
    const { root } = build(kasperskyPack, { showAll: true });
    const unlinked = kasperskyPack.events.flatMap((e) => e.sources).filter((s) => !s.url);
    expect(unlinked.length).toBeGreaterThan(3);
    const cites = [...root.querySelectorAll('cite')].map((c) => c.textContent ?? '');
    for (const source of unlinked) expect(cites.some((c) => c.startsWith(source.publisher))).toBe(true);
    const reuters = 'Reuters: Report of 15 July 2024 (Kaspersky to shut US operations)';
    expect(cites).toContain(reuters);
    expect([...root.querySelectorAll('a')].some((a) => a.textContent === reuters)).toBe(false);
  });

  it('opens with the record at a glance: how many actions, who acted where, the latest, when it was checked', () => {
    const { root, seeAll, latest } = build(kasperskyPack);
    const summary = root.querySelector('section.summary');
    // Before the article's key points, and on the first screen (not laid out later).
    expect(summary?.nextElementSibling?.getAttribute('aria-labelledby')).toBe('card-article');
    expect(summary?.classList.contains('later')).toBe(false);
    const actions = kasperskyPack.events.filter((e) => e.kind !== 'company');
    expect(summary?.querySelector('.count')?.textContent).toBe(`recordCount(${actions.length},2017–2025)`);
    const courts = actions.filter((e) => e.kind === 'court').length;
    expect(summary?.querySelector('.by')?.textContent).toBe(
      `recordBy(${actions.length - courts},recordCountries(12) and recordEu,${courts})`,
    );
    expect(latest?.textContent).toBe('recordLatest(Italy,November 14, 2025)');
    expect(summary?.querySelector('.latest-what')?.textContent).toMatch(/Security Gen/);
    expect(summary?.querySelector('.checked')?.textContent).toBe('recordChecked(December 1, 2026)');
    expect(seeAll?.textContent).toBe(`cardShowAll(${actions.length})`);
  });

  it('names the founder when the mention is of him', () => {
    const { heading, root } = build(kasperskyPack, { referent: 'person' });
    expect(heading.textContent).toBe('Eugene Kaspersky');
    expect(root.querySelector('.identity')?.textContent).toMatch(/founder/i);
  });
});
