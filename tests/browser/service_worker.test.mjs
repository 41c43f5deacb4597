// The served page's service worker (web/sw.js, written with its build by web/tools/
// service_worker.py): after a first visit the page opens and runs count with the network off; a
// new deployment's files replace the old ones in the cache, whose older version is deleted; and
// while the server answers, a changed file shows at once (network first: never stale).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openPage, screenshot, distinctColours, releaseSiteDir, until } from './harness.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// A copy of the release page, deployed again by the tests.
const site = mkdtempSync(join(tmpdir(), 'aio-sw-'));
let server, browser, page, context;
before(async () => {
  cpSync(releaseSiteDir, site, { recursive: true });
  server = await startServer(site);
  browser = await launch();
  ({ page, context } = await openPage(browser, server.url, { serviceWorkers: 'allow' }));
  await page.evaluate(() => window.aio.ready);
});
after(async () => { await context?.close(); await browser?.close(); server?.stop(); rmSync(site, { recursive: true, force: true }); });

const version = () => /const build = \{"version": "([0-9a-f]+)"/.exec(readFileSync(join(site, 'sw.js'), 'utf8'))[1];
const deployment = () => page.evaluate(() => document.querySelector('meta[name="deployment"]')?.content);
const cacheNames = () => page.evaluate(() => caches.keys());
// Deploys `index.html` marked with `name`, and with it a new sw.js unless told not to.
function deploy(name, { restamp = true } = {}) {
  const file = join(site, 'index.html');
  const html = readFileSync(file, 'utf8').replace(/<meta name="deployment"[^>]*>\n/, '');
  writeFileSync(file, html.replace('<head>\n', `<head>\n<meta name="deployment" content="${name}">\n`));
  if (restamp) execFileSync('/usr/bin/python3', [join(repo, 'web/tools/service_worker.py'), site]);
}
async function runCount() {
  await page.evaluate(() => window.aio.ready);
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('count');
  await page.getByRole('button', { name: 'Run', exact: true }).press('Enter');
  return page.evaluate(() => window.aio.finished());
}

test('after a first visit, the page opens with the network off and runs count', async () => {
  await until(page, () => navigator.serviceWorker.controller !== null);   // sw.js installed and took the page over
  assert.deepEqual(await cacheNames(), [`aio-playground-${version()}`]);
  await context.setOffline(true);
  try {
    await page.reload();
    const end = await runCount();
    const n = (await page.evaluate(() => window.aio.params('count'))).n.default;
    assert.equal(end.output.filter((l) => l === 'One').length, n, end.output.join('\n'));
    const { png } = await screenshot(page, 'service-worker-offline-count');
    assert.ok(distinctColours(png) > 8, 'the canvas drew the playground');
  } finally {
    await context.setOffline(false);
  }
});

test("a new deployment replaces the cache: offline, the page is the new one, and the old version's cache is gone", async () => {
  const old = version();
  deploy('deployed again');
  assert.notEqual(version(), old, 'the deployment changed the build hash');
  await page.reload();
  assert.equal(await deployment(), 'deployed again');
  const current = [`aio-playground-${version()}`];
  for (const start = Date.now(); JSON.stringify(await cacheNames()) !== JSON.stringify(current);) {
    assert.ok(Date.now() - start < 20000, `the caches are ${JSON.stringify(await cacheNames())}, not ${JSON.stringify(current)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await context.setOffline(true);
  try {
    await page.reload();
    assert.equal(await deployment(), 'deployed again');
    await page.evaluate(() => window.aio.ready);
  } finally {
    await context.setOffline(false);
  }
});

test('while the server answers, a changed file shows at once, before any new worker', async () => {
  deploy('changed in place', { restamp: false });
  await page.reload();
  assert.equal(await deployment(), 'changed in place');
  await page.evaluate(() => window.aio.ready);
});
