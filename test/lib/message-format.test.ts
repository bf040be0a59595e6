import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageCatalog } from '../../src/lib/message-format.ts';

const catalog = (locale: string): MessageCatalog =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../src/_locales/${locale}/messages.json`), 'utf8'));

describe('formatMessage', () => {
  it('fills named placeholders the way getMessage does', () => {
    expect(formatMessage(catalog('en'), 'badgeTitle', ['12', 'Kaspersky'])).toBe('12 mentions of Kaspersky');
    expect(formatMessage(catalog('nl'), 'badgeTitle', ['12', 'Kaspersky'])).toBe('12 vermeldingen van Kaspersky');
    expect(formatMessage(catalog('nl'), 'cardShowAll', ['15'])).toBe('Toon alle 15 maatregelen');
  });

  it('returns an empty string for a key it does not know, as getMessage does', () => {
    expect(formatMessage(catalog('en'), 'noSuchKey')).toBe('');
  });

  it('leaves a substitution that looks like a placeholder as text', () => {
    expect(formatMessage(catalog('en'), 'cardDialogLabel', ['$1 $NAME$'])).toBe('Backstory: context for $1 $NAME$');
  });
});
