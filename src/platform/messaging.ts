import { browser, type Runtime } from './browser.ts';
import {
  parseBackgroundMessage,
  parseContentMessage,
  type BackgroundMessage,
  type BackgroundRequestName,
  type BackgroundRequests,
  type ContentMessage,
  type ContentRequestName,
  type ContentRequests,
} from '../lib/messages.ts';

type Args<K extends BackgroundRequestName> = BackgroundRequests[K]['args'];
type Result<K extends BackgroundRequestName> = BackgroundRequests[K]['result'];

export function sendToBackground<K extends BackgroundRequestName>(type: K, args: Args<K>): Promise<Result<K>> {
  return browser.runtime.sendMessage({ type, args }) as Promise<Result<K>>;
}

export interface Sender {
  tabId: number | undefined;
  frameId: number | undefined;
  /** The address of the frame that sent the message, as the browser tells it. */
  url: string | undefined;
}

export type BackgroundHandlers = {
  [K in BackgroundRequestName]: (args: Args<K>, sender: Sender) => Promise<Result<K>>;
};

/**
 * Answers requests from our own extension only. A message from anyone else,
 * or of a shape we do not know, is answered with an error, never acted on.
 */
export function serveBackground(handlers: BackgroundHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) {
      return Promise.reject(new Error('Backstory: message from an unknown sender'));
    }
    const parsed = parseBackgroundMessage(message);
    if (!parsed.ok) return Promise.reject(new Error(parsed.error));
    const from: Sender = { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url };
    return dispatch(handlers, parsed.message, from);
  });
}

function dispatch(handlers: BackgroundHandlers, message: BackgroundMessage, sender: Sender): Promise<unknown> {
  const handler = handlers[message.type] as (args: unknown, sender: Sender) => Promise<unknown>;
  return handler(message.args, sender);
}

type ContentArgs<K extends ContentRequestName> = ContentRequests[K]['args'];
type ContentResult<K extends ContentRequestName> = ContentRequests[K]['result'];

export type ContentHandlers = {
  [K in ContentRequestName]: (args: ContentArgs<K>) => Promise<ContentResult<K>>;
};

/** From the background or the panel to one frame of a tab (the top frame unless told). */
export function sendToTab<K extends ContentRequestName>(
  tabId: number,
  type: K,
  args: ContentArgs<K>,
  frameId = 0,
): Promise<ContentResult<K>> {
  return browser.tabs.sendMessage(tabId, { type, args }, { frameId }) as Promise<ContentResult<K>>;
}

/** In a content script: answers the background only, and only known requests. */
export function serveContent(handlers: ContentHandlers, signal: AbortSignal): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    // Content scripts cannot send to tabs: anything that reaches here with our id is our extension.
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseContentMessage(message);
    if (!parsed.ok) return Promise.reject(new Error(parsed.error));
    const m: ContentMessage = parsed.message;
    const handler = handlers[m.type] as (args: unknown) => Promise<unknown>;
    return handler(m.args);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
