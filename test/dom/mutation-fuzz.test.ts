import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/lib/matcher.ts';
import { kasperskyPack } from '../../src/data/packs.ts';
import { runSeeds } from '../fuzz/fuzz-core.ts';

// 1,000 seeded random sequences of DOM edits on pages with mentions. After
// each sequence, what the live engine holds must be exactly what a fresh
// scan of the same page finds, and what a full search of every run finds:
// every mention once, nothing stale, no throw. A failure names its seed;
// FUZZ_SEED=<n> replays one. jsdom has no layout, so here everything present
// counts as seen; test/e2e/fuzz.test.ts runs the same seeds in real browsers.

const matcher = compileMatcher(kasperskyPack.patterns);

describe('mutation fuzz', () => {
  const only = process.env.FUZZ_SEED;
  const [from, to] = only ? [Number(only), Number(only)] : [1, 1000];

  it(`keeps the live marks equal to a fresh scan and a full search over ${to - from + 1} random edit sequences`, { timeout: 120_000 }, async () => {
    const result = await runSeeds(from, to, { matcher, visible: () => true });
    expect(result.failures).toEqual([]);
    expect(result.seeds).toBe(to - from + 1);
    if (!only) expect(result.visible).toBeGreaterThan(1000);
  });
});
