// Where a page's start-up CPU time goes, by function: a sampled V8 CPU profile (Playwright's
// CDP session) of fresh loads until the widget's view is visible.
//
//   node e2e/cpu-profile.mjs DIST_DIR PAGE [RUNS]
//   node e2e/cpu-profile.mjs /tmp/prof-dist /fixtures/bench/consent.html 5
//
// Prints the mean self time and total (inclusive) time per function, per load, in ms.
// Function names in wasm need a build that keeps them: run wasm-bindgen on the cargo
// output (target/wasm-release/wasm32-unknown-unknown/release/*.wasm) and, for the
// release figures, `wasm-opt -Oz -g`, into a copy of a built dist/. The profiler's own
// overhead inflates the figures: compare functions, not totals. Only 127.0.0.1 is
// contacted.

import path from 'node:path';
import { launchBrowser, ROOT } from './helpers.mjs';
import { startServer } from './server.mjs';
const dist = path.resolve(ROOT, process.argv[2]);
const pg = process.argv[3];
if (!process.argv[2] || !pg) throw new Error('usage: node e2e/cpu-profile.mjs DIST_DIR PAGE [RUNS]');
const runs = Number(process.argv[4] || 3);
const selector = /consent/.test(pg) ? '.tw-consent-banner' : /course/.test(pg) ? '.tw-verdict h2, .tw-verdict-headline, h1.tw-doc-title' : 'h1.tw-doc-title';
const server = await startServer(dist);
const browser = await launchBrowser();
const self = new Map(); const total = new Map();
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(server.url + pg, { waitUntil: 'commit' });
  await page.waitForFunction((sel) => {
    for (const host of document.querySelectorAll('terms-widget, terms-consent')) {
      const el = host.shadowRoot?.querySelector(sel);
      if (el && el.checkVisibility() && el.getBoundingClientRect().height > 0) return true;
    }
    return false;
  }, selector, { polling: 'raf', timeout: 60000 });
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const dt = profile.timeDeltas; 
  for (let i = 0; i < profile.samples.length; i++) {
    const d = (dt[i + 1] ?? 0) / 1000 / runs;
    let id = profile.samples[i];
    const n = byId.get(id); const name = (n.callFrame.functionName || '(anon)') + ' ' + (n.callFrame.url.split('/').pop() || '');
    self.set(name, (self.get(name) || 0) + d);
    const seen = new Set();
    while (id !== undefined) { const m = byId.get(id); const nm = (m.callFrame.functionName || '(anon)').slice(0, 140); if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) || 0) + d); } id = parent.get(id); }
  }
  await context.close();
}
const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log('SELF'); for (const [k, v] of top(self, 45)) console.log(v.toFixed(2).padStart(8), k.slice(0, 160));
console.log('TOTAL'); for (const [k, v] of top(total, 400)) console.log(v.toFixed(2).padStart(8), k.slice(0, 160));
await browser.close(); await server.close();
