/**
 * The messages.json format of WebExtension locales, for when the reader
 * picks a language other than the browser's: getMessage cannot be told
 * which locale to use, so the chosen translation is read the same way here.
 */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type MessageCatalog = Record<string, MessageEntry>;

export function formatMessage(catalog: MessageCatalog, key: string, substitutions: string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  const fill = (content: string): string => content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  // One pass over the message, so a substitution is never read as a placeholder.
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$(\d)|\$\$/g, (whole, name?: string, digit?: string) => {
    if (name) {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    }
    if (digit) return substitutions[Number(digit) - 1] ?? '';
    return '$';
  });
}
