import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, eventually, launch, serveFixtures, type ExtensionSession, type FixtureServer } from './harness.ts';

// Pages built to break a scanner: the extension neither crashes, nor hangs
// the page, nor changes a node of it, and its count comes out right.
describe.each(BROWSERS)('%s: hostile and enormous pages', (name) => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(['manyNodes', 'hugeNode', 'deep', 'restless'])('%s: right count, page intact and responsive', async (kind) => {
    const page = await session.openPage(server.url(`/fixtures/stress.html?kind=${kind}`));
    const tabId = await session.latestTabId();
    const expected = await page.evaluate(() => (window as unknown as { expected: number }).expected);
    if (kind === 'restless') {
      await page.waitForFunction(() => (window as unknown as { settled?: boolean }).settled === true, { timeout: 10_000 });
    }
    expect(await eventually(() => session.badgeText(tabId), String(expected), 30_000)).toBe(String(expected));
    // The page still answers at once, and nothing of it was changed by us.
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations.length);
    if (kind !== 'restless') expect(mutations).toBe(0);
    expect(await page.evaluate(() => document.title)).toBe('Stress');
    await page.close();
  });
});
