/** The one extension call needed here, synchronous in every browser: no polyfill. */
declare const chrome: { runtime: { getURL(path: string): string } };

/**
 * Loads one of the extension's own ES modules into the calling script's
 * world (the content script's isolated world, not the page's). The module
 * must be listed in web_accessible_resources; Chrome serves it under a
 * per-session address (use_dynamic_url), so pages cannot probe for it.
 * `chrome.runtime.getURL` is written out (not the polyfill's `browser`,
 * which minifying renames) so the add-ons linter can see the address is
 * the extension's own.
 */
export async function importOwn(path: string): Promise<Record<string, unknown>> {
  try {
    return (await import(chrome.runtime.getURL(path))) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`Backstory could not load its ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
