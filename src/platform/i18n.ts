import { browser } from './browser.ts';

/** A UI string from _locales, in the browser's language. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language the extension's strings are shown in: the translation
 * getMessage chose names itself (languageTag), so dates and pack text always
 * match the strings around them, whatever the browser reports elsewhere.
 */
export function uiLanguage(): string {
  return browser.i18n.getMessage('languageTag') || 'en';
}
