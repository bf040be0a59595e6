import * as v from 'valibot';
import { scriptOf, type NamePattern } from '../lib/matcher.ts';

/**
 * The context pack format. A pack is data, never code or HTML: every string
 * is rendered with textContent. Validated at build time, in the tests, and
 * wherever a pack is loaded.
 */

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day that exists: 2018-02-30 is refused. */
const isoDay = v.pipe(
  v.string(),
  v.regex(ISO_DAY, 'must be an ISO date (YYYY-MM-DD)'),
  v.check((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a day that exists'),
);

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

export type Precision = 'day' | 'month' | 'year';
const PRECISION_FORMAT: Record<Precision, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  year: /^\d{4}$/,
};

/** A date written to its precision: 2018-06-13 (day), 2018-06 (month), 2018 (year). */
const datedFields = {
  date: v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')),
  precision: v.picklist(['day', 'month', 'year']),
};
const matchesPrecision = (item: { date: string; precision: Precision }): boolean =>
  PRECISION_FORMAT[item.precision].test(item.date) &&
  (item.precision !== 'day' || v.is(isoDay, item.date));
const writtenToPrecision = <T extends { date: string; precision: Precision }>() =>
  v.check<T, string>(
    matchesPrecision,
    'date must be written to its precision (day: YYYY-MM-DD, a day that exists; month: YYYY-MM; year: YYYY)',
  );

/** A link we will put in front of a reader: http(s) only, never javascript: or data:. */
const webUrl = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.check((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an https (or http) URL'),
);

/** Text in every locale the UI ships: English and Dutch. */
export const localized = v.strictObject({ en: text, nl: text });

const identity = { name: text, identity: localized };

/**
 * Where a fact comes from. A link where the record has one; a citation
 * (publisher and label) where it has none, such as a press release or an
 * official gazette: a URL is never made up.
 */
const source = v.strictObject({
  publisher: text,
  label: v.optional(v.union([text, localized])),
  url: v.optional(webUrl),
});

const article = v.pipe(
  v.strictObject({
    outlet: text,
    title: text,
    url: webUrl,
    ...datedFields,
    language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'must be a language code such as nl')),
    basedOn: v.optional(source),
  }),
  writtenToPrecision(),
);

const keyPoint = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens')),
  text: localized,
  /** Where the record differs from what the article says. */
  note: v.optional(localized),
});

const event = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens')),
    ...datedFields,
    /** ISO 3166 region, or EU; absent for the company's own acts. */
    jurisdiction: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be a two-letter region code such as NL or EU'))),
    actor: localized,
    kind: v.picklist(['government', 'court', 'company']),
    inArticle: v.boolean(),
    text: localized,
    sources: v.pipe(v.array(source), v.minLength(1, 'an event needs at least one source')),
  }),
  writtenToPrecision(),
);

const uniqueIds = <T extends { id: string }>(label: string) =>
  v.check(
    (items: T[]) => new Set(items.map((i) => i.id)).size === items.length,
    (issue) => {
      const ids = (issue.input as Array<{ id: string }>).map((i) => i.id);
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      return `${label} ids must be unique; "${twice}" appears twice`;
    },
  );

/** Oldest first; a date of lower precision sorts as its first day. */
const inDateOrder = <T extends { id: string; date: string }>() =>
  v.check(
    (items: T[]) => items.every((item, i) => i === 0 || (items[i - 1] as T).date <= item.date),
    (issue) => {
      const items = issue.input as T[];
      const at = items.findIndex((item, i) => i > 0 && (items[i - 1] as T).date > item.date);
      return `events must be in date order, oldest first; "${items[at]?.id}" (${items[at]?.date}) comes after a later one`;
    },
  );

/** The scripts a pattern may be written in, each with the Unicode scripts its names' letters belong to. */
export const SCRIPTS = {
  latin: ['Latin'],
  cyrillic: ['Cyrillic'],
  greek: ['Greek'],
  arabic: ['Arabic'],
  hebrew: ['Hebrew'],
  devanagari: ['Devanagari'],
  bengali: ['Bengali'],
  tamil: ['Tamil'],
  malayalam: ['Malayalam'],
  thai: ['Thai'],
  georgian: ['Georgian'],
  armenian: ['Armenian'],
  hangul: ['Hangul'],
  han: ['Han'],
  // Japanese writes foreign names in katakana and the words after them (研究所) in kanji.
  kana: ['Katakana', 'Hiragana', 'Han'],
} as const;

const words = v.optional(v.pipe(v.array(text), v.minLength(1, 'must list at least one, or be left out')));

/**
 * How one script or language writes a name: its spellings and the rules
 * around them (see NamePattern in lib/matcher.ts for what each field does).
 * Every word of a pattern must be written in the pattern's script, so a
 * name cannot land where its rules do not hold.
 */
const namePattern = v.pipe(
  v.strictObject({
    refersTo: v.picklist(['company', 'person', 'other']),
    script: v.picklist(Object.keys(SCRIPTS) as Array<keyof typeof SCRIPTS>),
    names: v.pipe(v.array(text), v.minLength(1, 'needs at least one name')),
    firstNames: words,
    middleNames: words,
    initials: v.optional(v.boolean()),
    before: words,
    after: words,
    prefixes: words,
    prefixJoiners: words,
    endings: words,
    apostropheEndings: v.optional(v.boolean()),
    anyEnding: v.optional(v.boolean()),
    bounds: v.optional(v.picklist(['word', 'start', 'none'])),
  }),
  v.check(
    (p) => p.refersTo !== 'person' || (p.firstNames?.length ?? 0) > 0,
    'a person is told apart from the company by first names: firstNames is needed',
  ),
  v.check(
    (p) => !p.firstNames || (!p.before && !p.after),
    'lab words (before, after) belong to a company, not to a name with first names',
  ),
  v.check(
    (p) => [...p.names, ...(p.firstNames ?? []), ...(p.middleNames ?? []), ...(p.before ?? []), ...(p.after ?? []), ...(p.prefixes ?? [])].every((word) => {
      const script = scriptOf(word);
      return script === null || (SCRIPTS[p.script] as readonly string[]).includes(script);
    }),
    (issue) => {
      const p = issue.input as { script: keyof typeof SCRIPTS; names: string[] };
      return `every name of a ${p.script} pattern must be written in that script (${p.names[0]} …)`;
    },
  ),
);

export const packSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens')),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  updated: isoDay,
  entity: v.strictObject({
    ...identity,
    kind: v.picklist(['company', 'person']),
    related: v.optional(v.array(v.strictObject({ ...identity, kind: v.picklist(['company', 'person']) }))),
  }),
  patterns: v.pipe(v.array(namePattern), v.minLength(1, 'needs at least one pattern')),
  article,
  keyPoints: v.pipe(v.array(keyPoint), v.minLength(1, 'needs at least one key point'), uniqueIds('key point')),
  events: v.pipe(v.array(event), v.minLength(1, 'needs at least one event'), uniqueIds('event'), inDateOrder()),
});

export type Pack = v.InferOutput<typeof packSchema>;

// The matcher's input type and the pack's pattern type must stay in step.
export type PackPattern = Pack['patterns'][number];
export type PackEvent = Pack['events'][number];
export type PackSource = PackEvent['sources'][number];
export type KeyPoint = Pack['keyPoints'][number];
export type Localized = v.InferOutput<typeof localized>;
const _patternsFitTheMatcher = (p: PackPattern): NamePattern => p;
void _patternsFitTheMatcher;

export class PackError extends Error {
  override name = 'PackError';
}

/** Validates a pack; the error names the field and what is wrong with it. */
export function parsePack(input: unknown, label = 'pack'): Pack {
  const result = v.safeParse(packSchema, input);
  if (result.success) return result.output;
  const lines = result.issues.slice(0, 10).map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.') || '(root)';
    return `  ${path}: ${issue.message}`;
  });
  throw new PackError(`${label} is not a valid context pack:\n${lines.join('\n')}`);
}
