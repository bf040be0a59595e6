import { browser } from './browser.ts';
import { defaults, repairSettings, type Settings } from '../lib/settings.ts';

/**
 * Settings live in storage.sync, so they follow the reader between
 * browsers. When sync refuses a write (its quota is small), the whole set is
 * kept in storage.local instead, so nothing is lost; a later write that
 * fits moves it back.
 */
const OVERFLOW_KEY = 'settingsOverflow';

async function stored(): Promise<unknown> {
  const [sync, local] = await Promise.all([
    browser.storage.sync.get(null).catch(() => ({})),
    browser.storage.local.get(OVERFLOW_KEY).catch(() => ({}) as Record<string, unknown>),
  ]);
  return (local as Record<string, unknown>)[OVERFLOW_KEY] ?? sync;
}

export async function loadSettings(): Promise<Settings> {
  return repairSettings(await stored());
}

export async function saveSettings(settings: Settings): Promise<void> {
  const clean = repairSettings(settings);
  try {
    await browser.storage.sync.set({ ...clean });
    await browser.storage.local.remove(OVERFLOW_KEY);
  } catch {
    await browser.storage.local.set({ [OVERFLOW_KEY]: clean });
  }
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/**
 * Writes back what repair changed: wrong types, out-of-range values and
 * unknown keys in storage.sync are replaced or removed, key by key.
 */
export async function repairStoredSettings(): Promise<void> {
  const raw = (await browser.storage.sync.get(null).catch(() => ({}))) as Record<string, unknown>;
  const repaired = repairSettings(raw);
  const unknown = Object.keys(raw).filter((key) => !(key in defaults));
  if (unknown.length > 0) await browser.storage.sync.remove(unknown).catch(() => undefined);
  const changed = (Object.keys(defaults) as Array<keyof typeof defaults>).some(
    (key) => key in raw && JSON.stringify(raw[key]) !== JSON.stringify(repaired[key]),
  );
  if (changed) await saveSettings(repaired);
}

/** Calls back with the repaired settings whenever any of them changes. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (_changes: unknown, area: string): void => {
    if (area === 'sync' || area === 'local') void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
