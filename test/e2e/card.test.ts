import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, eventually, launch, serveFixtures, textBox, type Box, type FixtureServer } from './harness.ts';
import { withExtension } from './with-extension.ts';

/** Whether our card is open, and where, as the page sees its host. */
const cardState = (page: Page): Promise<{ open: boolean; box: Box | null }> =>
  page.evaluate(() => {
    const host = document.querySelector('backstory-card');
    if (!host || !host.matches(':popover-open')) return { open: false, box: null };
    const b = host.getBoundingClientRect();
    return { open: true, box: { x: b.x, y: b.y, width: b.width, height: b.height } };
  });

const isOpen = async (page: Page): Promise<boolean> => (await cardState(page)).open;

const hover = async (page: Page, box: Box): Promise<void> => {
  await page.mouse.move(box.x + Math.min(12, box.width / 2), box.y + box.height / 2);
};

describe.each(BROWSERS)('%s: the context card', (name) => {
  const ctx = withExtension(name);
  let page: Page;
  let tabId: number;

  // One demo page for the whole file; each test leaves the card closed.
  beforeAll(async () => {
    page = await ctx.session.openPage(ctx.server.url('/demo/index.html'));
    tabId = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(tabId), '12');
    await page.bringToFront();
  });

  it('is not in the page until a mention is hovered, and opens after the pointer rests on one', async () => {
    expect(await page.evaluate(() => document.querySelector('backstory-card'))).toBeNull();
    const mention = await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky');
    await hover(page, mention);
    // Passing over is not resting: nothing yet.
    await new Promise((r) => setTimeout(r, 120));
    expect(await isOpen(page)).toBe(false);
    expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
    const { box } = await cardState(page);
    const viewport = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    // Next to the name, about 420 px wide at most, and on screen.
    expect(box!.width).toBeLessThanOrEqual(421);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.w);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.h);
    const nearBelow = Math.abs(box!.y - (mention.y + mention.height)) < 20;
    const nearAbove = Math.abs(box!.y + box!.height - mention.y) < 20;
    expect(nearBelow || nearAbove).toBe(true);
  });

  it('stays open while the pointer crosses onto the card, and closes after leaving both', async () => {
    const { box } = await cardState(page);
    await page.mouse.move(box!.x + 40, box!.y + 40, { steps: 4 });
    await new Promise((r) => setTimeout(r, 700));
    expect(await isOpen(page)).toBe(true);
    // Far from the card and any mention.
    await page.mouse.move(box!.x + box!.width + 150, 5, { steps: 4 });
    expect(await eventually(() => isOpen(page), false, 3000)).toBe(false);
  });

  it('closes on Escape', async () => {
    await hover(page, await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky'));
    expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await eventually(() => isOpen(page), false, 2000)).toBe(false);
  });

  it('after Escape, opens again when the pointer leaves and comes back within one frame', async () => {
    const mention = await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky');
    await page.mouse.move(700, 20);
    await hover(page, mention);
    expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await eventually(() => isOpen(page), false, 2000)).toBe(false);
    // Off the name and straight back, the two moves sent together: in
    // Firefox they land within one frame, which the card must not miss.
    await Promise.all([page.mouse.move(700, 20), hover(page, mention)]);
    expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await eventually(() => isOpen(page), false, 2000)).toBe(false);
  });

  it('closes on a click elsewhere, and when the page scrolls the mention away', async () => {
    // After Escape the card stays closed until the pointer leaves and comes back.
    await page.mouse.move(700, 20);
    await hover(page, await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky'));
    expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
    await page.mouse.click(700, 20);
    expect(await eventually(() => isOpen(page), false, 2000)).toBe(false);

    await page.mouse.move(700, 20);
    await hover(page, await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky'));
    expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await eventually(() => isOpen(page), false, 2000)).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('moves with its mention when the page scrolls a little', async () => {
    await page.mouse.move(700, 20);
    await hover(page, await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky'));
    expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
    const before = (await cardState(page)).box!;
    const mentionBefore = await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky');
    // The pointer rests on the card, which keeps it open while the page moves under it.
    await page.mouse.move(before.x + 40, before.y + 120, { steps: 4 });
    await page.evaluate(() => window.scrollBy(0, 40));
    const mentionAfter = await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky');
    expect(mentionAfter.y).toBeCloseTo(mentionBefore.y - 40, 0);
    // The card keeps its distance from the name.
    const gap = (box: Box | null, mention: Box): number => Math.round((box?.y ?? 0) - mention.y);
    expect(await eventually(async () => gap((await cardState(page)).box, mentionAfter), gap(before, mentionBefore), 2000)).toBe(gap(before, mentionBefore));
    expect(await isOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await eventually(() => isOpen(page), false, 2000)).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('opens from the keyboard command with focus inside, and Escape gives focus back', async () => {
    await page.mouse.move(700, 5);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reply = await ctx.session.sendToTab(tabId, { type: 'focusNextMention', args: {} });
    expect(reply).toEqual({ opened: true });
    expect(await eventually(() => isOpen(page), true, 2000)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('backstory-card');
    await page.keyboard.press('Escape');
    expect(await eventually(() => isOpen(page), false, 2000)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('backstory-card');
  });

  it('still shows, on top and at full size, when page CSS hides and restyles everything', async () => {
    const hostile = await ctx.session.openPage(ctx.server.url('/fixtures/hostile-css.html'));
    const id = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(id), '1');
    await hostile.bringToFront();
    await hover(hostile, await textBox(hostile, '#target', 'Kaspersky Lab'));
    expect(await eventually(() => isOpen(hostile), true, 3000)).toBe(true);
    const { box } = await cardState(hostile);
    expect(box!.width).toBeGreaterThan(250);
    expect(box!.height).toBeGreaterThan(150);
    // Our host is what the reader's pointer meets there, above the page's top overlay.
    const onTop = await hostile.evaluate(
      (x, y) => document.elementFromPoint(x, y)?.localName,
      box!.x + box!.width / 2,
      box!.y + box!.height / 2,
    );
    expect(onTop).toBe('backstory-card');
    await hostile.close();
    await page.bringToFront();
  });

  it('works on a page whose Content-Security-Policy allows nothing', async () => {
    const strict = await ctx.session.openPage(ctx.server.url(`/fixtures/static.html?csp=${encodeURIComponent("default-src 'none'")}`));
    const id = await ctx.session.latestTabId();
    // The policy also blocks the page's own <style>, so its .gone paragraph shows: 5, not 4.
    expect(await eventually(() => ctx.session.badgeText(id), '5')).toBe('5');
    expect(await strict.evaluate(() => CSS.highlights.get('backstory-mention')?.size)).toBe(5);
    await strict.bringToFront();
    await hover(strict, await textBox(strict, '#one', 'Kaspersky Lab'));
    expect(await eventually(() => isOpen(strict), true, 3000)).toBe(true);
    const { box } = await cardState(strict);
    expect(box!.height).toBeGreaterThan(150);
    await strict.close();
    await page.bringToFront();
  });

  it('ignores what the page itself does: synthetic pointer and key events, posted messages', async () => {
    const hostile = await ctx.session.openPage(ctx.server.url('/fixtures/hostile-scripts.html'));
    const id = await ctx.session.latestTabId();
    expect(await eventually(() => ctx.session.badgeText(id), '1')).toBe('1');
    await hostile.mouse.move(700, 5);
    await hostile.evaluate(() => (window as unknown as { steps: { poke(): void } }).steps.poke());
    await new Promise((r) => setTimeout(r, 900));
    expect(await isOpen(hostile)).toBe(false);
    expect(await hostile.evaluate(() => document.querySelector('backstory-card'))).toBeNull();
    expect(await hostile.evaluate(() => CSS.highlights.get('backstory-mention-active')?.size ?? 0)).toBe(0);
    expect(await ctx.session.badgeText(id)).toBe('1');
    await hostile.close();
    await page.bringToFront();
  });

  it('works where the page broke addEventListener, and comes back after the page removes the card', async () => {
    const hostile = await ctx.session.openPage(ctx.server.url('/fixtures/hostile-host.html'));
    const id = await ctx.session.latestTabId();
    expect(await eventually(() => ctx.session.badgeText(id), '1')).toBe('1');
    await hostile.bringToFront();
    const mention = await textBox(hostile, '#target', 'Kaspersky Lab');
    await hover(hostile, mention);
    expect(await eventually(() => isOpen(hostile), true, 3000)).toBe(true);
    await hostile.evaluate(() => (window as unknown as { steps: { removeForeign(): void } }).steps.removeForeign());
    expect(await hostile.evaluate(() => document.querySelector('backstory-card'))).toBeNull();
    // Away and back: the card is there again.
    await hostile.mouse.move(700, 300);
    await new Promise((r) => setTimeout(r, 500));
    await hover(hostile, mention);
    expect(await eventually(() => isOpen(hostile), true, 3000)).toBe(true);
    await hostile.close();
    await page.bringToFront();
  });

  it('keeps its content from the page: the shadow root is closed', async () => {
    expect(await page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot ?? null)).toBeNull();
    expect(await page.evaluate(() => document.querySelector('backstory-card')?.textContent)).toBe('');
  });
});

// Chromium exposes the accessibility tree and ARIA queries that reach into
// closed shadow roots, so the card's words can be read there.
interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}

function findNode(node: AxNode | null | undefined, test: (n: AxNode) => boolean): AxNode | undefined {
  if (!node) return undefined;
  if (test(node)) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

const allNames = (node: AxNode | undefined): string[] =>
  node ? [node.name ?? '', ...(node.children ?? []).flatMap(allNames)] : [];

describe('chromium: the card as a screen reader and a reader see it', () => {
  let server: FixtureServer;

  const dialogText = async (page: Page): Promise<string> => {
    const dialog = (await page.waitForSelector('::-p-aria([role="dialog"])', { timeout: 5000 })) as ElementHandle;
    return dialog.evaluate((el) => el.textContent ?? '');
  };

  beforeAll(async () => {
    server = await serveFixtures();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('opens at 200 % zoom on a high-density screen, and fits the narrower window', async () => {
    const session = await launch('chromium');
    try {
      const page = await session.openPage(server.url('/demo/index.html'));
      const tabId = await session.latestTabId();
      await eventually(() => session.badgeText(tabId), '12');
      // 200 % zoom of a 1280 × 800 window on a 2× screen: 640 × 400 CSS pixels.
      await page.setViewport({ width: 640, height: 400, deviceScaleFactor: 2 });
      await page.bringToFront();
      await hover(page, await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky'));
      expect(await eventually(() => isOpen(page), true, 3000)).toBe(true);
      const { box } = await cardState(page);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(640);
      expect(box!.y + box!.height).toBeLessThanOrEqual(400);
      expect(box!.height).toBeGreaterThan(100);
      // What lies below the first screen is laid out a frame after the open:
      // the footer's buttons are there to scroll to, not left out.
      const turnOff = await page.waitForSelector('::-p-aria([role="button"][name="Turn off on this site"])', { visible: true, timeout: 1000 });
      expect(turnOff).not.toBeNull();
    } finally {
      await session.close();
    }
  });

  for (const [lang, expected] of [
    [
      'en-US',
      {
        label: 'Backstory: context for Kaspersky',
        words: ['What the article says', 'Government actions', "Kaspersky's response", 'December 1, 2017', 'The record:', 'The Guardian', 'April 2019'],
        firstScreen: ['33 actions, 2017–2025', '29 by governments in 12 countries and the EU, 4 by courts', 'Record checked on December 1, 2026'],
        latest: 'Latest: Italy, November 14, 2025',
        showAll: 'Show all 33 actions',
        turnOff: 'Turn off on this site',
      },
    ],
    [
      'nl',
      {
        label: 'Backstory: context bij Kaspersky',
        words: ['Wat het artikel zegt', 'Overheidsmaatregelen', 'Reactie van Kaspersky', '1 december 2017', 'De feiten:', 'juni 2018', 'april 2019'],
        firstScreen: ['33 maatregelen, 2017–2025', '29 door overheden in 12 landen en de EU, 4 door rechters', 'Feiten gecontroleerd op 1 december 2026'],
        latest: 'Laatste: Italië, 14 november 2025',
        showAll: 'Toon alle 33 maatregelen',
        turnOff: 'Uitzetten op deze site',
      },
    ],
  ] as const) {
    it(`shows the card in the browser's language (${lang}), as a named dialog with the actions' dates`, async () => {
      const session = await launch('chromium', { lang });
      try {
        const page = await session.openPage(server.url('/demo/index.html'));
        const tabId = await session.latestTabId();
        await eventually(() => session.badgeText(tabId), '12');
        await page.bringToFront();
        await session.sendToTab(tabId, { type: 'focusNextMention', args: {} });
        const text = await dialogText(page);
        for (const word of expected.words) expect(text).toContain(word);
        const tree = await page.accessibility.snapshot({ interestingOnly: false });
        const dialog = findNode(tree, (n) => n.role === 'dialog');
        expect(dialog?.name).toBe(expected.label);
        const names = allNames(dialog);
        expect(names).toContain(expected.words[1]);
        expect(names.some((n) => n.includes(expected.words[3]))).toBe(true);

        // The first screen says what the record holds and where it stands now,
        // before the article's claims: how many, who and where, the latest.
        const articleAt = names.indexOf(expected.words[0]);
        for (const line of [...expected.firstScreen, expected.latest, expected.showAll]) {
          const at = names.findIndex((n) => n.includes(line));
          expect(at, line).toBeGreaterThanOrEqual(0);
          expect(at, line).toBeLessThan(articleAt);
        }
        const cardBox = async (): Promise<Box> => (await cardState(page)).box!;
        const inside = (inner: Box, outer: Box): boolean =>
          inner.y >= outer.y - 1 && inner.y + inner.height <= outer.y + outer.height + 1;
        const latest = (await page.waitForSelector(`::-p-aria([role="button"][name="${expected.latest}"])`, { visible: true }))!;
        expect(inside((await latest.boundingBox())!, await cardBox())).toBe(true);
        // The latest action is a way into the details: every action listed, that one shown.
        await latest.click();
        const entry = (await page.waitForSelector('::-p-aria([role="dialog"]) >>> li[data-event="it-acn-circular-2025"]', { visible: true }))!;
        await page.waitForFunction(
          (item, top, bottom) => {
            const r = (item as Element).getBoundingClientRect();
            return r.top >= top - 1 && r.top < bottom;
          },
          { timeout: 3000 },
          entry,
          (await cardBox()).y,
          (await cardBox()).y + (await cardBox()).height,
        );
        // Links open in a new tab and tell the target nothing of us.
        const links = await page.$$eval('::-p-aria([role="dialog"]) >>> a', (as) =>
          as.map((a) => [a.getAttribute('target'), a.getAttribute('rel')]),
        );
        expect(links.length).toBeGreaterThan(5);
        for (const attrs of links) expect(attrs).toEqual(['_blank', 'noopener noreferrer']);

        // "Turn off on this site": marks and badge go at once, and the card with them.
        const turnOff = await page.waitForSelector(`::-p-aria([role="button"][name="${expected.turnOff}"])`);
        await turnOff!.click();
        expect(await eventually(() => session.badgeText(tabId), '')).toBe('');
        expect(await page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(0);
        expect(await page.evaluate(() => document.querySelector('backstory-card'))).toBeNull();
      } finally {
        await session.close();
      }
    });
  }
});
