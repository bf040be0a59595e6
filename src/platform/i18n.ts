import { browser } from './browser.ts';

/** A UI string from _locales, in the browser's language. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
