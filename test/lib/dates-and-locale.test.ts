import { describe, expect, it } from 'vitest';
import { formatPackDate } from '../../src/lib/dates.ts';
import { packLocale } from '../../src/lib/locale.ts';

describe('formatPackDate', () => {
  it.each([
    ['2017-09-13', 'day', 'en', 'September 13, 2017'],
    ['2017-09-13', 'day', 'en-GB', '13 September 2017'],
    ['2017-09-13', 'day', 'nl', '13 september 2017'],
    ['2018-06', 'month', 'en', 'June 2018'],
    ['2018-06', 'month', 'nl', 'juni 2018'],
    ['2024', 'year', 'nl', '2024'],
    ['2018-01-01', 'day', 'en-US', 'January 1, 2018'],
    ['2018-12-31', 'day', 'nl-BE', '31 december 2018'],
  ] as const)('%s at %s precision in %s reads %j', (date, precision, locale, text) => {
    expect(formatPackDate(date, precision, locale)).toBe(text);
  });
});

describe('packLocale', () => {
  it.each([
    ['nl', 'nl'],
    ['nl-NL', 'nl'],
    ['nl_BE', 'nl'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['', 'en'],
  ])('%j → %s', (language, locale) => {
    expect(packLocale(language)).toBe(locale);
  });
});
