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

test("the Event loop view names each request's timers, and a fetching task's wait ends at its timeout", async () => {
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('crawler', {}); window.aio.showView('loop'); });
  await page.waitForFunction(() => window.aio.snapshot().fetches.length > 0, null, { timeout: 5000 });
  await page.evaluate(() => window.aio.pause());
  const snap = await page.evaluate(() => window.aio.snapshot());
  const timeout = snap.params.timeout;
  assert.ok(snap.fetches.length > 0);
  let waiting = 0;
  for (const f of snap.fetches) {
    const limit = snap.timers.find((t) => t.what === `timeout of fetch ${f.url}`);
    assert.ok(limit, `no timer for ${f.url}'s timeout in ${JSON.stringify(snap.timers)}`);
    assert.equal(limit.task, f.task);
    assert.ok(Math.abs(limit.when - (f.started + timeout)) < 1e-9, `${f.url}: timeout at ${limit.when}, asked at ${f.started}`);
    const task = snap.tasks.find((t) => t.id === f.task);
    if (task.wait !== 'fetch') continue;   // answered: its task runs next
    waiting++;
    const answer = snap.timers.find((t) => t.what === `fetch ${f.url} (response due)`);
    assert.ok(answer, `no timer for ${f.url}'s answer in ${JSON.stringify(snap.timers)}`);
    assert.equal(answer.task, f.task);
    assert.equal(task.until, limit.when, `${task.name} waits until its request times out`);
  }
  assert.ok(waiting > 0, 'some task waits on its request');
  assert.deepEqual(snap.timers.filter((t) => t.what === 'callback'), [], 'every timer says what it is for');
  await page.waitForTimeout(200);
  const { png } = await screenshot(page, 'crawler-loop-timers');
  assert.ok(distinctColours(png) > 8);
  await page.evaluate(() => window.aio.stop());
});

// The slow sample page answers after 0.5 s here (harness.mjs); the others at once.
const slowTask = (snap) => snap.tasks.find((t) => (t.waiting_on ?? '').includes('/slow'));
const fetchingSlow = () => page.waitForFunction(() => {
  const s = window.aio.snapshot();
  return s.tasks.some((t) => (t.waiting_on ?? '').includes('/slow')) && s.tasks.filter((t) => t.state === 'waiting').length === 2;
}, null, { timeout: 10000, polling: 20 });

test('on the real network a task waits on its fetch until the response arrives, from then on ready', async () => {
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('crawler', { virtual_network: false }); });
  await fetchingSlow();   // main and the task fetching the slow page
  const name = slowTask(await page.evaluate(() => window.aio.snapshot())).name;
  const end = await page.evaluate(() => window.aio.finished());
  const slow = end.tasks.find((t) => t.name === name);
  assert.ok(slow.time_in.waiting >= 0.4, `${name} waited on its fetch the 0.5 s it took: ${JSON.stringify(slow.time_in)}`);
  assert.ok(slow.time_in.ready < 0.1, `${name} ran soon after its response: ${JSON.stringify(slow.time_in)}`);
  assert.ok(end.time >= 0.4, `the run took the slow page's time: ${end.time}`);
});

test('on the real network a pause while a response arrives keeps the clock where it stood', async () => {
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('crawler', { virtual_network: false }); });
  await fetchingSlow();
  await page.evaluate(() => window.aio.pause());
  const paused = await page.evaluate(() => window.aio.snapshot());
  await page.waitForTimeout(1000);   // the slow page answers meanwhile
  const later = await page.evaluate(() => window.aio.snapshot());
  assert.equal(later.time, paused.time, 'paused, the time shown stands still');
  assert.equal(later.status, 'paused');
  await page.evaluate(() => window.aio.resume());
  const end = await page.evaluate(() => window.aio.finished());
  assert.ok(end.time >= paused.time, `the run ended at ${end.time} s, before the ${paused.time} s it was paused at`);
  const slow = end.tasks.find((t) => t.name === slowTask(paused).name);
  assert.ok(slow.time_in.waiting >= paused.time - 0.05, `waited on its fetch until the pause at least: ${JSON.stringify(slow.time_in)}`);
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

test('real fetch() sends no cookies: the crawl reads pages as anyone would, not as the signed-in reader', async () => {
  await context.addCookies([{ name: 'session', value: 'reader-secret', url: server.url }]);
  let headers = [];   // each sample-site request's headers, as the browser sent them
  const record = (request) => { if (request.url().includes('/sample-site/')) headers.push(request.allHeaders()); };
  const cookies = async () => (await Promise.all(headers)).map((h) => h.cookie ?? '');
  page.on('request', record);
  try {
    // The page's own fetch() sends the cookie: this browser would, were the crawl's asking for it.
    await page.evaluate(() => fetch('sample-site/notes.txt').then((r) => r.text()));
    assert.deepEqual(await cookies(), ['session=reader-secret']);
    headers = [];
    const end = await page.evaluate(async () => {
      window.aio.setSpeed('instant');
      window.aio.run('crawler', { virtual_network: false, depth: 1 });
      return window.aio.finished();
    });
    assert.equal(end.status, 'finished');
    assert.ok(end.pages.filter((p) => p.state === 'done' && p.status === 200).length >= 6, JSON.stringify(end.pages.map((p) => [p.url, p.status])));
    const sent = await cookies();
    assert.ok(sent.length >= 6, `the crawl fetched ${sent.length} sample-site pages`);
    assert.deepEqual(sent.filter(Boolean), [], 'no request of the crawl carried the cookie');
  } finally {
    page.off('request', record);
    await context.clearCookies();
  }
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
