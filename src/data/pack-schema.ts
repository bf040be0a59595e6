import * as v from 'valibot';
import type { NamePattern } from '../lib/matcher.ts';

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

/** Text in every locale the UI ships: English and Dutch. */
export const localized = v.strictObject({ en: text, nl: text });

const identity = { name: text, identity: localized };

const namePattern = v.strictObject({
  refersTo: v.picklist(['company', 'person']),
  script: v.picklist(['latin', 'cyrillic', 'cjk', 'greek', 'arabic', 'hebrew', 'other']),
  names: v.pipe(v.array(text), v.minLength(1, 'needs at least one name')),
  endings: v.optional(v.array(text)),
  wordBoundaries: v.optional(v.boolean()),
});

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
});

export type Pack = v.InferOutput<typeof packSchema>;

// The matcher's input type and the pack's pattern type must stay in step.
export type PackPattern = Pack['patterns'][number];
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
