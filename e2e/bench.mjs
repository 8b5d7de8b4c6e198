// The benchmark of issue 9: bytes and timings of a built site, in headless Chromium on
// this machine, printed as one report with the targets beside the figures.
//
//   node e2e/bench.mjs [DIST_DIR] [--runs N] [--json FILE] [--native FILE] [--kinds a,b]
//
// DIST_DIR defaults to target/bench-dist (what scripts/bench.sh builds); the debug
// dist/ works too, for trying this script out (`node e2e/bench.mjs dist --runs 10`).
// --native FILE is the saved output of `cargo run --example refund_throughput` (bench.sh
// passes it), for the native refund row. --kinds limits the page kinds (e.g. `spa`).
//
// What it does, in order:
//
// 1. Page kinds (KINDS below; a kind whose page the server does not have is skipped with
//    a note). For each, one calibration load in a fresh context records EVERY response
//    until the view is visible and the network is idle: the bytes the page actually
//    downloads, each body compressed with brotli quality 11, summed by type. It also
//    captures the widget's rendered shadow root (HTML, and the text of its adopted
//    stylesheets) to build the kind's STATIC COUNTERPART: the same page without scripts
//    or preload hints, the host element holding a declarative shadow root
//    (`<template shadowrootmode="open">`) with that HTML and the stylesheet as a
//    `<link rel=stylesheet>`, served from memory by the same server.
// 2. First loads, round-robin over every live page and its static counterpart, a fresh
//    browser context per load, N loads each (--runs, default 15). An init script polls
//    every animation frame for the kind's target element inside the host's shadow root:
//    visible = connected, checkVisibility(), a non-zero box, and the shadow root's linked
//    stylesheets loaded. Ratio = median live / median static.
// 3. In one warm page each (median over N): rendering the largest document after a click;
//    one search keystroke on the Terms of Use; the word diff of two ~50 KB versions
//    (a bundle generated here, served from memory). Each is timed from the event to the
//    result in the DOM (MutationObserver), to it laid out (a synchronous layout of the
//    new content right after), and to the next animation frame. Targets are judged on
//    "laid out": the work of one frame, without the wait for the next vsync.
// 4. Refund decisions per second in the browser (TermsWidget.evaluateRefund); natively
//    from --native.
// 5. One summary table: measure | figure | target | met. It is a report, not a test: the
//    exit status says only whether the benchmark ran.
//
// Only 127.0.0.1 is contacted: the site is served by e2e/server.mjs.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { launchBrowser, ROOT } from './helpers.mjs';
import { startServer } from './server.mjs';

/**
 * The kinds of page that embed the widget. Adding one is one entry here plus its page:
 * - `page`: its URL path on the bench server (`/fixtures/…` is e2e/fixtures/);
 * - `host`: the element whose shadow root holds the view; `target`: the element in it
 *   whose visibility counts as "the view is visible";
 * - `bytes`: which response types make the kind's byte figure, and its target (bytes);
 * - `ratio`: the target for visible-time / static counterpart's, if the issue sets one.
 */
const KB = 1000;
export const KINDS = [
  {
    id: 'consent',
    label: 'consent-only page',
    page: '/fixtures/bench/consent.html',
    host: 'terms-consent',
    target: '.tw-consent-banner',
    what: 'banner',
    // What the widget brings to the host's page: everything but the page's own HTML.
    bytes: { types: ['wasm', 'js', 'css', 'json', 'other'], max: 100 * KB, measure: 'bytes a consent-only page downloads (wasm + JS + CSS + JSON, brotli -q 11)' },
    ratio: { max: 1.3, measure: 'banner visible, ratio to the static page (same markup, same run)' },
  },
  {
    id: 'spa',
    label: 'documents SPA',
    page: '/',
    host: 'terms-widget',
    target: 'h1.tw-doc-title',
    what: 'documents view',
    // The SPA is the page: its HTML counts too.
    bytes: { types: ['wasm', 'js', 'css', 'json', 'html', 'other'], max: 200 * KB, measure: 'documents SPA first load, everything (brotli -q 11)' },
    ratio: { max: 2.0, measure: 'documents view visible, ratio to the static page' },
  },
  {
    id: 'course',
    label: 'course page with a refund verdict card',
    page: '/fixtures/bench/course.html',
    host: 'terms-widget',
    target: '.tw-refund-verdict .tw-refund-headline',
    what: 'verdict headline',
    bytes: { types: ['wasm', 'js', 'css', 'json', 'other'], measure: 'bytes a course page with a verdict card downloads (all but its HTML, brotli -q 11)' },
    ratio: { measure: 'verdict visible, ratio to the static page' },
  },
  {
    // Issue 10's <terms-signup>: its age screen (the date-of-birth field) comes first.
    id: 'signup',
    label: 'sign-up page',
    page: '/fixtures/bench/signup.html',
    host: 'terms-signup',
    target: 'input#tw-birth',
    what: 'sign-up step',
    bytes: { types: ['wasm', 'js', 'css', 'json', 'other'], measure: 'bytes a sign-up page downloads (all but its HTML, brotli -q 11)' },
    ratio: { measure: 'sign-up step visible, ratio to the static page' },
  },
];

const TARGETS = {
  render: { max: 16, measure: 'render the largest document after a click (laid out)' },
  search: { max: 16, measure: 'one search keystroke on the Terms of Use, to highlighted results (laid out)' },
  diff: { max: 50, measure: 'word diff of two 50 KB versions, in the browser (laid out)' },
  native: { min: 2e6, measure: 'refund decisions per second, natively (evaluate)' },
};

/** The search: one more character typed into an existing query. */
const SEARCH = { document: 'terms-of-use', from: 'servic', to: 'service' };
/** The diff bundle's one document. */
const DIFF_DOC = { id: 'bench-terms', path: '/__bench/diff-bundle.json', page: '/fixtures/bench/diff.html', size: 50_000 };

const PAGE_TIMEOUT = 60_000;
const VIEWPORT = { width: 1280, height: 800 };

function parseArgs(argv) {
  const opts = { dist: null, runs: Number(process.env.BENCH_RUNS ?? 15), json: null, native: null, kinds: null };
  const value = (a, i, name) => (a.startsWith(`${name}=`) ? [a.slice(name.length + 1), i] : [argv[i + 1], i + 1]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let v;
    if (a === '--runs' || a.startsWith('--runs=')) [v, i] = value(a, i, '--runs'), (opts.runs = Number(v));
    else if (a === '--json' || a.startsWith('--json=')) [opts.json, i] = value(a, i, '--json');
    else if (a === '--native' || a.startsWith('--native=')) [opts.native, i] = value(a, i, '--native');
    else if (a === '--kinds' || a.startsWith('--kinds=')) [v, i] = value(a, i, '--kinds'), (opts.kinds = v.split(','));
    else if (a === '-h' || a === '--help') {
      console.log('usage: node e2e/bench.mjs [DIST_DIR] [--runs N] [--json FILE] [--native FILE] [--kinds consent,spa,course,signup]');
      process.exit(0);
    } else if (!a.startsWith('-') && !opts.dist) opts.dist = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 10) {
    throw new Error(`--runs must be an integer >= 10 (got ${opts.runs})`);
  }
  for (const k of opts.kinds ?? []) {
    if (!KINDS.some((kind) => kind.id === k)) throw new Error(`--kinds: no kind ${k} (${KINDS.map((x) => x.id).join(', ')})`);
  }
  opts.dist = path.resolve(ROOT, opts.dist ?? process.env.DIST_DIR ?? 'target/bench-dist');
  return opts;
}

const log = (s) => process.stderr.write(s + '\n');

function stats(values) {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  if (!v.length) return { median: null, min: null, max: null, n: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

// ---------------------------------------------------------------------------------------
// Bytes

const brotliCache = new Map();
function brotliSize(buf) {
  const key = createHash('sha256').update(buf).digest('hex');
  if (!brotliCache.has(key)) {
    const out = zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    });
    brotliCache.set(key, out.length);
  }
  return brotliCache.get(key);
}

function typeOf(contentType, url) {
  const t = (contentType ?? '').toLowerCase();
  if (t.includes('wasm')) return 'wasm';
  if (t.includes('javascript')) return 'js';
  if (t.includes('css')) return 'css';
  if (t.includes('html')) return 'html';
  if (t.includes('json')) return 'json';
  if (/\.wasm$/.test(url)) return 'wasm';
  return 'other';
}

const TYPES = ['wasm', 'js', 'css', 'html', 'json', 'other'];

// ---------------------------------------------------------------------------------------
// In the page

/**
 * Init script (runs before any page script): polls every animation frame for `target`
 * inside `host`'s shadow root; records when it is first in the DOM and when it is
 * visible. Live pages attach their shadow roots from script, so a MutationObserver on
 * them gives the in-DOM time to the microtask.
 */
function watchVisible({ host, target }) {
  const t = (globalThis.__twBench = { inserted: null, visible: null });
  const stylesLoaded = (root) => [...root.querySelectorAll('link[rel~="stylesheet"]')].every((l) => l.sheet);
  const frame = () => {
    const root = document.querySelector(host)?.shadowRoot;
    const el = root?.querySelector(target);
    if (el) {
      if (t.inserted === null) t.inserted = performance.now();
      const box = el.getBoundingClientRect();
      if (el.isConnected && el.checkVisibility() && box.width > 0 && box.height > 0 && stylesLoaded(root)) {
        t.visible = performance.now();
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === host && !document.querySelector(host)?.shadowRoot?.querySelector(target)) {
      const mo = new MutationObserver(() => {
        if (t.inserted === null && root.querySelector(target)) t.inserted = performance.now();
        if (t.inserted !== null) mo.disconnect();
      });
      mo.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
}

/** In the page, after the view is visible: load figures from the Performance timeline. */
function loadFigures() {
  const nav = performance.getEntriesByType('navigation')[0];
  const ready = performance.getEntries().find((e) => e.entryType === 'mark' && /:ready$/.test(e.name));
  const wasm = performance.getEntriesByType('resource').filter((e) => /\.wasm(\?|$)/.test(e.name));
  return {
    domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
    wasmFetched: wasm.length ? Math.max(...wasm.map((e) => e.responseEnd)) : null,
    ready: ready ? ready.startTime : null,
    inserted: globalThis.__twBench.inserted,
    visible: globalThis.__twBench.visible,
  };
}

/** In the page: the host's rendered shadow root, for the static counterpart. */
export function captureShadow(host) {
  const el = document.querySelector(host);
  const root = el.shadowRoot;
  const css = [...root.adoptedStyleSheets]
    .map((s) => [...s.cssRules].map((r) => r.cssText).join('\n'))
    .join('\n');
  return {
    html: root.innerHTML,
    css,
    inlineStyles: root.querySelectorAll('[style]').length,
    styleElements: root.querySelectorAll('style').length,
  };
}

/**
 * In the page: does `spec.action` (a click on a selector, or typing a value into an
 * input), then times until every check in `spec.done` holds (in the DOM), the last
 * checked element is laid out (synchronous layout), and the next animation frame.
 * A check: `{ sel, count?, first?, last?, ci? }` (count of matches; text of the first
 * and last match, lower-cased when `ci`), or `{ sel, absent: true }`.
 */
function timeAction(spec) {
  const root = document.querySelector(spec.host).shadowRoot;
  let lastEl = null;
  const done = () =>
    spec.done.every((c) => {
      const els = root.querySelectorAll(c.sel);
      if (c.absent) return els.length === 0;
      if (c.count != null ? els.length !== c.count : els.length === 0) return false;
      const text = (el) => (c.ci ? el.textContent.toLowerCase() : el.textContent);
      if (c.first != null && text(els[0]) !== c.first) return false;
      if (c.last != null && text(els[els.length - 1]) !== c.last) return false;
      lastEl = els[els.length - 1];
      return true;
    });
  if (done()) throw new Error(`already done before the action: ${JSON.stringify(spec.done)}`);
  return new Promise((resolve, reject) => {
    let inDom = null;
    const timer = setTimeout(() => reject(new Error(`not done within 30 s: ${JSON.stringify(spec.done)}`)), 30_000);
    const finish = () => {
      inDom = performance.now() - start;
      mo.disconnect();
      lastEl.getBoundingClientRect();
      const laidOut = performance.now() - start;
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve({ inDom, laidOut, frame: performance.now() - start });
      });
    };
    const mo = new MutationObserver(() => {
      if (inDom === null && done()) finish();
    });
    mo.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    const a = spec.action;
    const start = performance.now();
    if (a.click) {
      root.querySelector(a.click).click();
    } else {
      const input = root.querySelector(a.input);
      input.value = a.value;
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: a.value.slice(-1) }),
      );
    }
    // Rendering may be synchronous within the event: check now, so the time is not
    // that of observer delivery.
    if (inDom === null && done()) finish();
  });
}

/** In the page: the same checks as timeAction, for waiting from outside. */
function checksHold(spec) {
  const root = document.querySelector(spec.host)?.shadowRoot;
  if (!root) return false;
  return spec.done.every((c) => {
    const els = root.querySelectorAll(c.sel);
    if (c.absent) return els.length === 0;
    if (c.count != null ? els.length !== c.count : els.length === 0) return false;
    const text = (el) => (c.ci ? el.textContent.toLowerCase() : el.textContent);
    if (c.first != null && text(els[0]) !== c.first) return false;
    if (c.last != null && text(els[els.length - 1]) !== c.last) return false;
    return true;
  });
}

// ---------------------------------------------------------------------------------------
// Pages and loads

async function newContext(browser) {
  return browser.newContext({ viewport: VIEWPORT });
}

/** Opens a page that collects errors; `errors()` lists them. */
async function openPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon\.ico$/.test(m.location()?.url ?? '')) errors.push(m.text());
  });
  return { page, errors };
}

async function waitVisible(page) {
  await page.waitForFunction(() => globalThis.__twBench?.visible != null, null, { timeout: PAGE_TIMEOUT, polling: 50 });
}

/**
 * One fresh load of a live page that records every response until the view is visible
 * and the network is idle, then captures the rendered shadow root.
 */
export async function calibrate(browser, server, kind) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(watchVisible, { host: kind.host, target: kind.target });
    const { page, errors } = await openPage(context);
    const responses = [];
    page.on('response', (r) => responses.push(r));
    const failed = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
    await page.goto(server.url + kind.page, { waitUntil: 'commit' });
    await waitVisible(page);
    await page.waitForLoadState('networkidle');
    const files = [];
    for (const r of responses) {
      const url = new URL(r.url());
      // Chromium keeps no body past its per-resource buffer (10 MB; the debug wasm is
      // larger): then the same URL is fetched again from our own (uncached) server.
      let body = await r.body().catch(() => null);
      let refetched = false;
      if (!body && url.origin === server.url && r.status() === 200) {
        body = Buffer.from(await (await fetch(r.url())).arrayBuffer());
        refetched = true;
      }
      if (!body) {
        failed.push(`${r.url()} (status ${r.status()}, no body)`);
        continue;
      }
      files.push({
        path: (url.origin === server.url ? url.pathname + url.search : r.url()) + (refetched ? ' *' : ''),
        refetched,
        status: r.status(),
        type: typeOf(r.headers()['content-type'], url.pathname),
        raw: body.length,
        brotli: brotliSize(body),
      });
    }
    const byType = Object.fromEntries(TYPES.map((t) => [t, { raw: 0, brotli: 0 }]));
    for (const f of files) {
      byType[f.type].raw += f.raw;
      byType[f.type].brotli += f.brotli;
    }
    // Preload hints that fetch a build the page does not run cost bytes: say so.
    const wasm = files.filter((f) => f.type === 'wasm');
    if (wasm.length > 1) {
      failed.push(`downloads ${wasm.length} wasm files (${wasm.map((f) => f.path).join(', ')}): check its preload hints`);
    }
    const shadow = await page.evaluate(captureShadow, kind.host);
    if (errors.length) throw new Error(`${kind.page}: errors while loading: ${errors.join(' | ')}`);
    return { files, byType, failed, shadow };
  } finally {
    await context.close();
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The static counterpart of a live page: its HTML without scripts or preload hints, the
 * host holding the captured shadow root declaratively, its stylesheet linked.
 */
export function staticPage(source, kind, shadow, cssPath) {
  let html = source
    // Comments may name the host element: the template goes into the element itself.
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel=["']?(modulepreload|preload)\b[^>]*>\s*/gi, '');
  const open = new RegExp(`<${escapeRegExp(kind.host)}(\\s[^>]*)?>`, 'i');
  if (!open.test(html)) throw new Error(`${kind.page}: no <${kind.host}> in the page source`);
  const template = `<template shadowrootmode="open"><link rel="stylesheet" href="${cssPath}">${shadow.html}</template>`;
  html = html.replace(open, (tag) => tag + template);
  return html;
}

/** One fresh load; resolves to the load figures (ms from navigation start). */
async function timeLoad(browser, url, { host, target }) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(watchVisible, { host, target });
    const { page, errors } = await openPage(context);
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await waitVisible(page);
    } catch (e) {
      throw new Error(`${url}: ${target} in <${host}> never became visible (${e.message.split('\n')[0]})`);
    }
    const r = await page.evaluate(loadFigures);
    if (errors.length) throw new Error(`${url}: ${errors.join(' | ')}`);
    return r;
  } finally {
    await context.close();
  }
}

async function pageExists(server, pathname) {
  const r = await fetch(server.url + pathname, { method: 'HEAD' });
  return r.ok;
}

// ---------------------------------------------------------------------------------------
// Warm-page measures

/** Renders every document once; returns them with their size, largest first. */
async function surveyDocuments(page) {
  const ids = await page.$$eval('a.tw-doc-link', (links) => links.map((a) => a.getAttribute('href').slice(1)));
  const docs = [];
  for (const id of ids) {
    await page.locator(`a.tw-doc-link[href="#${id}"]`).click();
    await page.waitForFunction(checksHold, { host: 'terms-widget', done: [{ sel: `a.tw-doc-link[aria-current="page"][href="#${id}"]` }] });
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

/** Runs `timeAction(spec)` `runs` times after one warm-up, calling `reset` before each. */
async function repeatTimed(page, runs, reset, spec) {
  const times = [];
  for (let i = -1; i < runs; i++) {
    await reset();
    const t = await page.evaluate(timeAction, spec);
    if (i >= 0) times.push(t);
  }
  return times;
}

async function measureDocumentRenders(browser, url, runs) {
  const context = await newContext(browser);
  try {
    const { page, errors } = await openPage(context);
    await page.goto(url + '/');
    await page.locator('h1.tw-doc-title').waitFor({ timeout: PAGE_TIMEOUT });
    const docs = await surveyDocuments(page);
    const largest = docs[0];
    const smallest = docs[docs.length - 1];
    if (!largest.lastHeading) throw new Error(`${largest.id} has no headings to wait for`);
    const host = 'terms-widget';
    const times = await repeatTimed(
      page,
      runs,
      async () => {
        await page.locator(`a.tw-doc-link[href="#${smallest.id}"]`).click();
        await page.waitForFunction(checksHold, { host, done: [{ sel: `a.tw-doc-link[aria-current="page"][href="#${smallest.id}"]` }] });
      },
      {
        host,
        action: { click: `a.tw-doc-link[href="#${largest.id}"]` },
        done: [
          { sel: `a.tw-doc-link[aria-current="page"][href="#${largest.id}"]` },
          { sel: `.tw-md [id="${largest.lastHeading}"]` },
        ],
      },
    );
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return { docs, largest, smallest, times };
  } finally {
    await context.close();
  }
}

/** One more character typed into the search box on the Terms of Use. */
async function measureSearch(browser, url, runs) {
  const context = await newContext(browser);
  try {
    const { page, errors } = await openPage(context);
    await page.goto(`${url}/#${SEARCH.document}`);
    await page.locator('h1.tw-doc-title').waitFor({ timeout: PAGE_TIMEOUT });
    const input = page.locator('input.tw-search-input');
    await input.waitFor();
    const host = 'terms-widget';
    // Learn what each query shows (type it as a learner would), to wait for exactly that.
    const learn = async (q) => {
      await input.fill(q);
      await page.waitForFunction(checksHold, { host, done: [{ sel: 'mark.tw-mark', first: q, ci: true }] });
      await page.waitForTimeout(300);
      return page.evaluate(() => {
        const root = document.querySelector('terms-widget').shadowRoot;
        return {
          marks: root.querySelectorAll('mark.tw-mark').length,
          matches: new Set([...root.querySelectorAll('mark.tw-mark')].map((m) => m.dataset.match)).size,
          status: root.querySelector('.tw-search-status')?.textContent ?? '',
        };
      });
    };
    const after = await learn(SEARCH.to);
    const before = await learn(SEARCH.from);
    const checks = (q, seen) => [
      { sel: 'mark.tw-mark', count: seen.marks, first: q, last: q, ci: true },
      { sel: '.tw-search-status', first: seen.status },
    ];
    const times = await repeatTimed(
      page,
      runs,
      async () => {
        if (!(await page.evaluate(checksHold, { host, done: checks(SEARCH.from, before) }))) {
          await page.evaluate(({ value }) => {
            const i = document.querySelector('terms-widget').shadowRoot.querySelector('input.tw-search-input');
            i.value = value;
            i.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
          }, { value: SEARCH.from });
          await page.waitForFunction(checksHold, { host, done: checks(SEARCH.from, before) });
        }
      },
      { host, action: { input: 'input.tw-search-input', value: SEARCH.to }, done: checks(SEARCH.to, after) },
    );
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return { ...SEARCH, matches: after.matches, marks: after.marks, times };
  } finally {
    await context.close();
  }
}

/**
 * A bundle with one document in two ~50 KB versions: the Terms of Use's current body
 * repeated (headings numbered per copy), and the same with systematic edits (blocks
 * removed, blocks added, words changed). Deterministic.
 */
async function diffBundle() {
  const dir = path.join(ROOT, 'content', 'terms-of-use');
  const source = await readFile(path.join(dir, 'v3.md'), 'utf8').catch(() => readFile(path.join(dir, 'v1.md'), 'utf8'));
  const blocks = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  const v1 = [];
  let size = 0;
  for (let copy = 1; size < DIFF_DOC.size; copy++) {
    for (const b of blocks) {
      const block = /^#{1,6} /.test(b) ? `${b} (part ${copy})` : b;
      v1.push(block);
      size += block.length + 2;
      if (size >= DIFF_DOC.size) break;
    }
  }
  const prose = (b) => !/^(#|\||>|[-*] |\d+\. )/.test(b);
  const v2 = [];
  v1.forEach((b, i) => {
    if (i % 17 === 5) return; // removed
    if (prose(b) && i % 3 === 1) {
      // reworded: every tenth word changed
      v2.push(b.split(' ').map((w, j) => (j % 10 === 4 ? 'amended' : w)).join(' '));
    } else {
      v2.push(b);
    }
    if (i % 13 === 7) {
      v2.push(`Added in version 2 (block ${i}): we tell you about this change at least 30 days before it takes effect, by email and in the Services.`);
    }
  });
  const body1 = v1.join('\n\n') + '\n';
  const body2 = v2.join('\n\n') + '\n';
  return {
    bundle: {
      format: 'terms-widget/bundle@1',
      platform: { name: 'Benchmark' },
      documents: [
        {
          id: DIFF_DOC.id,
          title: 'Terms of Use (50 KB benchmark copy)',
          versions: [
            { version: '1', effective: '2024-01-01', summary: 'The Terms of Use, repeated to 50 KB.', material: true, body: body1 },
            { version: '2', effective: '2025-01-01', summary: 'Systematic edits.', material: true, body: body2 },
          ],
        },
      ],
    },
    sizes: [Buffer.byteLength(body1), Buffer.byteLength(body2)],
  };
}

async function measureDiff(browser, server, runs) {
  const { bundle, sizes } = await diffBundle();
  server.put(DIFF_DOC.path, JSON.stringify(bundle));
  const context = await newContext(browser);
  try {
    const { page, errors } = await openPage(context);
    await page.goto(server.url + DIFF_DOC.page);
    const host = 'terms-widget';
    const fullText = [{ sel: '.tw-changes-link a' }, { sel: '.tw-changes', absent: true }];
    await page.waitForFunction(checksHold, { host, done: fullText }, { timeout: PAGE_TIMEOUT });
    const openChanges = () => page.evaluate(() => document.querySelector('terms-widget').shadowRoot.querySelector('.tw-changes-link a').click());
    const showFullText = async () => {
      if (!(await page.evaluate(checksHold, { host, done: fullText }))) {
        await page.evaluate(() => document.querySelector('terms-widget').shadowRoot.querySelector('.tw-changes-summary a').click());
        await page.waitForFunction(checksHold, { host, done: fullText });
      }
    };
    // Learn what the changes view shows, to wait for exactly that.
    await openChanges();
    await page.waitForFunction(checksHold, { host, done: [{ sel: '.tw-changes .tw-changes-section' }] });
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => {
      const root = document.querySelector('terms-widget').shadowRoot;
      return {
        changes: root.querySelectorAll('.tw-changes .tw-change').length,
        sections: root.querySelectorAll('.tw-changes .tw-changes-section').length,
        summary: root.querySelector('.tw-changes-summary')?.textContent ?? '',
      };
    });
    const times = await repeatTimed(page, runs, showFullText, {
      host,
      action: { click: '.tw-changes-link a' },
      done: [
        { sel: '.tw-changes .tw-changes-section', count: seen.sections },
        { sel: '.tw-changes .tw-change', count: seen.changes },
      ],
    });
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return { sizes, ...seen, times };
  } finally {
    await context.close();
    server.unput(DIFF_DOC.path);
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
  const context = await newContext(browser);
  try {
    const { page } = await openPage(context);
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
    return stats(perSecond);
  } finally {
    await context.close();
  }
}

/**
 * The `evaluate` decisions per second from refund_throughput's output: a line that
 * mentions "decisions/s" or "decisions per second" with a number (1234567, 1,234,567,
 * 1.23 M); a line naming `evaluate` (not evaluate_str) is preferred.
 */
export function parseNativeRefund(text) {
  const mult = { '': 1, k: 1e3, K: 1e3, M: 1e6, m: 1e6, million: 1e6 };
  const found = [];
  for (const line of text.split('\n')) {
    if (!/decisions\s*(\/\s*s|per\s+second)/i.test(line)) continue;
    const nums = [...line.matchAll(/(\d[\d,_]*(?:\.\d+)?)\s*(million|[kKmM](?![a-z]))?/g)]
      .map((m) => Number(m[1].replace(/[,_]/g, '')) * mult[m[2] ?? '']);
    if (!nums.length) continue;
    const value = Math.max(...nums);
    const plain = /\bevaluate\b(?!_)/.test(line) && !/evaluate_str/.test(line);
    found.push({ value, plain, line: line.trim() });
  }
  return found.find((f) => f.plain) ?? found[0] ?? null;
}

// ---------------------------------------------------------------------------------------
// Output

const fmtMs = (ms) => (ms == null ? '-' : `${ms.toFixed(1)} ms`);
const fmtKB = (b) => (b == null ? '-' : `${(b / KB).toFixed(1)} KB`);
const fmtRate = (r) =>
  r == null ? '-' : r >= 1e5 ? `${(r / 1e6).toFixed(2)} M/s` : `${Math.round(r).toLocaleString('en')} /s`;

function table(head, body, { left = 1 } = {}) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function statsTable(rows) {
  return table(
    ['measure', 'median', 'min', 'max', 'runs'],
    rows.map(([name, s]) => [name, fmtMs(s.median), fmtMs(s.min), fmtMs(s.max), String(s.n)]),
  );
}

function verdict(value, { max, min }) {
  if (value == null) return 'not measured';
  if (max == null && min == null) return '-';
  return (max != null ? value <= max : value >= min) ? 'yes' : 'NO';
}

// ---------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const server = await startServer(opts.dist);
  const browser = await launchBrowser();
  const report = { dist: opts.dist, runs: opts.runs, kinds: {}, notes: [] };
  try {
    const version = browser.version();
    report.chromium = version;
    log(`benchmarking ${path.relative(process.cwd(), opts.dist) || '.'} at ${server.url}/ (Chromium ${version}, ${opts.runs} runs)`);

    // 1. Kinds present, calibration: bytes and the static counterparts.
    const kinds = [];
    for (const kind of KINDS) {
      if (opts.kinds && !opts.kinds.includes(kind.id)) continue;
      if (!(await pageExists(server, kind.page))) {
        const note = `${kind.label}: skipped, the server has no ${kind.page}`;
        report.notes.push(note);
        log(`  ${note}`);
        continue;
      }
      log(`  calibrating ${kind.label} (${kind.page})`);
      const cal = await calibrate(browser, server, kind);
      if (cal.shadow.inlineStyles || cal.shadow.styleElements) {
        report.notes.push(
          `${kind.label}: the rendered shadow root has ${cal.shadow.inlineStyles} style attribute(s) and ${cal.shadow.styleElements} <style>; the static page's strict CSP refuses them`,
        );
      }
      const cssPath = `/__bench/static-${kind.id}.css`;
      const pagePath = `/__bench/static-${kind.id}.html`;
      const source = await (await fetch(server.url + kind.page)).text();
      server.put(cssPath, cal.shadow.css);
      server.put(pagePath, staticPage(source, kind, cal.shadow, cssPath));
      kinds.push({ kind, cal, live: server.url + kind.page, static: server.url + pagePath, loads: { live: [], static: [] } });
    }

    // 2. First loads, round-robin.
    const pages = kinds.flatMap((k) => [
      { k, which: 'live', url: k.live },
      { k, which: 'static', url: k.static },
    ]);
    for (let r = 0; r < opts.runs; r++) {
      const line = [];
      for (let j = 0; j < pages.length; j++) {
        const p = pages[(j + r) % pages.length];
        const fig = await timeLoad(browser, p.url, p.k.kind);
        p.k.loads[p.which].push(fig);
        line.push(`${p.k.kind.id}${p.which === 'static' ? '/static' : ''} ${fig.visible.toFixed(0)}`);
      }
      log(`  round ${r + 1}/${opts.runs}: ${line.join(', ')} ms`);
    }

    // 3. Warm-page measures, 4. refund throughput.
    const hasSpa = kinds.some((k) => k.kind.id === 'spa') || (await pageExists(server, '/index.html'));
    let renders = null;
    let search = null;
    let diff = null;
    if (hasSpa) {
      log('  rendering the largest document');
      renders = await measureDocumentRenders(browser, server.url, opts.runs);
      log('  search keystrokes');
      search = await measureSearch(browser, server.url, opts.runs);
    }
    if (await pageExists(server, DIFF_DOC.page)) {
      log('  word diff');
      diff = await measureDiff(browser, server, opts.runs);
    }
    let browserRefund = null;
    if (await pageExists(server, '/partner.html')) {
      log('  refund decisions in the browser');
      browserRefund = await measureRefundThroughput(browser, server.url, 3);
    }
    let native = null;
    if (opts.native) {
      native = parseNativeRefund(await readFile(opts.native, 'utf8'));
      if (!native) report.notes.push(`no "decisions/s" figure found in ${opts.native}`);
    } else {
      report.notes.push('native refund throughput not measured here (scripts/bench.sh runs examples/refund_throughput.rs and passes --native)');
    }

    // Output.
    const out = [];
    const say = (s = '') => out.push(s);
    say(`terms-widget benchmark: ${path.relative(ROOT, opts.dist) || opts.dist}`);
    say(`headless Chromium ${version}, ${os.cpus().length} CPU(s), ${VIEWPORT.width}x${VIEWPORT.height}, 127.0.0.1; ` +
      `${opts.runs} fresh loads per page, round-robin over live and static pages; KB = 1000 bytes`);
    say();
    say('Bytes per page kind: every response of a fresh load until the view is visible and the network is idle;');
    say('each body compressed on its own with brotli quality 11 (node zlib).');
    for (const { kind, cal } of kinds) {
      say();
      say(`${kind.label} (${kind.page})`);
      say(
        table(
          ['  file', 'type', 'status', 'raw', 'brotli'],
          cal.files.map((f) => [`  ${f.path}`, f.type, f.status, f.raw, f.brotli]),
          { left: 2 },
        ),
      );
      if (cal.files.some((f) => f.refetched)) say('  * body not kept by Chromium (over its 10 MB buffer): fetched again from the server');
      const parts = TYPES.filter((t) => cal.byType[t].raw).map((t) => `${t} ${fmtKB(cal.byType[t].brotli)}`);
      const counted = kind.bytes.types.reduce((s, t) => s + cal.byType[t].brotli, 0);
      const all = TYPES.reduce((s, t) => s + cal.byType[t].brotli, 0);
      say(`  brotli by type: ${parts.join(', ')}; all ${fmtKB(all)}; counted (${kind.bytes.types.join(' + ')}) ${fmtKB(counted)}`);
      for (const f of cal.failed) say(`  note: ${f}`);
      report.kinds[kind.id] = { label: kind.label, page: kind.page, files: cal.files, byType: cal.byType, bytes: counted, bytesAll: all };
    }
    say();
    say('First loads: ms from navigation start; "static" is the same markup with the rendered shadow root');
    say('inlined (declarative shadow DOM, stylesheet linked), no scripts.');
    say();
    const loadRows = [];
    for (const { kind, loads } of kinds) {
      const pick = (which, key) => stats(loads[which].map((r) => r[key]));
      loadRows.push(
        [`${kind.id}: DOMContentLoaded`, pick('live', 'domContentLoaded')],
        [`${kind.id}: wasm downloaded`, pick('live', 'wasmFetched')],
        [`${kind.id}: wasm ready (…:ready mark)`, pick('live', 'ready')],
        [`${kind.id}: ${kind.what} in DOM`, pick('live', 'inserted')],
        [`${kind.id}: ${kind.what} visible`, pick('live', 'visible')],
        [`${kind.id} static: ${kind.what} visible`, pick('static', 'visible')],
      );
      const live = pick('live', 'visible');
      const stat = pick('static', 'visible');
      Object.assign(report.kinds[kind.id], {
        loads,
        ready: pick('live', 'ready'),
        visible: live,
        staticVisible: stat,
        ratio: live.median != null && stat.median ? live.median / stat.median : null,
      });
    }
    say(statsTable(loadRows));
    say();
    const warmRows = [];
    if (renders) {
      const l = renders.largest;
      warmRows.push(
        [`render ${l.title}: in DOM`, stats(renders.times.map((t) => t.inDom))],
        [`render ${l.title}: laid out`, stats(renders.times.map((t) => t.laidOut))],
        [`render ${l.title}: next frame`, stats(renders.times.map((t) => t.frame))],
      );
    }
    if (search) {
      const name = `search "${search.from}" → "${search.to}"`;
      warmRows.push(
        [`${name}: in DOM`, stats(search.times.map((t) => t.inDom))],
        [`${name}: laid out`, stats(search.times.map((t) => t.laidOut))],
        [`${name}: next frame`, stats(search.times.map((t) => t.frame))],
      );
    }
    if (diff) {
      warmRows.push(
        ['word diff 50 KB: in DOM', stats(diff.times.map((t) => t.inDom))],
        ['word diff 50 KB: laid out', stats(diff.times.map((t) => t.laidOut))],
        ['word diff 50 KB: next frame', stats(diff.times.map((t) => t.frame))],
      );
    }
    if (warmRows.length) {
      say('In a warm page: ms from the click or the input event.');
      say();
      say(statsTable(warmRows));
      say();
    }
    if (renders) {
      const l = renders.largest;
      say(`largest document: ${l.title} (#${l.id}: ${l.elements} elements, ${l.chars} characters of text); clicked with ${renders.smallest.title} open`);
    }
    if (search) say(`search: typing "${search.to.slice(-1)}" after "${search.from}" on the Terms of Use; "${search.to}" has ${search.matches} matches`);
    if (diff) {
      say(`word diff: versions of ${diff.sizes.map((s) => fmtKB(s)).join(' and ')} (generated), opened from "What changed"; ${diff.changes} changes in ${diff.sections} sections`);
    }
    if (browserRefund) {
      say(
        `refund decisions in the browser (TermsWidget.evaluateRefund, objects in and out): ${fmtRate(browserRefund.median)} ` +
          `(median of ${browserRefund.n} rounds of 2 s, ${REFUND_INPUTS.length} mixed purchases)`,
      );
    }
    if (native) say(`refund decisions natively: ${fmtRate(native.value)}, from "${native.line}"`);
    for (const n of report.notes) say(`note: ${n}`);

    // Summary.
    const summary = [];
    const add = (measure, value, shown, target, targetText) =>
      summary.push({ measure, value, figure: shown, target: targetText, met: verdict(value, target) });
    // The rows in its order, then the kinds it sets no target for.
    const bytesRow = (kind) => {
      const k = report.kinds[kind.id];
      add(kind.bytes.measure, k?.bytes ?? null, fmtKB(k?.bytes), kind.bytes, kind.bytes.max != null ? `≤ ${fmtKB(kind.bytes.max)}` : '-');
    };
    const ratioRow = (kind) => {
      const k = report.kinds[kind.id];
      const ratio = k?.ratio ?? null;
      const shown = ratio == null ? '-' : `${ratio.toFixed(2)}× (${fmtMs(k.visible.median)} / ${fmtMs(k.staticVisible.median)})`;
      add(kind.ratio.measure, ratio, shown, kind.ratio, kind.ratio.max != null ? `≤ ${kind.ratio.max.toFixed(1)}×` : '-');
    };
    const withTargets = KINDS.filter((k) => k.bytes.max != null || k.ratio.max != null);
    for (const kind of withTargets) {
      bytesRow(kind);
      ratioRow(kind);
    }
    const median = (x, key) => (x ? stats(x.times.map((t) => t[key])).median : null);
    add(TARGETS.render.measure, median(renders, 'laidOut'), fmtMs(median(renders, 'laidOut')), TARGETS.render, `≤ ${TARGETS.render.max} ms`);
    add(TARGETS.search.measure, median(search, 'laidOut'), fmtMs(median(search, 'laidOut')), TARGETS.search, `≤ ${TARGETS.search.max} ms`);
    add(TARGETS.diff.measure, median(diff, 'laidOut'), fmtMs(median(diff, 'laidOut')), TARGETS.diff, `≤ ${TARGETS.diff.max} ms`);
    add(TARGETS.native.measure, native?.value ?? null, fmtRate(native?.value), TARGETS.native, `≥ ${fmtRate(TARGETS.native.min)}`);
    for (const { kind } of kinds.filter((k) => !withTargets.includes(k.kind))) {
      bytesRow(kind);
      ratioRow(kind);
    }
    report.summary = summary;
    report.renders = renders;
    report.search = search;
    report.diff = diff;
    report.browserRefund = browserRefund;
    report.native = native;

    say();
    say('Summary (issue 9 targets; a report, not a test)');
    say();
    say(table(['measure', 'figure', 'target', 'met'], summary.map((s) => [s.measure, s.figure, s.target, s.met]), { left: 4 }));
    console.log('\n' + out.join('\n'));

    if (opts.json) {
      await writeFile(opts.json, JSON.stringify(report, null, 2) + '\n');
      console.log(`\nall figures written to ${opts.json}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
}
