// <terms-signup>: an adult signing up inside a host <form> (submit blocked with the
// validation message, then allowed, the records in the form data), a 12-year-old (stopped,
// nothing stored, retry refused in the session), a 15-year-old with a guardian, storage
// disabled, reading a document in place and coming back, axe in every state, keyboard only.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertNoAxeViolations } from './axe.mjs';
import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  assertClean,
  focusedElement,
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

/** A fresh context (own storage) with optional init scripts, that must end clean. */
async function withContext(options, fn) {
  const { context, page, log } = await newPage(suite, options);
  try {
    await context.addInitScript(() => {
      window.__events = [];
      document.addEventListener('terms-acceptance', (e) =>
        window.__events.push({ detail: e.detail, composed: e.composed, bubbles: e.bubbles }),
      );
    });
    for (const script of options.init ?? []) await context.addInitScript(script);
    await fn({ context, page, log });
    if (!options.expectErrors) assertClean(log, options);
  } finally {
    await context.close().catch(() => {});
  }
}

/** A date of birth `years` years ago today (minus a few days, so the birthday has passed). */
function bornYearsAgo(years) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - 3);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

const signup = (page) => page.locator('terms-signup');
const birth = (page) => page.locator('terms-signup #tw-birth');
const stepTitle = (page) => page.locator('terms-signup #tw-step-title');

async function openSignup(page, path = '/signup.html') {
  await page.goto(`${suite.url}${path}`);
  await birth(page).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
}

const validation = (page) => signup(page).evaluate((el) => el.validationMessage);
const storedKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kl_acceptance')));

/** Ticks every checkbox of the documents step (pledges, documents, guardian). */
async function tickAll(page, { except = [] } = {}) {
  const boxes = page.locator('terms-signup input[type="checkbox"]');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    const id = await box.getAttribute('id');
    if (except.includes(id)) continue;
    await box.check();
  }
}

async function answerAge(page, date) {
  await birth(page).fill(date);
  await page.locator('terms-signup').getByRole('button', { name: 'Continue' }).click();
}

describe('terms-signup', () => {
  test('a date of birth in the future says so, and a mistyped date can be changed after Continue', T, async () => {
    await withContext({}, async ({ page }) => {
      await openSignup(page, '/fixtures/signup-standalone.html');
      await answerAge(page, bornYearsAgo(-2));
      await waitForText(page.locator('terms-signup #tw-birth-error'), /in the future/, 'what is wrong with the date');
      // A typo that makes an adult a minor: the guardian step, then back to the date.
      await answerAge(page, bornYearsAgo(15));
      await page.locator('terms-signup #tw-guardian').waitFor();
      await page.locator('terms-signup').getByRole('button', { name: 'Change your date of birth' }).click();
      await birth(page).waitFor();
      await waitUntil(() => focusedElement(page), (f) => /date of birth/i.test(f?.text ?? ''), 'focus on the age screen');
      await answerAge(page, bornYearsAgo(30));
      await waitForText(stepTitle(page), /Read and accept/, 'the documents step');
      await waitForCount(page.locator('terms-signup #tw-guardian'), 0, 'no guardian step for an adult');
      assert.deepEqual(await storedKeys(page), [], 'nothing stored yet');
    });
  });

  test('the host form\'s reset starts the sign-up again, and disabling it makes it inert', T, async () => {
    await withContext({}, async ({ page }) => {
      await openSignup(page);
      await answerAge(page, bornYearsAgo(30));
      await waitForText(stepTitle(page), /Read and accept/, 'the documents step');
      await tickAll(page);
      await page.evaluate(() => document.querySelector('form#signup').reset());
      await birth(page).waitFor();
      assert.equal(await birth(page).inputValue(), '', 'the date of birth is cleared');
      const keys = await storedKeys(page);
      assert.ok(!keys.includes('kl_acceptance.v1'), `no records stored: ${keys}`);
      const inert = () => signup(page).evaluate((el) => el.shadowRoot.querySelector('.tw-host').inert);
      assert.equal(await inert(), false);
      await signup(page).evaluate((el) => el.setAttribute('disabled', ''));
      await waitUntil(inert, (v) => v === true, 'the sign-up inert while disabled');
      await signup(page).evaluate((el) => el.removeAttribute('disabled'));
      await waitUntil(inert, (v) => v === false, 'usable again');
    });
  });

  test('an adult signs up inside a host form: blocked until everything is accepted, then the records are submitted', T, async () => {
    await withContext({}, async ({ page }) => {
      await openSignup(page);
      await assertNoAxeViolations(page, 'sign-up: the age screen');
      // The age screen says nothing of the limits.
      const screen = await signup(page).innerText();
      assert.doesNotMatch(screen, /13|18|minimum|old enough|parent|guardian/i);
      await page.fill('#name', 'Ada Lovelace');
      await page.fill('#email', 'ada@example.org');
      const url = page.url();
      await page.getByRole('button', { name: 'Create my account' }).click();
      assert.equal(page.url(), url, 'the form is not submitted');
      assert.match(await validation(page), /Still needed: your date of birth/);
      await waitUntil(() => focusedElement(page), (f) => f?.tag === 'input' && f.inShadow, 'focus on the date of birth');

      await answerAge(page, bornYearsAgo(30));
      await waitForText(stepTitle(page), /Read and accept/, 'the documents step');
      await waitUntil(() => focusedElement(page), (f) => /Read and accept/.test(f?.text ?? ''), 'focus on the documents step');
      await assertNoAxeViolations(page, 'sign-up: the documents');
      // Every box starts unticked.
      const ticked = await page.locator('terms-signup input[type="checkbox"]:checked').count();
      assert.equal(ticked, 0);
      assert.match(await validation(page), /the Terms of Use/);
      assert.match(await validation(page), /pledge 1 of the Honor Code/);
      await page.getByRole('button', { name: 'Create my account' }).click();
      assert.equal(page.url(), url, 'still blocked');

      await tickAll(page, { except: ['tw-accept-honor-code'] });
      await waitUntil(() => validation(page), (m) => /Still needed: the Honor Code\./.test(m), 'only the Honor Code missing');
      await page.locator('terms-signup #tw-accept-honor-code').check();
      await waitUntil(() => validation(page), (m) => m === '', 'the element is valid');

      // A submit the host cancels (its own checks failed) records nothing.
      await page.evaluate(() => {
        const form = document.querySelector('form');
        const cancel = (e) => e.preventDefault();
        form.addEventListener('submit', cancel, { once: true });
      });
      await page.getByRole('button', { name: 'Create my account' }).click();
      assert.equal(page.url(), url, 'the host cancelled the submit');
      assert.deepEqual(await page.evaluate(() => window.TermsWidget.getAcceptances()), [], 'nothing stored');
      assert.deepEqual(await page.evaluate(() => window.__events ?? []), [], 'no event');

      const submitted = page.waitForURL(/agreements=/);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await submitted;
      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('name'), 'Ada Lovelace');
      const records = JSON.parse(params.get('agreements'));
      assert.deepEqual(records.map((r) => r.document.id), ['terms-of-use', 'privacy-policy', 'honor-code']);
      assert.equal(new Set(records.map((r) => r.batch)).size, 1, 'one batch');
      assert.equal(new Set(records.map((r) => r.id)).size, 3, 'three ids');
      for (const r of records) {
        assert.equal(r.method, 'signup');
        assert.equal(r.scope, 'platform');
        assert.equal(r.age, 'adult');
        assert.match(r.document.sha256, /^[0-9a-f]{64}$/);
        assert.match(r.subject, /^local-/);
        assert.match(r.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      }
      assert.deepEqual(records[2].pledges, ['1', '2', '3', '4', '5']);
      assert.equal(records[0].pledges, undefined);
      // The records were stored before the form left.
      await openSignup(page);
      const stored = await page.evaluate(() => window.TermsWidget.getAcceptances());
      assert.deepEqual(stored.map((r) => r.id).sort(), records.map((r) => r.id).sort());
      assert.deepEqual(await page.evaluate(() => window.TermsWidget.pendingAcceptances()), []);
    });
  });

  test('a 12-year-old is stopped kindly, nothing is stored, and a retry is refused in the session', T, async () => {
    await withContext({}, async ({ page }) => {
      await openSignup(page, '/fixtures/signup-standalone.html');
      await answerAge(page, bornYearsAgo(12));
      await waitForText(stepTitle(page), /can’t sign you up yet/, 'the stop');
      await assertNoAxeViolations(page, 'sign-up: stopped');
      assert.deepEqual(await storedKeys(page), [], 'nothing in localStorage');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('kl_acceptance.gate')), 'closed');
      assert.deepEqual(await page.evaluate(() => window.__events), []);
      await page.reload();
      await stepTitle(page).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(stepTitle(page), /can’t sign you up yet/, 'still stopped after a reload');
      assert.equal(await birth(page).count(), 0, 'no date asked again');
      assert.deepEqual(await storedKeys(page), []);
      // Another tab of the same browser session is stopped too (a session cookie).
      const other = await page.context().newPage();
      await other.goto(page.url());
      await waitForText(stepTitle(other), /can’t sign you up yet/, 'stopped in another tab', { timeout: FIRST_LOAD_TIMEOUT });
      assert.equal(await birth(other).count(), 0, 'no date asked in the other tab');
      await other.close();
    });
  });

  test('a 15-year-old signs up with a parent or guardian; records say minor-with-guardian', T, async () => {
    await withContext({}, async ({ page }) => {
      await openSignup(page, '/fixtures/signup-standalone.html');
      await answerAge(page, bornYearsAgo(15));
      await waitForText(stepTitle(page), /Read and accept/, 'the documents step');
      const accept = page.locator('terms-signup').getByRole('button', { name: 'Accept and continue' });
      await tickAll(page, { except: ['tw-guardian'] });
      assert.equal(await accept.isDisabled(), true, 'the guardian has not confirmed');
      await waitForText(page.locator('terms-signup #tw-missing'), /parent or guardian/, 'what is missing');
      await assertNoAxeViolations(page, 'sign-up: guardian');
      await page.locator('terms-signup #tw-guardian').check();
      await waitUntil(() => accept.isDisabled(), (d) => d === false, 'the button enabled');
      await accept.click();
      await waitForText(stepTitle(page), /recorded/, 'done');
      await assertNoAxeViolations(page, 'sign-up: done');
      const events = await page.evaluate(() => window.__events);
      assert.equal(events.length, 3, 'one event per record');
      assert.ok(events.every((e) => e.bubbles && e.composed));
      assert.equal(events[0].detail.records.length, 3);
      for (const e of events) {
        assert.equal(e.detail.record.age, 'minor-with-guardian');
        assert.equal(e.detail.record.subject, 'learner-42');
        // The language shown (the interface is English), not the host's lang="en-GB".
        assert.equal(e.detail.record.language, 'en');
      }
      const stored = await page.evaluate(() => window.TermsWidget.getAcceptances());
      assert.equal(stored.length, 3);
      assert.ok(!JSON.stringify(stored).includes(bornYearsAgo(15)), 'no date of birth stored');
    });
  });

  test('a document is read in place and Back returns to the step as it was', T, async () => {
    await withContext({}, async ({ page }) => {
      await openSignup(page, '/fixtures/signup-standalone.html');
      await answerAge(page, bornYearsAgo(40));
      await waitForText(stepTitle(page), /Read and accept/, 'the documents step');
      await page.locator('terms-signup #tw-accept-terms-of-use').check();
      await page.locator('terms-signup').getByRole('button', { name: 'Read the Privacy Policy' }).click();
      const nested = page.locator('terms-signup terms-widget');
      await nested.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(nested.locator('h1').first(), /Privacy Policy/, 'the policy in the documents view', { timeout: FIRST_LOAD_TIMEOUT });
      await assertNoAxeViolations(page, 'sign-up: reading a document in place');
      await page.locator('terms-signup').getByRole('button', { name: /Back to the sign-up/ }).click();
      await waitUntil(() => focusedElement(page), (f) => /Read the Privacy Policy/.test(f?.text ?? ''), 'focus back on the link');
      assert.equal(await page.locator('terms-signup #tw-accept-terms-of-use').isChecked(), true, 'the tick is kept');
    });
  });

  test('storage disabled: the sign-up works in memory and says so', T, async () => {
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
        await openSignup(page, '/fixtures/signup-standalone.html');
        await waitForText(page.locator('terms-signup .tw-accept-notice'), /this visit only/, 'the notice');
        await assertNoAxeViolations(page, 'sign-up: storage refused');
        await answerAge(page, bornYearsAgo(30));
        await tickAll(page);
        await page.locator('terms-signup').getByRole('button', { name: 'Accept and continue' }).click();
        await waitForText(stepTitle(page), /recorded/, 'done');
        const stored = await page.evaluate(() => window.TermsWidget.getAcceptances());
        assert.equal(stored.length, 3, 'kept in memory');
      },
    );
  });

  test('keyboard only, from the age screen to the records', T, async () => {
    await withContext({}, async ({ page }) => {
      await openSignup(page, '/fixtures/signup-standalone.html');
      await birth(page).focus();
      await birth(page).fill(bornYearsAgo(25));
      await page.keyboard.press('Enter');
      await waitForText(stepTitle(page), /Read and accept/, 'the documents step');
      // Tab through every control; Space ticks each checkbox.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await focusedElement(page);
        if (f?.tag === 'input') await page.keyboard.press('Space');
        if (f?.tag === 'button' && /Accept and continue/.test(f.text)) break;
      }
      const f = await focusedElement(page);
      assert.match(f?.text ?? '', /Accept and continue/);
      await page.keyboard.press('Enter');
      await waitForText(stepTitle(page), /recorded/, 'done');
      assert.equal((await page.evaluate(() => window.TermsWidget.getAcceptances())).length, 3);
    });
  });
});
