// Toolbar panel: asks the background about the tab and shows it.
import { sendToBackground } from '../platform/messaging.ts';
import { panelTabId } from '../platform/tabs.ts';
import { t, uiLanguage } from '../platform/i18n.ts';
import { localizePage } from '../dom/localize-page.ts';

async function main(): Promise<void> {
  localizePage(document, t, uiLanguage());
  const out = document.getElementById('mention-count');
  if (!out) return;
  const tabId = await panelTabId(location.search);
  if (tabId === undefined) {
    out.textContent = t('panelUnavailable');
    return;
  }
  const state = await sendToBackground('getTabState', { tabId });
  out.dataset.count = String(state.count);
  out.textContent =
    state.frames === 0 ? t('panelUnavailable') : state.count === 0 ? t('panelNoMentions') : t('panelMentionCount', [String(state.count)]);
}

void main();
