import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent } from '../../src/dom/hover-intent.ts';
import type { Mention } from '../../src/dom/engine.ts';

const mention = (name: string): Mention => ({ name }) as unknown as Mention;

describe('hover intent', () => {
  let log: string[];
  const intent = () =>
    createHoverIntent({
      openDelayMs: 350,
      graceMs: 300,
      open: (m) => log.push(`open ${m.name}`),
      close: () => log.push('close'),
    });

  beforeEach(() => {
    vi.useFakeTimers();
    log = [];
  });
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests 350 ms on a mention', () => {
    const h = intent();
    const a = mention('a');
    h.pointerOn(a);
    vi.advanceTimersByTime(300);
    h.pointerOn(a);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(log).toEqual(['open a']);
  });

  it('does not open when the pointer only passes over', () => {
    const h = intent();
    h.pointerOn(mention('a'));
    vi.advanceTimersByTime(200);
    h.pointerOn(null);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('does not flicker across the gap between the lines of a wrapped mention', () => {
    const h = intent();
    const a = mention('a');
    h.pointerOn(a);
    vi.advanceTimersByTime(400);
    for (let i = 0; i < 5; i++) {
      h.pointerOn(null);
      vi.advanceTimersByTime(100);
      h.pointerOn(a);
      vi.advanceTimersByTime(100);
    }
    expect(log).toEqual(['open a']);
  });

  it('stays open while the pointer crosses to the card and rests on it, and closes after leaving it', () => {
    const h = intent();
    const a = mention('a');
    h.pointerOn(a);
    vi.advanceTimersByTime(400);
    h.pointerOn(null);
    vi.advanceTimersByTime(200);
    h.pointerOnCard(true);
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['open a']);
    h.pointerOnCard(false);
    vi.advanceTimersByTime(299);
    expect(log).toEqual(['open a']);
    vi.advanceTimersByTime(2);
    expect(log).toEqual(['open a', 'close']);
  });

  it('moves to another mention after resting on it', () => {
    const h = intent();
    h.pointerOn(mention('a'));
    vi.advanceTimersByTime(400);
    h.pointerOn(mention('b'));
    vi.advanceTimersByTime(400);
    expect(log).toEqual(['open a', 'close', 'open b']);
  });

  it('keeps a card a tap opened when the finger lifts off, and a mouse resting on another mention still moves it', () => {
    const h = intent();
    const a = mention('a');
    h.shown(a, { pinned: true });
    // What lifting a finger or a pen looks like to hover: off the mention, off the card.
    h.pointerOn(null);
    h.pointerOnCard(false);
    vi.advanceTimersByTime(5000);
    expect(log).toEqual([]);
    h.pointerOn(mention('b'));
    vi.advanceTimersByTime(400);
    expect(log).toEqual(['close', 'open b']);
  });

  it('lets a card opened another way close as the pointer leaves, as before', () => {
    const h = intent();
    h.shown(mention('a'));
    h.pointerOn(null);
    vi.advanceTimersByTime(301);
    expect(log).toEqual(['close']);
  });
});
