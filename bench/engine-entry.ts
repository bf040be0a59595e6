// The engine as the content script runs it, minus the browser APIs, loaded
// by the bench as a content script (the same world, so closed shadow roots
// read as the extension reads them): a `backstory-bench` event from the
// page runs one measured pass of a contender, and the result comes back in
// a `backstory-bench-done` event. Only strings cross between the worlds.
import { anchorSearch, deferredMatcher, matcherOf, type AnchorSources, type Matcher, type ScriptNames } from '../src/lib/matcher.ts';
import { kasperskyPack } from '../src/data/packs.ts';
import { PageMentions } from '../src/dom/page-mentions.ts';
import { createScheduler } from '../src/dom/scheduler.ts';
import { createMentionMarks } from '../src/dom/highlights.ts';
import { shadowRootOf } from '../src/platform/shadow-roots.ts';
import { mayHostShadow } from '../src/lib/shadow-hosts.ts';
import { createCard } from '../src/dom/card.ts';
import { inReadingOrder } from '../src/dom/reading-order.ts';
import { formatMessage } from '../src/lib/message-format.ts';
import en from '../src/_locales/en/messages.json';

const names = kasperskyPack.patterns.flatMap((p) => p.names);
// What the build writes into content.js and names.js, written into the bench's script by scripts/bench.ts the same way.
declare const BACKSTORY_ANCHORS: AnchorSources;
declare const BACKSTORY_NAMES: ScriptNames[];

/** The matcher as the content script makes it in a frame: the anchor search and the names' expressions from the build, the names on first need. */
function frameMatcher(): Matcher {
  const anchors = anchorSearch(BACKSTORY_ANCHORS);
  return deferredMatcher(anchors, () => Promise.resolve(matcherOf(BACKSTORY_NAMES, () => anchors)));
}
const floorPattern = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu');

declare const Mark: new (el: Element) => {
  mark(words: string[], opts: Record<string, unknown>): void;
  markRegExp(pattern: RegExp, opts: Record<string, unknown>): void;
};

/**
 * mark.js at its fastest: one markRegExp of one expression of every name
 * (the floor's, with the g flag mark.js needs), across elements.
 */
const markjsPattern = new RegExp(floorPattern.source, 'giu');
const markjsBestOptions = (done: (count: number) => void): Record<string, unknown> => ({ acrossElements: true, done });

/**
 * A page the warm-up runs on: detached from the tab, so the page measured
 * after it stays as the browser left it (no node of it touched, no wrapper
 * made), while the code that reads it is compiled and has run. Paragraphs,
 * a few mentions, a script, a custom element and an empty host: every path
 * the first pass of a page takes. Its text has a curly quote, as nearly
 * every real page's has: V8 compiles a regular expression apart for text
 * beyond Latin-1 (two bytes a letter), the kind the measured pages hold.
 */
function scratchDocument(): Document {
  const doc = document.implementation.createHTMLDocument('warm-up');
  for (let i = 0; i < 200; i++) {
    const p = doc.createElement('p');
    const b = doc.createElement('b');
    b.textContent = 'committee';
    p.append(`Paragraph ${i}: the `, b, i % 20 === 0 ? ' met. Kaspersky Lab said the ban was unfair.' : ' met on Tuesday to discuss the board’s cyber security.');
    doc.body.append(p);
  }
  const script = doc.createElement('script');
  script.textContent = 'var kaspersky = 1;';
  doc.body.append(script, doc.createElement('x-widget'), doc.createElement('div'));
  return doc;
}

const markjsOptions = (done: (count: number) => void): Record<string, unknown> => ({
  acrossElements: true,
  separateWordSearch: false,
  accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', '(', ')', '"', "'", '’', '-', '«', '»'] },
  done,
});

/** No engine can do less: read every text node, test one regex, create nothing. */
function floorPass(root: Node): { ms: number; count: number } {
  const t0 = performance.now();
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (floorPattern.test((n as Text).data)) count++;
  return { ms: performance.now() - t0, count };
}

/**
 * The floor and the cheapest complete search for shadow roots: one walk of
 * every text node and element; each element that may host a root (a custom
 * element or one of the standard hosts) is asked for its root, open or
 * closed, as the extension may ask, and every root found is walked the
 * same way. No complete search can ask fewer elements: a root, closed ones
 * above all, leaves no trace a selector or a query could see.
 */
function floorWithShadowsPass(root: Node): { ms: number; count: number; roots: number } {
  const t0 = performance.now();
  let count = 0;
  let roots = 0;
  const todo: Node[] = [root];
  for (let top = todo.pop(); top; top = todo.pop()) {
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (floorPattern.test((n as Text).data)) count++;
      } else if (mayHostShadow((n as Element).localName)) {
        const shadow = shadowRootOf(n as Element);
        if (shadow) {
          roots++;
          todo.push(shadow);
        }
      }
    }
  }
  return { ms: performance.now() - t0, count, roots };
}

/**
 * The whole first pass: find, check visibility, register ranges, shadow
 * roots included. `ms` is the work on the main thread (set-up plus every
 * slice); `wallMs` also counts the waits for idle time and the yields.
 */
async function engine(doc: Document = document, shadows = true): Promise<{ ms: number; wallMs: number; longestMs: number; count: number }> {
  const t0 = performance.now();
  let busy = 0;
  let longest = 0;
  const marks = createMentionMarks(window);
  const done = new AbortController();
  const page = new PageMentions(doc, {
    matcher: frameMatcher(),
    shadowRootOf: shadows ? shadowRootOf : undefined,
    signal: done.signal,
    async onChange(current, pace) {
      await marks.show(current.mentions().map((m) => m.range), pace);
    },
    onWork(ms) {
      busy += ms;
      longest = Math.max(longest, ms);
    },
  });
  page.start();
  const setUp = performance.now() - t0;
  await page.settled();
  const result = { ms: setUp + busy, wallMs: performance.now() - t0, longestMs: Math.max(longest, setUp), count: page.count };
  // The warm-up's engine stops watching its scratch page and lets go of its marks.
  done.abort();
  await marks.show([]);
  return result;
}

/**
 * The floor with the shadow-root search, run as a pass that never blocks the
 * page must run: the same walk, yielding as the engine yields (its clock
 * asked every 64 nodes, an 8 ms slice, `scheduler.yield()`). Not a floor of
 * time (the yields cost a little): it says how long the longest slice of
 * the least work a complete pass does can be on a page, the browser's
 * collections of the page's heap included.
 */
async function floorWithShadowsSliced(root: Node): Promise<{ ms: number; count: number; longestMs: number }> {
  let count = 0;
  let busy = 0;
  let longest = 0;
  const pace = createScheduler(undefined, {}, (ms) => {
    busy += ms;
    longest = Math.max(longest, ms);
  });
  pace.request(async () => {
    const todo: Node[] = [root];
    for (let top = todo.pop(); top; top = todo.pop()) {
      const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(), i = 1; n; n = walker.nextNode(), i++) {
        if (n.nodeType === Node.TEXT_NODE) {
          if (floorPattern.test((n as Text).data)) count++;
        } else if (mayHostShadow((n as Element).localName)) {
          const shadow = shadowRootOf(n as Element);
          if (shadow) todo.push(shadow);
        }
        if (i % 64 === 0 && pace.due()) await pace.slice();
      }
    }
  });
  await pace.settled();
  return { ms: busy, count, longestMs: longest };
}

const bench = {
  /** The bench asks until this answers: the content script is in. */
  ping(): string {
    return 'ok';
  },
  engine,
  /**
   * The same pass without looking for shadow roots, the one part of it the
   * floor has no counterpart for (the floor reads no shadow root either).
   * Not a mode of the extension: for telling where the time goes.
   */
  engineWithoutShadows(): ReturnType<typeof engine> {
    return engine(document, false);
  },
  /**
   * The warm-up before a measured run: the same method on a scratch
   * document, in the same tab. What is left out of the run after it is what
   * a frame pays once for code it has not run before (compiling it), which
   * a tab that already ran the content script in another frame no longer
   * pays; the page's own nodes are still untouched.
   */
  async warmUp(method: Method): Promise<void> {
    const doc = scratchDocument();
    if (method === 'engine' || method === 'engineWithoutShadows') await engine(doc, method === 'engine');
    else if (method === 'floor') floorPass(doc.body);
    else if (method === 'floorWithShadows') floorWithShadowsPass(doc.body);
    else if (method === 'floorWithShadowsSliced') await floorWithShadowsSliced(doc.body);
    else if (method === 'markjs') await new Promise((done) => new Mark(doc.body).markRegExp(markjsPattern, markjsBestOptions(done)));
    else await new Promise((done) => new Mark(doc.body).mark(names, markjsOptions(done)));
  },
  /**
   * Incremental cost on a live page: 500 appends of 50 paragraphs (one
   * mention each), each the engine's work on the main thread from the
   * append to its update (the waits for idle time left out, as in engine()).
   */
  async appends(): Promise<number[]> {
    let notify: (() => void) | null = null;
    let busy = 0;
    const marks = createMentionMarks(window);
    const page = new PageMentions(document, {
      matcher: frameMatcher(),
      shadowRootOf,
      async onChange(current, pace) {
        await marks.show(current.mentions().map((m) => m.range), pace);
        notify?.();
      },
      onWork(ms) {
        busy += ms;
      },
    });
    await new Promise<void>((resolve) => {
      notify = resolve;
      page.start();
    });
    const root = document.querySelector('main') ?? document.body;
    const times: number[] = [];
    for (let round = 0; round < 500; round++) {
      const frag = document.createDocumentFragment();
      for (let i = 0; i < 50; i++) {
        const p = document.createElement('p');
        p.textContent = i === 0 ? `Appended ${round}: Kaspersky Lab said so.` : `Appended ${round}.${i}: lorem ipsum dolor sit amet.`;
        frag.append(p);
      }
      busy = 0;
      await new Promise<void>((resolve) => {
        notify = resolve;
        root.append(frag);
      });
      await page.settled();
      times.push(busy);
    }
    return times;
  },
  /**
   * The card: from the moment hover intent fires (show) to the card built,
   * placed by floating-ui and laid out, for 21 mentions in turn, each
   * scrolled into view first: the work before its first paint. The first
   * open builds the card's host. `rest` is the card's work after that paint
   * (what lies below its first screen laid out, its place watched), from a
   * task queued just after the paint to one queued after the card's own.
   */
  async cardOpen(): Promise<{ open: number[]; rest: number[] }> {
    const page = new PageMentions(document, { matcher: frameMatcher(), shadowRootOf });
    page.start();
    await page.settled();
    let placed: (() => void) | null = null;
    const card = createCard(document, {
      pack: kasperskyPack,
      locale: 'en',
      language: 'en',
      t: (key, subs) => formatMessage(en, key, subs) || key,
      signal: new AbortController().signal,
      onOpenPanel() {},
      onTurnOff() {},
      onPointerInside() {},
      onClosed() {},
      onPlaced: () => placed?.(),
    });
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const times: number[] = [];
    const after: number[] = [];
    for (const mention of inReadingOrder(page.mentions()).slice(0, 21)) {
      mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      await frame();
      // Asked for before the card asks for its own: this frame callback runs
      // first, so the task it queues runs after the paint, before the card's.
      const rest = new Promise<number>((r) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const t1 = performance.now();
            setTimeout(() => {
              document.querySelector('backstory-card')?.getBoundingClientRect();
              r(performance.now() - t1);
            }, 0);
          }, 0),
        ),
      );
      const t0 = performance.now();
      const done = new Promise<void>((r) => (placed = r));
      card.show(mention);
      await done;
      document.querySelector('backstory-card')?.getBoundingClientRect();
      times.push(performance.now() - t0);
      after.push(await rest);
      card.hide();
      await frame();
    }
    return { open: times, rest: after };
  },
  /** No engine can do less: read every text node, test one regex, create nothing. */
  floor(): { ms: number; count: number } {
    return floorPass(document.body);
  },
  /** The floor with the cheapest complete search for shadow roots, what a pass is held to. */
  floorWithShadows(): { ms: number; count: number; roots: number } {
    return floorWithShadowsPass(document.body);
  },
  /** The same, in slices: for its longest slice. */
  floorWithShadowsSliced(): ReturnType<typeof floorWithShadowsSliced> {
    return floorWithShadowsSliced(document.body);
  },
  /** mark.js at its fastest: one markRegExp of every name, across elements (what the bench compares with). */
  markjs(): Promise<{ ms: number; count: number }> {
    const t0 = performance.now();
    return new Promise((resolve) => {
      new Mark(document.body).markRegExp(markjsPattern, markjsBestOptions((count) => resolve({ ms: performance.now() - t0, count })));
    });
  },
  /** mark.js as highlighter extensions often use it, and the bench did before: each name in turn, whole words. For information. */
  markjsNames(): Promise<{ ms: number; count: number }> {
    const t0 = performance.now();
    return new Promise((resolve) => {
      new Mark(document.body).mark(names, markjsOptions((count) => resolve({ ms: performance.now() - t0, count })));
    });
  },
};

type Method = 'engine' | 'engineWithoutShadows' | 'floor' | 'floorWithShadows' | 'floorWithShadowsSliced' | 'markjs' | 'markjsNames';

// The page asks, by event, for a method by name (warm-ups as `warmUp:<method>`); the answer is JSON.
document.addEventListener('backstory-bench', (event) => {
  const asked = String((event as CustomEvent<unknown>).detail);
  const [name, arg] = asked.split(':') as [keyof typeof bench, Method | undefined];
  const run = bench[name] as (m?: Method) => unknown;
  // In a task of its own, as the extension's work comes: run inside the
  // protocol's call that sent the event, the profiler took it for idle time.
  new Promise((r) => setTimeout(r, 0)).then(() => run(arg)).then(
    (result) => document.dispatchEvent(new CustomEvent('backstory-bench-done', { detail: JSON.stringify({ asked, result }) })),
    (error: unknown) => document.dispatchEvent(new CustomEvent('backstory-bench-done', { detail: JSON.stringify({ asked, error: String(error) }) })),
  );
});
