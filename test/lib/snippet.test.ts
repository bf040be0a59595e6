import { describe, expect, it } from 'vitest';
import { snippetAround } from '../../src/lib/snippet.ts';

describe('snippetAround', () => {
  it('keeps the sentence that holds the name, and only that one', () => {
    const text = 'First sentence. The Dutch government phases out Kaspersky software. Last one here.';
    const start = text.indexOf('Kaspersky');
    expect(snippetAround(text, start, start + 9)).toEqual({
      before: 'The Dutch government phases out ',
      match: 'Kaspersky',
      after: ' software.',
    });
  });

  it('cuts long sentences at a word, with an ellipsis', () => {
    const words = 'word '.repeat(40);
    const text = `${words}Kaspersky ${words}end.`;
    const start = text.indexOf('Kaspersky');
    const s = snippetAround(text, start, start + 9);
    expect(s.before.startsWith('…')).toBe(true);
    expect(s.after.endsWith('…')).toBe(true);
    expect(s.before.length).toBeLessThanOrEqual(72);
    expect(s.match).toBe('Kaspersky');
  });

  it('drops invisible characters and shows line breaks as plain spaces', () => {
    const text = 'Kas\u00ADper\u00ADsky\nLab said';
    const s = snippetAround(text, 0, 15);
    expect(s.match).toBe('Kaspersky Lab');
    expect(s.after).toBe(' said');
  });
});
