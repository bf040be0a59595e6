import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import type { Mention } from './engine.ts';
import { buildCardContent, type CardContent, type CardContentOptions } from './card-content.ts';
import { CARD_CSS } from './card-style.ts';
import { findEntry } from './pack-text.ts';
import { HOST_TAG } from './segments.ts';

/**
 * The card: our one node in the page, a custom-tag host with a closed shadow
 * root, shown in the top layer as a popover and placed against the
 * mention's Range with floating-ui. Built on first use, not at page load.
 */

export interface CardOptions extends Omit<CardContentOptions, 'referent' | 'showAll'> {
  /** Start with every government action listed, not only the article's. */
  showAllEvents?: boolean;
  onOpenPanel(): void;
  onTurnOff(): void;
  /** The pointer entered or left the card. */
  onPointerInside(inside: boolean): void;
  /** The card closed (Escape, close button, click elsewhere, mention gone). */
  onClosed(): void;
  /** The card was placed next to its mention (the benchmark times this). */
  onPlaced?(): void;
  signal: AbortSignal;
}

export interface Card {
  show(mention: Mention, opts?: { focus?: boolean; point?: { x: number; y: number } }): void;
  hide(): void;
  readonly mention: Mention | null;
}

type PopoverHost = HTMLElement & { showPopover(): void; hidePopover(): void };

export function createCard(doc: Document, o: CardOptions): Card {
  let host: PopoverHost | null = null;
  let shadow: ShadowRoot | null = null;
  let content: CardContent | null = null;
  let current: Mention | null = null;
  let showAll = o.showAllEvents ?? false;
  let stopPositioning: (() => void) | null = null;
  let returnFocus: Element | null = null;

  const view = doc.defaultView as (Window & typeof globalThis) | null;

  const build = (): void => {
    host = doc.createElement(HOST_TAG) as PopoverHost;
    host.setAttribute('popover', 'manual');
    shadow = host.attachShadow({ mode: 'closed' });
    try {
      const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
      sheet.replaceSync(CARD_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // A constructed sheet is not subject to the page's CSP; a <style> is
      // the fallback where adopting fails.
      const style = doc.createElement('style');
      style.textContent = CARD_CSS;
      shadow.append(style);
    }
    // A finger does not hover: it enters the card when it touches it and leaves when it lifts.
    host.addEventListener('pointerenter', (event) => {
      if (event.pointerType !== 'touch') o.onPointerInside(true);
    }, { passive: true, signal: o.signal });
    host.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch') o.onPointerInside(false);
    }, { passive: true, signal: o.signal });
    host.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        hide(true);
      }
    }, { signal: o.signal });
    view?.addEventListener('keydown', (event) => {
      if (event.isTrusted && event.key === 'Escape' && current) hide(true);
    }, { capture: true, signal: o.signal });
    view?.addEventListener('pointerdown', (event) => {
      if (event.isTrusted && current && event.target !== host) hide(false);
    }, { capture: true, passive: true, signal: o.signal });
    o.signal.addEventListener('abort', () => host?.remove(), { once: true });
  };

  // The card's content depends only on what the mention refers to and on
  // whether every action is listed: each variant is built once and reused.
  const built = new Map<string, CardContent>();
  const contentFor = (mention: Mention): CardContent => {
    const key = `${mention.refersTo}:${showAll}`;
    let made = built.get(key);
    if (made) return made;
    made = buildCardContent(doc, { ...o, referent: mention.refersTo, showAll });
    const { close, toggleAll, seeAll, latest, latestEventId, openPanel, turnOff } = made;
    // Only the reader's own clicks count: a page script cannot press our buttons.
    const onClick = (button: HTMLElement, action: () => void): void =>
      button.addEventListener('click', (event) => {
        if (event.isTrusted) action();
      });
    onClick(close, () => hide(true));
    if (toggleAll) onClick(toggleAll, () => {
      if (!current) return;
      showAll = !showAll;
      const hadFocus = shadow?.activeElement === toggleAll;
      render(current);
      if (hadFocus) content?.toggleAll?.focus();
    });
    if (seeAll) onClick(seeAll, () => reveal(null));
    if (latest) onClick(latest, () => reveal(latestEventId));
    onClick(openPanel, () => o.onOpenPanel());
    onClick(turnOff, () => o.onTurnOff());
    built.set(key, made);
    return made;
  };

  const render = (mention: Mention): void => {
    if (!shadow) return;
    const next = contentFor(mention);
    if (next === content && next.root.isConnected) return;
    content = next;
    const old = shadow.querySelector('.card');
    if (old) old.replaceWith(next.root);
    else shadow.append(next.root);
  };

  /**
   * From the summary into the details: every action listed, then the one
   * asked for (or the list's heading) scrolled to the card's top, with focus.
   */
  const reveal = (eventId: string | null): void => {
    if (!current) return;
    if (!showAll) {
      showAll = true;
      render(current);
    }
    const root = content?.root;
    if (!root) return;
    const target =
      eventId === null
        ? root.querySelector<HTMLElement>('#card-actions')
        : findEntry(root, eventId);
    if (!target) return;
    target.focus({ preventScroll: true });
    root.scrollTo({ top: target.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop - 8 });
  };

  /** The mention left the viewport or the page: the card goes with it. */
  const outOfView = (range: Range): boolean => {
    if (range.collapsed || !range.startContainer.isConnected) return true;
    const height = view?.innerHeight ?? 0;
    const width = view?.innerWidth ?? 0;
    return ![...range.getClientRects()].some((r) => r.bottom > 0 && r.top < height && r.right > 0 && r.left < width);
  };

  /** After the next paint: a frame callback runs before it, a task queued there after it. */
  const afterPaint = (run: () => void): void => {
    (view ?? globalThis).requestAnimationFrame(() => setTimeout(run, 0));
  };

  /** Sets one of the host's place variables, only where it changes: each write makes the browser lay the card out again. */
  const setVar = (name: string, px: number): void => {
    const value = `${px}px`;
    if (host && host.style.getPropertyValue(name) !== value) host.style.setProperty(name, value, 'important');
  };

  const place = (mention: Mention, point?: { x: number; y: number }): void => {
    stopPositioning?.();
    let stopped = false;
    let stopWatching: (() => void) | null = null;
    stopPositioning = () => {
      stopped = true;
      stopWatching?.();
    };
    const range = mention.range;
    const reference: VirtualElement = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: mention.block,
    };
    const update = (): void => {
      if (!host) return;
      if (outOfView(range)) {
        hide(false);
        return;
      }
      void computePosition(reference, host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(point),
          offset(6),
          flip({ padding: 8, fallbackStrategy: 'bestFit' }),
          shift({ padding: 8 }),
          // Never taller than the room on its side: the card scrolls inside.
          size({
            padding: 8,
            apply({ availableHeight }) {
              setVar('--backstory-max-height', Math.max(120, Math.floor(availableHeight)));
            },
          }),
        ],
      }).then(({ x, y }) => {
        setVar('--backstory-x', Math.round(x));
        setVar('--backstory-y', Math.round(y));
        o.onPlaced?.();
      });
    };
    // Keeping the card on its mention as the page scrolls, resizes or moves
    // is set up once the placed card is painted: floating-ui's observers
    // read the layout, and set up first they made the first placing about
    // twice as slow in Firefox. They report any change made meanwhile
    // (a ResizeObserver's first report), so their own first update is skipped.
    const watch = (): void => {
      if (stopped || !host) return;
      let first = true;
      stopWatching = autoUpdate(reference, host, () => {
        if (first) first = false;
        else update();
      }, { animationFrame: false });
    };
    update();
    afterPaint(watch);
  };

  function show(mention: Mention, opts: { focus?: boolean; point?: { x: number; y: number } } = {}): void {
    if (!host) build();
    if (!host) return;
    // The page may have removed our host; put it back on the next use.
    if (!host.isConnected) doc.documentElement.append(host);
    if (current !== mention) {
      showAll = o.showAllEvents ?? false;
      render(mention);
      // A reused card starts at its top for each new mention.
      content?.root.scrollTo?.(0, 0);
    }
    const wasOpen = host.matches(':popover-open');
    const opening = current !== mention || !wasOpen;
    current = mention;
    if (opening && content) {
      // Laying out the whole card is most of what an open costs, and the
      // article's first key points alone fill its first screen: what lies
      // below them is laid out once the first screen is painted, before a
      // reader can scroll. (Removed in a frame callback, it was laid out
      // before that first paint, in the same frame.)
      const root = content.root;
      root.setAttribute('data-opening', '');
      afterPaint(() => root.removeAttribute('data-opening'));
    }
    try {
      if (!wasOpen) host.showPopover();
    } catch {
      // A host the page moved into an inert place cannot open; recreate it.
      host.remove();
      doc.documentElement.append(host);
      host.showPopover();
    }
    place(mention, opts.point);
    if (opts.focus) {
      returnFocus = doc.activeElement;
      content?.heading.focus();
    }
  }

  function hide(restoreFocus = false): void {
    if (!current) return;
    current = null;
    stopPositioning?.();
    stopPositioning = null;
    try {
      host?.hidePopover();
    } catch {
      // Already closed.
    }
    if (restoreFocus) {
      // Focus leaves the hidden card at once, not at the browser's next focus fix-up.
      (shadow?.activeElement as HTMLElement | null)?.blur();
      (returnFocus as HTMLElement | null)?.focus?.();
    }
    returnFocus = null;
    o.onClosed();
  }

  return {
    show,
    hide: () => hide(false),
    get mention() {
      return current;
    },
  };
}
