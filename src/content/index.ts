// Content script: wires the pack, settings and messaging to the page session.
import { anchorSearch, deferredMatcher, type AnchorSources } from '../lib/matcher.ts';
import type { Pack } from '../data/pack-schema.ts';
import { packLocale } from '../lib/locale.ts';
import { runsOn, type Settings } from '../lib/settings.ts';
import { STYLE_HIGHLIGHT } from '../dom/highlight-style.ts';
import { startPageSession, type PageSession } from '../dom/page-session.ts';
import { createCountReporter } from '../platform/count-reporter.ts';
import { sendToBackground, serveContent } from '../platform/messaging.ts';
import { loadSettings, watchSettings } from '../platform/settings.ts';
import { shadowRootOf } from '../platform/shadow-roots.ts';
import { languageOf, translatorWith } from '../platform/i18n.ts';
import { importOwn } from '../platform/own-modules.ts';
import type * as ReaderModule from './reader.ts';
import type * as NamesModule from './names.ts';

/** The search for the anchors of the pack's names, written in by the build (scripts/build.ts) from the same pack as names.js. */
declare const BACKSTORY_ANCHORS: AnchorSources;

const forever = new AbortController().signal;
const reporter = createCountReporter();
// Only the anchors of the names ship in the content script; the names load
// from names.js where an anchor hits (the build validated the whole pack),
// what the card shows comes from the background, and the code that shows
// it from reader.js, once the page shows a mention.
const anchors = anchorSearch(BACKSTORY_ANCHORS);
const matcher = deferredMatcher(anchors, async () => {
  const names = (await importOwn('names.js')) as Partial<typeof NamesModule>;
  if (!names.matcherWith) throw new Error('Backstory: names.js does not export its matcher');
  return names.matcherWith(anchors);
});
let session: PageSession | null = null;
let applied = '';

/** Starts, stops or restarts the session so it matches the settings, at once. */
function apply(settings: Settings): void {
  const on = runsOn(settings, location.hostname);
  const { highlightStyle, hoverDelayMs, language, showAllEvents } = settings;
  const shape = JSON.stringify({ on, highlightStyle, hoverDelayMs, language, showAllEvents });
  if (shape === applied) return;
  applied = shape;
  session?.stop();
  session = null;
  if (!on) {
    reporter.report(0, { now: true });
    return;
  }
  const reader = languageOf(language);
  session = startPageSession(document, {
    matcher,
    shadowRootOf,
    highlightName: STYLE_HIGHLIGHT[highlightStyle],
    onCount: (count) => reporter.report(count),
    async loadReader(context) {
      const [{ pack, catalog }, code] = await Promise.all([sendToBackground('getCardData', { language }), importOwn('reader.js')]);
      const { startReader, formatMessage } = code as Partial<typeof ReaderModule>;
      if (typeof startReader !== 'function' || typeof formatMessage !== 'function') {
        throw new Error('Backstory: reader.js does not export startReader and formatMessage');
      }
      // The background parsed the pack with its schema before sending it.
      return startReader(context, {
        pack: pack as Pack,
        locale: packLocale(reader),
        t: translatorWith(language, catalog, formatMessage).t,
        language: reader,
        showAllEvents,
        openDelayMs: hoverDelayMs,
        onOpenPanel: () => void sendToBackground('openPanel', {}),
        onTurnOff: () => void sendToBackground('turnOffSite', {}),
      });
    },
  });
}

void loadSettings().then(apply);
watchSettings(apply, forever);

serveContent(
  {
    focusNextMention: async () => ({ opened: (await session?.focusNextMention()) ?? false }),
    describePage: async () => ({ hostname: location.hostname, running: session !== null }),
    listMentions: async () => ({ mentions: (await session?.listMentions()) ?? [] }),
    openMention: async ({ index }) => ({ opened: (await session?.openMention(index)) ?? false }),
  },
  forever,
);

// A frame that goes away takes its mentions with it; one restored from the
// back-forward cache brings them back.
addEventListener('pagehide', () => reporter.report(0, { now: true }));
addEventListener('pageshow', (event) => {
  if (event.persisted) reporter.report(session?.page.count ?? 0, { now: true, force: true });
});
