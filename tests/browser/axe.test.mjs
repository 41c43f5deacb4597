// axe-core (pinned in package.json) on the page in the layouts the tests use, a wide desktop and
// a phone, before any run and while one runs (with each view's words and a refused value shown):
// no serious or critical violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, launch, openPage, screenshot } from './harness.mjs';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// The serious and critical violations, each as "rule: target (message)".
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary})`));
}

const layouts = {
  wide: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true },
};
for (const [name, options] of Object.entries(layouts)) {
  test(`no serious or critical axe violation on the ${name} page, before and during a run`, async () => {
    const { page, context } = await openPage(browser, server.url, options);
    await page.evaluate(() => window.aio.ready);
    assert.deepEqual(await violations(page), [], 'before a run');
    // Started from the mirror, slowly, so it is still running while axe looks.
    await page.getByRole('combobox', { name: 'Demo' }).selectOption('queue');
    const speed = page.getByRole('spinbutton', { name: 'Speed' });
    await speed.fill('0.5');
    await speed.press('Tab');
    await page.getByRole('button', { name: 'Run', exact: true }).press('Enter');
    await page.waitForFunction(() => window.aio.snapshot().iteration > 3, null, { timeout: 20000 });
    await page.waitForTimeout(600);
    assert.equal((await page.evaluate(() => window.aio.snapshot())).status, 'running');
    assert.ok(await page.getByRole('table').getByRole('row').count() > 3, 'the table has rows to check');
    assert.deepEqual(await violations(page), [], 'during a run');
    // Each view the mirror puts in words, and a value refused as it is typed.
    for (const view of ['Resources', 'Await tree', 'Event loop', 'Timeline', 'Summary']) {
      await page.getByRole('tab', { name: view, exact: true }).press('Enter');
      await page.waitForTimeout(400);
      assert.deepEqual(await violations(page), [], `with the ${view} view's words`);
    }
    await page.getByRole('spinbutton', { name: 'producers', exact: true }).fill('-1');
    await page.waitForFunction(() => document.getElementById('mirror-refusal').textContent !== '', null, { timeout: 5000 });
    assert.deepEqual(await violations(page), [], 'with a refused value');
    await screenshot(page, `axe-${name}-running`);
    await context.close();
  });
}
