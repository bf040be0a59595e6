import type { Matcher } from '../lib/matcher.ts';
import type { MentionSummary } from '../lib/messages.ts';
import { PageMentions } from './page-mentions.ts';
import { createMentionMarks } from './highlights.ts';
import type { Reader, ReaderContext } from './reader.ts';

/**
 * Everything Backstory does in one frame while it is on. What runs on every
 * page is the finder: find and mark mentions, report their count. What a
 * reader touches (hover, card, keyboard, the panel's list) is the reader,
 * loaded the first time the frame shows a mention. `stop()` undoes all of it
 * (marks, listeners, observers, the card's host) in one call.
 */

export interface PageSessionOptions {
  matcher: Matcher;
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  onCount(count: number): void;
  /** The registered highlight name, which picks the marks' style. */
  highlightName?: string;
  /**
   * Loads the reader's code and data and starts it; called when the frame
   * first shows a mention, and again on a later change if that failed.
   */
  loadReader(context: ReaderContext): Promise<Reader>;
}

export interface PageSession {
  readonly page: PageMentions;
  /** Scrolls to the mention after the one whose card is open, and opens its card with focus. */
  focusNextMention(): Promise<boolean>;
  /** The frame's mentions in reading order, as the panel lists them. */
  listMentions(): Promise<MentionSummary[]>;
  /** Scrolls to the mention at `index` (reading order) and opens its card. */
  openMention(index: number): Promise<boolean>;
  stop(): void;
}

export function startPageSession(doc: Document, o: PageSessionOptions): PageSession {
  const controller = new AbortController();
  const { signal } = controller;
  const marks = createMentionMarks(doc.defaultView as Window, o.highlightName);

  let loading: Promise<Reader> | null = null;
  let reader: Reader | null = null;
  let warned = false;
  const loadReader = (): Promise<Reader> =>
    (loading ??= o.loadReader({ doc, page, marks, signal }).then(
      (started) => {
        if (signal.aborted) started.stop();
        reader = started;
        return started;
      },
      (error: unknown) => {
        loading = null; // the next change or request asks again
        if (!warned) console.warn('Backstory: the card could not load', error);
        warned = true;
        throw error;
      },
    ));

  const page = new PageMentions(doc, {
    matcher: o.matcher,
    shadowRootOf: o.shadowRootOf,
    signal,
    async onChange(current, pace) {
      await marks.show(current.mentions().map((m) => m.range), pace);
      o.onCount(current.count);
      // Loaded as soon as the page shows a mention, so it is there by the
      // time a reader rests on one.
      if (current.count > 0) loadReader().catch(() => undefined);
      reader?.pageChanged();
    },
  });
  page.start();

  /** The reader, if the frame has a mention to act on. */
  const readerForMentions = async (): Promise<Reader | null> => (page.count > 0 ? loadReader() : null);

  return {
    page,
    async focusNextMention() {
      return (await readerForMentions())?.focusNextMention() ?? false;
    },
    async listMentions() {
      return (await readerForMentions())?.listMentions() ?? [];
    },
    async openMention(index) {
      return (await readerForMentions())?.openMention(index) ?? false;
    },
    stop() {
      reader?.stop();
      controller.abort();
      marks.clear();
      o.onCount(0);
    },
  };
}
