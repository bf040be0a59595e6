import type { Matcher } from '../lib/matcher.ts';
import type { Pack } from '../data/pack-schema.ts';
import type { PackLocale } from '../lib/locale.ts';
import { PageMentions } from './page-mentions.ts';
import { createMentionMarks } from './highlights.ts';
import { watchHover } from './hover.ts';
import { createHoverIntent } from './hover-intent.ts';
import { createCard, type Card } from './card.ts';
import type { Translate } from './card-content.ts';
import type { Mention } from './engine.ts';
import { snippetAround } from '../lib/snippet.ts';
import type { MentionSummary } from '../lib/messages.ts';

/**
 * Everything Backstory does in one frame while it is on: find and mark
 * mentions, follow the pointer, open the card. `stop()` undoes all of it
 * (marks, listeners, observers, the card's host) in one call.
 */

/** What the card shows, loaded on demand: the content script does not carry it. */
export interface CardData {
  pack: Pack;
  locale: PackLocale;
  t: Translate;
}

export interface PageSessionOptions {
  matcher: Matcher;
  /** The reader's language, for dates, place names and sentence snippets. */
  language: string;
  /** Loads the card's data; called once, when the page first shows a mention. */
  loadCard(): Promise<CardData>;
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  onCount(count: number): void;
  onOpenPanel(): void;
  onTurnOff(): void;
  openDelayMs?: number;
  graceMs?: number;
  /** The registered highlight name, which picks the marks' style. */
  highlightName?: string;
  showAllEvents?: boolean;
}

export interface PageSession {
  readonly page: PageMentions;
  /** Scrolls to the mention after the one whose card is open, and opens its card with focus. */
  focusNextMention(): boolean;
  /** The frame's mentions in reading order, as the panel lists them. */
  listMentions(): MentionSummary[];
  /** Scrolls to the mention at `index` (reading order) and opens its card. */
  openMention(index: number): boolean;
  stop(): void;
}

export function startPageSession(doc: Document, o: PageSessionOptions): PageSession {
  const controller = new AbortController();
  const { signal } = controller;
  const view = doc.defaultView as Window;
  const marks = createMentionMarks(view, o.highlightName);

  // The card's data is fetched as soon as the page shows a mention, so it is
  // there by the time a reader rests on one.
  let cardData: Promise<CardData> | null = null;
  const loadCard = (): Promise<CardData> =>
    (cardData ??= o.loadCard().catch((error: unknown) => {
      cardData = null; // the next hover asks again
      throw error;
    }));

  const page = new PageMentions(doc, {
    matcher: o.matcher,
    shadowRootOf: o.shadowRootOf,
    signal,
    onChange(current) {
      marks.show(current.mentions().map((m) => m.range));
      o.onCount(current.count);
      if (current.count > 0) loadCard().catch(() => undefined);
      // The open card's mention was removed or hidden: close it.
      if (card?.mention && !current.mentionFor(card.mention.range)) card.hide();
    },
  });

  let card: Card | null = null;
  const cardFor = (data: CardData): Card =>
    (card ??= createCard(doc, {
      ...data,
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

  let wanted: Mention | null = null;
  const show = (data: CardData, mention: Mention, focus: boolean): void => {
    cardFor(data).show(mention, { focus, point: focus ? undefined : hover.lastPoint() });
    intent.shown(mention);
    marks.activate(mention.range);
  };
  const open = (mention: Mention, focus: boolean): void => {
    wanted = mention;
    loadCard().then(
      (data) => {
        // Only the last mention asked for, and only while the session runs.
        if (wanted === mention && !signal.aborted) show(data, mention, focus);
      },
      (error: unknown) => console.warn('Backstory: the card could not load its data', error),
    );
  };

  const intent = createHoverIntent({
    openDelayMs: o.openDelayMs ?? 350,
    graceMs: o.graceMs ?? 300,
    open: (mention) => open(mention, false),
    close: () => {
      wanted = null;
      card?.hide();
    },
  });

  page.start();
  const hover = watchHover(doc, {
    page,
    highlight: marks.highlight,
    restore: marks.restore,
    signal,
    onHover(mention) {
      if (!card?.mention) marks.activate(mention?.range ?? null);
      intent.pointerOn(mention);
    },
  });

  const reveal = (mention: Mention, focus: boolean): void => {
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    open(mention, focus);
  };

  return {
    page,
    focusNextMention() {
      const all = page.mentionsInOrder();
      if (all.length === 0) return false;
      const at = card?.mention ? all.indexOf(card.mention) : -1;
      reveal(all[(at + 1) % all.length] as Mention, true);
      return true;
    },
    listMentions() {
      return page.mentionsInOrder().map((m, index) => ({
        index,
        refersTo: m.refersTo,
        ...snippetAround(m.text, m.start, m.end, o.language),
      }));
    },
    openMention(index) {
      const mention = page.mentionsInOrder()[index];
      if (!mention) return false;
      reveal(mention, false);
      return true;
    },
    stop() {
      intent.cancel();
      card?.hide();
      controller.abort();
      marks.clear();
      o.onCount(0);
    },
  };
}
