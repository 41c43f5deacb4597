// The crawler on the bundled sample site takes long enough to watch (the virtual network's
// latency), finds what real fetch() finds, and the summary tells asyncgen's waits truthfully.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, distinctColours } from './harness.mjs';

let server, browser, page, context;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, context } = await openPage(browser, server.url));
  await page.evaluate(() => window.aio.ready);
});
after(async () => { await context?.close(); await browser?.close(); server?.stop(); });

const sortedLines = (text) => text.split('\n').filter(Boolean).sort();

test('the crawler has a network parameter with its latency range', async () => {
  const c = await page.evaluate(() => window.aio.params('crawler'));
  assert.equal(c.virtual_network.kind, 'bool');
  assert.equal(c.virtual_network.default, true);
  assert.deepEqual([c.latency_min.default, c.latency_max.default], [0.5, 1.5]);
  assert.ok(c.latency_max.help.length > 0);
});

test('at 1x the crawl on the bundled site is still running after 1 s, shows its pages and ends in time', async () => {
  const started = Date.now();
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('crawler', {}); window.aio.showView('pages'); });
  await page.waitForTimeout(1000);
  const mid = await page.evaluate(() => window.aio.snapshot());
  assert.equal(mid.status, 'running');
  // The slow page takes 2 s more than any other: it is still in flight, beside pages already done.
  const states = new Set(mid.pages.map((p) => p.state));
  assert.ok(states.has('fetching'), JSON.stringify(mid.pages));
  const { png } = await screenshot(page, 'crawler-virtual-running');
  assert.ok(distinctColours(png) > 8);
  const end = await page.evaluate(() => window.aio.finished());
  const took = (Date.now() - started) / 1000;
  assert.equal(end.status, 'finished');
  // Pages take 0.5..1.5 s, the slow one 2 s more: 2.5..3.5 s of loop time at 1x, plus frames.
  assert.ok(end.time >= 2.5 && end.time <= 3.5 + 0.1, `loop time ${end.time}`);
  assert.ok(took <= 8, `took ${took} s of wall time`);
  assert.ok(end.pages.every((p) => p.state === 'done' || p.state === 'failed'));
});

test('the virtual sample site and real fetch() give the same lines and (source, link) pairs', async () => {
  const [virt, real] = await page.evaluate(async () => {
    window.aio.setSpeed('instant');
    window.aio.run('crawler', { virtual_network: true });
    const v = await window.aio.finished();
    window.aio.run('crawler', { virtual_network: false });
    return [v, await window.aio.finished()];
  });
  assert.deepEqual(virt.output.slice().sort(), real.output.slice().sort());
  assert.deepEqual(sortedLines(virt.files['foundurls.txt']), sortedLines(real.files['foundurls.txt']));
  assert.ok(sortedLines(real.files['foundurls.txt']).length > 20);
});

test("the summary says asyncgen's one task waited in sleeps", async () => {
  const snap = await page.evaluate(async () => {
    window.aio.setSpeed('instant');
    window.aio.run('asyncgen', {});
    await window.aio.finished();
    window.aio.showView('summary');
    return window.aio.snapshot();
  });
  const lines = snap.summary.lines;
  assert.ok(!lines.some((l) => l.includes('no task waited')), lines.join('\n'));
  // u = 10 values, each followed by a 0.1 s sleep, twice: 2 s in one task, one after another.
  assert.ok(lines.includes('1 task waited 2.00 s in all on sleeps and requests'), lines.join('\n'));
  assert.ok(lines.includes('nothing overlapped: the waits took their full time one after another'), lines.join('\n'));
  await page.waitForTimeout(200);
  const { png } = await screenshot(page, 'view-summary-asyncgen');
  assert.ok(distinctColours(png) > 8);
});
