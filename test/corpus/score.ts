/**
 * Scores a matcher on the names corpus: for each language, the correctly
 * spelled mentions found, the misspellings found (counted apart), and the
 * marks that are no mention, for the corpus test.
 */
import type { Matcher } from '../../src/lib/matcher.ts';
import corpus from './names.json';

export interface LanguageScore {
  lang: string;
  mentions: number;
  found: number;
  founderAsPerson: number;
  founder: number;
  variants: number;
  variantsFound: number;
  falseMarks: string[];
  missed: string[];
}

interface Expected {
  start: number;
  end: number;
  person: boolean;
  variant: boolean;
}

/** Where each hand-counted mention sits in its sentence, in order. */
function expectedIn(text: string, mentions: string[]): Expected[] {
  const out: Expected[] = [];
  let from = 0;
  for (const raw of mentions) {
    const words = raw.replace(/^[@~-]/, '');
    const start = text.indexOf(words, from);
    if (start < 0) throw new Error(`corpus: "${words}" is not in "${text}" after offset ${from}`);
    from = start + words.length;
    // A hard negative only moves the cursor: a mark on it is a false mark.
    if (!raw.startsWith('-')) out.push({ start, end: from, person: raw.startsWith('@'), variant: raw.startsWith('~') });
  }
  return out;
}

export const corpusPages = corpus.pages;

export function scoreCorpus(matcher: Matcher): LanguageScore[] {
  const byLang = new Map<string, LanguageScore>();
  for (const page of corpus.pages) {
    const score = byLang.get(page.lang) ?? {
      lang: page.lang, mentions: 0, found: 0, founderAsPerson: 0, founder: 0, variants: 0, variantsFound: 0, falseMarks: [], missed: [],
    };
    byLang.set(page.lang, score);
    for (const { text, mentions } of page.sentences) {
      const expected = expectedIn(text, mentions);
      const marks = matcher.findAll(text);
      const overlaps = (e: Expected, m: { start: number; end: number }): boolean => m.start < e.end && e.start < m.end;
      for (const e of expected) {
        const hit = marks.find((m) => overlaps(e, m));
        if (e.variant) {
          score.variants++;
          if (hit) score.variantsFound++;
          continue;
        }
        score.mentions++;
        if (hit) score.found++;
        else score.missed.push(`${text.slice(e.start, e.end)} | ${page.url}`);
        if (e.person) {
          score.founder++;
          if (hit?.refersTo === 'person') score.founderAsPerson++;
        }
      }
      for (const m of marks) {
        if (!expected.some((e) => overlaps(e, m))) score.falseMarks.push(`${text.slice(m.start, m.end)} in "${text}"`);
      }
    }
  }
  return [...byLang.values()].sort((a, b) => b.mentions - a.mentions || a.lang.localeCompare(b.lang));
}
