import { describe, expect, it } from 'vitest';
import { BROWSERS, eventually } from './harness.ts';
import { withExtension } from './with-extension.ts';

// Pages built to break a scanner: the extension neither crashes, nor hangs
// the page, nor changes a node of it, and its count comes out right.
describe.each(BROWSERS)('%s: hostile and enormous pages', (name) => {
  const ctx = withExtension(name);

  it.each(['manyNodes', 'hugeNode', 'deep', 'restless'])('%s: right count, page intact and responsive', async (kind) => {
    const page = await ctx.session.openPage(ctx.server.url(`/fixtures/stress.html?kind=${kind}`));
    const tabId = await ctx.session.latestTabId();
    const expected = await page.evaluate(() => (window as unknown as { expected: number }).expected);
    if (kind === 'restless') {
      await page.waitForFunction(() => (window as unknown as { settled?: boolean }).settled === true, { timeout: 10_000 });
    }
    expect(await eventually(() => ctx.session.badgeText(tabId), String(expected), 30_000)).toBe(String(expected));
    // The page still answers at once, and nothing of it was changed by us.
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations.length);
    if (kind !== 'restless') expect(mutations).toBe(0);
    expect(await page.evaluate(() => document.title)).toBe('Stress');
    await page.close();
  });
});
