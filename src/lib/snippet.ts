/**
 * The sentence around a mention, cut to a readable length, for the panel's
 * list: the words before the name, the name, the words after.
 */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

const MAX_SIDE = 70;

export function snippetAround(text: string, start: number, end: number, locale = 'en'): Snippet {
  let from = 0;
  let to = text.length;
  if (typeof Intl.Segmenter === 'function') {
    for (const { index, segment } of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)) {
      if (index <= start) from = index;
      if (index + segment.length >= end) {
        to = index + segment.length;
        break;
      }
    }
  }
  const squash = (s: string): string => s.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ');
  let before = squash(text.slice(from, start)).trimStart();
  let after = squash(text.slice(end, to)).trimEnd();
  if (before.length > MAX_SIDE) before = `…${before.slice(before.length - MAX_SIDE).replace(/^\S*\s/, '')}`;
  if (after.length > MAX_SIDE) after = `${after.slice(0, MAX_SIDE).replace(/\s\S*$/, '')}…`;
  return { before, match: squash(text.slice(start, end)), after };
}
