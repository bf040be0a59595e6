/**
 * `npm run bench`: the engine against mark.js 8.11.1 and against the floor
 * (a bare TreeWalker and one regex), in headless Chromium, on generated
 * articles and the ten largest corpus pages. Prints a table and writes
 * bench/results.json. Timings here are noisy: read the ratios.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import puppeteer, { type Page } from 'puppeteer-core';
import { REAL_PAGE_CSP, serveStatic } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_PAGES=<regex> measures only the pages whose name matches; BENCH_MARKJS=0 leaves mark.js out (both for quick checks, never for the README). */
const ONLY = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
const WITH_MARKJS = process.env.BENCH_MARKJS !== '0';
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

await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['bench/engine-entry.ts'],
  outfile: join(work, 'bench.js'),
  bundle: true,
  format: 'iife',
  minify: true,
  logLevel: 'warning',
});
const benchJs = readFileSync(join(work, 'bench.js'), 'utf8');
const markJs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

const server = await serveStatic({
  '/gen/': { dir: work, csp: "script-src 'none'" },
  '/real/': { dir: CORPUS, csp: REAL_PAGE_CSP },
});
const browser = await puppeteer.launch({
  executablePath: '/usr/lib/chromium/chromium',
  headless: true,
  // No --js-flags: V8 runs with the flags it has for users.
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});

type Method = 'engine' | 'engineWithoutShadows' | 'floor' | 'markjs' | 'markjsNames';
interface Run {
  ms: number;
  count: number;
  wallMs?: number;
  longestMs?: number;
}

async function fresh(path: string, method?: Method, warm = false): Promise<Page> {
  const page = await browser.newPage();
  // The pages' CSP stays on (their own scripts and remote loads blocked, as
  // in the tests); our scripts go in through the protocol, which CSP does
  // not govern. Bypassing it let corpus pages run their scripts and wait
  // on remote loads, 12 to 21 s a load.
  await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
  // A content script runs once the page is idle, after its first frame:
  // measure from there, with the page's own style and layout done.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await page.evaluate(benchJs);
  if (method === 'markjs' || method === 'markjsNames') await page.evaluate(markJs);
  // Pages of the bench may share a renderer process, and so a heap: each run
  // starts from a collected heap, not from the garbage an earlier run
  // (mark.js's, above all) left behind. Asked through the protocol, which
  // needs no V8 flag. Before the warm-up, not after: this collection reduces
  // memory, and a run right after it paid for compiling its code again, as
  // if cold (guardian-1's engine, same build: 3.5 ms after it, 2.9 before).
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  if (method && warm) {
    await page.evaluate((m) => (window as unknown as { __bench: { warmUp(m: string): Promise<void> } }).__bench.warmUp(m), method);
  }
  return page;
}

/** mark.js takes minutes on the largest pages: a run past this is cut and reported as at least this long. */
const MARKJS_LIMIT_MS = 60_000;

/**
 * One run of `method` on the page at `path`, in a fresh tab. Warm: after the
 * warm-up (the same method once on a scratch document in that tab, so its
 * code is compiled and has run; the page itself untouched). Cold: the
 * first run of the code in the tab, compiling included.
 */
async function measure(path: string, method: Method, warm = true): Promise<Run> {
  const page = await fresh(path, method, warm);
  const run = page.evaluate(
    (m) => (window as unknown as { __bench: Record<string, () => Promise<Run>> }).__bench[m]!(),
    method,
  );
  const limit = new Promise<Run>((done) =>
    setTimeout(() => done({ ms: MARKJS_LIMIT_MS, count: -1 }), MARKJS_LIMIT_MS + 5_000),
  );
  const result = await (method === 'markjs' || method === 'markjsNames' ? Promise.race([run, limit]) : run);
  await page.close().catch(() => undefined);
  return result;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

interface Summary {
  ms: number;
  count: number;
  runs: number;
  wallMs: number;
  longestMs: number;
}

function summarize(results: Run[]): Summary {
  return {
    ms: median(results.map((r) => r.ms)),
    count: results[0]?.count ?? 0,
    runs: results.length,
    wallMs: median(results.map((r) => r.wallMs ?? r.ms)),
    longestMs: Math.max(...results.map((r) => r.longestMs ?? 0)),
  };
}

async function medianOf(path: string, method: Method, runs = RUNS): Promise<Summary> {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure(path, method));
  return summarize(results);
}

/**
 * The engine and the floor, warm and cold, run by turns on the same page:
 * this machine's speed drifts over minutes, and the ratio of the two is
 * what counts.
 */
async function enginesByTurns(path: string): Promise<Record<'engine' | 'withoutShadows' | 'floor' | 'engineCold' | 'floorCold', Summary>> {
  const runs: Record<'engine' | 'withoutShadows' | 'floor' | 'engineCold' | 'floorCold', Run[]> = { engine: [], withoutShadows: [], floor: [], engineCold: [], floorCold: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.engine.push(await measure(path, 'engine'));
    runs.withoutShadows.push(await measure(path, 'engineWithoutShadows'));
    runs.floor.push(await measure(path, 'floor'));
    runs.engineCold.push(await measure(path, 'engine', false));
    runs.floorCold.push(await measure(path, 'floor', false));
  }
  return {
    engine: summarize(runs.engine),
    withoutShadows: summarize(runs.withoutShadows),
    floor: summarize(runs.floor),
    engineCold: summarize(runs.engineCold),
    floorCold: summarize(runs.floorCold),
  };
}

const rows: Array<Record<string, unknown>> = [];
for (const spec of pages) {
  if (ONLY && !ONLY.test(spec.page)) continue;
  const { engine, withoutShadows, floor, engineCold, floorCold } = await enginesByTurns(spec.path);
  // mark.js on 10,000 paragraphs and more takes tens of seconds a run: one run there.
  const big = (spec.paragraphs ?? 0) >= 10_000;
  const markjs = WITH_MARKJS ? await medianOf(spec.path, 'markjs', big ? 1 : RUNS) : null;
  // mark.js one name at a time, as the bench measured it before: one run, and not on the large pages (up to a minute a run there).
  const markjsNames = WITH_MARKJS && !big ? await medianOf(spec.path, 'markjsNames', 1) : null;
  const row = {
    page: spec.page,
    paragraphs: spec.paragraphs,
    mentions: engine.count,
    engineMs: +engine.ms.toFixed(1),
    engineWallMs: +engine.wallMs.toFixed(1),
    engineLongestTaskMs: +engine.longestMs.toFixed(1),
    // The same pass with no search for shadow roots, work the floor does
    // not do (it reads no shadow root): where the time beyond the floor goes.
    engineWithoutShadowsMs: +withoutShadows.ms.toFixed(1),
    floorMs: +floor.ms.toFixed(1),
    engineColdMs: +engineCold.ms.toFixed(1),
    floorColdMs: +floorCold.ms.toFixed(1),
    markjsMs: markjs ? +markjs.ms.toFixed(1) : null,
    markjsRuns: markjs?.runs ?? 0,
    markjsCut: markjs?.count === -1,
    markjsNamesMs: markjsNames ? +markjsNames.ms.toFixed(1) : null,
  };
  rows.push(row);
  const ratio = (a: number | null, b: number): string => (a === null ? '-' : `${(a / Math.max(b, 0.1)).toFixed(1)}×`);
  console.log(
    `${spec.page.padEnd(36)} mentions ${String(row.mentions).padStart(6)}  engine ${String(row.engineMs).padStart(8)} ms (wall ${row.engineWallMs}, longest slice ${row.engineLongestTaskMs}; ${row.engineWithoutShadowsMs} without shadow roots)  floor ${String(row.floorMs).padStart(7)} ms  mark.js ${String(row.markjsMs ?? '-').padStart(9)} ms (one name at a time ${row.markjsNamesMs ?? '-'})  engine/floor ${ratio(row.engineMs, row.floorMs)} (${ratio(row.engineWithoutShadowsMs, row.floorMs)} without shadow roots)  mark.js/engine ${ratio(row.markjsMs, row.engineMs)}  cold: engine ${row.engineColdMs} floor ${row.floorColdMs} ms, ${ratio(row.engineColdMs, row.floorColdMs)}`,
  );
}

// Longest task during the first pass on the 100,000-paragraph page.
const longPage = await fresh('/gen/gen-100000-10.html');
const longestTaskMs = await longPage.evaluate(() => (window as unknown as { __bench: { longestTask(): Promise<number> } }).__bench.longestTask());
await longPage.close();

// Incremental cost: first and last 50 of 500 appends.
const appendPage = await fresh('/gen/gen-1000-0.html');
const appendTimes = await appendPage.evaluate(() => (window as unknown as { __bench: { appends(): Promise<number[]> } }).__bench.appends());
await appendPage.close();
const appendFirstMs = +median(appendTimes.slice(0, 50)).toFixed(2);
const appendLastMs = +median(appendTimes.slice(-50)).toFixed(2);

// The card: hover intent firing to the card placed and laid out.
const cardPage = await fresh('/gen/gen-1000-10.html');
const card = await cardPage.evaluate(() => (window as unknown as { __bench: { cardOpen(): Promise<{ open: number[]; rest: number[] }> } }).__bench.cardOpen());
await cardPage.close();
const cardOpenMs = +median(card.open).toFixed(2);
const cardFirstOpenMs = +(card.open[0] ?? 0).toFixed(2);
// The next frame's work: the card's sections below its first screen laid out.
const cardRestMs = +median(card.rest).toFixed(2);

// The content script on an empty page, cold: an empty frame (an ad's, say)
// is often the first this code runs in its process.
const blankRuns: number[] = [];
for (let i = 0; i < RUNS + 1; i++) blankRuns.push((await measure('/gen/blank.html', 'engine', false)).ms);
const blankPageMs = +median(blankRuns.slice(1)).toFixed(2);

const contentScriptBytes = statSync(join(ROOT, 'dist/chrome/content.js')).size;

const results = {
  browser: (await browser.version()),
  runs: RUNS,
  pages: rows,
  longestTaskMs: +longestTaskMs.toFixed(1),
  appendFirstMs,
  appendLastMs,
  contentScriptBytes,
  blankPageMs,
  cardOpenMs,
  cardFirstOpenMs,
  cardRestMs,
};
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nlongestTaskMs ${results.longestTaskMs}  appendFirstMs ${appendFirstMs}  appendLastMs ${appendLastMs}  blankPageMs ${blankPageMs}  contentScriptBytes ${contentScriptBytes}  cardOpenMs ${cardOpenMs} (first ${cardFirstOpenMs}; next frame ${cardRestMs})`);
console.log('wrote bench/results.json');
await browser.close();
await server.close();
