// For scripts/floor.sh: the consent banner as a build renders it on the bench's
// consent-only page, written to OUT_DIR as inner.html (inside the widget's div.tw-host)
// and banner.css (its adopted stylesheets).
//
//   node e2e/floor-capture.mjs DIST_DIR OUT_DIR

import fs from 'node:fs';
import path from 'node:path';

import { captureShadow, KINDS } from './bench.mjs';
import { launchBrowser, ROOT } from './helpers.mjs';
import { startServer } from './server.mjs';

const CONSENT = KINDS.find((k) => k.id === 'consent');

const [dist, out] = process.argv.slice(2).map((p) => p && path.resolve(ROOT, p));
if (!dist || !out) throw new Error('usage: node e2e/floor-capture.mjs DIST_DIR OUT_DIR');
const server = await startServer(dist);
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url + CONSENT.page);
  await page.locator(`${CONSENT.host} ${CONSENT.target}`).waitFor({ timeout: 60_000 });
  const { html, css } = await page.evaluate(captureShadow, CONSENT.host);
  // The markup inside the one div.tw-host the widget puts in its shadow root.
  const got = await page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    const el = root.firstElementChild?.matches('div.tw-host') ? root.firstElementChild : null;
    return { hosts: root.children.length, lang: el?.getAttribute('lang'), inner: el?.innerHTML };
  }, CONSENT.host);
  if (got.hosts !== 1 || got.lang !== 'en' || !got.inner) {
    throw new Error(`the shadow root is not one div.tw-host lang="en" (${html.slice(0, 200)})`);
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'inner.html'), got.inner);
  fs.writeFileSync(path.join(out, 'banner.css'), css);
  console.log(`captured the banner: ${got.inner.length} characters of markup, ${css.length} of CSS`);
} finally {
  await browser.close();
  await server.close();
}
