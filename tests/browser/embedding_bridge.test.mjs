// A course page on another origin drives the playground through its postMessage bridge with
// web/embed.js: requests and replies, events, auto-height, who may choose the crawler's URLs,
// and what the bridge does with messages from other windows and with hostile ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openPage, landmark, screenshot, lessonHtml, serveLesson, siteDir } from './harness.mjs';

let server, browser;
const lessons = [];
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); for (const l of lessons) l.stop(); });

// A host page as a course site writes one: embed.js from the playground's deployment, and
// window.pg once connected; window.heard keeps every event in order.
const connectScript = `
  window.heard = [];
  window.connected = AioEmbed.connect(document.getElementById('playground'), {autoHeight: true, timeout: 60000}).then((pg) => {
    window.pg = pg;
    for (const name of ['ready', 'status', 'output', 'finished', 'resize']) pg.on(name, (data) => heard.push({event: name, data}));
    return pg.origin;
  }, (e) => 'failed: ' + e.message);`;

// Serves a host page (another origin: localhost, where the playground is on 127.0.0.1) and opens it.
// `prepare(context, origin)` runs before the host page at `origin` loads (to route requests).
async function openHost({ script = connectScript, prepare = async () => {} } = {}) {
  const lesson = await serveLesson(lessonHtml(server.url, { script, prose: 200, scripts: [new URL('embed.js', server.url).href] }));
  lessons.push(lesson);
  const { page, errors, context } = await openPage(browser, 'about:blank', { viewport: { width: 1100, height: 900 } });
  await prepare(context, new URL(lesson.url).origin);
  await page.goto(lesson.url);
  const frame = await (await page.waitForSelector('#playground')).contentFrame();
  return { page, errors, context, frame, origin: new URL(lesson.url).origin };
}

// Events heard since `from`, named `name`.
const heard = (page, name, from = 0) => page.evaluate(([n, f]) => window.heard.slice(f).filter((e) => e.event === n), [name, from]);
// Waits for `check(arg)` in the host page; a timeout lists the events heard.
async function waitHeard(page, check, arg, timeout = 20000) {
  try {
    return await (await page.waitForFunction(check, arg, { timeout, polling: 50 })).jsonValue();
  } catch (e) {
    const events = await page.evaluate(() => window.heard.map((h) => `${h.event} ${JSON.stringify(h.data).slice(0, 80)}`));
    throw new Error(`${e.message} (${check}); heard:\n${events.join('\n')}`);
  }
}

test('a host on another origin connects, drives a run through embed.js and hears its events', async () => {
  const { page, errors, context, frame, origin } = await openHost();
  assert.equal(await page.evaluate(() => window.connected), server.url.replace(/\/$/, ''), 'connect() resolved with the playground origin');
  assert.notEqual(origin, server.url.replace(/\/$/, ''), 'the host is on another origin');
  // Connected means ready: the first event is `ready`, then where the run stands and the height.
  await waitHeard(page, () => window.heard.some((e) => e.event === 'resize'));
  const first = await page.evaluate(() => window.heard.map((e) => e.event));
  assert.equal(first[0], 'ready');
  assert.deepEqual((await heard(page, 'status'))[0].data.status, 'idle');

  // Every page API method is on the handle, and no other.
  const pageMethods = await frame.evaluate(() => Object.keys(window.aio).filter((k) => typeof window.aio[k] === 'function' && !k.startsWith('_')));
  const hostMethods = await page.evaluate(() => Object.keys(window.pg).filter((k) => !['origin', 'call', 'on', 'off', 'close'].includes(k)));
  assert.deepEqual(hostMethods.sort(), pageMethods.sort());
  assert.ok((await page.evaluate(() => pg.demos())).includes('count'));
  assert.equal((await page.evaluate(() => pg.params('count'))).n.kind, 'int');
  assert.equal((await page.evaluate(() => pg.source('count'))).script, 'countasync.py');

  // A run at 0.5x, paused, stepped one iteration (count's tasks all sleep: to their wake-up),
  // resumed to its end; then one stopped. Each change of status is told, in order.
  let mark = await page.evaluate(() => window.heard.length);
  assert.equal(await page.evaluate(() => pg.setSpeed(0.5)), null);
  assert.equal(await page.evaluate(() => pg.run('count', { n: 3 })), null);
  await waitHeard(page, (m) => window.heard.slice(m).some((e) => e.event === 'output'), mark);
  await page.evaluate(() => pg.pause());
  await waitHeard(page, (m) => window.heard.slice(m).some((e) => e.event === 'status' && e.data.status === 'paused'), mark);
  const before = await page.evaluate(() => pg.snapshot());
  assert.equal(before.status, 'paused');
  await page.evaluate(() => pg.step());
  const stepped = await page.evaluate(() => pg.snapshot());
  assert.equal(stepped.iteration, before.iteration + 1, 'step runs exactly one loop iteration');
  assert.equal(stepped.status, 'paused');
  await page.evaluate(() => pg.resume());
  const done = await waitHeard(page, (m) => window.heard.slice(m).find((e) => e.event === 'finished')?.data, mark);
  assert.equal(done.status, 'finished');
  assert.deepEqual((await heard(page, 'status', mark)).map((e) => e.data.status), ['running', 'paused', 'running', 'finished']);

  mark = await page.evaluate(() => window.heard.length);
  await page.evaluate(() => pg.run('count', { n: 3 }));
  await waitHeard(page, (m) => window.heard.slice(m).some((e) => e.event === 'output'), mark);
  await page.evaluate(() => pg.stop());
  const stopped = await waitHeard(page, (m) => window.heard.slice(m).find((e) => e.event === 'finished')?.data, mark);
  assert.equal(stopped.status, 'stopped');
  assert.equal(stopped.run, done.run + 1);
  assert.deepEqual((await heard(page, 'status', mark)).map((e) => e.data.status), ['running', 'stopped']);

  // At instant speed, finished() replies when the run ends, with the snapshot the event carries;
  // the output events hold every line the run printed, each once, in order.
  const mark2 = await page.evaluate(() => window.heard.length);
  const final = await page.evaluate(async () => { await pg.setSpeed('instant'); await pg.run('count', { n: 2 }); return pg.finished(); });
  assert.equal(final.status, 'finished');
  const ended = await waitHeard(page, (m) => window.heard.slice(m).find((e) => e.event === 'finished')?.data, mark2);
  assert.deepEqual(ended, final);
  const printed = (await heard(page, 'output', mark2)).filter((e) => e.data.run === final.run).flatMap((e) => e.data.lines);
  assert.deepEqual(printed, final.output);
  assert.equal(printed.filter((l) => l === 'One').length, 2);

  // showView brings the view forward; the page's own refusals come back as errors.
  assert.equal(await page.evaluate(() => pg.showView('timeline')), null);
  await landmark(frame, 'shown:timeline');
  const refusals = await page.evaluate(async () => {
    const attempt = (p) => p.then((r) => 'resolved ' + JSON.stringify(r), (e) => e.message);
    return { param: await attempt(pg.run('count', { n: -5 })), unknown: await attempt(pg.call('explode', 1)),
             view: await attempt(pg.showView('pages')) };
  });
  assert.match(refusals.param, /^aio\.run: .*\bn\b.*-5/);
  assert.match(refusals.unknown, /^unknown method "explode"; the methods are ping, demos, /);
  assert.match(refusals.view, /^aio\.showView: the count demo has no pages view/);
  assert.equal((await page.evaluate(() => pg.snapshot())).run, final.run, 'the refused run started nothing');
  await screenshot(page, 'bridge-host');
  assert.deepEqual(errors, []);
  await context.close();
});

test("auto-height follows the height the playground's layout needs as the frame's width and the demo change", async () => {
  const { page, context, frame } = await openHost();
  assert.ok((await page.evaluate(() => window.connected)).startsWith('http'));
  const height = async (m) => (await waitHeard(page, (f) => window.heard.slice(f).filter((e) => e.event === 'resize').at(-1)?.data.height, m));
  const frameHeight = () => page.evaluate(() => document.getElementById('playground').getBoundingClientRect().height);
  const wide = await height(0);
  await page.waitForFunction((h) => document.getElementById('playground').getBoundingClientRect().height === h, wide);
  // The controls column shows all it holds: its last widget is inside it, with the frame that tall.
  const controlsFit = async () => {
    const [controls, reset] = [await landmark(frame, 'controls'), await landmark(frame, 'reset')];
    return reset.y + reset.h <= controls.y + controls.h;
  };
  assert.ok(await controlsFit(), 'at the height it asked for, the controls do not scroll');

  // Narrower than 720 px the controls go on top, in 45% of the height: it needs more.
  let mark = await page.evaluate(() => window.heard.length);
  await page.evaluate(() => { document.getElementById('playground').style.width = '420px'; });
  const narrow = await height(mark);
  assert.ok(narrow > wide, `narrow ${narrow} px > wide ${wide} px`);
  await page.waitForFunction((h) => document.getElementById('playground').getBoundingClientRect().height === h, narrow);
  assert.ok(await controlsFit(), 'narrow, at the height it asked for, the controls do not scroll');
  await screenshot(page, 'bridge-auto-height-narrow');

  // Another demo with more parameters needs more still.
  mark = await page.evaluate(() => window.heard.length);
  await page.evaluate(() => pg.run('queue', {}));
  const queue = await height(mark);
  assert.ok(queue > narrow, `queue ${queue} px > count ${narrow} px`);
  await page.waitForFunction((h) => document.getElementById('playground').getBoundingClientRect().height === h, queue);
  assert.equal(await frameHeight(), queue);
  await screenshot(page, 'bridge-auto-height-queue');
  await context.close();
});

test('when the page in the iframe loads again, the handle connects to it again and its events start over', async () => {
  const { page, context } = await openHost();
  assert.ok((await page.evaluate(() => window.connected)).startsWith('http'));
  await page.evaluate(async () => { await pg.setSpeed('instant'); await pg.run('count', { n: 1 }); return pg.finished(); });
  // The run's last output batch may come after finished() (batches are paced, 200 ms apart): the
  // old page has had its say once nothing more comes for twice that.
  await page.waitForFunction(() => {
    const n = window.heard.length;
    if (window.quiet?.n !== n) window.quiet = { n, since: performance.now() };
    return performance.now() - window.quiet.since > 400;
  }, null, { polling: 50, timeout: 10000 });
  const mark = await page.evaluate(() => window.heard.length);
  await page.evaluate(() => { const f = document.getElementById('playground'); f.src = f.src; });
  const events = await waitHeard(page, (m) => {
    const after = window.heard.slice(m);
    return after.some((e) => e.event === 'resize') && after.map((e) => e.event);
  }, mark);
  assert.equal(events[0], 'ready');
  assert.equal((await heard(page, 'status', mark))[0].data.status, 'idle', 'a new page: nothing has run');
  assert.equal((await page.evaluate(() => pg.snapshot())).run, 0);
  assert.equal(await page.evaluate(() => pg.run('count', { n: 1 }).then(() => pg.finished()).then((s) => s.status)), 'finished');
  await context.close();
});

// The page's index.html with the deployment's allow-list set to `origins`.
const withAllowList = (origins) => readFileSync(join(siteDir, 'index.html'), 'utf8')
  .replace('<meta name="aio-embed-origins" content="">', `<meta name="aio-embed-origins" content="${origins}">`);

const runUrls = `window.tryUrls = () => pg.run('crawler', { urls: 'sample-site/about.html' }).then(() => pg.snapshot(), (e) => e.message);`;

test("a host on another origin may choose the crawler's URLs only when the deployment allows its origin", async () => {
  // Not on the allow-list (empty by default): refused, saying why, and nothing runs.
  const refused = await openHost({ script: connectScript + runUrls });
  await refused.page.evaluate(() => window.connected);
  const message = await refused.page.evaluate(() => window.tryUrls());
  assert.equal(typeof message, 'string', 'the run was refused');
  assert.ok(message.startsWith(`aio.run: params.urls is refused from ${refused.origin}: the page fetches those URLs with its own origin`), message);
  assert.match(message, /<meta name="aio-embed-origins">: empty/);
  assert.equal((await refused.page.evaluate(() => pg.snapshot())).status, 'idle');
  // Nor may it put them in the controls, for the reader's Run.
  const shown = await refused.page.evaluate(() => pg.show('crawler', { urls: 'sample-site/about.html' }).then(() => 'shown', (e) => e.message));
  assert.ok(shown.startsWith(`aio.show: params.urls is refused from ${refused.origin}:`), shown);
  // The crawler with its own URLs is fine.
  await refused.page.evaluate(() => pg.run('crawler', { depth: 0 }));
  assert.equal((await refused.page.evaluate(() => pg.snapshot())).demo, 'crawler');
  await refused.context.close();

  // On the allow-list: the same call runs with those URLs.
  const allowed = await openHost({
    script: connectScript + runUrls,
    prepare: (context, origin) => context.route(server.url, (r) => r.fulfill({ contentType: 'text/html',
      body: withAllowList(`https://other.example ${origin}`) })),
  });
  assert.ok((await allowed.page.evaluate(() => window.connected)).startsWith('http'));
  const snap = await allowed.page.evaluate(() => window.tryUrls());
  assert.equal(typeof snap, 'object', `refused: ${snap}`);
  assert.equal(snap.demo, 'crawler');
  assert.equal(snap.params.urls, 'sample-site/about.html');
  await allowed.context.close();
});

test("a host on the playground's own origin may choose the crawler's URLs", async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  const url = new URL('same-origin-host.html', server.url).href;
  await page.route(url, (r) => r.fulfill({ contentType: 'text/html',
    body: lessonHtml(server.url, { script: connectScript + runUrls, prose: 100, scripts: ['embed.js'] }) }));
  await page.goto(url);
  assert.equal(await page.evaluate(() => window.connected), new URL(server.url).origin);
  const snap = await page.evaluate(() => window.tryUrls());
  assert.equal(snap.params?.urls, 'sample-site/about.html', `refused: ${JSON.stringify(snap)}`);
  await context.close();
});

// A frame of a third origin inside the host page: it reaches the playground as parent.frames[0]
// and tries to drive it, and keeps whatever it hears.
const spyHtml = `<!doctype html><script>
  window.got = [];
  addEventListener('message', (e) => got.push(e.data));
  const pg = parent.frames[0];
  for (const method of ['ping', 'snapshot']) pg.postMessage({ aio: 1, id: method, method }, '*');
  pg.postMessage({ aio: 1, id: 'run', method: 'run', args: ['count', { n: 1 }] }, '*');
</script>`;

test('nothing is posted before the host speaks, and windows other than the parent are not heard or told', async () => {
  // The host listens to everything the playground posts, and does not speak at first.
  const listen = `window.raw = []; addEventListener('message', (e) => { if (e.source === document.getElementById('playground').contentWindow) raw.push({ origin: e.origin, data: e.data }); });`;
  const spyUrl = 'http://127.0.0.1:9/spy.html';   // answered by the test: a third origin
  const { page, context, frame } = await openHost({ script: listen });
  await context.route(spyUrl, (r) => r.fulfill({ contentType: 'text/html', body: spyHtml }));
  await frame.waitForFunction(() => window.aio);
  await frame.evaluate(() => window.aio.ready);
  // The run moves, its status changes and lines print: still nothing is posted to the host.
  await frame.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', { n: 1 }); return window.aio.finished(); });
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.raw), []);

  // The third-origin frame's requests are ignored: no answer to it or to anyone, nothing changes.
  const before = await frame.evaluate(() => window.aio.snapshot());
  await page.evaluate((src) => {
    const spy = document.createElement('iframe');
    spy.src = src;
    document.body.append(spy);
  }, spyUrl);
  const spy = await (await page.waitForSelector('iframe[src$="spy.html"]')).contentFrame();
  await spy.waitForFunction(() => Array.isArray(window.got));
  await page.waitForTimeout(1000);
  assert.deepEqual(await spy.evaluate(() => window.got), []);
  assert.deepEqual(await page.evaluate(() => window.raw), []);
  const after = await frame.evaluate(() => window.aio.snapshot());
  assert.deepEqual([after.run, after.status, after.demo], [before.run, before.status, before.demo]);

  // The parent speaks: events flow to it, on its origin, and still none to the third frame.
  await page.evaluate(() => { window.heard = []; return AioEmbed.connect(document.getElementById('playground')).then((pg) => { window.pg = pg; }); });
  await page.evaluate(() => pg.run('count', { n: 1 }));
  await page.waitForFunction(() => window.raw.some((m) => m.data.event === 'finished'));
  const raw = await page.evaluate(() => window.raw);
  assert.ok(raw.length > 0 && raw.every((m) => m.data.aio === 1));
  assert.deepEqual(await spy.evaluate(() => window.got), []);
  await context.close();
});

// Messages a careless or hostile host might send, each with the error its reply must name, or
// null where no reply may come (not ours, or no id to answer to). Built in the host page.
const hostileBatch = `window.hostile = () => {
  const big = 'x'.repeat(200000);
  const deep = (n) => { let v = 1; for (let i = 0; i < n; i++) v = [v]; return v; };
  return [
    ['hello', null], [42, null], [null, null], [[1, 2], null], [new Map([['aio', 1]]), null], [new ArrayBuffer(8), null],
    [{ aio: 2, id: 'v2', method: 'run', args: ['count'] }, null], [{ aio: '1', id: 's', method: 'run' }, null],
    [{ aio: 1, method: 'run', args: ['count'] }, null], [{ aio: 1, id: {}, method: 'run' }, null],
    [{ aio: 1, id: big, method: 'run' }, null], [{ aio: 1, id: 1.5, method: 'run' }, null], [{ aio: 1, id: NaN, method: 'demos' }, null],
    [{ aio: 1, id: 'h1', method: 'explode' }, /^unknown method "explode"; the methods are ping, /],
    [{ aio: 1, id: 'h2', method: big }, /^unknown method "x{40}…" \\(200,000 characters\\)/],
    [{ aio: 1, id: 'h3', method: '_form', args: [{ run: true }] }, /^unknown method "_form"/],
    [{ aio: 1, id: 'h4', method: '__proto__' }, /^unknown method "__proto__"/],
    [{ aio: 1, id: 'h5', method: 'constructor' }, /^unknown method "constructor"/],
    [{ aio: 1, id: 'h6', method: 'ready' }, /^unknown method "ready"/],
    [{ aio: 1, id: 'h7', method: new Date(0) }, /^unknown method a Date;/],
    [{ aio: 1, id: 'h8', method: 'run', args: 'count' }, /^aio\\.run: args must be a list of the method's arguments, got "count"/],
    [{ aio: 1, id: 'h9', method: 'run', args: { 0: 'count' } }, /^aio\\.run: args must be a list .*got an object/],
    [{ aio: 1, id: 'h10', method: 'run', args: ['count', new Map([['n', 2]])] }, /^aio\\.run: params must be an object such as \\{n: 3\\}, got a Map|^aio\\.run: params must be plain JSON data.*a Map/],
    [{ aio: 1, id: 'h11', method: 'run', args: ['count', { n: new Date(0) }] }, /^aio\\.run: params\\.n must be plain JSON data .*got a Date/],
    [{ aio: 1, id: 'h12', method: 'run', args: ['count', { n: new Blob(['2']) }] }, /^aio\\.run: params\\.n must be plain JSON data .*got a Blob/],
    [{ aio: 1, id: 'h13', method: 'run', args: new Array(1000000) }, /^aio\\.run: takes at most 2 arguments, got 1,000,000/],
    [{ aio: 1, id: 'h14', method: 'run', args: ['count', { n: 2 }, 'more'] }, /^aio\\.run: takes at most 2 arguments, got 3/],
    [{ aio: 1, id: 'h15', method: 'setSpeed', args: [1, 2] }, /^aio\\.setSpeed: takes at most 1 argument, got 2/],
    [{ aio: 1, id: 'h16', method: 'run', args: ['count', { n: big }] }, /^aio\\.run: params\\.n must be at most 65,536 characters/],
    [{ aio: 1, id: 'h17', method: 'run', args: [big, {}] }, /^aio\\.run: demo must be at most 64 characters/],
    [{ aio: 1, id: 'h18', method: 'setSpeed', args: [Infinity] }, /^aio\\.setSpeed: speed must be a number from 0\\.1 to 10/],
    [{ aio: 1, id: 'h19', method: 'showView', args: [['tasks']] }, /^aio\\.showView: view must be one of tasks, /],
    [{ aio: 1, id: 'h20', method: 'ping', args: [1] }, /^ping takes no arguments, got 1/],
    [{ aio: 1, id: 'h21', method: 'run', args: ['count', { n: 2, urls: 'https://127.0.0.1/' }] }, /^aio\\.run: params\\.urls is refused/],
    [{ aio: 1, id: 'h22', method: 'params', args: [null] }, /^aio\\.params: demo must be a name from aio\\.demos\\(\\), got null/],
    [{ aio: 1, id: 'h23', method: 'run', args: ['count', { n: deep(34) }] }, /is nested deeper than 32/],
    [{ aio: 1, id: 'h24', method: 'pause', args: [{}] }, /^aio\\.pause: takes at most 0 arguments, got 1/],
  ];
};`;

test('a batch of malformed and hostile messages gets the errors it should, leaves the page working and changes nothing', async () => {
  const { page, errors, context, frame } = await openHost({ script: connectScript + hostileBatch });
  assert.ok((await page.evaluate(() => window.connected)).startsWith('http'));
  const state = () => frame.evaluate(() => {
    const { demo, status, run, speed, iteration, params } = window.aio.snapshot();
    const { view } = window.aio._form();
    return { demo, status, run, speed, iteration, params, view };
  });
  await page.evaluate(async () => { await pg.setSpeed(3); await pg.run('chain', { ids: [1, 2], seed: 5 }); await pg.pause(); await pg.showView('tree'); });
  await frame.waitForFunction(() => window.aio._form().view === 'tree');
  const before = await state();

  const replies = await page.evaluate(async () => {
    const target = document.getElementById('playground').contentWindow;
    const origin = pg.origin;
    const got = [];
    const hear = (e) => { if (e.source === target && e.data?.aio === 1 && !('event' in e.data)) got.push(e.data); };
    addEventListener('message', hear);
    for (const [message] of window.hostile()) target.postMessage(message, origin);
    await pg.demos();   // answered after every message before it
    await new Promise((r) => setTimeout(r, 300));
    removeEventListener('message', hear);
    return got.filter((r) => typeof r.id === 'string');
  });
  const expected = await page.evaluate(() => window.hostile().map(([m, e]) => [m?.id ?? null, e ? e.source : null]));
  const answered = new Map(replies.map((r) => [r.id, r]));
  assert.equal(replies.length, answered.size, 'one reply per request');
  for (const [id, pattern] of expected) {
    if (pattern === null) {
      if (typeof id === 'string' && id.length < 100) assert.ok(!answered.has(id), `no reply to ${id}`);
      continue;
    }
    const reply = answered.get(id);
    assert.ok(reply, `a reply to ${id}`);
    assert.ok(!('result' in reply), `${id} did not succeed`);
    assert.match(reply.error, new RegExp(pattern), id);
  }
  assert.equal(replies.length, expected.filter(([, p]) => p !== null).length, 'no reply to a message without a usable id');

  assert.deepEqual(await state(), before, 'nothing changed');
  // Still working: the same host runs a demo to the end.
  const done = await page.evaluate(async () => { await pg.setSpeed('instant'); await pg.run('count', { n: 1 }); return pg.finished(); });
  assert.equal(done.status, 'finished');
  assert.deepEqual(errors, []);
  await context.close();
});

test('connect() rejects with a clear error when nothing answers in time', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  const url = new URL('no-playground.html', server.url).href;
  await page.route(url, (r) => r.fulfill({ contentType: 'text/html',
    body: `<iframe id="g" src="${server.url}sample-site/index.html"></iframe><script src="embed.js"></script>` }));
  await page.goto(url);
  const got = await page.evaluate(() => Promise.all([
    AioEmbed.connect(document.getElementById('g'), { timeout: 500 }).then(() => 'connected', (e) => e.message),
    AioEmbed.connect(document.getElementById('g'), { timeout: 0 }).then(() => 'connected', (e) => e.message),
    AioEmbed.connect(document.body).then(() => 'connected', (e) => e.message),
    AioEmbed.connect(Object.assign(document.createElement('iframe'), { src: 'file:///tmp/aio-playground.html' }))
      .then(() => 'connected', (e) => e.message),
  ]));
  assert.match(got[0], /^AioEmbed\.connect: the playground at http:\/\/127\.0\.0\.1:\d+ did not answer within 500 ms/);
  assert.equal(got[1], 'AioEmbed.connect: timeout must be a number of ms from 1 to 600000, got 0');
  assert.equal(got[2], 'AioEmbed.connect: iframe must be an <iframe> element, got an object');
  assert.match(got[3], /^AioEmbed\.connect: the iframe's src must be the playground's http\(s\) URL, got "file:\/\/\/tmp\/aio-playground\.html" \(a page opened from disk has no origin/);
  await context.close();
});

test("connect() rejects with the playground's reason when it fails to start", async () => {
  const { page, context } = await openHost({
    script: `window.connected = AioEmbed.connect(document.getElementById('playground')).then(() => 'connected', (e) => e.message);`,
    prepare: (context) => context.route('**/aio_playground.wasm', (r) => r.fulfill({ status: 404, body: 'gone' })),
  });
  const message = await page.evaluate(() => window.connected);
  assert.match(message, /^AioEmbed\.connect: ping: the playground failed: The playground could not be downloaded: http:\/\/127\.0\.0\.1:\d+\/aio_playground\.wasm answered HTTP 404/);
  await context.close();
});
