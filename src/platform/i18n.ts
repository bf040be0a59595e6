import { browser } from './browser.ts';
import { formatMessage, type MessageCatalog } from '../lib/message-format.ts';
import type { LanguageSetting } from '../lib/settings.ts';
import en from '../_locales/en/messages.json';
import nl from '../_locales/nl/messages.json';

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
function uiLanguage(): string {
  return browser.i18n.getMessage('languageTag') || 'en';
}

const CATALOGS: Record<Exclude<LanguageSetting, 'auto'>, MessageCatalog> = { en, nl };

/**
 * Strings in the language the reader chose in the settings, or the
 * browser's when the choice is automatic.
 */
export function translator(setting: LanguageSetting): { t: Translate; language: string } {
  if (setting === 'auto') return { t: (key, subs) => t(key, subs), language: uiLanguage() };
  const catalog = CATALOGS[setting];
  return { t: (key, subs) => formatMessage(catalog, key, subs) || key, language: setting };
}
