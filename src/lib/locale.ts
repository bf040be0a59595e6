/** The locales pack text is written in. English is the fallback. */
export const PACK_LOCALES = ['en', 'nl'] as const;
export type PackLocale = (typeof PACK_LOCALES)[number];

/** The pack locale for a BCP 47 language tag: nl, nl-NL, nl-BE → nl; anything else → en. */
export function packLocale(language: string): PackLocale {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return (PACK_LOCALES as readonly string[]).includes(primary ?? '') ? (primary as PackLocale) : 'en';
}
