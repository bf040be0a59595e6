import * as v from 'valibot';
import type { MessageCatalog } from './message-format.ts';
import { LANGUAGES, type LanguageSetting } from './settings.ts';

/**
 * Every request the background answers, one entry per name, with its typed
 * arguments and result. Senders and handlers are both typed from this map,
 * and each incoming message is checked against `backgroundRequest` first.
 */
export interface TabState {
  /** Mentions a reader can see, summed over the tab's frames. */
  count: number;
  /** Frames that reported, including those with no mention. */
  frames: number;
  /** The frames that hold at least one mention. */
  frameIds: number[];
}

/** One mention as the panel lists it: its sentence, cut around the name. */
export interface MentionSummary {
  index: number;
  before: string;
  match: string;
  after: string;
  refersTo: 'company' | 'person';
}

export interface BackgroundRequests {
  /** A frame's content script: the number of visible mentions it holds now. */
  reportMentions: { args: { count: number }; result: TabState };
  /** The panel: what is known about a tab. */
  getTabState: { args: { tabId: number }; result: TabState };
  /** The card's "Open the panel": the panel for the sender's tab. */
  openPanel: { args: Record<string, never>; result: void };
  /** The card's "Turn off on this site": the sender's site joins the sites Backstory skips. */
  turnOffSite: { args: Record<string, never>; result: void };
  /**
   * A content script about to show a card: the pack (validated by the
   * background) and, for a language chosen in the settings, its strings.
   * Kept out of the content script, which runs on every page.
   */
  getCardData: { args: { language: LanguageSetting }; result: { pack: unknown; catalog: MessageCatalog | null } };
}

/** Requests a content script answers, sent by the background to a tab's top frame. */
export interface ContentRequests {
  /** The keyboard command: scroll to the next mention and open its card with focus inside. */
  focusNextMention: { args: Record<string, never>; result: { opened: boolean } };
  /** The panel: which site this frame shows, and whether Backstory runs on it. */
  describePage: { args: Record<string, never>; result: { hostname: string; running: boolean } };
  /** The panel: this frame's mentions, in reading order. */
  listMentions: { args: Record<string, never>; result: { mentions: MentionSummary[] } };
  /** The panel: scroll to one mention and open its card. */
  openMention: { args: { index: number }; result: { opened: boolean } };
}

export type ContentRequestName = keyof ContentRequests;

export type ContentMessage = {
  [K in ContentRequestName]: { type: K; args: ContentRequests[K]['args'] };
}[ContentRequestName];

export type BackgroundRequestName = keyof BackgroundRequests;

export type BackgroundMessage = {
  [K in BackgroundRequestName]: { type: K; args: BackgroundRequests[K]['args'] };
}[BackgroundRequestName];

// Each schema is built on first use, not when the module loads: a module-level
// call stays in every bundle that imports this file (the bundler cannot tell
// it is free of side effects), and the content script, loaded in every
// frame, parses only the requests it answers.
const count = (): v.GenericSchema<unknown, number> => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const tabId = (): v.GenericSchema<unknown, number> => v.pipe(v.number(), v.integer(), v.minValue(0));

let backgroundSchema: v.GenericSchema | undefined;
const backgroundMessage = (): v.GenericSchema =>
  (backgroundSchema ??= v.variant('type', [
    v.strictObject({ type: v.literal('reportMentions'), args: v.strictObject({ count: count() }) }),
    v.strictObject({ type: v.literal('getTabState'), args: v.strictObject({ tabId: tabId() }) }),
    v.strictObject({ type: v.literal('openPanel'), args: v.strictObject({}) }),
    v.strictObject({ type: v.literal('turnOffSite'), args: v.strictObject({}) }),
    v.strictObject({ type: v.literal('getCardData'), args: v.strictObject({ language: v.picklist(LANGUAGES) }) }),
  ]));

let contentSchema: v.GenericSchema | undefined;
const contentMessage = (): v.GenericSchema =>
  (contentSchema ??= v.variant('type', [
    v.strictObject({ type: v.literal('focusNextMention'), args: v.strictObject({}) }),
    v.strictObject({ type: v.literal('describePage'), args: v.strictObject({}) }),
    v.strictObject({ type: v.literal('listMentions'), args: v.strictObject({}) }),
    v.strictObject({ type: v.literal('openMention'), args: v.strictObject({ index: count() }) }),
  ]));

type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

/** Parses an incoming message; returns an error sentence instead of throwing. */
export function parseBackgroundMessage(message: unknown): Parsed<BackgroundMessage> {
  return parseWith(backgroundMessage(), message) as Parsed<BackgroundMessage>;
}

export function parseContentMessage(message: unknown): Parsed<ContentMessage> {
  return parseWith(contentMessage(), message) as Parsed<ContentMessage>;
}

function parseWith(schema: v.GenericSchema, message: unknown): Parsed<unknown> {
  const result = v.safeParse(schema, message);
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `Backstory: bad message${path ? ` at ${path}` : ''}: ${issue.message}` };
}
