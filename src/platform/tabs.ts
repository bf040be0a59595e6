import { browser } from './browser.ts';

/** The tab a panel describes: `?tab=<id>` when given, else the active tab. */
export async function panelTabId(search: string): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
