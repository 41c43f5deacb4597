// window.aio drives the demos: every demo runs at instant speed and prints what CPython prints
// for its script; pause, step, stop and speed behave; bad calls throw and change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, distinctColours, landmarks } from './harness.mjs';
import { cpythonLines, maskItems, assertCrawledSampleSite } from './reference.mjs';

let server, browser, page, errors, context;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, errors, context } = await openPage(browser, server.url));
  await page.evaluate(() => window.aio.ready);
});
after(async () => { await context?.close(); await browser?.close(); server?.stop(); });


test('demos and their parameters are listed with defaults, ranges and help', async () => {
  const names = await page.evaluate(() => window.aio.demos());
  for (const name of ['count', 'chain', 'queue', 'crawler', 'rand', 'as_completed', 'asyncgen']) assert.ok(names.includes(name), name);
  const q = await page.evaluate(() => window.aio.params('queue'));
  assert.equal(q.producers.default, 2);
  assert.equal(q.consumers.default, 5);
  assert.equal(q.seed.default, 444);
  assert.equal(q.maxsize.min, 0);
  assert.ok(q.producers.help.length > 0);
  const c = await page.evaluate(() => window.aio.params('crawler'));
  assert.equal(c.urls.kind, 'text');
});

test('every demo but the crawler prints what CPython prints for its script, at instant speed', async () => {
  await page.evaluate(() => window.aio.setSpeed('instant'));
  for (const [demo, params] of [['count', {}], ['count', { blocking: true, n: 2 }], ['chain', {}], ['chain', { seed: 7, ids: [4, 5] }],
                                ['queue', {}], ['queue', { seed: 1, maxsize: 1, producers: 3 }], ['rand', {}],
                                ['as_completed', {}], ['asyncgen', {}]]) {
    const snap = await page.evaluate(async ([d, p]) => {
      window.aio.run(d, p);
      return window.aio.finished();
    }, [demo, params]);
    const source = await page.evaluate((d) => window.aio.source(d), demo);
    assert.equal(snap.status, 'finished', demo);
    assert.deepEqual(maskItems(snap.output), maskItems(cpythonLines(source)), `${demo} ${JSON.stringify(params)}`);
    assert.ok(snap.tasks.every((t) => ['done', 'failed', 'cancelled'].includes(t.state)), `${demo}: no task left pending`);
  }
});

test("each run's entropy seed is drawn anew, kept for the run, and held exactly by JavaScript", async () => {
  const seedOf = async () => {
    await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('queue', { producers: 1, consumers: 1 }); });
    const first = await page.evaluate(() => window.aio.snapshot().entropy_seed);
    const done = await page.evaluate(() => window.aio.finished());
    assert.equal(done.entropy_seed, first, 'the same seed for the whole run');
    assert.ok(Number.isSafeInteger(first) && first >= 0, `a whole number below 2^53: ${first}`);
    return first;
  };
  const a = await seedOf(), b = await seedOf();
  assert.notEqual(a, b, 'a new run draws a new seed, as os.urandom differs each run');
  await page.evaluate(() => window.aio.setSpeed(1));
});

test('the crawler fetches the sample site and writes foundurls.txt', async () => {
  const snap = await page.evaluate(async () => {
    window.aio.run('crawler', {});
    return window.aio.finished();
  });
  assertCrawledSampleSite(snap, server.url);
  assert.ok(snap.pages.every((p) => p.truncated === false), 'the sample pages are under the 2 MiB cap');
  await page.evaluate(() => window.aio.showView('pages'));
  await page.waitForTimeout(200);
  const { png } = await screenshot(page, 'view-crawler');
  assert.ok(distinctColours(png) > 8);
});

test('a page past the 2 MiB cap is cut, and the log, pages[] and the crawler view say so', async () => {
  // 100,000 links of 25 bytes; the page's fetch of big.html is answered here, not by the server.
  const body = Array.from({ length: 100000 }, (_, i) => `<a href="/p/${String(i).padStart(5, '0')}">x</a>\n`).join('');
  const big = new URL('big.html', server.url).href;
  await page.route(big, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
  try {
    const snap = await page.evaluate(async (url) => {
      window.aio.run('crawler', { urls: url });
      return window.aio.finished();
    }, big);
    const cap = 2 * 1024 * 1024;
    const found = Math.floor((cap - 18) / 25) + 1;   // links whose closing quote (at 25 i + 17) is inside
    assert.ok(snap.output.includes(`INFO:areq: Found ${found} links for ${big} (body cut at 2 MiB: links past it are not listed or followed)`),
              snap.output.join('\n'));
    assert.deepEqual([snap.pages[0].truncated, snap.pages[0].bytes], [true, cap]);
    await page.evaluate(() => window.aio.showView('pages'));
    await page.waitForTimeout(200);
    // Hover the first row's note (right of the views panel, below its tabs and header) for the tooltip.
    const { views } = await landmarks(page);
    await page.mouse.move(views.x + views.w - 150, views.y + 59);
    await page.waitForTimeout(300);
    await screenshot(page, 'view-crawler-truncated');
  } finally {
    await page.unroute(big);
  }
});

test('at 1x, count with n=3 has three tasks waiting at once; pause freezes time, step runs one iteration', async () => {
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('count', { n: 3 }); });
  // Paused in the same turn that sees the three sleeps, so a slow machine cannot let them end first.
  await page.waitForFunction(() => {
    const asleep = window.aio.snapshot().tasks.filter((t) => t.state === 'waiting' && t.waiting_on === 'sleep(1)');
    if (asleep.length === 3) window.aio.pause();
    return asleep.length === 3;
  });
  const a = await page.evaluate(() => window.aio.snapshot());
  assert.equal(a.tasks.filter((t) => t.state === 'waiting' && t.waiting_on === 'sleep(1)').length, 3);
  await page.waitForTimeout(300);
  const b = await page.evaluate(() => window.aio.snapshot());
  assert.equal(a.status, 'paused');
  assert.equal(b.time, a.time, 'paused: loop time stands still');
  assert.equal(b.iteration, a.iteration);
  await page.evaluate(() => window.aio.step());
  const c = await page.evaluate(() => window.aio.snapshot());
  assert.equal(c.iteration, a.iteration + 1, 'step: exactly one iteration');
  await page.evaluate(() => window.aio.stop());
  const d = await page.evaluate(() => window.aio.snapshot());
  assert.equal(d.status, 'stopped');
  assert.ok(d.tasks.every((t) => ['done', 'failed', 'cancelled'].includes(t.state)), 'stop leaves no task pending');
});

test('bad calls throw an Error that names the problem, and change nothing', async () => {
  await page.evaluate(async () => { window.aio.setSpeed('instant'); window.aio.run('rand', {}); await window.aio.finished(); });
  const before = await page.evaluate(() => window.aio.snapshot());
  const failures = await page.evaluate(() => {
    const out = [];
    for (const f of [() => window.aio.run('nope'), () => window.aio.run('queue', { producers: 50000 }),
                     () => window.aio.run('queue', { sleep_min: 5, sleep_max: 1 }), () => window.aio.run('queue', { colour: 1 }),
                     () => window.aio.run('count', { n: 'three' }), () => window.aio.run('count', [3]),
                     () => window.aio.setSpeed(50), () => window.aio.params('nope')]) {
      try { f(); out.push('no error'); } catch (e) { out.push(e instanceof Error ? e.message : 'not an Error'); }
    }
    return out;
  });
  // Like showView's views, the demos are listed, from the page's own list.
  const demos = (await page.evaluate(() => window.aio.demos())).join(', ');
  assert.equal(failures[0], `aio.run: unknown demo 'nope'; the demos are ${demos}`);
  assert.match(failures[1], /producers.*0\.\.10000/);
  assert.match(failures[2], /sleep_min/);
  assert.match(failures[3], /unknown parameter 'colour'/);
  assert.match(failures[4], /n must be a whole number/);
  assert.match(failures[5], /params must be an object/);
  assert.match(failures[6], /speed must be/);
  assert.equal(failures[7], `aio.params: unknown demo 'nope'; the demos are ${demos}`);
  const after = await page.evaluate(() => window.aio.snapshot());
  assert.deepEqual(after, before);
  // The browser logs the crawler's deliberate 404 (the sample site's missing teapots page).
  assert.deepEqual(errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404')), []);
});

test('a run started through the API shows in each view', async () => {
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('queue', {}); });
  await page.waitForFunction(() => window.aio.snapshot().output.length >= 7);
  await page.evaluate(() => window.aio.pause());
  const shots = {};
  for (const view of ['tasks', 'timeline', 'tree', 'source', 'loop', 'resources']) {
    await page.evaluate((v) => window.aio.showView(v), view);
    await page.waitForTimeout(200);
    const { png } = await screenshot(page, `view-${view}-queue`);
    assert.ok(distinctColours(png) > 8, view);
    shots[view] = png.data;
  }
  assert.notDeepEqual(shots.tasks, shots.source, 'the source tab shows something else');
  assert.notDeepEqual(shots.source, shots.loop, 'the loop tab shows something else');
  assert.notDeepEqual(shots.tasks, shots.timeline, 'the timeline tab shows something else');
  assert.notDeepEqual(shots.loop, shots.resources, 'the resources tab shows something else');
  assert.notDeepEqual(shots.tree, shots.tasks, 'the await tree tab shows something else');
  const snap = await page.evaluate(() => window.aio.snapshot());
  const [q] = snap.resources;
  assert.deepEqual([snap.resources.length, q.kind, q.name, q.capacity], [1, 'queue', 'q', 0]);
  assert.ok(q.waiting.getters.length >= 1, 'consumers wait in get() on an empty queue');
  for (const id of q.waiting.getters)
    assert.equal(snap.tasks.find((t) => t.id === id).waiting_on, 'queue.get', `task ${id} waits in get()`);
  await page.evaluate(() => window.aio.stop());
});

test('the summary sets count and its blocking twin side by side', async () => {
  await page.evaluate(async () => {
    window.aio.setSpeed('instant');
    window.aio.run('count', {});
    await window.aio.finished();
    window.aio.run('count', { blocking: true });
    await window.aio.finished();
    window.aio.showView('summary');
  });
  await page.waitForTimeout(200);
  const { png } = await screenshot(page, 'view-summary-count');
  assert.ok(distinctColours(png) > 8);
  const snap = await page.evaluate(() => window.aio.snapshot());
  assert.equal(snap.output.at(-1), 'countasync.py executed in 3.00 seconds.');
});
