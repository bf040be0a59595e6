// Toolbar panel: gathers the tab's state from the background and its frames, and renders it.
import { kasperskyPack } from '../data/packs.ts';
import { packLocale } from '../lib/locale.ts';
import { isSiteDisabled, withSiteDisabled, withSiteEnabled, type Settings } from '../lib/settings.ts';
import { EVENT_KINDS, renderPanel, type EventKind, type PanelMention, type PanelModel } from '../dom/panel-view.ts';
import { browser } from '../platform/browser.ts';
import { sendToBackground, sendToTab } from '../platform/messaging.ts';
import { loadSettings, updateSettings, watchSettings } from '../platform/settings.ts';
import { panelTabId, returnToPage } from '../platform/tabs.ts';
import { translator } from '../platform/catalogs.ts';

const kinds = new Set<EventKind>(EVENT_KINDS);
let place: string | null = null;
const forever = new AbortController().signal;

async function gather(
  tabId: number | undefined,
  settings: Settings,
): Promise<Omit<PanelModel, 't' | 'language' | 'locale' | 'pack' | 'kinds' | 'place'>> {
  const page = tabId === undefined ? null : await sendToTab(tabId, 'describePage', {}).catch(() => null);
  const state = tabId === undefined ? { count: 0, frameIds: [] as number[] } : await sendToBackground('getTabState', { tabId });
  const hostname = page?.hostname || null;
  const paused = !settings.enabled;
  const panelState: PanelModel['state'] = !page
    ? 'unavailable'
    : paused
      ? 'paused'
      : hostname && isSiteDisabled(settings, hostname)
        ? 'siteOff'
        : 'running';
  const mentions: PanelMention[] = [];
  if (panelState === 'running' && tabId !== undefined) {
    for (const frameId of state.frameIds) {
      const reply = await sendToTab(tabId, 'listMentions', {}, frameId).catch(() => ({ mentions: [] }));
      for (const m of reply.mentions) mentions.push({ ...m, frameId });
    }
  }
  return { state: panelState, hostname, count: panelState === 'running' ? state.count : 0, mentions, paused };
}

async function main(): Promise<void> {
  const tabId = await panelTabId(location.search);
  let rendering = Promise.resolve();

  const render = async (): Promise<void> => {
    const settings = await loadSettings();
    const strings = translator(settings.language);
    document.documentElement.lang = strings.language;
    const data = await gather(tabId, settings);
    const model: PanelModel = { ...data, pack: kasperskyPack, kinds, place, t: strings.t, language: strings.language, locale: packLocale(strings.language) };
    const hostname = data.hostname;
    const view = renderPanel(document, model, {
      pick: (mention) => {
        if (tabId === undefined) return;
        void sendToTab(tabId, 'openMention', { index: mention.index }, mention.frameId)
          .catch(() => undefined)
          .then(() => {
            // On a phone the panel covers the page: give the page back.
            if (matchMedia('(pointer: coarse)').matches) void returnToPage(tabId);
          });
      },
      setSiteOn: (on) => {
        if (hostname) void updateSettings((s) => (on ? withSiteEnabled(s, hostname) : withSiteDisabled(s, hostname)));
      },
      setPaused: (paused) => void updateSettings((s) => ({ ...s, enabled: !paused })),
      setKind: (kind, shown) => {
        if (shown) kinds.add(kind);
        else kinds.delete(kind);
        void rerender();
      },
      setPlace: (next) => {
        place = next;
        void rerender();
      },
      openSettings: () => void browser.runtime.openOptionsPage(),
    });
    const focused = document.activeElement?.id;
    document.getElementById('panel')?.replaceWith(view);
    if (focused) document.getElementById(focused)?.focus();
  };
  const rerender = (): Promise<void> => (rendering = rendering.then(render, render));

  await rerender();
  // Settings changed here or elsewhere: the tab restarts and reports again, then we show it.
  watchSettings(() => {
    void rerender();
    setTimeout(() => void rerender(), 400);
  }, forever);
}

void main();
