/**
 * The one source manifest (manifest.json) becomes one manifest per browser.
 * Pure: no file system, so the rules below are unit-tested.
 */

export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'backstory@backstory.invalid';
export const MIN_CHROME = '120';
export const MIN_FIREFOX = '140.0';
/** Firefox for Android reads data_collection_permissions from 142 on. */
export const MIN_FIREFOX_ANDROID = '142.0';

type Json = Record<string, unknown>;

export interface ManifestOptions {
  target: Target;
  /** From package.json: the one place the version is kept. */
  version: string;
}

const VERSION = /^\d+(\.\d+){0,3}$/;

export function browserManifest(source: Json, { target, version }: ManifestOptions): Json {
  if (!VERSION.test(version)) {
    throw new Error(`manifest: version "${version}" is not 1 to 4 dot-separated integers`);
  }
  const background = source.background as { service_worker?: unknown } | undefined;
  const worker = background?.service_worker;
  if (typeof worker !== 'string') {
    throw new Error('manifest: the source manifest must name background.service_worker');
  }
  // Structured clone keeps the source untouched for the other target.
  const out: Json = { ...structuredClone(source), version };

  if (target === 'chrome') {
    out.background = { service_worker: worker };
    out.minimum_chrome_version = MIN_CHROME;
    delete out.browser_specific_settings;
    return out;
  }

  // Firefox runs MV3 backgrounds as event pages, not service workers.
  out.background = { scripts: [worker] };
  delete out.minimum_chrome_version;
  out.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: MIN_FIREFOX,
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: MIN_FIREFOX_ANDROID },
  };
  return out;
}
