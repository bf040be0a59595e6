import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const load = (locale: string): Record<string, { message: string; placeholders?: object }> =>
  JSON.parse(readFileSync(join(ROOT, 'src/_locales', locale, 'messages.json'), 'utf8'));

describe('UI strings', () => {
  const en = load('en');
  const nl = load('nl');

  it('exist in English and Dutch with the same keys and placeholders', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(nl[key]?.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
    }
  });

  it('name their own language', () => {
    expect(en.languageTag?.message).toBe('en');
    expect(nl.languageTag?.message).toBe('nl');
  });

  it('cover every key the code and pages ask for', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|html)$/.test(f));
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(ROOT, 'src', file), 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z]+)'|o\.t\('([A-Za-z]+)'|data-i18n="([A-Za-z]+)"|getMessage\('([A-Za-z]+)'/g)) {
        used.add((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
      }
    }
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    for (const m of manifest.matchAll(/__MSG_([A-Za-z]+)__/g)) used.add(m[1] as string);
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(en, `missing UI string ${key}`).toHaveProperty(key);
  });
});
