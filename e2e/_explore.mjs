import { startSuite, newPage, waitForWidget, focusedElement, viewportBox } from './helpers.mjs';
const suite = await startSuite();
const { page, log, context } = await newPage(suite);
await page.goto(suite.url + '/fixtures/embedded.html');
await waitForWidget(page);
await page.locator('input.tw-search-input').fill('refund');
await page.waitForTimeout(200);
for (let i = 0; i < 6; i++) {
  await page.locator('input.tw-search-input').press('Enter');
  await page.waitForTimeout(150);
  console.log(await page.locator('.tw-search-status').textContent().then(t => t.slice(0, 20)), await page.evaluate(() => scrollY), JSON.stringify(await viewportBox(page.locator('mark.tw-mark-current'))));
}
// TOC click
await page.evaluate(() => scrollTo(0, 0));
await page.locator('.tw-toc a', {hasText: 'Where disputes are heard'}).click();
await page.waitForTimeout(300);
console.log('toc', await page.evaluate(() => [scrollY, location.hash]), JSON.stringify(await viewportBox(page.locator('#where-disputes-are-heard'))), (await focusedElement(page))?.text);
await page.locator('.tw-md a[href="#refund-policy/guided-projects"]').click().catch(e => console.log('ERR', e.message.slice(0, 200)));
await page.waitForTimeout(300);
console.log('xdoc', await page.evaluate(() => [scrollY, location.hash]), JSON.stringify(await viewportBox(page.locator('#guided-projects'))), (await focusedElement(page))?.text);
console.log(log);
await context.close();
await suite.close();
