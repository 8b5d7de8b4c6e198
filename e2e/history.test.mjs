// Archived revisions and tables of contents in a partner's bundle
// (fixtures/larkspur.json: "####" sections, a bold-only document, a 20-entry revision
// list with links to another site) and in our own Terms of Use (archived entries before
// version 1, one without a link).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertNoAxeViolations } from './axe.mjs';
import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  open,
  startSuite,
  viewportBox,
  waitForAttribute,
  waitForCount,
  waitForText,
  waitForTexts,
  waitUntil,
  withPage,
} from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT * 2 };

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

const title = (page) => page.locator('h1.tw-doc-title');
const history = (page) => page.locator('section.tw-history');
const archivedItems = (page) => history(page).locator('li.tw-history-archived');

/** The 20 archived dates of the fixture, newest first, as the list shows them. */
const LARKSPUR_DATES = [
  '2021-09-13', '2021-01-25', '2020-06-08', '2019-11-18', '2019-04-01',
  '2018-10-15', '2018-05-25', '2017-12-11', '2017-05-22', '2016-11-07',
  '2016-03-14', '2015-08-31', '2015-01-19', '2014-06-23', '2013-12-02',
  '2013-05-06', '2012-09-10', '2012-02-27', '2011-10-03', '2011-04-18',
];

async function openLarkspur(page) {
  await open(page, suite, '/fixtures/larkspur.html');
  await waitForText(title(page), 'Community Rules', 'title');
  await waitForText(page.locator('.tw-platform'), 'Larkspur Academy', 'the platform name');
}

describe('a partner bundle with archived revisions and #### sections', () => {
  test('"####" sections get a table of contents and render as the top level', T, async () => {
    await withPage(suite, async (page) => {
      await openLarkspur(page);
      await waitForCount(page.locator('details.tw-problems'), 0, 'problems with the bundle');
      const toc = page.locator('details.tw-toc nav a');
      await waitForTexts(toc, ['Taking part', 'Things we remove', 'When rules are broken'], 'the table of contents');
      await waitForCount(page.locator('details.tw-toc li.tw-toc-top'), 3, 'top-level entries');
      // Under the widget's <h1>, the document's highest level is <h2>: no skipped levels.
      await waitForTexts(
        page.locator('.tw-md h2'),
        ['Taking part #', 'Things we remove #', 'When rules are broken #'],
        'the sections as <h2>',
      );
      await waitForCount(page.locator('.tw-md h4'), 0, 'no <h4> straight under the title');
      // The entries lead to their sections.
      await toc.nth(2).click();
      await waitUntil(
        () => viewportBox(page.locator('.tw-md #when-rules-are-broken'), { timeout: 1000 }),
        (b) => b.bottom > 0 && b.top < b.vh - 5,
        'the heading is brought into the viewport',
      );
    });
  });

  test('a document whose headings are only bold lines has no table of contents', T, async () => {
    await withPage(suite, async (page) => {
      await openLarkspur(page);
      await page.locator('a.tw-doc-link', { hasText: 'Glossary' }).click();
      await waitForText(title(page), 'Glossary', 'title');
      await waitForText(page.locator('.tw-md'), /A group of members working through a course together\./, 'the glossary');
      await waitForCount(page.locator('details.tw-toc'), 0, 'tables of contents');
    });
  });

  test('the history lists the full versions, then the 20 archived revisions by date', T, async () => {
    await withPage(suite, async (page) => {
      await openLarkspur(page);
      await waitForCount(history(page).locator('li.tw-history-item'), 22, 'entries in the history');
      // Versions first (newest first), then the archived ones, all in date order.
      const dates = await waitUntil(
        () => history(page).locator('li.tw-history-item > time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))),
        (d) => d.length === 22,
        'the dates in the history',
      );
      assert.deepEqual(dates, ['2024-08-19', '2022-05-02', ...LARKSPUR_DATES]);

      // "What changed" where both texts exist: version 2 only, and it stays in the widget.
      const versionItems = history(page).locator('li.tw-history-item:not(.tw-history-archived)');
      await waitForCount(versionItems.nth(0).locator('a[href$="/~changes"]'), 1, 'what changed in version 2');
      await waitForCount(versionItems.nth(1).locator('a[href$="/~changes"]'), 0, 'what changed in version 1');
      await waitForCount(history(page).locator('a[href$="/~changes"]'), 1, 'in-widget "what changed" links');

      // Archived: the external link, marked as leaving the site, in a new tab, no opener.
      await waitForCount(archivedItems(page), 20, 'archived entries');
      await waitForCount(archivedItems(page).locator('a.tw-external'), 20, 'external links');
      const links = await archivedItems(page).locator('a.tw-external').evaluateAll((as) => as.map((a) => ({
        href: a.getAttribute('href'),
        rel: a.getAttribute('rel'),
        target: a.getAttribute('target'),
        text: a.textContent,
        visibleNote: a.querySelector('.tw-external-note')?.checkVisibility() ?? false,
      })));
      links.forEach((l, i) => {
        assert.deepEqual(l, {
          href: `https://changes.larkspur-academy.example/community-rules/${LARKSPUR_DATES[i]}`,
          rel: 'noopener noreferrer',
          target: '_blank',
          text: 'What changed (external site)↗ (opens in a new tab)',
          visibleNote: true,
        });
      });
      const first = archivedItems(page).first();
      await waitForText(first.locator('.tw-history-label'), 'Earlier revision', 'the archived label');
      await waitForText(first.locator('.tw-history-summary'), 'Plain-language rewrite of the introduction.', 'the newest archived summary');
      await waitForText(archivedItems(page).nth(1).locator('.tw-badge-material'), 'Important change', 'a material archived change');
      await waitForCount(first.locator('.tw-badge-material'), 0, 'a change that was not material');
      // Screen readers hear "What changed (external site) (opens in a new tab)": only the
      // arrow is hidden from them.
      const hidden = await first.locator('a.tw-external [aria-hidden="true"]').allTextContents();
      assert.deepEqual(hidden, ['↗'], 'what is hidden from screen readers');

      // Nothing was followed: the widget stayed where it was.
      await waitForText(title(page), 'Community Rules', 'title');
    });
  });

  test('axe finds nothing with the archived history and the #### table of contents shown', T, async () => {
    for (const look of [
      { viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
      { viewport: { width: 320, height: 640 }, colorScheme: 'dark' },
    ]) {
      await withPage(suite, look, async (page) => {
        await openLarkspur(page);
        await waitForCount(archivedItems(page), 20, 'archived entries');
        await waitForCount(page.locator('details.tw-toc nav a'), 3, 'table of contents entries');
        await history(page).scrollIntoViewIfNeeded();
        await assertNoAxeViolations(page, `the partner's history, ${look.viewport.width} px, ${look.colorScheme}`);
      });
    }
  });
});

describe('our Terms of Use', () => {
  test('archived revisions before version 1, with and without a link', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/#terms-of-use`);
      await waitForText(title(page).first(), 'Terms of Use', 'title', { timeout: FIRST_LOAD_TIMEOUT });
      await waitForCount(archivedItems(page), 4, 'archived entries');
      const dates = await archivedItems(page).locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      assert.deepEqual(dates, ['2023-01-09', '2022-03-21', '2021-06-01', '2020-09-14']);
      // The newest archived entry has no link: its summary only.
      await waitForCount(archivedItems(page).nth(0).locator('a'), 0, 'links of the entry without one');
      await waitForAttribute(
        archivedItems(page).nth(1).locator('a.tw-external'),
        'href',
        'https://archive.kestrel-learning.example/terms/changes/2022-03-21',
        'the archived link',
      );
      await waitForAttribute(archivedItems(page).nth(1).locator('a.tw-external'), 'rel', 'noopener noreferrer', 'rel');
      // The archived entries come after every full version.
      const classes = await history(page).locator('li.tw-history-item').evaluateAll((lis) => lis.map((li) => li.classList.contains('tw-history-archived')));
      assert.deepEqual(classes, [false, false, false, true, true, true, true]);
    });
  });
});
