import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserManifest, GECKO_ID } from '../../scripts/manifest.ts';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('browserManifest', () => {
  const chrome = browserManifest(source, { target: 'chrome', version: pkg.version });
  const firefox = browserManifest(source, { target: 'firefox', version: pkg.version });

  it('takes the version from package.json for both browsers', () => {
    expect(chrome.version).toBe(pkg.version);
    expect(firefox.version).toBe(pkg.version);
  });

  it('gives Chrome a service worker and a minimum version of 120', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.minimum_chrome_version).toBe('120');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('gives Firefox background scripts and gecko settings', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('runs the content script in every frame, about:blank and srcdoc frames included', () => {
    for (const m of [chrome, firefox]) {
      const [script] = m.content_scripts as Array<Record<string, unknown>>;
      expect(script).toMatchObject({
        matches: ['<all_urls>'],
        all_frames: true,
        match_origin_as_fallback: true,
      });
    }
  });

  it('asks for storage only, and nothing that reaches the network', () => {
    for (const m of [chrome, firefox]) {
      expect(m.permissions).toEqual(['storage']);
      expect(m).not.toHaveProperty('host_permissions');
      expect(m).not.toHaveProperty('optional_permissions');
      expect((m.content_security_policy as Record<string, string>).extension_pages).toBe(
        "script-src 'self'; object-src 'none'",
      );
    }
  });

  it('makes only the reader module web-accessible, under a per-session address in Chrome', () => {
    // The content script imports reader.js on the first page with a mention;
    // use_dynamic_url keeps pages from probing a fixed address to detect us.
    for (const m of [chrome, firefox]) {
      expect(m.web_accessible_resources).toEqual([{ resources: ['reader.js', 'names.js'], matches: ['<all_urls>'], use_dynamic_url: true }]);
    }
  });

  it('declares the keyboard command that opens the next mention’s card', () => {
    for (const m of [chrome, firefox]) {
      expect(m.commands).toEqual({
        'next-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandNextMention__' },
      });
    }
  });

  it('leaves the source manifest untouched', () => {
    const before = JSON.stringify(source);
    browserManifest(source, { target: 'firefox', version: '1.2.3' });
    expect(JSON.stringify(source)).toBe(before);
  });

  it('rejects a version a browser would refuse', () => {
    expect(() => browserManifest(source, { target: 'chrome', version: '1.0.0-beta' })).toThrow(/version/);
  });

  it('rejects a source manifest without a background worker', () => {
    const { background: _drop, ...rest } = source;
    expect(() => browserManifest(rest, { target: 'firefox', version: '1.0.0' })).toThrow(/service_worker/);
  });
});
