import type { Pack } from '../data/pack-schema.ts';
import type { PackLocale } from '../lib/locale.ts';
import type { MentionSummary } from '../lib/messages.ts';
import { snippetAround } from '../lib/snippet.ts';
import type { PageMentions } from './page-mentions.ts';
import type { MentionMarks } from './highlights.ts';
import { watchHover, watchTaps, type Point } from './hover.ts';
import { createHoverIntent } from './hover-intent.ts';
import { createCard, type Card } from './card.ts';
import type { Translate } from './pack-text.ts';
import type { Mention } from './engine.ts';
import { inReadingOrder } from './reading-order.ts';
import { runAround } from './segments.ts';

/**
 * What a reader touches in one frame: hovering a mark, the card, the
 * keyboard command and the panel's list. Loaded by the content script only
 * once a frame that shows a mention sees the reader's pointer, or is asked
 * for its mentions (see page-session.ts): the pages where Backstory finds
 * nothing never parse it, nor do the frames nobody points at.
 */

/** What the finder hands over: the page's mentions, their marks, its lifetime. */
export interface ReaderContext {
  doc: Document;
  page: PageMentions;
  marks: MentionMarks;
  signal: AbortSignal;
  /** What the reader's pointer did before the reader was there (oldest first): it takes over from it. */
  early?: readonly PointerEvent[];
}

export interface ReaderOptions {
  pack: Pack;
  locale: PackLocale;
  t: Translate;
  /** The reader's language, for dates, place names and sentence snippets. */
  language: string;
  showAllEvents?: boolean;
  openDelayMs?: number;
  graceMs?: number;
  onOpenPanel(): void;
  onTurnOff(): void;
}

export interface Reader {
  /** The page's mentions changed: a card whose mention went closes. */
  pageChanged(): void;
  /** Scrolls to the mention after the one whose card is open, and opens its card with focus. */
  focusNextMention(): boolean;
  /** The frame's mentions in reading order, as the panel lists them. */
  listMentions(): MentionSummary[];
  /** Scrolls to the mention at `index` (reading order) and opens its card. */
  openMention(index: number): boolean;
  stop(): void;
}

export function startReader({ doc, page, marks, signal, early }: ReaderContext, o: ReaderOptions): Reader {
  let card: Card | null = null;
  const cardNow = (): Card =>
    (card ??= createCard(doc, {
      pack: o.pack,
      locale: o.locale,
      t: o.t,
      language: o.language,
      showAllEvents: o.showAllEvents,
      signal,
      onOpenPanel: o.onOpenPanel,
      onTurnOff: o.onTurnOff,
      onPointerInside: (inside) => intent.pointerOnCard(inside),
      onClosed: () => {
        intent.shown(null);
        marks.activate(null);
      },
    }));

  const open = (mention: Mention, focus: boolean, tap?: Point): void => {
    if (signal.aborted) return;
    cardNow().show(mention, { focus, point: tap ?? (focus ? undefined : hover.lastPoint()) });
    intent.shown(mention, { pinned: tap !== undefined });
    marks.activate(mention.range);
  };

  const intent = createHoverIntent({
    openDelayMs: o.openDelayMs ?? 350,
    graceMs: o.graceMs ?? 300,
    open: (mention) => open(mention, false),
    close: () => card?.hide(),
  });

  const hover = watchHover(doc, {
    page,
    highlight: marks.highlight,
    restore: marks.restore,
    signal,
    early,
    onHover(mention) {
      if (!card?.mention) marks.activate(mention?.range ?? null);
      intent.pointerOn(mention);
    },
  });

  // On a phone there is no hover: a tap on a marked name opens its card at once.
  watchTaps(doc, {
    page,
    highlight: marks.highlight,
    restore: marks.restore,
    signal,
    early,
    onTap: (mention, point) => open(mention, false, point),
  });

  const reveal = (mention: Mention, focus: boolean): void => {
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    open(mention, focus);
  };

  return {
    pageChanged() {
      // The open card's mention was removed or hidden: close it.
      if (card?.mention && !page.mentionFor(card.mention.range)) card.hide();
    },
    focusNextMention() {
      const all = inReadingOrder(page.mentions());
      if (all.length === 0) return false;
      const at = card?.mention ? all.indexOf(card.mention) : -1;
      reveal(all[(at + 1) % all.length] as Mention, true);
      return true;
    },
    listMentions() {
      return inReadingOrder(page.mentions()).map((m, index) => {
        // The sentence is read now, from the page: a mention keeps no copy of its text.
        const run = runAround(m.block, m.range) ?? { text: m.range.toString(), start: 0, end: m.range.toString().length };
        return { index, refersTo: m.refersTo, ...snippetAround(run.text, run.start, run.end, o.language) };
      });
    },
    openMention(index) {
      const mention = inReadingOrder(page.mentions())[index];
      if (!mention) return false;
      reveal(mention, false);
      return true;
    },
    stop() {
      intent.cancel();
      card?.hide();
    },
  };
}
