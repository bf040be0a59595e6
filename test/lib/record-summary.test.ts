import { describe, expect, it } from 'vitest';
import { articlePosition, summarizeRecord, type RecordEntry } from '../../src/lib/record-summary.ts';

const entry = (date: string, kind: RecordEntry['kind'], jurisdiction?: string, inArticle = false): RecordEntry => ({
  date,
  kind,
  jurisdiction,
  inArticle,
});

describe('summarizeRecord', () => {
  const record = [
    entry('2017-05-15', 'government', 'UA'),
    entry('2017-10-23', 'company'),
    entry('2018-05-30', 'court', 'US'),
    entry('2018-06-13', 'government', 'EU', true),
    entry('2019-04', 'government', 'EU'),
    entry('2022-04-01', 'court', 'DE'),
    entry('2025-11-14', 'government', 'IT'),
    entry('2026-01-02', 'company'),
  ];

  it('counts actions by governments and courts, not the company’s own acts', () => {
    expect(summarizeRecord(record)).toMatchObject({ actions: 6, byGovernments: 4, byCourts: 2 });
  });

  it('counts the countries where an action was taken, the EU apart', () => {
    expect(summarizeRecord(record)).toMatchObject({ countries: 4, withEu: true });
    expect(summarizeRecord(record.filter((e) => e.jurisdiction !== 'EU'))).toMatchObject({ countries: 4, withEu: false });
  });

  it('gives the years of the first and the latest action, and the latest action itself', () => {
    const summary = summarizeRecord(record);
    expect(summary).toMatchObject({ firstYear: '2017', lastYear: '2025' });
    expect(summary?.latest).toBe(record[6]);
  });

  it('has nothing to say of a record without actions', () => {
    expect(summarizeRecord([entry('2020-01-01', 'company')])).toBeNull();
    expect(summarizeRecord([])).toBeNull();
  });
});

describe('articlePosition', () => {
  it('puts an article dated to the month after what it reports that month, before what it could not know', () => {
    const record = [
      entry('2018-05-16', 'government', 'EU', true),
      entry('2018-06-13', 'government', 'EU', true),
      entry('2018-06-13', 'company', undefined, true),
      entry('2018-06-15', 'government', 'US'),
      entry('2018-11-30', 'court', 'US'),
    ];
    expect(articlePosition(record, '2018-06')).toBe(3);
  });

  it('puts an article dated to the day after that day’s reported entries', () => {
    const record = [entry('2018-06-12', 'government', 'US'), entry('2018-06-14', 'government', 'US')];
    expect(articlePosition(record, '2018-06-13')).toBe(1);
  });

  it('puts an article later than every entry at the end, and an earlier one at the start', () => {
    const record = [entry('2017-01-01', 'government', 'US')];
    expect(articlePosition(record, '2019')).toBe(1);
    expect(articlePosition(record, '2016-05')).toBe(0);
  });
});
