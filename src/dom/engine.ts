import type { Matcher, NameMatch, Referent } from '../lib/matcher.ts';
import {
  blockCache,
  blockOf,
  HOST_TAG,
  isInline,
  isInSkippedSubtree,
  pointAt,
  runsOf,
  type Segment,
} from './segments.ts';
import { candidateTexts, holdsAtLeast, visitShadowHosts } from './candidates.ts';
import { createScheduler, type Pace, type Scheduler } from './scheduler.ts';

/**
 * The mention engine for one document or shadow root: finds the pack's names
 * in the page's text, keeps a live Range for each, and keeps them in step as
 * the page changes. It reads the page and never writes to it.
 */

export interface Mention {
  range: Range;
  refersTo: Referent;
  name: string;
  block: Element;
  visible: boolean;
}

export interface EngineOptions {
  matcher: Matcher;
  /**
   * Called after every pass that changed the set of visible mentions; the
   * pass waits for what it returns, and `pace` lets it yield meanwhile.
   */
  onChange?: (engine: MentionEngine, pace: Pace) => void | Promise<void>;
  /** Tears down the observer and the scheduled work. */
  signal?: AbortSignal;
  scheduler?: Scheduler;
  /** Finds an element's shadow root, open or closed, where the browser lets us. */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /** Called for each shadow root met while reading; it gets its own engine. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Hears the length of each stretch of work between yields, in ms (for the benchmark). */
  onWork?: (ms: number) => void;
}

/**
 * Whether a reader can see the mention: the text it starts in and the text
 * it ends in are both shown (a name half hidden is not one a reader sees).
 */
const isVisible = (mention: { range: Range }): boolean => {
  const { startContainer: start, startOffset, endContainer: end, endOffset } = mention.range;
  if (start === end) return isShown(start, startOffset, endOffset);
  return isShown(start, startOffset, (start as CharacterData).length ?? startOffset) && isShown(end, 0, endOffset);
};

/**
 * Whether a piece of text is shown. checkVisibility covers display:none,
 * hidden and visibility:hidden ancestors; it also says false for an element
 * with display:contents, whose text is shown, so a "no" is checked once
 * more against the boxes of that piece of text alone.
 */
function isShown(node: Node, from: number, to: number): boolean {
  const el = node.parentElement;
  if (!el || !el.isConnected) return false;
  // Older engines lack checkVisibility: count the text, as the page shows it.
  if (typeof el.checkVisibility !== 'function') return true;
  if (el.checkVisibility({ visibilityProperty: true })) return true;
  const piece = el.ownerDocument.createRange();
  piece.setStart(node, from);
  piece.setEnd(node, Math.max(from, to));
  if (piece.getClientRects().length === 0) return false;
  return el.ownerDocument.defaultView?.getComputedStyle(el).visibility === 'visible';
}

export class MentionEngine {
  /** Blocks that hold at least one candidate, with their candidates. */
  readonly #byBlock = new Map<Element, Mention[]>();
  readonly #pending = new Set<Node>();
  readonly #root: Document | ShadowRoot;
  readonly #options: EngineOptions;
  readonly #scheduler: Scheduler;
  #visibleCount = 0;
  #observer: MutationObserver | null = null;
  #recheckVisibility = false;
  /** Nodes were removed since the last pass: some known block may have left the page. */
  #removals = false;
  #reported = false;

  constructor(root: Document | ShadowRoot, options: EngineOptions) {
    this.#root = root;
    this.#options = options;
    this.#scheduler = options.scheduler ?? createScheduler(options.signal, {}, options.onWork);
  }

  /** Scans the whole root once (in slices) and starts watching it. */
  start(): void {
    const view = (this.#root.ownerDocument ?? (this.#root as Document)).defaultView;
    const Observer = view?.MutationObserver ?? MutationObserver;
    this.#observer = new Observer((records) => this.#onMutations(records));
    this.#observer.observe(this.#root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden', 'open', 'contenteditable'],
    });
    this.#options.signal?.addEventListener('abort', () => this.stop(), { once: true });
    // An empty document (about:blank, an ad's frame not filled yet: pages
    // hold many) has nothing to read: it is only watched, and what arrives
    // in it is read as it comes.
    if (isEmptyDocument(this.#root)) return;
    this.#pending.add(this.#root);
    this.#scheduler.request(() => this.#flush());
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#pending.clear();
  }

  /** Visible mentions, in no particular order. */
  mentions(): Mention[] {
    const out: Mention[] = [];
    for (const list of this.#byBlock.values()) for (const m of list) if (m.visible) out.push(m);
    return out;
  }

  /**
   * The visible mention a range marks, if it is still one of ours (for
   * hit-testing): looked up in the block its text stands in, not kept by
   * range (a map of every range cost a frame more than a lookup on hover).
   */
  mentionFor(range: Range): Mention | undefined {
    const block = blockOf(range.startContainer);
    const mention = block ? this.#byBlock.get(block)?.find((m) => m.range === range) : undefined;
    return mention?.visible ? mention : undefined;
  }

  /** The visible mentions found in one block (the nearest non-inline ancestor of their text). */
  mentionsInBlock(block: Element): Mention[] {
    return (this.#byBlock.get(block) ?? []).filter((m) => m.visible);
  }

  get count(): number {
    return this.#visibleCount;
  }

  /** Resolves once every pending change has been read. */
  settled(): Promise<void> {
    return this.#scheduler.settled();
  }

  #onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'attributes') {
        this.#recheckVisibility = true;
        // An editable region switched off, or a skipped one on: read it anew.
        if (record.attributeName === 'contenteditable') this.#pending.add(target);
        continue;
      }
      if (isOurs(target)) continue;
      // Style sheets added, removed or edited change what is visible. Other
      // added or removed nodes do not change whether text already found is
      // shown (new text is checked as it is read), so a growing page does
      // not recheck every mention on each change.
      if (record.type === 'characterData') {
        if (changesStyle(target.parentNode)) this.#recheckVisibility = true;
        this.#pending.add(target);
        continue;
      }
      if (changesStyle(target) || [...record.addedNodes, ...record.removedNodes].some(changesStyle)) {
        this.#recheckVisibility = true;
      }
      // Added blocks are read on their own, so appending a paragraph never
      // rereads the container; text or inline nodes change their block. A
      // block added or removed between pieces of inline text splits or
      // joins that run, so then the container is read again too.
      const isBlock = (node: Node): boolean => node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element);
      // A block put inside an inline element always splits that element's run.
      let rereadContainer = target.nodeType === Node.ELEMENT_NODE && isInline(target as Element);
      for (const node of record.addedNodes) {
        if (!isBlock(node)) this.#pending.add(target);
        else {
          this.#pending.add(node);
          rereadContainer ||= nextToInlineText(node.previousSibling, 'back') || nextToInlineText(node.nextSibling, 'forward');
        }
      }
      if (record.removedNodes.length > 0) this.#removals = true;
      for (const node of record.removedNodes) {
        if (!isBlock(node)) this.#pending.add(target);
        else rereadContainer ||= nextToInlineText(record.previousSibling, 'back') || nextToInlineText(record.nextSibling, 'forward');
      }
      if (rereadContainer) this.#pending.add(target);
    }
    this.#scheduler.request(() => this.#flush());
  }

  /** One pass over the pending changes, yielding between slices. */
  async #flush(): Promise<void> {
    const roots = this.#rescanRoots();
    this.#pending.clear();
    let changed = false;
    for (const root of roots) changed = (await this.#rescan(root)) || changed;
    // Text changed or removed inside a block rereads that block; only blocks
    // removed whole need looking for, and only when something was removed.
    if (this.#removals) {
      this.#removals = false;
      changed = this.#prune() || changed;
    }
    if (this.#recheckVisibility) {
      this.#recheckVisibility = false;
      for (const list of this.#byBlock.values()) {
        for (const m of list) {
          const visible = isVisible(m);
          if (visible !== m.visible) {
            m.visible = visible;
            changed = true;
          }
        }
      }
    }
    let count = 0;
    for (const list of this.#byBlock.values()) for (const m of list) if (m.visible) count++;
    if (changed || count !== this.#visibleCount || !this.#reported) {
      this.#reported = true;
      this.#visibleCount = count;
      await this.#options.onChange?.(this, this.#scheduler);
    }
  }

  /** The smallest set of elements to read again: no root inside another. */
  #rescanRoots(): Node[] {
    const roots = new Set<Node>();
    for (const node of this.#pending) {
      if (!node.isConnected) continue;
      let root: Node | null =
        node === this.#root || (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element))
          ? node
          : blockOf(node);
      // Inline text at the top of a shadow root: read the whole root.
      if (!root || !this.#root.contains(root)) root = this.#root;
      if (!isInSkippedSubtree(root, this.#root)) roots.add(root);
    }
    return [...roots].filter((node) => {
      for (let p = node.parentNode; p; p = p.parentNode) if (roots.has(p)) return false;
      return true;
    });
  }

  /** Drops what was found under `root` and reads it again, in slices. */
  async #rescan(root: Node): Promise<boolean> {
    let changed = this.#forgetUnder(root);
    const { matcher, shadowRootOf, onShadowRoot } = this.#options;
    const { texts } = await candidateTexts(root, {
      anchorSpans: (text) => matcher.anchorSpans(text),
      pace: this.#scheduler,
    });
    if (shadowRootOf && onShadowRoot) {
      // Asking for a closed root is dear in Chromium (about 3 µs a host), and a page holds thousands of hosts: asked in the visit's slices.
      await visitShadowHosts(root, this.#scheduler, (host) => {
        const shadow = shadowRootOf(host);
        // Our own card's host, what scripts or icons hold, and a host removed meanwhile are left alone.
        if (shadow && host.isConnected && !isInSkippedSubtree(host, this.#root)) onShadowRoot(shadow);
      });
    }
    // The blocks holding a candidate, each once, skipped ones left out.
    const blocks = new Set<Element>();
    const rejected = new Set<Element>();
    const cache = blockCache();
    let n = 0;
    for (const text of texts) {
      // 10,000 candidates, each gone up from to its block: 20 to 100 ms in one stretch, unsliced.
      if (++n % 64 === 0 && this.#scheduler.due()) await this.#scheduler.slice();
      if (!text.isConnected) continue;
      const block = cache.of(text);
      if (!block || blocks.has(block) || rejected.has(block)) continue;
      if (isInSkippedSubtree(text, this.#root)) rejected.add(block);
      else blocks.add(block);
    }
    // The names load only where an anchor hit: most frames never need them.
    if (blocks.size > 0) await matcher.prepare();
    for (const block of blocks) {
      if (this.#scheduler.due()) await this.#scheduler.slice();
      for (const segment of runsOf(block, this.#root)) {
        const found = matcher.findAll(segment.text);
        if (found.length === 0) continue;
        // Made to size: a block holds one or two mentions, and an array grown by push keeps room for 17.
        const made = found.map((match) => this.#mention(segment, match));
        const known = this.#byBlock.get(block);
        this.#byBlock.set(block, known ? known.concat(made) : made);
        changed = true;
      }
    }
    return changed;
  }

  /** Forgets the candidates under `root`, walking whichever is smaller: its subtree or what is known. */
  #forgetUnder(root: Node): boolean {
    const before = this.#byBlock.size;
    if (root === this.#root) {
      this.#byBlock.clear();
    } else if (root.nodeType === Node.ELEMENT_NODE) {
      const el = root as Element;
      if (!holdsAtLeast(el, this.#byBlock.size)) {
        this.#byBlock.delete(el);
        for (const child of el.getElementsByTagName('*')) this.#byBlock.delete(child);
      } else {
        for (const block of [...this.#byBlock.keys()]) if (el.contains(block)) this.#byBlock.delete(block);
      }
    }
    return this.#byBlock.size !== before;
  }

  #mention(segment: Segment, match: NameMatch): Mention {
    const doc = segment.block.ownerDocument;
    const start = pointAt(segment, match.start, 'start');
    const end = pointAt(segment, match.end, 'end');
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const mention: Mention = {
      range,
      refersTo: match.refersTo,
      name: match.name,
      block: segment.block,
      visible: false,
    };
    mention.visible = isVisible(mention);
    return mention;
  }

  /** Forgets blocks that left the page, and ranges whose text was cut away. */
  #prune(): boolean {
    let changed = false;
    for (const [block, list] of this.#byBlock) {
      const live = block.isConnected ? list.filter((m) => !m.range.collapsed && m.range.startContainer.isConnected) : [];
      if (live.length !== list.length) {
        changed = true;
        if (live.length === 0) this.#byBlock.delete(block);
        else this.#byBlock.set(block, live);
      }
    }
    return changed;
  }
}

/**
 * Whether inline text lies next to a sibling position: the nearest sibling
 * that is not whitespace-only text, looking back or forward, is text or an
 * inline element. Whitespace alone never makes or breaks a name's run.
 */
function nextToInlineText(sibling: Node | null, direction: 'back' | 'forward'): boolean {
  for (let node = sibling; node; node = direction === 'back' ? node.previousSibling : node.nextSibling) {
    if (node.nodeType === Node.TEXT_NODE) {
      if ((node as Text).data.trim() !== '') return true;
      continue;
    }
    return node.nodeType === Node.ELEMENT_NODE && isInline(node as Element);
  }
  return false;
}

/**
 * A document whose body holds nothing and is all there is after its head.
 * Asked for a yes or no, not for an element: the first element a script
 * touches costs a frame about a millisecond (the browser builds its element
 * types for the script then), and an empty frame needs none. XPath walks
 * only the root's and the body's children; a selector looks at every
 * element (9 ms on 100,000 paragraphs).
 */
function isEmptyDocument(root: Document | ShadowRoot): boolean {
  return root.nodeType === Node.DOCUMENT_NODE && (root as Document).evaluate(EMPTY_BODY, root, null, XPathResult.BOOLEAN_TYPE, null).booleanValue;
}

/** The root's body, with no child and no element after it (a node-set: true if it holds one). */
const EMPTY_BODY = '/*/body[not(node() | following-sibling::*)]';

/** A style sheet, or an element holding one. */
function changesStyle(node: Node | null): boolean {
  if (node?.nodeType !== Node.ELEMENT_NODE) return false;
  const el = node as Element;
  return el.localName === 'style' || el.localName === 'link' || (el.firstElementChild !== null && el.querySelector('style, link') !== null);
}

function isOurs(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(HOST_TAG) != null;
}
