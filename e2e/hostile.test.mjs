// Host bundles: hostile content must stay inert, malformed content must be reported
// while the good documents still render, and a bundle that can't be loaded must say so.
// Fixtures: e2e/fixtures/ (served under /fixtures/).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { FIXTURES_DIR } from './server.mjs';
import {
  TEST_TIMEOUT,
  assertClean,
  open,
  startSuite,
  waitForText,
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
      // Give an (unwanted) onerror a chance to fire.
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
      assert.ok(await page.locator('.tw-md', { hasText: '<b>not bold</b>' }).isVisible());
      assert.equal(await page.locator('.tw-platform').textContent(), '<img src=x onerror="window.__pwned=1">Evil Academy');
      assert.match(await page.locator('.tw-history-summary').first().textContent(), /^<img src=x onerror=/);

      // Blocked links keep their text, without an address.
      const blocked = page.locator('.tw-md .tw-blocked-link');
      assert.ok((await blocked.count()) >= 9, `blocked links are marked (${await blocked.count()})`);
      for (const text of ['x', 'y', 'z', 'v']) {
        assert.equal(await blocked.filter({ hasText: new RegExp(`^${text}$`) }).count(), 1, `link text "${text}" is kept`);
      }
      assert.equal(await blocked.evaluateAll((els) => els.filter((e) => e.closest('a')).length), 0, 'not inside links');

      // The safe links work: external ones open a new tab without an opener or referrer.
      const ext = page.locator('.tw-md a', { hasText: 'ext' });
      assert.equal(await ext.getAttribute('href'), 'https://example.org/');
      assert.equal(await ext.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(await ext.getAttribute('target'), '_blank');
      assert.equal(await page.locator('.tw-md a', { hasText: 'mail' }).getAttribute('href'), 'mailto:help@example.org');
      await page.locator('.tw-md a', { hasText: 'doc link' }).click();
      await waitForText(page.locator('h1.tw-doc-title'), /^Second Doc$/, 'title after the in-bundle link');

      // Clicking blocked links does nothing either.
      await page.locator('a.tw-doc-link', { hasText: 'Hostile Doc' }).click();
      for (const text of ['x', 'y', 'z', 'v']) {
        await blocked.filter({ hasText: new RegExp(`^${text}$`) }).click();
      }
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
      assert.equal(await page.locator('mark.tw-mark').textContent(), '<script>');
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
      assert.equal(await problems.getAttribute('open'), 'open', 'the problems are shown open');
      assert.equal(await problems.getAttribute('role'), 'alert');
      assert.equal(
        (await problems.locator('summary').textContent()).trim(),
        `${expected.length} problems in the documents: some content is not shown`,
      );
      const items = await problems.locator('li').allTextContents();
      assert.equal(items.length, expected.length);
      expected.forEach((e, i) => assert.ok(items[i].startsWith(e), `problem ${i + 1}: expected "${e}…", got "${items[i]}"`));

      // The good documents render; the broken ones are not offered.
      assert.deepEqual(await page.locator('a.tw-doc-link').allTextContents(), ['Good Document', 'Honor Code']);
      assert.equal(await page.locator('h1.tw-doc-title').textContent(), 'Good Document');
      assert.match(await page.locator('.tw-md').textContent(), /This document is fine\./);
      assert.equal(await page.locator('.tw-platform').textContent(), 'Fixture Academy');
      // The Honor Code keeps its good version 1 only.
      await page.locator('a.tw-doc-link', { hasText: 'Honor Code' }).click();
      await waitForText(page.locator('h1.tw-doc-title'), /^Honor Code$/, 'title');
      assert.match(await page.locator('p.tw-meta').textContent(), /^Version 1 · In effect since 1 February 2024\s*Current$/);
      assert.equal(await page.locator('section.tw-history li').count(), 1);

      // Each problem also went to the console, prefixed, and nothing else went wrong.
      const logged = log.consoleErrors.filter((t) => t.startsWith('[terms-widget] '));
      assert.equal(logged.length, expected.length, `console: ${JSON.stringify(log.consoleErrors)}`);
      expected.forEach((e, i) => assert.ok(logged[i].startsWith(`[terms-widget] ${e}`), `console error ${i + 1}`));
      assertClean(log, { allowConsoleErrors: [/^\[terms-widget\] Document /] });
    });
  });

  test('an inline bundle (child JSON block) is used, with the document attribute', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/fixtures/inline.html');
      assert.equal(await page.locator('h1.tw-doc-title').textContent(), 'House Rules');
      assert.equal(await page.locator('.tw-platform').textContent(), 'Inline Academy');
      assert.match(await page.locator('p.tw-meta').textContent(), /^Version 1 · Effective 1 May 2023$/);
      assert.match(await page.locator('p.tw-older').textContent(), /in effect from 1 May 2023 to 30 April 2024\./);
      assert.deepEqual(await page.locator('a.tw-doc-link').allTextContents(), ['House Rules', 'FAQ']);
      assert.equal(await page.locator('details.tw-problems').count(), 0);
      // The JSON block is data, not shown as page text.
      assert.equal(await page.locator('terms-widget > script[type="application/json"]').isVisible(), false);
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
      await error.waitFor({ timeout: 45_000 });
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.equal(await error.locator('h2').textContent(), 'The documents could not be loaded');
      assert.equal(
        await error.locator('p').textContent(),
        'Could not load the documents from /fixtures/no-such-bundle.json: the server answered HTTP 404.',
      );
      assert.equal(await page.locator('h1.tw-doc-title').count(), 0);
      assert.equal(await page.locator('a.tw-doc-link').count(), 0);
      assert.ok(log.consoleErrors.some((t) => t.startsWith('[terms-widget] Could not load the documents from /fixtures/no-such-bundle.json')));
      assertClean(log, {
        allowConsoleErrors: [/^Failed to load resource: .* 404/, /^\[terms-widget\] Could not load the documents/],
      });
    });
  });

  test('a src the page CSP forbids is not fetched and the error says why', T, async () => {
    await withPage(suite, { expectErrors: true }, async (page, log) => {
      await page.goto(suite.url + '/fixtures/blocked.html');
      const error = page.locator('.tw-error');
      await error.waitFor({ timeout: 45_000 });
      assert.match(
        await error.locator('p').textContent(),
        /^Could not load the documents from http:\/\/127\.0\.0\.2:9\/bundle\.json: .*Content-Security-Policy connect-src/,
      );
      // The browser refused it (CSP), so the test's own request blocker never saw it.
      assert.ok(log.cspViolations.some((v) => /connect-src/.test(v)), 'a connect-src violation was reported');
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
      assert.ok(
        log.cspViolations.some((v) => /Refused to|Content Security Policy/.test(v)),
        `the console message was recorded: ${JSON.stringify(log.cspViolations)}`,
      );
      assert.ok(log.cspViolations.some((v) => /^style-src/.test(v)), 'the securitypolicyviolation event was recorded');
      assert.throws(() => assertClean(log), /Content-Security-Policy violations/);
    });
  });
});
