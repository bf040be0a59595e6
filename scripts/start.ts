/**
 * `npm start`: serves the demo page on 127.0.0.1 and opens a real browser
 * with the built extension on it (web-ext run). `--chromium` for Chromium,
 * Firefox ESR otherwise.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { serveStatic } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const chromium = process.argv.includes('--chromium');
const server = await serveStatic({ '/demo/': { dir: join(ROOT, 'demo') } }, 8787);
const startUrl = server.url('/demo/index.html');
console.log(`Demo page: ${startUrl}`);

const args = chromium
  ? ['web-ext', 'run', '--source-dir', 'dist/chrome', '--target', 'chromium', '--chromium-binary', '/usr/lib/chromium/chromium']
  : ['web-ext', 'run', '--source-dir', 'dist/firefox', '--target', 'firefox-desktop', '--firefox', '/usr/bin/firefox-esr'];
const child = spawn('npx', [...args, '--start-url', startUrl], { cwd: ROOT, stdio: 'inherit' });
child.on('exit', (code) => {
  void server.close();
  process.exit(code ?? 0);
});
