import * as v from 'valibot';
import type { TabState } from './messages.ts';

/** Per-tab record kept in storage.session: frame id → visible mentions. */
export type FrameCounts = Record<string, number>;

const frameCounts = v.record(
  v.pipe(v.string(), v.regex(/^\d+$/)),
  v.pipe(v.number(), v.integer(), v.minValue(0)),
);

/** Stored values are never trusted: anything of the wrong shape reads as empty. */
export function readFrameCounts(stored: unknown): FrameCounts {
  const result = v.safeParse(frameCounts, stored);
  return result.success ? result.output : {};
}

export function withFrameCount(frames: FrameCounts, frameId: number, count: number): FrameCounts {
  return { ...frames, [String(frameId)]: count };
}

export function tabState(frames: FrameCounts): TabState {
  const entries = Object.entries(frames);
  return {
    count: entries.reduce((sum, [, n]) => sum + n, 0),
    frames: entries.length,
    frameIds: entries.filter(([, n]) => n > 0).map(([id]) => Number(id)).sort((a, b) => a - b),
  };
}

export const tabKey = (tabId: number): string => `tab:${tabId}`;
