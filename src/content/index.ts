// Content script: wires the pack, settings and messaging to the page session.
import { compileMatcher } from '../lib/matcher.ts';
import { packLocale } from '../lib/locale.ts';
import { runsOn, withSiteDisabled, type Settings } from '../lib/settings.ts';
import { patterns } from '../data/kaspersky.pack.json';
import type { Pack } from '../data/pack-schema.ts';
import { STYLE_HIGHLIGHT } from '../dom/highlight-style.ts';
import { startPageSession, type PageSession } from '../dom/page-session.ts';
import { createCountReporter } from '../platform/count-reporter.ts';
import { sendToBackground, serveContent } from '../platform/messaging.ts';
import { loadSettings, updateSettings, watchSettings } from '../platform/settings.ts';
import { shadowRootOf } from '../platform/shadow-roots.ts';
import { languageOf, translatorWith } from '../platform/i18n.ts';

const forever = new AbortController().signal;
const reporter = createCountReporter();
// Only the names ship in the content script (the build validated the whole
// pack); what the card shows comes from the background when needed.
const matcher = compileMatcher(patterns as Pack['patterns']);
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
    language: reader,
    async loadCard() {
      const { pack, catalog } = await sendToBackground('getCardData', { language });
      // The background parsed the pack with its schema before sending it.
      return { pack: pack as Pack, locale: packLocale(reader), t: translatorWith(language, catalog).t };
    },
    shadowRootOf,
    highlightName: STYLE_HIGHLIGHT[highlightStyle],
    openDelayMs: hoverDelayMs,
    showAllEvents,
    onCount: (count) => reporter.report(count),
    onOpenPanel: () => void sendToBackground('openPanel', {}),
    onTurnOff: () => void updateSettings((s) => withSiteDisabled(s, location.hostname)),
  });
}

void loadSettings().then(apply);
watchSettings(apply, forever);

serveContent(
  {
    focusNextMention: async () => ({ opened: session?.focusNextMention() ?? false }),
    describePage: async () => ({ hostname: location.hostname, running: session !== null }),
    listMentions: async () => ({ mentions: session?.listMentions() ?? [] }),
    openMention: async ({ index }) => ({ opened: session?.openMention(index) ?? false }),
  },
  forever,
);

// A frame that goes away takes its mentions with it; one restored from the
// back-forward cache brings them back.
addEventListener('pagehide', () => reporter.report(0, { now: true }));
addEventListener('pageshow', (event) => {
  if (event.persisted) reporter.report(session?.page.count ?? 0, { now: true, force: true });
});
