/**
 * Builds dist/chrome and dist/firefox, each a complete unpacked extension,
 * from the one source manifest. `--watch` rebuilds on change.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, watch as watchFiles, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { browserManifest, type Target } from './manifest.ts';
import { renderIcons } from './icons.ts';
import { parsePack } from '../src/data/pack-schema.ts';
import { anchorSources, anchorsOf, namesOf } from '../src/lib/matcher.ts';
import { HIGHLIGHT_CSS } from '../src/dom/highlight-style.ts';
import { DOM_CONSTANTS } from './dom-constants.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS: Target[] = ['chrome', 'firefox'];
const ENTRIES = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  popup: 'src/popup/index.ts',
  options: 'src/options/index.ts',
};
/** ES modules the content script loads on demand (web-accessible, see manifest.json). */
const MODULES = {
  reader: 'src/content/reader.ts',
  names: 'src/content/names.ts',
};
const STATIC: Array<[from: string, to: string]> = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['src/_locales', '_locales'],
];
const PACKS = ['src/data/kaspersky.pack.json'];

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

export const distDir = (target: Target): string => join(ROOT, 'dist', target);

/** Everything but the bundles: manifest, pages, styles, locales, icons. */
function writeStatic(target: Target): void {
  const out = distDir(target);
  for (const pack of PACKS) parsePack(readJson(pack), pack);
  const version = String(readJson('package.json').version);
  const manifest = browserManifest(readJson('manifest.json'), { target, version });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [from, to] of STATIC) cpSync(join(ROOT, from), join(out, to), { recursive: true });
  writeFileSync(join(out, 'content.css'), HIGHLIGHT_CSS);
  renderIcons(join(out, 'icons'));
}

/**
 * The search for the anchors of the pack's names, finished, for the content
 * script: it searches every frame with it and loads names.js only where an
 * anchor hits.
 */
export function anchorsDefine(): string {
  return JSON.stringify(anchorSources(anchorsOf(packPatterns())));
}

/**
 * The names' expressions, finished, for names.js: a frame where an anchor
 * hits only makes the expression of that anchor's script, and holds
 * neither the pack's patterns nor the code that writes them.
 */
export function namesDefine(): string {
  return JSON.stringify(namesOf(packPatterns()));
}

let patterns: ReturnType<typeof parsePack>['patterns'] | null = null;
/** The pack's patterns, parsed once: each bundle's options ask for both defines. */
const packPatterns = (): ReturnType<typeof parsePack>['patterns'] => (patterns ??= parsePack(readJson(PACKS[0] as string), PACKS[0]).patterns);

function options(target: Target, kind: 'scripts' | 'modules'): esbuild.BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: kind === 'scripts' ? ENTRIES : MODULES,
    outdir: distDir(target),
    bundle: true,
    format: kind === 'scripts' ? 'iife' : 'esm',
    target: target === 'chrome' ? 'chrome120' : 'firefox140',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    charset: 'utf8',
    // Both targets read \p{…} in regular expressions (Chrome 64, Firefox 78).
    // esbuild's table says otherwise for Chrome and rewrites such literals as
    // `new RegExp(…)` calls, which tree shaking must keep: valibot's unused
    // emoji pattern alone was 450 bytes of every frame's content script.
    supported: { 'regexp-unicode-property-escapes': true },
    // The DOM's named constants, written as the numbers they are: each name
    // stays in the minified code (it is a property read), and every frame
    // loads the content script.
    define: { ...DOM_CONSTANTS, BACKSTORY_ANCHORS: anchorsDefine(), BACKSTORY_NAMES: namesDefine() },
    plugins: kind === 'modules' ? [] : [
      {
        name: 'backstory-static',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length === 0) writeStatic(target);
          });
        },
      },
    ],
  };
}

async function main(): Promise<void> {
  const watch = process.argv.includes('--watch');
  for (const target of TARGETS) rmSync(distDir(target), { recursive: true, force: true });
  if (watch) {
    for (const target of TARGETS) {
      for (const kind of ['scripts', 'modules'] as const) {
        const context = await esbuild.context(options(target, kind));
        await context.watch();
      }
    }
    // esbuild watches the bundles; pages, styles, locales and packs are copied here.
    watchFiles(join(ROOT, 'src'), { recursive: true }, (_event, file) => {
      if (file && !file.endsWith('.ts')) {
        try {
          for (const target of TARGETS) writeStatic(target);
        } catch (error) {
          console.error(error instanceof Error ? error.message : error);
        }
      }
    });
    console.log('Watching src/ and rebuilding dist/chrome and dist/firefox on change.');
    return;
  }
  await Promise.all(TARGETS.flatMap((target) => [esbuild.build(options(target, 'scripts')), esbuild.build(options(target, 'modules'))]));
  console.log(`Built ${TARGETS.map((t) => `dist/${t}`).join(' and ')}.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
