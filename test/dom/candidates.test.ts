import { beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/lib/matcher.ts';
import { kasperskyPack } from '../../src/data/packs.ts';
import { BATCH, candidateTexts, visitShadowHosts } from '../../src/dom/candidates.ts';
import { blockOf, isInSkippedSubtree, pointAt, runsOf } from '../../src/dom/segments.ts';
import { rng } from '../fuzz/fuzz-core.ts';

// candidateTexts reads a page's text in pieces (or, on a large page, text
// node by text node), joins it into batches and searches each batch for the
// names' anchors. Whatever the page's shape, every name must keep at least
// one of its text nodes among the candidates, or it goes unmarked.

const matcher = compileMatcher(kasperskyPack.patterns);
const never = { due: () => false, slice: async () => undefined };
/** The pages here are small: a part of more than `unit` elements is walked, so 0 makes every page large. */
let unit: number | undefined;
/** Characters of code a part may hold and still be read whole: 0 makes every script and style one to leave out. */
let code: number | undefined;
const candidates = async (root: Node): Promise<Text[]> =>
  (await candidateTexts(root, { anchorSpans: (t) => matcher.anchorSpans(t), pace: never, unit, code })).texts;
const PIECES = ['Kas', 'per', 'sky', 'Kaspersky', ' Lab', 'K', 'a', 's', 'persky', 'Касп', 'ерский', 'lorem ipsum ', ' ', '\u00AD', '卡巴', '斯基'];

/** Wide and nested: containers big enough to be read child by child and in several groups. */
function build(r: () => number, parent: Element, depth: number): void {
  const children = depth === 0 ? 100 + Math.floor(r() * 150) : Math.floor(r() * 40);
  for (let i = 0; i < children; i++) {
    const roll = r();
    if (roll < 0.45) parent.append(PIECES[Math.floor(r() * PIECES.length)] as string);
    else if (roll < 0.5) {
      // Code and comments between the pieces of a name: left unread, or read and dropped.
      const code = document.createElement(r() < 0.5 ? 'script' : 'style');
      code.setAttribute('type', 'text/x-kept'); // jsdom runs scripts it knows
      code.textContent = PIECES[Math.floor(r() * PIECES.length)] as string;
      parent.append(r() < 0.5 ? code : document.createComment('Kaspersky'));
    } else if (roll < 0.8) {
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
    // As the engine does: what scripts and styles hold is not read.
    if (block && !isInSkippedSubtree(n, root)) blocks.add(block);
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

describe.each([
  { reading: 'whole', size: undefined, codeSize: undefined },
  { reading: 'in pieces around code', size: undefined, codeSize: 0 },
  { reading: 'text node by text node', size: 0, codeSize: undefined },
])('candidateTexts, $reading', ({ size, codeSize }) => {
  beforeEach(() => {
    unit = size;
    code = codeSize;
  });

  it('keeps a text node of every name, however the name is split across siblings, reads and nesting', { timeout: 60_000 }, async () => {
    let names = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const root = document.createElement('main');
      build(r, root, 0);
      document.body.replaceChildren(root);
      const found = new Set(await candidates(document));
      const slow = namesTheSlowWay(root);
      for (const nodes of slow) {
        names++;
        if (!nodes.some((n) => found.has(n))) {
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
    expect(await candidates(document)).toEqual([]);
    const b = root.children[1234]?.querySelector('b') as Element;
    b.textContent = 'Kaspersky';
    expect(await candidates(document)).toEqual([b.firstChild]);
  });

  it('reads long prose whole, and leaves long scripts and styles unread where there is much code', async () => {
    const long = `${'lorem ipsum '.repeat(100)}Kaspersky Lab ${'dolor sit amet '.repeat(100)}`;
    const p = document.createElement('p');
    const script = document.createElement('script');
    const style = document.createElement('style');
    p.textContent = long;
    script.setAttribute('type', 'text/x-kept'); // jsdom runs scripts it knows
    script.textContent = `const said = "${long}";`;
    style.textContent = `/* ${long} */`;
    document.body.replaceChildren(script, p, style);
    const found = await candidates(document);
    expect(found).toContain(p.firstChild);
    // Under CODE characters of code, the part is read whole and what code
    // holds is left to the caller to drop; over it, code is not read.
    const codeRead = found.filter((t) => t !== p.firstChild);
    if (size === 0 || code === 0) expect(codeRead).toEqual([]);
    else expect(codeRead).toEqual([script.firstChild, style.firstChild]);
  });

  it('keeps a name whose first letters straddle two batches of text, at every split', async () => {
    // The filler and the name's first piece end a batch together; the rest
    // of the name opens the next. Only the carry between batches finds it.
    const name = 'Kas\u00ADpersky';
    for (let cut = 1; cut < name.length; cut++) {
      const first = name.slice(0, cut);
      for (const filler of [BATCH - first.length, BATCH - 1]) {
        const container = document.createElement('div');
        const head = document.createElement('span');
        head.textContent = first;
        container.append('x'.repeat(filler), head, name.slice(cut), ' said so.');
        document.body.replaceChildren(container);
        const found = await candidates(document.body);
        expect(found.length, `cut at ${cut}, filler ${filler}`).toBeGreaterThan(0);
        expect(found.every((t) => t.data.length < filler), `cut at ${cut}, filler ${filler}`).toBe(true);
      }
    }
  });
});

describe('visitShadowHosts', () => {
  // jsdom's XPath cannot run the native query, so here visitShadowHosts walks the
  // elements, as on a huge page; the browser tier (the shadow fixture) runs
  // the native queries in Chromium and Firefox.

  /** Every host handed over, in turn. */
  const all = async (root: Node, pace = never, huge?: number): Promise<Element[]> => {
    const hosts: Element[] = [];
    await visitShadowHosts(root, pace, (host) => hosts.push(host), huge);
    return hosts;
  };
  /** The ids or tags of the hosts found that do hold a shadow root, sorted. */
  const withShadow = async (root: Node, pace = never, huge?: number): Promise<string[]> =>
    (await all(root, pace, huge)).filter((h) => h.shadowRoot).map((h) => h.id || h.localName).sort();
  const attach = (el: Element, html: string): ShadowRoot => {
    const shadow = el.attachShadow({ mode: 'open' });
    shadow.innerHTML = html;
    return shadow;
  };

  it('finds hosts wherever they sit, on a page and in a shadow root, and the root when it is one', async () => {
    document.body.innerHTML = `<main>
      <p>Before <inline-card></inline-card> after.</p>
      <div id="plain"></div>
      <div id="full"><p>Light text</p></div>
      <section><ul><li><deep-card><span>slotted</span></deep-card></li></ul></section>
      <p>No host here.</p>
    </main>`;
    attach(document.querySelector('inline-card') as Element, '<b>Kaspersky</b>');
    attach(document.getElementById('plain') as Element, '<span>Kaspersky</span>');
    attach(document.getElementById('full') as Element, '<slot></slot> and Kaspersky');
    const deep = attach(document.querySelector('deep-card') as Element, '<p>Kaspersky</p><nested-card></nested-card><div id="inner"></div>');
    attach(deep.querySelector('nested-card') as Element, 'Kaspersky');
    attach(deep.getElementById('inner') as Element, 'Kaspersky');

    expect(await withShadow(document)).toEqual(['deep-card', 'full', 'inline-card', 'plain']);
    expect(await withShadow(deep)).toEqual(['inner', 'nested-card']);
    // An element read on its own (an added block) is asked about too.
    expect(await withShadow(document.getElementById('plain') as Element)).toEqual(['plain']);
    // Every standard element that may host a root is asked, children or none: a closed root shows no sign from outside.
    const asked = await all(document);
    expect(asked).toContain(document.querySelector('section'));
    expect(asked).toContain(document.querySelector('main > p:last-child'));
    expect(asked).not.toContain(document.querySelector('li'));
  });

  it('walks a huge page in slices', async () => {
    document.body.innerHTML = `<main>${'<p>Filler <b>text</b></p>'.repeat(200)}<div><span>Before</span> <inline-card></inline-card>.</div></main>`;
    attach(document.querySelector('inline-card') as Element, 'Kaspersky');
    let slices = 0;
    const pace = { due: () => true, slice: async () => void slices++ };
    expect(await withShadow(document, pace, 100)).toEqual(['inline-card']);
    expect(slices).toBeGreaterThan(2);
  });
});
