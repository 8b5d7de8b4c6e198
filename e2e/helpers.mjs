// Shared pieces of the browser tests: the browser, the server, pages that record what
// went wrong (page errors, CSP violations, console errors), and waits.
//
// Every test gets a fresh browser context (own storage, own history) from `withPage`,
// which fails the test if the page threw, violated its Content-Security-Policy or wrote
// an error to the console, unless the test says which errors it expects.

import assert from 'node:assert/strict';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built site under test: `$DIST_DIR` (relative to the project root), default `dist`. */
export const DIST_DIR = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');

/** Generous limits: the debug wasm is ~17 MB and this may be a busy 2-core machine. */
export const FIRST_LOAD_TIMEOUT = 45_000;
export const ACTION_TIMEOUT = 30_000;
/** Per-test limit for node:test. */
export const TEST_TIMEOUT = 120_000;

/**
 * `TW_CPU_THROTTLE=4` slows every page's main thread down 4 times (Chromium's CPU
 * throttling, through CDP), to show that no test depends on the machine's speed.
 * Unset, empty or 1: no throttling.
 */
export const CPU_THROTTLE = parseThrottle(process.env.TW_CPU_THROTTLE);

function parseThrottle(value) {
  if (value === undefined || value.trim() === '') return 1;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 1) {
    throw new Error(`TW_CPU_THROTTLE must be a number >= 1 (a slow-down factor), not ${JSON.stringify(value)}`);
  }
  return rate;
}

const throttled = new WeakMap();

/**
 * Applies `CPU_THROTTLE` to `page` (once) through a CDP session that stays attached for
 * the page's life. Does nothing when throttling is off.
 */
export async function throttlePage(context, page) {
  if (CPU_THROTTLE <= 1) return;
  if (!throttled.has(page)) {
    throttled.set(
      page,
      (async () => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
        return cdp;
      })(),
    );
  }
  await throttled.get(page);
}

/**
 * Makes every page of `context` throttled (see `throttlePage`): `context.newPage()`
 * resolves only once its page is, and pages the site opens itself are throttled as
 * soon as they appear.
 */
export function throttleContext(context) {
  if (CPU_THROTTLE <= 1) return context;
  const newPage = context.newPage.bind(context);
  context.newPage = async (...args) => {
    const page = await newPage(...args);
    await throttlePage(context, page);
    return page;
  };
  context.on('page', (page) => throttlePage(context, page).catch(() => {}));
  return context;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Starts the server on the built site and a browser, for one test file:
 *
 *   let suite;
 *   before(async () => { suite = await startSuite(); });
 *   after(() => suite?.close());
 */
export async function startSuite(distDir = DIST_DIR, serverOptions = {}) {
  const server = await startServer(distDir, serverOptions);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    url: server.url,
    browser,
    server,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Console errors that say nothing about the widget (headless Chromium asks for one). */
function isIgnorable(msg) {
  const url = msg.location()?.url ?? '';
  return /\/favicon\.ico$/.test(url);
}

/**
 * A fresh context and page (CPU-throttled when `TW_CPU_THROTTLE` is set) that record
 * trouble in `log`:
 * - `pageErrors`: uncaught exceptions,
 * - `cspViolations`: `Refused to …` console messages and `securitypolicyviolation` events,
 * - `consoleErrors`: every other console error (text), e.g. `[terms-widget] …`.
 */
export async function newPage(suite, options = {}) {
  const {
    viewport = { width: 1280, height: 800 },
    colorScheme = 'light',
    reducedMotion = 'no-preference',
    timezoneId,
    locale,
  } = options;
  const context = throttleContext(
    await suite.browser.newContext({ viewport, colorScheme, reducedMotion, timezoneId, locale }),
  );
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(FIRST_LOAD_TIMEOUT);
  // Nothing but the test server may be contacted.
  await context.route(
    (url) => !/^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const log = { pageErrors: [], cspViolations: [], consoleErrors: [], console: [], blocked: [] };
  context.on('requestfailed', (r) => {
    if (r.failure()?.errorText?.includes('BLOCKED_BY_CLIENT')) log.blocked.push(r.url());
  });
  // A violation event is reported even when Chromium prints nothing (e.g. report-only).
  await context.exposeBinding('__twCspViolation', (_source, v) => log.cspViolations.push(v));
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        globalThis.__twCspViolation?.(
          `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      true,
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.stack ?? e)));
  page.on('console', (msg) => {
    const text = msg.text();
    log.console.push({ type: msg.type(), text });
    if (msg.type() !== 'error' || isIgnorable(msg)) return;
    if (/Refused to|Content Security Policy/i.test(text)) log.cspViolations.push(text);
    else log.consoleErrors.push(text);
  });
  return { context, page, log };
}

/** Fails if the page threw, violated its CSP, or logged an unexpected console error. */
export function assertClean(log, { allowConsoleErrors = [] } = {}) {
  assert.deepEqual(log.pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(log.cspViolations, [], 'Content-Security-Policy violations');
  const unexpected = log.consoleErrors.filter((t) => !allowConsoleErrors.some((re) => re.test(t)));
  assert.deepEqual(unexpected, [], 'unexpected console errors');
  assert.deepEqual(log.blocked, [], 'requests to hosts other than 127.0.0.1');
}

/**
 * Runs `fn(page, log)` in a fresh context and closes it. Unless `expectErrors` is set,
 * the page must end the test clean (see `assertClean`); `allowConsoleErrors` lists
 * regular expressions for console errors the test expects.
 */
export async function withPage(suite, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  const { context, page, log } = await newPage(suite, options);
  try {
    await fn(page, log);
    if (!options.expectErrors) assertClean(log, options);
  } finally {
    await context.close().catch(() => {});
  }
}

/** Waits until `count` widgets show a document title. */
export async function waitForWidget(page, { count = 1, timeout = FIRST_LOAD_TIMEOUT } = {}) {
  for (let i = 0; i < count; i++) {
    await page.locator('h1.tw-doc-title').nth(i).waitFor({ state: 'visible', timeout });
  }
}

/** Opens `path` on the test server and waits for the widget(s). */
export async function open(page, suite, urlPath, options) {
  await page.goto(suite.url + urlPath);
  await waitForWidget(page, options);
}

/** Polls `fn` until it returns a truthy value; returns the last value (falsy on timeout). */
export async function poll(fn, { timeout = ACTION_TIMEOUT, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await fn();
    if (value || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** A short, readable form of what a wait saw or expected, for failure messages. */
function show(value) {
  if (value instanceof RegExp || typeof value === 'function') return String(value);
  if (value instanceof Error) return `error: ${value.message.split('\n')[0]}`;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/**
 * Polls `read()` until `ok(value)` holds and returns that value. On time-out, fails with
 * `what`, what was expected (`expected`, or `ok` itself) and the last value read. A
 * `read()` that throws (element not there yet, page navigating) counts as not yet.
 */
export async function waitUntil(read, ok, what, { timeout = ACTION_TIMEOUT, interval = 50, expected } = {}) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await read();
      if (await ok(last)) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeout) break;
    await new Promise((r) => setTimeout(r, interval));
  }
  assert.fail(`${what}: waited ${timeout} ms for ${show(expected ?? ok)}, last saw ${show(last)}`);
}

/** `expected` (a value, a RegExp or a predicate) as a predicate. */
function matcher(expected) {
  if (typeof expected === 'function') return expected;
  if (expected instanceof RegExp) return (v) => typeof v === 'string' && expected.test(v);
  return (v) => v === expected;
}

/** Waits until `locator` matches `expected` elements (a number or a predicate on the count). */
export function waitForCount(locator, expected, what = 'number of elements', options) {
  return waitUntil(() => locator.count(), matcher(expected), what, { expected, ...options });
}

/** Waits until `locator`'s attribute `name` is `expected` (a string, null for absent, a RegExp or a predicate). */
export function waitForAttribute(locator, name, expected, what = `attribute ${name}`, options) {
  return waitUntil(() => locator.getAttribute(name, { timeout: 1000 }), matcher(expected), what, { expected, ...options });
}

/** Waits until the input `locator`'s value is `expected` (a string, a RegExp or a predicate). */
export function waitForValue(locator, expected, what = 'input value', options) {
  return waitUntil(() => locator.inputValue({ timeout: 1000 }), matcher(expected), what, { expected, ...options });
}

/** Waits until `locator` is visible (`visible` true) or not visible / absent (false). */
export function waitForVisible(locator, visible, what = 'element', options) {
  return waitUntil(() => locator.isVisible(), (v) => v === visible, what, {
    expected: visible ? 'visible' : 'hidden',
    ...options,
  });
}

/** Waits until the text contents of all `locator`'s elements are `expected` (an array), in order. */
export function waitForTexts(locator, expected, what = 'texts', options) {
  return waitUntil(
    () => locator.allTextContents(),
    (texts) => texts.length === expected.length && texts.every((t, i) => t === expected[i]),
    what,
    { expected, ...options },
  );
}

/** Waits until `locator`'s text content satisfies `re` (a RegExp or an exact string); returns the text. */
export function waitForText(locator, re, what = 'text', options) {
  const expected = typeof re === 'string' ? new RegExp(`^${escapeRegExp(re)}$`) : re;
  return waitUntil(() => locator.textContent({ timeout: 1000 }), matcher(expected), what, { expected, ...options });
}

/** `text` as a RegExp source that matches it literally. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until `read()` (page state, e.g. `() => page.evaluate(…)`) deep-equals `expected`. */
export function waitForEqual(read, expected, what = 'value', options) {
  return waitUntil(read, (v) => isDeepStrictEqual(v, expected), what, { expected, ...options });
}

/** The element's box relative to the viewport (`options.timeout`: how long to wait for the element). */
export function viewportBox(locator, options) {
  return locator.evaluate(
    (el) => {
      const r = el.getBoundingClientRect();
      // The rest says, on a failure, where the page is scrolled and what has focus.
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return {
        top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, vh: innerHeight, vw: innerWidth,
        scrollY, scrollHeight: document.scrollingElement.scrollHeight, hash: location.hash,
        focus: active ? `${active.localName}${active.id ? `#${active.id}` : ''}` : null,
      };
    },
    undefined,
    options,
  );
}

/** Whether the element's top edge is inside the viewport (it is "in view"). */
export function isInViewport(box) {
  return box && box.height > 0 && box.top >= -1 && box.top < box.vh - 10 && box.left >= -1 && box.left < box.vw;
}

/** Waits for `locator` to be scrolled into the viewport, then asserts it. */
export function assertInViewport(locator, what) {
  return waitUntil(() => viewportBox(locator, { timeout: 1000 }), isInViewport, `${what} should be in the viewport`, {
    expected: 'a box whose top edge is inside the viewport',
  });
}

/** Waits for the page's URL fragment to become `hash` (with `#`), then asserts it. */
export async function waitForHash(page, hash) {
  await page
    .waitForFunction((h) => location.hash === h, hash, { timeout: ACTION_TIMEOUT })
    .catch(() => {});
  const now = await page.evaluate(() => location.hash);
  if (now !== hash) {
    // Say what the tab's history holds, so a failure tells a lost entry from a view
    // that did not follow.
    let entries = '';
    try {
      const cdp = await page.context().newCDPSession(page);
      const h = await cdp.send('Page.getNavigationHistory');
      entries = h.entries
        .map((e, i) => `${i === h.currentIndex ? '>' : ' '}${new URL(e.url).hash || '(none)'}`)
        .join(' ');
      await cdp.detach();
    } catch (e) {
      entries = `(could not read: ${e.message})`;
    }
    assert.equal(now, hash, `location.hash (the tab's history: ${entries})`);
  }
}

/**
 * The element that has keyboard focus, looking through open shadow roots, with what a
 * test needs to know about it.
 */
export function focusedElement(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      className: typeof el.className === 'string' ? el.className : '',
      ariaLabel: el.getAttribute('aria-label'),
      text: (el.textContent ?? '').trim().slice(0, 80),
      href: el.getAttribute('href'),
      inShadow: el.getRootNode() instanceof ShadowRoot,
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth) || 0,
      outlineColor: cs.outlineColor,
    };
  });
}
