import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, ROOT } from './harness.ts';
import { withExtension } from './with-extension.ts';

// The mutation fuzz of test/dom/mutation-fuzz.test.ts, in the real browsers,
// where hidden text has no boxes: the same 1,000 seeds, the engine's code
// bundled into the page, and a visibility check apart from the engine's own
// (the first and last letter of each name must have a box on screen).

let bundle = '';
beforeAll(async () => {
  const out = await esbuild.build({
    entryPoints: [join(ROOT, 'test/fuzz/browser-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  bundle = out.outputFiles[0]?.text ?? '';
});

interface Result {
  seeds: number;
  visible: number;
  hidden: number;
  failures: string[];
}

for (const name of BROWSERS) {
  describe(`mutation fuzz in ${name}`, () => {
    const context = withExtension(name);

    it('keeps every visible mention marked once and nothing stale over 1000 random edit sequences', { timeout: 600_000 }, async () => {
      const page = await context.session.openPage(context.server.url('/fixtures/empty.html'));
      await page.evaluate(bundle);
      // In chunks of 100 seeds: one long evaluation would outlast the protocol's timeout.
      const result: Result = { seeds: 0, visible: 0, hidden: 0, failures: [] };
      for (let from = 1; from <= 1000 && result.failures.length === 0; from += 100) {
        const part = (await page.evaluate(`window.__fuzz(${from}, ${from + 99})`)) as Result;
        result.seeds += part.seeds;
        result.visible += part.visible;
        result.hidden += part.hidden;
        result.failures.push(...part.failures);
      }
      expect(result.failures).toEqual([]);
      expect(result.seeds).toBe(1000);
      // The seeds held names both shown and hidden: the check had something to check.
      expect(result.visible).toBeGreaterThan(1000);
      expect(result.hidden).toBeGreaterThan(100);
      await page.close();
    });
  });
}
