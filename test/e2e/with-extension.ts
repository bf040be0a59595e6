import { afterAll, beforeAll } from 'vitest';
import { launch, serveFixtures, type BrowserName, type ExtensionSession, type FixtureServer } from './harness.ts';

/**
 * One browser with the built extension and one fixture server for a
 * describe block: started once before its tests, closed after them.
 */
export function withExtension(
  name: BrowserName,
  opts: Parameters<typeof launch>[1] = {},
): { readonly server: FixtureServer; readonly session: ExtensionSession } {
  const context = {} as { server: FixtureServer; session: ExtensionSession };
  beforeAll(async () => {
    context.server = await serveFixtures();
    context.session = await launch(name, opts);
  });
  afterAll(async () => {
    await context.session?.close();
    await context.server?.close();
  });
  return context;
}
