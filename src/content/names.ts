// The pack's names, loaded by the content script into a frame only where
// one of their anchors appears (see deferredMatcher): the content script
// itself carries the anchors alone, and hands them over.
import { matcherOf, type Anchors, type Matcher, type ScriptNames } from '../lib/matcher.ts';

/** The names' expressions, finished: written in by the build (scripts/build.ts) from the same pack as the anchors. */
declare const BACKSTORY_NAMES: ScriptNames[];

/** The matcher of the pack's names; `anchors` is the content script's search for their anchors (the build makes both from one pack). */
export function matcherWith(anchors: Anchors): Matcher {
  return matcherOf(BACKSTORY_NAMES, () => anchors);
}
