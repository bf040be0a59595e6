import { browser } from './browser.ts';
import type { TabState } from '../lib/messages.ts';
import { readFrameCounts, tabKey, tabState, withFrameCount, type FrameCounts } from '../lib/tab-counts.ts';

/**
 * Per-tab mention totals live in storage.session, so a restarted service
 * worker loses nothing. Updates run one after another: frames report at once
 * and a read-modify-write must not lose a frame's count.
 */
let queue: Promise<unknown> = Promise.resolve();

function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function readFrames(tabId: number): Promise<FrameCounts> {
  const key = tabKey(tabId);
  const stored = await browser.storage.session.get(key);
  return readFrameCounts(stored[key]);
}

export function setFrameCount(tabId: number, frameId: number, count: number): Promise<TabState> {
  return serially(async () => {
    const frames = withFrameCount(await readFrames(tabId), frameId, count);
    await browser.storage.session.set({ [tabKey(tabId)]: frames });
    return tabState(frames);
  });
}

export function clearTab(tabId: number): Promise<void> {
  return serially(() => browser.storage.session.remove(tabKey(tabId)));
}

export function getTabState(tabId: number): Promise<TabState> {
  return serially(async () => tabState(await readFrames(tabId)));
}
