import { formatMessage, type MessageCatalog } from '../lib/message-format.ts';
import type { LanguageSetting } from '../lib/settings.ts';
import en from '../_locales/en/messages.json';
import nl from '../_locales/nl/messages.json';
import { translatorWith, type Translate } from './i18n.ts';

const CATALOGS: Record<Exclude<LanguageSetting, 'auto'>, MessageCatalog> = { en, nl };

/** The messages.json of the language the reader chose; null when the choice is automatic (getMessage knows the browser's). */
export function catalogFor(setting: LanguageSetting): MessageCatalog | null {
  return setting === 'auto' ? null : CATALOGS[setting];
}

/** Strings in the language the reader chose in the settings, or the browser's when the choice is automatic. */
export function translator(setting: LanguageSetting): { t: Translate; language: string } {
  return translatorWith(setting, catalogFor(setting), formatMessage);
}
