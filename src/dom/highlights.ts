import type { Pace } from './scheduler.ts';
import { ACTIVE_HIGHLIGHT, HIGHLIGHT_CSS, MENTION_HIGHLIGHT } from './highlight-style.ts';

/**
 * Marks mentions with the CSS Custom Highlight API: live Ranges in registered
 * Highlights, styled by ::highlight(). No element is inserted into the page.
 */

type HighlightWindow = Window & {
  Highlight?: new (...ranges: Range[]) => Highlight;
  CSS?: { highlights?: HighlightRegistry };
  CSSStyleSheet: typeof CSSStyleSheet;
};

export interface MentionMarks {
  /**
   * Marks exactly these ranges; re-registers if the page removed ours.
   * With a pace, yields between slices (a page of 10,000 mentions takes
   * tens of ms to register); a later call, or clear(), supersedes one
   * still running.
   */
  show(ranges: Iterable<Range>, pace?: Pace): Promise<void>;
  /** Marks one range as the active mention (hovered or focused), or none. */
  activate(range: Range | null): void;
  /** Puts our highlights back if the page deleted or replaced them. */
  restore(): void;
  /** The Highlight holding every mark, for hit-testing. */
  readonly highlight: Highlight | null;
  clear(): void;
}

/** Marks added or removed between two checks of the clock. */
const CHECK_EVERY = 64;

export function createMentionMarks(win: Window, name: string = MENTION_HIGHLIGHT): MentionMarks {
  const view = win as HighlightWindow;
  // Made on the first mark: a frame without a mention (most frames) never
  // pays for the registry and the highlights (the browser builds their types
  // for the script on first use), and never sees ours in its registry (nor
  // restyles for them). Without the Custom Highlight API, mentions are still
  // found and counted, not marked.
  let all: Highlight | undefined;
  let active: Highlight | undefined;
  const shown = new Set<Range>();
  /** Calls of show() and clear() so far: a running show() that sees a newer one stops. */
  let calls = 0;
  const made = (): boolean => {
    if (!all && view.Highlight && view.CSS?.highlights) {
      all = new view.Highlight();
      active = new view.Highlight();
      active.priority = 1;
    }
    return all !== undefined;
  };
  const restore = (): void => {
    const registry = view.CSS?.highlights;
    if (!all || !active || !registry) return;
    if (all.size > 0 && registry.get(name) !== all) registry.set(name, all);
    if (active.size > 0 && registry.get(ACTIVE_HIGHLIGHT) !== active) registry.set(ACTIVE_HIGHLIGHT, active);
  };
  const unregister = (): void => {
    const registry = view.CSS?.highlights;
    if (registry && all && registry.get(name) === all) registry.delete(name);
  };
  return {
    get highlight() {
      return made() ? (all as Highlight) : null;
    },
    async show(ranges, pace) {
      // Only what changed: a page that grows by one mention costs one add,
      // not a rebuild of every mark. What is shown is mirrored here; if the
      // page emptied our highlight, the sizes differ and all is put back.
      const next = new Set(ranges);
      if ((!all && next.size === 0) || !made()) return;
      const call = ++calls;
      const marks = all as Highlight;
      if (marks.size !== shown.size) {
        marks.clear();
        shown.clear();
      }
      // Between two yields, the marks so far are registered and shown; a
      // newer call works from what is shown then, and this one stops.
      let n = 0;
      const spent = async (): Promise<boolean> => {
        if (!pace || ++n % CHECK_EVERY !== 0 || !pace.due()) return false;
        restore();
        await pace.slice();
        return call !== calls;
      };
      // Firefox deletes a range from a registered highlight in time that
      // grows with the page and its marks (1,000 deletes on 10,000
      // paragraphs: 0.8 s; 2,000 on 20,000: 9 s), from an unregistered one
      // in microseconds: deletes happen unregistered, and most marks gone
      // is one clear().
      const gone: Range[] = [];
      for (const range of shown) if (!next.has(range)) gone.push(range);
      if (gone.length > 0) unregister();
      if (gone.length * 2 > shown.size) {
        marks.clear();
        shown.clear();
      } else {
        for (const range of gone) {
          marks.delete(range);
          shown.delete(range);
          if (await spent()) return;
          unregister();
        }
      }
      for (const range of next) {
        if (!shown.has(range)) {
          marks.add(range);
          shown.add(range);
          // Registered from its first mark: Firefox registers a highlight in
          // time that grows with its ranges and the page (1,000 ranges on
          // 100,000 paragraphs: 80 to 90 ms at once), and adding to a
          // registered one spreads that over the slices.
          if (marks.size === 1) restore();
          if (await spent()) return;
        }
      }
      restore();
    },
    activate(range) {
      if ((!all && !range) || !made()) return;
      (active as Highlight).clear();
      if (range) active?.add(range);
      restore();
    },
    restore,
    clear() {
      calls++;
      shown.clear();
      const registry = view.CSS?.highlights;
      if (!all || !active || !registry) return;
      all.clear();
      active.clear();
      if (registry.get(name) === all) registry.delete(name);
      if (registry.get(ACTIVE_HIGHLIGHT) === active) registry.delete(ACTIVE_HIGHLIGHT);
    },
  };
}

const adopted = new WeakSet<ShadowRoot>();

/**
 * Shadow roots do not see the document's styles: each one adopts ours. This
 * changes the root's adopted sheets, never its nodes.
 */
export function adoptHighlightStyle(root: ShadowRoot): void {
  if (adopted.has(root)) return;
  const view = root.ownerDocument.defaultView as HighlightWindow | null;
  if (!view) return;
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    adopted.add(root);
  } catch {
    // A root that refuses the sheet still has its mentions counted.
  }
}
