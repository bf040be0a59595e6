/**
 * Finds, cheaply, the text nodes a name could be in and the elements that
 * could host a shadow root. Nearly every page holds no name, so the reader
 * touches text alone, as a bare TreeWalker would: it joins text nodes into
 * batches of a few thousand characters and looks for the matcher's anchors
 * there, with the end of the batch before carried over, so a name split
 * between text nodes or batches is found too. Elements are not visited one
 * by one (a script-side wrapper per element cost more than reading all the
 * text): shadow hosts are asked for in one query the browser runs natively.
 */

import { isSkipped, stepOver } from './segments.ts';

export interface Pace {
  /** True when the current slice of work is used up. */
  due(): boolean;
  /** Yields to the page and starts a new slice. */
  slice(): Promise<void>;
}

/** Characters of text searched at once; text nodes are gathered into batches this long. */
export const BATCH = 4096;
/** Characters of the previous batch searched with the next (an anchor is a few letters, plus ignorables). */
const CARRY = 32;
/** Text nodes, or elements, between two checks of the clock. */
const CHECK_EVERY = 64;
/**
 * A text node this long is read only if its element shows text: a page's
 * scripts and styles can hold far more text than its prose, and asking
 * every short text node for its parent would cost more than reading it.
 */
const LONG = 512;
/**
 * Above this many text nodes a page is huge, and one native query for its
 * hosts would be a long task: its hosts are then looked for in slices.
 */
export const HUGE = 200_000;

/** The text nodes read into one batch, each with the offset of its text in the whole reading. */
interface Batch {
  nodes: Text[];
  starts: number[];
  text: string;
  /** Offset of the batch's text in the whole reading. */
  start: number;
}

export interface CandidateOptions {
  anchorSpans(text: string): Array<[number, number]>;
  pace: Pace;
}

export interface Candidates {
  /**
   * Every text node that holds part of an anchor, in document order. Any text
   * node of a name's run that is not here holds no part of the name's
   * anchor, but one that is here may hold no name at all. Short text in
   * scripts or styles, and text in editable regions, may be here: callers
   * skip it.
   */
  texts: Text[];
  /** How many text nodes were read. */
  read: number;
}

/**
 * The subtrees of `root` worth reading: a document's head holds no text a
 * reader sees, but elements a script put next to the body do.
 */
function partsOf(root: Node): Node[] {
  if (root.nodeType !== Node.DOCUMENT_NODE) return [root];
  const html = (root as Document).documentElement;
  return html ? [...html.children].filter((el) => el.localName !== 'head') : [];
}

/**
 * Searches batches in turn for anchors, keeping the text nodes they touch.
 * The seam between two batches is searched on its own: a batch is never
 * copied again to put the end of the one before in front of it.
 */
function batchSearch(anchorSpans: CandidateOptions['anchorSpans']) {
  const found = new Set<Text>();
  let previous: Batch | null = null;
  let carry = '';

  /** Keeps every node of `b` whose text a span overlaps. */
  const mark = (b: Batch, from: number, to: number): void => {
    const { starts, nodes } = b;
    // The last node starting at or before `from`, then on while they start before `to`.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= from) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i < nodes.length && (starts[i] as number) < to; i++) found.add(nodes[i] as Text);
  };

  return {
    found,
    search(batch: Batch): void {
      const { text, start } = batch;
      if (text.length === 0) return;
      if (carry.length > 0) {
        const seam = carry + text.slice(0, CARRY);
        const base = start - carry.length;
        for (const [s, e] of anchorSpans(seam)) {
          // Only anchors that start in the carry: the rest are found below.
          if (s >= carry.length) break;
          if (e <= carry.length) continue; // wholly in text already searched
          if (previous) mark(previous, base + s, start);
          mark(batch, start, base + e);
        }
      }
      for (const [s, e] of anchorSpans(text)) mark(batch, start + s, start + e);
      carry = text.length >= CARRY ? text.slice(-CARRY) : (carry + text).slice(-CARRY);
      previous = batch;
    },
  };
}

/** Where a reading stands between two slices: the batch being read, and how many text nodes were read. */
interface Reading extends Batch {
  search(batch: Batch): void;
  read: number;
}

/**
 * Reads text nodes from the walker into batches until the slice is used up:
 * true if there is more to read. A plain function with plain variables, not
 * the async loop around it: this runs once per text node of the page, and
 * V8 optimizes a long loop mid-run only in a plain function.
 */
function readSlice(walker: TreeWalker, reading: Reading, pace: Pace): boolean {
  let { nodes, starts, text, start, read } = reading;
  // Where the next text node starts in the whole reading.
  let end = start + text.length;
  let more = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length > LONG) {
      const parent = node.parentElement;
      if (parent && isSkipped(parent)) continue;
    }
    if (data.length > 0) {
      nodes.push(node as Text);
      starts.push(end);
      text += data;
      end += data.length;
      if (end - start >= BATCH) {
        reading.search({ nodes, starts, text, start });
        nodes = [];
        starts = [];
        text = '';
        start = end;
      }
    }
    if (++read % CHECK_EVERY === 0 && pace.due()) {
      more = true;
      break;
    }
  }
  Object.assign(reading, { nodes, starts, text, start, read });
  return more;
}

export async function candidateTexts(root: Node, { anchorSpans, pace }: CandidateOptions): Promise<Candidates> {
  const searcher = batchSearch(anchorSpans);
  const reading: Reading = { search: searcher.search, nodes: [], starts: [], text: '', start: 0, read: 0 };
  const doc = root.ownerDocument ?? (root as Document);
  for (const part of partsOf(root)) {
    const walker = doc.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    while (readSlice(walker, reading, pace)) await pace.slice();
  }
  // The last batch, however short: nothing is read after it.
  searcher.search(reading);
  return { texts: [...searcher.found], read: reading.read };
}

/** Custom elements: the hosts of nearly every shadow root, closed ones included. */
const CUSTOM = "descendant::*[contains(local-name(), '-')]";
/**
 * The standard elements attachShadow accepts, when they have no children of
 * their own: how a widget's host is usually left in the page.
 */
const PLAIN_HOSTS = ':empty:is(article,aside,blockquote,body,div,footer,h1,h2,h3,h4,h5,h6,header,main,nav,p,section,span)';

/**
 * The custom elements and the empty standard hosts under `top`, found by
 * the browser natively (XPath takes no shadow root as its context node, so
 * a shadow root's top elements are asked one by one).
 */
function queryHosts(top: Element): Element[] {
  const found: Element[] = [];
  const custom = (top.ownerDocument as Document).evaluate(CUSTOM, top, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < custom.snapshotLength; i++) found.push(custom.snapshotItem(i) as Element);
  for (const el of top.querySelectorAll(PLAIN_HOSTS)) found.push(el);
  return found;
}

/**
 * The elements under `root`, and `root` itself, that may host a shadow root,
 * for the caller to ask: every custom element, and every empty standard
 * element that may have one. A standard host that has children of its own
 * is not among them. On a page of more than HUGE text nodes (`read`) the
 * native queries would be one long task, and where they fail (jsdom's XPath
 * cannot call local-name() in a predicate) there is no answer: there the
 * elements are walked in slices instead, and every host is found (on a
 * huge page, but those inside a paragraph).
 */
export async function shadowHosts(root: Node, read: number, pace: Pace): Promise<Element[]> {
  // A shadow root's top elements, a document's body and what lies next to it, or an element.
  const tops = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? [...(root as ShadowRoot).children] : (partsOf(root) as Element[]);
  const hosts: Element[] = [];
  const huge = read > HUGE;
  for (const top of tops) {
    hosts.push(top);
    if (top.firstElementChild === null) continue;
    if (!huge) {
      try {
        for (const el of queryHosts(top)) hosts.push(el);
        continue;
      } catch {
        // Walked below.
      }
    }
    const walker = (top.ownerDocument as Document).createTreeWalker(top, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null, n = 0; el; n++) {
      if (el.shadowRoot || el.localName.includes('-')) hosts.push(el);
      // On a huge page a paragraph is looked at but not into: there are many, with inline text only.
      el = (huge && el.localName === 'p' ? stepOver(walker) : walker.nextNode()) as Element | null;
      if (n % CHECK_EVERY === 0 && pace.due()) await pace.slice();
    }
  }
  return hosts;
}
