import { startSuite, newPage, waitForWidget, focusedElement, viewportBox, isInViewport } from './helpers.mjs';
const suite = await startSuite();
const { page, log, context } = await newPage(suite);
await page.goto(suite.url + '/#terms-of-use');
await waitForWidget(page);
const ids = ['terms-of-use@1','terms-of-use@2','terms-of-use','acceptable-use','copyright-trademark@1','copyright-trademark','refund-policy@1','refund-policy','honor-code@1','honor-code','privacy-policy@1','privacy-policy@2','privacy-policy','integrity-code'];
let n = 0;
for (const id of ids) {
  await page.evaluate(id => { location.hash = '#' + id; }, id);
  await page.waitForFunction(id => location.hash === '#' + id, id);
  await page.waitForTimeout(100);
  const info = await page.evaluate(() => {
    const root = document.querySelector('terms-widget').shadowRoot;
    const ids = [...root.querySelectorAll('[id]')].map(e => e.id);
    const dup = ids.filter((x, i) => ids.indexOf(x) !== i);
    const toc = [...root.querySelectorAll('.tw-toc a')].map(a => a.getAttribute('href'));
    const heads = [...root.querySelectorAll('.tw-md :is(h2,h3)')].map(h => h.id);
    const anchors = [...root.querySelectorAll('.tw-md a')].map(a => a.getAttribute('href')).filter(h => h.startsWith('#'));
    return { dup, toc, heads, anchors, notice: root.querySelector('.tw-notice')?.textContent };
  });
  if (info.dup.length || info.notice) console.log(id, 'dup', info.dup, info.notice);
  if (info.toc.length !== info.heads.length) console.log(id, 'toc/heads', info.toc.length, info.heads.length);
  const weird = info.heads.filter(h => !/^[a-z0-9-]+$/.test(h));
  if (weird.length) console.log(id, 'weird slugs', weird);
  for (const href of info.toc) {
    await page.locator(`.tw-toc a[href="${href}"]`).click();
    await page.waitForFunction(h => location.hash === h, href, {timeout: 5000}).catch(() => console.log('hash mismatch', href, page.url()));
    const slug = decodeURIComponent(href.split('/')[1]);
    const loc = page.locator(`.tw-md [id="${slug}"]`);
    await page.waitForTimeout(30);
    const b = await viewportBox(loc);
    n++;
    if (!isInViewport(b)) console.log('not in view', href, b);
    const notice = await page.locator('.tw-notice').count();
    if (notice) console.log('notice', href, await page.locator('.tw-notice').textContent());
  }
  // in-document fragment links
  console.log(id, 'anchors', [...new Set(info.anchors.filter(a => !a.startsWith('#' + id.split('@')[0] + '/') && !a.startsWith('#'+id+'/')))].join(' '));
}
console.log('checked', n, log.pageErrors, log.consoleErrors);
await context.close();
await suite.close();
