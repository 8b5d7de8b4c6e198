// The SPA (dist/index.html): one <terms-widget routing="hash"> that owns location.hash.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  TEST_TIMEOUT,
  assertInViewport,
  focusedElement,
  open,
  startSuite,
  viewportBox,
  waitForAttribute,
  waitForCount,
  waitForEqual,
  waitForHash,
  waitForText,
  waitForTexts,
  waitForValue,
  waitForVisible,
  waitUntil,
  withPage,
} from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT };

/** All documents of the built-in bundle, in nav order. */
const DOCS = [
  ['terms-of-use', 'Terms of Use'],
  ['acceptable-use', 'Acceptable Use Policy'],
  ['copyright-trademark', 'Copyright and Trademark Policy'],
  ['refund-policy', 'Refund Policy'],
  ['honor-code', 'Honor Code'],
  ['privacy-policy', 'Privacy Policy'],
  ['integrity-code', 'Community Integrity Code'],
];

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

const title = (page) => page.locator('h1.tw-doc-title');
const meta = (page) => page.locator('p.tw-meta');
const docLink = (page, name) => page.locator('nav.tw-docs a.tw-doc-link', { hasText: name });
const currentDoc = (page) => page.locator('a.tw-doc-link[aria-current="page"]');

async function expectTitle(page, text) {
  await waitForText(title(page), new RegExp(`^${text}$`), 'document title');
}

/** The address first, then the view: a failure says which of the two did not move. */
async function expectAt(page, hash, text) {
  await waitForHash(page, hash);
  await expectTitle(page, text);
}

/**
 * In the page: holds the gap Yew may leave between a render and its effects. Once a
 * document title (`title`, or any when null) is in the view, `Date.now` jumps so the
 * scheduler's slice has overrun its 16 ms, and the continuation it leaves with
 * setTimeout(…, 0) (the render's effects) waits in `window.__twGap.held` until
 * `window.__twGap.release()`.
 */
function holdYewGap(title) {
  const realNow = Date.now;
  const realSetTimeout = window.setTimeout;
  const shown = () => {
    const h1 = document.querySelector('terms-widget')?.shadowRoot?.querySelector('h1.tw-doc-title');
    return h1 != null && (title === null || h1.textContent === title);
  };
  const held = [];
  window.__twGap = {
    held,
    release() {
      Date.now = realNow;
      window.setTimeout = realSetTimeout;
      for (const run of held.splice(0)) run();
    },
  };
  Date.now = () => realNow() + (shown() ? 1e6 : 0);
  window.setTimeout = (fn, ms, ...args) =>
    ms === 0 && typeof fn === 'function' && shown()
      ? (held.push(() => fn(...args)), 0)
      : realSetTimeout(fn, ms, ...args);
}

describe('loading', () => {
  test('loads without page errors, CSP violations or console errors', T, async () => {
    await withPage(suite, async (page, log) => {
      await open(page, suite, '/');
      // embed.js marks when the wasm has started; wait for it so late errors are caught.
      await page.waitForFunction(() => performance.getEntriesByName('terms-widget:ready').length > 0);
      await expectTitle(page, 'Terms of Use');
      // The widget really is inside an open shadow root, with its stylesheet adopted.
      const shadow = () =>
        page.evaluate(() => {
          const host = document.querySelector('terms-widget');
          return {
            open: !!host.shadowRoot,
            sheets: host.shadowRoot?.adoptedStyleSheets.length ?? 0,
            lightDomTitle: !!document.querySelector('h1.tw-doc-title'),
          };
        });
      await waitForEqual(shadow, { open: true, sheets: 1, lightDomTitle: false }, 'the widget\'s shadow root');
      // The whole built-in bundle is listed, first document open.
      await waitForTexts(page.locator('a.tw-doc-link'), DOCS.map((d) => d[1]), 'the documents list');
      await waitForText(currentDoc(page), 'Terms of Use', 'the current document link');
      await waitForHash(page, '#terms-of-use');
      await waitForText(page.locator('.tw-brand'), 'Kestrel LearningTerms and policies', 'the brand');
      await waitForCount(page.locator('details.tw-problems'), 0, 'the built-in bundle has no problems');
      await waitForText(meta(page), /^Version 3 · In effect since 1 September 2026\s*Current$/, 'meta');
      // Nothing to wait for: give anything scheduled after the first render time to fail.
      await page.waitForTimeout(250);
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.cspViolations, []);
    });
  });
});

describe('deep links and navigation', () => {
  test('a deep link to a section opens the document scrolled to that heading', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#refund-policy/guided-projects');
      await expectTitle(page, 'Refund Policy');
      const heading = page.locator('.tw-md h2#guided-projects');
      await waitForAttribute(heading, 'tabindex', '-1', 'the heading\'s tabindex');
      await assertInViewport(heading, 'the "Guided projects" heading');
      // The page really scrolled: the heading is far down in the document.
      await waitUntil(() => page.evaluate(() => scrollY), (y) => y > 200, 'the page should have scrolled down (scrollY)');
      await waitForText(currentDoc(page), 'Refund Policy', 'the current document link');
      await waitForHash(page, '#refund-policy/guided-projects');
    });
  });

  test('a table-of-contents link puts doc/slug in the address and scrolls to the heading', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      const toc = page.locator('details.tw-toc nav[aria-label="On this page"]');
      await waitForCount(toc.locator('a'), (n) => n > 10, 'the Terms have a table of contents (links)');
      const link = toc.locator('a', { hasText: 'Where disputes are heard' });
      await waitForAttribute(link, 'href', '#terms-of-use/where-disputes-are-heard', 'the contents link');
      await link.click();
      await waitForHash(page, '#terms-of-use/where-disputes-are-heard');
      await assertInViewport(page.locator('.tw-md #where-disputes-are-heard'), 'the "Where disputes are heard" heading');
      // And another one back up the page.
      await page.locator('details.tw-toc a', { hasText: 'Who may use Kestrel Learning' }).click();
      await waitForHash(page, '#terms-of-use/who-may-use-kestrel-learning');
      await assertInViewport(page.locator('.tw-md #who-may-use-kestrel-learning'), 'the "Who may use" heading');
      await expectTitle(page, 'Terms of Use');
    });
  });

  test('the documents list switches documents, moves aria-current and sets the hash', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      for (const [id, name] of [DOCS[5], DOCS[1], DOCS[6]]) {
        await docLink(page, name).click();
        await expectTitle(page, name);
        await waitForHash(page, `#${id}`);
        await waitForCount(currentDoc(page), 1, 'exactly one document is current');
        await waitForText(currentDoc(page), name, 'the current document link');
      }
    });
  });

  test('Back and Forward restore the previous documents', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      await docLink(page, 'Privacy Policy').click();
      await expectTitle(page, 'Privacy Policy');
      await docLink(page, 'Honor Code').click();
      await expectTitle(page, 'Honor Code');

      await page.goBack();
      await expectAt(page, '#privacy-policy', 'Privacy Policy');
      await page.goBack();
      await expectAt(page, '#terms-of-use', 'Terms of Use');
      await page.goForward();
      await expectAt(page, '#privacy-policy', 'Privacy Policy');
      await waitForText(currentDoc(page), 'Privacy Policy', 'the current document link');
      await page.goForward();
      await expectAt(page, '#honor-code', 'Honor Code');
    });
  });

  test('Back right after a click goes back, even when the view catches up after Back', T, async () => {
    // Yew renders, then may yield (setTimeout 0) before it runs the render's effects. On a
    // slow machine Back can land in that gap: the address moves, its hashchange is queued,
    // and the late effect of the click saw an address it had not followed. It used to
    // "correct" it back with replaceState, overwriting the entry Back went to (CI saw the
    // tab's history become #terms-of-use, #honor-code, #honor-code). This holds that gap
    // open on purpose, so the order is the same on every machine.
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      await docLink(page, 'Privacy Policy').click();
      await expectTitle(page, 'Privacy Policy');
      await page.evaluate(holdYewGap, 'Honor Code');
      await docLink(page, 'Honor Code').click();
      await expectAt(page, '#honor-code', 'Honor Code');
      // The premise: the click's effects are held (the tab's title has not followed yet).
      // If Yew stops yielding this way, this test needs another way to hold them.
      assert.equal(await page.evaluate(() => window.__twGap.held.length), 1, 'continuations held');
      assert.match(await page.title(), /^Privacy Policy\b/, "the tab's title while the effects are held");
      // Back; in popstate (the address has moved, its hashchange not yet fired) the held
      // effects run, as a late scheduler slice would.
      const gap = await page.evaluate(
        () =>
          new Promise((resolve) => {
            let hashchanged = false;
            addEventListener('hashchange', () => { hashchanged = true; }, { once: true });
            addEventListener(
              'popstate',
              () => {
                const early = hashchanged;
                window.__twGap.release();
                resolve({ early, hash: location.hash });
              },
              { once: true },
            );
            history.back();
          }),
      );
      assert.equal(gap.early, false, 'the premise: popstate comes before the hashchange');
      assert.equal(gap.hash, '#privacy-policy', 'the address Back went to, right after the late effects');
      await expectAt(page, '#privacy-policy', 'Privacy Policy');
      await page.goBack();
      await expectAt(page, '#terms-of-use', 'Terms of Use');
      await page.goForward();
      await page.goForward();
      await expectAt(page, '#honor-code', 'Honor Code');
    });
  });

  test('an address changed before the first render\'s effects ran is followed', T, async () => {
    // The built-in documents are read before the first render, so the view shows before
    // its effects run, and Yew may yield in between: a hashchange then has no listener yet.
    // This holds that gap open (as the test above does for a click) and changes the address
    // in it.
    await withPage(suite, async (page) => {
      await page.addInitScript(holdYewGap, null);
      await page.goto(suite.url + '/#terms-of-use');
      await expectTitle(page, 'Terms of Use');
      // The premise: the first render's effects are held (the tab's title is the page's own).
      assert.equal(await page.evaluate(() => window.__twGap.held.length), 1, 'continuations held');
      assert.doesNotMatch(await page.title(), /^Terms of Use\b/, "the tab's title while the effects are held");
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            addEventListener('hashchange', resolve, { once: true });
            location.hash = '#honor-code';
          }),
      );
      await page.evaluate(() => window.__twGap.release());
      await expectAt(page, '#honor-code', 'Honor Code');
      await page.goBack();
      await expectAt(page, '#terms-of-use', 'Terms of Use');
    });
  });

  test('the current version named over its own address gets the canonical address', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      await waitForText(meta(page), /^Version 3 · In effect since/, 'meta');
      // The same route as the one open: only the address changes, in place.
      const before = await page.evaluate(() => history.length);
      await page.evaluate(() => { location.hash = '#terms-of-use@3'; });
      await waitForHash(page, '#terms-of-use');
      assert.equal(await page.evaluate(() => history.length), before + 1, "the reader's one entry, replaced, not another");
      await waitForText(meta(page), /^Version 3 · In effect since/, 'meta');
    });
  });

  test('an address changed while a bundle URL loads is the one the widget opens', T, async () => {
    await withPage(suite, async (page) => {
      // Hold the bundle until the reader has moved on.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      let asked;
      const asking = new Promise((resolve) => (asked = resolve));
      await page.route('**/fixtures/larkspur.json', async (route) => {
        asked();
        await held;
        await route.continue();
      });
      await page.goto(`${suite.url}/fixtures/hash-src.html#community-rules`);
      await asking;
      await page.evaluate(() => { location.hash = '#glossary'; });
      const before = await page.evaluate(() => history.length);
      release();
      await expectAt(page, '#glossary', 'Glossary');
      assert.equal(await page.evaluate(() => history.length), before, 'no history entry added or lost');
      await page.goBack();
      await expectAt(page, '#community-rules', 'Community Rules');
    });
  });

  test('Back returns to a section and an old version too', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#refund-policy/guided-projects');
      await page.locator('section.tw-history').getByRole('link', { name: 'Version 1', exact: true }).click();
      await waitForHash(page, '#refund-policy@1');
      await waitForText(meta(page), /^Version 1\b/, 'meta');
      await page.goBack();
      await waitForHash(page, '#refund-policy/guided-projects');
      await waitForText(meta(page), /^Version 2\b/, 'meta');
      await assertInViewport(page.locator('.tw-md #guided-projects'), 'the "Guided projects" heading after Back');
    });
  });

  test('a cross-document link inside the Terms opens the Refund Policy at that section', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      const link = page.locator('.tw-md a[href="#refund-policy/guided-projects"]');
      await waitForCount(link, 1, 'links to #refund-policy/guided-projects');
      await waitForText(link, 'the section on guided projects', 'the link text');
      await link.click();
      await expectTitle(page, 'Refund Policy');
      await waitForHash(page, '#refund-policy/guided-projects');
      await assertInViewport(page.locator('.tw-md #guided-projects'), 'the "Guided projects" heading');

      // A plain document link opens that document at the top.
      await page.goBack();
      await expectTitle(page, 'Terms of Use');
      await page.locator('.tw-md a[href="#honor-code"]').first().click();
      await expectTitle(page, 'Honor Code');
      await waitForHash(page, '#honor-code');
      await assertInViewport(title(page), 'the document title');
    });
  });

  test('an old version shows the earlier-version note, and links back to the current one', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use@1');
      await expectTitle(page, 'Terms of Use');
      const older = page.locator('p.tw-older');
      await waitForText(
        older,
        /earlier version\. It was in effect from 1 February 2024 to 14 March 2025\. Read the current version$/,
        'the earlier-version note',
      );
      const metaText = await waitForText(meta(page), /^Version 1 · Effective 1 February 2024$/, 'meta');
      assert.doesNotMatch(metaText, /Current/);
      await waitForHash(page, '#terms-of-use@1');
      // Version 1 has no "AI-assisted features" section (added in version 2).
      await waitForCount(page.locator('.tw-md #ai-assisted-features'), 0, 'the "AI-assisted features" section in version 1');

      await older.locator('a', { hasText: 'Read the current version' }).click();
      await waitForText(meta(page), /^Version 3 · In effect since/, 'meta');
      await waitForHash(page, '#terms-of-use');
      await waitForCount(page.locator('p.tw-older'), 0, 'the earlier-version note on the current version');
      await waitForCount(page.locator('.tw-md #ai-assisted-features'), 1, 'the "AI-assisted features" section in version 3');
    });
  });

  test('the version history lists every version and its links open them', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      // The full versions (the archived revisions after them: history.test.mjs).
      const items = page.locator('section.tw-history li.tw-history-item:not(.tw-history-archived)');
      const expected = [
        /^Version 3 · 1 September 2026 Important change.*\bShown\s*New dispute process/,
        /^Version 2 · 15 March 2025 Important change.*Adds a section on AI-assisted features/,
        /^Version 1 · 1 February 2024 Important change\s*First published version\./,
      ];
      const texts = await waitUntil(
        async () => (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ')),
        (t) => t.length === 3 && t.every((text, i) => expected[i].test(text)) && !/Shown/.test(t[1]),
        'the version history items',
        { expected: `3 items matching ${expected.join(', ')}, only the first one "Shown"` },
      );
      assert.equal(texts.length, 3);
      texts.forEach((t, i) => assert.match(t, expected[i]));
      assert.doesNotMatch(texts[1], /Shown/, 'only the version shown is marked');

      await items.nth(1).getByRole('link', { name: 'Version 2', exact: true }).click();
      await waitForHash(page, '#terms-of-use@2');
      await waitForText(meta(page), /^Version 2 · Effective 15 March 2025$/, 'meta');
      await page.locator('p.tw-older').waitFor();
      await waitForText(page.locator('section.tw-history a[aria-current="true"]'), 'Version 2', 'the version shown in the history');
      // A deep link to a section of that version keeps the version.
      const toc = page.locator('details.tw-toc a', { hasText: 'AI-assisted features' });
      await waitForAttribute(toc, 'href', '#terms-of-use@2/ai-assisted-features', 'the contents link');

      await page.locator('section.tw-history').getByRole('link', { name: 'Version 3', exact: true }).click();
      await waitForHash(page, '#terms-of-use');
      await waitForText(meta(page), /^Version 3\b/, 'meta');
      await waitForCount(page.locator('p.tw-older'), 0, 'the earlier-version note on the current version');
    });
  });

  test('the current version label and unknown versions give canonical addresses', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use@3');
      await waitForHash(page, '#terms-of-use');
      await waitForCount(page.locator('p.tw-notice'), 0, 'notices for #terms-of-use@3');

      await page.evaluate(() => { location.hash = '#privacy-policy@9'; });
      await expectTitle(page, 'Privacy Policy');
      await waitForText(page.locator('p.tw-notice'), /Privacy Policy has no version "9"\. Showing the current version instead\./, 'notice');
      await waitForHash(page, '#privacy-policy');
      await waitForCount(page.locator('p.tw-older'), 0, 'the earlier-version note on the current version');
    });
  });

  test('an unknown document shows a notice and opens the first document', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#no-such-doc');
      await expectTitle(page, 'Terms of Use');
      const notice = page.locator('p.tw-notice');
      await waitForText(notice, /There is no document called "no-such-doc" here\. Pick one from the list\./, 'notice');
      await waitForAttribute(notice, 'role', 'status', 'the notice\'s role');
      await waitForHash(page, '#terms-of-use');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await waitForCount(page.locator('p.tw-notice'), 0, 'Dismiss hides the notice');
    });
  });

  test('an unknown section shows a notice and the top of the document', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#refund-policy/no-such-section');
      await expectTitle(page, 'Refund Policy');
      await waitForText(
        page.locator('p.tw-notice'),
        /Refund Policy has no section "no-such-section"\. Showing the top of the document instead\./,
        'notice',
      );
      await waitForHash(page, '#refund-policy');
      // Navigating again clears the notice.
      await docLink(page, 'Honor Code').click();
      await expectTitle(page, 'Honor Code');
      await waitForCount(page.locator('p.tw-notice'), 0, 'notices after navigating again');
    });
  });

  test('editing the address (hashchange) navigates', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      await page.evaluate(() => { location.hash = '#copyright-trademark@1'; });
      await expectTitle(page, 'Copyright and Trademark Policy');
      await waitForText(meta(page), /^Version 1\b/, 'meta');
      await page.locator('p.tw-older').waitFor();
    });
  });
});

describe('search', () => {
  const input = (page) => page.locator('input.tw-search-input');
  const status = (page) => page.locator('p.tw-search-status');
  const marks = (page) => page.locator('.tw-md mark.tw-mark');
  const currentMark = (page) => page.locator('.tw-md mark.tw-mark-current');

  test('counts matches, steps with Enter / Shift+Enter and clears with Escape', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      await waitForAttribute(input(page), 'aria-label', 'Search the documents', 'the search box\'s label');
      await input(page).fill('refund');
      const text = await waitForText(status(page), /^1 of \d+ matches/, 'search status');
      const total = Number(text.match(/^1 of (\d+)/)[1]);
      assert.ok(total >= 5, `"refund" occurs several times in the Terms (got ${total})`);
      await waitForCount(marks(page), total, 'one <mark> per match');
      for (const t of await marks(page).allTextContents()) assert.match(t, /^refund$/i);
      await waitForCount(currentMark(page), 1, 'current matches');
      await waitForAttribute(currentMark(page), 'data-match', '0', 'the current match');

      await input(page).press('Enter');
      await waitForText(status(page), new RegExp(`^2 of ${total} matches`), 'status after Enter');
      await waitForAttribute(currentMark(page), 'data-match', '1', 'the current match after Enter');
      await assertInViewport(currentMark(page), 'the current match');
      await input(page).press('Enter');
      await waitForText(status(page), new RegExp(`^3 of ${total} matches`), 'status after Enter');

      await input(page).press('Shift+Enter');
      await input(page).press('Shift+Enter');
      await waitForText(status(page), new RegExp(`^1 of ${total} matches`), 'status after Shift+Enter');
      await waitForAttribute(currentMark(page), 'data-match', '0', 'the current match after Shift+Enter');
      // Wraps around backwards.
      await input(page).press('Shift+Enter');
      await waitForText(status(page), new RegExp(`^${total} of ${total} matches`), 'status after wrapping');
      await waitForAttribute(currentMark(page), 'data-match', String(total - 1), 'the current match after wrapping');

      // The buttons do the same.
      await page.getByRole('button', { name: 'Next match' }).click();
      await waitForText(status(page), new RegExp(`^1 of ${total} matches`), 'status after Next button');
      await page.getByRole('button', { name: 'Previous match' }).click();
      await waitForText(status(page), new RegExp(`^${total} of ${total} matches`), 'status after Previous button');

      await input(page).press('Escape');
      await waitForCount(marks(page), 0, 'Escape removes the highlights');
      await waitForValue(input(page), '', 'the search box after Escape');
      await waitForText(status(page), /^\s*$/, 'search status after Escape');
      await waitForCount(page.getByRole('button', { name: 'Clear search' }), 0, 'Clear search buttons after Escape');
    });
  });

  test('no matches says so; the Clear button clears', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#honor-code');
      await input(page).fill('zzqxv');
      await waitForText(status(page), /^No matches in this document$/, 'search status');
      await waitForCount(marks(page), 0, 'highlights');
      const next = page.getByRole('button', { name: 'Next match' });
      await waitUntil(() => next.isDisabled(), (d) => d === true, 'the Next match button is disabled');
      await page.getByRole('button', { name: 'Clear search' }).click();
      await waitForValue(input(page), '', 'the search box after Clear');
    });
  });

  test('"Also in" links open another document and keep the query', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      await input(page).fill('refund');
      const text = await waitForText(status(page), /· Also in: .*Refund Policy \(\d+\)/, 'search status');
      assert.doesNotMatch(text, /Also in:.*Terms of Use/, 'the open document is not listed again');
      const link = status(page).locator('.tw-elsewhere a', { hasText: /^Refund Policy \(\d+\)$/ });
      const expected = Number((await link.textContent()).match(/\((\d+)\)/)[1]);
      await waitForAttribute(link, 'href', '#refund-policy', 'the "Also in" link');
      await link.click();
      await expectTitle(page, 'Refund Policy');
      await waitForHash(page, '#refund-policy');
      await waitForValue(input(page), 'refund', 'the query is kept');
      // The count promised by the link is what the document shows.
      await waitForText(status(page), new RegExp(`^1 of ${expected} matches`), 'search status in the Refund Policy');
      await waitForCount(marks(page), expected, 'highlights in the Refund Policy');
      // And now the Terms are listed among the others.
      await waitForText(status(page), /Also in: .*Terms of Use \(\d+\)/, 'search status');
    });
  });
});

describe('presentation', () => {
  test('print hides the bar, the documents list and the table of contents', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      for (const sel of ['.tw-bar', '.tw-docs', '.tw-toc', '.tw-md']) {
        await waitForVisible(page.locator(sel), true, `${sel} is visible on screen`);
      }
      await page.emulateMedia({ media: 'print' });
      for (const sel of ['.tw-bar', '.tw-docs', '.tw-toc', '.tw-search']) {
        await waitForVisible(page.locator(sel), false, `${sel} is hidden in print`);
      }
      await waitForVisible(page.locator('.tw-md'), true, 'the document is printed');
      await waitForVisible(title(page), true, 'the title is printed');
      await waitForVisible(page.locator('section.tw-history'), true, 'the version history is printed');
      // The document takes the full width in print.
      await waitUntil(
        () => page.locator('.tw-main').evaluate((m) => m.getBoundingClientRect().left),
        (left) => left < 40,
        'the document starts at the left edge in print (.tw-main left)',
      );
      await page.emulateMedia({ media: 'screen' });
      await waitForVisible(page.locator('.tw-bar'), true, '.tw-bar is visible on screen again');
    });
  });

  test('a 320px wide screen has no horizontal scrolling and the documents list still works', T, async () => {
    await withPage(suite, { viewport: { width: 320, height: 640 } }, async (page) => {
      await open(page, suite, '/#terms-of-use');
      const overflow = () =>
        page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          bodyScrollWidth: document.body.scrollWidth,
        }));
      for (const [id, name] of DOCS) {
        // The last links are off to the right of the scrolling strip: Playwright scrolls
        // them into view as a reader would.
        const link = docLink(page, name);
        await link.click();
        await expectTitle(page, name);
        await waitForHash(page, `#${id}`);
        // The document is rendered (title and address): its width is final.
        const o = await overflow();
        assert.ok(o.scrollWidth <= 320, `${name}: the page is ${o.scrollWidth}px wide at 320px`);
        assert.ok(o.bodyScrollWidth <= 320, `${name}: the body is ${o.bodyScrollWidth}px wide at 320px`);
        await waitUntil(
          () => viewportBox(link),
          (box) => box.right <= 321 && box.left >= -1,
          `${name}: its link is reachable inside the strip`,
        );
      }
      // The search box fits too.
      const search = await viewportBox(page.locator('input.tw-search-input'));
      assert.ok(search.right <= 320 && search.left >= 0, 'the search box fits the screen');
    });
  });

  test('keyboard: Tab reaches the search box and the document links, with a visible focus', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      await page.evaluate(() => { document.activeElement?.blur?.(); scrollTo(0, 0); });
      const seen = [];
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        const f = await focusedElement(page);
        if (!f) continue;
        seen.push(f);
        if (f.className.includes('tw-doc-link') && f.text === 'Privacy Policy') break;
      }
      const search = seen.find((f) => f.className.includes('tw-search-input'));
      assert.ok(search, `Tab reaches the search box (focused: ${seen.map((f) => f.tag + '.' + f.className).join(', ')})`);
      assert.ok(search.inShadow && search.focusVisible);
      assert.ok(search.outlineStyle !== 'none' && search.outlineWidth >= 2, `search box focus ring: ${search.outlineStyle} ${search.outlineWidth}px`);
      const links = seen.filter((f) => f.className.includes('tw-doc-link'));
      assert.deepEqual(links.map((f) => f.text), DOCS.slice(0, 6).map((d) => d[1]), 'document links in order');
      assert.ok(seen.indexOf(search) < seen.indexOf(links[0]), 'the search box comes before the documents');
      for (const l of links) {
        assert.ok(l.focusVisible, `${l.text} matches :focus-visible`);
        assert.ok(l.outlineStyle !== 'none' && l.outlineWidth >= 2, `${l.text} has a focus ring (${l.outlineStyle} ${l.outlineWidth}px)`);
      }
      // Enter on the focused link opens it.
      await page.keyboard.press('Enter');
      await expectTitle(page, 'Privacy Policy');
      await waitForHash(page, '#privacy-policy');
      // Focus moves to the new document's title.
      await waitUntil(
        () => focusedElement(page),
        (f) => f?.tag === 'h1' && f.text === 'Privacy Policy',
        'the focus after Enter',
        { expected: 'the h1 "Privacy Policy"' },
      );
    });
  });

  test('dark mode changes the widget colours', T, async () => {
    await withPage(suite, async (page) => {
      await open(page, suite, '/#terms-of-use');
      const colours = () =>
        page.locator('.tw').evaluate((el) => {
          const cs = getComputedStyle(el);
          return { bg: cs.backgroundColor, fg: cs.color, page: getComputedStyle(document.body).backgroundColor };
        });
      const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/\d+/g).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      const light = await waitUntil(colours, (c) => luminance(c.bg) > 0.9 && luminance(c.fg) < 0.3, 'light colours', {
        expected: 'a light background and dark text',
      });
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await waitUntil(
        colours,
        (c) => luminance(c.bg) < 0.15 && luminance(c.fg) > 0.8 && luminance(c.page) < 0.15,
        'dark colours (widget and the page around it)',
        { expected: 'a dark background, light text and a dark page' },
      );
      assert.notEqual(dark.bg, light.bg, 'the background changes');
    });
  });
});
