import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, clickFresh, eventually, launch, serveFixtures, until, type FixtureServer } from './harness.ts';
import { withExtension } from './with-extension.ts';
import { kasperskyPack } from '../../src/data/packs.ts';

const cardOpen = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.querySelector('backstory-card')?.matches(':popover-open') ?? false);

const marks = (page: Page): Promise<number> => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);

describe.each(BROWSERS)('%s: the toolbar panel', (name) => {
  const ctx = withExtension(name);
  let page: Page;
  let tabId: number;

  const openPanel = async (): Promise<Page> =>
    ctx.session.openExtensionPage(`popup.html?tab=${tabId}`, '#mention-count[data-count]');

  // A test that fails half-way must not leave the next one paused or switched off.
  afterEach(async () => {
    await ctx.session.inExtension(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      type Api = { storage: { sync: { clear(): Promise<void> } } };
      await (g.browser ?? g.chrome)?.storage.sync.clear();
    });
  });

  beforeAll(async () => {
    page = await ctx.session.openPage(ctx.server.url('/demo/index.html'));
    tabId = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(tabId), '12');
  });

  it('shows the same count as the badge, and one list item per mention', async () => {
    const panel = await openPanel();
    const badge = await ctx.session.badgeText(tabId);
    expect(await panel.$eval('#mention-count', (el) => el.getAttribute('data-count'))).toBe(badge);
    const items = await panel.$$eval('[role="listbox"] [role="option"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(items).toHaveLength(12);
    for (const item of items) expect(item).toMatch(/Kaspersky/);
    expect(items[0]).toContain('Ook Europa wil Kaspersky-software verbannen');
    await panel.close();
  });

  it('jumps to a mention chosen with the mouse and opens its card', async () => {
    const panel = await openPanel();
    await panel.click('[role="option"]:nth-child(11)');
    await page.bringToFront();
    expect(await eventually(() => cardOpen(page), true, 3000)).toBe(true);
    // The chosen mention is on screen now: the page scrolled to it.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.close();
  });

  it('moves through the list with the arrow keys and opens with Enter', async () => {
    const panel = await openPanel();
    await panel.focus('[role="listbox"]');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    expect(await panel.$eval('[role="listbox"]', (el) => el.getAttribute('aria-activedescendant'))).toBe('mention-2');
    await panel.keyboard.press('Enter');
    await page.bringToFront();
    expect(await eventually(() => cardOpen(page), true, 3000)).toBe(true);
    await page.keyboard.press('Escape');
    await panel.close();
  });

  it('draws the whole record: every event with its date at its precision and its sources, grouped by year, filterable by kind', async () => {
    const panel = await openPanel();
    const entries = await panel.$$eval('.timeline .entry', (els) =>
      els.map((e) => ({
        id: e.getAttribute('data-event'),
        date: e.querySelector('time')?.getAttribute('datetime'),
        text: e.querySelector('time')?.textContent,
        links: [...e.querySelectorAll('.sources a')].map((a) => a.getAttribute('href')),
        cites: e.querySelectorAll('.sources cite').length,
      })),
    );
    expect(entries.map((e) => e.id)).toEqual(kasperskyPack.events.map((e) => e.id));
    for (const [i, entry] of entries.entries()) {
      const event = kasperskyPack.events[i]!;
      expect(entry.date).toBe(event.date);
      // At its precision: a day shows its day, a month never does.
      const year = event.date.slice(0, 4);
      expect(entry.text).toContain(year);
      if (event.precision === 'day') expect(entry.text?.replace(year, '')).toMatch(new RegExp(`\\b${Number(event.date.slice(8, 10))}\\b`));
      else expect(entry.text).toMatch(/^\p{L}+ \d{4}$/u);
      expect(entry.links).toEqual(event.sources.flatMap((s) => (s.url ? [s.url] : [])));
      expect(entry.cites).toBe(event.sources.filter((s) => !s.url).length);
    }
    expect(entries.find((e) => e.date === '2019-04')?.text).toBe('April 2019');
    const years = await panel.$$eval('.timeline .year', (els) => els.map((e) => e.textContent));
    expect(years).toEqual(['2017', '2018', '2019', '2020', '2022', '2023', '2024', '2025']);
    expect(await panel.$$eval('.timeline .in-article', (els) => els.length)).toBe(kasperskyPack.events.filter((e) => e.inArticle).length);
    // Only the company's own acts.
    const total = kasperskyPack.events.length;
    await clickFresh(panel, '.filters input[value="government"]');
    await until(panel, (n) => document.querySelectorAll('.timeline .entry').length < n, total);
    await clickFresh(panel, '.filters input[value="court"]');
    const company = kasperskyPack.events.filter((e) => e.kind === 'company').length;
    await until(panel, (n) => document.querySelectorAll('.timeline .entry').length === n, company);
    await panel.close();
  });

  it('marks the article on the timeline, after what it reports and before what came later', async () => {
    const panel = await openPanel();
    const marker = await panel.$eval('.timeline .article-marker', (li) => {
      const id = (el: Element | null, step: 'previousElementSibling' | 'nextElementSibling'): string | null => {
        let at = el?.[step] ?? null;
        while (at && !at.hasAttribute('data-event')) at = at[step];
        return at?.getAttribute('data-event') ?? null;
      };
      return { text: li.textContent, before: id(li, 'previousElementSibling'), after: id(li, 'nextElementSibling') };
    });
    expect(marker.text).toContain('The article, June 2018');
    expect(marker.before).toBe('kaspersky-freezes-europol');
    expect(marker.after).toBe('us-far-interim-rule');
    await panel.close();
  });

  it('filters the record by place: "what did my country do?"', async () => {
    const panel = await openPanel();
    const options = await panel.$$eval('#place-filter option', (os) => os.map((o) => [o.value, o.textContent]));
    expect(options[0]).toEqual(['', 'Every place']);
    expect(options.map(([value]) => value)).toEqual(expect.arrayContaining(['UA', 'FR', 'PL', 'CA', 'DK', 'AU', 'IT', 'EU']));
    await panel.select('#place-filter', 'IT');
    const italian = kasperskyPack.events.filter((e) => e.jurisdiction === 'IT');
    await until(panel, (n) => document.querySelectorAll('.timeline .entry').length === n, italian.length);
    const shown = await panel.$$eval('.timeline .entry', (els) =>
      els.map((e) => [e.getAttribute('data-event'), e.querySelector('.who')?.textContent ?? '']),
    );
    expect(shown.map(([id]) => id)).toEqual(italian.map((e) => e.id));
    for (const [, who] of shown) expect(who).toMatch(/^Italy · /);
    // The article stays marked, so a reader sees what came after it there too.
    expect(await panel.$('.timeline .article-marker')).not.toBeNull();
    await panel.select('#place-filter', '');
    await until(panel, (n) => document.querySelectorAll('.timeline .entry').length === n, kasperskyPack.events.length);
    await panel.close();
  });

  it('says what the record holds, its latest action and when it was checked', async () => {
    const panel = await openPanel();
    const summary = await panel.$eval('.summary', (el) => el.textContent ?? '');
    expect(summary).toContain('33 actions, 2017–2025');
    expect(summary).toMatch(/Latest: Italy, (November 14, 2025|14 November 2025)/);
    expect(summary).toMatch(/Record checked on (December 1, 2026|1 December 2026)/);
    await panel.close();
  });

  it('turns the site off and on again live: marks and badge go and come back without a reload', async () => {
    const panel = await openPanel();
    await clickFresh(panel, '.switches label:first-child input');
    expect(await eventually(() => ctx.session.badgeText(tabId), '')).toBe('');
    expect(await eventually(() => marks(page), 0)).toBe(0);
    await until(panel, () => document.querySelector('#mention-count')?.classList.contains('state-siteOff') === true, undefined);
    await clickFresh(panel, '.switches label:first-child input');
    expect(await eventually(() => ctx.session.badgeText(tabId), '12')).toBe('12');
    expect(await eventually(() => marks(page), 12)).toBe(12);
    await panel.close();
  });

  it('pauses everywhere and says so', async () => {
    const panel = await openPanel();
    await clickFresh(panel, '.switches label:last-child input');
    expect(await eventually(() => ctx.session.badgeText(tabId), '')).toBe('');
    await until(panel, () => document.querySelector('#mention-count')?.classList.contains('state-paused') === true, undefined);
    expect(await panel.$eval('#mention-count', (el) => el.textContent)).toMatch(/paused/);
    await clickFresh(panel, '.switches label:last-child input');
    expect(await eventually(() => ctx.session.badgeText(tabId), '12')).toBe('12');
    await panel.close();
  });

  it('says when extensions cannot run on the page', async () => {
    // An extension page, like the browser's own pages and the stores, runs no content script.
    const other = await ctx.session.openExtensionPage('options.html', '#options');
    const otherTab = await ctx.session.latestTabId();
    const panel = await ctx.session.openExtensionPage(`popup.html?tab=${otherTab}`, '#mention-count[data-count]');
    expect(await panel.$eval('#mention-count', (el) => [el.className, el.textContent])).toEqual([
      'status state-unavailable',
      'Extensions cannot run on this page.',
    ]);
    await panel.close();
    await other.close();
  });

  it('lists the sentences of a right-to-left page the right way round, each name marked', async () => {
    const hebrew = await ctx.session.openPage(ctx.server.url('/fixtures/scripts/he.html'));
    const hebrewTab = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(hebrewTab), '8');
    const panel = await ctx.session.openExtensionPage(`popup.html?tab=${hebrewTab}`, '#mention-count[data-count]');
    const items = await panel.$$eval('[role="listbox"] [role="option"]', (els) =>
      els.map((item) => {
        const snippet = item.querySelector('.snippet') as HTMLElement;
        return { dir: snippet.getAttribute('dir'), shown: getComputedStyle(snippet).direction, mark: snippet.querySelector('mark')?.textContent };
      }),
    );
    expect(items).toHaveLength(8);
    for (const item of items) {
      expect(item.dir).toBe('auto');
      expect(item.shown).toBe('rtl');
      expect(item.mark).toMatch(/קספרסקי/);
    }
    await panel.close();
    await hebrew.close();
  });

  it('says when a page has no mentions', async () => {
    const empty = await ctx.session.openPage(ctx.server.url('/fixtures/empty.html'));
    const emptyTab = await ctx.session.latestTabId();
    const panel = await ctx.session.openExtensionPage(`popup.html?tab=${emptyTab}`, '#mention-count[data-count]');
    await until(panel, () => document.querySelector('#mention-count')?.classList.contains('state-running') === true, undefined);
    expect(await panel.$eval('#mention-count', (el) => el.textContent)).toBe('No mentions on this page.');
    await panel.close();
    await empty.close();
  });
});

describe('chromium: settings that last', () => {
  let server: FixtureServer;
  let profile: string;

  beforeAll(async () => {
    server = await serveFixtures();
    profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps a site turned off across a restart of the browser profile', async () => {
    const first = await launch('chromium', { profile });
    const page = await first.openPage(server.url('/fixtures/static.html'));
    const tabId = await first.latestTabId();
    await eventually(() => first.badgeText(tabId), '4');
    const panel = await first.openExtensionPage(`popup.html?tab=${tabId}`, '#mention-count[data-count]');
    await clickFresh(panel, '.switches label:first-child input');
    expect(await eventually(() => first.badgeText(tabId), '')).toBe('');
    void page;
    await first.close();

    const second = await launch('chromium', { profile });
    try {
      const again = await second.openPage(server.url('/fixtures/static.html'));
      const againTab = await second.latestTabId();
      await new Promise((r) => setTimeout(r, 1000));
      expect(await second.badgeText(againTab)).toBe('');
      expect(await marks(again)).toBe(0);
      // And back on, for the next test on this profile.
      await second.inExtension(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
        await api.storage.sync.set({ disabledSites: [] });
      });
      expect(await eventually(() => second.badgeText(againTab), '4')).toBe('4');
    } finally {
      await second.close();
    }
  });

  it('repairs corrupted settings, key by key, and keeps working', async () => {
    const first = await launch('chromium', { profile });
    await first.inExtension(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
      await api.storage.sync.set({ version: 2, enabled: 'yes', hoverDelayMs: 'fast', highlightStyle: 'blue', disabledSites: 'all', junk: { a: 1 } });
    });
    // Even before any repair, a page reads the good keys and defaults for the rest.
    const page = await first.openPage(server.url('/fixtures/static.html'));
    const tabId = await first.latestTabId();
    expect(await eventually(() => first.badgeText(tabId), '4')).toBe('4');
    expect(await page.evaluate(() => CSS.highlights.get('backstory-mention-blue')?.size ?? 0)).toBe(4);
    await first.close();

    // The background repairs storage when it starts.
    const second = await launch('chromium', { profile });
    try {
      const repaired = {
        disabledSites: [],
        enabled: true,
        highlightStyle: 'blue',
        hoverDelayMs: 350,
        language: 'auto',
        showAllEvents: false,
        version: 2,
      };
      const stored = await eventually(
        () =>
          second.inExtension(async () => {
            const api = (globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<object> } } } }).chrome;
            return JSON.stringify(await api.storage.sync.get(null));
          }),
        JSON.stringify(repaired),
      );
      expect(JSON.parse(stored)).toEqual(repaired);
    } finally {
      await second.close();
    }
  });
});
