import type { Mention } from './engine.ts';
import type { PageMentions } from './page-mentions.ts';

/**
 * Which mention is under the pointer, found by hit-testing rather than by
 * element events (there are no elements of ours to listen on). One passive
 * pointermove listener, throttled to animation frames.
 */

export interface HoverOptions {
  page: PageMentions;
  /** Our Highlight, so hits on the page's own highlights are ignored. */
  highlight: Highlight | null;
  onHover: (mention: Mention | null) => void;
  /** Runs before each hit test: puts our highlights back if the page removed them. */
  restore?: () => void;
  signal: AbortSignal;
  /** Pointer events from before this watch began, oldest first: taken as if heard now. */
  early?: readonly PointerEvent[];
}

type Registry = HighlightRegistry & {
  highlightsFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => Array<{ highlight: Highlight; ranges: AbstractRange[] }>;
};

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: object) => { offsetNode: Node; offset: number } | null;
};

const within = (rect: DOMRect, x: number, y: number): boolean =>
  x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/** The mention whose text is under (x, y), or null. */
export function mentionAtPoint(
  doc: Document,
  page: PageMentions,
  highlight: Highlight | null,
  x: number,
  y: number,
): Mention | null {
  const registry = (doc.defaultView as (Window & { CSS?: { highlights?: Registry } }) | null)?.CSS?.highlights;
  if (highlight && typeof registry?.highlightsFromPoint === 'function') {
    for (const hit of registry.highlightsFromPoint(x, y, { shadowRoots: page.shadowRoots() })) {
      if (hit.highlight !== highlight) continue;
      for (const range of hit.ranges) {
        const mention = page.mentionFor(range);
        if (mention) return mention;
      }
    }
    // No hit is not proof of no mention: Chromium 156 answers nothing when the
    // device pixel ratio is not 1 (HiDPI screens, zoom). Ask the caret too.
  }
  return mentionByCaret(doc, page, x, y);
}

/**
 * The caret position names a text node; a mention in its run counts only if
 * one of its boxes is really under the pointer (the caret snaps to the
 * nearest text even past the end of a line).
 */
function mentionByCaret(doc: Document, page: PageMentions, x: number, y: number): Mention | null {
  const caret = (doc as CaretDocument).caretPositionFromPoint?.(x, y, { shadowRoots: page.shadowRoots() });
  if (!caret) return null;
  for (const mention of page.mentionsAround(caret.offsetNode)) {
    for (const rect of mention.range.getClientRects()) if (within(rect, x, y)) return mention;
  }
  return null;
}

export interface HoverWatch {
  /** Where the reader's pointer was last seen, in viewport coordinates (undefined before any move). */
  lastPoint(): { x: number; y: number } | undefined;
}

export interface Point {
  x: number;
  y: number;
}

export interface HoverSamplerOptions<M> {
  /** The mention at a point, asked once a frame. */
  hitTest(point: Point): M | null;
  /** Whether any of these points lies off the mention. */
  offMention(mention: M, points: readonly Point[]): boolean;
  onHover(mention: M | null): void;
}

/**
 * Which mention the pointer is on: a hit test once a frame, at the last
 * point, and every move in between checked against the mention it is on. A
 * leave is a fact of the event stream, not of where the pointer happens to
 * be when a frame samples it: off and back on within one frame (a flick, or
 * a busy page whose moves arrive together) is a leave and a return.
 */
export function createHoverSampler<M>(o: HoverSamplerOptions<M>) {
  let current: M | null = null;
  let left = false;
  let last: Point | undefined;
  const report = (next: M | null): void => {
    if (next === current) return;
    current = next;
    o.onHover(next);
  };
  return {
    /** The pointer moved through these points, oldest first (the browser may fold several into one event). */
    moved(points: readonly Point[]): void {
      if (current !== null && !left) left = o.offMention(current, points);
      last = points[points.length - 1] ?? last;
    },
    /** A frame: hit-test the last point. */
    frame(): void {
      if (!last) return;
      const next = o.hitTest(last);
      if (left && next === current) report(null);
      left = false;
      report(next);
    },
    /** The pointer left the window, and every mention with it. */
    leave(): void {
      left = false;
      report(null);
    },
    lastPoint: (): Point | undefined => last,
  };
}

export function watchHover(doc: Document, { page, highlight, onHover, restore, signal, early }: HoverOptions): HoverWatch {
  const sampler = createHoverSampler<Mention>({
    hitTest: ({ x, y }) => {
      restore?.();
      return mentionAtPoint(doc, page, highlight, x, y);
    },
    offMention: (mention, points) => {
      const rects = [...mention.range.getClientRects()];
      return points.some(({ x, y }) => !rects.some((rect) => within(rect, x, y)));
    },
    onHover,
  });
  const watch: HoverWatch = { lastPoint: sampler.lastPoint };
  const view = doc.defaultView;
  if (!view) return watch;
  let frame = 0;
  const moved = (event: PointerEvent): void => {
    // Only the reader's pointer counts: a page script cannot open cards.
    if (!event.isTrusted || event.pointerType === 'touch') return;
    const folded = event.getCoalescedEvents?.() ?? [];
    sampler.moved([...folded, event].map((p) => ({ x: p.clientX, y: p.clientY })));
    frame ||= view.requestAnimationFrame(() => {
      frame = 0;
      sampler.frame();
    });
  };
  view.addEventListener('pointermove', moved, { passive: true, capture: true, signal });
  for (const event of early ?? []) if (event.type === 'pointermove') moved(event);
  // Leaving the window leaves every mention (a finger lifting off is no hover ending).
  doc.documentElement.addEventListener('pointerleave', (event) => {
    if (event.pointerType !== 'touch') sampler.leave();
  }, { passive: true, signal });
  return watch;
}

export interface TapOptions {
  page: PageMentions;
  highlight: Highlight | null;
  /** A tap on a mention the page does not take for itself, with where it landed. */
  onTap: (mention: Mention, point: Point) => void;
  restore?: () => void;
  signal: AbortSignal;
  /** Pointer events from before this watch began, oldest first: a tap begun or made then still counts. */
  early?: readonly PointerEvent[];
}

/**
 * Where a tap belongs to the page: following a link, pressing a button,
 * using a form control or an element scripted as one. A mention there
 * keeps its tap for the page; its card is still one choice away in the
 * panel's list of mentions.
 */
const PAGE_TAPS = [
  'a[href]', 'area[href]', 'button', 'input', 'select', 'textarea', 'label', 'summary', 'option', 'video', 'audio',
  '[contenteditable]:not([contenteditable="false"])', '[onclick]',
  ...['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option', 'slider', 'textbox'].map((r) => `[role="${r}"]`),
].join(',');

/** Whether `node` is inside an element that takes taps for the page, across shadow roots. */
export function inPageControl(node: Node): boolean {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    if (el.closest(PAGE_TAPS)) return true;
    const root = el.getRootNode();
    el = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/** Further than this between down and up, in CSS pixels, and the touch was a drag, not a tap. */
const TAP_SLOP = 10;
/** Longer than this and the touch was a long press (which selects text), not a tap. */
const TAP_MS = 600;

/**
 * Taps on marked names, from touch or a pen. Listens passively and never
 * cancels anything: the page's own taps, scrolling and zooming go on as
 * before. A touch the browser takes for a scroll or a zoom ends in
 * pointercancel, never in a tap.
 */
export function watchTaps(doc: Document, { page, highlight, onTap, restore, signal, early }: TapOptions): void {
  const view = doc.defaultView;
  if (!view) return;
  const down = new Map<number, { x: number; y: number; at: number }>();
  const tapping = (event: PointerEvent): boolean => event.isTrusted && (event.pointerType === 'touch' || event.pointerType === 'pen');
  const handlers = {
    pointerdown(event: PointerEvent): void {
      if (tapping(event) && event.isPrimary) down.set(event.pointerId, { x: event.clientX, y: event.clientY, at: event.timeStamp });
    },
    pointercancel(event: PointerEvent): void {
      down.delete(event.pointerId);
    },
    pointerup(event: PointerEvent): void {
      const start = down.get(event.pointerId);
      down.delete(event.pointerId);
      if (!start || !tapping(event)) return;
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > TAP_SLOP || event.timeStamp - start.at > TAP_MS) return;
      restore?.();
      const point = { x: event.clientX, y: event.clientY };
      const mention = mentionAtPoint(doc, page, highlight, point.x, point.y);
      if (mention && !inPageControl(mention.range.startContainer)) onTap(mention, point);
    },
  };
  for (const [type, handler] of Object.entries(handlers)) view.addEventListener(type as 'pointerup', handler, { passive: true, capture: true, signal });
  for (const event of early ?? []) if (event.type in handlers) handlers[event.type as keyof typeof handlers](event);
}
