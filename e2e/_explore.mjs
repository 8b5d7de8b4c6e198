import { startSuite, newPage, waitForWidget, focusedElement } from './helpers.mjs';
const suite = await startSuite();
for (let i = 0; i < 3; i++) {
const { page, log, context } = await newPage(suite);
await page.goto(suite.url + '/#refund-policy/guided-projects');
await waitForWidget(page);
for (const t of [0, 100, 500]) { await page.waitForTimeout(t); console.log(t, JSON.stringify(await focusedElement(page)), await page.evaluate(() => [document.activeElement?.tagName, document.hasFocus(), scrollY])); }
await context.close();
}
await suite.close();
