import { describe, expect, it } from 'vitest';
import { BROWSERS, eventually } from './harness.ts';
import { withExtension } from './with-extension.ts';

// The built extension loads in each real browser: the content script runs
// on a served page, the background answers it and sets the badge, and the
// panel page opens and gets its answer from the background too.
describe.each(BROWSERS)('%s: the built extension', (name) => {
  const ctx = withExtension(name);

  it('runs the content script, which reports the page’s mentions to the background and badge', async () => {
    await ctx.session.openPage(ctx.server.url('/fixtures/static.html'));
    const tabId = await ctx.session.latestTabId();
    expect(await eventually(() => ctx.session.badgeText(tabId), '4')).toBe('4');
    expect(await ctx.session.badgeTitle(tabId)).toBe('4 mentions of Kaspersky');
  });

  it('opens the panel page, which gets the tab’s count from the background', async () => {
    await ctx.session.openPage(ctx.server.url('/demo/index.html'));
    const tabId = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(tabId), '12');
    const panel = await ctx.session.openExtensionPage(`popup.html?tab=${tabId}`, '#mention-count[data-count]');
    const text = await panel.$eval('#mention-count', (el) => el.textContent);
    expect(text).toBe('Mentions on this page: 12');
    await panel.close();
  });
});

describe('chromium: the service worker keeps no state it cannot rebuild', () => {
  const ctx = withExtension('chromium');

  it('answers the panel with the same count after the worker was stopped', async () => {
    const page = await ctx.session.openPage(ctx.server.url('/fixtures/static.html'));
    const tabId = await ctx.session.latestTabId();
    await eventually(() => ctx.session.badgeText(tabId), '4');
    const workerUrl = (await ctx.session.browser.waitForTarget((t) => t.type() === 'service_worker')).url();
    const cdp = await page.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The worker is gone until something wakes it.
    await eventually(
      async () => ctx.session.browser.targets().some((t) => t.type() === 'service_worker' && t.url() === workerUrl),
      false,
    );
    const panel = await ctx.session.openExtensionPage(`popup.html?tab=${tabId}`, '#mention-count[data-count]');
    expect(await panel.$eval('#mention-count', (el) => el.textContent)).toBe('Mentions on this page: 4');
  });
});
