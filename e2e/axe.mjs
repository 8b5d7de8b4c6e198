// Accessibility checks with axe-core, for every view and state the tests reach.
//
//   await assertNoAxeViolations(page, 'documents view, 320 px, dark');
//
// axe-core is loaded as a same-origin file (`/__axe/axe.min.js`, served by server.mjs
// from node_modules), never inline, so the page keeps its strict Content-Security-Policy.
// It checks open shadow roots too (the widget lives in one). The rules are WCAG 2.0, 2.1
// and 2.2 A and AA plus axe's best practices; 0 violations is the test.

import assert from 'node:assert/strict';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Loads axe-core into the page once (a same-origin script element). */
async function ensureAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (loaded) return;
  await page.addScriptTag({ url: '/__axe/axe.min.js' });
  await page.waitForFunction(() => typeof window.axe?.run === 'function');
}

/** Runs axe on the whole page (or `include`, a selector) and returns its violations. */
export async function axeViolations(page, { include } = {}) {
  await ensureAxe(page);
  return page.evaluate(
    async ({ tags, include }) => {
      const result = await window.axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, include },
  );
}

/** Fails with every violation spelled out when axe finds any in `state`. */
export async function assertNoAxeViolations(page, state, options) {
  const violations = await axeViolations(page, options);
  assert.deepEqual(
    violations,
    [],
    `axe-core found ${violations.length} violation(s) in ${state}:\n${JSON.stringify(violations, null, 2)}`,
  );
}
