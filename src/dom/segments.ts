/**
 * Splits a block into segments of inline text: the words a reader sees as
 * one run (a paragraph, a cell, a heading), joined, with a map from offsets
 * in the joined text back to (text node, offset). Inline elements are crossed,
 * so "Kas<b>per</b>sky" is one run; block elements, <br> and skipped elements
 * (a script, an icon) end a run.
 */

/** Elements whose content is not page prose a reader sees as text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'title', 'textarea', 'input', 'select', 'option',
  'optgroup', 'datalist', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video',
  'audio', 'head', 'meta', 'link',
]);

/** Phrasing elements: text runs on across them. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em',
  'font', 'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'output', 'slot',
]);

export const HOST_TAG = 'backstory-card';

export interface Segment {
  /** The nearest non-inline element holding the run. */
  block: Element;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
  text: string;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

const isEditable = (el: Element): boolean => {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
};

/** True for an element whose subtree the scanner never reads (or our own card's host). */
export function isSkipped(el: Element): boolean {
  return SKIPPED.has(el.localName) || el.localName === HOST_TAG || isEditable(el);
}

export const isInline = (el: Element): boolean => INLINE.has(el.localName);

/**
 * The element a text run belongs to: the nearest ancestor that is not
 * inline. Inline content at the top of a shadow root belongs to its host.
 */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el ?? shadowHostOf(node);
}

function shadowHostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * blockOf with memory, for one pass: text under 5,000 nested spans would
 * otherwise climb the same chain once per text node.
 */
export function blockCache(): { of(node: Node): Element | null } {
  const known = new Map<Element, Element | null>();
  return {
    of(node) {
      const chain: Element[] = [];
      let el: Element | null = node.parentElement;
      let found: Element | null | undefined;
      while (el && isInline(el)) {
        found = known.get(el);
        if (found !== undefined) break;
        chain.push(el);
        el = el.parentElement;
      }
      const block = found !== undefined ? found : (el ?? shadowHostOf(node));
      for (const inline of chain) known.set(inline, block);
      return block;
    },
  };
}

/** True when the node sits inside something the scanner skips (or inside our host). */
export function isInSkippedSubtree(node: Node, root: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
    if (el === root) break;
  }
  return false;
}

/**
 * The runs of text that belong to `block` itself, in order: its text and its
 * inline descendants' text, without nested blocks (they have runs of their
 * own). A nested block, a <br> or a skipped element ends a run. A shadow
 * host's runs in `scope` are the inline text at the top of its shadow root.
 * `block` itself must not be skipped; callers check that first.
 */
export function runsOf(block: Element, scope: Document | ShadowRoot): Segment[] {
  const start: Node = scope.contains(block) ? block : scope;
  const doc = block.ownerDocument;
  // No NodeFilter callback: calling into script for every node costs about
  // ten times the walk itself. Nested blocks are stepped over by hand.
  const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // An array, not a generator: a block holds a run or two, and a generator's optimised code cost every frame with many mentions kilobytes.
  const runs: Segment[] = [];
  let current: Segment | null = null;
  let parts: string[] = [];
  let length = 0;

  const close = (): Segment | null => {
    const done = current;
    if (done) done.text = parts.join('');
    current = null;
    parts = [];
    length = 0;
    return done;
  };

  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (!isInline(el) || isSkipped(el)) {
        const done = close();
        if (done) runs.push(done);
        node = stepOver(walker);
        continue;
      }
      node = walker.nextNode();
      continue;
    }
    const textNode = node as Text;
    node = walker.nextNode();
    const data = textNode.data;
    if (data.length === 0) continue;
    current ??= { block, nodes: [], starts: [], text: '' };
    current.nodes.push(textNode);
    current.starts.push(length);
    parts.push(data);
    length += data.length;
  }
  const last = close();
  if (last) runs.push(last);
  return runs;
}

/** Moves the walker past the current node's subtree; null at the end of the root. */
export function stepOver(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * Maps an offset in the joined text back to a DOM point. A start offset that
 * falls on a node boundary goes to the next node; an end offset to the one
 * before, so a range never starts or ends on a neighbour's edge.
 */
export function pointAt(segment: Segment, offset: number, edge: 'start' | 'end'): DomPoint {
  const { starts, nodes } = segment;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (s < offset || (s === offset && edge === 'start')) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  return { node, offset: offset - (starts[lo] as number) };
}

/**
 * The run of text a range starts in, with the range's place in it, read
 * from the page as it is now (for the sentence around a mention found
 * earlier: ranges are live). Null if the range no longer starts in the
 * block's text.
 */
export function runAround(block: Element, range: AbstractRange): { text: string; start: number; end: number } | null {
  const scope = range.startContainer.getRootNode() as Document | ShadowRoot;
  for (const run of runsOf(block, scope)) {
    const first = run.nodes.indexOf(range.startContainer as Text);
    if (first < 0) continue;
    const start = (run.starts[first] as number) + range.startOffset;
    const last = run.nodes.indexOf(range.endContainer as Text);
    const end = last < 0 ? run.text.length : (run.starts[last] as number) + range.endOffset;
    return { text: run.text, start, end: Math.max(start, end) };
  }
  return null;
}
