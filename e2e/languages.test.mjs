// The interface in the learner's language: Spanish end to end (the documents view and
// the refund calculator in the SPA for a Spanish browser, the consent banner on a Spanish
// page, the sign-up in a Spanish form), the order of the candidates (element, page,
// browser), records carrying the language shown, dates in the locale, and axe in each.
// The Arabic, right-to-left page is in a11y.test.mjs.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertNoAxeViolations } from './axe.mjs';
import {
  FIRST_LOAD_TIMEOUT,
  TEST_TIMEOUT,
  startSuite,
  waitForCount,
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

/** The language and direction the element's container says it speaks. */
const spoken = (locator) =>
  locator.evaluate((el) => {
    const host = el.shadowRoot.querySelector('.tw-host');
    return { lang: host.getAttribute('lang'), dir: host.getAttribute('dir') };
  });

/** A local datetime-local value `daysAgo` days before now, in the page's time zone. */
const localInput = (page, daysAgo) =>
  page.evaluate((days) => {
    const d = new Date(Date.now() - days * 86400e3);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, daysAgo);

describe('Spanish', () => {
  test('a Spanish browser gets the SPA in Spanish: documents, dates, search, and <html lang>', T, async () => {
    await withPage(suite, { locale: 'es-ES' }, async (page) => {
      await page.goto(`${suite.url}/#terms-of-use`);
      const widget = page.locator('terms-widget');
      await page.locator('h1.tw-doc-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(await spoken(widget), { lang: 'es', dir: 'ltr' });
      await waitUntil(() => page.evaluate(() => document.documentElement.lang), (l) => l === 'es', '<html lang> follows the widget');
      await page.getByRole('searchbox', { name: 'Buscar en los documentos' }).waitFor();
      // Dates in the locale, through Intl ("de" between day, month and year).
      await waitForText(page.locator('.tw-meta'), /\d{1,2} de [a-zñ]+ de \d{4}/, 'the effective date in Spanish');
      await page.getByRole('searchbox', { name: 'Buscar en los documentos' }).fill('refund');
      await waitForText(page.locator('.tw-search-status'), /\d/, 'a count of matches');
      await assertNoAxeViolations(page, 'the documents view in Spanish');
      // The Terms of Use have no Spanish text: shown in English, and the widget says so.
      const note = page.locator('.tw-lang-note');
      await waitForText(note, /no está disponible en español/, 'the fallback note');
      assert.equal(await page.locator('.tw-md').getAttribute('lang'), 'en');
      // The Honor Code has one: its title, body and history in Spanish, no note.
      await page.goto(`${suite.url}/#honor-code`);
      await waitForText(page.locator('h1.tw-doc-title'), 'Código de honor', 'the Spanish title');
      assert.equal(await page.locator('.tw-md').getAttribute('lang'), 'es');
      assert.equal(await note.count(), 0, 'no fallback note');
      await waitForText(page.locator('.tw-md'), /compromiso/i, 'the Spanish text');
      await assertNoAxeViolations(page, 'a Spanish document');
      // The privacy policy is in Spanish from version 3 only: its whole history is there,
      // the earlier versions in English with the note, and what changed in version 3
      // compares the English texts.
      await page.goto(`${suite.url}/#privacy-policy`);
      await waitForText(page.locator('h1.tw-doc-title'), 'Política de privacidad', 'the Spanish policy');
      assert.equal(await note.count(), 0);
      await waitForCount(page.locator('section.tw-history li.tw-history-item:not(.tw-history-archived)'), 3, 'versions 1 to 3');
      await page.goto(`${suite.url}/#privacy-policy@2`);
      await waitForText(page.locator('.tw-version'), /2/, 'version 2');
      assert.equal(await page.locator('.tw-md').getAttribute('lang'), 'en');
      await waitForText(note, /no está disponible en español/, 'the note on an English version');
      await page.goto(`${suite.url}/#privacy-policy@3/~changes`);
      await page.locator('.tw-changes').waitFor();
      await waitForText(note, /no está disponible en español/, 'the note on changes compared in English');
    });
  });

  test('the refund calculator in Spanish: questions, answer and deadline', T, async () => {
    await withPage(suite, { locale: 'es-MX' }, async (page) => {
      await page.goto(`${suite.url}/#refund-calculator`);
      await page.locator('.tw-refund-title').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(page.locator('.tw-refund-title'), 'Calculadora de reembolsos', 'the title');
      await page.getByLabel('¿Qué compraste?').selectOption({ label: 'Curso' });
      await page.getByLabel(/¿Cuándo pagaste\?/).fill(await localInput(page, 3));
      const headline = page.locator('.tw-refund-result .tw-refund-headline');
      await waitForText(headline, /^Reembolso completo disponible hasta el .+, en tu hora local$/, 'the headline');
      const result = await page.locator('.tw-refund-result').innerText();
      assert.match(result, /Versión 2 de la política, vigente desde el 1 de septiembre de 2025/);
      assert.doesNotMatch(result, /\b(refund|until|your time|days? left)\b/i, `no English in the answer: ${result}`);
      await assertNoAxeViolations(page, 'the refund calculator in Spanish');
    });
  });

  test('a Spanish page asks for consent in Spanish, and the record says "es"', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/lang-es-consent.html`);
      const consent = page.locator('terms-consent');
      const banner = page.locator('terms-consent .tw-consent-banner');
      await banner.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(await spoken(consent), { lang: 'es', dir: 'ltr' });
      await page.locator('terms-privacy-choices').getByRole('button', { name: 'Preferencias de privacidad' }).waitFor();
      await assertNoAxeViolations(page, 'the consent banner in Spanish');
      await banner.getByRole('button', { name: 'Rechazar todo' }).waitFor();
      // The policy the choice is bound to, in Spanish (the full build, loaded on demand).
      await banner.getByRole('button', { name: /Política de privacidad/ }).click();
      await waitForText(page.locator('terms-consent h1.tw-doc-title'), 'Política de privacidad', 'the Spanish policy');
      await page.locator('terms-consent .tw-consent-back').click();
      await banner.getByRole('button', { name: 'Aceptar todo' }).click();
      const stored = await waitUntil(
        () => page.evaluate(() => localStorage.getItem('kl_consent.v2')),
        (v) => v !== null,
        'the stored record',
      );
      const records = JSON.parse(stored).records;
      assert.equal(records.at(-1).language, 'es', JSON.stringify(records.at(-1)));
      // Bound to the policy version shown (its Spanish text's hash: see the native tests of
      // PolicyVersion::from_bundle).
      const { policy } = records.at(-1);
      assert.equal(policy.document, 'privacy-policy');
      assert.equal(policy.version, '3');
      assert.match(policy.sha256, /^[0-9a-f]{64}$/);
    });
  });

  test('a Spanish sign-up form: every step in Spanish, records in "es"; an English section on the page stays English', T, async () => {
    await withPage(suite, async (page) => {
      await page.goto(`${suite.url}/fixtures/lang-es-signup.html`);
      const signup = page.locator('terms-signup');
      const birth = page.locator('terms-signup #tw-birth');
      await birth.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(await spoken(signup), { lang: 'es', dir: 'ltr' });
      assert.deepEqual(await spoken(page.locator('#english')), { lang: 'en', dir: 'ltr' });
      await page.locator('#english h1.tw-doc-title').waitFor();
      await waitForText(page.locator('#english h1.tw-doc-title'), 'Honor Code', 'the English widget\'s title');
      await assertNoAxeViolations(page, 'sign-up in Spanish: the age screen');
      const d = new Date();
      d.setUTCFullYear(d.getUTCFullYear() - 30);
      await birth.fill(d.toISOString().slice(0, 10));
      await signup.getByRole('button', { name: 'Continuar' }).click();
      await waitForText(page.locator('terms-signup #tw-step-title'), /Lee y acepta/, 'the documents step');
      await assertNoAxeViolations(page, 'sign-up in Spanish: the documents');
      const boxes = page.locator('terms-signup input[type="checkbox"]');
      for (let i = 0, n = await boxes.count(); i < n; i++) await boxes.nth(i).check();
      await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
      await page.waitForURL(/agreements=/);
      const agreements = JSON.parse(new URL(page.url()).searchParams.get('agreements'));
      assert.ok(agreements.length >= 3, JSON.stringify(agreements));
      for (const r of agreements) assert.equal(r.language, 'es', JSON.stringify(r));
    });
  });

  test('the element\'s own lang comes first, then the page\'s, then the browser\'s', T, async () => {
    // A Spanish browser on an English page: the page's lang wins over the browser's.
    await withPage(suite, { locale: 'es-ES' }, async (page) => {
      await page.goto(`${suite.url}/consent.html`);
      const consent = page.locator('terms-consent');
      await page.locator('terms-consent .tw-consent-banner').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      assert.deepEqual(await spoken(consent), { lang: 'en', dir: 'ltr' });
      // The element's own lang wins over the page's; changing it starts it again in Spanish.
      await consent.evaluate((el) => el.setAttribute('lang', 'es'));
      await waitForText(page.locator('terms-consent .tw-consent-banner'), /Aceptar todo/, 'the banner in Spanish');
      assert.deepEqual(await spoken(consent), { lang: 'es', dir: 'ltr' });
    });
    // A page with no lang and a French-then-Spanish browser: the first language we have.
    await withPage(suite, { locale: 'fr-FR' }, async (page) => {
      await page.route('**/no-lang.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html><head><meta charset="utf-8"><title>t</title><script type="module" src="/embed.js"></script></head><body><terms-privacy-choices></terms-privacy-choices></body></html>`,
        }),
      );
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'languages', { get: () => ['fr-FR', 'es-AR', 'en'] });
      });
      await page.goto(`${suite.url}/no-lang.html`);
      const button = page.locator('terms-privacy-choices button');
      await button.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      await waitForText(button, 'Preferencias de privacidad', 'the button in Spanish');
    });
  });
});
