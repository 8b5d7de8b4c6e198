import { startSuite, newPage, waitForWidget, focusedElement } from './helpers.mjs';
const suite = await startSuite();
const { page, log, context } = await newPage(suite);
await page.goto(suite.url + '/#terms-of-use');
await waitForWidget(page);
const ids = ['terms-of-use','acceptable-use','copyright-trademark','refund-policy','honor-code','privacy-policy','integrity-code'];
for (const q of ['refund', 'the', 'you', 'kestrel learning', '14 days', 'a', '.', '(', 'ai', 'policy', 'e-mail', '"']) {
  await page.locator('input.tw-search-input').fill(q);
  const res = {};
  for (const id of ids) {
    await page.evaluate(id => { location.hash = '#' + id; }, id);
    await page.waitForFunction(id => document.querySelector('terms-widget').shadowRoot.querySelector('a.tw-doc-link[aria-current=page]')?.getAttribute('href') === '#' + id, id);
    await page.waitForTimeout(50);
    const r = await page.evaluate(() => {
      const root = document.querySelector('terms-widget').shadowRoot;
      const st = root.querySelector('.tw-search-status').textContent;
      const marks = [...root.querySelectorAll('.tw-md mark.tw-mark')];
      const idx = marks.map(m => Number(m.dataset.match));
      const okIdx = idx.every((v, i) => v === i);
      const also = Object.fromEntries([...root.querySelectorAll('.tw-elsewhere a')].map(a => [a.getAttribute('href').slice(1), Number(a.textContent.match(/\((\d+)\)/)[1])]));
      const total = Number((st.match(/of (\d+) match/) || [0, 0])[1]);
      return { total, marks: marks.length, okIdx, also, cur: root.querySelectorAll('.tw-mark-current').length };
    });
    res[id] = r;
  }
  const problems = [];
  for (const id of ids) {
    const r = res[id];
    if (r.total !== r.marks || !r.okIdx || (r.total > 0 && r.cur !== 1)) problems.push(`${id}: status ${r.total} marks ${r.marks} okIdx ${r.okIdx} cur ${r.cur}`);
    for (const [other, n] of Object.entries(r.also)) if (res[other].total !== n) problems.push(`${id} says ${other} has ${n}, it has ${res[other].total}`);
  }
  console.log(JSON.stringify(q), ids.map(id => res[id].total).join(','), problems.length ? problems : 'OK');
}
console.log(log.pageErrors, log.consoleErrors);
await context.close();
await suite.close();
