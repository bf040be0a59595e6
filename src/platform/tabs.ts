import { browser } from './browser.ts';

/** The tab a panel describes: `?tab=<id>` when given, else the active tab. */
export async function panelTabId(search: string): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Puts the page back in front of a panel that covers it (Firefox for
 * Android opens the panel as a page of its own): its tab is made the
 * active one, then the panel closes where the browser lets it.
 */
export async function returnToPage(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
  window.close();
}
