// Background: answers our own pages and frames, keeps per-tab totals, sets the badge.
import { browser } from '../platform/browser.ts';
import { sendToTab, serveBackground } from '../platform/messaging.ts';
import { clearTab, getTabState, setFrameCount } from '../platform/tab-store.ts';
import { showMentionCount } from '../platform/badge.ts';
import { openPanelFor } from '../platform/panel.ts';
import { repairStoredSettings, updateSettings } from '../platform/settings.ts';
import { withSiteDisabled } from '../lib/settings.ts';
import { kasperskyPack } from '../data/packs.ts';
import { catalogFor } from '../platform/catalogs.ts';

// Stored settings are never trusted: what is broken is put right once, at start.
void repairStoredSettings();

serveBackground({
  async reportMentions({ count }, sender) {
    if (sender.tabId === undefined) throw new Error('Backstory: a count must come from a tab');
    const state = await setFrameCount(sender.tabId, sender.frameId ?? 0, count);
    // The tab may have closed meanwhile; its badge went with it.
    await showMentionCount(sender.tabId, state.count, kasperskyPack.entity.name).catch(() => undefined);
    return state;
  },
  getTabState: ({ tabId }) => getTabState(tabId),
  async openPanel(_args, sender) {
    if (sender.tabId === undefined) throw new Error('Backstory: the panel opens for a tab');
    await openPanelFor(sender.tabId);
  },
  // The site is the one the browser says sent it, not one a message names.
  async turnOffSite(_args, sender) {
    const site = sender.url && URL.canParse(sender.url) ? new URL(sender.url).hostname : '';
    if (!site) throw new Error('Backstory: only a page can turn Backstory off for its site');
    await updateSettings((s) => withSiteDisabled(s, site));
  },
  getCardData: async ({ language }) => ({ pack: kasperskyPack, catalog: catalogFor(language) }),
});

// The keyboard shortcut: the next mention in the active tab, its card open with focus.
browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'next-mention' && tab?.id !== undefined) {
    sendToTab(tab.id, 'focusNextMention', {}).catch(() => undefined);
  }
});

// A new document in the tab starts from nothing; its frames report again.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void clearTab(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void clearTab(tabId));
