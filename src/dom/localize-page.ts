/** Fills every [data-i18n] element's text from the locale, and sets lang. */
export function localizePage(doc: Document, translate: (key: string) => string, language: string): void {
  doc.documentElement.lang = language;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n;
    if (key) el.textContent = translate(key);
  }
}
