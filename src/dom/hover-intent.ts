import type { Mention } from './engine.ts';

/**
 * When to open and close the card: open after the pointer rests on a mention;
 * stay open while it is on the mention or the card, with a grace period to
 * cross the gap (and the gap between the two lines of a wrapped mention, so
 * the card does not flicker); close after leaving both.
 */

export interface HoverIntentOptions {
  openDelayMs: number;
  graceMs: number;
  open(mention: Mention): void;
  close(): void;
}

export interface HoverIntent {
  /** The mention under the pointer now, or null; called on every hit test. */
  pointerOn(mention: Mention | null): void;
  /** The pointer entered (true) or left (false) the card. */
  pointerOnCard(inside: boolean): void;
  /**
   * The card was opened or closed some other way (keyboard, Escape, a tap).
   * `pinned`: opened by a tap, so it stays until a tap elsewhere, Escape or
   * its close button; where a finger or pen lifts off says nothing.
   */
  shown(mention: Mention | null, opts?: { pinned?: boolean }): void;
  cancel(): void;
}

export function createHoverIntent(o: HoverIntentOptions): HoverIntent {
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: Mention | null = null;
  let open: Mention | null = null;
  let onCard = false;
  let pinned = false;

  const stopOpening = (): void => {
    clearTimeout(openTimer);
    openTimer = undefined;
    pending = null;
  };
  const stopClosing = (): void => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const closeSoon = (): void => {
    if (!open || pinned || closeTimer !== undefined) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      open = null;
      o.close();
    }, o.graceMs);
  };

  return {
    pointerOn(mention) {
      if (mention === null) {
        stopOpening();
        if (!onCard) closeSoon();
        return;
      }
      if (mention === open) {
        stopOpening();
        stopClosing();
        return;
      }
      // Another mention: the open card (if any) goes unless the pointer comes back.
      pinned = false;
      if (!onCard) closeSoon();
      if (mention === pending) return;
      stopOpening();
      pending = mention;
      openTimer = setTimeout(() => {
        openTimer = undefined;
        pending = null;
        stopClosing();
        open = mention;
        o.open(mention);
      }, o.openDelayMs);
    },
    pointerOnCard(inside) {
      onCard = inside;
      if (inside) stopClosing();
      else closeSoon();
    },
    shown(mention, opts = {}) {
      stopOpening();
      stopClosing();
      open = mention;
      pinned = mention !== null && opts.pinned === true;
      if (!mention) onCard = false;
    },
    cancel() {
      stopOpening();
      stopClosing();
    },
  };
}
