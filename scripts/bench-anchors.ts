/**
 * `npm run bench:anchors`: what the anchor search costs per KB of a page's
 * text, in headless Chromium, on the corpus pages the bench uses and the
 * largest in Chinese and Japanese: the whole search (Latin and Cyrillic
 * anchors in all text, the class that finds other scripts' letters, their
 * anchors from there), and its first pass alone, the one pass the search
 * made before the names of every script came in. Prints a table.
 */
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { REAL_PAGE_CSP, serveStatic } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = ['wikipedia-2', 'guardian-1', 'lazy-image-2', 'yahoo-3', 'nytimes-4', 'yahoo-2', 'breitbart', 'pixnet', 'youth', 'yahoo-4'];

const built = await esbuild.build({ absWorkingDir: ROOT, entryPoints: ['bench/anchors-entry.ts'], bundle: true, write: false, format: 'iife', minify: true, logLevel: 'warning' });
const js = built.outputFiles[0]?.text ?? '';
const server = await serveStatic({
  '/real/': { dir: join(ROOT, '../shared/corpus/real-pages'), csp: REAL_PAGE_CSP },
});
const browser = await puppeteer.launch({ executablePath: '/usr/lib/chromium/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
console.log(`${'page'.padEnd(16)} ${'KB'.padStart(6)}  first pass µs/KB  whole search µs/KB`);
for (const name of PAGES) {
  const page = await browser.newPage();
  await page.goto(server.url(`/real/${name}.html`), { waitUntil: 'load' });
  await page.evaluate(js);
  const r = await page.evaluate(() => (window as unknown as { __anchors(): { kb: number; allTextUsPerKb: number; wholeUsPerKb: number } }).__anchors());
  console.log(`${name.padEnd(16)} ${String(r.kb).padStart(6)}  ${String(r.allTextUsPerKb).padStart(16)}  ${String(r.wholeUsPerKb).padStart(18)}`);
  await page.close();
}
await browser.close();
await server.close();
