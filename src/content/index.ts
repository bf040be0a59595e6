// Content script: wires the pack, the engine, the marks and the reports.
import { compileMatcher } from '../lib/matcher.ts';
import { kasperskyPack } from '../data/packs.ts';
import { MentionEngine } from '../dom/engine.ts';
import { createMentionMarks } from '../dom/highlights.ts';
import { createCountReporter } from '../platform/count-reporter.ts';

const matcher = compileMatcher(kasperskyPack.patterns);
const marks = createMentionMarks(window);
const reporter = createCountReporter();

const engine = new MentionEngine(document, {
  matcher,
  onChange(current) {
    marks.show(current.mentions().map((m) => m.range));
    reporter.report(current.count);
  },
});
engine.start();

// A frame that goes away takes its mentions with it; one restored from the
// back-forward cache brings them back.
addEventListener('pagehide', () => reporter.report(0, { now: true }));
addEventListener('pageshow', (event) => {
  if (event.persisted) reporter.report(engine.count, { now: true, force: true });
});
