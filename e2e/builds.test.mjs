// Which build a page gets: the consent-only build (terms-consent) on a page that shows
// only consent elements, the documents build (terms-documents) on a page that shows only
// <terms-widget>, the full build (terms-widget) otherwise; and the build that defines an
// element on demand, when a page needs one it does not have yet.

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
 * Records the wasm files the page requests, by name (`terms-consent`, `terms-documents`,
 * `terms-widget`),
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
  test('loads only the consent build, and the documents build when the learner opens the policy', T, async () => {
    await withPage(suite, { allowConsoleErrors: [/evaluateRefund needs the full build/] }, async (page) => {
      const wasm = recordWasm(page);
      await page.goto(`${suite.url}/consent.html`);
      await consentReady(page);
      assert.deepEqual(wasm, ['terms-consent'], 'the wasm files fetched before any document is opened');
      assert.equal(
        await page.evaluate(() => customElements.get('terms-widget') === undefined),
        true,
        '<terms-widget> is not defined on a consent-only page',
      );
      // The consent build has no refund API: a stand-in says what to do.
      const early = await page.evaluate(() => window.TermsWidget.evaluateRefund({ kind: 'course' }));
      assert.equal(early.error, 'needs_full_build');
      assert.match(early.message, /data-build="full"/);

      await policyButton(page).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title');
      assert.deepEqual(wasm, ['terms-consent', 'terms-documents'], 'the documents build, once, on demand');
      // The documents build brings the refund API.
      await waitUntil(
        () => page.evaluate(() => window.TermsWidget.evaluateRefund('{"kind": "course"}').field),
        (f) => f === 'paid_at',
        'TermsWidget.evaluateRefund answering',
      );

      // Back and open again: the documents build is not fetched again.
      let fetched = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('_bg.wasm')) fetched += 1;
      });
      await page.getByRole('button', { name: /Back to your privacy choices/ }).click();
      await policyButton(page).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title again');
      assert.equal(fetched, 0, 'wasm requests after the documents build was loaded');
    });
  });

  test('says so when the documents view cannot be loaded, and loads it on the next try', T, async () => {
    await withPage(suite, { allowConsoleErrors: [/could not load <terms-widget>/, /Failed to load resource/] }, async (page) => {
      let fail = true;
      await page.route('**/terms-documents_bg.wasm', (route) =>
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

  test('a failed build for another element leaves an open policy as it is, and names itself', T, async () => {
    await withPage(suite, { allowConsoleErrors: [/could not load <terms-signup> \(the terms-widget build\)/, /Failed to load resource/] }, async (page) => {
      await page.route('**/terms-widget_bg.wasm', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
      await page.goto(`${suite.url}/consent.html`);
      await consentReady(page);
      await policyButton(page).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title');
      await page.evaluate(() => {
        window.failedLoads = [];
        window.addEventListener('terms-widget:load-failed', (e) => window.failedLoads.push(e.detail));
        const form = document.createElement('form');
        form.append(document.createElement('terms-signup'));
        document.querySelector('main').append(form);
      });
      const failed = await waitUntil(() => page.evaluate(() => window.failedLoads), (f) => f.length > 0, 'the load-failed event');
      assert.equal(failed[0].build, 'terms-widget');
      assert.deepEqual(
        [...failed[0].elements].sort(),
        ['terms-consent', 'terms-honor-code', 'terms-privacy-choices', 'terms-signup', 'terms-widget'],
        'the full build would have defined every element',
      );
      // The policy is still shown, with no failure notice: that build was not its own. (Two
      // frames: any re-render the event scheduled has happened by then.)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.locator('terms-consent .tw-consent-frame-status').count(), 0);
      assert.equal(await page.locator('terms-consent h1.tw-doc-title').isVisible(), true);
    });
  });

  test('a <terms-widget> added later brings the documents build, a sign-up form the full build', T, async () => {
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
      assert.deepEqual(wasm, ['terms-consent', 'terms-documents']);
      await page.evaluate(() => {
        const form = document.createElement('form');
        form.append(document.createElement('terms-signup'));
        document.querySelector('main').append(form);
      });
      await page.locator('main terms-signup #tw-birth').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(wasm, ['terms-consent', 'terms-documents', 'terms-widget']);
      // The full build replaced the stand-ins with the real API.
      assert.equal(Array.isArray(await page.evaluate(() => window.TermsWidget.getAcceptances())), true);
    });
  });
});

describe('pages with documents', () => {
  test('the SPA loads only the documents build', T, async () => {
    await withPage(suite, async (page) => {
      const wasm = recordWasm(page);
      const scripts = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(`${suite.url}/`);
      await page.locator('h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(wasm, ['terms-documents']);
      // The build's JS snippets are in its glue (scripts/inline-snippets.mjs): no third
      // script, found only after the glue, before the wasm can start.
      assert.deepEqual(scripts.sort(), ['/embed.js', '/terms-documents.js']);
      assert.equal(
        await page.evaluate(() => performance.getEntriesByName('terms-widget:ready')[0]?.detail?.build),
        'terms-documents',
      );
    });
  });

  test('a documents page answers the acceptance API with what to do, and the consent API as the full build would', T, async () => {
    await withPage(suite, { allowConsoleErrors: [/needs the full build/] }, async (page) => {
      await page.goto(`${suite.url}/`);
      await page.locator('h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const answers = await page.evaluate(() => ({
        acceptances: window.TermsWidget.getAcceptances(),
        pending: window.TermsWidget.pendingAcceptances({ course: 'data-science-101' }),
        consent: window.TermsWidget.getConsent(),
        refund: window.TermsWidget.evaluateRefund('{"kind": "course"}').field,
      }));
      assert.equal(answers.acceptances.error, 'needs_full_build');
      assert.match(answers.acceptances.message, /TermsWidget\.getAcceptances needs the full build.*data-build="full"/);
      assert.equal(answers.pending.error, 'needs_full_build');
      assert.equal(answers.consent, null, 'no <terms-consent> on the page: null, as in the full build');
      assert.equal(answers.refund, 'paid_at', 'evaluateRefund is the real one');
    });
  });

  test('data-build="full" on the script tag gives a documents page the full build', T, async () => {
    await withPage(suite, async (page) => {
      const wasm = recordWasm(page);
      await page.goto(`${suite.url}/fixtures/full-build.html`);
      await page.locator('terms-widget h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(wasm, ['terms-widget']);
      assert.equal(Array.isArray(await page.evaluate(() => window.TermsWidget.getAcceptances())), true);
    });
  });

  test('a sign-up page loads only the full build', T, async () => {
    await withPage(suite, async (page) => {
      const wasm = recordWasm(page);
      await page.goto(`${suite.url}/signup.html`);
      await page.locator('terms-signup #tw-birth').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(wasm, ['terms-widget']);
    });
  });
});
