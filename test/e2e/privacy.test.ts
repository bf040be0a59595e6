import type { HTTPRequest, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, clickFresh, eventually, textBox } from './harness.ts';
import { withExtension } from './with-extension.ts';

// Backstory makes no network request, ever: using every feature on a page
// leads to no request but the page's own, and the extension's pages load
// only their own files.
describe.each(BROWSERS)('%s: no network access', (name) => {
  const ctx = withExtension(name);

  const record = (page: Page, into: string[]): void => {
    page.on('request', (request: HTTPRequest) => into.push(request.url()));
  };

  it('requests nothing beyond the page itself and its own files while marking, hovering, and using the panel', async () => {
    const requests: string[] = [];
    const page = await ctx.session.browser.newPage();
    record(page, requests);
    await page.goto(ctx.server.url('/demo/index.html'), { waitUntil: 'load' });
    await page.bringToFront();
    const tabId = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(tabId), '12');

    // The card, with all its links shown but none followed.
    const box = await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky');
    await page.mouse.move(box.x + 10, box.y + box.height / 2);
    await page.waitForFunction(() => document.querySelector('backstory-card')?.matches(':popover-open'), { timeout: 5000 });

    // The panel and the settings page.
    const panelRequests: string[] = [];
    const panel = await ctx.session.browser.newPage();
    record(panel, panelRequests);
    panel.goto(`${ctx.session.extensionBase}popup.html?tab=${tabId}`).catch(() => undefined);
    // The tab is still moving to the extension page: ask until it answers.
    const listed = async (): Promise<boolean> => (await panel.$('[role="option"]').catch(() => null)) !== null;
    expect(await eventually(listed, true)).toBe(true);
    await clickFresh(panel, '[role="option"]:nth-child(3)');
    const options = await ctx.session.openExtensionPage('options.html', '#options h1');
    await options.close();
    await new Promise((r) => setTimeout(r, 500));

    const own = ctx.server.origin;
    // The names and the reader's module, loaded from the extension itself
    // (Chrome asks for each under its per-session address, then its own): no network.
    const isReader = (url: string): boolean => /^(chrome|moz)-extension:\/\/[^/]+\/(reader|names)\.js$/.test(url);
    const foreign = requests.filter((url) => !url.startsWith(`${own}/demo/`) && url !== `${own}/favicon.ico` && !isReader(url));
    expect(foreign).toEqual([]);
    expect(requests.filter((url) => url.startsWith(`${own}/demo/`))).toEqual([`${own}/demo/index.html`]);
    expect(panelRequests.filter((url) => !url.startsWith(ctx.session.extensionBase))).toEqual([]);
    await panel.close();
    await page.close();
  });
});

// The card's code and data load in a frame only once the reader points at
// it: the ad and embed frames of a page, which nobody points at, never pay
// for them. Chromium reports the extension's own module loads among a
// page's requests, Firefox does not (its first hover and first tap, which
// the card and touch tests make on fresh pages, are what shows it there).
describe('chromium: the card loads on the reader\'s first move', () => {
  const ctx = withExtension('chromium');

  it('marks a page without loading the card, and loads it when the pointer first moves there', async () => {
    const requests: string[] = [];
    const page = await ctx.session.browser.newPage();
    page.on('request', (request: HTTPRequest) => requests.push(request.url()));
    await page.goto(ctx.server.url('/demo/index.html'), { waitUntil: 'load' });
    await page.bringToFront();
    const tabId = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(tabId), '12');
    const loaded = (file: string): boolean => requests.some((url) => url.endsWith(`/${file}`) && /^(chrome|moz)-extension:/.test(url));
    // The names were needed to mark the page (so the extension's own loads are heard here); the card was not.
    expect(await eventually(async () => loaded('names.js'), true)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(loaded('reader.js')).toBe(false);
    // The first move lands on a name and rests there: the card loads and opens.
    const box = await textBox(page, 'article p:nth-of-type(2)', 'Kaspersky');
    await page.mouse.move(box.x + 10, box.y + box.height / 2);
    await page.waitForFunction(() => document.querySelector('backstory-card')?.matches(':popover-open'), { timeout: 5000 });
    expect(loaded('reader.js')).toBe(true);
    await page.close();
  });
});

describe('chromium: the background makes no request', () => {
  const ctx = withExtension('chromium');

  it('has its service worker issue no request while pages report and the panel asks', async () => {
    const worker = await ctx.session.browser.waitForTarget((t) => t.type() === 'service_worker');
    const cdp = await worker.createCDPSession();
    const requests: string[] = [];
    cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => requests.push(event.request.url));
    await cdp.send('Network.enable');
    const page = await ctx.session.openPage(ctx.server.url('/demo/index.html'));
    const tabId = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(tabId), '12');
    const panel = await ctx.session.openExtensionPage(`popup.html?tab=${tabId}`, '#mention-count[data-count]');
    await panel.close();
    await page.close();
    expect(requests).toEqual([]);
  });
});

describe('chromium: pages cannot probe for Backstory', () => {
  const ctx = withExtension('chromium');

  it('answers no page that asks for its files at their fixed address, the reader and names modules included', async () => {
    const page = await ctx.session.openPage(ctx.server.url('/demo/index.html'));
    const tabId = await ctx.session.latestTabId();
    // Backstory runs on this page (its badge counts the mentions), so the
    // content script has loaded names.js; a move of the pointer there loads
    // reader.js too, each under its per-session address.
    await eventually(() => ctx.session.badgeText(tabId), '12');
    await page.mouse.move(20, 20);
    const answers = await page.evaluate(async (base) => {
      const probe = async (path: string): Promise<string> => {
        try {
          return `read ${(await (await fetch(base + path)).text()).length} bytes`;
        } catch {
          return 'refused';
        }
      };
      return { reader: await probe('reader.js'), names: await probe('names.js'), manifest: await probe('manifest.json') };
    }, ctx.session.extensionBase);
    expect(answers).toEqual({ reader: 'refused', names: 'refused', manifest: 'refused' });
    await page.close();
  });
});
