import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, eventually, textBox } from './harness.ts';
import { withExtension } from './with-extension.ts';

/** Size of one of our highlights, as the page itself sees CSS.highlights. */
const marked = (page: Page, name = 'backstory-mention'): Promise<number> =>
  page.evaluate((n) => CSS.highlights.get(n)?.size ?? -1, name);

/** Calls one of the fixture's window.steps functions. */
const step = (page: Page, name: string): Promise<void> =>
  page.evaluate((n) => (window as unknown as { steps: Record<string, () => void> }).steps[n]?.(), name);

/** The centre of the first occurrence of `text` inside `selector`. */
const centreOf = async (page: Page, selector: string, text: string): Promise<{ x: number; y: number }> => {
  const box = await textBox(page, selector, text);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe.each(BROWSERS)('%s: mentions on real pages', (name) => {
  const ctx = withExtension(name);

  const open = async (path: string): Promise<{ page: Page; tabId: number }> => {
    const page = await ctx.session.openPage(ctx.server.url(path));
    return { page, tabId: await ctx.session.latestTabId() };
  };
  const badge = (tabId: number, expected: string): Promise<string> =>
    eventually(() => ctx.session.badgeText(tabId), expected);


  it('counts and marks what a reader sees on a static page, and changes none of it', async () => {
    const { page, tabId } = await open('/fixtures/static.html');
    expect(await badge(tabId, '4')).toBe('4');
    expect(await ctx.session.badgeTitle(tabId)).toBe('4 mentions of Kaspersky');
    expect(await marked(page)).toBe(4);
    expect(await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations)).toEqual([]);
    await page.close();
  });

  it.each(['ar', 'he', 'th', 'hi', 'ja'])('counts every mention in sentences of real %s pages, and changes none of them', async (lang) => {
    // Arabic and Hebrew right to left with prefixes, Thai without spaces,
    // Devanagari, Japanese with Latin names touching kana and kanji.
    const { page, tabId } = await open(`/fixtures/scripts/${lang}.html`);
    const expected = (await page.evaluate(() => document.documentElement.dataset.expected)) as string;
    expect(Number(expected)).toBeGreaterThan(5);
    expect(await badge(tabId, expected)).toBe(expected);
    expect(await marked(page)).toBe(Number(expected));
    expect(await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations)).toEqual([]);
    await page.close();
  });

  it('counts the twelve mentions of the Dutch source article', async () => {
    const { page, tabId } = await open('/demo/index.html');
    expect(await badge(tabId, '12')).toBe('12');
    expect(await marked(page)).toBe(12);
    await page.close();
  });

  it('follows a dynamic page: added, edited, revealed text and a single-page navigation', async () => {
    const { page, tabId } = await open('/fixtures/dynamic.html');
    expect(await badge(tabId, '1')).toBe('1');
    await step(page, 'add');
    expect(await badge(tabId, '3')).toBe('3');
    await step(page, 'edit');
    expect(await badge(tabId, '2')).toBe('2');
    await step(page, 'reveal');
    expect(await badge(tabId, '3')).toBe('3');
    await step(page, 'navigate');
    expect(await badge(tabId, '4')).toBe('4');
    expect(await marked(page)).toBe(4);
    await page.close();
  });

  it('finds mentions in open, nested and closed shadow roots (on custom elements, and on standard elements with children of their own or none), and one inside a paragraph, without touching them', async () => {
    const { page, tabId } = await open('/fixtures/shadow.html');
    expect(await badge(tabId, '10')).toBe('10');
    expect(await marked(page)).toBe(10);
    expect(await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations)).toEqual([]);
    await page.close();
  });

  it('sums same-origin, srcdoc and about:blank frames, as frames come and go', async () => {
    const { page, tabId } = await open('/fixtures/frames.html');
    expect(await badge(tabId, '5')).toBe('5');
    await step(page, 'removeChild');
    expect(await badge(tabId, '3')).toBe('3');
    await step(page, 'addFrame');
    expect(await badge(tabId, '4')).toBe('4');
    await page.close();
  });

  it('opens the card on a mention inside same-origin, srcdoc and about:blank frames', async () => {
    // Each frame's content script loads the reader module on its own.
    const { page, tabId } = await open('/fixtures/frames.html');
    expect(await badge(tabId, '5')).toBe('5');
    const opened: string[] = [];
    for (const id of ['child', 'srcdoc', 'blank']) {
      const frame = await (await page.$(`#${id}`))?.contentFrame();
      if (!frame) throw new Error(`no frame #${id}`);
      const inner = await frame.evaluate(() => {
        const text = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text).find((t) => t.data.includes('Kaspersky'));
        if (!text) return null;
        const r = document.createRange();
        const at = text.data.indexOf('Kaspersky');
        r.setStart(text, at);
        r.setEnd(text, at + 9);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      });
      const outer = await page.evaluate((sel) => {
        const f = document.querySelector(sel) as HTMLIFrameElement;
        const b = f.getBoundingClientRect();
        return { x: b.x + f.clientLeft, y: b.y + f.clientTop };
      }, `#${id}`);
      if (!inner) throw new Error(`no mention in frame #${id}`);
      await page.mouse.move(outer.x + inner.x, outer.y + inner.y);
      const isOpen = (): Promise<boolean> =>
        frame.evaluate(() => document.querySelector('backstory-card')?.matches(':popover-open') ?? false);
      if (await eventually(isOpen, true, 5000)) opened.push(id);
      await page.mouse.move(1, 1);
      await eventually(isOpen, false, 3000);
    }
    expect(opened).toEqual(['child', 'srcdoc', 'blank']);
    await page.close();
  });

  it('shows 999+ above 999 mentions, and a blank badge after navigating to a page without any', async () => {
    const { page, tabId } = await open('/fixtures/many.html?n=1200');
    expect(await badge(tabId, '999+')).toBe('999+');
    expect(await ctx.session.badgeTitle(tabId)).toBe('1200 mentions of Kaspersky');
    // Marked in slices, all of them by the time the count is reported.
    expect(await marked(page)).toBe(1200);
    await page.goto(ctx.server.url('/fixtures/empty.html'), { waitUntil: 'load' });
    expect(await badge(tabId, '')).toBe('');
    await page.close();
  });

  it('knows the mention under the pointer and marks it as active', async () => {
    const { page, tabId } = await open('/fixtures/static.html');
    await badge(tabId, '4');
    const point = await centreOf(page, '#one', 'Kaspersky Lab');
    await page.mouse.move(point.x, point.y);
    expect(await eventually(() => marked(page, 'backstory-mention-active'), 1)).toBe(1);
    const active = await page.evaluate(() => [...(CSS.highlights.get('backstory-mention-active') ?? [])][0]?.toString());
    expect(active).toBe('Kaspersky Lab');
    // Off the mention, nothing is active.
    const away = await centreOf(page, '#one', 'Tuesday');
    await page.mouse.move(away.x, away.y);
    expect(await eventually(() => marked(page, 'backstory-mention-active'), 0)).toBe(0);
    await page.close();
  });

  it('never trusts what is in storage.session: a corrupted tab record is replaced, not believed', async () => {
    const { page, tabId } = await open('/fixtures/dynamic.html');
    expect(await badge(tabId, '1')).toBe('1');
    await ctx.session.inExtension(async (id) => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      type Api = { storage: { session: { set(v: object): Promise<void> } } };
      await (g.browser ?? g.chrome)?.storage.session.set({ [`tab:${id}`]: { 0: 'lots', 7: -5, x: 1e9 }, junk: '<script>' });
    }, String(tabId));
    expect((await ctx.session.tabState(tabId)).count).toBe(0);
    await step(page, 'add');
    expect(await badge(tabId, '3')).toBe('3');
    expect((await ctx.session.tabState(tabId)).count).toBe(3);
    await page.close();
  });

  it('keeps working when the page deletes its highlights and breaks Range, CSS and observers', async () => {
    const { page, tabId } = await open('/fixtures/hostile-basics.html');
    expect(await badge(tabId, '1')).toBe('1');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await step(page, 'vandalize');
    expect(await badge(tabId, '2')).toBe('2');
    // The page cleared every highlight; hovering puts ours back.
    const box = await page.$eval('#second', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + 12, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    const size = (n: string) =>
      page.evaluate(
        (key) => (window as unknown as { __registry: HighlightRegistry }).__registry.get(key)?.size ?? -1,
        n,
      );
    expect(await eventually(() => size('backstory-mention'), 2)).toBe(2);
    expect(await eventually(() => size('backstory-mention-active'), 1)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
