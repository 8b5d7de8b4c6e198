// A partner's whole bundle (fixtures/wrenfield.json, written for the tests: its own
// platform name and short name, documents with "####" and setext sections, a 20-entry
// archived history with external links, refund rules mapped to its own sections, and its
// own words for the calculator): every document has a table of contents, the history is
// there, refund answers link into the partner's sections, and no text of the built-in
// platform shows anywhere. axe in each view.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertNoAxeViolations } from './axe.mjs';
import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  startSuite,
  waitForAttribute,
  waitForCount,
  waitForText,
  withPage,
} from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT };

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

/** Words of the built-in platform and its documents that a partner's page must not show. */
const OURS = [
  /Kestrel/,
  /Terms of Use/,
  /Acceptable Use/,
  /Copyright and Trademark/,
  /Refund Policy/,
  /Honor Code/,
  /Privacy Policy/,
  /Integrity Code/,
  /PayPal/,
  /\bPlus\b/,
];

const DOCUMENTS = [
  ['membership-terms', 'Membership Terms', 4],
  ['conduct-rules', 'Conduct Rules', 2],
  ['refund-policy', 'Money-back Policy', 12],
  ['honor-code', 'Learner Pledge', 2],
  ['privacy-policy', 'Privacy Notice', 3],
];

/** Everything the widget's shadow root holds as text, options and labels included. */
const allText = (locator) =>
  locator.evaluate((host) => {
    const root = host.shadowRoot;
    const attrs = [...root.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [root.textContent, ...attrs].join('\n');
  });

function assertNothingOfOurs(text, where) {
  for (const re of OURS) assert.doesNotMatch(text, re, `${where} shows ${re}`);
}

describe('a partner\'s own bundle', () => {
  test('every document with its table of contents, the history, and nothing of ours', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/wrenfield.html`);
      const docs = page.locator('#docs');
      await docs.locator('h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForCount(docs.locator('details.tw-problems'), 0, 'bundle problems');
      for (const [id, title, sections] of DOCUMENTS) {
        await docs.evaluate((el, id) => el.setAttribute('document', id), id);
        await waitForText(docs.locator('h1.tw-doc-title'), title, `the title of ${id}`);
        await waitForCount(docs.locator('.tw-toc li.tw-toc-top'), sections, `${id}'s table of contents`);
        assertNothingOfOurs(await allText(docs), id);
      }
      // The membership terms' history: 2 versions and 20 archived revisions, each link
      // leaving the site.
      await docs.evaluate((el) => el.setAttribute('document', 'membership-terms'));
      await waitForText(docs.locator('h1.tw-doc-title'), 'Membership Terms', 'the title');
      await waitForCount(docs.locator('section.tw-history li.tw-history-item'), 22, 'history entries');
      const links = await docs
        .locator('section.tw-history li.tw-history-archived a')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
      assert.equal(links.length, 20);
      for (const [href, rel] of links) {
        assert.match(href, /^https:\/\/history\.wrenfield-college\.example\/membership\//);
        assert.equal(rel, 'noopener noreferrer');
      }
      await assertNoAxeViolations(page, 'a partner bundle: the documents');
    });
  });

  test('refund answers in the partner\'s words, linked to its own sections', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/wrenfield.html`);
      // The verdict card: the partner's 10-day window, linked to "Class fees".
      const card = page.locator('#card');
      await card.locator('.tw-refund-card').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(card.locator('.tw-refund-card'), /Mar 11, 2024|11 Mar 2024/, 'paid 1 March + 10 days');
      await waitForAttribute(card.locator('.tw-refund-rule a'), 'href', '#refund-policy/class-fees', 'the rule link');
      assertNothingOfOurs(await allText(card), 'the verdict card');
      // The calculator: the partner's names for what was bought and how it was paid.
      const docs = page.locator('#docs');
      await docs.locator('h1.tw-doc-title').waitFor();
      await docs.evaluate((el) => el.setAttribute('document', 'refund-calculator'));
      await docs.locator('.tw-refund-title').waitFor();
      const kinds = await docs.getByLabel('What did you buy?').evaluate((s) => [...s.options].map((o) => o.text));
      for (const k of ['Class', 'Class series', 'Workshop', 'Wrenfield Pass (yearly)', 'Monthly membership']) {
        assert.ok(kinds.includes(k), `"${k}" among ${JSON.stringify(kinds)}`);
      }
      await docs.getByText('Directly with Wrenfield College (card or bank transfer)').waitFor();
      await docs.getByLabel('What did you buy?').selectOption({ label: 'Workshop' });
      const paid = await page.evaluate(() => {
        const d = new Date(Date.now() - 86400e3);
        const p = (n) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
      });
      await docs.getByLabel(/When did you pay\?/).fill(paid);
      const rule = docs.locator('.tw-refund-result .tw-refund-rule a');
      await waitForAttribute(rule, 'href', '#refund-policy/workshops', 'the rule link');
      await waitForText(rule, /Workshops/, 'the rule named after the partner\'s section');
      assertNothingOfOurs(await allText(docs), 'the calculator');
      await assertNoAxeViolations(page, 'a partner bundle: the calculator');
      await rule.click();
      await waitForText(docs.locator('h1.tw-doc-title'), 'Money-back Policy', 'the partner\'s policy');
      await waitForText(docs.locator('[id="workshops"]'), /Workshops/, 'its section');
    });
  });
});
