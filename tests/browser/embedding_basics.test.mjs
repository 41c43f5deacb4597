// The playground embedded in a lesson page: a same-origin page passes its own objects as params,
// a click inside a cross-origin iframe gives the playground the keys, the controls fit a narrow
// column, and the page API's messages name what was wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, landmark, landmarks, click, screenshot, lessonHtml as lessonPage, serveLesson } from './harness.mjs';

let server, browser, lessonServer;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); lessonServer?.stop(); });

// A lesson page with a heading, the playground in an iframe, and text long enough to scroll.
const lessonHtml = () => lessonPage(server.url);

// Opens the lesson page at `url` and waits for the playground in it. `route`: the test answers
// for that URL itself (same origin as the playground).
async function openLesson(url, { route = false } = {}) {
  const { page, context } = await openPage(browser, 'about:blank');
  if (route) await page.route(url, (r) => r.fulfill({ contentType: 'text/html', body: lessonHtml() }));
  await page.goto(url);
  const frame = await (await page.waitForSelector('#playground')).contentFrame();
  await frame.waitForFunction(() => window.aio);
  await frame.evaluate(() => window.aio.ready);
  return { page, context, frame };
}

test('a same-origin lesson page runs demos with its own objects and lists as params', async () => {
  const { page, context } = await openLesson(new URL('lesson-same-origin.html', server.url).href, { route: true });
  const runs = await page.evaluate(async () => {
    const { aio, JSON: frameJSON } = document.getElementById('playground').contentWindow;
    aio.setSpeed('instant');
    const run = async (demo, params) => { aio.run(demo, params); const s = await aio.finished(); return { status: s.status, output: s.output }; };
    return {
      empty: await run('count', {}),
      two: await run('count', { n: 2 }),
      listHere: await run('chain', { ids: [4, 5], seed: 7 }),
      listThere: await run('chain', frameJSON.parse('{"ids": [4, 5], "seed": 7}')),   // the frame's own realm
      noProto: await run('count', Object.assign(Object.create(null), { n: 2 })),
    };
  });
  assert.equal(runs.empty.status, 'finished');
  assert.equal(runs.two.status, 'finished');
  assert.equal(runs.two.output.filter((l) => l === 'One').length, 2, 'n=2: two coroutines print One');
  assert.equal(runs.empty.output.filter((l) => l === 'One').length, 3, 'no params: the default n=3');
  assert.deepEqual(runs.noProto.output, runs.two.output);
  assert.equal(runs.listHere.status, 'finished');
  assert.deepEqual(runs.listHere.output, runs.listThere.output, 'a list from the lesson page runs as one from the frame');

  // What is not plain data is still refused when it comes from the lesson page's realm.
  const refused = await page.evaluate(() => {
    const { aio } = document.getElementById('playground').contentWindow;
    class Point { constructor() { this.x = 1; } }
    class Ids extends Array {}
    const attempt = (params) => { try { aio.run('count', params); return 'accepted'; } catch (e) { return e.message; } };
    return [attempt({ n: new Point() }), attempt({ n: new Map() }), attempt({ n: new Date(0) }), attempt({ n: Ids.from([1]) }),
            attempt({ n: new Proxy({}, {}) }), attempt(new Point()), attempt({ n: Object.create({ inherited: 1 }) })];
  });
  assert.match(refused[0], /^aio\.run: params\.n must be plain JSON data .*, got an instance of Point$/);
  assert.match(refused[1], /got a Map$/);
  assert.match(refused[2], /got a Date$/);
  assert.match(refused[3], /got a list subclass$/);
  assert.match(refused[4], /got a Proxy or another exotic object$/);
  assert.match(refused[5], /^aio\.run: params must be plain JSON data .*, got an instance of Point$/);
  assert.match(refused[6], /^aio\.run: params\.n must be plain JSON data .*, got an object with a prototype$/);
  await context.close();
});

test('in a cross-origin lesson page, a click in the playground gives it R, Space and S, and the lesson does not scroll', async () => {
  lessonServer = await serveLesson(lessonHtml());
  assert.notEqual(new URL(lessonServer.url).origin, new URL(server.url).origin);
  const { page, context, frame } = await openLesson(lessonServer.url);
  const box = await page.locator('#playground').boundingBox();
  const inPage = (r) => ({ ...r, x: r.x + box.x, y: r.y + box.y });
  await frame.evaluate(() => window.aio.setSpeed(1));
  await click(page, inPage(await landmark(frame, 'run')));
  await frame.waitForFunction(() => window.aio.snapshot().status === 'running');
  await frame.evaluate(() => window.aio.stop());

  await page.keyboard.press('r');
  await frame.waitForFunction(() => window.aio.snapshot().status === 'running', null, { timeout: 3000 });
  await page.keyboard.press(' ');
  await frame.waitForFunction(() => window.aio.snapshot().status === 'paused', null, { timeout: 3000 });
  const before = await frame.evaluate(() => window.aio.snapshot().iteration);
  await page.keyboard.press('s');
  await frame.waitForFunction((n) => window.aio.snapshot().iteration === n + 1, before, { timeout: 3000 });
  for (const key of ['ArrowDown', 'PageDown', 'End']) await page.keyboard.press(key);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the lesson page did not scroll');
  await screenshot(page, 'embedded-cross-origin');
  await context.close();
});

test('at 320 to 880 px the run buttons wrap inside the controls panel, and Stop works', async () => {
  for (const width of [320, 721, 760, 800, 880]) {
    const { page, context } = await openPage(browser, server.url, { viewport: { width, height: 800 } });
    await page.evaluate(() => window.aio.ready);
    await landmark(page, 'controls');
    const marks = await landmarks(page);
    const panel = marks.controls;
    const inset = 4;   // a child window clips its content half its padding inside its border
    for (const name of ['demo', 'run', 'pause', 'step', 'stop', 'help-button', 'instant', 'speed', 'param:n', 'param:n:+']) {
      const r = marks[name];
      assert.ok(r, `${width} px: ${name} is drawn`);
      assert.ok(r.x >= panel.x + inset && r.x + r.w <= panel.x + panel.w - inset &&
                r.y >= panel.y + inset && r.y + r.h <= panel.y + panel.h - inset,
                `${width} px: ${name} ${JSON.stringify(r)} lies inside the controls panel ${JSON.stringify(panel)}`);
    }
    await screenshot(page, `controls-${width}px`);
    await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('count', {}); });
    await page.waitForFunction(() => window.aio.snapshot().status === 'running');
    await click(page, await landmark(page, 'stop'));
    await page.waitForFunction(() => window.aio.snapshot().status === 'stopped', null, { timeout: 3000 });
    await context.close();
  }
});

test('messages name the bad item, the views and the constraints; controls on an ended run change nothing', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const thrown = (fn, arg) => page.evaluate(([f, a]) => { try { window.aio[f](...a); return 'no error'; } catch (e) { return e.message; } }, [fn, arg]);
  const views = 'tasks, timeline, tree, source, summary, loop, resources, pages';
  assert.equal(await thrown('showView', [5]), `aio.showView: view must be one of ${views}, got 5`);
  assert.equal(await thrown('showView', ['stack']), `aio.showView: view must be one of ${views}, got "stack"`);
  assert.equal(await thrown('run', ['chain', { ids: [1.5] }]), 'aio.run: chain: ids[0] must be a whole number, got 1.5');
  assert.equal(await thrown('run', ['chain', { ids: [2, [1]] }]), 'aio.run: chain: ids[1] must be a whole number, got a list of 1 item');

  // Resources and Pages are panels a demo declares: asking another demo for them says which it has.
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', {}); return window.aio.finished(); });
  assert.equal(await thrown('showView', ['resources']),
               'aio.showView: the count demo has no resources view; its views are tasks, timeline, tree, source, summary, loop');
  assert.equal(await thrown('showView', ['summary']), 'no error');
  await page.evaluate(() => { window.aio.run('queue', {}); return window.aio.finished(); });
  assert.equal(await thrown('showView', ['resources']), 'no error');
  assert.equal(await thrown('showView', ['pages']),
               'aio.showView: the queue demo has no pages view; its views are tasks, timeline, tree, source, resources, summary, loop');

  // Paired parameters say which bounds which, and the bound holds.
  let pairs = 0;
  for (const demo of await page.evaluate(() => window.aio.demos())) {
    const params = await page.evaluate((d) => window.aio.params(d), demo);
    for (const [lo, p] of Object.entries(params)) {
      if (!p.at_most) continue;
      const hi = p.at_most;
      pairs++;
      assert.equal(params[hi].at_least, lo, `${demo}: ${hi} is at least ${lo}`);
      assert.match(await thrown('run', [demo, { [lo]: p.max, [hi]: params[hi].min }]),
                   new RegExp(`^aio\\.run: ${demo}: ${lo} must be .*\\(at most ${hi}\\), got `));
    }
  }
  assert.ok(pairs >= 2, 'chain and the crawler have bounded pairs');

  // On a finished run, pause, resume, step and stop leave everything as it was.
  await page.evaluate(() => { window.aio.run('count', {}); return window.aio.finished(); });
  const ended = await page.evaluate(() => window.aio.snapshot());
  for (const control of ['pause', 'resume', 'step', 'stop']) assert.equal(await thrown(control, []), 'no error');
  assert.deepEqual(await page.evaluate(() => window.aio.snapshot()), ended);
  await context.close();
});
