// Browser timings of a built site, in headless Chromium on this machine.
//
//   node e2e/bench.mjs [DIST_DIR] [--runs N] [--json FILE]
//
// DIST_DIR defaults to target/bench-dist (what scripts/bench.sh builds); the debug
// dist/ works too, for trying this script out. Measures:
//
// 1. First load, over N fresh loads (a new browser context each time: empty cache,
//    no storage): from navigation start (performance.timeOrigin) to
//    - "wasm ready": embed.js's `terms-widget:ready` mark (module fetched, compiled,
//      instantiated, custom element defined),
//    - "view in DOM": the document title h1.tw-doc-title inserted in the shadow root
//      (seen by a MutationObserver, so to the microtask),
//    - "view visible": the first animation frame after that in which the title is
//      rendered with a box (checkVisibility()), i.e. the frame that paints it.
// 2. Rendering the largest document (found by rendering each one and counting
//    elements): from the click on its link in the documents list, with another
//    document open, to its last heading being in the DOM, and to the next frame.
//    Median over N runs in one page (the widget is warm: wasm compiled, bundle parsed).
//
// Only 127.0.0.1 is contacted: the site is served by e2e/server.mjs.

import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { launchBrowser, ROOT } from './helpers.mjs';
import { startServer } from './server.mjs';

function parseArgs(argv) {
  const opts = { dist: null, runs: Number(process.env.BENCH_RUNS ?? 15), json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) opts.runs = Number(a.slice(7));
    else if (a === '--json') opts.json = argv[++i];
    else if (a.startsWith('--json=')) opts.json = a.slice(7);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node e2e/bench.mjs [DIST_DIR] [--runs N] [--json FILE]');
      process.exit(0);
    } else if (!a.startsWith('-') && !opts.dist) opts.dist = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 10) {
    throw new Error(`--runs must be an integer >= 10 (got ${opts.runs})`);
  }
  opts.dist = path.resolve(ROOT, opts.dist ?? process.env.DIST_DIR ?? 'target/bench-dist');
  return opts;
}

const PAGE_TIMEOUT = 60_000;

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

/** Installed before any page script: records when the first widget's title appears. */
function recordFirstView() {
  const t = (globalThis.__twBench = { inserted: null, visible: null });
  const watch = (root) => {
    const check = () => {
      if (t.inserted !== null) return true;
      const h1 = root.querySelector('h1.tw-doc-title');
      if (!h1) return false;
      t.inserted = performance.now();
      const frame = () => {
        if (h1.isConnected && h1.checkVisibility() && h1.getBoundingClientRect().height > 0) {
          t.visible = performance.now();
        } else {
          requestAnimationFrame(frame);
        }
      };
      requestAnimationFrame(frame);
      return true;
    };
    if (check()) return;
    const mo = new MutationObserver(() => {
      if (check()) mo.disconnect();
    });
    mo.observe(root, { childList: true, subtree: true });
  };
  // The widget attaches its (open) shadow root when the custom element connects.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'terms-widget') watch(root);
    return root;
  };
}

async function measureFirstLoads(browser, url, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    try {
      await context.addInitScript(recordFirstView);
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_TIMEOUT);
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/favicon\.ico$/.test(m.location()?.url ?? '')) errors.push(m.text());
      });
      await page.goto(url + '/', { waitUntil: 'commit' });
      await page.waitForFunction(() => globalThis.__twBench?.visible != null, null, { timeout: PAGE_TIMEOUT });
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const ready = performance.getEntriesByName('terms-widget:ready')[0];
        const res = (suffix) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(suffix));
        const wasm = res('_bg.wasm');
        return {
          domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
          wasmFetched: wasm ? wasm.responseEnd : null,
          ready: ready ? ready.startTime : null,
          inserted: globalThis.__twBench.inserted,
          visible: globalThis.__twBench.visible,
        };
      });
      if (errors.length) throw new Error(`errors on load ${i + 1}: ${errors.join(' | ')}`);
      results.push(r);
      process.stderr.write(`  load ${i + 1}/${runs}: visible at ${r.visible.toFixed(1)} ms\n`);
    } finally {
      await context.close();
    }
  }
  return results;
}

/** Renders every document once; returns them with their size, largest first. */
async function surveyDocuments(page) {
  const ids = await page.$$eval('a.tw-doc-link', (links) =>
    links.map((a) => a.getAttribute('href').slice(1)),
  );
  const docs = [];
  for (const id of ids) {
    await page.locator(`a.tw-doc-link[href="#${id}"]`).click();
    await page.waitForFunction(
      (id) =>
        document.querySelector('terms-widget').shadowRoot.querySelector('a.tw-doc-link[aria-current="page"]')?.getAttribute('href') === `#${id}`,
      id,
    );
    docs.push(
      await page.evaluate((id) => {
        const root = document.querySelector('terms-widget').shadowRoot;
        const md = root.querySelector('.tw-md');
        const headings = md.querySelectorAll('h1,h2,h3,h4,h5,h6');
        return {
          id,
          title: root.querySelector('h1.tw-doc-title').textContent,
          elements: root.querySelector('.tw-doc').querySelectorAll('*').length,
          chars: md.textContent.length,
          lastHeading: headings[headings.length - 1]?.id ?? null,
        };
      }, id),
    );
  }
  return docs.sort((a, b) => b.elements - a.elements);
}

/** In the page: click the document's link, wait for its last heading, then a frame. */
function timeDocumentRender({ id, lastHeading }) {
  const root = document.querySelector('terms-widget').shadowRoot;
  const link = root.querySelector(`a.tw-doc-link[href="#${id}"]`);
  const done = () => {
    const h = root.querySelector(`.tw-md [id="${lastHeading}"]`);
    return (
      h &&
      root.querySelector('a.tw-doc-link[aria-current="page"]')?.getAttribute('href') === `#${id}`
    );
  };
  if (done()) throw new Error(`${id} is already open`);
  return new Promise((resolve, reject) => {
    let inDom = null;
    const timer = setTimeout(() => reject(new Error(`${id} did not render within 30 s`)), 30_000);
    const finish = () => {
      inDom = performance.now() - start;
      mo.disconnect();
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve({ inDom, frame: performance.now() - start });
      });
    };
    const mo = new MutationObserver(() => {
      if (inDom === null && done()) finish();
    });
    mo.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current'] });
    const start = performance.now();
    link.click();
    // Rendering may be synchronous within click(): then the observer has queued records
    // but check now so the time is not attributed to observer delivery.
    if (inDom === null && done()) finish();
  });
}

async function measureDocumentRenders(browser, url, runs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url + '/');
    await page.locator('h1.tw-doc-title').waitFor({ timeout: PAGE_TIMEOUT });
    const docs = await surveyDocuments(page);
    const largest = docs[0];
    const smallest = docs[docs.length - 1];
    if (!largest.lastHeading) throw new Error(`${largest.id} has no headings to wait for`);
    const times = [];
    // One warm-up round (first parse of that version in this page is memoised per open).
    for (let i = -1; i < runs; i++) {
      await page.locator(`a.tw-doc-link[href="#${smallest.id}"]`).click();
      await page.waitForFunction(
        (id) =>
          document.querySelector('terms-widget').shadowRoot.querySelector('a.tw-doc-link[aria-current="page"]')?.getAttribute('href') === `#${id}`,
        smallest.id,
      );
      const t = await page.evaluate(timeDocumentRender, largest);
      if (i >= 0) times.push(t);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return { docs, largest, times };
  } finally {
    await context.close();
  }
}

/** The same mixed purchases as examples/refund_throughput.rs. */
const REFUND_INPUTS = (() => {
  const p = '2024-03-01T12:00:00Z';
  return [
    { kind: 'course', paid_at: p, now: '2024-03-10T08:00:00Z' },
    { kind: 'course', paid_at: p, now: '2024-03-20T08:00:00Z' },
    { kind: 'specialization', paid_at: p, now: '2024-03-06T00:00:00Z', certificate_earned_at: '2024-03-05T00:00:00Z' },
    { kind: 'course', paid_at: p, now: '2024-04-10T00:00:00Z', pre_enrolled: true, launch_at: '2024-04-01T00:00:00Z' },
    { kind: 'course', paid_at: p, now: p, pre_enrolled: true },
    { kind: 'course', paid_at: p, now: '2024-03-05T00:00:00Z', custom_window_days: 7, cancelled_at: '2024-03-04T00:00:00Z' },
    { kind: 'plus_subscription', paid_at: p, now: '2024-03-02T00:00:00Z' },
    { kind: 'plus_subscription', paid_at: p, now: p, free_trial_ends_at: '2024-03-08T12:00:00Z' },
    { kind: 'subscription_monthly', paid_at: p, now: p },
    { kind: 'guided_project', paid_at: p, now: p },
    { kind: 'degree', paid_at: p, now: p },
    { kind: 'course', via: 'app_store', paid_at: p, now: p },
    { kind: 'course', via: 'organization', paid_at: p, now: p },
    { kind: 'other', paid_at: p, now: p, custom_window_days: 30 },
    { kind: 'course', paid_at: p, now: p, honor_code_violation: true },
    { kind: 'course', paid_at: '2023-02-29T00:00:00Z', now: p },
  ];
})();

/** Calls TermsWidget.evaluateRefund (objects in, objects out) for ~2 s per round. */
async function measureRefundThroughput(browser, url, rounds) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    await page.goto(url + '/partner.html');
    await page.waitForFunction(() => typeof window.TermsWidget?.evaluateRefund === 'function', null, { timeout: PAGE_TIMEOUT });
    const perSecond = [];
    for (let i = 0; i < rounds; i++) {
      perSecond.push(
        await page.evaluate((inputs) => {
          const api = window.TermsWidget;
          let calls = 0;
          const start = performance.now();
          while (performance.now() - start < 2000) {
            for (const input of inputs) api.evaluateRefund(input);
            calls += inputs.length;
          }
          return calls / ((performance.now() - start) / 1000);
        }, REFUND_INPUTS),
      );
    }
    return perSecond;
  } finally {
    await context.close();
  }
}

function fmt(ms) {
  return ms == null ? '-' : `${ms.toFixed(1)} ms`;
}

function table(rows) {
  const head = ['measure', 'median', 'min', 'max', 'runs'];
  const body = rows.map(([name, s]) => [name, fmt(s.median), fmt(s.min), fmt(s.max), String(s.n)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const server = await startServer(opts.dist);
  const browser = await launchBrowser();
  try {
    const version = browser.version();
    console.error(`benchmarking ${path.relative(process.cwd(), opts.dist) || '.'} at ${server.url}/ (Chromium ${version}, ${opts.runs} runs)`);
    const loads = await measureFirstLoads(browser, server.url, opts.runs);
    const refundRates = await measureRefundThroughput(browser, server.url, 3);
    const renders = await measureDocumentRenders(browser, server.url, opts.runs);
    const pick = (k) => stats(loads.map((r) => r[k]).filter((v) => v != null));
    const largest = renders.largest;
    const rows = [
      ['first load: DOMContentLoaded', pick('domContentLoaded')],
      ['first load: wasm downloaded', pick('wasmFetched')],
      ['first load: wasm ready (terms-widget:ready)', pick('ready')],
      ['first load: documents view in DOM', pick('inserted')],
      ['first load: documents view visible', pick('visible')],
      [`render ${largest.title}: last heading in DOM`, stats(renders.times.map((t) => t.inDom))],
      [`render ${largest.title}: next frame`, stats(renders.times.map((t) => t.frame))],
    ];
    console.log('');
    console.log(`terms-widget browser timings: ${path.relative(ROOT, opts.dist) || opts.dist}`);
    console.log(`headless Chromium ${version}, ${os.cpus().length} CPU(s), 1280x800; times from navigation start / from the click`);
    console.log('');
    console.log(table(rows));
    console.log('');
    const rates = [...refundRates].sort((a, b) => a - b);
    console.log(
      `refund decisions in the browser (TermsWidget.evaluateRefund, objects in and out): ` +
        `${Math.round(rates[Math.floor(rates.length / 2)]).toLocaleString('en')} per second ` +
        `(median of ${rates.length} rounds of 2 s, ${REFUND_INPUTS.length} mixed purchases)`,
    );
    console.log('');
    console.log(
      `largest document: ${largest.title} (#${largest.id}: ${largest.elements} elements, ${largest.chars} characters of text); ` +
        `timed from a click on its link with ${renders.docs[renders.docs.length - 1].title} open`,
    );
    if (opts.json) {
      await writeFile(
        opts.json,
        JSON.stringify({ dist: opts.dist, chromium: version, runs: opts.runs, loads, renders }, null, 2) + '\n',
      );
      console.log(`raw figures written to ${opts.json}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  process.exit(1);
});
