import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, FIXTURES, launch, serveFixtures } from './harness.ts';

// The real-pages tier asserts the extension raised no error; this shows the
// watcher behind it hears one from each world when there is one, so that
// assertion can fail. The fixture extension throws in its content script,
// its background and its page, and warns in its content script.
describe.each(BROWSERS)('%s: the error watcher', (name) => {
  it('hears an extension throw in its content script, background and page, and warn', { timeout: 60_000 }, async () => {
    const server = await serveFixtures();
    const session = await launch(name, { extension: join(FIXTURES, 'erring-extension'), watchErrors: true });
    try {
      const page = await session.browser.newPage();
      await page.goto(server.url('/fixtures/static.html'), { waitUntil: 'load' });
      await session.openExtensionPage('page.html', 'title');
      const expected = ['content script threw', 'content script warned', 'background threw', 'extension page threw'];
      const deadline = Date.now() + 10_000;
      const heard = (): string[] => expected.filter((e) => session.extensionErrors().some((s) => s.includes(`erring fixture: ${e}`)));
      while (heard().length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(heard()).toEqual(expected);
    } finally {
      await session.close();
      await server.close();
    }
  });
});
