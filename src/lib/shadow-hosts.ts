/**
 * The standard elements attachShadow accepts (HTML's valid shadow host
 * names); every custom element may host a shadow root too.
 */
export const SHADOW_HOST_NAMES = [
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span',
] as const;

const standard = new Set<string>(SHADOW_HOST_NAMES);

/** Whether an element of this name may host a shadow root. */
export const mayHostShadow = (localName: string): boolean => localName.includes('-') || standard.has(localName);
