/**
 * The browser tier's harness: serves pages from 127.0.0.1, starts Debian's
 * Chromium or Firefox ESR headless with the built extension loaded, and reads
 * what the extension shows (badge, panel) through its own extension pages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/manifest.ts';
import { REAL_PAGE_CSP, serveStatic, type StaticServer } from '../../scripts/serve.ts';
import { FIREFOX_ERROR_PREFS, watchChromium, watchFirefox, type ErrorWatch } from './extension-errors.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/e2e/fixtures');
export const REAL_PAGES = resolve(ROOT, '../shared/corpus/real-pages');

/** The few extension APIs the harness reads, as seen from an extension page. */
interface ExtApi {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(q: object): Promise<Array<{ id?: number }>>;
    sendMessage(id: number, m: unknown, o: object): Promise<unknown>;
  };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
}

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const EXECUTABLES: Record<BrowserName, { path: string; install: string }> = {
  chromium: { path: '/usr/lib/chromium/chromium', install: 'apt-get install -y chromium' },
  firefox: { path: '/usr/bin/firefox-esr', install: 'apt-get install -y firefox-esr' },
};

/** Fixed so extension pages have a known address in Firefox. */
const FIREFOX_UUID = '5b0d6f2c-4f7e-4c1a-9d3e-2a6b8c1e7f40';

export type FixtureServer = StaticServer;


/**
 * Serves /fixtures/* from test/e2e/fixtures, /demo/* from demo/, and
 * /real/* from the shared corpus with the pages' own scripts and remote loads blocked.
 */
export function serveFixtures(): Promise<FixtureServer> {
  return serveStatic({
    '/fixtures/': { dir: FIXTURES },
    '/demo/': { dir: join(ROOT, 'demo') },
    '/real/': { dir: REAL_PAGES, csp: REAL_PAGE_CSP },
  });
}

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  /** Base URL of the extension's pages, ending in "/". */
  extensionBase: string;
  /** Opens a web page in a new tab and waits for it to load. */
  openPage(url: string): Promise<Page>;
  /** Opens one of the extension's pages in a new tab. */
  openExtensionPage(path: string, waitFor?: string): Promise<Page>;
  /** The extension's tab id of the most recently opened web page. */
  latestTabId(): Promise<number>;
  /** Runs a function in an extension page (where `browser`/`chrome` is the extension API). */
  inExtension<T>(fn: (arg: string) => Promise<T>, arg?: string): Promise<T>;
  /** Sends a message to a tab's top frame from the extension, as the background does. */
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  /** What the background knows of a tab: its count and how many frames reported. */
  tabState(tabId: number): Promise<{ count: number; frames: number }>;
  /** The toolbar badge text the extension set for a tab. */
  badgeText(tabId: number): Promise<string>;
  /** The toolbar button title the extension set for a tab. */
  badgeTitle(tabId: number): Promise<string>;
  /** What the extension threw or warned in any of its worlds since launch (with `watchErrors`). */
  extensionErrors(): string[];
  close(): Promise<void>;
}

/** Fails with the command that installs the browser, never skips. */
export function requireBrowser(name: BrowserName): string {
  const { path, install } = EXECUTABLES[name];
  if (!existsSync(path)) {
    throw new Error(`${name} is not installed at ${path}: the browser tier needs it. Install it with: ${install}`);
  }
  return path;
}

export function extensionDir(name: BrowserName): string {
  const dir = join(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no build: run npm run build first`);
  }
  return dir;
}

export async function launch(
  name: BrowserName,
  opts: {
    lang?: string;
    /** A profile kept across launches; removed by the caller. */
    profile?: string;
    /** Listen for the extension's errors (see extension-errors.ts). */
    watchErrors?: boolean;
    /** Another extension's directory instead of the build (for testing the harness). */
    extension?: string;
    /**
     * Firefox as on a phone: touch events on, and a coarse pointer that
     * cannot hover, as Firefox for Android reports (Chromium emulates the
     * device per page instead).
     */
    phone?: boolean;
    /** How long one protocol call may take (puppeteer's default: 180 s); the bench's longest runs take longer. */
    protocolTimeout?: number;
    /** Further Firefox preferences (the bench turns off the 1 ms rounding of timers). */
    firefoxPrefs?: Record<string, unknown>;
  } = {},
): Promise<ExtensionSession> {
  const executablePath = requireBrowser(name);
  const dir = opts.extension ?? extensionDir(name);
  const geckoId = opts.extension ? geckoIdOf(opts.extension) : GECKO_ID;
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), `backstory-${name}-`));
  let browser: Browser;
  let extensionBase: string;
  let watch: ErrorWatch | null = null;

  if (name === 'chromium') {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir: profile,
      protocolTimeout: opts.protocolTimeout,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      ],
      env: { ...process.env, ...(opts.lang ? { LANGUAGE: opts.lang, LANG: `${opts.lang}.UTF-8` } : {}) },
    });
    if (opts.watchErrors) watch = await watchChromium(browser);
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
      { timeout: 20_000 },
    );
    extensionBase = worker.url().replace(/background\.js$/, '');
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: profile,
      protocolTimeout: opts.protocolTimeout,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
        ...(opts.lang ? { 'intl.locale.requested': opts.lang, 'intl.accept_languages': opts.lang } : {}),
        ...(opts.watchErrors ? FIREFOX_ERROR_PREFS : {}),
        ...opts.firefoxPrefs,
        ...(opts.phone
          ? { 'dom.w3c_touch_events.enabled': 1, 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 }
          : {}),
      },
    });
    if (opts.watchErrors) watch = watchFirefox(browser.process());
    await browser.installExtension(dir);
    extensionBase = `moz-extension://${FIREFOX_UUID}/`;
  }

  // An extension page kept open to read tabs and the badge from, opened first
  // so it never takes the front from a page under test.
  let probe: Page | null = null;
  const session: ExtensionSession = {
    name,
    browser,
    extensionBase,
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // Background tabs get no animation frames: the page under test is in front.
      await page.bringToFront();
      return page;
    },
    async openExtensionPage(path, waitFor = 'body') {
      const page = await browser.newPage();
      // Firefox never resolves goto to a moz-extension page: start it, then wait.
      page.goto(extensionBase + path).catch(() => undefined);
      // While the tab moves from about:blank to the extension page, a query can
      // hit a realm that is going away: ask again until the page answers.
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          const found = await page.evaluate(
            (selector, base) =>
              location.href.startsWith(base) &&
              document.readyState === 'complete' &&
              document.querySelector(selector) !== null,
            waitFor,
            extensionBase,
          );
          if (found) return page;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
        if (Date.now() > deadline) throw new Error(`${name}: ${path} did not show ${waitFor} within 15 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async latestTabId() {
      probe ??= await session.openExtensionPage('popup.html?tab=0', '#mention-count');
      return probe.evaluate(async () => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        const api = (g.browser ?? g.chrome) as ExtApi;
        const self = await api.tabs.getCurrent();
        const tabs = await api.tabs.query({});
        const ids = tabs.map((t) => t.id ?? -1).filter((id) => id !== self?.id);
        return Math.max(...ids);
      });
    },
    async badgeText(tabId) {
      probe ??= await session.openExtensionPage('popup.html?tab=0', '#mention-count');
      return probe.evaluate(async (id) => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        const api = (g.browser ?? g.chrome) as ExtApi;
        return api.action.getBadgeText({ tabId: id });
      }, tabId);
    },
    async tabState(tabId) {
      return (probe as Page).evaluate(async (id) => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        const api = (g.browser ?? g.chrome) as ExtApi;
        return api.runtime.sendMessage({ type: 'getTabState', args: { tabId: id } }) as Promise<{ count: number; frames: number }>;
      }, tabId);
    },
    async inExtension(fn, arg = '') {
      return (probe as Page).evaluate(fn, arg);
    },
    async sendToTab(tabId, message) {
      return (probe as Page).evaluate(
        async (id, m) => {
          const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
          const api = (g.browser ?? g.chrome) as ExtApi;
          return api.tabs.sendMessage(id, m, { frameId: 0 });
        },
        tabId,
        message as object,
      );
    },
    async badgeTitle(tabId) {
      probe ??= await session.openExtensionPage('popup.html?tab=0', '#mention-count');
      return probe.evaluate(async (id) => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        const api = (g.browser ?? g.chrome) as ExtApi;
        return api.action.getTitle({ tabId: id });
      }, tabId);
    },
    extensionErrors() {
      if (!watch) throw new Error('launch with { watchErrors: true } to hear the extension\'s errors');
      return [...watch.seen];
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  if (!opts.extension) probe = await session.openExtensionPage('popup.html?tab=0', '#mention-count');
  return session;
}

function geckoIdOf(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no gecko id`);
  return id;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of the first occurrence of `needle` in the text under `selector`, as the page lays it out. */
export function textBox(page: Page, selector: string, needle: string): Promise<Box> {
  return page.evaluate(
    (sel, text) => {
      const walker = document.createTreeWalker(document.querySelector(sel) as Node, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
      throw new Error(`${text} not found in ${sel}`);
    },
    selector,
    needle,
  );
}

/**
 * Clicks `selector`, asking again when the page replaced the element
 * between finding and clicking it (the panel re-renders as settings change).
 */
export async function clickFresh(page: Page, selector: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.click(selector);
      return;
    } catch (error) {
      if (attempt >= 5 || !/detached|not clickable|no such node|context was destroyed/i.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Polls `read` until it returns `expected`, or fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/**
 * Asks `check` in `page` until it holds. Unlike puppeteer's waitForFunction
 * it makes no function inside the page: Firefox ESR 140 refuses that in an
 * extension page (its CSP blocks Function()), where 153 allowed it.
 */
export async function until<A extends number | string | undefined>(page: Page, check: (arg: A) => boolean, arg: A, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(check as (arg: unknown) => boolean, arg))) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms: ${String(check)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
