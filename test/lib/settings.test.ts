import { describe, expect, it } from 'vitest';
import { defaults, isSiteDisabled, repairSettings, runsOn, withSiteDisabled } from '../../src/lib/settings.ts';

describe('settings', () => {
  it('starts from the defaults when nothing is stored', () => {
    expect(repairSettings(undefined)).toEqual(defaults);
    expect(repairSettings(null)).toEqual(defaults);
    expect(repairSettings('garbage')).toEqual(defaults);
  });

  it('replaces bad values key by key and keeps the good ones', () => {
    expect(repairSettings({ enabled: 'yes', disabledSites: ['example.com'] })).toEqual({
      enabled: true,
      disabledSites: ['example.com'],
    });
    expect(repairSettings({ enabled: false, disabledSites: 'example.com' })).toEqual({
      enabled: false,
      disabledSites: [],
    });
  });

  it('drops unknown keys and malformed site names', () => {
    expect(repairSettings({ enabled: false, evil: '<script>', disabledSites: ['Example.COM ', 'not a host', 'a..b', 'news.example.org'] })).toEqual({
      enabled: false,
      disabledSites: ['example.com', 'news.example.org'],
    });
  });

  it('turns a site off with its subdomains, and nothing else', () => {
    const s = withSiteDisabled(defaults, 'example.com');
    expect(isSiteDisabled(s, 'example.com')).toBe(true);
    expect(isSiteDisabled(s, 'www.example.com')).toBe(true);
    expect(isSiteDisabled(s, 'notexample.com')).toBe(false);
    expect(runsOn(s, 'other.org')).toBe(true);
    expect(runsOn({ ...s, enabled: false }, 'other.org')).toBe(false);
    expect(withSiteDisabled(s, 'example.com')).toBe(s);
  });
});
