import { sendToBackground } from './messaging.ts';

/** Sends this frame's count to the background, coalesced, only when it changed. */
export function createCountReporter(delayMs = 100) {
  let sent: number | null = null;
  let wanted = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (): void => {
    timer = undefined;
    if (wanted === sent) return;
    sent = wanted;
    // The background may be restarting; the next change reports again.
    sendToBackground('reportMentions', { count: wanted }).catch(() => {
      sent = null;
    });
  };

  return {
    report(count: number, opts: { now?: boolean; force?: boolean } = {}): void {
      wanted = count;
      if (opts.force) sent = null;
      if (opts.now) {
        clearTimeout(timer);
        send();
      } else {
        timer ??= setTimeout(send, delayMs);
      }
    },
  };
}
