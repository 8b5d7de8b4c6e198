// For scripts/floor.sh: the consent banner as a build renders it on the bench's
// consent-only page, written to OUT_DIR as inner.html (inside the widget's div.tw-host)
// and banner.css (its adopted stylesheets).
//
//   node e2e/floor-capture.mjs DIST_DIR OUT_DIR

import fs from 'node:fs';
import path from 'node:path';

import { launchBrowser, ROOT } from './helpers.mjs';
import { startServer } from './server.mjs';

const [dist, out] = process.argv.slice(2).map((p) => p && path.resolve(ROOT, p));
if (!dist || !out) throw new Error('usage: node e2e/floor-capture.mjs DIST_DIR OUT_DIR');
const server = await startServer(dist);
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/fixtures/bench/consent.html`);
  await page.locator('terms-consent .tw-consent-banner').waitFor({ timeout: 60_000 });
  const got = await page.evaluate(() => {
    const root = document.querySelector('terms-consent').shadowRoot;
    const host = root.firstElementChild?.matches('div.tw-host') ? root.firstElementChild : null;
    return {
      hosts: root.children.length,
      lang: host?.getAttribute('lang'),
      inner: host?.innerHTML,
      css: [...root.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n'),
    };
  });
  if (got.hosts !== 1 || got.lang !== 'en' || !got.inner) {
    throw new Error(`the shadow root is not one div.tw-host lang="en" (${JSON.stringify(got).slice(0, 200)})`);
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'inner.html'), got.inner);
  fs.writeFileSync(path.join(out, 'banner.css'), got.css);
  console.log(`captured the banner: ${got.inner.length} characters of markup, ${got.css.length} of CSS`);
} finally {
  await browser.close();
  await server.close();
}
