/**
 * Finds a pack's names in plain text. Pure: the scanner hands it the joined
 * text of one block and maps the offsets back to DOM positions. Everything
 * about a name (its spellings, the letters a language attaches to it, who
 * else bears it) is data in the pack; this file only knows how writing
 * systems behave.
 */

export type Referent = 'company' | 'person';

/**
 * Where a name must stand apart from the letters around it. `word`: on both
 * sides (scripts written with spaces). `start`: before it only, for scripts
 * that attach endings of any length (Korean particles, Bengali and Tamil
 * case endings); the mark covers the name. `none`: scripts written without
 * spaces (Chinese, Japanese, Thai).
 */
export type Bounds = 'word' | 'start' | 'none';

export interface NamePattern {
  /** What a match names: the company, the person (the founder), or someone else who bears the name and is never marked. */
  refersTo: Referent | 'other';
  /** Every spelling of the name itself, matched case-insensitively. */
  names: string[];
  /** A person's first names, one of which must come before the name. */
  firstNames?: string[];
  /** Patronymics or middle names that may stand between first name and name. */
  middleNames?: string[];
  /** Whether an initial ("V.") may stand between first name and name. */
  initials?: boolean;
  /** Words that may stand before the name and belong to the mention ("Laboratorija", "מעבדת"). */
  before?: string[];
  /** Words that may follow the name and belong to the mention ("Lab", "실험실"). */
  after?: string[];
  /** Letters that attach to the front of a word (Arabic و ب ل, Hebrew ב ה ל), up to three at once. */
  prefixes?: string[];
  /** What may sit between such a prefix and the name: a tatweel, a quote mark, a hyphen. */
  prefixJoiners?: string[];
  /** Endings the last word, the name or a lab word after it, may carry ("s", Finnish "n", "Labilla"). */
  endings?: string[];
  /** Whether any letters may follow an apostrophe (Turkish Kaspersky’nin, English Kaspersky's). */
  apostropheEndings?: boolean;
  /**
   * Whether the name may go on with any letters of its script, as
   * declension and agglutination make it (Polish Kaspierskiego, Hungarian
   * Kasperskynél, Kazakh Касперскийдің, compounds like KasperskyOS): the
   * mark covers them. Only for names no other word starts with; a lab word
   * after the name takes only `endings`.
   */
  anyEnding?: boolean;
  /** Default `word`. */
  bounds?: Bounds;
}

export interface NameMatch {
  /** Offsets in the text handed to `findAll`, end exclusive. */
  start: number;
  end: number;
  refersTo: Referent;
  /** The pack's spelling of the name at the heart of the match (no prefix, first name, lab word or ending). */
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
  /** Resolves once `findAll` may be called; the scanner awaits it when an anchor hits. */
  prepare(): Promise<void>;
}

/**
 * Invisible characters a name may carry inside it: soft hyphen, zero-width
 * space, non-joiner, joiner, word joiner, BOM; and the grave and acute
 * accents that dictionaries and encyclopedias put on Russian and Ukrainian
 * words to show the stress (Каспе́рского).
 */
const IGNORABLE = '[\\u0300-\\u0301\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]';
// Pure: the content script bundles this module for its anchor search alone, and leaves what that does not use.
const IGNORABLES = /* @__PURE__ */ new RegExp(IGNORABLE, 'gu');
/** Whether text holds any ignorable: only then is it searched without them (see `withoutIgnorables`). */
const HAS_IGNORABLE = /* @__PURE__ */ new RegExp(IGNORABLE);
/** Between two words of a name: white space, or the middle dot that joins a foreign name's parts in Chinese and Japanese. */
const GAP = '(?:[\\s\\u00A0]+|[\\s\\u00A0]*[\\u00B7\\u30FB\\u2027][\\s\\u00A0]*)';
/** The trie's key for a word space, rendered as `GAP`. */
const SPACE = ' ';
/** Every apostrophe a writer may type, Hebrew geresh included: one stands for all. */
const APOSTROPHES = "'\u2018\u2019\u02BC\u05F3`\u00B4";
const APOSTROPHE = `[${APOSTROPHES}]`;

/**
 * Letters one writer types where another types the other: Persian keyboards
 * write Arabic's ي and ك as ی and ک, final ي is often written ى, and the
 * hamza on an alif is often left out.
 */
const VARIANTS = ['يیى', 'كک', 'اأإآ'];

const SPECIAL = /* @__PURE__ */ new Set('.*+?^${}()|[]\\/');
function escapeChar(c: string): string {
  if (APOSTROPHES.includes(c)) return APOSTROPHE;
  const variants = VARIANTS.find((set) => set.includes(c));
  if (variants) return `[${variants}]`;
  return SPECIAL.has(c) ? `\\${c}` : c;
}

/**
 * The scripts a name's letters can belong to. A name stands apart from the
 * letters of its own script only: a Latin name touching Han, kana, Hangul
 * or Thai ("Kasperskyは", "ของKaspersky") is bounded.
 */
const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Armenian', 'Georgian', 'Devanagari', 'Bengali', 'Gurmukhi',
  'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Khmer', 'Myanmar',
  'Ethiopic', 'Hangul', 'Han', 'Hiragana', 'Katakana',
];

let scriptTests: Array<[string, RegExp]> | null = null;

/** The script of a name's first letter, as a regular-expression property. */
export function scriptOf(name: string): string | null {
  for (const letter of name) {
    if (!/\p{L}/u.test(letter)) continue;
    // Made once: the schema asks this of every word of a pack.
    scriptTests ??= SCRIPTS.map((s) => [s, new RegExp(`\\p{sc=${s}}`, 'u')]);
    return scriptTests.find(([, test]) => test.test(letter))?.[0] ?? null;
  }
  return null;
}

/** The letters and marks of a script, for a character class (any letter where the script is unknown). */
const lettersOf = (script: string | null): string => `${script ? `\\p{sc=${script}}` : '\\p{L}'}\\p{M}`;

/** One or more letters (and their marks) of a script: an ending of any length. */
function letters(script: string | null): string {
  return `[${lettersOf(script)}]+`;
}

/** A letter, mark or digit that would make the name part of a longer word of its own script. */
function wordChar(script: string | null): string {
  return `[${lettersOf(script)}\\p{N}_]`;
}

/** A node of the names' trie: the pattern of each next letter (or of a word space, `SPACE`), and whether a name ends here. */
interface Trie {
  next: Map<string, Trie>;
  end: boolean;
}

/**
 * Several names as one expression, written as a trie: names that share
 * their first letters share that part of the expression ("Kaspersk" once
 * for Kaspersky, Kasperski, Kasperskiego...). A name's letters are
 * case-folded keys, so two spellings that differ only in case share a
 * branch. At each letter only the branch of the letter in the text can go
 * on, and a name that ends where a longer one goes on is the fallback
 * after it, so the longest name that fits wins, as in an alternation
 * sorted longest first. Written out flat, the pack's names of every
 * script made one expression of about 141,000 characters, which took the
 * browser 25 to 30 ms to compile on a frame's first mention.
 */
function alternation(names: readonly string[]): string {
  const root: Trie = { next: new Map(), end: false };
  for (const name of names) {
    let node = root;
    const words = name.trim().split(/\s+/u);
    words.forEach((word, w) => {
      const tokens = Array.from(word, (c) => {
        const lower = c.toLowerCase();
        return escapeChar(Array.from(lower).length === 1 ? lower : c);
      });
      if (w > 0) tokens.unshift(SPACE);
      for (const token of tokens) {
        let child = node.next.get(token);
        if (!child) node.next.set(token, (child = { next: new Map(), end: false }));
        node = child;
      }
    });
    node.end = true;
  }
  const render = (node: Trie): string => {
    const branches = [...node.next].map(([token, child]) => (token === SPACE ? GAP : token) + render(child));
    if (branches.length === 0) return '';
    if (!node.end) return branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
    return `(?:${branches.join('|')})?`;
  };
  return render(root);
}

/** The whole pattern of one entry of the pack, without its bounds. */
function patternSource(p: NamePattern): string {
  const some = (list: readonly string[] | undefined): list is string[] => list !== undefined && list.length > 0;
  const endings: string[] = [];
  if (p.apostropheEndings) endings.push(`${APOSTROPHE}\\p{L}+`);
  if (some(p.endings)) endings.push(alternation(p.endings));
  const ending = endings.length > 0 ? `(?:${endings.join('|')})?` : '';
  // Any letters go on the name itself, not on a lab word after it ("Kaspersky Labyrinth" is not one).
  let core = `(?:${alternation(p.names)})${p.anyEnding ? `(?:${letters(scriptOf(p.names[0] as string))})?` : ''}`;
  if (some(p.firstNames)) {
    const between: string[] = [];
    if (some(p.middleNames)) between.push(alternation(p.middleNames));
    if (p.initials) between.push('\\p{Lu}\\.');
    const middle = between.length > 0 ? `(?:(?:${between.join('|')})${GAP})?` : '';
    const first = `(?:${alternation(p.firstNames)})`;
    // The surname may come first too, as Russian records and lists write it
    // (Касперский Евгений Валентинович): then the name carries the ending.
    const patronymic = some(p.middleNames) ? `(?:${GAP}(?:${alternation(p.middleNames)}))?` : '';
    core = `(?:${first}${GAP}${middle}${core}${ending}|${core}${ending}${GAP}${first}${patronymic})`;
  } else {
    if (some(p.before)) core = `(?:(?:${alternation(p.before)})${GAP})?${core}`;
    // Where words are not spaced, or endings attach (카스퍼스키랩), a lab word may follow without a space.
    const gap = (p.bounds ?? 'word') === 'word' ? GAP : `(?:${GAP})?`;
    if (some(p.after)) core = `${core}(?:${gap}(?:${alternation(p.after)}))?`;
    core += ending;
  }
  if (some(p.prefixes)) {
    const joiners = some(p.prefixJoiners) ? `(?:${p.prefixJoiners.map((j) => Array.from(j, escapeChar).join('')).join('|')}){0,3}` : '';
    core = `(?:(?:${alternation(p.prefixes)}){1,3}${joiners})?${core}`;
  }
  return core;
}

/**
 * The letters Unicode case folding (the u flag) holds equal where the i flag
 * alone does not, each with its whole folding class: the Kelvin sign and k,
 * the long s and s, and so on. The anchors are searched without the u flag,
 * which made a case-insensitive search several times slower in Chromium;
 * such a letter is written out as its class. A unit test checks the list
 * against the engine's own folding, letter by letter over the BMP.
 */
const FOLDS = /* @__PURE__ */ (() => {
  const folds = 'kK\u212A sSſ åÅ\u212B ßẞ θΘϑϴ ωΩ\u2126 ΐ\u1FD3 ΰ\u1FE3 ᾳᾼ ῃῌ ῳῼ \uFB05\uFB06'.split(' ');
  // ᾀ and ᾈ, and the 23 pairs after them: a lower and a title-case letter eight apart.
  for (let c = 0x1f80; c < 0x1fb0; c += c % 16 === 7 ? 9 : 1) folds.push(String.fromCharCode(c, c + 8));
  return folds;
})();

/**
 * A cheap test every match passes: the first letters of the longest word of
 * each name (not of first names or lab words, which a match may lack;
 * ignorables allowed between them, as in the full pattern), searched
 * case-insensitively without the u flag. No lookbehind and few
 * alternatives, so it runs near the speed of a plain search. A letter
 * beyond the BMP (Deseret, Adlam, some Han) is folded, or even read as one,
 * only under the u flag: a name with one keeps the flag. The build writes
 * it into the content script; the names themselves load where it hits.
 */
export function anchorPattern(patterns: readonly NamePattern[]): Anchors {
  return anchorSearch(anchorSources(anchorsOf(patterns)));
}

/** The longest word of a name: its anchor is that word's first letters. */
function longestWord(name: string): string {
  let longest = '';
  for (const word of name.trim().split(/\s+/u)) if (word.length > longest.length) longest = word;
  return longest;
}

/** The anchors of `anchorPattern`, as plain text: the first letters of the longest word of each name, each once. */
export function anchorsOf(patterns: readonly NamePattern[]): string[] {
  // Many names share an anchor ("Kaspersky", "Kasperski"): each is written out once.
  // Someone else's names add none: they only matter where the company's or the person's do.
  const anchors = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.refersTo === 'other') continue;
    for (const name of pattern.names) anchors.add(Array.from(longestWord(name)).slice(0, 4).join(''));
  }
  return [...anchors];
}

/** The anchor search: `test` says whether text holds one, `spans` where, in order. */
export interface Anchors {
  /** The expressions searched: those of Latin and Cyrillic names, then the others'. */
  regexps: RegExp[];
  test(text: string): boolean;
  spans(text: string): Array<[number, number]>;
}

/** Anchors as data, for the build to write into the content script: each as its letters, each letter as the expression that matches it. */
export interface AnchorSet {
  letters: string[][];
  flags: string;
}

/**
 * The anchor search as data, finished: the build works it out from the
 * pack and writes it into the content script, which only makes the
 * expressions (every frame of every page runs the content script, and
 * working this out cost Chromium a third of a millisecond a frame).
 */
export interface AnchorSources {
  /** The anchors of Latin and Cyrillic names, searched in all text. */
  common: AnchorSet | null;
  /** A class of the Unicode blocks the other anchors start in: text without one of its letters holds none of them. */
  gate: string | null;
  /** The other anchors, searched from the first letter of the gate on. */
  others: AnchorSet | null;
}

/**
 * The anchor search for anchors given as text. Anchors of Latin and
 * Cyrillic names are one expression, searched everywhere. The others (Arabic,
 * Han, Thai...) are a second one, searched only from the first letter of
 * their blocks on: V8 skips ahead through text by a table of the first
 * letters an expression can start with, folded to 128 places, and letters
 * of many scripts fill it (卡 and 카 fall where a and t do), which made one
 * expression of every anchor six times slower on English pages.
 */
export function anchorSources(anchors: readonly string[]): AnchorSources {
  const set = (list: readonly string[]): AnchorSet | null =>
    list.length === 0
      ? null
      : {
          letters: list.map((anchor) => Array.from(anchor, (c) => {
            const fold = FOLDS.find((f) => f.includes(c));
            return fold ? `[${fold}]` : escapeChar(c);
          })),
          // A surrogate is half of a letter beyond the BMP, folded or even read as one only under the u flag.
          flags: /[\uD800-\uDFFF]/.test(list.join('')) ? 'giu' : 'gi',
        };
  // Latin and Cyrillic letters (and surrogates), told by their code alone.
  const isCommon = (c: number): boolean =>
    (c < 0x0530 && (c < 0x0370 || c >= 0x0400)) || (c >= 0x1d00 && c < 0x2000) || (c >= 0x2100 && c < 0x2150) || (c >= 0xd800 && c < 0xe000) || (c >= 0xfb00 && c < 0xfb07);
  const common = anchors.filter((a) => isCommon(a.charCodeAt(0)));
  const others = anchors.filter((a) => !common.includes(a));
  // The 128-letter blocks of every spelling the search holds equal to a first letter: its cases and its folding class (Ω, ω, the Ohm sign), run together where they touch.
  const blocks = [...new Set(others.flatMap((a) => {
    const first = a[0] as string;
    const spellings = [first, first.toUpperCase(), first.toLowerCase(), ...(FOLDS.find((f) => f.includes(first)) ?? '')];
    return spellings.map((c) => c.charCodeAt(0) & ~0x7f);
  }))].sort((x, y) => x - y);
  const ranges: Array<[number, number]> = [];
  for (const b of blocks) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === b) last[1] = b + 0x80;
    else ranges.push([b, b + 0x80]);
  }
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  return {
    common: set(common),
    gate: ranges.length > 0 ? `[${ranges.map(([from, to]) => `${hex(from)}-${hex(to - 1)}`).join('')}]` : null,
    others: set(others),
  };
}

/**
 * The anchor search from its sources. The expressions are made on the
 * first search, not when a frame starts: many frames never hold any text.
 */
export function anchorSearch(sources: AnchorSources): Anchors {
  let made: { common: RegExp | null; gate: RegExp | null; others: RegExp | null } | null = null;
  // Any ignorable may sit between two letters of an anchor, as in the full pattern.
  const regex = (set: AnchorSet | null): RegExp | null =>
    set && new RegExp(set.letters.map((letters) => letters.join(`${IGNORABLE}*`)).join('|'), set.flags);
  const make = (): NonNullable<typeof made> => ({
    common: regex(sources.common),
    gate: sources.gate === null ? null : new RegExp(sources.gate),
    others: regex(sources.others),
  });
  /** Where the other anchors may start: the first letter of their blocks, or -1. */
  const othersFrom = (gate: RegExp | null, text: string): number => (gate === null ? -1 : text.search(gate));
  /** Every match of `re` in `text` from `from` on, as spans. */
  const collect = (re: RegExp, text: string, from: number, spans: Array<[number, number]>): void => {
    re.lastIndex = from;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  };
  return {
    // For tests and tools.
    get regexps() {
      const { common, others } = (made ??= make());
      return [common, others].filter((r) => r !== null);
    },
    test(text) {
      const { common, gate, others } = (made ??= make());
      if (common) {
        common.lastIndex = 0;
        if (common.test(text)) return true;
      }
      const from = othersFrom(gate, text);
      if (from < 0 || !others) return false;
      others.lastIndex = from;
      return others.test(text);
    },
    spans(text) {
      const spans: Array<[number, number]> = [];
      if (text.length === 0) return spans;
      const { common, gate, others } = (made ??= make());
      if (common) collect(common, text, 0, spans);
      const from = othersFrom(gate, text);
      if (from >= 0 && others) {
        const before = spans.length;
        collect(others, text, from, spans);
        if (before > 0 && spans.length > before) spans.sort((x, y) => x[0] - y[0]);
      }
      return spans;
    },
  };
}

/**
 * Whether a match sits inside a web address or an e-mail address
 * (www.kaspersky.com, dpo@kaspersky.com, https://…/kaspersky-lab): there it
 * names a host, not the company, and is not a mention. A handle
 * ("@Kaspersky") or a hashtag is.
 */
function inAddress(text: string, start: number, end: number): boolean {
  const next = text.slice(end, end + 2);
  if (/^[.@][\p{L}\p{N}]/u.test(next)) return true;
  if (text[start - 1] === '.') return true;
  // The run of text without spaces that the match ends: a scheme, www. or user@ in it makes it an address.
  let from = start;
  while (from > 0 && start - from < 256 && !/\s/u.test(text[from - 1] as string)) from--;
  return /[a-z][a-z\d+.-]*:\/\/|(?:^|[^\p{L}\p{N}])www\.|[^\s@]@|[\p{L}\p{N}]\.\p{L}{2,}\//iu.test(text.slice(from, start));
}

const fold = (s: string): string => s.replace(IGNORABLES, '').replace(/[\s\u00A0]+/gu, ' ').toLowerCase();

/** Whose match a capturing group of a script's expression is, and the names it may hold. */
export interface NameGroup {
  refersTo: Referent | 'other';
  /** The pattern's names, longest first once folded, for `NameMatch.name`. */
  names: string[];
}

/**
 * The names of one script as one expression, finished. The build works
 * them out from the pack and writes them into names.js, which only makes
 * the expression where an anchor of that script hits: a frame holds
 * neither the pack's patterns nor the code that writes them.
 */
export interface ScriptNames {
  /** The script of the anchors its names start with ('' where it is unknown). */
  script: string;
  /** The expression, for text without ignorables (the matcher takes them out first). */
  source: string;
  /** One per capturing group of the expression, in order. */
  groups: NameGroup[];
}

/**
 * The names of a pack, one expression per script of their anchors, in the
 * order they are searched. Someone else's names come first within each:
 * "Natalya Kaspersky" starts before the company's "Kaspersky", and the
 * leftmost match wins. A script whose names are all someone else's holds
 * no mention and has none.
 */
export function namesOf(patterns: readonly NamePattern[]): ScriptNames[] {
  if (!patterns.some((p) => p.names.length > 0)) throw new Error('matcher: a pack needs at least one name');
  const order = { other: 0, person: 1, company: 2 };
  const byScript = new Map<string, NamePattern[]>();
  for (const p of patterns.filter((q) => q.names.length > 0).sort((a, b) => order[a.refersTo] - order[b.refersTo])) {
    for (const script of new Set(p.names.map((name) => scriptOf(longestWord(name)) ?? ''))) {
      byScript.set(script, [...(byScript.get(script) ?? []), p]);
    }
  }
  const out: ScriptNames[] = [];
  for (const [script, list] of byScript) {
    if (!list.some((p) => p.refersTo !== 'other')) continue;
    // One capturing group per pattern says whose match it is. Patterns next
    // to each other with the same bounds share them, written once: each
    // script's letter class costs the browser about a millisecond to compile.
    const parts: Array<{ lead: string; tail: string; cores: string[] }> = [];
    const groups: NameGroup[] = [];
    for (const p of list) {
      const bounds = p.bounds ?? 'word';
      const first = p.prefixes?.[0] ?? p.firstNames?.[0] ?? p.before?.[0] ?? (p.names[0] as string);
      const last = p.after?.[0] ?? (p.names[0] as string);
      const lead = bounds === 'none' ? '' : `(?<!${wordChar(scriptOf(first))})`;
      const tail = bounds === 'word' ? `(?!${wordChar(scriptOf(last))})` : '';
      const core = `(${patternSource(p)})`;
      const previous = parts[parts.length - 1];
      if (previous && previous.lead === lead && previous.tail === tail) previous.cores.push(core);
      else parts.push({ lead, tail, cores: [core] });
      groups.push({
        refersTo: p.refersTo,
        names: [...p.names].sort((a, b) => fold(b).length - fold(a).length),
      });
    }
    const source = parts.map(({ lead, tail, cores }) => `${lead}${cores.length > 1 ? `(?:${cores.join('|')})` : cores[0]}${tail}`).join('|');
    out.push({ script, source, groups });
  }
  return out;
}

/**
 * The matcher of a pack's names, from `namesOf` them. `anchors` must be
 * `anchorPattern` of the same names, made from the sources the build wrote
 * (the content script has them).
 */
export function matcherOf(names: readonly ScriptNames[], anchors: () => Anchors): Matcher {
  // A script's expression is compiled where an anchor of that script is
  // seen: a page in English compiles the Latin names, not those of every
  // script (all of them: 25 to 30 ms on a frame's first mention).
  const compiled = new Map<string, RegExp>();
  const folded = new Map<NameGroup, string[]>();
  const search = ({ script, source, groups }: ScriptNames, text: string, found: NameMatch[]): void => {
    let regex = compiled.get(script);
    if (!regex) compiled.set(script, (regex = new RegExp(source, 'giu')));
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const at = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
      const group = groups[at];
      if (!group || group.refersTo === 'other') continue;
      const start = m.index;
      const end = start + m[0].length;
      if (inAddress(text, start, end)) continue;
      const match = fold(m[0]);
      let names = folded.get(group);
      if (!names) folded.set(group, (names = group.names.map(fold)));
      const core = names.findIndex((name) => match.includes(name));
      found.push({ start, end, refersTo: group.refersTo, name: group.names[Math.max(core, 0)] ?? m[0] });
    }
  };

  return {
    findAll(text: string): NameMatch[] {
      // Nearly all text holds no name: one cheap search spares the full patterns.
      if (text.length === 0) return [];
      const spans = anchors().spans(text);
      if (spans.length === 0) return [];
      const scripts = new Set<string>();
      for (const [from] of spans) scripts.add(scriptOf(text.slice(from, from + 8)) ?? '');
      if (HAS_IGNORABLE.test(text)) return withoutIgnorables(text, (bare) => findIn(bare, scripts));
      return findIn(text, scripts);
    },
    anchorSpans: (text) => anchors().spans(text),
    prepare: () => Promise.resolve(),
  };

  /** The names of the scripts an anchor was seen in, in text without ignorables. */
  function findIn(text: string, scripts: Set<string>): NameMatch[] {
    const found: NameMatch[] = [];
    for (const entry of names) if (scripts.has(entry.script)) search(entry, text, found);
    if (scripts.size < 2) return found;
    // Matches of two scripts' names that overlap (a name written in both): the leftmost, then the longest, stays.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: NameMatch[] = [];
    for (const m of found) if (kept.length === 0 || m.start >= (kept[kept.length - 1] as NameMatch).end) kept.push(m);
    return kept;
  }
}

/**
 * Finds names in text that holds ignorables (a soft hyphen, a stress
 * mark) as in the same text without them, and maps the matches back: a
 * name may carry them anywhere, and one expression of the names serves
 * every text (allowing them between every two letters made the Latin
 * names' expression 14 times the size).
 */
function withoutIgnorables(text: string, find: (bare: string) => NameMatch[]): NameMatch[] {
  // at[i]: where the i-th character of the bare text stands in `text`.
  const at: number[] = [];
  let bare = '';
  let from = 0;
  const keep = (to: number): void => {
    for (let i = from; i < to; i++) at.push(i);
    bare += text.slice(from, to);
  };
  IGNORABLES.lastIndex = 0;
  for (let m = IGNORABLES.exec(text); m !== null; m = IGNORABLES.exec(text)) {
    keep(m.index);
    from = m.index + m[0].length;
  }
  keep(text.length);
  return find(bare).map((m) => ({ ...m, start: at[m.start] as number, end: (at[m.end - 1] as number) + 1 }));
}

/**
 * The matcher of a pack's names, worked out here (tests, tools; the
 * extension's names.js has them finished by the build). `given` must be
 * `anchorPattern` of the same names; without it the matcher works them
 * out on its first search.
 */
export function compileMatcher(patterns: readonly NamePattern[], given?: Anchors): Matcher {
  let anchors: Anchors | null = given ?? null;
  return matcherOf(namesOf(patterns), () => (anchors ??= anchorPattern(patterns)));
}

/**
 * A matcher that holds only the anchors and loads the names where one
 * hits. Every frame of every page runs the content script, and most hold
 * no anchor: they never load, parse or compile the names of every script.
 * `anchors` must be `anchorPattern` of the names `load` brings (the build
 * writes it from the same pack, and a test holds the two together).
 */
export function deferredMatcher(anchors: Anchors, load: () => Promise<Matcher>): Matcher {
  let loaded: Matcher | null = null;
  let loading: Promise<void> | null = null;
  return {
    findAll(text: string): NameMatch[] {
      if (!loaded) throw new Error('matcher: findAll before prepare() resolved');
      return loaded.findAll(text);
    },
    anchorSpans: (text) => anchors.spans(text),
    prepare(): Promise<void> {
      loading ??= load().then(
        (matcher) => void (loaded = matcher),
        (error: unknown) => {
          loading = null; // a later scan may try again
          throw error;
        },
      );
      return loading;
    },
  };
}
