// Which build a page gets: the consent-only build (terms-consent) on a page that shows
// only consent elements, the full build (terms-widget) otherwise, and the full build on
// demand when a consent-only page needs a document.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  startSuite,
  waitForText,
  waitUntil,
  withPage,
} from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT };

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

/**
 * Records the wasm files the page requests, by name (`terms-consent`, `terms-widget`),
 * each once (a preload and the loader's fetch of the same file are one download).
 */
function recordWasm(page) {
  const seen = [];
  page.on('response', (r) => {
    const m = /\/([a-z-]+)_bg\.wasm$/.exec(new URL(r.url()).pathname);
    if (m && r.ok() && !seen.includes(m[1])) seen.push(m[1]);
  });
  return seen;
}

const banner = (page) => page.locator('terms-consent .tw-consent-banner');
const policyButton = (page) => banner(page).getByRole('button', { name: 'Read our Privacy Policy' });

async function consentReady(page) {
  await page.waitForFunction(() => typeof window.TermsWidget?.getConsent === 'function', null, {
    timeout: FIRST_LOAD_TIMEOUT,
  });
  await banner(page).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
}

describe('a consent-only page', () => {
  test('loads only the consent build, and the full build when the learner opens the policy', T, async () => {
    await withPage(suite, async (page) => {
      const wasm = recordWasm(page);
      await page.goto(`${suite.url}/consent.html`);
      await consentReady(page);
      assert.deepEqual(wasm, ['terms-consent'], 'the wasm files fetched before any document is opened');
      assert.equal(
        await page.evaluate(() => customElements.get('terms-widget') === undefined),
        true,
        '<terms-widget> is not defined on a consent-only page',
      );
      assert.equal(
        await page.evaluate(() => typeof window.TermsWidget.evaluateRefund),
        'undefined',
        'the consent build has no refund API',
      );

      await policyButton(page).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title');
      assert.deepEqual(wasm, ['terms-consent', 'terms-widget'], 'the full build, once, on demand');
      // The full build brings the rest of the API.
      await waitUntil(
        () => page.evaluate(() => typeof window.TermsWidget.evaluateRefund),
        (t) => t === 'function',
        'TermsWidget.evaluateRefund',
      );

      // Back and open again: the full build is not fetched again.
      let fetched = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/terms-widget_bg.wasm')) fetched += 1;
      });
      await page.getByRole('button', { name: /Back to your privacy choices/ }).click();
      await policyButton(page).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title again');
      assert.equal(fetched, 0, 'requests for the full build after it was loaded');
    });
  });

  test('says so when the documents view cannot be loaded, and loads it on the next try', T, async () => {
    await withPage(suite, { allowConsoleErrors: [/could not load the documents view/, /Failed to load resource/] }, async (page) => {
      let fail = true;
      await page.route('**/terms-widget_bg.wasm', (route) =>
        fail ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
      );
      await page.goto(`${suite.url}/consent.html`);
      await consentReady(page);
      await policyButton(page).click();
      await waitForText(
        page.locator('terms-consent .tw-consent-frame-status[role="alert"]'),
        /could not be loaded/,
        'the failure notice',
      );
      fail = false;
      await page.getByRole('button', { name: /Back to your privacy choices/ }).click();
      await policyButton(page).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title');
    });
  });

  test('a <terms-widget> added later brings the full build', T, async () => {
    await withPage(suite, async (page) => {
      const wasm = recordWasm(page);
      await page.goto(`${suite.url}/consent.html`);
      await consentReady(page);
      await page.evaluate(() => {
        const w = document.createElement('terms-widget');
        w.setAttribute('document', 'refund-policy');
        document.querySelector('main').append(w);
      });
      await waitForText(page.locator('main terms-widget h1.tw-doc-title'), /^Refund Policy$/, 'the added widget');
      assert.deepEqual(wasm, ['terms-consent', 'terms-widget']);
    });
  });
});

describe('pages with documents', () => {
  test('the SPA loads only the full build', T, async () => {
    await withPage(suite, async (page) => {
      const wasm = recordWasm(page);
      await page.goto(`${suite.url}/`);
      await page.locator('h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(wasm, ['terms-widget']);
    });
  });
});
