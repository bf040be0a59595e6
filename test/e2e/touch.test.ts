import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, eventually, textBox, type Box, type BrowserName, type ExtensionSession, type FixtureServer } from './harness.ts';
import { withExtension } from './with-extension.ts';

/** A phone: 390 by 844 CSS pixels at three device pixels each, a touch screen and no hover. */
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/**
 * The one WebDriver BiDi command a phone's screen needs. Puppeteer's
 * setViewport also sends a screen orientation override, which Firefox ESR
 * does not know, and fails: the page's browsing context is asked directly.
 */
interface BidiContext {
  browsingContext: { setViewport(o: { viewport: { width: number; height: number }; devicePixelRatio: number }): Promise<void> };
}

/** Opens `url` as a phone shows it: Chromium emulates the device; Firefox gets the screen here and touch from its launch (see `phone` in the harness). */
async function openOnPhone(session: ExtensionSession, name: BrowserName, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  if (name === 'chromium') await page.emulate({ viewport: PHONE, userAgent: await session.browser.userAgent() });
  else {
    await (page.mainFrame() as unknown as BidiContext).browsingContext.setViewport({
      viewport: { width: PHONE.width, height: PHONE.height },
      devicePixelRatio: PHONE.deviceScaleFactor,
    });
  }
  page.goto(url).catch(() => undefined);
  await eventually(() => page.evaluate(() => document.readyState === 'complete').catch(() => false), true, 15_000);
  await page.bringToFront();
  return page;
}

const cardBox = (page: Page): Promise<Box | null> =>
  page.evaluate(() => {
    const host = document.querySelector('backstory-card');
    if (!host?.matches(':popover-open')) return null;
    const b = host.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  });

/** Whether the card is open (true) or closed (false) within 3 s, as `open` asks. */
const cardIs = async (page: Page, open: boolean): Promise<boolean> => eventually(async () => ((await cardBox(page)) !== null) === open, true, 3000);

/** The phone fixture, in front, once the badge counts its two mentions. */
async function openFixture(ctx: { session: ExtensionSession; server: FixtureServer }, name: BrowserName): Promise<{ page: Page; tabId: number }> {
  const page = await openOnPhone(ctx.session, name, ctx.server.url('/fixtures/phone.html'));
  const tabId = await ctx.session.latestTabId();
  expect(await eventually(() => ctx.session.badgeText(tabId), '2')).toBe('2');
  await page.bringToFront();
  return { page, tabId };
}

const tapOn = (page: Page, box: Box): Promise<void> => page.touchscreen.tap(box.x + Math.min(14, box.width / 2), box.y + box.height / 2);

describe.each(BROWSERS)('%s: Backstory on a phone', (name) => {
  const ctx = withExtension(name, { phone: true });

  it('opens the card on a tap, inside the screen, and closes it on a tap elsewhere, cancelling nothing of the page', async () => {
    const { page } = await openFixture(ctx, name);
    const viewport = await page.evaluate(() => ({ w: innerWidth, h: innerHeight, dpr: devicePixelRatio, touch: matchMedia('(pointer: coarse)').matches }));
    expect(viewport.w).toBe(PHONE.width);
    expect(viewport.dpr).toBe(PHONE.deviceScaleFactor);
    expect(viewport.touch).toBe(true);

    await tapOn(page, await textBox(page, '#plain', 'Kaspersky'));
    expect(await cardIs(page, true)).toBe(true);
    const box = await cardBox(page);
    expect(box).not.toBeNull();
    // The screen's width less a margin, and wholly on the screen.
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.w);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.h);
    expect(box!.width).toBeGreaterThanOrEqual(viewport.w - 24);
    // A finger lifting off is not a hover ending: the card stays.
    await new Promise((r) => setTimeout(r, 800));
    expect(await cardBox(page)).not.toBeNull();

    // A tap elsewhere (below the card, on no mention) closes it.
    await page.touchscreen.tap(viewport.w / 2, Math.min(viewport.h - 10, box!.y + box!.height + 40));
    expect(await cardIs(page, false)).toBe(true);

    const events = await page.evaluate(() => (window as unknown as { __events: Array<{ type: string; pointer?: string; cancelled: boolean }> }).__events);
    // Two taps, each a touch from start to end (no mouse: a hover could not have opened the card).
    const ups = events.filter((e) => e.type === 'pointerup');
    expect(ups.map((e) => e.pointer)).toEqual(['touch', 'touch']);
    expect(events.filter((e) => e.type === 'touchend')).toHaveLength(2);
    expect(events.filter((e) => e.cancelled)).toEqual([]);
    // Our only node is the card's host: the page's own nodes did not change.
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: Array<{ target: string; added: number; removed: number }> }).__mutations);
    expect(mutations.filter((m) => m.target !== 'BACKSTORY-CARD' && !(m.target === 'HTML' && m.added + m.removed === 1))).toEqual([]);
    await page.close();
  });

  it('opens nothing when a finger drags across a name, as in a scroll', async () => {
    const { page } = await openFixture(ctx, name);
    const mention = await textBox(page, '#plain', 'Kaspersky');
    const x = mention.x + mention.width / 2;
    const y = mention.y + mention.height / 2;
    await page.touchscreen.touchStart(x, y);
    await page.touchscreen.touchMove(x, y - 30);
    await page.touchscreen.touchMove(x, y - 60);
    await page.touchscreen.touchEnd();
    await new Promise((r) => setTimeout(r, 800));
    expect(await cardBox(page)).toBeNull();
    // The same name tapped opens its card: the drag was the only difference.
    await page.evaluate(() => window.scrollTo(0, 0));
    await tapOn(page, await textBox(page, '#plain', 'Kaspersky'));
    expect(await cardIs(page, true)).toBe(true);
    await page.close();
  });

  it('leaves a tap on a name inside a link to the page: the link is followed, no card opens', async () => {
    const { page } = await openFixture(ctx, name);
    await page.evaluate(() => document.querySelector('#linked')?.scrollIntoView({ block: 'center' }));
    await tapOn(page, await textBox(page, '#link', 'Kaspersky'));
    expect(await eventually(() => page.evaluate(() => location.hash), '#followed', 3000)).toBe('#followed');
    await new Promise((r) => setTimeout(r, 500));
    expect(await cardBox(page)).toBeNull();
    await page.close();
  });

  it('shows the card with a close button a finger can hit, and the close button closes it', async () => {
    const { page } = await openFixture(ctx, name);
    await tapOn(page, await textBox(page, '#plain', 'Kaspersky'));
    expect(await cardIs(page, true)).toBe(true);
    const card = (await cardBox(page))!;
    // The close button fills the card's top right corner, 44 by 44 CSS
    // pixels: a tap 45 pixels in from both edges still lands on it (the
    // desktop's 28-pixel button, 8 pixels in, is 9 pixels off). The closed shadow
    // root hides the button from the page, so the test taps where it is drawn.
    await new Promise((r) => setTimeout(r, 300));
    await page.touchscreen.tap(card.x + card.width - 45, card.y + 45);
    expect(await cardIs(page, false)).toBe(true);
    await page.close();
  });
});

describe.each(BROWSERS)('%s: the panel as Firefox for Android opens it', (name) => {
  const ctx = withExtension(name, { phone: true });

  it('fills the screen with targets a finger can hit, and a mention chosen there scrolls to it, opens its card and gives the page back', async () => {
    const { page, tabId } = await openFixture(ctx, name);
    const panel = await openOnPhone(ctx.session, name, `${ctx.session.extensionBase}popup.html?tab=${tabId}`);
    expect(await eventually(() => panel.evaluate(() => document.querySelectorAll('[role="option"]').length), 2)).toBe(2);
    const layout = await panel.evaluate(() => {
      const targets = [...document.querySelectorAll('button, select, summary, label, [role="option"], a[href]')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0)
        .map(({ el, box }) => ({ what: `${el.localName}.${el.className} ${(el.textContent ?? '').trim().slice(0, 30)}`, width: box.width, height: box.height }));
      // The page's width, less a scroll bar where the browser draws one (a phone's float over the page).
      return { body: document.body.getBoundingClientRect().width, width: document.documentElement.clientWidth, targets };
    });
    expect(layout.body).toBe(layout.width);
    expect(layout.targets.length).toBeGreaterThan(5);
    expect(layout.targets.filter((t) => t.width < 44 || t.height < 44)).toEqual([]);

    // The mention inside the link, which a tap on the page leaves to the link.
    await panel.evaluate(() => document.querySelector('[role="option"]:nth-child(2)')?.scrollIntoView({ block: 'center' }));
    const option = await panel.evaluate(() => {
      const b = (document.querySelector('[role="option"]:nth-child(2)') as Element).getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    });
    await tapOn(panel, option);
    // The page is in front again, and the panel gone (a panel whose tab is already going away answers nothing).
    expect(await eventually(() => page.evaluate(() => document.visibilityState), 'visible', 5000)).toBe('visible');
    const panelGone = (): Promise<boolean> => (panel.isClosed() ? Promise.resolve(true) : panel.evaluate(() => false).catch(() => true));
    expect(await eventually(panelGone, true, 5000)).toBe(true);
    expect(await cardIs(page, true)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const box = (await cardBox(page))!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });
});
