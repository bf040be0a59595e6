/**
 * Marks mentions with the CSS Custom Highlight API: live Ranges in one
 * registered Highlight, styled by ::highlight(backstory-mention). No element
 * is inserted into the page.
 */

export const HIGHLIGHT_NAME = 'backstory-mention';

type HighlightWindow = Window & {
  Highlight?: new (...ranges: Range[]) => Highlight;
  CSS?: { highlights?: HighlightRegistry };
};

export interface MentionMarks {
  /** Shows exactly these ranges; re-registers if the page removed ours. */
  show(ranges: Iterable<Range>): void;
  clear(): void;
}

export function createMentionMarks(win: Window): MentionMarks {
  const view = win as HighlightWindow;
  const registry = view.CSS?.highlights;
  const HighlightCtor = view.Highlight;
  if (!registry || !HighlightCtor) {
    // No Custom Highlight API: mentions are still found and counted, not marked.
    return { show() {}, clear() {} };
  }
  const highlight = new HighlightCtor();
  const register = (): void => {
    if (registry.get(HIGHLIGHT_NAME) !== highlight) registry.set(HIGHLIGHT_NAME, highlight);
  };
  return {
    show(ranges) {
      highlight.clear();
      for (const range of ranges) highlight.add(range);
      register();
    },
    clear() {
      highlight.clear();
      if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
    },
  };
}
