// Takes the README screenshot of a built dist/ in headless Chromium.
//   node scripts/screenshot.mjs [dist-dir] [out.png]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const dist = process.argv[2] || 'dist';
const out = process.argv[3] || 'docs/screenshot.png';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path.endsWith('/')) path += 'index.html';
  try {
    const body = await readFile(join(dist, path));
    res.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream' }).end(body);
  } catch { res.writeHead(404).end('not found'); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
await page.goto(`${base}/#refund-policy`);
await page.locator('h1.tw-doc-title').waitFor();
await page.locator('input.tw-search-input').fill('refund');
await page.locator('mark.tw-mark').first().waitFor();
await page.waitForTimeout(400);
await page.screenshot({ path: out });
await browser.close();
server.close();
console.log(`wrote ${out}`);
