// A tiny static file server for the browser tests and the benchmark.
//
//   const { url, close } = await startServer('dist');
//
// Serves `rootDir` on 127.0.0.1 at a random free port, and this folder's `fixtures/`
// under `/fixtures/`, and axe-core (npm) at `/__axe/axe.min.js`, so the accessibility
// checks load it as a same-origin file and the pages keep their strict CSP. Only GET and HEAD; 404 for anything missing; paths that try to
// leave the served folder (`..`, encoded slashes, NUL) are refused. No caching, so
// every fresh browser context really loads the files.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
/** axe-core's browser build, from node_modules (served at `/__axe/axe.min.js`). */
export const AXE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'axe-core');

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file inside `base`, or null if it would leave `base`. */
function resolveInside(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return null;
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(base, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

/**
 * Starts the server. Resolves to `{ url, port, close }`; `url` has no trailing slash.
 * `options.handle(req, res)` gets every request first (any method) and returns `true`
 * when it answered it (e.g. the flaky records endpoint, `records-endpoint.mjs`).
 * @param {string} rootDir the folder to serve at `/`
 * @param {{ fixturesDir?: string, handle?: (req, res) => boolean }} [options]
 */
export async function startServer(rootDir, options = {}) {
  const root = path.resolve(rootDir);
  const fixtures = path.resolve(options.fixturesDir ?? FIXTURES_DIR);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) {
    throw new Error(`startServer: ${root} is not a directory (build the site first)`);
  }

  /** In-memory bodies by exact path: `{ body: Buffer, type }`. */
  const memory = new Map();

  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (options.handle?.(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n');
    let pathname;
    try {
      pathname = new URL(req.url, 'http://127.0.0.1').pathname;
    } catch {
      return send(400, 'Bad request\n');
    }
    const held = memory.get(pathname);
    if (held) {
      res.writeHead(200, {
        'content-type': held.type,
        'content-length': held.body.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      return res.end(req.method === 'HEAD' ? undefined : held.body);
    }
    let base = root;
    let rest = pathname;
    if (pathname === '/fixtures' || pathname.startsWith('/fixtures/')) {
      base = fixtures;
      rest = pathname.slice('/fixtures'.length) || '/';
    } else if (pathname === '/__axe/axe.min.js') {
      base = AXE_DIR;
      rest = '/axe.min.js';
    }
    let file = resolveInside(base, rest);
    if (!file) return send(403, 'Forbidden\n');
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send(404, 'Not found\n');
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': info.size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
  // Keep-alive sockets would make close() wait; track them to end them on close.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /**
     * Serves `body` (string or Buffer) at `pathname` from memory until replaced or
     * `unput`. The type defaults from the extension, like files.
     */
    put(pathname, body, type) {
      if (!/^\/__(mem|bench)\/[A-Za-z0-9._\/-]+$/.test(pathname) || pathname.includes('..')) {
        throw new Error(`server.put: ${pathname} must be under /__mem/ or /__bench/`);
      }
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
      memory.set(pathname, {
        body: buf,
        type: type ?? MIME_TYPES[path.extname(pathname).toLowerCase()] ?? 'application/octet-stream',
      });
      return pathname;
    },
    unput(pathname) {
      memory.delete(pathname);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

// `node e2e/server.mjs [dir]`: serve a folder by hand (Ctrl+C to stop).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
  const { url } = await startServer(dir);
  console.log(`serving ${path.resolve(dir)} at ${url}/ (fixtures at ${url}/fixtures/)`);
}
