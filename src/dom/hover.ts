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

export function watchHover(doc: Document, { page, highlight, onHover, restore, signal }: HoverOptions): HoverWatch {
  let moved = false;
  let x = 0;
  let y = 0;
  const watch: HoverWatch = { lastPoint: () => (moved ? { x, y } : undefined) };
  const view = doc.defaultView;
  if (!view) return watch;
  let frame = 0;
  let current: Mention | null = null;
  const report = (next: Mention | null): void => {
    if (next === current) return;
    current = next;
    onHover(next);
  };
  view.addEventListener(
    'pointermove',
    (event) => {
      // Only the reader's pointer counts: a page script cannot open cards.
      if (!event.isTrusted || event.pointerType === 'touch') return;
      moved = true;
      x = event.clientX;
      y = event.clientY;
      frame ||= view.requestAnimationFrame(() => {
        frame = 0;
        restore?.();
        report(mentionAtPoint(doc, page, highlight, x, y));
      });
    },
    { passive: true, capture: true, signal },
  );
  // Leaving the window leaves every mention.
  doc.documentElement.addEventListener('pointerleave', () => report(null), { passive: true, signal });
  return watch;
}
