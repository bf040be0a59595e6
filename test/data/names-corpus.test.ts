import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/lib/matcher.ts';
import { kasperskyPack } from '../../src/data/packs.ts';
import { corpusPages, scoreCorpus } from '../corpus/score.ts';

// The pack's names against sentences of real pages, counted by hand
// (test/corpus/names.json says how). Prints the figures per language.
const scores = scoreCorpus(compileMatcher(kasperskyPack.patterns));
const total = (key: 'mentions' | 'found' | 'founder' | 'founderAsPerson' | 'variants' | 'variantsFound'): number =>
  scores.reduce((sum, s) => sum + s[key], 0);

describe('names corpus: real sentences in many languages', () => {
  it('is large and wide enough to mean something: 250 mentions, 30 languages, every page with its address', () => {
    expect(total('mentions')).toBeGreaterThanOrEqual(250);
    expect(scores.filter((s) => s.mentions > 0).length).toBeGreaterThanOrEqual(30);
    for (const page of corpusPages) expect(page.url).toMatch(/^https?:\/\/\S+$/);
    const negatives = corpusPages.flatMap((p) => p.sentences).filter((s) => s.mentions.every((m) => m.startsWith('-')));
    expect(negatives.length).toBeGreaterThanOrEqual(20);
  });

  it('finds at least 99 % of the correctly spelled mentions, and marks nothing else', () => {
    const rows = scores.map((s) => ({
      lang: s.lang,
      found: `${s.found}/${s.mentions}`,
      recall: s.mentions ? `${((100 * s.found) / s.mentions).toFixed(0)} %` : '-',
      founder: s.founder ? `${s.founderAsPerson}/${s.founder}` : '-',
      misspelled: s.variants ? `${s.variantsFound}/${s.variants}` : '-',
      falseMarks: s.falseMarks.length,
    }));
    console.table(rows);
    console.log(
      `names corpus: ${total('found')}/${total('mentions')} correctly spelled mentions found,`,
      `${scores.reduce((n, s) => n + s.falseMarks.length, 0)} false marks,`,
      `founder as the person ${total('founderAsPerson')}/${total('founder')},`,
      `misspellings ${total('variantsFound')}/${total('variants')}`,
    );
    expect(scores.flatMap((s) => s.missed).length / total('mentions')).toBeLessThanOrEqual(0.01);
    expect(scores.flatMap((s) => s.falseMarks)).toEqual([]);
  });

  it('tells the founder from the company by his first name', () => {
    expect(total('founder')).toBeGreaterThanOrEqual(20);
    expect(total('founderAsPerson')).toBe(total('founder'));
  });
});

describe('names corpus: the page per script of the browser tier', () => {
  // test/e2e/fixtures/scripts/*.html are sentences of this corpus; their data-expected is the corpus's hand count.
  const counted = new Map(corpusPages.flatMap((p) => p.sentences).map((s) => [s.text, s.mentions.filter((m) => !m.startsWith('-')).length]));
  const unescape = (html: string): string => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

  it.each(['ar', 'he', 'th', 'hi', 'ja'])('%s holds corpus sentences only, and expects their hand count', (lang) => {
    const html = readFileSync(new URL(`../e2e/fixtures/scripts/${lang}.html`, import.meta.url), 'utf8');
    const sentences = [...html.matchAll(/<p data-source="[^"]*">([^<]*)<\/p>/g)].map((m) => unescape(m[1] as string));
    expect(sentences.length).toBeGreaterThan(5);
    for (const text of sentences) expect(counted.has(text), text).toBe(true);
    const expected = Number(/data-expected="(\d+)"/.exec(html)?.[1]);
    expect(sentences.reduce((n, text) => n + (counted.get(text) ?? 0), 0)).toBe(expected);
  });
});
