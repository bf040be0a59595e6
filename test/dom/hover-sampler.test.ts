import { describe, expect, it } from 'vitest';
import { createHoverSampler, type Point } from '../../src/dom/hover.ts';

// A line of text where "a" covers x 0 to 10 and "b" covers x 20 to 30.
const WORDS = { a: [0, 10], b: [20, 30] } as const;
type Word = keyof typeof WORDS;
const on = (word: Word, { x }: Point): boolean => x >= WORDS[word][0] && x <= WORDS[word][1];

function sampler() {
  const seen: Array<Word | null> = [];
  const s = createHoverSampler<Word>({
    hitTest: (p) => (Object.keys(WORDS) as Word[]).find((w) => on(w, p)) ?? null,
    offMention: (word, points) => points.some((p) => !on(word, p)),
    onHover: (word) => seen.push(word),
  });
  const move = (...xs: number[]): void => s.moved(xs.map((x) => ({ x, y: 0 })));
  return { s, seen, move };
}

describe('the hover sampler', () => {
  it('reports the mention under the pointer once a frame, and only changes', () => {
    const { s, seen, move } = sampler();
    move(5);
    s.frame();
    move(6);
    s.frame();
    move(25);
    s.frame();
    move(15);
    s.frame();
    expect(seen).toEqual(['a', 'b', null]);
  });

  it('hears a leave and a return within one frame as a leave and a return', () => {
    const { s, seen, move } = sampler();
    move(5);
    s.frame();
    // Off the name and back before the next frame: two moves, or one event
    // with both points folded into it.
    move(50);
    move(5);
    s.frame();
    move(6, 60, 4);
    s.frame();
    expect(seen).toEqual(['a', null, 'a', null, 'a']);
  });

  it('does not count moves within the mention as leaving it', () => {
    const { s, seen, move } = sampler();
    move(1);
    s.frame();
    move(2, 3, 9);
    s.frame();
    expect(seen).toEqual(['a']);
  });

  it('forgets a leave once a frame has reported it', () => {
    const { s, seen, move } = sampler();
    move(5);
    s.frame();
    move(50);
    s.frame();
    move(5);
    s.frame();
    s.frame();
    expect(seen).toEqual(['a', null, 'a']);
  });

  it('leaves every mention when the pointer leaves the window, and knows nothing before a move', () => {
    const { s, seen, move } = sampler();
    s.frame();
    expect(s.lastPoint()).toBeUndefined();
    move(25);
    s.frame();
    s.leave();
    expect(seen).toEqual(['b', null]);
    expect(s.lastPoint()).toEqual({ x: 25, y: 0 });
  });
});
