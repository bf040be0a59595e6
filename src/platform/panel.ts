import { browser } from './browser.ts';

/**
 * Opens the toolbar panel for a tab. Where the browser will not open the
 * popup without a click on the toolbar button (Firefox), the same panel
 * opens in a tab next to it.
 */
export async function openPanelFor(tabId: number): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    const tab = await browser.tabs.get(tabId);
    await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tab=${tabId}`), index: tab.index + 1 });
  }
}
