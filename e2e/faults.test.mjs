// Faults reported from the field, each tested as a kind: stored consent given under a
// materially older privacy policy, and Google Consent Mode's order on the host page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { FIRST_LOAD_TIMEOUT, TEST_TIMEOUT, newPage, startSuite, waitForText, waitUntil, withPage } from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT };

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

const banner = (page) => page.locator('terms-consent .tw-consent-banner');
const dialog = (page) => page.locator('terms-consent dialog.tw-consent-dialog');

/** A record granting every optional category under privacy policy version 1. */
const GRANTED_UNDER_V1 = JSON.stringify({
  v: 2,
  records: [
    {
      at: '2025-01-10T09:00:00Z',
      choices: { necessary: 'granted', analytics: 'granted', marketing: 'granted', diagnostics: 'granted', location: 'granted' },
      id: '07070707-0707-4707-8707-070707070707',
      language: 'en-GB',
      method: 'banner',
      policy: { document: 'privacy-policy', sha256: null, version: '1' },
      required: ['necessary'],
      signals: { dnt: false, gpc: false },
    },
  ],
});

describe('consent given under a materially older privacy policy', () => {
  test('does not count until the learner answers again: scripts inert, Consent Mode denied, earlier answers offered', T, async () => {
    await withPage(suite, async (page) => {
      await page.context().addInitScript((value) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('kl_consent.v2', value);
          sessionStorage.setItem('seeded', '1');
        }
      }, GRANTED_UNDER_V1);
      await page.goto(`${suite.url}/consent.html`);
      await banner(page).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(banner(page), /Privacy Policy changed \(version 1 → 3\)/, 'the banner says why it asks again');
      // The widget applied the stored decision before showing the banner: read what it did.
      const seen = await page.evaluate(() => ({
        analyticsRuns: window.__analyticsRuns ?? 0,
        consent: window.TermsWidget.getConsent(),
        updates: window.dataLayer
          .map((a) => Array.from(a))
          .filter((a) => a[0] === 'consent' && a[1] === 'update')
          .map((a) => a[2]),
      }));
      assert.equal(seen.analyticsRuns, 0, 'the gated analytics script did not run');
      for (const u of seen.updates) {
        assert.deepEqual(
          [u.analytics_storage, u.ad_storage, u.ad_user_data, u.ad_personalization],
          ['denied', 'denied', 'denied', 'denied'],
          'Consent Mode is never told "granted"',
        );
      }
      assert.equal(seen.consent.choices.analytics, null, 'no answer in force for analytics');
      assert.equal(seen.consent.choices.necessary, true);
      assert.equal(seen.consent.record.policy.version, '1', 'the earlier record is still on file');
      // The preferences start from the earlier answers.
      await banner(page).getByRole('button', { name: 'Choose…' }).click();
      await dialog(page).waitFor();
      const analytics = dialog(page).locator('[data-category="analytics"] input[value="granted"]');
      await waitUntil(() => analytics.isChecked(), (v) => v === true, 'the earlier "Allow" for analytics', { expected: 'checked' });
      // Answering again under version 3 makes it count.
      await dialog(page).getByRole('button', { name: 'Accept all' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await waitUntil(() => page.evaluate(() => window.__analyticsRuns ?? 0), (n) => n === 1, 'the analytics script', { expected: 'ran once' });
      const after = await waitUntil(
        () => page.evaluate(() => window.TermsWidget.getConsent()),
        (c) => c?.record?.policy?.version === '3',
        'TermsWidget.getConsent(): the new record',
        { expected: 'a record under version 3' },
      );
      assert.equal(after.choices.analytics, true);
      assert.equal(after.record.policy.version, '3');
    });
  });
});

describe('Google Consent Mode order', () => {
  test('a page whose tags run before any default gets a console warning naming the fix', T, async () => {
    await withPage(suite, async (page, log) => {
      await page.goto(`${suite.url}/fixtures/consent-mode-late.html`);
      await banner(page).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const warnings = await waitUntil(
        () => log.console.filter((m) => m.type === 'warning' && /Consent Mode/.test(m.text)).map((m) => m.text),
        (w) => w.length > 0,
        'a console warning about Consent Mode',
        { expected: 'one warning' },
      );
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /gtag\('config', …\) ran before any consent default/);
      assert.match(warnings[0], /consent-default\.js/);
    });
  });

  test('consent-default.js first: the default precedes config, no warning, no second default', T, async () => {
    await withPage(suite, async (page, log) => {
      await page.goto(`${suite.url}/fixtures/consent-mode-early.html`);
      await banner(page).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const commands = await page.evaluate(() => window.dataLayer.map((a) => Array.from(a).slice(0, 2).join(' ')));
      assert.equal(commands[0], 'consent default', 'the default comes first');
      assert.ok(commands.indexOf('config G-TEST') > 0, `config after the default: ${JSON.stringify(commands)}`);
      assert.equal(commands.filter((c) => c === 'consent default').length, 1, 'one default');
      assert.deepEqual(log.console.filter((m) => /Consent Mode/.test(m.text)), [], 'no warning');
    });
  });
});

describe('local times the clocks skip or repeat (refund calculator)', () => {
  test('Europe/Dublin: a repeated 01:30 says so at the field and the learner can pick the second', T, async () => {
    const { context, page } = await newPage(suite, { timezoneId: 'Europe/Dublin' });
    try {
      await page.goto(`${suite.url}/#refund-calculator`);
      await page.locator('.tw-refund-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await page.getByLabel('What did you buy?').selectOption({ label: 'Course' });
      const paid = page.getByLabel(/When did you pay\?/);
      const field = page.locator('[data-field="paid_at"]');
      const deadlines = () =>
        page.evaluate(() =>
          [...document.querySelector('terms-widget').shadowRoot.querySelectorAll('.tw-refund-result time[datetime]')].map((t) =>
            t.getAttribute('datetime'),
          ),
        );

      // Clocks go back on 26 October 2025: 01:30 happens at 00:30 UTC and at 01:30 UTC.
      await paid.fill('2025-10-26T01:30');
      await waitForText(field.locator('.tw-refund-hint'), /happens twice .* read as the first time/, 'the note at the field');
      await waitUntil(deadlines, (d) => d.includes('2025-11-09T00:30:00Z'), 'the deadline from the first 01:30', { expected: '2025-11-09T00:30:00Z' });
      const other = field.getByRole('button', { name: /Use the second time/ });
      await other.click();
      await waitForText(field.locator('.tw-refund-hint'), /read as the second time/, 'the note after choosing');
      await waitUntil(deadlines, (d) => d.includes('2025-11-09T01:30:00Z'), 'the deadline from the second 01:30', { expected: '2025-11-09T01:30:00Z' });
      await field.getByRole('button', { name: /Use the first time/ }).waitFor();

      // Another time forgets the choice; a skipped time is explained as before.
      await paid.fill('2025-03-30T01:30');
      await waitForText(field.locator('.tw-refund-hint'), /doesn't exist in your time zone/, 'the skipped hour');
      assert.equal(await field.getByRole('button', { name: /Use the (first|second) time/ }).count(), 0);
    } finally {
      await context.close();
    }
  });
});
