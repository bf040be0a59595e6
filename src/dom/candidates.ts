/**
 * Finds, cheaply, the text nodes a name could be in and the elements that
 * could host a shadow root. Nearly every page holds no name, so the reader
 * asks the browser for text in large pieces (an element's textContent),
 * natively, and looks for the matcher's anchors there: a page without one
 * never gets a script-side wrapper for its text nodes, which is what reading
 * them one by one mostly costs. Only where an anchor is seen does it go down
 * to the text nodes. A part of the page too large to read in one call (it
 * would be a long task) is walked text node by text node instead. What is
 * read is joined into batches, searched with the end of the batch before
 * carried over, so a name split between text nodes or pieces is found too.
 * Shadow hosts are asked for in two queries the browser runs natively.
 */

import type { Pace } from './scheduler.ts';
import { isSkipped, stepOver } from './segments.ts';
import { mayHostShadow, SHADOW_HOST_NAMES } from '../lib/shadow-hosts.ts';

/** Characters of text searched at once; pieces are gathered into batches this long. */
export const BATCH = 4096;
/** Characters of the previous batch searched with the next (an anchor is a few letters, plus ignorables). */
const CARRY = 32;
/** Nodes, or elements, between two checks of the clock. */
const CHECK_EVERY = 64;
/**
 * Elements whose text is code, not prose, and can be far larger than the
 * page's prose (a news page can carry a megabyte of script in its body):
 * left unread where there is more than CODE of it. Other skipped elements
 * are read, and what is found in them is dropped by the caller. Asked for
 * one name at a time: the browser answers a selector of one element name
 * several times faster than a list.
 */
const HEAVY = ['script', 'style'];
/**
 * Characters of code a part may hold and still be read whole, code and
 * all. Going into the elements around its scripts and styles instead makes
 * a script-side wrapper for each element read, and a frame's first wrapper
 * of each kind of element costs about a tenth of a millisecond (40 kinds:
 * 2.7 to 5.2 ms in a fresh page here): more than reading and searching this
 * much code. What is found in code is dropped by the caller.
 */
export const CODE = 1 << 16;
/**
 * A part of the page with this many elements or more is walked text node by
 * text node: reading it in one call would be a long task (10,000 paragraphs
 * of text take about 6 ms here), and the browser has no cheap way to read a
 * run of an element's children (a Range over 10,000 of them took longer
 * than reading their text nodes one by one).
 */
export const UNIT = 40_000;
/** A text node this long in a walked part is read only if its element shows text (not a script's). */
const LONG = 512;
/**
 * Above this many elements one native query for the page's shadow hosts
 * would be a long task: its hosts are then looked for in slices.
 */
export const HUGE = 100_000;

/** What is read with one call: a text node, or an element's whole text. */
type Piece = Text | Element;

/** The pieces read into one batch, each with the offset of its text in the whole reading. */
interface Batch {
  pieces: Piece[];
  starts: number[];
  text: string;
  /** Offset of the batch's text in the whole reading. */
  start: number;
}

/** A piece an anchor touches: where its text starts in the reading, and the anchors. */
interface Hit {
  start: number;
  spans: Array<[number, number]>;
}

export interface CandidateOptions {
  anchorSpans(text: string): Array<[number, number]>;
  pace: Pace;
  /** A part with fewer elements than this is read in pieces (UNIT; tests make it small). */
  unit?: number;
  /** Characters of code a part may hold and still be read whole (CODE; tests make it small). */
  code?: number;
}

export interface Candidates {
  /**
   * Every text node that holds part of an anchor. Any text node of a name's
   * run that is not here holds no part of the name's anchor, but one that
   * is here may hold no name at all. Text in skipped elements that are not
   * code (an icon's title, an option, an editable region), and code in a
   * part that holds little of it, may be here: callers skip it.
   */
  texts: Text[];
}

/**
 * The subtrees of `root` worth reading: a document's head holds no text a
 * reader sees, but elements a script put next to the body do.
 */
function partsOf(root: Node): Array<Element | DocumentFragment> {
  if (root.nodeType !== Node.DOCUMENT_NODE) return [root as Element | DocumentFragment];
  const html = (root as Document).documentElement;
  return html ? [...html.children].filter((el) => el.localName !== 'head') : [];
}

/**
 * Whether `el` holds at least `n` elements. The browser counts only up to
 * the one asked for: the whole count walked every element of a huge page
 * (about 15 ms on 100,000 paragraphs), twice a pass.
 */
export const holdsAtLeast = (el: Element, n: number): boolean => n <= 0 || el.getElementsByTagName('*').item(n - 1) !== null;

const isText = (node: Node): node is Text =>
  node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE;

/**
 * The pieces of `part` (an element or a shadow root, never code) in reading
 * order: an element is one piece unless it holds more than `code`
 * characters in heavy elements; then it is gone into, child by child, and
 * the heavy elements are left out.
 */
function* piecesOf(part: Element | DocumentFragment, code: number): Generator<Piece> {
  const heavy = new Set<Element>();
  let length = 0;
  for (const name of HEAVY) {
    for (const el of part.querySelectorAll(name)) {
      heavy.add(el);
      // Its text nodes' lengths: asking for its text would copy it.
      for (let n = el.firstChild; n; n = n.nextSibling) if (isText(n)) length += n.length;
    }
  }
  if (part.nodeType === Node.ELEMENT_NODE && length <= code) {
    yield part as Element;
    return;
  }
  // The elements that hold a heavy one: these are gone into (an element
  // part is one of them, else it held no code and was read whole above).
  const holders = new Set<Node>();
  for (const el of heavy) {
    for (let up = el.parentNode; up && !holders.has(up); up = up.parentNode) {
      holders.add(up);
      if (up === part) break;
    }
  }
  const walker = (part.ownerDocument as Document).createTreeWalker(
    part,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION,
  );
  for (let node = walker.nextNode(); node; ) {
    if (isText(node)) {
      yield node;
      node = walker.nextNode();
    } else if (holders.has(node)) node = walker.nextNode();
    else {
      if (!heavy.has(node as Element)) yield node as Element;
      node = stepOver(walker);
    }
  }
}

/**
 * Searches batches in turn for anchors, keeping the pieces they touch. The
 * seam between two batches is searched on its own: a batch is never copied
 * again to put the end of the one before in front of it.
 */
function batchSearch(anchorSpans: CandidateOptions['anchorSpans']) {
  const found = new Map<Piece, Hit>();
  let previous: Batch | null = null;
  let carry = '';

  /** Keeps every piece of `b` whose text the span [from, to) overlaps. */
  const mark = (b: Batch, from: number, to: number): void => {
    const { starts, pieces } = b;
    // The last piece starting at or before `from`, then on while they start before `to`.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= from) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i < pieces.length && (starts[i] as number) < to; i++) {
      const piece = pieces[i] as Piece;
      const hit = found.get(piece);
      if (hit) hit.spans.push([from, to]);
      else found.set(piece, { start: starts[i] as number, spans: [[from, to]] });
    }
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

/** Where a reading stands: the batch being filled, the searcher it goes to when full. */
interface Reading extends Batch {
  search(batch: Batch): void;
}

/** Adds the text of one piece to the reading, searching the batch when it is full. */
function add(reading: Reading, piece: Piece, text: string): void {
  if (text.length === 0) return;
  const end = reading.start + reading.text.length;
  reading.pieces.push(piece);
  reading.starts.push(end);
  reading.text += text;
  if (reading.text.length >= BATCH) {
    reading.search({ pieces: reading.pieces, starts: reading.starts, text: reading.text, start: reading.start });
    Object.assign(reading, { pieces: [], starts: [], text: '', start: end + text.length });
  }
}

/**
 * Walks text nodes into the reading until the slice is used up: true if
 * there is more. `add` by hand, in plain variables: this runs once per text
 * node of a large part, and a call and property writes for each cost a
 * tenth more (100,000 paragraphs, scratch A/B).
 */
function walkSlice(walker: TreeWalker, reading: Reading, pace: Pace): boolean {
  let { pieces, starts, text, start } = reading;
  let more = false;
  for (let node = walker.nextNode(), n = 1; node; node = walker.nextNode(), n++) {
    const data = (node as Text).data;
    // Only a long text asks for its element: a wrapper for each would cost more than the reading.
    const parent = data.length > LONG ? node.parentElement : null;
    if (data.length > 0 && (!parent || !isSkipped(parent))) {
      pieces.push(node as Text);
      starts.push(start + text.length);
      text += data;
      if (text.length >= BATCH) {
        reading.search({ pieces, starts, text, start });
        start += text.length;
        pieces = [];
        starts = [];
        text = '';
      }
    }
    if (n % CHECK_EVERY === 0 && pace.due()) {
      more = true;
      break;
    }
  }
  Object.assign(reading, { pieces, starts, text, start });
  return more;
}

/**
 * The text nodes under `piece` that an anchor touches, walked in order up
 * to the last anchor. `hit.start` is where the piece's text starts in the
 * reading. (Skipping untouched elements by their textContent length was
 * slower: a string made for each element costs more than its text nodes.)
 */
async function locate(piece: Element, hit: Hit, into: Text[], pace: Pace): Promise<void> {
  const spans = hit.spans.sort((a, b) => a[0] - b[0]);
  const walker = (piece.ownerDocument as Document).createTreeWalker(piece, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
  let at = hit.start;
  let j = 0;
  for (let node = walker.nextNode(), n = 1; node && j < spans.length; node = walker.nextNode(), n++) {
    // Its length, not its text: reading `data` copies the string (into the content script's world, in Firefox).
    const end = at + (node as Text).length;
    // Anchors wholly before this node are passed for good.
    while (j < spans.length && (spans[j] as [number, number])[1] <= at) j++;
    if (end > at && j < spans.length && (spans[j] as [number, number])[0] < end) into.push(node as Text);
    at = end;
    if (n % CHECK_EVERY === 0 && pace.due()) await pace.slice();
  }
}

export async function candidateTexts(root: Node, { anchorSpans, pace, unit = UNIT, code = CODE }: CandidateOptions): Promise<Candidates> {
  const searcher = batchSearch(anchorSpans);
  const reading: Reading = { search: searcher.search, pieces: [], starts: [], text: '', start: 0 };
  const doc = root.ownerDocument ?? (root as Document);
  for (const part of partsOf(root)) {
    // A shadow root is read in pieces: it has no getElementsByTagName, and is rarely large.
    if (part.nodeType !== Node.ELEMENT_NODE || !holdsAtLeast(part as Element, unit)) {
      for (const piece of piecesOf(part, code)) {
        if (pace.due()) await pace.slice();
        add(reading, piece, isText(piece) ? piece.data : (piece.textContent ?? ''));
      }
    } else {
      const walker = doc.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      while (walkSlice(walker, reading, pace)) await pace.slice();
    }
  }
  // The last batch, however short: nothing is read after it.
  searcher.search(reading);
  // Down to the text nodes, where an anchor was seen.
  const texts: Text[] = [];
  for (const [piece, hit] of searcher.found) {
    if (isText(piece)) texts.push(piece);
    else await locate(piece, hit, texts, pace);
  }
  return { texts };
}

/** Custom elements: the hosts of nearly every shadow root, closed ones included. */
const CUSTOM = "descendant::*[contains(local-name(), '-')]";

/** A native query's answer, read one element at a time. */
interface HostList {
  readonly length: number;
  item(index: number): Element | null;
}

/**
 * The native queries for the custom elements and the standard hosts under
 * `top` (XPath takes no shadow root as its context node, so a shadow
 * root's top elements are asked one by one). Any standard host may hold a
 * root, open or closed, whatever its own children: a closed root leaves no
 * trace a selector could see, so each must be asked. One query per element
 * name, each a short stretch of its own: one selector of all 18 names ran
 * 10 to 19 ms at once on 10,000 paragraphs here, and the browser answers a
 * selector of one name several times faster than a list.
 */
function hostQueries(top: Element): Array<() => HostList> {
  const custom = (): HostList => {
    const found = (top.ownerDocument as Document).evaluate(CUSTOM, top, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return { length: found.snapshotLength, item: (i) => found.snapshotItem(i) as Element | null };
  };
  return [custom, ...SHADOW_HOST_NAMES.map((name) => (): HostList => top.querySelectorAll(name))];
}

/**
 * Hands `visit` every element under `root`, and `root` itself, that may
 * host a shadow root, as it is found, in slices: every custom element and
 * every standard element that may have one (asking each for a closed root
 * is the dearer part, so the caller asks in `visit`). A query's answer is
 * native: its elements' script-side wrappers are made only as each is
 * handed over, so the slices hold that cost too (10,000 hosts at once: a
 * 30 ms stretch). Under a top of more than HUGE elements the native
 * queries would be one long task, and where they fail (jsdom's XPath
 * cannot call local-name() in a predicate) there is no answer: there the
 * elements are walked in slices instead, each host handed over as the walk
 * meets it. Kept until the walk's end, a huge page's 100,000 wrappers made
 * the collections of the heap inside the slices long (slices of 30 to 50
 * ms in Chromium, 80 in Firefox, on 100,000 paragraphs).
 */
export async function visitShadowHosts(root: Node, pace: Pace, visit: (host: Element) => void, huge = HUGE): Promise<void> {
  // A shadow root's top elements, a document's body and what lies next to it, or an element.
  const tops = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? [...(root as ShadowRoot).children] : (partsOf(root) as Element[]);
  let n = 0;
  for (const top of tops) {
    visit(top);
    // Every top: what follows (a count, up to 18 native queries) can be a few ms.
    if (pace.due()) await pace.slice();
    // A count, not the first child: a wrapper for it can be the frame's first of its kind (0.1 ms).
    if (top.childElementCount === 0) continue;
    if (!holdsAtLeast(top, huge + 1)) {
      let answers: HostList[] | null = [];
      try {
        for (const query of hostQueries(top)) {
          if (pace.due()) await pace.slice();
          answers.push(query());
        }
      } catch {
        answers = null; // walked below
      }
      if (answers) {
        for (const list of answers) {
          for (let i = 0; i < list.length; i++) {
            visit(list.item(i) as Element);
            if (++n % CHECK_EVERY === 0 && pace.due()) await pace.slice();
          }
        }
        continue;
      }
    }
    const walker = (top.ownerDocument as Document).createTreeWalker(top, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.shadowRoot || mayHostShadow(el.localName)) visit(el);
      if (++n % CHECK_EVERY === 0 && pace.due()) await pace.slice();
    }
  }
}
