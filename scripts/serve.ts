/**
 * A static file server on 127.0.0.1 for the demo page and the browser tests.
 * Each mount maps a URL prefix to a folder, optionally with a
 * Content-Security-Policy; `?csp=` on a request sets one for that response.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

/**
 * The corpus pages' CSP, in the tests and the benches: they run none of
 * their own scripts and load nothing from other hosts (there is no network
 * here, and a load must be the same each time). Content scripts are not
 * bound by a page's CSP.
 */
export const REAL_PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'none'";

export interface Mount {
  dir: string;
  csp?: string;
}

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export async function serveStatic(mounts: Record<string, Mount>, port = 0): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
    const mount = prefix ? mounts[prefix] : undefined;
    const file =
      mount && prefix ? normalize(join(mount.dir, decodeURIComponent(url.pathname.slice(prefix.length)))) : '';
    if (!mount || !file.startsWith(mount.dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    const csp = url.searchParams.get('csp') ?? mount.csp;
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
