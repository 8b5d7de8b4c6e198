// Where a page's start-up time goes, from a Chrome trace (Playwright's CDP session).
//
//   node e2e/startup-profile.mjs [DIST_DIR] [--page /fixtures/bench/consent.html] [--runs 5]
//
// Loads the page in a fresh context with tracing on, waits for the widget's view (the
// consent banner, or a document title), and sums the main thread's trace events by kind:
// HTML parsing, script evaluation (JS), WebAssembly compilation, wasm-bindgen start-up
// and the widget's first render (inside "FunctionCall"/"v8.run" of the loader's promise),
// style and layout, paint. Prints the median of each over the runs, with the time from
// navigation to the view. Only 127.0.0.1 is contacted.

import path from 'node:path';

import { launchBrowser, ROOT } from './helpers.mjs';
import { startServer } from './server.mjs';

function parseArgs(argv) {
  const o = { dist: 'target/bench-dist', page: '/fixtures/bench/consent.html', runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--page') o.page = argv[++i];
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (!a.startsWith('-')) o.dist = a;
    else throw new Error(`unknown argument ${a}`);
  }
  o.dist = path.resolve(ROOT, o.dist);
  return o;
}

const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.wasm',
  'v8.execute',
  'blink',
  'loading',
  'disabled-by-default-devtools.timeline',
].join(',');

/** The bucket of a main-thread event, or null for events that only contain others. */
function bucket(e) {
  const n = e.name;
  if (/^wasm\.|Wasm|wasm\.Compile|v8\.wasm/.test(n) || e.cat?.includes('v8.wasm')) return 'WebAssembly compile/instantiate';
  if (n === 'ParseHTML') return 'HTML parsing';
  // A script without a URL is the harness's (Playwright's injected script for
  // waitForFunction, about 7 to 20 ms on the first call), not the page's.
  if (n === 'EvaluateScript' && !e.args?.data?.url) return 'test harness (Playwright)';
  if (n === 'EvaluateScript' || n === 'v8.compileModule' || n === 'v8.evaluateModule') return 'JS evaluate (glue, loader)';
  if (n === 'FunctionCall' || n === 'RunMicrotasks' || n === 'TimerFire' || n === 'FireAnimationFrame' || n === 'EventDispatch') return 'JS and wasm running (start-up, render)';
  if (n === 'UpdateLayoutTree' || n === 'RecalculateStyles' || n === 'ParseAuthorStyleSheet') return 'style';
  if (n === 'Layout') return 'layout';
  if (n === 'Paint' || n === 'PrePaint' || n === 'Layerize' || n === 'Commit') return 'paint';
  if (n === 'GCEvent' || n === 'MinorGC' || n === 'MajorGC' || n.startsWith('V8.GC')) return 'garbage collection';
  return null;
}

async function traceOnce(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'commit' });
    const visible = await page.waitForFunction(
      (sel) => {
        for (const host of document.querySelectorAll('terms-widget, terms-consent')) {
          const el = host.shadowRoot?.querySelector(sel);
          if (el && el.checkVisibility() && el.getBoundingClientRect().height > 0) return performance.now();
        }
        return false;
      },
      selector,
      { polling: 'raf', timeout: 60_000 },
    );
    const visibleAt = await visible.jsonValue();
    await page.waitForTimeout(200);
    await cdp.send('Tracing.end');
    await done;
    // The renderer's main thread: the thread that ran ParseHTML.
    const parse = events.find((e) => e.name === 'ParseHTML');
    const main = events.filter((e) => e.pid === parse?.pid && e.tid === parse?.tid && e.ph === 'X');
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === parse?.pid) ?? parse;
    const cutoff = nav.ts + visibleAt * 1000;
    const sums = {};
    // Sum only top-level events of each bucket (an event inside another of the same
    // bucket is not counted twice).
    const open = [];
    for (const e of main.sort((a, b) => a.ts - b.ts)) {
      if (e.ts > cutoff) break;
      const b = bucket(e);
      if (!b) continue;
      while (open.length && open[open.length - 1].end <= e.ts) open.pop();
      if (open.some((o) => o.b === b)) continue;
      open.push({ b, end: e.ts + (e.dur ?? 0) });
      sums[b] = (sums[b] ?? 0) + (e.dur ?? 0) / 1000;
    }
    const wasmEvents = {};
    for (const e of events) {
      if (e.cat?.includes('wasm') && e.ph === 'X' && e.ts <= cutoff) {
        wasmEvents[e.name] = (wasmEvents[e.name] ?? 0) + (e.dur ?? 0) / 1000;
      }
    }
    return { visibleAt, sums, wasmEvents };
  } finally {
    await context.close();
  }
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const server = await startServer(o.dist);
  const browser = await launchBrowser();
  try {
    const selector = /consent/.test(o.page) ? '.tw-consent-banner' : /course/.test(o.page) ? '.tw-verdict h2, .tw-verdict-headline, h1.tw-doc-title' : 'h1.tw-doc-title';
    const runs = [];
    for (let i = 0; i < o.runs; i++) runs.push(await traceOnce(browser, server.url + o.page, selector));
    const keys = [...new Set(runs.flatMap((r) => Object.keys(r.sums)))];
    console.log(`start-up of ${o.page} (${path.relative(ROOT, o.dist)}), median of ${o.runs} traced fresh loads`);
    console.log(`  view visible at ${median(runs.map((r) => r.visibleAt)).toFixed(1)} ms from navigation`);
    console.log('  main thread, until then (ms):');
    for (const k of keys.sort()) {
      console.log(`    ${k.padEnd(42)} ${median(runs.map((r) => r.sums[k] ?? 0)).toFixed(1)}`);
    }
    const wkeys = [...new Set(runs.flatMap((r) => Object.keys(r.wasmEvents)))];
    if (wkeys.length) {
      console.log('  WebAssembly trace events, any thread (ms):');
      for (const k of wkeys.sort()) {
        console.log(`    ${k.padEnd(42)} ${median(runs.map((r) => r.wasmEvents[k] ?? 0)).toFixed(1)}`);
      }
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
