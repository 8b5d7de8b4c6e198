import { startSuite, newPage, waitForWidget, focusedElement, viewportBox, isInViewport } from './helpers.mjs';
const suite = await startSuite();
const { page, log, context } = await newPage(suite);
await page.goto(suite.url + '/partner.html');
await waitForWidget(page, {count: 2});
await page.locator('#honor a.tw-doc-link', {hasText: 'Privacy Policy'}).click();
await page.locator('#honor input.tw-search-input').fill('data');
await page.waitForTimeout(200);
// move the widget to another place
await page.evaluate(() => { const h = document.querySelector('#honor'); document.body.append(h); });
await page.waitForTimeout(300);
console.log('after move', await page.locator('#honor h1').textContent(), await page.locator('#honor input.tw-search-input').inputValue(), await page.locator('#honor .tw-search-status').textContent());
// remove and re-add
await page.evaluate(() => { window.__h = document.querySelector('#honor'); window.__h.remove(); });
await page.waitForTimeout(300);
console.log('removed children', await page.evaluate(() => window.__h.shadowRoot.childNodes.length));
await page.evaluate(() => { document.body.append(window.__h); });
await page.waitForTimeout(500);
console.log('re-added', await page.locator('#honor h1').textContent().catch(e => 'ERR ' + e.message.slice(0, 100)), await page.evaluate(() => window.__h.shadowRoot.innerHTML.length));
// dynamically created widget
await page.evaluate(() => { const w = document.createElement('terms-widget'); w.id = 'dyn'; w.setAttribute('document', 'integrity-code'); document.body.append(w); });
await page.waitForTimeout(500);
console.log('dyn', await page.locator('#dyn h1').textContent().catch(e => 'ERR'));
// setAttribute to unknown doc
await page.evaluate(() => document.querySelector('#dyn').setAttribute('document', 'nope'));
await page.waitForTimeout(300);
console.log('dyn nope', await page.locator('#dyn h1').textContent(), await page.locator('#dyn .tw-notice').textContent().catch(() => null));
await page.evaluate(() => document.querySelector('#dyn').setAttribute('document', 'terms-of-use@2/ai-assisted-features'));
await page.waitForTimeout(300);
console.log('dyn v2', await page.locator('#dyn h1').textContent(), await page.locator('#dyn .tw-meta').textContent(), await page.locator('#dyn .tw-notice').count());
console.log(log);
await context.close();
await suite.close();
