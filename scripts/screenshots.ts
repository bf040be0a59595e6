/**
 * `npm run screenshots`: the pictures in the README, taken from this build
 * in headless Chromium: the card on the demo page (light, dark, Dutch), on
 * a real page from the shared corpus with a mention inserted, and on a phone.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { eventually, launch, serveFixtures, textBox, type ExtensionSession } from '../test/e2e/harness.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(OUT, { recursive: true });
const server = await serveFixtures();

async function hoverFirst(page: Page, selector: string, word: string): Promise<void> {
  await page.evaluate(
    (sel, needle) => {
      const host = [...document.querySelectorAll(sel)].find((el) => el.textContent?.includes(needle));
      host?.scrollIntoView({ block: 'center' });
    },
    'p, h1, h2',
    word,
  );
  const box = await textBox(page, selector, word);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => document.querySelector('backstory-card')?.matches(':popover-open'), { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 300));
}

async function shoot(session: ExtensionSession, url: string, file: string, scheme: 'light' | 'dark', prepare?: (page: Page) => Promise<void>): Promise<void> {
  const page = await session.openPage(url);
  await page.setViewport({ width: 1100, height: 760 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await prepare?.(page);
  const tabId = await session.latestTabId();
  await eventually(async () => (await session.badgeText(tabId)) !== '', true);
  await page.bringToFront();
  await hoverFirst(page, 'main, article, body', 'Kaspersky');
  await page.screenshot({ path: join(OUT, file) });
  await page.close();
  console.log(`wrote docs/screenshots/${file}`);
}

async function shootPanel(session: ExtensionSession, file: string, scheme: 'light' | 'dark', scrollTo?: string): Promise<void> {
  const page = await session.openPage(server.url('/demo/index.html'));
  const tabId = await session.latestTabId();
  await eventually(() => session.badgeText(tabId), '12');
  const panel = await session.openExtensionPage(`popup.html?tab=${tabId}`, '#mention-count[data-count]');
  await panel.setViewport({ width: 460, height: 600 });
  await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await panel.bringToFront();
  if (scrollTo) await panel.$eval(scrollTo, (el) => el.scrollIntoView({ block: 'start' }));
  await new Promise((r) => setTimeout(r, 200));
  await panel.screenshot({ path: join(OUT, file), fullPage: false });
  await panel.close();
  await page.close();
  console.log(`wrote docs/screenshots/${file}`);
}

/** A phone (390 by 844 CSS pixels, touch), drawn at two device pixels a CSS pixel to keep the picture small. */
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** The card a tap opened on the demo page, and the panel as Firefox for Android shows it, on a phone. */
async function shootPhone(session: ExtensionSession, cardFile: string, panelFile: string): Promise<void> {
  const page = await session.browser.newPage();
  await page.emulate({ viewport: PHONE, userAgent: await session.browser.userAgent() });
  await page.goto(server.url('/demo/index.html'), { waitUntil: 'load' });
  const tabId = await session.latestTabId();
  await eventually(() => session.badgeText(tabId), '12');
  await page.bringToFront();
  const paragraph = 'article p:nth-of-type(2)';
  await page.evaluate((sel) => {
    document.querySelector(sel)?.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -80);
  }, paragraph);
  const box = await textBox(page, paragraph, 'Kaspersky');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => document.querySelector('backstory-card')?.matches(':popover-open'), { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path: join(OUT, cardFile) });
  console.log(`wrote docs/screenshots/${cardFile}`);
  const panel = await session.browser.newPage();
  await panel.emulate({ viewport: PHONE, userAgent: await session.browser.userAgent() });
  panel.goto(`${session.extensionBase}popup.html?tab=${tabId}`).catch(() => undefined);
  await panel.waitForSelector('#mention-count[data-count]', { timeout: 15_000 });
  await panel.bringToFront();
  await new Promise((r) => setTimeout(r, 200));
  await panel.screenshot({ path: join(OUT, panelFile) });
  console.log(`wrote docs/screenshots/${panelFile}`);
  await panel.close();
  await page.close();
}

const english = await launch('chromium', { lang: 'en-US' });
await shootPhone(english, 'card-phone.png', 'panel-phone.png');
await shootPanel(english, 'panel-light.png', 'light');
await shootPanel(english, 'panel-dark.png', 'dark');
await shootPanel(english, 'panel-timeline-light.png', 'light', '#record-heading');
await shootPanel(english, 'panel-timeline-dark.png', 'dark', '#record-heading');
await shoot(english, server.url('/demo/index.html'), 'card-demo-light.png', 'light');
await shoot(english, server.url('/demo/index.html'), 'card-demo-dark.png', 'dark');
await shoot(english, server.url('/real/guardian-1.html'), 'card-real-page.png', 'light', async (page) => {
  // The corpus pages do not mention Kaspersky: add one sentence, as a reader would meet it.
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('article p, main p, p')].find((el) => (el.textContent ?? '').length > 120);
    p?.append(' Security agencies have also warned about Kaspersky Lab software.');
  });
});
await english.close();

const dutch = await launch('chromium', { lang: 'nl' });
await shoot(dutch, server.url('/demo/index.html'), 'card-demo-nl.png', 'light');
await shootPanel(dutch, 'panel-nl.png', 'light');
await shootPanel(dutch, 'panel-timeline-nl.png', 'light', '#record-heading');
await dutch.close();
await server.close();
