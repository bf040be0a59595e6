import { beforeEach, describe, expect, it, vi } from 'vitest';

// A small fake of the storage API, with sync's quota: writes over the quota
// are refused the way browsers refuse them.
const areas = {
  sync: new Map<string, unknown>(),
  local: new Map<string, unknown>(),
};
let syncQuotaBytes = Infinity;

function area(name: keyof typeof areas) {
  const map = areas[name];
  return {
    async get(keys: string | null) {
      const wanted = keys === null ? [...map.keys()] : [keys];
      return Object.fromEntries(wanted.filter((k) => map.has(k)).map((k) => [k, structuredClone(map.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      if (name === 'sync' && JSON.stringify(items).length > syncQuotaBytes) {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of [keys].flat()) map.delete(k);
    },
  };
}

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      sync: area('sync'),
      local: area('local'),
      onChanged: { addListener() {}, removeListener() {} },
    },
  },
}));

const { loadSettings, saveSettings, repairStoredSettings } = await import('../../src/platform/settings.ts');
const { defaults } = await import('../../src/lib/settings.ts');

describe('settings storage', () => {
  beforeEach(() => {
    areas.sync.clear();
    areas.local.clear();
    syncQuotaBytes = Infinity;
  });

  it('keeps every site when sync refuses the write, and moves back once it fits', async () => {
    syncQuotaBytes = 2000;
    const many = Array.from({ length: 300 }, (_, i) => `site-${i}.example.com`);
    await saveSettings({ ...defaults, disabledSites: many });
    expect((await loadSettings()).disabledSites).toEqual(many);
    expect(areas.local.has('settingsOverflow')).toBe(true);

    await saveSettings({ ...defaults, disabledSites: ['one.example'] });
    expect((await loadSettings()).disabledSites).toEqual(['one.example']);
    expect(areas.local.has('settingsOverflow')).toBe(false);
    expect(areas.sync.get('disabledSites')).toEqual(['one.example']);
  });

  it('writes back what repair changed and removes foreign keys, keeping good values', async () => {
    areas.sync.set('version', 2);
    areas.sync.set('hoverDelayMs', 'fast');
    areas.sync.set('language', 'nl');
    areas.sync.set('tracker', 'x');
    await repairStoredSettings();
    expect(areas.sync.has('tracker')).toBe(false);
    expect(areas.sync.get('hoverDelayMs')).toBe(defaults.hoverDelayMs);
    expect(areas.sync.get('language')).toBe('nl');
  });

  it('reads defaults when storage itself fails', async () => {
    const sync = (await import('webextension-polyfill')).default.storage.sync as { get: unknown };
    const original = sync.get;
    sync.get = async () => {
      throw new Error('storage is unavailable');
    };
    try {
      expect(await loadSettings()).toEqual(defaults);
    } finally {
      sync.get = original;
    }
  });
});
