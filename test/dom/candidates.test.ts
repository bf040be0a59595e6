import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/lib/matcher.ts';
import { kasperskyPack } from '../../src/data/packs.ts';
import { BATCH, candidateTexts } from '../../src/dom/candidates.ts';
import { blockOf, isInline, pointAt, runsOf } from '../../src/dom/segments.ts';
import { rng } from '../fuzz/fuzz-core.ts';

// candidateTexts reads whole elements' text at once and walks only the
// elements holding an anchor. Whatever the page's shape, every name must keep at
// least one of its text nodes among the candidates, or it goes unmarked.

const matcher = compileMatcher(kasperskyPack.patterns);
const never = { due: () => false, slice: async () => undefined };
const options = { anchorSpans: (t: string) => matcher.anchorSpans(t), isInline, pace: never };
const PIECES = ['Kas', 'per', 'sky', 'Kaspersky', ' Lab', 'K', 'a', 's', 'persky', 'Касп', 'ерский', 'lorem ipsum ', ' ', '\u00AD', '卡巴', '斯基'];

/** Wide and nested: containers big enough to be read child by child and in several groups. */
function build(r: () => number, parent: Element, depth: number): void {
  const children = depth === 0 ? 100 + Math.floor(r() * 150) : Math.floor(r() * 40);
  for (let i = 0; i < children; i++) {
    const roll = r();
    if (roll < 0.5) parent.append(PIECES[Math.floor(r() * PIECES.length)] as string);
    else if (roll < 0.8) {
      const span = document.createElement(r() < 0.5 ? 'span' : 'b');
      span.textContent = PIECES[Math.floor(r() * PIECES.length)] as string;
      parent.append(span);
    } else if (depth < 2) {
      const inner = document.createElement(r() < 0.5 ? 'span' : 'div');
      build(r, inner, depth + 1);
      parent.append(inner);
    }
  }
}

/** Each name found the slow way, as the text nodes it spans. */
function namesTheSlowWay(root: Element): Text[][] {
  const blocks = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const block = blockOf(n);
    if (block) blocks.add(block);
  }
  const names: Text[][] = [];
  for (const block of blocks) {
    for (const run of runsOf(block, document)) {
      for (const m of matcher.findAll(run.text)) {
        const first = run.nodes.indexOf(pointAt(run, m.start, 'start').node);
        const last = run.nodes.indexOf(pointAt(run, m.end, 'end').node);
        names.push(run.nodes.slice(first, last + 1));
      }
    }
  }
  return names;
}

describe('candidateTexts', () => {
  it('keeps a text node of every name, however the name is split across siblings, reads and nesting', { timeout: 60_000 }, async () => {
    let names = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const root = document.createElement('main');
      build(r, root, 0);
      document.body.replaceChildren(root);
      const candidates = new Set(await candidateTexts(document, options));
      const slow = namesTheSlowWay(root);
      for (const nodes of slow) {
        names++;
        if (!nodes.some((n) => candidates.has(n))) {
          throw new Error(`seed ${seed}: missed "${nodes.map((n) => n.data).join('')}"`);
        }
      }
    }
    // The pages are built to hold many split names: the check above was not empty.
    expect(names).toBeGreaterThan(600);
  });

  it('returns nothing for a large page without an anchor, and only the right node when one is added', async () => {
    const root = document.createElement('main');
    for (let i = 0; i < 2000; i++) {
      const p = document.createElement('p');
      p.append(`Paragraph ${i}: the `, Object.assign(document.createElement('b'), { textContent: 'committee' }), ' met.');
      root.append(p);
    }
    document.body.replaceChildren(root);
    expect(await candidateTexts(document, options)).toEqual([]);
    const b = root.children[1234]?.querySelector('b') as Element;
    b.textContent = 'Kaspersky';
    const found = await candidateTexts(document, options);
    expect(found).toEqual([b.firstChild]);
  });

  it('keeps a name whose first letters straddle two batches of text, at every split', async () => {
    // The filler and the name's first piece end a batch together; the rest
    // of the name opens the next. Only the carry between batches finds it.
    const name = 'Kas\u00ADpersky';
    for (let cut = 1; cut < name.length; cut++) {
      const first = name.slice(0, cut);
      for (const filler of [BATCH - first.length, BATCH - 1]) {
        // A block inside makes the container read child by child: each piece is a read.
        const container = document.createElement('div');
        const head = document.createElement('span');
        head.textContent = first;
        container.append('x'.repeat(filler), head, name.slice(cut), ' said so.', document.createElement('div'));
        document.body.replaceChildren(container);
        const found = await candidateTexts(document.body, options);
        expect(found.length, `cut at ${cut}, filler ${filler}`).toBeGreaterThan(0);
        expect(found.every((t) => t.data.length < filler), `cut at ${cut}, filler ${filler}`).toBe(true);
      }
    }
  });
});
