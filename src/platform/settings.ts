import { browser } from './browser.ts';
import { repairSettings, type Settings } from '../lib/settings.ts';

/** Settings live in storage.sync and are repaired on every read. */
export async function loadSettings(): Promise<Settings> {
  try {
    return repairSettings(await browser.storage.sync.get(null));
  } catch {
    return repairSettings(undefined);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ ...settings });
}

/** Calls back with the repaired settings whenever any of them changes. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (_changes: unknown, area: string): void => {
    if (area === 'sync') void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
