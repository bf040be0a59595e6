import { describe, expect, it } from 'vitest';
import {
  defaults,
  isSiteDisabled,
  migrate,
  repairSettings,
  runsOn,
  siteHostname,
  withSiteDisabled,
  withSiteEnabled,
} from '../../src/lib/settings.ts';

describe('settings: repair', () => {
  it('starts from the defaults when nothing usable is stored', () => {
    for (const stored of [undefined, null, 'garbage', 42, [], {}]) expect(repairSettings(stored)).toEqual(defaults);
  });

  it('replaces each bad value by its default and keeps the good ones', () => {
    expect(
      repairSettings({
        version: 2,
        enabled: 'yes',
        disabledSites: ['example.com'],
        highlightStyle: 'neon',
        hoverDelayMs: 5,
        language: 'nl',
        showAllEvents: 1,
      }),
    ).toEqual({ ...defaults, disabledSites: ['example.com'], language: 'nl' });
  });

  it.each([
    ['hoverDelayMs', 99],
    ['hoverDelayMs', 1501],
    ['hoverDelayMs', 300.5],
    ['hoverDelayMs', Number.NaN],
    ['highlightStyle', 'YELLOW'],
    ['language', 'de'],
    ['enabled', null],
    ['disabledSites', 'example.com'],
    ['version', 99],
  ])('refuses %s = %j', (key, value) => {
    expect(repairSettings({ version: 2, [key]: value })).toEqual(defaults);
  });

  it('drops unknown keys and malformed sites', () => {
    const repaired = repairSettings({
      version: 2,
      evil: '<script>',
      disabledSites: ['Example.COM ', 'not a host', 'a..b', 'https://news.example.org/page', 42],
    });
    expect(repaired).toEqual({ ...defaults, disabledSites: ['example.com', 'news.example.org'] });
    expect(repaired).not.toHaveProperty('evil');
  });
});

describe('settings: migrations', () => {
  it('brings version 1 (paused, URL sites) up to the current shape', () => {
    const old = { paused: true, disabledSites: ['https://www.example.com/article'] };
    expect(migrate(old)).toEqual({ enabled: false, disabledSites: ['https://www.example.com/article'], version: 2 });
    expect(repairSettings(old)).toEqual({ ...defaults, enabled: false, disabledSites: ['www.example.com'] });
  });

  it('leaves current settings as they are', () => {
    const current = { ...defaults, hoverDelayMs: 500 };
    expect(repairSettings(current)).toEqual(current);
  });
});

describe('settings: sites', () => {
  it('reads a site as a reader types it', () => {
    expect(siteHostname('https://www.Example.com/x?y')).toBe('www.example.com');
    expect(siteHostname('example.com/path')).toBe('example.com');
    expect(siteHostname('  news.example.org ')).toBe('news.example.org');
    expect(siteHostname('not a site')).toBeNull();
    expect(siteHostname('')).toBeNull();
  });

  it('turns a site off with its subdomains, and back on', () => {
    const off = withSiteDisabled(defaults, 'example.com');
    expect(isSiteDisabled(off, 'example.com')).toBe(true);
    expect(isSiteDisabled(off, 'www.example.com')).toBe(true);
    expect(isSiteDisabled(off, 'notexample.com')).toBe(false);
    expect(runsOn(off, 'other.org')).toBe(true);
    expect(runsOn({ ...off, enabled: false }, 'other.org')).toBe(false);
    expect(withSiteDisabled(off, 'example.com')).toBe(off);
    expect(withSiteEnabled(off, 'www.example.com').disabledSites).toEqual([]);
  });
});
