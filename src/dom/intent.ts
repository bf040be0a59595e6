/**
 * The reader's first sign of interest in a frame, watched for by the
 * content script in every frame that shows a mention, before the reader's
 * code is loaded. Kept apart from hover.ts so the content script carries
 * this and nothing more of it.
 */

export interface IntentWatch {
  /**
   * What the reader's pointer did meanwhile, oldest first: its last move,
   * and the touches (down, up, cancelled) since. The reader's own listeners
   * take these over, so a first hover or tap is not lost while its code loads.
   */
  readonly early: readonly PointerEvent[];
  stop(): void;
}

/** The touches kept for the reader: a few taps' worth. */
const KEPT = 16;

/**
 * Waits for the reader's first sign of interest in a frame: a pointer
 * moving over it or touching it (trusted events only, listened to
 * passively). Calls `onIntent` on each until stopped.
 */
export function watchIntent(doc: Document, signal: AbortSignal, onIntent: () => void): IntentWatch {
  const stopped = new AbortController();
  const early: PointerEvent[] = [];
  const seen = (event: PointerEvent): void => {
    if (!event.isTrusted) return;
    // Of the moves only the last counts (a finger's moves do not: a tap is judged by where it went down and up).
    if (event.type === 'pointermove') {
      if (event.pointerType === 'touch') return;
      const last = early.findIndex((e) => e.type === 'pointermove');
      if (last >= 0) early.splice(last, 1);
    }
    if (early.push(event) > KEPT) early.shift();
    onIntent();
  };
  const options = { passive: true, capture: true, signal: AbortSignal.any([signal, stopped.signal]) };
  for (const type of ['pointermove', 'pointerdown', 'pointerup', 'pointercancel'] as const) doc.defaultView?.addEventListener(type, seen, options);
  return { early, stop: () => stopped.abort() };
}
