// Consent capture on a real page (dist/consent.html): the first-visit banner, choices
// that survive a reload, Global Privacy Control, a gated script, two tabs, and a
// browser that will not store anything.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  assertClean,
  newPage,
  startSuite,
  waitForCount,
  waitForText,
  waitUntil,
} from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT };

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

const banner = (page) => page.locator('terms-consent .tw-consent-banner');
const dialog = (page) => page.locator('terms-consent dialog.tw-consent-dialog');

async function openConsentPage(page) {
  await page.goto(`${suite.url}/consent.html`);
  await page.waitForFunction(() => typeof window.TermsWidget?.getConsent === 'function', null, {
    timeout: FIRST_LOAD_TIMEOUT,
  });
  // The consent element has read the bundle and the store once getConsent answers.
  await waitUntil(() => consent(page), (c) => c !== null, 'TermsWidget.getConsent()', {
    timeout: FIRST_LOAD_TIMEOUT,
    expected: 'an answer (not null)',
  });
}

const consent = (page) => page.evaluate(() => window.TermsWidget.getConsent());
const stored = (page) => page.evaluate(() => localStorage.getItem('kl_consent.v2'));
const analyticsRuns = (page) => page.evaluate(() => window.__analyticsRuns);

/** Waits until `TermsWidget.getConsent()` satisfies `ok`; returns it. */
function waitForConsent(page, ok, what) {
  return waitUntil(() => consent(page), (c) => c !== null && ok(c), `TermsWidget.getConsent(): ${what}`);
}

/** Waits until the gated analytics script has run `n` times. */
function waitForAnalyticsRuns(page, n) {
  return waitUntil(() => analyticsRuns(page), (r) => r === n, 'window.__analyticsRuns (the gated script)', { expected: n });
}

/** A fresh context (own storage), with optional init scripts, that must end clean. */
async function withContext(options, fn) {
  const { context, page, log } = await newPage(suite, options);
  try {
    for (const script of options.init ?? []) await context.addInitScript(script);
    await fn({ context, page, log });
    if (!options.expectErrors) assertClean(log, options);
  } finally {
    await context.close().catch(() => {});
  }
}

describe('consent banner', () => {
  test('first visit: nothing pre-ticked; Reject all is stored; after a reload no banner, choice kept', T, async () => {
    await withContext({}, async ({ page }) => {
      await openConsentPage(page);
      await banner(page).waitFor();
      const before = await consent(page);
      assert.equal(before.record, null);
      assert.equal(before.choices.analytics, null, 'nothing decided, nothing granted');
      assert.equal(await stored(page), null, 'nothing stored before a choice');
      // Reject all is as prominent as Accept all.
      const [reject, accept] = [page.getByRole('button', { name: 'Reject all' }), page.getByRole('button', { name: 'Accept all' })];
      const look = (l) => l.evaluate((b) => {
        const s = getComputedStyle(b);
        return [b.className, s.fontSize, s.fontWeight, s.backgroundColor, Math.round(b.getBoundingClientRect().height)];
      });
      assert.deepEqual(await look(reject), await look(accept));
      await reject.click();
      await banner(page).waitFor({ state: 'detached' });
      const after = await waitForConsent(page, (c) => c.record !== null, 'a record after Reject all');
      assert.equal(after.record.method, 'banner');
      assert.equal(after.choices.analytics, false);
      assert.equal(after.choices.necessary, true);
      assert.match(after.record.policy.sha256, /^[0-9a-f]{64}$/);
      assert.equal(after.record.policy.version, '3');
      await waitForCount(page.locator('#consent-log li'), 1, 'one consent-change event');
      await page.reload();
      await openConsentPage(page);
      // The element has read the store (getConsent answers); nothing more to wait for:
      // give a (wrong) banner time to show.
      await page.waitForTimeout(300);
      assert.equal(await banner(page).count(), 0, 'no banner after a choice');
      assert.equal((await consent(page)).choices.analytics, false);
    });
  });

  test('closing without a choice stores nothing, and the banner returns next time', T, async () => {
    await withContext({}, async ({ page }) => {
      await openConsentPage(page);
      await banner(page).waitFor();
      await page.getByRole('button', { name: 'Close without choosing' }).click();
      await banner(page).waitFor({ state: 'detached' });
      assert.equal(await stored(page), null);
      await page.reload();
      await openConsentPage(page);
      await banner(page).waitFor();
    });
  });

  test('the privacy policy opens from the banner and the learner comes back to it', T, async () => {
    await withContext({}, async ({ page }) => {
      await openConsentPage(page);
      await banner(page).waitFor();
      await page.getByRole('button', { name: 'Read our Privacy Policy' }).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), 'Privacy Policy', 'the policy\'s title');
      await page.getByRole('button', { name: /Back to your privacy choices/ }).click();
      await banner(page).waitFor();
    });
  });
});

describe('preferences and withdrawal', () => {
  test('a gated script runs only after opt-in; Privacy choices reopens; withdrawing is a new record', T, async () => {
    await withContext({}, async ({ page }) => {
      await openConsentPage(page);
      await banner(page).waitFor();
      assert.equal(await analyticsRuns(page), undefined, 'not before consent');
      await page.getByRole('button', { name: 'Choose…' }).click();
      await dialog(page).waitFor();
      // Save is not possible until every optional kind is answered.
      const save = page.getByRole('button', { name: 'Save my choices' });
      await waitUntil(() => save.isDisabled(), (d) => d === true, 'Save my choices is disabled');
      const group = (title) => page.locator('terms-consent fieldset').filter({ hasText: title });
      await group('Analytics').getByLabel('Allow', { exact: true }).check();
      for (const title of ['Marketing', 'Diagnostics', 'Approximate location']) {
        await group(title).getByLabel('Don’t allow').or(group(title).getByLabel("Don't allow")).first().check();
      }
      await save.click();
      await dialog(page).waitFor({ state: 'detached' });
      await waitForAnalyticsRuns(page, 1);
      const c = await waitForConsent(page, (c) => c.record?.method === 'preferences', 'a record from the preferences');
      assert.equal(c.record.method, 'preferences');
      assert.deepEqual([c.choices.analytics, c.choices.marketing], [true, false]);
      // Consent Mode heard about it.
      const dl = await waitUntil(
        () => page.evaluate(() => window.dataLayer.map((a) => Array.from(a))),
        (dl) => dl.some((a) => a[0] === 'consent' && a[1] === 'update'),
        'window.dataLayer',
        { expected: 'a consent update' },
      );
      assert.deepEqual(dl[0].slice(0, 2), ['consent', 'default']);
      const update = dl.filter((a) => a[0] === 'consent' && a[1] === 'update').at(-1);
      assert.equal(update[2].analytics_storage, 'granted');
      assert.equal(update[2].ad_storage, 'denied');
      // The host's control reopens the preferences; Reject all withdraws.
      await page.locator('terms-privacy-choices button').click();
      await dialog(page).waitFor();
      await dialog(page).getByRole('button', { name: 'Reject all' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      const after = await waitForConsent(page, (c) => c.records === 2, 'withdrawal is a new record, the first is kept');
      assert.equal(after.records, 2, 'withdrawal is a new record, the first is kept');
      assert.equal(after.choices.analytics, false);
      assert.equal(await analyticsRuns(page), 1, 'the script ran once');
      const raw = await waitUntil(
        async () => JSON.parse(await stored(page)),
        (raw) => raw?.records?.length === 2,
        'the stored consent records',
        { expected: '2 records' },
      );
      assert.equal(raw.records.length, 2);
      assert.equal(raw.records[0].choices.analytics, 'granted', 'history is append-only');
      // TermsWidget.openPreferences() opens it too.
      await page.evaluate(() => window.TermsWidget.openPreferences());
      await dialog(page).waitFor();
      await waitForText(dialog(page), /refused|allowed/i, 'the history in words');
    });
  });
});

describe('records and receipts', () => {
  test('refusing a kind deletes its storage; the receipt downloads as a Kantara-shaped JSON', T, async () => {
    await withContext({}, async ({ page }) => {
      await openConsentPage(page);
      await page.evaluate(() => {
        localStorage.setItem('kl_analytics_id', 'abc');
        document.cookie = 'kl_campaign=spring; path=/';
      });
      await banner(page).waitFor();
      await page.getByRole('button', { name: 'Reject all' }).click();
      await waitUntil(
        () => page.evaluate(() => localStorage.getItem('kl_analytics_id')),
        (v) => v === null,
        'localStorage kl_analytics_id is deleted',
      );
      await waitUntil(() => page.evaluate(() => document.cookie), (c) => !/kl_campaign=/.test(c), 'the kl_campaign cookie is deleted');
      await waitUntil(() => stored(page), (s) => s !== null, 'the consent record itself (strictly necessary) stays');
      await page.locator('terms-privacy-choices button').click();
      await dialog(page).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog(page).getByRole('button', { name: /Download a receipt/ }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^consent-receipt-.*\.json$/);
      const chunks = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk);
      const receipt = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const field of ['version', 'jurisdiction', 'consentTimestamp', 'collectionMethod', 'consentReceiptID', 'language', 'piiPrincipalId', 'piiControllers', 'policyUrl', 'services', 'sensitive']) {
        assert.ok(field in receipt, `receipt has ${field}`);
      }
      assert.equal(receipt.version, 'KI-CR-v1.1.0');
      assert.equal(receipt.consentReceiptID, (await consent(page)).record.id);
      assert.deepEqual(receipt.services, [], 'nothing optional was consented to');
    });
  });
});

describe('privacy signals', () => {
  test('with Global Privacy Control on, optional kinds are off, it says so, and opt-in stays possible', T, async () => {
    await withContext(
      { init: [() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })] },
      async ({ page }) => {
        await openConsentPage(page);
        const c = await waitForConsent(page, (c) => c.record !== null, 'a record from the signal');
        assert.equal(c.record.method, 'browser-signal', 'the record says where the choice came from');
        assert.equal(c.record.signals.gpc, true);
        assert.equal(c.choices.analytics, false);
        assert.equal(await analyticsRuns(page), undefined);
        // The learner is told, once, that the signal was honoured.
        await banner(page).waitFor();
        await waitForText(banner(page), /Global Privacy Control/, 'the banner');
        // Opt in explicitly: allowed, and recorded as the learner's own choice.
        await page.locator('terms-privacy-choices button').click();
        await dialog(page).waitFor();
        await waitForText(dialog(page), /Global Privacy Control/, 'the preferences dialog');
        await dialog(page).getByRole('button', { name: 'Accept all' }).click();
        await waitForAnalyticsRuns(page, 1);
        const after = await waitForConsent(page, (c) => c.record?.method === 'preferences', 'a record from the preferences');
        assert.equal(after.record.method, 'preferences');
        assert.equal(after.choices.analytics, true);
      },
    );
  });
});

describe('storage', () => {
  test('two tabs: a choice in one shows in the other, and neither loses records', T, async () => {
    await withContext({}, async ({ context, page }) => {
      const other = await context.newPage();
      await openConsentPage(page);
      await openConsentPage(other);
      await page.getByRole('button', { name: 'Accept all' }).click();
      await waitForConsent(other, (c) => c.choices.analytics === true, 'the other tab sees analytics allowed');
      await waitForCount(other.locator('terms-consent .tw-consent-banner'), 0, 'the banner in the other tab');
      await other.locator('terms-privacy-choices button').click();
      await other.locator('terms-consent dialog.tw-consent-dialog').getByRole('button', { name: 'Reject all' }).click();
      await waitForConsent(page, (c) => c.choices.analytics === false, 'the first tab sees analytics refused');
      const raw = await waitUntil(
        async () => JSON.parse(await stored(page)),
        (raw) => raw?.records?.length === 2,
        'both tabs\' records are kept (stored records)',
        { expected: '2 records' },
      );
      assert.equal(raw.records.length, 2, 'both tabs\' records are kept');
    });
  });

  test('storage disabled: the widget works in memory and says so', T, async () => {
    await withContext(
      {
        init: [
          () =>
            Object.defineProperty(window, 'localStorage', {
              get() {
                throw new DOMException('The operation is insecure.', 'SecurityError');
              },
              configurable: true,
            }),
        ],
      },
      async ({ page }) => {
        await openConsentPage(page);
        await banner(page).waitFor();
        await waitForText(banner(page), /this visit only/, 'the banner');
        await page.getByRole('button', { name: 'Accept all' }).click();
        await waitForConsent(page, (c) => c.choices.analytics === true, 'analytics allowed');
        await waitForAnalyticsRuns(page, 1);
      },
    );
  });

  test('a corrupt stored value is set aside, not overwritten, and the learner is asked again', T, async () => {
    await withContext({ init: [() => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('kl_consent.v2', '{"v":2,"records":[{"broken'); sessionStorage.setItem('seeded', '1'); } }], allowConsoleErrors: [/kl_consent|could not be read|not valid JSON|Saved consent/i] }, async ({ page }) => {
      await openConsentPage(page);
      await banner(page).waitFor();
      await waitForText(banner(page), /could not be read/, 'the banner');
      const keys = await waitUntil(
        () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.corrupt.'))),
        (keys) => keys.length === 1,
        'the corrupt value set aside (localStorage keys with ".corrupt.")',
      );
      assert.equal(keys.length, 1);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), '{"v":2,"records":[{"broken');
    });
  });
});
