import { describe, expect, it } from 'vitest';
import kaspersky from '../../src/data/kaspersky.pack.json';
import { parsePack, PackError } from '../../src/data/pack-schema.ts';

type Mutable = Record<string, unknown> & {
  events: Array<Record<string, unknown> & { sources: Array<Record<string, unknown>>; text: Record<string, string> }>;
  keyPoints: Array<Record<string, unknown> & { text: Record<string, string> }>;
  article: Record<string, unknown>;
  patterns: Array<Record<string, unknown> & { names: string[]; refersTo: string; script: string }>;
};
const patternOf = (p: Mutable, refersTo: string, script: string) =>
  p.patterns.find((x) => x.refersTo === refersTo && x.script === script) as Mutable['patterns'][number];
const fresh = (): Mutable => structuredClone(kaspersky) as unknown as Mutable;

/** The message parsePack throws for a pack changed by `edit`. */
function errorFor(edit: (pack: Mutable) => void): string {
  const pack = fresh();
  edit(pack);
  try {
    parsePack(pack, 'test pack');
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as Error).message;
  }
  throw new Error('the pack was accepted');
}

describe('the pack schema', () => {
  it('accepts the Kaspersky pack', () => {
    expect(parsePack(kaspersky).events.length).toBeGreaterThan(0);
  });

  it.each<[string, (p: Mutable) => void, RegExp]>([
    ['a date that is not ISO', (p) => void (p.events[0]!.date = '13/09/2017'), /events\.0\.date: must be an ISO date/],
    ['a day that does not exist', (p) => void (p.events[0]!.date = '2017-02-30'), /events\.0: date must be written to its precision/],
    ['a date not matching its precision', (p) => void (p.events[0]!.precision = 'month'), /events\.0: date must be written to its precision/],
    ['an article date not matching its precision', (p) => void (p.article.precision = 'day'), /article: date must be written/],
    ['a pack updated date that is not ISO', (p) => void (p.updated = 'yesterday'), /updated: must be an ISO date/],
    ['an event without a source', (p) => void (p.events[2]!.sources = []), /events\.2\.sources: an event needs at least one source/],
    ['a source link that is not https', (p) => void (p.events[0]!.sources[0]!.url = 'javascript:alert(1)'), /events\.0\.sources\.0\.url: must be an https/],
    ['a data: link', (p) => void (p.events[0]!.sources[0]!.url = 'data:text/html,hi'), /events\.0\.sources\.0\.url/],
    ['an article link that is not a URL', (p) => void (p.article.url = 'techzine'), /article\.url: must be a URL/],
    ['a key point without Dutch', (p) => void delete (p.keyPoints[1]!.text as Record<string, string>).nl, /keyPoints\.1\.text\.nl/],
    ['an event without English', (p) => void delete (p.events[4]!.text as Record<string, string>).en, /events\.4\.text\.en/],
    ['empty text', (p) => void (p.events[4]!.text.nl = '   '), /events\.4\.text\.nl: must not be empty/],
    ['duplicate event ids', (p) => void (p.events[3]!.id = 'us-dhs-bod-17-01'), /events: event ids must be unique; "us-dhs-bod-17-01" appears twice/],
    ['duplicate key point ids', (p) => void (p.keyPoints[3]!.id = 'ep-motion'), /keyPoints: key point ids must be unique; "ep-motion" appears twice/],
    ['events out of order', (p) => void p.events.reverse(), /events: events must be in date order/],
    ['an unknown event kind', (p) => void (p.events[0]!.kind = 'rumour'), /events\.0\.kind/],
    ['an unknown field', (p) => void (p.events[0]!.html = '<b>x</b>'), /events\.0\.html/],
    ['a name in another script than its pattern says', (p) => void patternOf(p, 'company', 'latin').names.push('Касперский'), /patterns\.\d+: every name of a latin pattern must be written in that script/],
    ['a person told apart by nothing', (p) => void delete patternOf(p, 'person', 'latin').firstNames, /patterns\.\d+: a person is told apart from the company by first names/],
    ['lab words on a person', (p) => void (patternOf(p, 'person', 'latin').after = ['Lab']), /patterns\.\d+: lab words/],
    ['an unknown script', (p) => void (patternOf(p, 'company', 'greek').script = 'runic'), /patterns\.\d+\.script/],
    ['unknown bounds', (p) => void (patternOf(p, 'company', 'thai').bounds = 'maybe'), /patterns\.\d+\.bounds/],
    ['an empty list of endings', (p) => void (patternOf(p, 'company', 'latin').endings = []), /patterns\.\d+\.endings: must list at least one/],
  ])('rejects %s, naming the field', (_label, edit, message) => {
    expect(errorFor(edit)).toMatch(message);
  });

  it('keeps markup in text as plain text: it is data, never HTML', () => {
    const pack = fresh();
    pack.events[0]!.text.en = '<img src=x onerror=alert(1)>';
    expect(parsePack(pack).events[0]?.text.en).toBe('<img src=x onerror=alert(1)>');
  });
});
