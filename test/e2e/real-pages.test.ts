import { readdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, eventually, REAL_PAGES } from './harness.ts';
import { withExtension } from './with-extension.ts';

// 130 saved pages of real sites (Mozilla Readability's test pages), served
// with their own scripts blocked so each load is the same. The extension
// must leave each exactly as it found it, and find names put into them.
const PAGES = readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html')).sort();

/**
 * Runs in the page before anything else (not subject to its CSP): keeps
 * the DOM as it was at DOMContentLoaded, before any extension's
 * document_idle script, and records every mutation after it.
 */
function recordPage(): void {
  const w = window as unknown as { __before?: string; __mutations: string[] };
  w.__mutations = [];
  document.addEventListener('DOMContentLoaded', () => {
    w.__before = document.documentElement.outerHTML;
    new MutationObserver((records) => {
      for (const r of records) w.__mutations.push(`${r.type} on ${r.target.nodeName}`);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** A seeded random generator, so a failing page can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.each(BROWSERS)('%s: real pages', (name) => {
  // The watcher hears the extension's errors in every world: content
  // scripts, background, extension pages (see extension-errors.ts).
  const ctx = withExtension(name, { watchErrors: true });

  const load = async (file: string): Promise<{ page: Page; tabId: number }> => {
    const page = await ctx.session.browser.newPage();
    await page.evaluateOnNewDocument(recordPage);
    await page.goto(ctx.server.url(`/real/${encodeURIComponent(file)}`), { waitUntil: 'domcontentloaded' });
    const tabId = await ctx.session.latestTabId();
    // The content script has run once it has reported, even a count of 0.
    await eventually(async () => (await ctx.session.tabState(tabId)).frames > 0, true, 15_000);
    await new Promise((r) => setTimeout(r, 150));
    return { page, tabId };
  };

  it('has the whole corpus to test', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(130);
  });

  it.each(PAGES)('%s is left exactly as it was', async (file) => {
    const { page } = await load(file);
    const result = await page.evaluate(() => {
      const w = window as unknown as { __before?: string; __mutations: string[] };
      return { snapshot: w.__before !== undefined, same: w.__before === document.documentElement.outerHTML, mutations: w.__mutations };
    });
    await page.close();
    expect(result).toEqual({ snapshot: true, same: true, mutations: [] });
  });

  it('counts names inserted at random places of 20 pages: paragraphs, cells, links, nested inline', { timeout: 300_000 }, async () => {
    const random = seeded(20261128);
    const picked = [...PAGES].sort(() => random() - 0.5).slice(0, 20);
    const wrong: string[] = [];
    for (const [i, file] of picked.entries()) {
      const { page, tabId } = await load(file);
      const inserted = await page.evaluate((seed) => {
        let s = seed >>> 0;
        const rnd = (): number => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
        const visible = (sel: string): Element[] =>
          [...document.querySelectorAll(sel)].filter(
            (el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0 && !el.closest('[contenteditable], textarea, select, button, svg'),
          );
        const pick = <T,>(list: T[]): T | undefined => list[Math.floor(rnd() * list.length)];
        let n = 0;
        const p = pick(visible('p, li, blockquote'));
        if (p) {
          p.append(' Kaspersky Lab says so. ');
          n++;
        }
        const cell = pick(visible('td, th'));
        if (cell) {
          cell.append(' (Kaspersky) ');
          n++;
        }
        const link = pick(visible('a[href]'));
        if (link) {
          link.append(' Eugene Kaspersky ');
          n++;
        }
        const host = pick(visible('p, li, h2, h3'));
        if (host) {
          const span = document.createElement('span');
          const b = document.createElement('b');
          b.textContent = 'Kas';
          const em = document.createElement('em');
          em.textContent = 'sky';
          span.append(' ', b, 'per', em, '-producten ');
          host.append(span);
          n++;
        }
        return n;
      }, 1000 + i);
      const badge = await eventually(() => ctx.session.badgeText(tabId), String(inserted), 10_000);
      if (badge !== String(inserted)) wrong.push(`${file}: inserted ${inserted}, badge "${badge}"`);
      await page.close();
    }
    expect(wrong).toEqual([]);
  });

  it('raised no error or warning of the extension, in any of its worlds, on any of these pages', () => {
    expect(ctx.session.extensionErrors()).toEqual([]);
  });
});
