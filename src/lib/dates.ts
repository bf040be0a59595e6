/** Dates as packs write them (YYYY, YYYY-MM, YYYY-MM-DD), shown in the reader's language at their precision. */

export type DatePrecision = 'day' | 'month' | 'year';

const OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** The first instant of the date, in UTC, so no time zone moves it a day. */
function packDateToUtc(date: string): Date {
  const [y = '1970', m = '01', d = '01'] = date.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** Making a formatter costs far more than using one: one per language and precision. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatPackDate(date: string, precision: DatePrecision, locale: string): string {
  const key = `${locale}\u0000${precision}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, OPTIONS[precision]);
    formatters.set(key, format);
  }
  return format.format(packDateToUtc(date));
}

