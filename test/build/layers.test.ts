import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${source}';\nexport const y = x;\n`, {
    filePath: join(ROOT, file),
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// [file, import, allowed]
const cases: Array<[string, string, boolean]> = [
  ['src/lib/a.ts', './b.ts', true],
  ['src/lib/a.ts', '../data/packs.ts', false],
  ['src/lib/a.ts', '../dom/engine.ts', false],
  ['src/lib/a.ts', '../platform/browser.ts', false],
  ['src/lib/a.ts', '../content/index.ts', false],
  ['src/data/a.ts', '../lib/matcher.ts', true],
  ['src/data/a.ts', '../dom/engine.ts', false],
  ['src/data/a.ts', '../platform/messaging.ts', false],
  ['src/dom/a.ts', '../lib/matcher.ts', true],
  ['src/dom/a.ts', '../data/packs.ts', true],
  ['src/dom/a.ts', '../platform/messaging.ts', false],
  ['src/dom/a.ts', '../popup/index.ts', false],
  ['src/platform/a.ts', '../lib/messages.ts', true],
  ['src/platform/a.ts', '../dom/engine.ts', false],
  ['src/platform/a.ts', '../data/packs.ts', false],
  ['src/content/a.ts', '../dom/engine.ts', true],
  ['src/content/a.ts', '../platform/messaging.ts', true],
  ['src/dom/a.ts', 'webextension-polyfill', false],
  ['src/content/a.ts', 'webextension-polyfill', false],
  ['src/platform/a.ts', 'webextension-polyfill', false],
  ['src/platform/browser.ts', 'webextension-polyfill', true],
];

describe('lint keeps the layers pointing downward', () => {
  it.each(cases)('%s importing %s: allowed %s', async (file, source, allowed) => {
    const errors = await importErrors(file, source);
    expect(errors.length === 0).toBe(allowed);
  });
});

describe('webextension-polyfill', () => {
  it('is imported in exactly one file, src/platform/browser.ts', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from ['"]webextension-polyfill['"]/.test(readFileSync(join(ROOT, 'src', f), 'utf8')))
      .map((f) => relative(ROOT, join(ROOT, 'src', f)));
    expect(files).toEqual(['src/platform/browser.ts']);
  });
});
