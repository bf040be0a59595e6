// Background: answers our own pages and frames, keeps per-tab totals, sets the badge.
import { browser } from '../platform/browser.ts';
import { serveBackground } from '../platform/messaging.ts';
import { clearTab, getTabState, setFrameCount } from '../platform/tab-store.ts';
import { showMentionCount } from '../platform/badge.ts';
import { kasperskyPack } from '../data/packs.ts';

serveBackground({
  async reportMentions({ count }, sender) {
    if (sender.tabId === undefined) throw new Error('Backstory: a count must come from a tab');
    const state = await setFrameCount(sender.tabId, sender.frameId ?? 0, count);
    // The tab may have closed meanwhile; its badge went with it.
    await showMentionCount(sender.tabId, state.count, kasperskyPack.entity.name).catch(() => undefined);
    return state;
  },
  getTabState: ({ tabId }) => getTabState(tabId),
});

// A new document in the tab starts from nothing; its frames report again.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void clearTab(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void clearTab(tabId));
