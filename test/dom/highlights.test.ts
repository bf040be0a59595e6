import { describe, expect, it } from 'vitest';
import { createMentionMarks } from '../../src/dom/highlights.ts';

/**
 * jsdom has no CSS Custom Highlight API: a Highlight here is the Set of
 * ranges the API defines it as, in a registry that is a Map. The browser
 * tier checks the real one; this checks the bookkeeping around it.
 */
class SetHighlight extends Set<Range> {
  priority = 0;
  /** Deletes made while registered: Firefox makes each cost time that grows with the page. */
  registeredDeletes = 0;
  override delete(range: Range): boolean {
    if ([...registry.values()].includes(this)) this.registeredDeletes++;
    return super.delete(range);
  }
}
const registry = new Map<string, SetHighlight>();
Object.assign(window, { Highlight: SetHighlight });
Object.assign(window.CSS ?? Object.assign(window, { CSS: {} }).CSS, { highlights: registry });

const rangesOf = (n: number): Range[] =>
  Array.from({ length: n }, () => {
    const range = document.createRange();
    range.selectNodeContents(document.body);
    return range;
  });

/** A pace whose slice is always spent: yields at every check. */
const spentPace = (): { yields: number; due: () => boolean; slice: () => Promise<void> } => {
  const pace = {
    yields: 0,
    due: () => true,
    slice: async () => {
      pace.yields++;
      await new Promise((r) => setTimeout(r, 0));
    },
  };
  return pace;
};

describe('mention marks', () => {
  it('marks 10,000 ranges in slices, every one of them once it has finished', async () => {
    const marks = createMentionMarks(window, 'test-slices');
    const ranges = rangesOf(10_000);
    const pace = spentPace();
    await marks.show(ranges, pace);
    expect(registry.get('test-slices')?.size).toBe(10_000);
    expect(pace.yields).toBeGreaterThan(100);
  });

  it('a newer call wins over one still marking, and nothing stale is left', async () => {
    const marks = createMentionMarks(window, 'test-newer');
    const first = rangesOf(2_000);
    const second = rangesOf(300);
    const older = marks.show(first, spentPace());
    // While the first call yields, the page changed: only the second set stands.
    await new Promise((r) => setTimeout(r, 0));
    await marks.show(second);
    await older;
    expect([...(registry.get('test-newer') ?? [])].every((r) => second.includes(r))).toBe(true);
    expect(registry.get('test-newer')?.size).toBe(300);
  });

  it('clear() stops a call still marking', async () => {
    const marks = createMentionMarks(window, 'test-clear');
    const running = marks.show(rangesOf(2_000), spentPace());
    await new Promise((r) => setTimeout(r, 0));
    marks.clear();
    await running;
    expect(registry.get('test-clear')).toBeUndefined();
  });

  it('deletes marks while the highlight is unregistered, and registers what is left', async () => {
    const marks = createMentionMarks(window, 'test-deletes');
    const ranges = rangesOf(1_000);
    await marks.show(ranges, spentPace());
    const highlight = registry.get('test-deletes');
    // A few mentions gone, one by one; then most of them, at once.
    await marks.show(ranges.slice(100), spentPace());
    expect(registry.get('test-deletes')?.size).toBe(900);
    await marks.show(ranges.slice(990), spentPace());
    expect(registry.get('test-deletes')).toBe(highlight);
    expect([...(highlight ?? [])]).toEqual(ranges.slice(990));
    expect(highlight?.registeredDeletes).toBe(0);
  });
});
