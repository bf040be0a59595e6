// The pack's names, loaded by the content script into a frame only where
// one of their anchors appears (see deferredMatcher): the content script
// itself carries the anchors alone, and hands them over.
import { compileMatcher, type Anchors, type Matcher } from '../lib/matcher.ts';
import { patterns } from '../data/kaspersky.pack.json';
import type { Pack } from '../data/pack-schema.ts';

/** The matcher of the pack's names; `anchors` is the content script's search for their anchors (the build makes both from one pack). */
export function matcherWith(anchors: Anchors): Matcher {
  return compileMatcher(patterns as Pack['patterns'], anchors);
}
