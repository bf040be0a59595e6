// Content script: wires the pack, settings and messaging to the page session.
import { compileMatcher } from '../lib/matcher.ts';
import { packLocale } from '../lib/locale.ts';
import { runsOn, withSiteDisabled } from '../lib/settings.ts';
import { kasperskyPack } from '../data/packs.ts';
import { startPageSession, type PageSession } from '../dom/page-session.ts';
import { createCountReporter } from '../platform/count-reporter.ts';
import { sendToBackground, serveContent } from '../platform/messaging.ts';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings.ts';
import { shadowRootOf } from '../platform/shadow-roots.ts';
import { t, uiLanguage } from '../platform/i18n.ts';

const forever = new AbortController().signal;
const reporter = createCountReporter();
const matcher = compileMatcher(kasperskyPack.patterns);
const language = uiLanguage();
let session: PageSession | null = null;

function apply(on: boolean): void {
  if (on && !session) {
    session = startPageSession(document, {
      matcher,
      pack: kasperskyPack,
      locale: packLocale(language),
      language,
      t,
      shadowRootOf,
      onCount: (count) => reporter.report(count),
      onOpenPanel: () => void sendToBackground('openPanel', {}),
      onTurnOff: () => void loadSettings().then((s) => saveSettings(withSiteDisabled(s, location.hostname))),
    });
  } else if (!on && session) {
    session.stop();
    session = null;
    reporter.report(0, { now: true });
  }
}

void loadSettings().then((settings) => apply(runsOn(settings, location.hostname)));
watchSettings((settings) => apply(runsOn(settings, location.hostname)), forever);

serveContent(
  {
    focusNextMention: async () => ({ opened: session?.focusNextMention() ?? false }),
  },
  forever,
);

// A frame that goes away takes its mentions with it; one restored from the
// back-forward cache brings them back.
addEventListener('pagehide', () => reporter.report(0, { now: true }));
addEventListener('pageshow', (event) => {
  if (event.persisted) reporter.report(session?.page.count ?? 0, { now: true, force: true });
});
