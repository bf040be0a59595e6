import { describe, expect, it } from 'vitest';
import { badgeText } from '../../src/lib/badge.ts';
import { readFrameCounts, tabState, withFrameCount } from '../../src/lib/tab-counts.ts';
import { parseBackgroundMessage } from '../../src/lib/messages.ts';

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [1, '1'],
    [42, '42'],
    [999, '999'],
    [1000, '999+'],
    [123456, '999+'],
  ])('%s mentions show as %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('per-tab counts', () => {
  it('sums the frames of a tab, a frame reporting again replacing its count', () => {
    let frames = withFrameCount({}, 0, 3);
    frames = withFrameCount(frames, 7, 2);
    frames = withFrameCount(frames, 0, 1);
    expect(tabState(frames)).toEqual({ count: 3, frames: 2, frameIds: [0, 7] });
  });

  it('never trusts stored values: anything of the wrong shape reads as empty', () => {
    for (const odd of [null, undefined, 'x', 42, [], { 0: -1 }, { 0: 1.5 }, { a: 1 }, { 0: '3' }]) {
      expect(readFrameCounts(odd)).toEqual({});
    }
    expect(readFrameCounts({ 0: 2, 12: 0 })).toEqual({ 0: 2, 12: 0 });
  });
});

describe('background messages', () => {
  it('accepts the known requests with well-formed arguments', () => {
    expect(parseBackgroundMessage({ type: 'reportMentions', args: { count: 3 } })).toMatchObject({ ok: true });
    expect(parseBackgroundMessage({ type: 'getTabState', args: { tabId: 12 } })).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything', args: {} }],
    ['a negative count', { type: 'reportMentions', args: { count: -1 } }],
    ['a fractional count', { type: 'reportMentions', args: { count: 1.5 } }],
    ['a string tab id', { type: 'getTabState', args: { tabId: '12' } }],
    ['extra fields', { type: 'reportMentions', args: { count: 1, html: '<img>' } }],
    ['no arguments', { type: 'reportMentions' }],
    ['not an object', 'reportMentions'],
  ])('refuses %s with a message', (_label, message) => {
    const result = parseBackgroundMessage(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Backstory: bad message/);
  });
});
