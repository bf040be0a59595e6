// Content script: wires the pack, the mention engines, the marks, hover and the count report.
import { compileMatcher } from '../lib/matcher.ts';
import { kasperskyPack } from '../data/packs.ts';
import { PageMentions } from '../dom/page-mentions.ts';
import { createMentionMarks } from '../dom/highlights.ts';
import { watchHover } from '../dom/hover.ts';
import { createCountReporter } from '../platform/count-reporter.ts';
import { shadowRootOf } from '../platform/shadow-roots.ts';

const controller = new AbortController();
const marks = createMentionMarks(window);
const reporter = createCountReporter();

const page = new PageMentions(document, {
  matcher: compileMatcher(kasperskyPack.patterns),
  shadowRootOf,
  signal: controller.signal,
  onChange(current) {
    marks.show(current.mentions().map((m) => m.range));
    reporter.report(current.count);
  },
});
page.start();

watchHover(document, {
  page,
  highlight: marks.highlight,
  restore: marks.restore,
  signal: controller.signal,
  onHover(mention) {
    marks.activate(mention?.range ?? null);
  },
});

// A frame that goes away takes its mentions with it; one restored from the
// back-forward cache brings them back.
addEventListener('pagehide', () => reporter.report(0, { now: true }), { signal: controller.signal });
addEventListener(
  'pageshow',
  (event) => {
    if (event.persisted) reporter.report(page.count, { now: true, force: true });
  },
  { signal: controller.signal },
);
