import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/lib/matcher.ts';
import { kasperskyPack } from '../../src/data/packs.ts';
import { MentionEngine } from '../../src/dom/engine.ts';

const matcher = compileMatcher(kasperskyPack.patterns);

describe('MentionEngine in jsdom', () => {
  let controller: AbortController;
  let engine: MentionEngine;
  let pageMutations: MutationRecord[];
  let pageObserver: MutationObserver;

  const start = async (html: string): Promise<void> => {
    document.body.innerHTML = html;
    // The page's own observer, installed before the engine runs.
    pageMutations = [];
    pageObserver = new MutationObserver((records) => pageMutations.push(...records));
    pageObserver.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    engine = new MentionEngine(document, { matcher, signal: controller.signal });
    engine.start();
    await engine.settled();
  };
  const texts = (): string[] => engine.mentions().map((m) => m.range.toString()).sort();

  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    pageObserver.disconnect();
  });

  it('finds each mention once, across inline elements, with a Range over its text', async () => {
    await start('<p>Kas<b>per</b>sky and Kaspersky Lab.</p><p>Eugene Kaspersky</p>');
    expect(texts()).toEqual(['Eugene Kaspersky', 'Kaspersky', 'Kaspersky Lab']);
    expect(engine.count).toBe(3);
    const person = engine.mentions().find((m) => m.refersTo === 'person');
    expect(person?.range.toString()).toBe('Eugene Kaspersky');
  });

  it('picks up added paragraphs and text edits, and drops removed text', async () => {
    await start('<article><p id="a">Kaspersky</p></article>');
    const p = document.createElement('p');
    p.textContent = 'Later: Kaspersky Lab.';
    document.querySelector('article')?.append(p);
    await new Promise((r) => setTimeout(r, 0));
    await engine.settled();
    expect(engine.count).toBe(2);

    const text = document.querySelector('#a')?.firstChild as Text;
    text.data = 'Nothing here now';
    await new Promise((r) => setTimeout(r, 0));
    await engine.settled();
    expect(texts()).toEqual(['Kaspersky Lab']);

    p.remove();
    await new Promise((r) => setTimeout(r, 0));
    await engine.settled();
    expect(engine.count).toBe(0);
  });

  it('only watches an empty document, and reads what arrives in it', async () => {
    await start('');
    expect(engine.count).toBe(0);
    const div = document.createElement('div');
    div.innerHTML = '<p>Filled in later: Kaspersky Lab.</p>';
    document.body.append(div, 'And Eugene Kaspersky, straight in the body.');
    await new Promise((r) => setTimeout(r, 0));
    await engine.settled();
    expect(texts()).toEqual(['Eugene Kaspersky', 'Kaspersky Lab']);
  });

  it('runs no pass over an empty frame until something arrives in it', async () => {
    document.body.innerHTML = '';
    pageObserver = new MutationObserver(() => undefined);
    let passes = 0;
    const onChange = (): void => {
      passes++;
    };
    engine = new MentionEngine(document, { matcher, signal: controller.signal, onChange });
    engine.start();
    await engine.settled();
    await new Promise((r) => setTimeout(r, 20));
    expect(passes).toBe(0);
    // A page that holds anything, mentions or not, is read and reported once.
    document.body.append(document.createComment('nothing to read'), 'Nothing to find here.');
    await new Promise((r) => setTimeout(r, 0));
    await engine.settled();
    expect(passes).toBe(1);
    expect(engine.count).toBe(0);
  });

  it('changes nothing in the page', async () => {
    await start('<p>Kas<b>per</b>sky</p><div><span>Kaspersky Lab</span></div>');
    const before = document.body.innerHTML;
    expect(engine.count).toBe(2);
    expect(pageMutations).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
  });
});
