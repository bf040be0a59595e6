import * as v from 'valibot';

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
}

export interface BackgroundRequests {
  /** A frame's content script: the number of visible mentions it holds now. */
  reportMentions: { args: { count: number }; result: TabState };
  /** The panel: what is known about a tab. */
  getTabState: { args: { tabId: number }; result: TabState };
}

export type BackgroundRequestName = keyof BackgroundRequests;

export type BackgroundMessage = {
  [K in BackgroundRequestName]: { type: K; args: BackgroundRequests[K]['args'] };
}[BackgroundRequestName];

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));

export const backgroundMessage = v.variant('type', [
  v.strictObject({ type: v.literal('reportMentions'), args: v.strictObject({ count }) }),
  v.strictObject({ type: v.literal('getTabState'), args: v.strictObject({ tabId }) }),
]);

/** Parses an incoming message; returns an error sentence instead of throwing. */
export function parseBackgroundMessage(
  message: unknown,
): { ok: true; message: BackgroundMessage } | { ok: false; error: string } {
  const result = v.safeParse(backgroundMessage, message);
  if (result.success) return { ok: true, message: result.output as BackgroundMessage };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `Backstory: bad message${path ? ` at ${path}` : ''}: ${issue.message}` };
}
