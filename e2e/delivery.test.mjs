// Delivery of consent records to the host's backend (`records-endpoint`), against a
// local endpoint that fails, delays and drops connections at random (seeded):
// records written = records received, each once, across reloads, an offline period, a
// server outage and two tabs; `pagehide` sends with keepalive; an unusable endpoint is a
// console error and nothing else; a record a closed page left goes from the next page; an
// unreadable outbox is set aside. TW_DELIVERY_SEED=n replays another sequence of failures.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { FIRST_LOAD_TIMEOUT, assertClean, newPage, startSuite, waitUntil } from './helpers.mjs';
import { recordsEndpoint } from './records-endpoint.mjs';

const SEED = Number(process.env.TW_DELIVERY_SEED ?? 2);
/** The flaky run backs off up to a minute or two when the dice are unkind. */
const DELIVERY_TIMEOUT = 240_000;
const T = { timeout: DELIVERY_TIMEOUT + 120_000 };
const PAGE = '/fixtures/delivery.html';
const HISTORY_KEY = 'kl_consent.v2';
const OUTBOX_KEY = 'kl_consent.outbox.v1';
/** Chromium logs failed requests (500, 503, dropped connections) as console errors. */
const NETWORK_NOISE = [/Failed to load resource/, /net::ERR_/];

const endpoint = recordsEndpoint({ seed: SEED });
let suite;
before(async () => {
  suite = await startSuite(undefined, { handle: endpoint.handle });
});
after(() => suite?.close());
// Records an earlier test wrote: a page that test closed may still deliver one late,
// because its `pagehide` send uses keepalive and outlives the page (and the reset below).
// Each test judges what the endpoint received apart from those, so a record nobody wrote
// still fails it.
const earlier = new Set();
/** Records this test wrote (every id `written` or the page's API showed). */
const current = new Set();
const mine = (...ids) => ids.forEach((id) => current.add(id));
beforeEach(() => {
  for (const id of current) earlier.add(id);
  current.clear();
  endpoint.reset();
  endpoint.set({ mode: 'flaky', seed: SEED });
});

/** The records the endpoint stored since this test began, but for earlier tests' late ones. */
const fresh = () => endpoint.received().filter((r) => !earlier.has(r.key));
/** How many POSTs of record `id` the endpoint answered with `outcome` ('201', '503', …). */
const answered = (id, outcome) => endpoint.log().filter((e) => e.key === id && e.outcome === outcome).length;

const dialog = (page) => page.locator('terms-consent dialog.tw-consent-dialog');

async function openPage(page, path = PAGE) {
  await page.goto(suite.url + path);
  await page.waitForFunction(() => typeof window.TermsWidget?.getConsent === 'function', null, {
    timeout: FIRST_LOAD_TIMEOUT,
  });
  await waitUntil(() => page.evaluate(() => window.TermsWidget.getConsent()), (c) => c !== null, 'TermsWidget.getConsent()', {
    timeout: FIRST_LOAD_TIMEOUT,
    expected: 'an answer (not null)',
  });
}

/** The consent records stored in this context (every tab's), by id. */
async function written(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k), HISTORY_KEY);
  const records = text ? JSON.parse(text).records : [];
  mine(...records.map((r) => r.id));
  return new Map(records.map((r) => [r.id, r]));
}

/** The outbox as stored. */
async function outbox(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k), OUTBOX_KEY);
  return text ? JSON.parse(text) : null;
}

/** One decision through the preferences dialog; waits until its record is stored. */
async function decide(page, n) {
  const before = (await written(page)).size;
  await page.evaluate(() => window.TermsWidget.openPreferences());
  await dialog(page).waitFor();
  await dialog(page)
    .getByRole('button', { name: n % 2 ? 'Accept all' : 'Reject all' })
    .click();
  await dialog(page).waitFor({ state: 'detached' });
  await waitUntil(() => written(page), (w) => w.size > before, `decision ${n} stored`, { expected: `${before + 1}+ records` });
}

/** Waits until the endpoint holds every record written, and the outbox is empty. */
async function waitForDelivery(page, count) {
  const ids = await waitUntil(
    () => written(page),
    (w) => w.size === count,
    'records written (localStorage)',
    { expected: count },
  );
  await waitUntil(
    () => fresh().map((r) => r.key).sort(),
    (got) => got.length === ids.size && got.every((k) => ids.has(k)),
    'records received by the endpoint',
    { timeout: DELIVERY_TIMEOUT, expected: [...ids.keys()].sort() },
  );
  await waitUntil(() => outbox(page), (o) => o?.entries?.length === 0, 'the outbox, emptied by 2xx answers', {
    timeout: DELIVERY_TIMEOUT,
    expected: 'no entries',
  });
  return ids;
}

/** Runs `fn` in a fresh context (own storage), closed afterwards. */
async function withContext(fn, { init } = {}) {
  const { context, page, log } = await newPage(suite);
  try {
    if (init) await context.addInitScript(init);
    await fn({ context, page, log });
  } finally {
    await context.close().catch(() => {});
  }
}

describe('records-endpoint', () => {
  test('a flaky endpoint: records written = records received, each once (reloads, offline, outage, two tabs)', T, async () => {
    await withContext(async ({ context, page, log }) => {
      await openPage(page);
      let n = 0;
      // Three decisions, a reload, two more.
      for (let i = 0; i < 3; i++) await decide(page, ++n);
      await page.reload();
      await openPage(page);
      for (let i = 0; i < 2; i++) await decide(page, ++n);
      // The server is down for a while (503 for everything): two decisions, a reload.
      endpoint.set({ mode: 'down' });
      await decide(page, ++n);
      await page.reload();
      await openPage(page);
      await decide(page, ++n);
      await waitUntil(() => outbox(page), (o) => o?.entries?.some((e) => e.attempts > 0), 'an attempt refused by the outage');
      endpoint.set({ mode: 'flaky' });
      // The browser goes offline: a decision waits in the outbox; `online` sends it.
      await context.setOffline(true);
      await decide(page, ++n);
      await context.setOffline(false);
      // A second tab: decisions in both, interleaved.
      const other = await context.newPage();
      other.on('console', (msg) => {
        if (msg.type() === 'error' && !NETWORK_NOISE.some((re) => re.test(msg.text()))) log.consoleErrors.push(msg.text());
      });
      other.on('pageerror', (e) => log.pageErrors.push(String(e)));
      await openPage(other);
      for (let i = 0; i < 4; i++) await decide(i % 2 ? page : other, ++n);
      const ids = await waitForDelivery(page, n);
      const received = fresh();
      const counts = endpoint.counts();
      console.log(
        `# seed ${SEED}: records written ${ids.size}, received ${received.length} (each once), ` +
          `raw POSTs ${counts.posts} (${counts.failed} answered 500/503, ${counts.dropped} dropped, ` +
          `${counts.duplicates} duplicates of stored records, ${counts.rejected} malformed)`,
      );
      assert.equal(ids.size, n, 'one record per decision');
      assert.equal(received.length, ids.size, 'records received = records written');
      assert.equal(new Set(received.map((r) => r.key)).size, received.length, 'each once');
      for (const r of received) assert.deepEqual(r.body, ids.get(r.key), `record ${r.key} arrived exactly as stored`);
      assert.equal(counts.rejected, 0, 'every request had a JSON record and its id as Idempotency-Key');
      assert.ok(counts.posts >= n, 'at least one POST per record');
      assert.ok(counts.failed + counts.dropped > 0, 'the endpoint really failed some requests');
      assertClean(log, { allowConsoleErrors: NETWORK_NOISE });
    });
  });

  test('navigating away right after a decision: pagehide sends it with keepalive', T, async () => {
    await withContext(async ({ context, page, log }) => {
      await openPage(page);
      endpoint.set({ mode: 'down' });
      await decide(page, 1);
      const [id] = (await written(page)).keys();
      // The first attempt was refused: the next one is 2.5 to 5 seconds away.
      await waitUntil(() => outbox(page), (o) => o?.entries?.[0]?.attempts >= 1, 'the first attempt, refused');
      endpoint.set({ mode: 'up' });
      const left = Date.now();
      await page.click('#away');
      await page.waitForURL(/delivery-away\.html$/);
      // Only the page going away can have sent it: the new page has no widget.
      const got = await waitUntil(() => fresh(), (r) => r.length === 1, 'the record, received', { expected: 1 });
      assert.equal(got[0].key, id);
      const accepted = endpoint.log().filter((e) => e.key === id && e.outcome === '201');
      assert.equal(accepted.length, 1);
      assert.ok(accepted[0].at >= left, 'sent as the page went away, not before');
      assertClean(log, { allowConsoleErrors: NETWORK_NOISE });
    });
  });

  test('a record left by a closed page is sent when a page with the element opens', T, async () => {
    await withContext(async ({ context, page, log }) => {
      endpoint.set({ mode: 'down' });
      await openPage(page);
      await decide(page, 1);
      const [id] = (await written(page)).keys();
      await waitUntil(() => outbox(page), (o) => o?.entries?.[0]?.attempts >= 1, 'the first attempt, refused');
      await page.close();
      // The pagehide send was refused too: the record waits in the outbox.
      await waitUntil(() => answered(id, '503'), (n) => n >= 2, 'the refused pagehide send', { expected: '2+' });
      assert.deepEqual(fresh(), []);
      endpoint.set({ mode: 'up' });
      const next = await context.newPage();
      next.on('pageerror', (e) => log.pageErrors.push(String(e)));
      await openPage(next);
      const got = await waitUntil(() => fresh(), (r) => r.length === 1, 'the record, received', { expected: 1 });
      assert.equal(got[0].key, id);
      await waitUntil(() => outbox(next), (o) => o?.entries?.length === 0, 'the outbox, emptied', { expected: 'no entries' });
      assertClean(log, { allowConsoleErrors: NETWORK_NOISE });
    });
  });

  test('an unreadable outbox is set aside unchanged, and new records are still delivered', T, async () => {
    await withContext(async ({ page, log }) => {
      endpoint.set({ mode: 'up' });
      await openPage(page);
      await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"entries":[{"id":"cut off'), OUTBOX_KEY);
      await page.reload();
      await openPage(page);
      await decide(page, 1);
      const [id] = (await written(page)).keys();
      const got = await waitUntil(() => fresh(), (r) => r.length === 1, 'the record, received', { expected: 1 });
      assert.equal(got[0].key, id);
      const aside = await page.evaluate((k) => {
        const keys = Object.keys(localStorage).filter((key) => key.startsWith(`${k}.corrupt.`));
        return keys.map((key) => localStorage.getItem(key));
      }, OUTBOX_KEY);
      assert.deepEqual(aside, ['{"v":1,"entries":[{"id":"cut off'], 'the unreadable value, kept as it was');
      assertClean(log, { allowConsoleErrors: [/outbox of records to send .* could not be read/] });
    });
  });

  test('storage disabled: records are still delivered while the page is open', T, async () => {
    const init = () =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
        configurable: true,
      });
    await withContext(async ({ page, log }) => {
      endpoint.set({ mode: 'up' });
      await openPage(page);
      await page.evaluate(() => window.TermsWidget.openPreferences());
      await dialog(page).getByRole('button', { name: 'Reject all' }).click();
      const c = await waitUntil(() => page.evaluate(() => window.TermsWidget.getConsent()), (c) => c?.record, 'a record');
      mine(c.record.id);
      const got = await waitUntil(() => fresh(), (r) => r.length === 1, 'the record, received', { expected: 1 });
      assert.equal(got[0].key, c.record.id);
      assertClean(log, { allowConsoleErrors: NETWORK_NOISE });
    }, { init });
  });

  test('an endpoint that is not http(s): a console error, nothing sent, consent still works', T, async () => {
    await withContext(async ({ context, page, log }) => {
      await openPage(page, '/fixtures/delivery-invalid.html');
      await page.getByRole('button', { name: 'Reject all' }).click();
      const c = await waitUntil(() => page.evaluate(() => window.TermsWidget.getConsent()), (c) => c?.record, 'a record');
      mine(c.record.id);
      await waitUntil(
        () => log.consoleErrors,
        (e) => e.some((t) => /records-endpoint="javascript:alert\(1\)" can't be used/.test(t)),
        'the console error about the endpoint',
      );
      const sent = endpoint.log().filter((e) => e.key === c.record.id);
      assert.deepEqual(sent, [], "this page's record reached no endpoint");
      assertClean(log, { allowConsoleErrors: [/records-endpoint=/] });
    });
  });
});

describe('acceptance records', () => {
  test('the course prompt sends each acceptance, through the flaky endpoint, once', T, async () => {
    const { context, page, log } = await newPage(suite);
    try {
      await page.goto(`${suite.url}/fixtures/delivery-acceptance.html`);
      const prompt = page.locator('terms-honor-code');
      await prompt.locator('.tw-accept-heading').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const cards = prompt.locator('.tw-accept-doc');
      const count = await cards.count();
      assert.ok(count >= 1, 'the prompt shows the course documents');
      for (let i = 0; i < count; i++) {
        // The first document still to accept (an accepted one becomes a line).
        const c = cards.filter({ has: page.getByRole('button', { name: /^Accept: / }) }).first();
        const boxes = c.locator('input[type="checkbox"]');
        const n = await boxes.count();
        for (let j = 0; j < n; j++) await boxes.nth(j).check();
        await c.getByRole('button', { name: /^Accept: / }).click();
        await waitUntil(
          () => page.evaluate(() => window.TermsWidget.getAcceptances().length),
          (len) => len === i + 1,
          'stored acceptances',
          { expected: i + 1 },
        );
      }
      const stored = await page.evaluate(() => window.TermsWidget.getAcceptances());
      const ids = stored.map((r) => r.id).sort();
      mine(...ids);
      await waitUntil(
        () => fresh().map((r) => r.key).sort(),
        (keys) => JSON.stringify(keys) === JSON.stringify(ids),
        'records received by the endpoint',
        { timeout: DELIVERY_TIMEOUT, expected: ids },
      );
      for (const r of fresh()) {
        const body = typeof r.body === 'string' ? JSON.parse(r.body) : r.body;
        assert.equal(body.id, r.key, 'the body is the record, keyed by its id');
        assert.equal(body.scope, 'course:delivery-101');
        assert.equal(body.method, 'prompt');
      }
      assertClean(log, { allowConsoleErrors: NETWORK_NOISE });
    } finally {
      await context.close().catch(() => {});
    }
  });
});
