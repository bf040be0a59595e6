import { browser } from './browser.ts';
import type { formatMessage, MessageCatalog } from '../lib/message-format.ts';
import type { LanguageSetting } from '../lib/settings.ts';

export type Translate = (key: string, substitutions?: string[]) => string;

/** A UI string from _locales, in the browser's language. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language the extension's strings are shown in: the translation
 * getMessage chose names itself (languageTag), so dates and pack text always
 * match the strings around them, whatever the browser reports elsewhere.
 */
export function languageOf(setting: LanguageSetting): string {
  return setting === 'auto' ? browser.i18n.getMessage('languageTag') || 'en' : setting;
}

/**
 * Strings in the language the reader chose: read from `catalog` (that
 * language's messages.json) with `format`, or the browser's own when the
 * choice is automatic and there is no catalog. The catalogs themselves live
 * in catalogs.ts, and the formatter is handed in, so the content script
 * carries neither: it takes the formatter from reader.js, which only a page
 * with a mention loads.
 */
export function translatorWith(
  setting: LanguageSetting,
  catalog: MessageCatalog | null,
  format: typeof formatMessage,
): { t: Translate; language: string } {
  if (setting === 'auto' || !catalog) return { t: (key, subs) => t(key, subs), language: languageOf(setting) };
  return { t: (key, subs) => format(catalog, key, subs) || key, language: setting };
}
