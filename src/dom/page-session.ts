import type { Matcher } from '../lib/matcher.ts';
import type { MentionSummary } from '../lib/messages.ts';
import { PageMentions } from './page-mentions.ts';
import { createMentionMarks } from './highlights.ts';
import type { Reader, ReaderContext } from './reader.ts';
import { watchIntent, type IntentWatch } from './intent.ts';

/**
 * Everything Backstory does in one frame while it is on. What runs on every
 * page is the finder: find and mark mentions, report their count. What a
 * reader touches (hover, card, keyboard, the panel's list) is the reader,
 * loaded once a frame that shows a mention sees the reader's pointer move
 * or touch, or is asked for its mentions: a page carries dozens of ad and
 * embed frames, and those nobody points at never load the card's code and
 * data. `stop()` undoes all of it (marks, listeners, observers, the card's
 * host) in one call.
 */

export interface PageSessionOptions {
  matcher: Matcher;
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  onCount(count: number): void;
  /** The registered highlight name, which picks the marks' style. */
  highlightName?: string;
  /**
   * Loads the reader's code and data and starts it; called when the reader
   * first points at a frame that shows a mention, or asks for its mentions,
   * and again on the next such sign if that failed.
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
  /** Waits for the reader's pointer once the frame shows a mention, until the reader is there. */
  let intent: IntentWatch | null = null;
  const loadReader = (): Promise<Reader> =>
    (loading ??= o.loadReader({ doc, page, marks, signal, early: intent?.early }).then(
      (started) => {
        if (signal.aborted) started.stop();
        reader = started;
        intent?.stop();
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
      // Loaded on the first move or touch of the reader's pointer in the
      // frame: it is there by the time the pointer has rested on a mark
      // (the hover delay), and a tap made meanwhile is handed over.
      if (current.count > 0 && !reader) intent ??= watchIntent(doc, signal, () => void loadReader().catch(() => undefined));
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
