/**
 * Finds the text nodes a name could be in, cheaply. Nearly every page holds
 * no name, so the scanner does not test text nodes one by one: it reads the
 * text of whole elements in one call (textContent), looks for the matcher's
 * anchors there, and walks the text nodes of an element only when it holds
 * one. Wide containers and those holding blocks are read child by child, so
 * no single read is huge and the work can pause between reads. Text is read
 * in document order with the end of what came before carried over, so a name
 * split between two reads is found too.
 */

export interface Pace {
  /** True when the current slice of work is used up. */
  due(): boolean;
  /** Yields to the page and starts a new slice. */
  slice(): Promise<void>;
}

/** An element with more element children than this is read child by child. */
const WIDE = 16;
/** Characters of text searched at once; reads are gathered into batches this long. */
export const BATCH = 4096;
/** Characters of the previous batch searched with the next (an anchor is a few letters, plus ignorables). */
const CARRY = 32;
/** Reads between two checks of the clock. */
const CHECK_EVERY = 64;

interface Stretch {
  node: Node;
  /** Offset of the stretch's text in the root's text. */
  start: number;
  /** Anchor spans touching the stretch, in the root's text. */
  spans: Array<[number, number]>;
}

/** The nodes read into one batch, each with the offset of its text in the root's text. */
interface Batch {
  nodes: Node[];
  starts: number[];
  /** The batch's text, joined as it is read. */
  text: string;
  start: number;
  end: number;
}

const newBatch = (start: number): Batch => ({ nodes: [], starts: [], text: '', start, end: start });

/**
 * Every text node under `root` that holds part of an anchor, in document
 * order. Any text node of a name's run that is not returned holds no part of
 * the name's anchor, but one that is returned may hold no name at all.
 */
export interface CandidateOptions {
  anchorSpans(text: string): Array<[number, number]>;
  /** Whether text runs on across an element (a, b, span…), as the scanner reads runs. */
  isInline(el: Element): boolean;
  /**
   * Elements whose text is never read (scripts, styles, SVG…): on many
   * pages their text outweighs the prose many times over.
   */
  isSkipped?(el: Element): boolean;
  pace: Pace;
  /**
   * Sees `root` and every element whose children are read one by one: all
   * elements but those inside one read whole, whose children are inline.
   */
  onElement?: (el: Element) => void;
}

export async function candidateTexts(root: Node, options: CandidateOptions): Promise<Text[]> {
  const { anchorSpans, isInline, isSkipped, pace, onElement } = options;
  const hits = new Map<Node, Stretch>();
  let previous: Batch | null = null;
  let batch = newBatch(0);
  let carry = '';
  let reads = 0;

  /** Records a span on every node of `b` whose text it overlaps. */
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
    for (let i = lo; i < nodes.length && (starts[i] as number) < to; i++) {
      const end = i + 1 < starts.length ? (starts[i + 1] as number) : b.end;
      if (end <= from) continue;
      const node = nodes[i] as Node;
      let hit = hits.get(node);
      if (!hit) hits.set(node, (hit = { node, start: starts[i] as number, spans: [] }));
      hit.spans.push([from, to]);
    }
  };

  /**
   * Searches the batch, and the seam between it and the one before on its
   * own: a batch is never copied again to put the carry in front of it.
   */
  const search = (): void => {
    const { text, start } = batch;
    if (carry.length > 0 && text.length > 0) {
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
    batch = newBatch(batch.end);
  };

  const read = (node: Node, text: string): void => {
    if (text.length === 0) return;
    batch.nodes.push(node);
    batch.starts.push(batch.end);
    batch.text += text;
    batch.end += text.length;
    if (batch.end - batch.start >= BATCH) search();
  };

  /**
   * Whether an element is read child by child rather than whole: when it is
   * wide, or starts or ends with a block (a wrapper of blocks, a list). Only
   * the first and last children are looked at: every node touched from
   * script costs a wrapper object, and that is most of a scan's cost. An
   * element read whole that has a block inside is still read right; only
   * the shadow roots under it go unseen.
   */
  const split = (el: Element): boolean => {
    const count = el.childElementCount;
    if (count > WIDE) return true;
    if (count === 0) return false;
    // The parser never puts a block inside a paragraph: most of a page's
    // text is read without looking at its children.
    if (el.localName === 'p') return false;
    return !isInline(el.firstElementChild as Element) || !isInline(el.lastElementChild as Element);
  };

  // A loop with a stack of the nodes being visited at each level, not a
  // recursive async function: on pages of nested containers that was a
  // promise and a microtask per container, in every frame of every page.
  if (root.nodeType === Node.ELEMENT_NODE) onElement?.(root as Element);
  const above: Node[] = [];
  let child: Node | null = root.firstChild;
  for (;;) {
    if (!child) {
      const up = above.pop();
      if (!up) break;
      child = up.nextSibling;
      continue;
    }
    const type = child.nodeType;
    if (type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE) {
      read(child, (child as CharacterData).data);
    } else if (type === Node.ELEMENT_NODE && !isSkipped?.(child as Element)) {
      onElement?.(child as Element);
      if (split(child as Element)) {
        above.push(child);
        child = child.firstChild;
        continue;
      }
      read(child, child.textContent ?? '');
    }
    child = child.nextSibling;
    if (++reads % CHECK_EVERY === 0 && pace.due()) await pace.slice();
  }
  search();

  const found: Text[] = [];
  for (const stretch of hits.values()) {
    if (pace.due()) await pace.slice();
    collect(stretch, found);
  }
  return found;
}

/** Adds the stretch's text nodes that overlap one of its spans. */
function collect(stretch: Stretch, found: Text[]): void {
  const { spans } = stretch;
  spans.sort((a, b) => a[0] - b[0]);
  let i = 0;
  let pos = stretch.start;
  // CDATA sections (in SVG and MathML) count in the stretch's text: walk them too.
  const visitText = (text: CharacterData): boolean => {
    const end = pos + text.length;
    while (i < spans.length && (spans[i] as [number, number])[1] <= pos) i++;
    if (i >= spans.length) return false;
    if (end > pos && (spans[i] as [number, number])[0] < end && text.nodeType === Node.TEXT_NODE) found.push(text as Text);
    pos = end;
    return true;
  };
  const { node } = stretch;
  if (node.nodeType !== Node.ELEMENT_NODE) {
    visitText(node as CharacterData);
    return;
  }
  const walker = (node.ownerDocument as Document).createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (!visitText(t as CharacterData)) return;
}
