// Refund answers in the browser: the calculator in the SPA (#refund-calculator), the
// course-page verdict card, and TermsWidget.evaluateRefund from a host page's script.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  newPage,
  startSuite,
  waitForAttribute,
  waitForCount,
  waitForHash,
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

/** `YYYY-MM-DDTHH:MM` for a `datetime-local` input, `daysAgo` days before now, in the page's zone. */
function localInput(page, daysAgo) {
  return page.evaluate((days) => {
    const d = new Date(Date.now() - days * 86400e3);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, daysAgo);
}

async function openCalculator(page) {
  await page.goto(`${suite.url}/#refund-calculator`);
  await page.locator('.tw-refund-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
}

const headline = (page) => page.locator('.tw-refund-result .tw-refund-headline');
const result = (page) => page.locator('.tw-refund-result');

describe('refund calculator (SPA)', () => {
  test('a course paid three days ago: full refund, deadline in local time and UTC, time left', T, async () => {
    await withPage(suite, async (page) => {
      await openCalculator(page);
      assert.match(await page.title(), /^Refund calculator/);
      await page.getByLabel('What did you buy?').selectOption({ label: 'Course' });
      await page.getByLabel(/When did you pay\?/).fill(await localInput(page, 3));
      await waitForText(headline(page), /Full refund available until/, 'the headline');
      // The answer for a payment three days ago (not for an earlier state of the form).
      const text = await waitForText(result(page), /1[01] days? \d+ hours? left|10 days|11 days/, 'time left in the result');
      assert.match(text, /UTC/, 'the deadline is also given in UTC');
      assert.match(text, /Policy version 2, in effect since 1 September 2025/);
      // The timeline draws the payment, now and the deadline, and says it in words.
      const timeline = page.locator('.tw-refund-timeline svg, svg.tw-refund-tl').first();
      await waitForAttribute(timeline, 'aria-label', /.+/, 'the timeline\'s description');
    });
  });

  test('a guided project is not refundable, and the rule link opens its section', T, async () => {
    await withPage(suite, async (page) => {
      await openCalculator(page);
      await page.getByLabel('What did you buy?').selectOption({ label: 'Guided project' });
      await page.getByLabel(/When did you pay\?/).fill(await localInput(page, 1));
      await waitForText(headline(page), /no refund|not refundable|can't be refunded|cannot be refunded/i, 'the headline');
      // Only the questions that matter for a guided project are asked.
      await waitForCount(page.getByLabel('I have earned the Course Certificate since paying'), 0, 'the certificate question');
      const rule = page.locator('.tw-refund-rule a');
      await waitForAttribute(rule, 'href', '#refund-policy/guided-projects', 'the rule link');
      await rule.click();
      await waitForHash(page, '#refund-policy/guided-projects');
      await waitForText(page.locator('h1.tw-doc-title'), 'Refund Policy', 'title');
      // Back returns to the calculator.
      await page.goBack();
      await waitForHash(page, '#refund-calculator');
      await page.locator('.tw-refund-title').waitFor();
    });
  });

  test('an App Store purchase: the store decides', T, async () => {
    await withPage(suite, async (page) => {
      await openCalculator(page);
      await page.getByLabel('What did you buy?').selectOption({ label: 'Course' });
      await page.getByLabel(/Apple App Store/).click();
      await page.getByLabel(/When did you pay\?/).fill(await localInput(page, 2));
      await waitForText(headline(page), /store decides/i, 'the headline');
      await waitForAttribute(page.locator('.tw-refund-rule a'), 'href', '#refund-policy/app-store-purchases', 'the rule link');
    });
  });

  test('a certificate dated before the payment is an error at the certificate field', T, async () => {
    await withPage(suite, async (page) => {
      await openCalculator(page);
      await page.getByLabel('What did you buy?').selectOption({ label: 'Specialization' });
      await page.getByLabel(/When did you pay\?/).fill(await localInput(page, 2));
      await page.getByLabel('I have earned a Course Certificate in one of its courses since paying').click();
      const earned = page.getByLabel(/When did you earn it\?/);
      await earned.fill(await localInput(page, 5));
      await waitForAttribute(earned, 'aria-invalid', 'true', 'the certificate date field');
      const describedBy = await waitForAttribute(earned, 'aria-describedby', (v) => !!v, 'the message is tied to the field');
      assert.ok(describedBy, 'the message is tied to the field');
      const message = await waitUntil(
        () =>
          page
            .locator('terms-widget')
            .evaluate((w, ids) => ids.split(' ').map((id) => w.shadowRoot.getElementById(id)?.textContent ?? '').join(' '), describedBy),
        (m) => /before/i.test(m),
        'the field\'s message (aria-describedby)',
      );
      assert.match(message, /before/i, message);
      assert.equal(await page.locator('.tw-refund-result .tw-refund-headline').count() > 0 && /Full refund/.test(await headline(page).textContent()), false);
      // Fixing it brings the answer back.
      await earned.fill(await localInput(page, 1));
      await waitForAttribute(earned, 'aria-invalid', (v) => v !== 'true', 'the certificate date field after fixing it', {
        expected: 'aria-invalid not "true"',
      });
    });
  });

  test('the payment time is read in the learner\'s own time zone', T, async () => {
    const { context, page } = await newPage(suite, { timezoneId: 'America/New_York' });
    try {
      await openCalculator(page);
      await page.getByLabel('What did you buy?').selectOption({ label: 'Course' });
      await page.getByLabel(/When did you pay\?/).fill('2026-11-20T09:00');
      await waitForText(page.locator('.tw-refund-title ~ *').first(), /America\/New_York/, 'the time zone note');
      // 09:00 in New York on 20 November is 14:00 UTC; the deadline is 14 days later.
      const deadline = /Dec 4, 2026, 02:00 PM UTC|4 Dec 2026, 14:00 UTC|2026-12-04.*14:00/;
      await waitForText(
        result(page),
        (t) => typeof t === 'string' && /UTC/.test(t) && deadline.test(t),
        'the deadline in UTC for a payment at 09:00 New York time',
        { expected: `a text with "UTC" matching ${deadline}` },
      );
    } finally {
      await context.close();
    }
  });
});

describe('course-page mode', () => {
  test('the verdict card for the purchase the page passes, and the rule it cites', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/verdict.html`);
      const card = page.locator('#fixed .tw-refund-card');
      await card.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const text = await waitForText(card, /Full refund available until/, 'the verdict card');
      assert.match(text, /Mar 15, 2024|15 Mar 2024/);
      await waitForCount(page.locator('#fixed nav.tw-docs'), 0, 'just the card, no documents view');
      // The rule link opens the documents at that rule, with a way back.
      await page.locator('#fixed .tw-refund-rule a').click();
      await waitForText(page.locator('#fixed h1.tw-doc-title'), 'Refund Policy', '#fixed title');
      assert.equal(new URL(page.url()).hash, '', 'a guest widget leaves the URL alone');
      await page.locator('#fixed .tw-back').click();
      await page.locator('#fixed .tw-refund-card').waitFor();
    });
  });

  test('an invalid purchase gets a clear message, not a broken widget', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/verdict.html`);
      const error = page.locator('#broken .tw-refund-card-error');
      await error.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForAttribute(error, 'data-code', 'invalid_timestamp', 'the error code');
      await waitForText(error, /pay/i, 'the error message');
    });
  });
});

describe('refund rules the host overrides', () => {
  test('a refund-policy attribute changes the window; invalid rules are reported and left out', T, async () => {
    await withPage(suite, { allowConsoleErrors: [/standard_window_days/] }, async (page) => {
      await page.goto(`${suite.url}/fixtures/verdict-rules.html`);
      const longer = page.locator('#longer .tw-refund-card');
      await longer.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(longer, /Mar 31, 2024|31 Mar 2024/, 'paid 1 March + 30 days');
      const bad = page.locator('#bad-rules');
      await bad.locator('.tw-refund-card').waitFor();
      await waitForText(bad.locator('details.tw-problems'), /standard_window_days/, 'the problems with the rules');
      await waitForText(bad.locator('.tw-refund-card'), /Mar 15, 2024|15 Mar 2024/, 'the default 14 days still apply');
    });
  });
});

describe('a partner\'s Refund Policy with its own sections', () => {
  test('answers link into the partner\'s sections; a clause with no section is a problem, not a dead link', T, async () => {
    await withPage(suite, { allowConsoleErrors: [/has no heading with that id/] }, async (page) => {
      await page.goto(`${suite.url}/fixtures/refund-sections.html`);
      const course = page.locator('#course');
      await course.locator('.tw-refund-card').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      // The partner's 21 days, linked to its own "Course fees" section.
      await waitForText(course.locator('.tw-refund-card'), /Mar 22, 2024|22 Mar 2024/, 'paid 1 March + 21 days');
      const link = course.locator('.tw-refund-rule a');
      await waitForAttribute(link, 'href', '#refund-policy/course-fees', 'the rule link');
      // Guided projects keep the default clause, which this policy has no section for.
      const project = page.locator('#project');
      await project.locator('.tw-refund-card').waitFor();
      await waitForText(project.locator('.tw-refund-rule'), /^The rule: /, 'the rule, named without a link');
      await waitForCount(project.locator('.tw-refund-rule a'), 0, 'links in the project card\'s rule line');
      await waitForText(
        project.locator('details.tw-problems'),
        /link kinds\.guided_project\.clause to the section "guided-projects", but the Refunds at Larkspur \(version 4\) has no heading/,
        'the bundle problem',
      );
      // The linked rule opens the partner's section.
      await link.click();
      await waitForText(course.locator('h1.tw-doc-title'), 'Refunds at Larkspur', 'the partner\'s policy');
      await waitForText(course.locator('[id="course-fees"]'), /Course fees/, 'its section');
    });
  });
});

describe('TermsWidget.evaluateRefund', () => {
  test('the partner page\'s own plain script gets the answer', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/partner.html`);
      await waitForText(page.locator('#api-answer'), /full refund until/, 'the page\'s answer', { timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(page.locator('#api-answer'), 'full refund until 2026-01-24T08:00:00Z (full_refund)', 'the page\'s answer');
    });
  });

  test('objects and JSON strings in, the contract\'s output shape out; bad input is an error object', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/partner.html`);
      await page.waitForFunction(() => typeof window.TermsWidget?.evaluateRefund === 'function', null, {
        timeout: FIRST_LOAD_TIMEOUT,
      });
      const out = await page.evaluate(() => {
        const api = window.TermsWidget;
        return {
          object: api.evaluateRefund({ kind: 'course', paid_at: '2024-03-01T12:00:00Z', now: '2024-03-15T11:59:59Z' }),
          atDeadline: api.evaluateRefund('{"kind":"course","paid_at":"2024-03-01T12:00:00Z","now":"2024-03-15T12:00:00Z"}'),
          store: api.evaluateRefund({ kind: 'course', via: 'app_store', paid_at: '2024-03-01T12:00:00Z', now: '2024-03-02T00:00:00Z' }),
          leap: api.evaluateRefund({ kind: 'course', paid_at: '2023-02-29T00:00:00Z', now: '2023-03-01T00:00:00Z' }),
          nothing: api.evaluateRefund(42),
          longer: api.evaluateRefund({ kind: 'course', paid_at: '2024-03-01T12:00:00Z', now: '2024-03-20T00:00:00Z' }, { standard_window_days: 30 }),
          badRules: api.evaluateRefund({ kind: 'course', paid_at: '2024-03-01T12:00:00Z', now: '2024-03-20T00:00:00Z' }, '{"kinds": {"course": {"window_days": 3.5}}}'),
          version: api.version,
        };
      });
      assert.equal(out.object.eligible, true);
      assert.equal(out.object.outcome, 'full_refund');
      assert.equal(out.object.deadline, '2024-03-15T12:00:00Z');
      assert.equal(out.atDeadline.eligible, false, 'closed at the deadline instant');
      assert.equal(out.atDeadline.outcome, 'no_refund');
      assert.deepEqual([out.store.eligible, out.store.outcome, out.store.deadline], [null, 'marketplace_policy', null]);
      assert.equal(out.leap.error, 'invalid_timestamp');
      assert.equal(out.nothing.error, 'missing_field');
      assert.equal(out.longer.deadline, '2024-03-31T12:00:00Z', 'rules given as the second argument');
      assert.equal(out.badRules.error, 'invalid_policy');
      assert.match(out.badRules.message, /kinds\.course\.window_days/);
      assert.match(out.version, /^\d+\.\d+\.\d+$/);
    });
  });
});
