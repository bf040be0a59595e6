// The pack's names, loaded by the content script into a frame only where
// one of their anchors appears (see deferredMatcher): the content script
// itself carries the anchors alone.
import { compileMatcher } from '../lib/matcher.ts';
import { patterns } from '../data/kaspersky.pack.json';
import type { Pack } from '../data/pack-schema.ts';

export const matcher = compileMatcher(patterns as Pack['patterns']);
