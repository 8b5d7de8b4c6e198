// <terms-honor-code course="…">: the course prompt → accept → reload → the accepted
// line; a material change asks again and shows what changed since the accepted version;
// a minor change does not ask; two tabs; a corrupt stored value; a bad course id; the
// API's answers; axe in every state; keyboard only.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertNoAxeViolations } from './axe.mjs';
import {
  FIRST_LOAD_TIMEOUT,
  ROOT,
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
const COURSE = 'data-science-101';

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

async function withContext(options, fn) {
  const { context, page, log } = await newPage(suite, options);
  try {
    await context.addInitScript(() => {
      window.__events = [];
      document.addEventListener('terms-acceptance', (e) => window.__events.push(e.detail));
    });
    for (const [script, arg] of options.init ?? []) await context.addInitScript(script, arg);
    await fn({ context, page, log });
    if (!options.expectErrors) assertClean(log, options);
  } finally {
    await context.close().catch(() => {});
  }
}

const prompt = (page) => page.locator('terms-honor-code');
const card = (page, title) => prompt(page).locator('.tw-accept-doc').filter({ hasText: title });

async function openCourse(page, file = '/course.html') {
  await page.goto(`${suite.url}${file}`);
  await prompt(page).locator('.tw-accept-heading').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
}

/** Affirms every pledge, ticks the box and presses the button of one document's card. */
async function acceptCard(page, title, button = 'Accept') {
  const c = card(page, title);
  const boxes = c.locator('input[type="checkbox"]');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  await c.getByRole('button', { name: button }).click();
}

/** A stored history with one record accepting Honor Code v1 for the course. */
function seedV1(fixture) {
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'e2e', 'fixtures', fixture), 'utf8'));
  const v1 = bundle.documents.find((d) => d.id === 'honor-code').versions[0];
  const record = {
    id: '6f1c1f0e-2a4b-4f7e-9c61-0a1d2b3c4d5e',
    at: '2025-06-01T10:00:00Z',
    document: { id: 'honor-code', version: '1', sha256: createHash('sha256').update(v1.body, 'utf8').digest('hex') },
    scope: `course:${COURSE}`,
    method: 'prompt',
    pledges: ['1', '2', '3', '4'],
    batch: '0b9e1f0e-2a4b-4f7e-9c61-0a1d2b3c4d5e',
    subject: 'learner-7',
    language: 'en',
  };
  return JSON.stringify({ v: 1, records: [record] });
}

function seedScript(value) {
  if (!sessionStorage.getItem('seeded')) {
    localStorage.setItem('kl_acceptance.v1', value);
    sessionStorage.setItem('seeded', '1');
  }
}

describe('terms-honor-code', () => {
  test('a page that changes the course attribute gets the prompt for that course', T, async () => {
    await withContext({}, async ({ page }) => {
      await openCourse(page);
      await page.evaluate(() => document.querySelector('terms-honor-code').setAttribute('course', 'stats-200'));
      // The prompt starts again: wait for the new one's pledges before ticking them.
      await waitUntil(
        () => card(page, 'Honor Code').locator('input[type="checkbox"]').count(),
        (n) => n > 0,
        'the new prompt\'s boxes',
      );
      await acceptCard(page, 'Honor Code');
      await waitForText(card(page, 'Honor Code'), /You accepted the Honor Code/, 'the accepted line');
      const stored = await page.evaluate(() => window.TermsWidget.getAcceptances());
      assert.deepEqual(stored.map((r) => r.scope), ['course:stats-200'], 'filed under the new course');
    });
  });

  test('the course prompt: accept, the event, reload, the accepted line', T, async () => {
    await withContext({}, async ({ page }) => {
      await openCourse(page);
      await assertNoAxeViolations(page, 'course prompt: pending');
      const pending = await page.evaluate((course) => window.TermsWidget.pendingAcceptances({ course }), COURSE);
      const course = pending.filter((p) => p.scope === `course:${COURSE}`);
      assert.deepEqual(course.map((p) => [p.document, p.reason]), [
        ['honor-code', 'never_accepted'],
        ['integrity-code', 'never_accepted'],
      ]);
      const accept = card(page, 'Honor Code').getByRole('button', { name: 'Accept' });
      assert.equal(await accept.isDisabled(), true, 'nothing given yet');
      await acceptCard(page, 'Honor Code');
      await waitForText(card(page, 'Honor Code'), /You accepted the Honor Code \(version 2\) on \d+ \w+ \d{4}/, 'the accepted line');
      await waitUntil(() => focusedElement(page), (f) => /You accepted the Honor Code/.test(f?.text ?? ''), 'focus on the accepted line');
      await assertNoAxeViolations(page, 'course prompt: accepted');
      const events = await page.evaluate(() => window.__events);
      assert.equal(events.length, 1);
      const r = events[0].record;
      assert.equal(r.method, 'prompt');
      assert.equal(r.scope, `course:${COURSE}`);
      assert.equal(r.document.id, 'honor-code');
      assert.deepEqual(r.pledges, ['1', '2', '3', '4', '5']);
      assert.deepEqual(events[0].records, [r]);

      await page.reload();
      await prompt(page).locator('.tw-accept-heading').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(card(page, 'Honor Code'), /You accepted the Honor Code \(version 2\)/, 'still accepted after a reload');
      assert.equal(await card(page, 'Honor Code').locator('input').count(), 0, 'nothing asked');
      const after = await page.evaluate((course) => window.TermsWidget.pendingAcceptances({ course }), COURSE);
      assert.ok(!after.some((p) => p.scope === `course:${COURSE}` && p.document === 'honor-code'));
      // Read it, in place, and come back.
      await card(page, 'Honor Code').getByRole('button', { name: 'Read it' }).click();
      await prompt(page).locator('terms-widget').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await prompt(page).getByRole('button', { name: /Back/ }).click();
      await waitForCount(prompt(page).locator('terms-widget'), 0, 'the reading panel closed');
      await waitUntil(() => focusedElement(page), (f) => f?.text === 'Read it', 'focus back on "Read it"');
    });
  });

  test('a material change asks again and shows what changed since the accepted version', T, async () => {
    await withContext({ init: [[seedScript, seedV1('acceptance-material.json')]] }, async ({ page }) => {
      await openCourse(page, '/fixtures/course-material.html');
      const c = card(page, 'Honor Code');
      await waitForText(c, /What changed since you accepted/, 'the changes heading');
      await waitForText(c.locator('ins').first(), /AI tool/, 'the new pledge shown as added');
      await assertNoAxeViolations(page, 'course prompt: material change');
      const pending = await page.evaluate((course) => window.TermsWidget.pendingAcceptances({ course }), COURSE);
      assert.ok(pending.some((p) => p.document === 'honor-code' && p.reason === 'material_change' && p.version === '2'));
      await acceptCard(page, 'Honor Code', 'Accept version 2');
      await waitForText(c, /You accepted the Honor Code \(version 2\)/, 'accepted again');
      const events = await page.evaluate(() => window.__events);
      assert.equal(events[0].record.method, 'reacceptance');
      assert.equal(events[0].record.document.version, '2');
    });
  });

  test('a change that is not material is said, and nothing is asked', T, async () => {
    await withContext({ init: [[seedScript, seedV1('acceptance-minor.json')]] }, async ({ page }) => {
      await openCourse(page, '/fixtures/course-minor.html');
      const c = card(page, 'Honor Code');
      await waitForText(c, /You accepted the Honor Code \(version 1\)/, 'the accepted line');
      await waitForText(c, /Updated since you accepted/, 'the update said');
      assert.equal(await c.locator('input').count(), 0, 'nothing asked');
      await assertNoAxeViolations(page, 'course prompt: minor change');
    });
  });

  test('two tabs: an acceptance in one shows in the other', T, async () => {
    await withContext({}, async ({ context, page }) => {
      const other = await context.newPage();
      await openCourse(page);
      await openCourse(other);
      await acceptCard(page, 'Integrity Code');
      await waitForText(card(other, 'Integrity Code'), /You accepted the (Community )?Integrity Code/, 'the other tab');
      await acceptCard(other, 'Honor Code');
      await waitForText(card(page, 'Honor Code'), /You accepted the Honor Code/, 'the first tab');
      const stored = await page.evaluate(() => window.TermsWidget.getAcceptances());
      assert.equal(stored.length, 2, 'both records kept');
    });
  });

  test('a corrupt stored value is set aside, not overwritten', T, async () => {
    await withContext(
      { init: [[seedScript, '{"v":1,"records":[{"broken']], allowConsoleErrors: [/could not be read/] },
      async ({ page }) => {
        await openCourse(page);
        await waitForText(prompt(page).locator('.tw-accept-notice'), /could not be read/, 'the notice');
        const keys = await waitUntil(
          () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kl_acceptance.v1.corrupt.'))),
          (k) => k.length === 1,
          'the corrupt value set aside',
        );
        await acceptCard(page, 'Integrity Code');
        await waitForText(card(page, 'Integrity Code'), /You accepted/, 'accepted');
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), '{"v":1,"records":[{"broken');
        const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('kl_acceptance.v1')));
        assert.equal(stored.records.length, 1);
      },
    );
  });

  test('a bad course id is a clear error; the API never throws', T, async () => {
    await withContext({ allowConsoleErrors: [/course id/] }, async ({ page }) => {
      await page.goto(`${suite.url}/fixtures/bad-course.html`);
      await waitForText(prompt(page).locator('[role="alert"]'), /not a valid course id/, 'the error', { timeout: FIRST_LOAD_TIMEOUT });
      await assertNoAxeViolations(page, 'course prompt: bad course id');
      const answers = await page.evaluate(() => [
        window.TermsWidget.pendingAcceptances({ course: 'Not Valid!' }),
        window.TermsWidget.pendingAcceptances(5),
        window.TermsWidget.pendingAcceptances('x'),
        window.TermsWidget.pendingAcceptances({}),
      ]);
      assert.equal(answers[0].error, 'invalid_course');
      assert.equal(typeof answers[0].message, 'string');
      assert.equal(answers[1].error, 'invalid_options');
      assert.equal(answers[2].error, 'invalid_options');
      assert.ok(Array.isArray(answers[3]));
      assert.deepEqual(answers[3].map((p) => p.reason), ['never_accepted', 'never_accepted', 'never_accepted']);
    });
  });

  test('keyboard only: affirm, tick and accept', T, async () => {
    await withContext({}, async ({ page }) => {
      await openCourse(page);
      await page.locator('body').focus();
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const f = await focusedElement(page);
        if (f?.tag === 'input') await page.keyboard.press('Space');
        if (f?.tag === 'button' && f.text === 'Accept') break;
      }
      assert.equal((await focusedElement(page))?.text, 'Accept');
      await page.keyboard.press('Enter');
      await waitForText(card(page, 'Honor Code'), /You accepted the Honor Code/, 'accepted by keyboard');
    });
  });
});
