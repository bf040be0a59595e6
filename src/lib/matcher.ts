/**
 * Finds a pack's names in plain text. Pure: the scanner hands it the joined
 * text of one block and maps the offsets back to DOM positions.
 */

export type Referent = 'company' | 'person';

export interface NamePattern {
  /** What a match names: the company, or the person (the founder). */
  refersTo: Referent;
  /** Every spelling to match, case-insensitively, inflected forms included. */
  names: string[];
  /** Optional endings a name may carry, such as possessives ("'s", "s"). */
  endings?: string[];
  /** False for scripts written without word spaces (Chinese, Japanese, Korean). */
  wordBoundaries?: boolean;
}

export interface NameMatch {
  /** Offsets in the text handed to `findAll`, end exclusive. */
  start: number;
  end: number;
  refersTo: Referent;
  /** The pack's spelling of the name that matched. */
  name: string;
}

export interface Matcher {
  findAll(text: string): NameMatch[];
  /**
   * Where a name could start: the spans of `text` holding the first letters
   * of some name's longest word. Every match contains one, so text without
   * any holds no name; the scanner runs it over whole stretches of a page.
   */
  anchorSpans(text: string): Array<[number, number]>;
}

/** Invisible characters a name may carry inside it: soft hyphen, zero-width space, non-joiner, joiner, word joiner, BOM. */
const IGNORABLE = '[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]';
const IGNORABLES = new RegExp(IGNORABLE, 'gu');
const SPACE = `(?:${IGNORABLE}*[\\s\\u00A0])+${IGNORABLE}*`;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

const SPECIAL = new Set('.*+?^${}()|[]\\/');
const escapeChar = (c: string): string => (SPECIAL.has(c) ? `\\${c}` : c);

/** A name as a pattern: any ignorable may sit between two of its letters. */
function namePattern(name: string): string {
  const words = name.trim().split(/\s+/u);
  return words.map((word) => Array.from(word, escapeChar).join(`${IGNORABLE}*`)).join(SPACE);
}

function endingPattern(endings: readonly string[]): string {
  if (endings.length === 0) return '';
  const sorted = [...endings].sort((a, b) => b.length - a.length);
  return `(?:${IGNORABLE}*(?:${sorted.map((e) => Array.from(e, escapeChar).join('')).join('|')}))?`;
}

/**
 * The letters Unicode case folding (the u flag) holds equal where the i flag
 * alone does not, each with its whole folding class: the Kelvin sign and k,
 * the long s and s, and so on. The anchors are searched without the u flag,
 * which made a case-insensitive search several times slower in Chromium;
 * such a letter is written out as its class. A unit test checks the list
 * against the engine's own folding, letter by letter over the BMP.
 */
const FOLDS = 'kK\u212A sSſ åÅ\u212B ßẞ θΘϑϴ ωΩ\u2126 ΐ\u1FD3 ΰ\u1FE3 ᾳᾼ ῃῌ ῳῼ \uFB05\uFB06'.split(' ');
// ᾀ and ᾈ, and the 23 pairs after them: a lower and a title-case letter eight apart.
for (let c = 0x1f80; c < 0x1fb0; c += c % 16 === 7 ? 9 : 1) FOLDS.push(String.fromCharCode(c, c + 8));

/**
 * A cheap test every match passes: the first letters of each name's longest
 * word (ignorables allowed between them, as in the full pattern), searched
 * case-insensitively without the u flag. No lookbehind and few
 * alternatives, so it runs near the speed of a plain search. Built on the
 * first search of a frame's text. A letter beyond the BMP (Deseret, Adlam,
 * some Han) is folded, or even read as one, only under the u flag: a name
 * with one keeps the flag.
 */
export function anchorPattern(patterns: readonly NamePattern[]): RegExp {
  // Many names share an anchor ("Kaspersky", "Kaspersky Lab"): each is written out once.
  const anchors = new Set<string>();
  for (const pattern of patterns) {
    for (const name of pattern.names) {
      let longest = '';
      for (const word of name.trim().split(/\s+/u)) if (word.length > longest.length) longest = word;
      anchors.add(Array.from(longest).slice(0, 4).join(''));
    }
  }
  const sources = [...anchors].map((anchor) =>
    Array.from(anchor, (c) => {
      const fold = FOLDS.find((f) => f.includes(c));
      return fold ? `[${fold}]` : escapeChar(c);
    }).join(`${IGNORABLE}*`),
  );
  // A surrogate is half of a letter beyond the BMP.
  return new RegExp(sources.join('|'), /[\uD800-\uDFFF]/.test([...anchors].join('')) ? 'giu' : 'gi');
}

const fold = (s: string): string => s.replace(IGNORABLES, '').replace(/[\s\u00A0]+/gu, ' ').toLowerCase();

interface Entry {
  folded: string;
  name: string;
  refersTo: Referent;
}

export function compileMatcher(patterns: readonly NamePattern[]): Matcher {
  if (!patterns.some((p) => p.names.length > 0)) throw new Error('matcher: a pack needs at least one name');
  // Every pattern is built on first need, the full one only once an anchor
  // is seen: most pages hold no anchor, and many frames (empty ones, ads)
  // no text at all; building and compiling a pattern is a real share of
  // what such a frame costs.
  let anchors: RegExp | null = null;
  const anchorsOf = (): RegExp => (anchors ??= anchorPattern(patterns));
  let full: { regex: RegExp; entries: Entry[] } | null = null;
  const compileFull = (): { regex: RegExp; entries: Entry[] } => {
    const bounded: Array<{ length: number; source: string }> = [];
    const unbounded: Array<{ length: number; source: string }> = [];
    const entries: Entry[] = [];
    for (const pattern of patterns) {
      const ending = endingPattern(pattern.endings ?? []);
      const list = pattern.wordBoundaries !== false ? bounded : unbounded;
      for (const name of pattern.names) {
        list.push({ length: name.length, source: namePattern(name) + ending });
        entries.push({ folded: fold(name), name, refersTo: pattern.refersTo });
      }
    }
    // Longer names first: at one position the alternation takes the first that
    // fits, so "Kaspersky Lab" wins over "Kaspersky" (and backtracks to it when
    // the longer one is not followed by a word boundary). The word-boundary
    // checks stand once around all bounded names: Unicode letter classes under
    // the i flag are costly to compile.
    const alternation = (list: Array<{ length: number; source: string }>): string =>
      [...list].sort((a, b) => b.length - a.length).map((a) => a.source).join('|');
    const parts: string[] = [];
    if (bounded.length > 0) parts.push(`(?<!${WORD_CHAR})(?:${alternation(bounded)})(?!${WORD_CHAR})`);
    if (unbounded.length > 0) parts.push(`(?:${alternation(unbounded)})`);
    entries.sort((a, b) => b.folded.length - a.folded.length);
    return { regex: new RegExp(parts.join('|'), 'giu'), entries };
  };

  const classify = (entries: Entry[], matched: string): Entry => {
    const folded = fold(matched);
    return entries.find((e) => folded.startsWith(e.folded)) ?? (entries[0] as Entry);
  };

  return {
    findAll(text: string): NameMatch[] {
      // Nearly all text holds no name: one cheap test spares the full pattern.
      if (text.length === 0) return [];
      const prefilter = anchorsOf();
      prefilter.lastIndex = 0;
      if (!prefilter.test(text)) return [];
      const found: NameMatch[] = [];
      const { regex, entries } = (full ??= compileFull());
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        const entry = classify(entries, m[0]);
        found.push({ start: m.index, end: m.index + m[0].length, refersTo: entry.refersTo, name: entry.name });
      }
      return found;
    },
    anchorSpans(text: string): Array<[number, number]> {
      const spans: Array<[number, number]> = [];
      if (text.length === 0) return spans;
      const re = anchorsOf();
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
      return spans;
    },
  };
}
