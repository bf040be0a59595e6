/**
 * Hears what an extension throws or warns in each of its worlds (content
 * scripts, background, extension pages) while a browser runs, so a test can
 * assert there was none.
 *
 * Chromium tells over CDP: every page and worker target gets a session with
 * `Runtime` enabled, and an exception or console error/warning counts when it
 * comes from an extension's script. Firefox's WebDriver BiDi does not report
 * background or extension-page errors, but Firefox itself writes every
 * uncaught error to stderr with the script's address ("JavaScript error:
 * moz-extension://…") and, with `devtools.console.stdout.content`, every
 * console message to stdout; those are read instead.
 */
import type { ChildProcess } from 'node:child_process';
import type { Browser, Target } from 'puppeteer-core';

export interface ErrorWatch {
  /** Everything heard so far, oldest first. */
  readonly seen: readonly string[];
}

/** Firefox preferences that make console messages reach stderr too. */
export const FIREFOX_ERROR_PREFS = { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true };

const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;
/** Our own warnings name us; a fixture extension in the tests does the same. */
const OURS = /^Backstory\b/;

interface StackTrace {
  callFrames: Array<{ url: string }>;
}
interface ExceptionThrown {
  exceptionDetails: { text: string; url?: string; stackTrace?: StackTrace; exception?: { description?: string } };
}
interface ConsoleApiCalled {
  type: string;
  args: Array<{ value?: unknown; description?: string }>;
  stackTrace?: StackTrace;
}

const fromExtension = (url: string | undefined, stack: StackTrace | undefined): boolean =>
  EXTENSION_URL.test(url ?? '') || (stack?.callFrames.some((f) => EXTENSION_URL.test(f.url)) ?? false);

/** Watches every page and worker of a Chromium, those open now and those to come. */
export async function watchChromium(browser: Browser): Promise<ErrorWatch> {
  const seen: string[] = [];
  const attach = async (target: Target): Promise<void> => {
    if (!['page', 'service_worker', 'background_page', 'shared_worker'].includes(target.type())) return;
    try {
      const cdp = await target.createCDPSession();
      cdp.on('Runtime.exceptionThrown', (e: ExceptionThrown) => {
        const d = e.exceptionDetails;
        if (fromExtension(d.url, d.stackTrace)) seen.push(`${target.url()}: ${d.exception?.description ?? d.text}`);
      });
      cdp.on('Runtime.consoleAPICalled', (e: ConsoleApiCalled) => {
        if (e.type !== 'error' && e.type !== 'warning' && e.type !== 'assert') return;
        const text = e.args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
        if (OURS.test(text) || fromExtension(undefined, e.stackTrace)) seen.push(`${target.url()}: console.${e.type}: ${text}`);
      });
      await cdp.send('Runtime.enable');
    } catch {
      // The target closed before it could be watched: it ran nothing of ours since.
    }
  };
  browser.on('targetcreated', (t: Target) => void attach(t));
  await Promise.all(browser.targets().map(attach));
  return { seen };
}

/** Reads a Firefox's output for errors from extension scripts and our console warnings. */
export function watchFirefox(process: ChildProcess | null): ErrorWatch {
  if (!process?.stderr || !process.stdout) throw new Error('Firefox was started without output to read errors from');
  const seen: string[] = [];
  // Uncaught errors go to stderr, console messages to stdout.
  for (const stream of [process.stderr, process.stdout]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (/^JavaScript error: moz-extension:\/\//.test(line)) seen.push(line);
        else if (/^console\.(error|warn|assert): "?Backstory\b/.test(line)) seen.push(line);
      }
    });
  }
  return { seen };
}
