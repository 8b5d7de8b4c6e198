// Accessibility in every view and state (axe-core finds 0 violations, at 1280 px and
// 320 px, light and dark), the preferences dialog's focus by keyboard, and pages that
// must not reach inside the widget: hostile host styles and a right-to-left page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertNoAxeViolations } from './axe.mjs';
import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  focusedElement,
  startSuite,
  waitForCount,
  waitForText,
  waitUntil,
  withPage,
} from './helpers.mjs';

const T = { timeout: TEST_TIMEOUT * 3 };

let suite;
before(async () => {
  suite = await startSuite();
});
after(() => suite?.close());

/** The four ways a learner may see a view. */
const LOOKS = [
  { name: '1280 px, light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: '1280 px, dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: '320 px, light', viewport: { width: 320, height: 640 }, colorScheme: 'light' },
  { name: '320 px, dark', viewport: { width: 320, height: 640 }, colorScheme: 'dark' },
];

const title = (page) => page.locator('h1.tw-doc-title').first();
const banner = (page) => page.locator('terms-consent .tw-consent-banner');
const dialog = (page) => page.locator('terms-consent dialog.tw-consent-dialog');

/** Waits until the element with keyboard focus (through shadow roots) satisfies `ok`. */
async function waitForFocus(page, ok, what) {
  let last = null;
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    last = await focusedElement(page);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`focus should be on ${what}, but it is on ${JSON.stringify(last)}`);
}

async function openConsentPage(page) {
  await page.goto(`${suite.url}/consent.html`);
  await banner(page).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
}

/**
 * Each view and state a learner can reach, as a function that brings the page there
 * and waits for that state.
 */
const STATES = [
  ['documents view', async (page) => {
    await page.goto(`${suite.url}/#terms-of-use`);
    await waitForText(title(page), /^Terms of Use$/, 'title');
  }],
  ['changes view', async (page) => {
    await page.goto(`${suite.url}/#terms-of-use/~changes`);
    await page.locator('.tw-changes h2').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
  }],
  ['search with matches', async (page) => {
    await page.goto(`${suite.url}/#refund-policy`);
    await waitForText(title(page), /^Refund Policy$/, 'title');
    await page.locator('input.tw-search-input').fill('refund');
    await waitForText(page.locator('.tw-search-status'), /of \d+ match/, 'the search status');
  }],
  ['refund calculator, empty', async (page) => {
    await page.goto(`${suite.url}/#refund-calculator`);
    await page.locator('.tw-refund-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
  }],
  ['refund calculator, with a verdict', async (page) => {
    await page.goto(`${suite.url}/#refund-calculator`);
    await page.locator('.tw-refund-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    await page.getByLabel('What did you buy?').selectOption({ label: 'Course' });
    await page.getByLabel(/When did you pay\?/).fill('2024-03-01T12:00');
    await page.locator('.tw-refund-verdict').waitFor();
  }],
  ['refund calculator, with a field error', async (page) => {
    await page.goto(`${suite.url}/#refund-calculator`);
    await page.locator('.tw-refund-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    await page.getByLabel(/When did you pay\?/).fill('2999-01-01T12:00');
    await page.locator('[aria-invalid="true"]').first().waitFor();
  }],
  ['verdict cards (course page)', async (page) => {
    await page.goto(`${suite.url}/fixtures/verdict.html`);
    await page.locator('#fixed .tw-refund-card').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    await page.locator('#broken .tw-refund-card-error').waitFor();
  }],
  ['partner page (two widgets)', async (page) => {
    await page.goto(`${suite.url}/partner.html`);
    await page.locator('h1.tw-doc-title').nth(1).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
  }],
  ['consent banner', async (page) => {
    await openConsentPage(page);
  }],
  ['preferences dialog', async (page) => {
    await openConsentPage(page);
    await banner(page).getByRole('button', { name: 'Choose…' }).click();
    await dialog(page).waitFor();
  }],
  ['privacy policy opened from the banner', async (page) => {
    await openConsentPage(page);
    await banner(page).getByRole('button', { name: 'Read our Privacy Policy' }).click();
    await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title');
  }],
];

describe('axe-core finds no violations', () => {
  for (const [state, reach] of STATES) {
    test(state, T, async () => {
      for (const look of LOOKS) {
        await withPage(suite, { viewport: look.viewport, colorScheme: look.colorScheme }, async (page) => {
          await reach(page);
          await assertNoAxeViolations(page, `${state} (${look.name})`);
        });
      }
    });
  }
});

describe('the preferences dialog and focus', () => {
  test('opened from the banner by keyboard and closed with Escape, focus returns to "Choose…"', T, async () => {
    await withPage(suite, async (page) => {
      await openConsentPage(page);
      const choose = banner(page).getByRole('button', { name: 'Choose…' });
      await choose.focus();
      await page.keyboard.press('Enter');
      await dialog(page).waitFor();
      await waitForFocus(page, (f) => f?.inShadow && /tw-consent-title/.test(f.className), 'the dialog title');
      // Tab and Shift+Tab never leave the dialog.
      for (const key of [...Array(25).fill('Tab'), ...Array(25).fill('Shift+Tab')]) {
        await page.keyboard.press(key);
        const inside = await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return !!el?.closest?.('dialog.tw-consent-dialog');
        });
        assert.ok(inside, `after ${key}, focus is still in the dialog (on ${JSON.stringify(await focusedElement(page))})`);
      }
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      await waitForFocus(page, (f) => f?.text === 'Choose…', 'the banner\'s "Choose…" button');
    });
  });

  test('closed with its Close button, focus returns to "Choose…"', T, async () => {
    await withPage(suite, async (page) => {
      await openConsentPage(page);
      await banner(page).getByRole('button', { name: 'Choose…' }).click();
      await dialog(page).waitFor();
      await dialog(page).getByRole('button', { name: 'Close', exact: true }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await waitForFocus(page, (f) => f?.text === 'Choose…', 'the banner\'s "Choose…" button');
    });
  });

  test('opened from the host\'s "Privacy choices" button, focus returns to it', T, async () => {
    await withPage(suite, async (page) => {
      await openConsentPage(page);
      await banner(page).getByRole('button', { name: 'Reject all' }).click();
      await banner(page).waitFor({ state: 'detached' });
      const opener = page.locator('terms-privacy-choices button');
      await opener.focus();
      await page.keyboard.press('Enter');
      await dialog(page).waitFor();
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      await waitForFocus(page, (f) => f?.className?.includes('tw-consent-open'), 'the host\'s "Privacy choices" button');
    });
  });

  test('Tab and Shift+Tab stay inside the privacy policy panel opened from the banner', T, async () => {
    await withPage(suite, async (page) => {
      await openConsentPage(page);
      await banner(page).getByRole('button', { name: 'Read our Privacy Policy' }).click();
      const back = page.locator('terms-consent .tw-consent-back');
      await back.waitFor();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), /^Privacy Policy$/, 'the policy title');
      await back.focus();
      for (const key of [...Array(30).fill('Tab'), ...Array(30).fill('Shift+Tab')]) {
        await page.keyboard.press(key);
        const inside = await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          // The policy is a nested <terms-widget>: look for the panel across shadow roots.
          while (el && !el.closest('.tw-consent-policy')) el = el.getRootNode()?.host ?? null;
          return !!el;
        });
        assert.ok(inside, `after ${key}, focus is still in the policy panel (on ${JSON.stringify(await focusedElement(page))})`);
      }
    });
  });

  test('the privacy policy opened from the banner gives focus back to its link', T, async () => {
    await withPage(suite, async (page) => {
      await openConsentPage(page);
      await banner(page).getByRole('button', { name: 'Read our Privacy Policy' }).click();
      const back = page.locator('terms-consent .tw-consent-back');
      await back.waitFor();
      await back.click();
      await banner(page).waitFor();
      await waitForFocus(page, (f) => f?.text === 'Read our Privacy Policy', 'the banner\'s policy link');
    });
  });
});

describe('focus is never hidden under the sticky bar', () => {
  test('tabbing backwards through the table of contents keeps each link below the bar', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/#terms-of-use`);
      await waitForText(title(page), /^Terms of Use$/, 'title');
      // Start from the end of the document and go back up with Shift+Tab.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const toc = page.locator('.tw-toc nav a');
      const count = await waitForCount(toc, (n) => n > 5, 'the contents list its sections');
      await toc.last().focus();
      let judged = 0;
      for (let i = 0; i < count + 3; i++) {
        await page.keyboard.press('Shift+Tab');
        const seen = await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          const bar = document.querySelector('terms-widget').shadowRoot.querySelector('.tw-bar');
          const r = el.getBoundingClientRect();
          const b = bar.getBoundingClientRect();
          const sticky = getComputedStyle(bar).position === 'sticky';
          return { text: el.textContent.trim().slice(0, 40), top: r.top, bottom: r.bottom, barBottom: b.bottom, sticky, inBar: bar.contains(el) };
        });
        if (seen.inBar || !seen.sticky) continue;
        // Scrolling may be smooth: wait for it to settle before judging.
        const settled = await waitUntil(
          () => page.evaluate(() => {
            let el = document.activeElement;
            while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
            const bar = document.querySelector('terms-widget').shadowRoot.querySelector('.tw-bar');
            return { top: el.getBoundingClientRect().top, barBottom: bar.getBoundingClientRect().bottom };
          }),
          (s) => s.top >= s.barBottom - 0.5,
          `the focused "${seen.text}" below the sticky bar`,
          { expected: 'its top at or below the bar', timeout: 5_000 },
        );
        assert.ok(settled.top >= settled.barBottom - 0.5);
        judged += 1;
      }
      assert.ok(judged >= count - 1, `the bar was sticky while tabbing through ${judged} of ${count} links`);
    });
  });
});

/** What a page's widgets look like, for comparing two host pages. */
function looks(page) {
  return page.evaluate(() => {
    const inside = (host, selector) => host.shadowRoot.querySelector(selector);
    const style = (el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        fontSize: cs.fontSize, fontFamily: cs.fontFamily, fontStyle: cs.fontStyle, fontWeight: cs.fontWeight,
        lineHeight: cs.lineHeight, color: cs.color, letterSpacing: cs.letterSpacing, wordSpacing: cs.wordSpacing,
        textTransform: cs.textTransform, textAlign: cs.textAlign, textIndent: cs.textIndent,
        whiteSpace: cs.whiteSpace, cursor: cs.cursor, width: Math.round(r.width), height: Math.round(r.height),
      };
    };
    const docs = document.querySelector('#docs');
    const verdict = document.querySelector('#verdict');
    const consent = document.querySelector('terms-consent');
    return {
      title: style(inside(docs, 'h1.tw-doc-title')),
      paragraph: style(inside(docs, '.tw-md p')),
      headline: style(inside(verdict, '.tw-refund-headline')),
      accept: style(inside(consent, '.tw-consent-banner button.tw-consent-primary')),
      bannerText: style(inside(consent, '.tw-consent-banner p')),
    };
  });
}

async function openHost(page, path) {
  await page.goto(`${suite.url}${path}`);
  await page.locator('#docs h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
  await page.locator('#verdict .tw-refund-headline').waitFor();
  await banner(page).locator('button.tw-consent-primary').first().waitFor();
}

describe('the host page does not reach inside', () => {
  test('hostile root font size and body text styles change nothing in the widget', T, async () => {
    let plain;
    await withPage(suite, async (page) => {
      await openHost(page, '/fixtures/plain-host.html');
      plain = await looks(page);
    });
    assert.equal(plain.paragraph.fontSize, '16px');
    assert.ok(plain.accept.height >= 44, `the banner's buttons are comfortable targets: ${plain.accept.height}px`);
    await withPage(suite, async (page) => {
      await openHost(page, '/fixtures/hostile-host.html');
      const hostile = await looks(page);
      assert.deepEqual(hostile, plain, 'the widget looks the same on a hostile host page');
      await assertNoAxeViolations(page, 'a host page with hostile styles');
    });
  });

  test('an Arabic page: the widget speaks Arabic and mirrors; an English section keeps English, left to right', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/rtl.html`);
      for (const id of ['#verdict', '#english']) {
        await page.locator(`${id} .tw-refund-headline`).waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      }
      await page.locator('#docs h1.tw-doc-title').waitFor();
      await page.locator('terms-consent .tw-consent-banner').waitFor();
      const seen = await page.evaluate(() =>
        ['#verdict', '#docs', '#english', 'terms-consent'].map((id) => {
          const root = document.querySelector(id).shadowRoot.querySelector('.tw-host');
          const verdict = root.querySelector('.tw-refund-verdict');
          return {
            id,
            lang: root.getAttribute('lang'),
            dir: root.getAttribute('dir'),
            direction: getComputedStyle(root).direction,
            text: root.innerText.slice(0, 400),
            // The accent bar is at the start of the line for the widget's direction.
            bar: verdict
              ? { left: parseFloat(getComputedStyle(verdict).borderLeftWidth), right: parseFloat(getComputedStyle(verdict).borderRightWidth) }
              : null,
          };
        }),
      );
      const [verdict, docs, english, consent] = seen;
      for (const s of [verdict, docs, consent]) {
        assert.deepEqual([s.lang, s.dir, s.direction], ['ar', 'rtl', 'rtl'], JSON.stringify(s));
        assert.match(s.text, /[\u0600-\u06FF]/, `${s.id} speaks Arabic`);
      }
      assert.deepEqual([english.lang, english.dir, english.direction], ['en', 'ltr', 'ltr'], JSON.stringify(english));
      assert.match(english.text, /Full refund available until/);
      assert.ok(verdict.bar.right > verdict.bar.left, `accent bar at the start (right): ${JSON.stringify(verdict.bar)}`);
      assert.ok(english.bar.left > english.bar.right, `accent bar at the start (left): ${JSON.stringify(english.bar)}`);
      assert.match(consent.text, /قبول الكل/, 'the banner in Arabic');
      // The documents view mirrors: the list of documents is on the right of the document.
      const layout = await page.locator('#docs').evaluate((host) => {
        const root = host.shadowRoot;
        const box = (sel) => root.querySelector(sel).getBoundingClientRect().toJSON();
        return { nav: box('.tw-docs'), doc: box('article.tw-doc') };
      });
      assert.ok(layout.nav.left > layout.doc.left, `the documents' list on the right: ${JSON.stringify(layout)}`);
      // The verdict's headline starts at the right edge of its card.
      const headline = await page.locator('#verdict').evaluate((host) => {
        const root = host.shadowRoot;
        const h = root.querySelector('.tw-refund-headline');
        const range = document.createRange();
        range.selectNodeContents(h);
        const text = range.getBoundingClientRect();
        const card = h.getBoundingClientRect();
        return { rightGap: card.right - text.right, leftGap: text.left - card.left };
      });
      assert.ok(headline.rightGap < headline.leftGap, `the headline starts at the right: ${JSON.stringify(headline)}`);
      await assertNoAxeViolations(page, 'an Arabic page, with an English section');
    });
  });

  test('at 320 px with the host\'s overflow: hidden, the search row fits inside the widget', T, async () => {
    await withPage(suite, { viewport: { width: 320, height: 640 } }, async (page) => {
      await page.goto(`${suite.url}/fixtures/hostile-host.html`);
      await page.locator('#docs h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const boxes = await page.evaluate(() => {
        const host = document.querySelector('#docs');
        const box = (el) => el.getBoundingClientRect().toJSON();
        return {
          host: box(host),
          buttons: [...host.shadowRoot.querySelectorAll('.tw-search-row button, .tw-search-row input')].map(box),
        };
      });
      assert.ok(boxes.buttons.length >= 2, 'the search row has its controls');
      for (const b of boxes.buttons) {
        assert.ok(b.right <= boxes.host.right + 0.5 && b.left >= boxes.host.left - 0.5,
          `a search control (${JSON.stringify(b)}) is inside the widget (${JSON.stringify(boxes.host)})`);
      }
    });
  });
});

describe('theming through the documented doors', () => {
  test('::part and custom properties reach the parts they name, and nothing else', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/themed-host.html`);
      await page.locator('#docs h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await page.locator('terms-consent .tw-consent-banner button.tw-consent-primary').first().waitFor();
      const seen = await page.evaluate(() => {
        const docs = document.querySelector('#docs').shadowRoot;
        const consent = document.querySelector('terms-consent').shadowRoot;
        const cs = (el) => getComputedStyle(el);
        return {
          bar: cs(docs.querySelector('.tw-bar')).backgroundColor,
          title: cs(docs.querySelector('h1.tw-doc-title')).color,
          link: cs(docs.querySelector('.tw-md a, .tw-toc a')).color,
          primary: [...consent.querySelectorAll('button.tw-consent-primary')].map((b) => cs(b).borderRadius),
        };
      });
      assert.equal(seen.bar, 'rgb(1, 2, 3)', '::part(bar)');
      assert.equal(seen.title, 'rgb(4, 5, 6)', '::part(title)');
      assert.equal(seen.link, 'rgb(7, 8, 9)', '--tw-accent');
      assert.deepEqual(seen.primary, ['0px', '0px'], '::part(primary) styles both, alike');
    });
  });
});

describe('the Privacy choices button', () => {
  test('its element is as wide as its button, which stays on one line', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/consent.html`);
      const button = page.locator('terms-privacy-choices button');
      await button.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const seen = await page.evaluate(() => {
        const host = document.querySelector('terms-privacy-choices');
        const b = host.shadowRoot.querySelector('button');
        const line = parseFloat(getComputedStyle(b).lineHeight) || 24;
        return { host: host.getBoundingClientRect().width, button: b.getBoundingClientRect().width, height: b.getBoundingClientRect().height, line };
      });
      assert.ok(seen.host >= seen.button - 0.5, `the host (${seen.host}px) holds its button (${seen.button}px)`);
      assert.ok(seen.height < seen.line * 2, `one line: ${JSON.stringify(seen)}`);
    });
  });
});
