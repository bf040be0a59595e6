/**
 * `npm run bench`: the engine against mark.js 8.11.1 at its fastest and
 * against two floors (a bare TreeWalker and one regex; the same with the
 * cheapest complete search for shadow roots), in headless Chromium and
 * Firefox ESR, on generated articles and the ten largest corpus pages; then
 * the JavaScript heap the content script adds per frame, in Chromium.
 * Every contender runs as a content script, in the world the extension's
 * runs in. Prints tables and writes bench/results.json. Timings here are
 * noisy: read the ratios.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { CDPSession, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { REAL_PAGE_CSP, serveStatic } from './serve.ts';
import { anchorsDefine, namesDefine } from './build.ts';
import { BROWSERS, extensionDir, launch, type BrowserName, type ExtensionSession } from '../test/e2e/harness.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Runs of each contender on each page, by turns (the spread of three was within a tenth on most pages). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_PAGES=<regex> measures only the pages whose name matches; BENCH_MARKJS=0 leaves mark.js out; BENCH_BROWSERS=chromium one browser (all for quick checks, never for the README). */
const ONLY = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
const WITH_MARKJS = process.env.BENCH_MARKJS !== '0';
const IN = (process.env.BENCH_BROWSERS?.split(',') ?? BROWSERS) as BrowserName[];
/** BENCH_MEMORY=only measures the heap alone (in Chromium), BENCH_MEMORY=0 leaves it out. */
const MEMORY = process.env.BENCH_MEMORY ?? '1';
/** The sampling interval of the CPU profile, in µs. */
const SAMPLE_US = 100;
const CORPUS = resolve(ROOT, '../shared/corpus/real-pages');
const work = mkdtempSync(join(tmpdir(), 'backstory-bench-'));

// Generated articles: n paragraphs, a mention every `every` paragraphs (0: none).
function article(n: number, every: number): string {
  const parts: string[] = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body><main>'];
  for (let i = 0; i < n; i++) {
    const mention = every > 0 && i % every === 0 ? ' Kaspersky Lab said the ban was unfair.' : '';
    parts.push(`<p>Paragraph ${i}: the <b>committee</b> met on <a href="#">Tuesday</a> to discuss cyber security.${mention} Lorem ipsum dolor sit amet.</p>`);
  }
  parts.push('</main></body></html>');
  return parts.join('\n');
}

interface PageSpec {
  page: string;
  path: string;
  paragraphs: number | null;
}

const pages: PageSpec[] = [];
for (const n of [1000, 10000, 100000]) {
  for (const every of [0, 100, 10]) {
    const file = `gen-${n}-${every}.html`;
    writeFileSync(join(work, file), article(n, every));
    pages.push({ page: `generated ${n} / ${every ? `1 per ${every}` : 'none'}`, path: `/gen/${file}`, paragraphs: n });
  }
}
const largest = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html'))
  .sort((a, b) => statSync(join(CORPUS, b)).size - statSync(join(CORPUS, a)).size)
  .slice(0, 10);
for (const file of largest) pages.push({ page: file, path: `/real/${file}`, paragraphs: null });
writeFileSync(join(work, 'blank.html'), '<!doctype html><html><head><title>blank</title></head><body></body></html>');

// Frames for the memory figures: 40 empty ones (20 of this origin, 20
// srcdoc), and 10 with 100 mentions each.
writeFileSync(join(work, 'frames-40.html'), `<!doctype html><html><body>${'<iframe src="blank.html"></iframe>'.repeat(20)}${'<iframe srcdoc="<!doctype html><title>ad</title>"></iframe>'.repeat(20)}</body></html>`);
writeFileSync(join(work, 'frames-10x100.html'), `<!doctype html><html><body>${'<iframe src="gen-1000-10.html"></iframe>'.repeat(10)}</body></html>`);
writeFileSync(join(work, 'frames-none.html'), '<!doctype html><html><body></body></html>');

/** The bench's content script, and mark.js beside it, as an extension for each browser. */
const built = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['bench/engine-entry.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  // Minified as the extension is; BENCH_TOP wants the functions' names.
  minify: !process.env.BENCH_TOP,
  // The anchors and the names' expressions as the build writes them into content.js and names.js.
  define: { BACKSTORY_ANCHORS: anchorsDefine(), BACKSTORY_NAMES: namesDefine() },
  logLevel: 'warning',
});
const BENCH_SCRIPT = 'bench.js';
const MARKJS_SCRIPT = 'mark.min.js';
function extension(name: string, scripts: Record<string, string>, frames: boolean): Record<BrowserName, string> {
  const dirs = {} as Record<BrowserName, string>;
  for (const browser of BROWSERS) {
    const dir = join(work, `${name}-${browser}`);
    mkdirSync(dir);
    for (const [file, text] of Object.entries(scripts)) writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, 'background.js'), '');
    const script = {
      matches: ['<all_urls>'],
      js: Object.keys(scripts),
      run_at: 'document_idle',
      ...(frames ? { all_frames: true, match_origin_as_fallback: true } : {}),
    };
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name,
        version: '1',
        content_scripts: [script],
        background: browser === 'chromium' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
        // Chromium ignores it; the harness reads it in both.
        browser_specific_settings: { gecko: { id: `${name}@bench.invalid` } },
      }),
    );
    dirs[browser] = dir;
  }
  return dirs;
}
const benchExtension = extension(
  'backstory-bench',
  {
    [MARKJS_SCRIPT]: readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
    [BENCH_SCRIPT]: built.outputFiles[0]?.text ?? '',
  },
  false,
);
/** The memory floor: a content script that loads and does nothing, in every frame as Backstory's. */
const idleExtension = extension('backstory-idle', { 'content.js': 'void 0;\n' }, true);

const server = await serveStatic({
  '/gen/': { dir: work, csp: "script-src 'none'" },
  '/real/': { dir: CORPUS, csp: REAL_PAGE_CSP },
});

type Method = 'engine' | 'engineWithoutShadows' | 'floor' | 'floorWithShadows' | 'floorWithShadowsSliced' | 'markjs' | 'markjsNames';
interface Run {
  /** Chromium: the CPU time of the contender's own code in the sampled profile; Firefox: its own clock. */
  ms: number;
  /** The contender's own clock (the engine: set-up plus every slice between yields). */
  ownMs: number;
  count: number;
  wallMs: number;
  /**
   * The longest unbroken run of the contender's samples in the profile
   * (Chromium; Firefox: its own longest slice). A yield to an idle page
   * leaves no gap in it: the work resumes at once, so this overstates.
   */
  longestMs: number;
  /** The longest stretch between two yields, by the contender's own clock (the engine's slices; others: the whole run). */
  sliceMs: number;
}

/** Asks the bench's content script for `asked` and waits for its answer (null if none came within `timeoutMs`). */
async function ask<T>(page: Page, asked: string, timeoutMs: number): Promise<T | null> {
  const answer = await page.evaluate(
    (what, limit) =>
      // No named function in here: the runner's transform would wrap it in a helper the page lacks.
      new Promise<string | null>((resolve) => {
        const stop = new AbortController();
        const timer = setTimeout(() => {
          stop.abort();
          resolve(null);
        }, limit);
        document.addEventListener(
          'backstory-bench-done',
          (event) => {
            const detail = String((event as CustomEvent<unknown>).detail);
            if ((JSON.parse(detail) as { asked: string }).asked !== what) return;
            clearTimeout(timer);
            stop.abort();
            resolve(detail);
          },
          { signal: stop.signal },
        );
        document.dispatchEvent(new CustomEvent('backstory-bench', { detail: what }));
      }),
    asked,
    timeoutMs,
  );
  if (answer === null) return null;
  const { result, error } = JSON.parse(answer) as { result?: T; error?: string };
  if (error) throw new Error(`${asked}: ${error}`);
  return result as T;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The CPU time of the bench's own scripts in a sampled profile: a sample
 * counts when any frame on its stack is one of them, so the native calls
 * they make and the work resumed after a yield count too. A stretch is a
 * run of such samples (collections inside it included), ended by any
 * other sample: idle time, or the browser's own work.
 */
function attribute(profile: Profile): { ms: number; longestMs: number; selfMs: Map<string, number>; longestSelfMs: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const memo = new Map<number, boolean>();
  const ours = (id: number): boolean => {
    let known = memo.get(id);
    if (known === undefined) {
      const url = byId.get(id)?.callFrame.url ?? '';
      const up = parent.get(id);
      known = url.endsWith(`/${BENCH_SCRIPT}`) || url.endsWith(`/${MARKJS_SCRIPT}`) || (up !== undefined && ours(up));
      memo.set(id, known);
    }
    return known;
  };
  let total = 0;
  let stretch = 0;
  let longest = 0;
  // Where the time goes: each sample's own function (a native call by its name, our code by its place).
  const selfMs = new Map<string, number>();
  let stretchSelf = new Map<string, number>();
  let longestSelf = stretchSelf;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    const us = timeDeltas[i + 1] ?? SAMPLE_US;
    if (ours(id)) {
      total += us;
      stretch += us;
      const frame = byId.get(id)?.callFrame as ProfileNode['callFrame'] & { lineNumber?: number; columnNumber?: number };
      const where = frame.url ? `${frame.url.split('/').pop()}:${frame.columnNumber ?? 0} ${frame.functionName}` : frame.functionName;
      selfMs.set(where, (selfMs.get(where) ?? 0) + us / 1000);
      stretchSelf.set(where, (stretchSelf.get(where) ?? 0) + us / 1000);
    } else if (stretch > 0 && byId.get(id)?.callFrame.functionName === '(garbage collector)') {
      stretch += us;
      stretchSelf.set('(garbage collector)', (stretchSelf.get('(garbage collector)') ?? 0) + us / 1000);
    } else {
      if (stretch > longest) [longest, longestSelf] = [stretch, stretchSelf];
      stretch = 0;
      stretchSelf = new Map();
    }
  }
  if (stretch > longest) [longest, longestSelf] = [stretch, stretchSelf];
  return { ms: total / 1000, longestMs: longest / 1000, selfMs, longestSelfMs: longestSelf };
}

/**
 * mark.js takes minutes on the largest pages: a run past this is cut and
 * reported as at least this long (30 times the engine there, or more).
 */
const MARKJS_LIMIT_MS = 30_000;
/** One protocol call's limit: the longest runs of the floors in Firefox take minutes. */
const PROTOCOL_TIMEOUT_MS = 600_000;

interface Bench {
  readonly session: ExtensionSession;
  measure(path: string, method: Method, warm?: boolean): Promise<Run>;
  /** A fresh tab on `path`, the bench's script there and the heap collected where the browser lets us. */
  fresh(path: string): Promise<Page>;
}

async function openBench(name: BrowserName): Promise<Bench> {
  const start = (): Promise<ExtensionSession> =>
    launch(name, {
      extension: benchExtension[name],
      protocolTimeout: PROTOCOL_TIMEOUT_MS,
      // Firefox rounds performance.now() to whole milliseconds, which is all its figures rest on: not here.
      firefoxPrefs: { 'privacy.reduceTimerPrecision': false },
    });
  let session = await start();
  let browser = session.browser;
  const chromium = name === 'chromium';

  async function fresh(path: string): Promise<Page> {
    const page = await browser.newPage();
    // The pages' CSP stays on (their own scripts and remote loads blocked,
    // as in the tests); what the bench asks goes through the protocol,
    // which CSP does not govern.
    await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
    await page.bringToFront();
    // Measured from the page's first frame on, as a content script meets it, with its style and layout done.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    // The content script runs once the page is idle: ask until it answers.
    for (let tries = 0; (await ask<string>(page, 'ping', 500)) === null; tries++) {
      if (tries > 60) throw new Error(`${name}: the bench's content script never answered on ${path}`);
    }
    if (chromium) {
      // Pages of the bench may share a renderer process, and so a heap: each
      // run starts from a collected heap, not from the garbage an earlier run
      // (mark.js's, above all) left behind. Before the warm-up, not after:
      // a run right after the collection paid for compiling its code again.
      // Firefox has no such call: there each run has a fresh tab, and the
      // contenders take turns, so what one leaves weighs on all alike.
      const cdp = await page.createCDPSession();
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.detach();
    }
    return page;
  }

  /**
   * One run of `method` on the page at `path`, in a fresh tab. Warm: after
   * the warm-up (the same method once on a scratch document in that tab,
   * so its code is compiled and has run; the page itself untouched). Cold:
   * the first run of the code in the tab, compiling included.
   */
  async function measure(path: string, method: Method, warm = true): Promise<Run> {
    if (process.env.BENCH_VERBOSE) console.log(`  ${new Date().toISOString().slice(11, 19)} ${name} ${method}${warm ? '' : ' (cold)'} on ${path}`);
    const page = await fresh(path);
    if (warm) await ask(page, `warmUp:${method}`, 60_000);
    let cdp: CDPSession | null = null;
    if (chromium) {
      cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
      await cdp.send('Profiler.start');
      // The first sample comes 5 to 13 ms after the start: a run of 1 ms begun at once went unseen.
      await new Promise((r) => setTimeout(r, 50));
    }
    type Own = { ms: number; count: number; wallMs?: number; longestMs?: number };
    // The page's timers wait for a script that holds its thread: a run is
    // cut from here. Only mark.js runs so long.
    const limit = method === 'markjs' || method === 'markjsNames' ? MARKJS_LIMIT_MS : 300_000;
    let timer: NodeJS.Timeout | undefined;
    let cut = false;
    const own = await Promise.race([
      // Ends in an error once a cut run's browser is gone.
      ask<Own>(page, method, limit + 60_000).catch((error: unknown) => {
        if (!cut) throw error;
        return null;
      }),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => {
          cut = true;
          resolve(null);
        }, limit);
      }),
    ]);
    clearTimeout(timer);
    if (!own) {
      // The run goes on in its tab, and every tab of that process would
      // wait for it: the browser is stopped and starts anew.
      browser.process()?.kill('SIGKILL');
      await session.close().catch(() => undefined);
      session = await start();
      browser = session.browser;
      return { ms: limit, ownMs: limit, count: -1, wallMs: limit, longestMs: 0, sliceMs: limit };
    }
    // And the samples of the last few ms reach the profile only later: a short run stopped at once was lost.
    if (cdp) await new Promise((r) => setTimeout(r, 50));
    const stopped = cdp ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile : null;
    const profiled = stopped ? attribute(stopped) : null;
    // BENCH_TOP=1: the functions the run spent most of its own time in (for finding the cost, not for the table).
    if (profiled && process.env.BENCH_TOP) {
      const top = [...profiled.selfMs].sort((a, b) => b[1] - a[1]).slice(0, 12);
      const inLongest = [...profiled.longestSelfMs].sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(`  ${method} on ${path}: ${top.map(([f, ms]) => `${f} ${ms.toFixed(1)}`).join(' | ')}`);
      console.log(`    longest stretch ${profiled.longestMs.toFixed(1)} ms: ${inLongest.map(([f, ms]) => `${f} ${ms.toFixed(1)}`).join(' | ')}`);
    }
    await page.close().catch(() => undefined);
    return {
      ms: profiled?.ms ?? own.ms,
      ownMs: own.ms,
      count: own.count,
      wallMs: own.wallMs ?? own.ms,
      longestMs: profiled?.longestMs ?? own.longestMs ?? own.ms,
      sliceMs: own.longestMs ?? own.ms,
    };
  }
  return {
    get session() {
      return session;
    },
    measure,
    fresh,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

interface Summary {
  ms: number;
  ownMs: number;
  count: number;
  runs: number;
  wallMs: number;
  longestMs: number;
  sliceMs: number;
}

function summarize(results: Run[]): Summary {
  return {
    ms: median(results.map((r) => r.ms)),
    ownMs: median(results.map((r) => r.ownMs)),
    count: results[0]?.count ?? 0,
    runs: results.length,
    wallMs: median(results.map((r) => r.wallMs)),
    longestMs: Math.max(...results.map((r) => r.longestMs)),
    sliceMs: Math.max(...results.map((r) => r.sliceMs)),
  };
}

const round = (x: number, digits = 1): number => +x.toFixed(digits);
const ratio = (a: number | null, b: number): string => (a === null ? '-' : `${(a / Math.max(b, 0.1)).toFixed(1)}×`);

/** Every page in one browser: the engine and both floors by turns (a drift of the machine's speed moves them alike), then mark.js. */
async function timePages(bench: Bench): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  const turns = ['engine', 'floorWithShadows', 'floor', 'engineWithoutShadows', 'engineCold', 'floorWithShadowsSliced'] as const;
  for (const spec of pages) {
    if (ONLY && !ONLY.test(spec.page)) continue;
    const runs = Object.fromEntries(turns.map((t) => [t, [] as Run[]])) as Record<(typeof turns)[number], Run[]>;
    // A cold run of 100,000 paragraphs says what those of 10,000 say (compiling is a fixed cost), in a page load of seconds: not run there.
    const huge = (spec.paragraphs ?? 0) >= 100_000;
    // A run there is seconds of work, hundreds of slices: two runs, not three, for the time the bench may take.
    for (let i = 0; i < (huge ? Math.min(RUNS, 2) : RUNS); i++) {
      // The bare floor, the engine without its shadow-root search, cold, and the sliced floor are for information: one run each.
      for (const t of turns) {
        if (i > 0 && (t === 'floor' || t === 'engineWithoutShadows' || t === 'engineCold' || t === 'floorWithShadowsSliced')) continue;
        if (huge && t === 'engineCold') continue;
        runs[t].push(await bench.measure(spec.path, t === 'engineCold' ? 'engine' : t, t !== 'engineCold'));
      }
    }
    const [engine, withShadows, floor, withoutShadows, engineCold, sliced] = turns.map((t) => (runs[t].length > 0 ? summarize(runs[t]) : null)) as [Summary, Summary, Summary, Summary, Summary | null, Summary];
    // mark.js on 10,000 paragraphs and more takes seconds to a minute a run: one run there.
    const big = (spec.paragraphs ?? 0) >= 10_000;
    const markjs = WITH_MARKJS ? summarize(await repeat(big ? 1 : RUNS, () => bench.measure(spec.path, 'markjs'))) : null;
    // mark.js one name at a time, as the bench measured it before: one run, on the generated pages of 1,000 paragraphs
    // only (on the saved pages it took 86 s of a full bench in Firefox and Chromium together, for a figure no line reads).
    const markjsNames = WITH_MARKJS && spec.paragraphs === 1_000 ? summarize([await bench.measure(spec.path, 'markjsNames')]) : null;
    const row = {
      page: spec.page,
      paragraphs: spec.paragraphs,
      mentions: engine.count,
      engineMs: round(engine.ms),
      engineOwnMs: round(engine.ownMs),
      engineWallMs: round(engine.wallMs),
      engineLongestSliceMs: round(engine.sliceMs),
      engineLongestRunMs: round(engine.longestMs),
      floorWithShadowsMs: round(withShadows.ms),
      floorMs: round(floor.ms),
      // The floor with the search run in slices as the engine's: its longest slice is the least a complete pass can hold the page (information).
      floorWithShadowsLongestSliceMs: round(sliced.sliceMs),
      // The engine with no search for shadow roots, which the bare floor does not do: for information.
      engineWithoutShadowsMs: round(withoutShadows.ms),
      engineColdMs: engineCold ? round(engineCold.ms) : null,
      markjsMs: markjs ? round(markjs.ms) : null,
      markjsRuns: markjs?.runs ?? 0,
      markjsCut: markjs?.count === -1,
      markjsLongestMs: markjs ? round(markjs.longestMs) : null,
      markjsNamesMs: markjsNames ? round(markjsNames.ms) : null,
    };
    rows.push(row);
    console.log(
      `${bench.session.name.padEnd(8)} ${spec.page.padEnd(34)} mentions ${String(row.mentions).padStart(6)}  engine ${String(row.engineMs).padStart(7)} ms (own ${row.engineOwnMs}, longest slice ${row.engineLongestSliceMs}, run ${row.engineLongestRunMs}, cold ${row.engineColdMs ?? '-'}, ${row.engineWithoutShadowsMs} without shadow roots)  floor+shadows ${String(row.floorWithShadowsMs).padStart(7)} (sliced: longest slice ${row.floorWithShadowsLongestSliceMs})  floor ${String(row.floorMs).padStart(7)}  mark.js ${String(row.markjsMs ?? '-').padStart(8)}${row.markjsCut ? ' (cut)' : ''} (one name at a time ${row.markjsNamesMs ?? '-'})  engine/(floor+shadows) ${ratio(row.engineMs, row.floorWithShadowsMs)}  engine/floor ${ratio(row.engineMs, row.floorMs)}  mark.js/engine ${ratio(row.markjsMs, row.engineMs)}`,
    );
  }
  return rows;
}

async function repeat(n: number, run: () => Promise<Run>): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < n; i++) out.push(await run());
  return out;
}

/** What a frame, a growing page and the card cost, in one browser. */
async function timeTheRest(bench: Bench): Promise<Record<string, number>> {
  // Incremental cost: first and last 50 of 500 appends.
  const appendPage = await bench.fresh('/gen/gen-1000-0.html');
  const appendTimes = (await ask<number[]>(appendPage, 'appends', 300_000)) ?? [];
  await appendPage.close();
  // The card: hover intent firing to the card placed and laid out.
  const cardPage = await bench.fresh('/gen/gen-1000-10.html');
  const card = (await ask<{ open: number[]; rest: number[] }>(cardPage, 'cardOpen', 120_000)) ?? { open: [], rest: [] };
  await cardPage.close();
  // The content script on an empty page, cold: an empty frame (an ad's,
  // say) is often the first this code runs in its process.
  const blank: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) blank.push((await bench.measure('/gen/blank.html', 'engine', false)).ownMs);
  return {
    appendFirstMs: round(median(appendTimes.slice(0, 50)), 2),
    appendLastMs: round(median(appendTimes.slice(-50)), 2),
    cardOpenMs: round(median(card.open), 2),
    cardFirstOpenMs: round(card.open[0] ?? 0, 2),
    // The next frame's work: the card's sections below its first screen laid out.
    cardRestMs: round(median(card.rest), 2),
    blankPageMs: round(median(blank.slice(1)), 2),
  };
}

/**
 * The JavaScript heap, in Chromium, of one tab on `path` after its frames
 * settled: the renderer's whole V8 heap (every world of every frame of
 * that page, ours included) after two collections, over the DevTools
 * protocol. Each figure is the median of three browser launches.
 */
async function heapOf(extension: string | null, path: string): Promise<number> {
  const sizes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const profile = mkdtempSync(join(work, 'profile-'));
    const browser = await puppeteer.launch({
      executablePath: '/usr/lib/chromium/chromium',
      headless: true,
      userDataDir: profile,
      args: [
        '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
        ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      ],
    });
    const page = await browser.newPage();
    await page.goto(server.url(path), { waitUntil: 'load' });
    await page.bringToFront();
    // Time for every frame's content script to run, read and go quiet.
    await new Promise((r) => setTimeout(r, 4_000));
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    sizes.push(((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize);
    await browser.close();
  }
  return median(sizes);
}

async function memory(): Promise<Record<string, number>> {
  const backstory = extensionDir('chromium');
  const idle = idleExtension.chromium;
  const forty = '/gen/frames-40.html';
  const tenFull = '/gen/frames-10x100.html';
  const [none40, idle40, ours40, none10, idle10, ours10] = [
    await heapOf(null, forty),
    await heapOf(idle, forty),
    await heapOf(backstory, forty),
    await heapOf(null, tenFull),
    await heapOf(idle, tenFull),
    await heapOf(backstory, tenFull),
  ] as [number, number, number, number, number, number];
  // A frame's share: what the content script adds to the page's heap, over
  // the frames. The 40 frames' top page is empty too; the ten full frames'
  // top page is empty, and its share (an empty frame's) is taken out first.
  const perEmpty = (ours40 - none40) / 41;
  const floorPerEmpty = (idle40 - none40) / 41;
  return {
    heapPerEmptyFrameBytes: Math.round(perEmpty),
    heapFloorPerFrameBytes: Math.round(floorPerEmpty),
    heapPerFrameWith100MentionsBytes: Math.round((ours10 - none10 - perEmpty) / 10),
    heapFloorPerFrameWith100MentionsBytes: Math.round((idle10 - none10 - floorPerEmpty) / 10),
    heap40FramesTotalBytes: Math.round(ours40 - none40),
    heap40FramesFloorTotalBytes: Math.round(idle40 - none40),
    heap40FramesWithoutExtensionBytes: Math.round(none40),
  };
}

const started = Date.now();
const results: Record<string, unknown> = { runs: RUNS, sampleUs: SAMPLE_US };
for (const name of MEMORY === 'only' ? [] : IN) {
  const bench = await openBench(name);
  const version = await bench.session.browser.version();
  const rows = await timePages(bench);
  const rest = await timeTheRest(bench);
  await bench.session.close();
  const longestSliceMs = Math.max(0, ...rows.map((r) => r.engineLongestSliceMs as number));
  const longestRunMs = Math.max(0, ...rows.map((r) => r.engineLongestRunMs as number));
  results[name] = { browser: version, pages: rows, longestSliceMs, longestRunMs, ...rest };
  console.log(`${name}: ${version}  longest slice of the engine's work ${longestSliceMs} ms (longest run in the profile ${longestRunMs} ms)  ${JSON.stringify(rest)}`);
}
if (IN.includes('chromium') && MEMORY !== '0') {
  results.memory = await memory();
  console.log(`memory (Chromium): ${JSON.stringify(results.memory)}`);
}
results.contentScriptBytes = statSync(join(ROOT, 'dist/chrome/content.js')).size;
results.minutes = round((Date.now() - started) / 60_000);
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`contentScriptBytes ${results.contentScriptBytes}  took ${results.minutes} min\nwrote bench/results.json`);
await server.close();
