// Host bundles: hostile content must stay inert, malformed content must be reported
// while the good documents still render, and a bundle that can't be loaded must say so.
// Fixtures: e2e/fixtures/ (served under /fixtures/).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { FIXTURES_DIR } from './server.mjs';
import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  assertClean,
  open,
  startSuite,
  waitForAttribute,
  waitForCount,
  waitForText,
  waitForTexts,
  waitForVisible,
  waitUntil,
  withPage,
} from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT };

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

/** Facts about the widget's shadow root that no rendering of hostile content may change. */
function inspectShadow(page, host = 'terms-widget') {
  return page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    const all = [...root.querySelectorAll('*')];
    const hrefs = [...root.querySelectorAll('[href]')].map((a) => a.getAttribute('href'));
    return {
      hrefs,
      protocols: [...root.querySelectorAll('a[href]')].map((a) => new URL(a.href).protocol),
      scripts: root.querySelectorAll('script').length,
      images: root.querySelectorAll('img').length,
      iframes: root.querySelectorAll('iframe, object, embed, frame').length,
      forms: root.querySelectorAll('form').length,
      bold: [...root.querySelectorAll('b')].map((b) => b.textContent),
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`),
      ),
      srcs: all.filter((el) => el.hasAttribute('src') || el.hasAttribute('srcdoc')).map((el) => el.localName),
      styles: all.filter((el) => el.hasAttribute('style')).length,
      text: root.querySelector('.tw')?.textContent ?? '',
      pwned: globalThis.__pwned,
    };
  }, host);
}

describe('hostile bundle', () => {
  test('scripts, event handlers and dangerous link schemes stay inert', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/fixtures/hostile.html');
      // The fixture has what it claims to have (so this test can fail).
      const fixture = await readFile(path.join(FIXTURES_DIR, 'hostile.json'), 'utf8');
      for (const s of ['javascript:alert(1)', 'JaVaScRiPt:', 'data:text/html;base64,', 'vbscript:msgbox', '<script>', 'onerror=']) {
        assert.ok(fixture.includes(s), `the fixture contains ${s}`);
      }
      await waitForText(page.locator('h1.tw-doc-title'), /^<script>window.__pwned=1<\/script>Hostile Doc$/, 'title shown as text');
      await page.locator('.tw-md').waitFor();
      // Nothing to wait for: give an (unwanted) onerror a chance to fire.
      await page.waitForTimeout(300);
      const s = await inspectShadow(page);

      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, 'no javascript: links');
      assert.equal(await page.locator('a[href*="script:" i]').count(), 0, 'no *script: links');
      assert.equal(await page.locator('a[href^="data:" i], a[href^="vbscript:" i]').count(), 0, 'no data:/vbscript: links');
      for (const p of s.protocols) assert.ok(['http:', 'https:', 'mailto:'].includes(p), `link protocol ${p}`);
      assert.equal(s.scripts, 0, 'no <script> in the shadow root');
      assert.equal(s.images, 0, 'no <img> in the shadow root');
      assert.equal(s.iframes, 0, 'no frames or objects');
      assert.deepEqual(s.handlers, [], 'no inline event handlers');
      assert.deepEqual(s.srcs, [], 'nothing loads a src');
      assert.equal(s.styles, 0, 'no inline style attributes');
      assert.deepEqual(s.bold, [], 'escaped <b> is not bold');
      assert.equal(s.pwned, undefined, 'window.__pwned stays undefined');

      // The raw markup is visible, as text.
      for (const raw of [
        '<script>window.__pwned=1</script>',
        '<img src=x onerror="window.__pwned=1">',
        '<b>not bold</b>',
        '<iframe src="javascript:window.__pwned=1"></iframe>',
      ]) {
        assert.ok(s.text.includes(raw), `the text ${raw} is shown`);
      }
      await waitForVisible(page.locator('.tw-md', { hasText: '<b>not bold</b>' }), true, 'the escaped <b> as text');
      await waitForText(page.locator('.tw-platform'), '<img src=x onerror="window.__pwned=1">Evil Academy', 'the platform name');
      await waitForText(page.locator('.tw-history-summary').first(), /^<img src=x onerror=/, 'the first history summary');

      // Blocked links keep their text, without an address.
      const blocked = page.locator('.tw-md .tw-blocked-link');
      await waitForCount(blocked, (n) => n >= 9, 'blocked links are marked');
      for (const text of ['x', 'y', 'z', 'v']) {
        await waitForCount(blocked.filter({ hasText: new RegExp(`^${text}$`) }), 1, `link text "${text}" is kept`);
      }
      assert.equal(await blocked.evaluateAll((els) => els.filter((e) => e.closest('a')).length), 0, 'not inside links');

      // The safe links work: external ones open a new tab without an opener or referrer.
      const ext = page.locator('.tw-md a', { hasText: 'ext' });
      await waitForAttribute(ext, 'href', 'https://example.org/', 'the external link');
      await waitForAttribute(ext, 'rel', 'noopener noreferrer', 'the external link');
      await waitForAttribute(ext, 'target', '_blank', 'the external link');
      await waitForAttribute(page.locator('.tw-md a', { hasText: 'mail' }), 'href', 'mailto:help@example.org', 'the mail link');
      await page.locator('.tw-md a', { hasText: 'doc link' }).click();
      await waitForText(page.locator('h1.tw-doc-title'), /^Second Doc$/, 'title after the in-bundle link');

      // Clicking blocked links does nothing either.
      await page.locator('a.tw-doc-link', { hasText: 'Hostile Doc' }).click();
      await waitForText(page.locator('h1.tw-doc-title'), /^<script>window.__pwned=1<\/script>Hostile Doc$/, 'title back on the hostile document');
      for (const text of ['x', 'y', 'z', 'v']) {
        await blocked.filter({ hasText: new RegExp(`^${text}$`) }).click();
      }
      // Nothing to wait for: give a (wrong) navigation or script time to happen.
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => globalThis.__pwned), undefined);
      assert.equal(new URL(page.url()).pathname, '/fixtures/hostile.html', 'still on the same page');
    });
  });

  test('search highlights inside hostile text without creating markup', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/fixtures/hostile.html');
      await page.locator('input.tw-search-input').fill('<script>');
      await waitForText(page.locator('p.tw-search-status'), /^1 of 1 match\b/, 'status');
      await waitForText(page.locator('mark.tw-mark'), '<script>', 'the highlighted match');
      const s = await inspectShadow(page);
      assert.equal(s.scripts, 0);
      assert.equal(s.pwned, undefined);
    });
  });
});

describe('malformed bundle', () => {
  const expected = [
    'Document honor-code, version 2: The effective date "2024-02-30" does not exist in the calendar. Use a real date in the form YYYY-MM-DD. (at documents[1].versions[1].effective)',
    'Document #3: The id "Bad Id" can\'t be used in links',
    'Document good-doc: Another document already has the id "good-doc"',
    'Document empty-versions: The list "versions" is empty: add at least one version.',
    'Document flags, version 1: The field "material" is a string, but it must be true or false.',
    'Document flags, version 2: The effective date "01/04/2024" is not in the form YYYY-MM-DD',
    'Document flags: No version of this document could be read, so it is not shown.',
    'Document #7: This entry is a string, but each document must be an object',
  ];

  test('lists each problem, logs it, and still renders the good documents', T, async () => {
    await withPage(suite, { expectErrors: true }, async (page, log) => {
      await open(page, suite, '/fixtures/custom.html');
      const problems = page.locator('details.tw-problems');
      await problems.waitFor();
      await waitForAttribute(problems, 'open', 'open', 'the problems are shown open');
      await waitForAttribute(problems, 'role', 'alert', 'the problems\' role');
      await waitForText(
        problems.locator('summary'),
        new RegExp(`^\\s*${expected.length} problems in the documents: some content is not shown\\s*$`),
        'the problems summary',
      );
      const items = await waitUntil(
        () => problems.locator('li').allTextContents(),
        (items) => items.length === expected.length,
        'the listed problems',
        { expected: `${expected.length} items` },
      );
      assert.equal(items.length, expected.length);
      expected.forEach((e, i) => assert.ok(items[i].startsWith(e), `problem ${i + 1}: expected "${e}…", got "${items[i]}"`));

      // The good documents render; the broken ones are not offered.
      await waitForTexts(page.locator('a.tw-doc-link'), ['Good Document', 'Honor Code'], 'the documents list');
      await waitForText(page.locator('h1.tw-doc-title'), 'Good Document', 'title');
      await waitForText(page.locator('.tw-md'), /This document is fine\./, 'the document');
      await waitForText(page.locator('.tw-platform'), 'Fixture Academy', 'the platform name');
      // The Honor Code keeps its good version 1 only.
      await page.locator('a.tw-doc-link', { hasText: 'Honor Code' }).click();
      await waitForText(page.locator('h1.tw-doc-title'), /^Honor Code$/, 'title');
      await waitForText(page.locator('p.tw-meta'), /^Version 1 · In effect since 1 February 2024\s*Current$/, 'meta');
      await waitForCount(page.locator('section.tw-history li'), 1, 'versions in the history');

      // Each problem also went to the console, prefixed, and nothing else went wrong.
      const logged = await waitUntil(
        () => log.consoleErrors.filter((t) => t.startsWith('[terms-widget] ')),
        (logged) => logged.length === expected.length,
        'console errors prefixed [terms-widget]',
        { expected: `${expected.length} of them` },
      );
      assert.equal(logged.length, expected.length, `console: ${JSON.stringify(log.consoleErrors)}`);
      expected.forEach((e, i) => assert.ok(logged[i].startsWith(`[terms-widget] ${e}`), `console error ${i + 1}`));
      assertClean(log, { allowConsoleErrors: [/^\[terms-widget\] Document /] });
    });
  });

  test('an inline bundle (child JSON block) is used, with the document attribute', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/fixtures/inline.html');
      await waitForText(page.locator('h1.tw-doc-title'), 'House Rules', 'title');
      await waitForText(page.locator('.tw-platform'), 'Inline Academy', 'the platform name');
      await waitForText(page.locator('p.tw-meta'), /^Version 1 · Effective 1 May 2023$/, 'meta');
      await waitForText(page.locator('p.tw-older'), /in effect from 1 May 2023 to 30 April 2024\./, 'the earlier-version note');
      await waitForTexts(page.locator('a.tw-doc-link'), ['House Rules', 'FAQ'], 'the documents list');
      await waitForCount(page.locator('details.tw-problems'), 0, 'problems with the inline bundle');
      // The JSON block is data, not shown as page text.
      await waitForVisible(page.locator('terms-widget > script[type="application/json"]'), false, 'the JSON block');
      await page.locator('p.tw-older a').click();
      await waitForText(page.locator('p.tw-meta'), /^Version 2 · In effect since 1 May 2024/, 'meta');
      assert.equal(await page.evaluate(() => location.hash), '', 'an embedded widget leaves the hash alone');
    });
  });
});

describe('bundles that cannot be loaded', () => {
  test('a src that is not there shows the "could not be loaded" error', T, async () => {
    await withPage(suite, { expectErrors: true }, async (page, log) => {
      await page.goto(suite.url + '/fixtures/missing.html');
      const error = page.locator('.tw-error');
      await error.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForAttribute(error, 'role', 'alert', 'the error\'s role');
      await waitForText(error.locator('h2'), 'The documents could not be loaded', 'the error heading');
      await waitForText(
        error.locator('p'),
        'Could not load the documents from /fixtures/no-such-bundle.json: the server answered HTTP 404.',
        'the error message',
      );
      await waitForCount(page.locator('h1.tw-doc-title'), 0, 'document titles');
      await waitForCount(page.locator('a.tw-doc-link'), 0, 'document links');
      await waitUntil(
        () => log.consoleErrors,
        (errors) => errors.some((t) => t.startsWith('[terms-widget] Could not load the documents from /fixtures/no-such-bundle.json')),
        'console errors',
        { expected: 'one starting "[terms-widget] Could not load the documents from /fixtures/no-such-bundle.json"' },
      );
      assertClean(log, {
        allowConsoleErrors: [/^Failed to load resource: .* 404/, /^\[terms-widget\] Could not load the documents/],
      });
    });
  });

  test('a src the page CSP forbids is not fetched and the error says why', T, async () => {
    await withPage(suite, { expectErrors: true }, async (page, log) => {
      await page.goto(suite.url + '/fixtures/blocked.html');
      const error = page.locator('.tw-error');
      await error.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(
        error.locator('p'),
        /^Could not load the documents from http:\/\/127\.0\.0\.2:9\/bundle\.json: .*Content-Security-Policy connect-src/,
        'the error message',
      );
      // The browser refused it (CSP), so the test's own request blocker never saw it.
      await waitUntil(() => log.cspViolations, (v) => v.some((x) => /connect-src/.test(x)), 'a connect-src violation was reported', {
        expected: 'a violation mentioning connect-src',
      });
      assert.deepEqual(log.blocked, []);
      assert.deepEqual(log.pageErrors, []);
    });
  });
});

describe('the test helpers themselves', () => {
  test('a CSP violation on a page is detected', T, async () => {
    await withPage(suite, { expectErrors: true }, async (page, log) => {
      await open(page, suite, '/fixtures/csp-probe.html');
      const colour = await page.locator('#probe').evaluate((p) => getComputedStyle(p).color);
      assert.notEqual(colour, 'rgb(255, 0, 0)', 'the inline style was refused');
      // Chromium 156 words this one "Applying inline style violates the following
      // Content Security Policy directive …", without "Refused to": both are caught.
      await waitUntil(
        () => log.cspViolations,
        (v) => v.some((x) => /Refused to|Content Security Policy/.test(x)),
        'the console message was recorded (log.cspViolations)',
        { expected: 'a message with "Refused to" or "Content Security Policy"' },
      );
      await waitUntil(() => log.cspViolations, (v) => v.some((x) => /^style-src/.test(x)), 'the securitypolicyviolation event was recorded', {
        expected: 'an entry starting "style-src"',
      });
      assert.throws(() => assertClean(log), /Content-Security-Policy violations/);
    });
  });
});
