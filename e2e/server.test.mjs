// The test server itself: MIME types (wasm streaming compilation needs
// application/wasm), 404s, fixtures under /fixtures/, and no way out of the served folders.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';

import { DIST_DIR } from './helpers.mjs';
import { startServer } from './server.mjs';

let server;
before(async () => {
  server = await startServer(DIST_DIR);
});
after(() => server?.close());

/** A raw request, so the path is sent exactly as written (no URL normalisation). */
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  test('listens on 127.0.0.1 at a free port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
  });

  test('serves the site with the right MIME types', async () => {
    const cases = [
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/embed.js', 'text/javascript'],
      ['/terms-widget.js', 'text/javascript'],
      ['/terms-widget_bg.wasm', 'application/wasm'],
      ['/page.css', 'text/css'],
      ['/bundle.schema.json', 'application/json'],
      ['/fixtures/bad.json', 'application/json'],
      ['/fixtures/custom.html', 'text/html'],
      ['/fixtures/tall.css', 'text/css'],
    ];
    for (const [path, type] of cases) {
      const r = await get(path);
      assert.equal(r.status, 200, path);
      assert.ok(r.headers['content-type'].startsWith(type), `${path}: ${r.headers['content-type']}`);
      assert.equal(Number(r.headers['content-length']), r.body.length, `${path}: content-length`);
    }
    const wasm = await get('/terms-widget_bg.wasm');
    assert.deepEqual([...wasm.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'a wasm file');
  });

  test('answers 404 for missing files and HEAD without a body', async () => {
    assert.equal((await get('/no-such-file.js')).status, 404);
    assert.equal((await get('/fixtures/no-such-bundle.json')).status, 404);
    const head = await get('/embed.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal((await get('/embed.js', 'POST')).status, 405);
  });

  test('serves bodies put in memory at their exact path, and only under /__mem/ or /__bench/', async () => {
    server.put('/__bench/static-spa.html', '<!doctype html><p>static</p>');
    server.put('/__mem/x.json', Buffer.from('{"a":1}'));
    const page = await get('/__bench/static-spa.html');
    assert.equal(page.status, 200);
    assert.ok(page.headers['content-type'].startsWith('text/html'));
    assert.equal(page.body.toString(), '<!doctype html><p>static</p>');
    assert.equal(Number(page.headers['content-length']), page.body.length);
    assert.ok((await get('/__mem/x.json')).headers['content-type'].startsWith('application/json'));
    assert.equal((await get('/__bench/static-spa.html', 'HEAD')).body.length, 0);
    assert.equal((await get('/__bench/other.html')).status, 404);
    server.unput('/__bench/static-spa.html');
    assert.equal((await get('/__bench/static-spa.html')).status, 404);
    for (const bad of ['/index.html', '/fixtures/custom.html', '/__bench/../index.html', '/__benchx/a.html']) {
      assert.throws(() => server.put(bad, 'x'), /must be under/, bad);
    }
    assert.equal((await get('/index.html')).body.toString().includes('terms-widget'), true);
  });

  test('refuses to leave the served folders', async () => {
    for (const path of [
      '/../package.json',
      '/../../etc/passwd',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/..%2fpackage.json',
      '/fixtures/../../package.json',
      '/fixtures/%2e%2e/server.mjs',
      '/fixtures/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/index.html%00.js',
    ]) {
      const r = await get(path);
      assert.ok([400, 403, 404].includes(r.status), `${path} answered ${r.status}`);
      assert.doesNotMatch(r.body.toString(), /"name"|root:|startServer/, `${path} leaked a file`);
    }
  });
});
