// The single file (aio-playground.html, written beside index.html by the build and dist.sh) opened
// from disk: it makes no request of any kind, runs a demo from its own controls, and its crawler
// reads the bundled sample site on the virtual network, finding what the served page finds there.
// Anything else the crawler is asked to fetch fails with a message saying why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openPage, screenshot, distinctColours, releaseSiteDir, until } from './harness.mjs';

const singleFile = join(releaseSiteDir, 'aio-playground.html');
let browser, page, context;
const requests = [];   // every request the single file's page made, by URL
before(async () => {
  assert.ok(existsSync(singleFile), `no ${singleFile}: emcmake cmake --preset web-release && ` +
    'cmake --build build/web-release --target aio_playground aio_offline (tests/run.sh browser does)');
  browser = await launch();
  ({ page, context } = await openPage(browser, 'about:blank'));
  context.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + singleFile);
  requests.splice(0, requests.indexOf('file://' + singleFile) + 1);   // the file itself is no fetch
  await page.evaluate(() => window.aio.ready);
});
after(async () => { await context?.close(); await browser?.close(); });

const pairs = (text, root) => text.split('\n').slice(1).filter(Boolean).map((line) => line.replaceAll(root, 'PAGE/')).sort();

test('opened from disk, the single file starts, says it runs from disk, and has made no request', async () => {
  assert.match(await page.locator('#offline-note').innerText(), /^Opened from disk: the crawler reads the bundled sample site on a virtual network/);
  const { png } = await screenshot(page, 'single-file-started');
  assert.ok(distinctColours(png) > 8, 'the canvas drew the playground');
  assert.deepEqual(requests, []);
});

test('the inlined scripts name no source map, since none travels with the single file', () => {
  // The release's minified scripts end with a //# sourceMappingURL line naming the .map beside them.
  assert.doesNotMatch(readFileSync(singleFile, 'utf8'), /sourceMappingURL/);
});

test("count runs from the page's own Run button and prints its lines, still with no request", async () => {
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('count');
  await page.getByRole('button', { name: 'Run', exact: true }).press('Enter');   // as Tab and Enter would
  await until(page, () => window.aio.snapshot().status === 'running' || window.aio.snapshot().status === 'done');
  const end = await page.evaluate(() => window.aio.finished());
  const n = (await page.evaluate(() => window.aio.params('count'))).n.default;
  assert.equal(end.output.filter((l) => /^One$/.test(l)).length, n, end.output.join('\n'));
  assert.equal(end.output.filter((l) => /^Two$/.test(l)).length, n, end.output.join('\n'));
  // The page's console shows what the run printed (the mirror's follows within a quarter second).
  await until(page, (last) => document.getElementById('mirror-console').innerText.trim().endsWith(last), end.output.at(-1));
  await screenshot(page, 'single-file-count');
  assert.deepEqual(requests, []);
});

test("the crawler finds on the virtual sample site what the served page's virtual-network run finds", async () => {
  const offline = await page.evaluate(async () => {
    window.aio.setSpeed('instant');
    window.aio.run('crawler', {});
    return window.aio.finished();
  });
  await page.evaluate(() => window.aio.showView('pages'));
  await screenshot(page, 'single-file-crawler');
  assert.deepEqual(requests, []);
  const server = await startServer(releaseSiteDir);
  const served = await openPage(browser, server.url);
  try {
    const online = await served.page.evaluate(async () => {
      await window.aio.ready;
      window.aio.setSpeed('instant');
      window.aio.run('crawler', { virtual_network: true });
      return window.aio.finished();
    });
    const found = pairs(offline.files['foundurls.txt'], 'http://127.0.0.1:8000/');
    assert.ok(found.length > 20, offline.files['foundurls.txt']);
    assert.deepEqual(found, pairs(online.files['foundurls.txt'], server.url));
  } finally {
    await served.context.close();
    server.stop();
  }
});

test('virtual_network off, or a URL off the sample site, fails with why instead of fetching', async () => {
  for (const params of [{ virtual_network: false }, { urls: 'https://example.org/\nsample-site/about.html' }]) {
    const end = await page.evaluate(async (p) => {
      window.aio.setSpeed('instant');
      window.aio.run('crawler', p);
      return window.aio.finished();
    }, params);
    const failed = end.output.filter((l) => l.startsWith('ERROR:areq: aiohttp exception'));
    assert.ok(failed.length >= 1, end.output.join('\n'));
    for (const line of failed) assert.match(line, /opened from disk, the playground makes no network requests: only the bundled sample site/);
    if (params.urls) assert.ok(end.output.some((l) => /Got response \[200\] for URL: http:\/\/127\.0\.0\.1:8000\/sample-site\/about\.html/.test(l)), end.output.join('\n'));
  }
  await page.evaluate(() => window.aio.showView('pages'));
  await screenshot(page, 'single-file-crawler-refused');
  assert.deepEqual(requests, []);
});

test('served over http, the single file is the hosted page in one piece: no note about the disk, and its crawler fetches', async () => {
  const server = await startServer(releaseSiteDir);
  const served = await openPage(browser, `${server.url}aio-playground.html`);
  try {
    await served.page.evaluate(() => window.aio.ready);
    assert.equal(await served.page.locator('#offline-note').count(), 0, 'the page is not opened from disk');
    const end = await served.page.evaluate(async () => {
      window.aio.setSpeed('instant');
      window.aio.run('crawler', { virtual_network: false, urls: 'sample-site/about.html' });
      return window.aio.finished();
    });
    const about = `${server.url}sample-site/about.html`;
    assert.ok(end.output.some((l) => l.includes(`Got response [200] for URL: ${about}`)), end.output.join('\n'));
    assert.ok(!end.output.some((l) => l.includes('opened from disk')), end.output.join('\n'));
    await screenshot(served.page, 'single-file-served');
  } finally {
    await served.context.close();
    server.stop();
  }
});
