import { beforeEach, describe, expect, it } from 'vitest';
import { blockOf, pointAt, runAround, runsOf, type Segment } from '../../src/dom/segments.ts';

/** Every run under `root`: the runs of each block that holds text, in document order. */
function segmentsIn(root: Node): Segment[] {
  const blocks = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const block = blockOf(n);
    if (block && !blocks.has(block)) blocks.add(block);
  }
  const skipped = (el: Element) => el.closest('script,style,noscript,template,textarea,select,svg,backstory-card,[contenteditable=""],[contenteditable=true]');
  return [...blocks].filter((b) => !skipped(b)).flatMap((b) => [...runsOf(b, document)]);
}
const texts = (root: Node): string[] => segmentsIn(root).map((s) => s.text);

describe('runsOf', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('joins text across inline elements into one run', () => {
    document.body.innerHTML = '<p>Kas<b>per</b><i>sky</i> Lab</p>';
    const [segment] = segmentsIn(document.body);
    expect(segment?.text).toBe('Kaspersky Lab');
    expect(segment?.nodes).toHaveLength(4);
    expect(segment?.starts).toEqual([0, 3, 6, 9]);
  });

  it('never joins across blocks, nested blocks or line breaks', () => {
    document.body.innerHTML =
      '<div>Kasp<p>inner</p>ersky</div><ul><li>Kaspersky</li><li>Lab</li></ul><p>Kaspersky<br>Lab</p><td>x</td>';
    expect(texts(document.body)).toEqual(['Kasp', 'ersky', 'inner', 'Kaspersky', 'Lab', 'Kaspersky', 'Lab', 'x']);
  });

  it('ends a run at a skipped element, whose text the page reads as one with its neighbours', () => {
    document.body.innerHTML = '<p>Kas<span><script>x</script></span>persky <svg><text>y</text></svg>Lab</p>';
    expect(texts(document.body)).toEqual(['Kas', 'persky ', 'Lab']);
  });

  it("reads a shadow host's runs at the top of its shadow root, and its light text apart", () => {
    document.body.innerHTML = '<p><x-host>light</x-host></p>';
    const host = document.querySelector('x-host') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Kas<b>persky</b><div>inner</div> Lab';
    expect([...runsOf(host, shadow)].map((s) => s.text)).toEqual(['Kaspersky', ' Lab']);
    expect([...runsOf(host, document)].map((s) => s.text)).toEqual(['light']);
  });

  it('skips what is not prose a reader sees as text', () => {
    document.body.innerHTML = `
      <p>seen</p>
      <script>script</script><style>.style{}</style><noscript>noscript</noscript>
      <template><p>template</p></template><textarea>textarea</textarea>
      <select><option>option</option></select>
      <div contenteditable="true"><p>editable</p></div>
      <div contenteditable="false"><p>not editable</p></div>
      <svg><text>svg</text></svg>
      <backstory-card>ours</backstory-card>`;
    const joined = texts(document.body).join('|');
    expect(joined).toContain('seen');
    expect(joined).toContain('not editable');
    for (const hidden of ['script', 'style', 'noscript', 'template', 'textarea', 'option', '|editable', 'svg', 'ours']) {
      expect(joined).not.toContain(hidden);
    }
  });
});

describe('pointAt', () => {
  it('maps offsets in the joined text back to text nodes, preferring the inside of a run', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const [segment] = segmentsIn(document.body);
    if (!segment) throw new Error('no segment');
    const at = (offset: number, edge: 'start' | 'end') => {
      const p = pointAt(segment, offset, edge);
      return [p.node.data, p.offset];
    };
    expect(at(0, 'start')).toEqual(['ab', 0]);
    expect(at(2, 'start')).toEqual(['cd', 0]);
    expect(at(2, 'end')).toEqual(['ab', 2]);
    expect(at(3, 'start')).toEqual(['cd', 1]);
    expect(at(4, 'end')).toEqual(['cd', 2]);
    expect(at(4, 'start')).toEqual(['ef', 0]);
    expect(at(6, 'end')).toEqual(['ef', 2]);
  });
});

describe('runAround', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  const rangeOver = (from: Text, fromOffset: number, to: Text, toOffset: number): Range => {
    const range = document.createRange();
    range.setStart(from, fromOffset);
    range.setEnd(to, toOffset);
    return range;
  };

  it('gives the run a range starts in, as the page reads now, and the range\'s place in it', () => {
    document.body.innerHTML = '<p>First run.<br>They said Kas<b>per</b>sky was fine.</p>';
    const p = document.querySelector('p') as Element;
    const [, said, per, sky] = [...p.childNodes].flatMap((n) => (n.nodeType === Node.TEXT_NODE ? [n] : [...n.childNodes])) as Text[];
    const range = rangeOver(said as Text, 10, sky as Text, 3);
    expect(runAround(p, range)).toEqual({ text: 'They said Kaspersky was fine.', start: 10, end: 19 });
    // The page changed the words around the name: the run is read anew.
    (said as Text).insertData(0, 'Yesterday ');
    expect(runAround(p, range)).toEqual({ text: 'Yesterday They said Kaspersky was fine.', start: 20, end: 29 });
    expect(per?.data).toBe('per');
  });

  it("reads a mention at the top of a shadow root in its host's runs there", () => {
    document.body.innerHTML = '<p><x-host>light</x-host></p>';
    const host = document.querySelector('x-host') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Ask Kaspersky now';
    const text = shadow.firstChild as Text;
    expect(runAround(host, rangeOver(text, 4, text, 13))).toEqual({ text: 'Ask Kaspersky now', start: 4, end: 13 });
  });

  it('says null when the range no longer starts in the block', () => {
    document.body.innerHTML = '<p>Kaspersky</p><p>other</p>';
    const [first, second] = [...document.querySelectorAll('p')] as Element[];
    const text = first!.firstChild as Text;
    expect(runAround(second!, rangeOver(text, 0, text, 9))).toBeNull();
  });
});
