// A lesson page around the playground: what its calls get while the playground is still loading,
// and hovering the playground after the reader has clicked the lesson's own text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, landmark, click, centre, region, screenshot, lessonHtml as lessonPage, serveLesson } from './harness.mjs';

let server, browser, lessonServer;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); lessonServer?.stop(); });

const lessonHtml = (script = '') => lessonPage(server.url, { script, prose: 300 });

// Calls every method as a lesson would on the iframe's load event, and keeps what each gave.
const callEverything = `
  document.getElementById('playground').addEventListener('load', async () => {
    const aio = document.getElementById('playground').contentWindow.aio;
    const calls = {
      demos: () => aio.demos(), params: () => aio.params('count'), source: () => aio.source('count'),
      snapshot: () => aio.snapshot(), showView: () => aio.showView('timeline'), setSpeed: () => aio.setSpeed(2),
      run: () => aio.run('count', {n: 2}), pause: () => aio.pause(), resume: () => aio.resume(),
      step: () => aio.step(), stop: () => aio.stop(),
    };
    const got = {};
    for (const [name, call] of Object.entries(calls)) {
      try { got[name] = 'returned ' + JSON.stringify(call()); } catch (e) { got[name] = e.message; }
    }
    got.finished = await aio.finished().then(() => 'resolved', (e) => e.message);
    let ready = 'pending';
    aio.ready.then(() => { ready = 'resolved'; });
    await new Promise((r) => setTimeout(r, 0));
    got.ready = ready;
    window.early = got;
  });`;

test('a lesson calling the page API before aio.ready gets a clear error from every method, and nothing changes', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  const url = new URL('lesson-early.html', server.url).href;
  await page.route(url, (r) => r.fulfill({ contentType: 'text/html', body: lessonHtml(callEverything) }));
  // The wasm arrives only once the lesson has made its calls, so they surely come before ready.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/aio_playground.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(url);
  const early = await (await page.waitForFunction(() => window.early)).jsonValue();
  for (const name of ['demos', 'params', 'source', 'snapshot', 'showView', 'setSpeed', 'run', 'pause', 'resume', 'step', 'stop', 'finished'])
    assert.equal(early[name], `aio.${name}: the playground is still loading: await aio.ready first`, name);
  assert.equal(early.ready, 'pending');

  release();
  const frame = await (await page.waitForSelector('#playground')).contentFrame();
  await frame.evaluate(() => window.aio.ready);
  const after = await frame.evaluate(() => ({ demos: window.aio.demos(), snap: window.aio.snapshot() }));
  assert.ok(after.demos.includes('count'));
  assert.equal(after.snap.status, 'idle', 'the early run() was refused, not queued');
  assert.equal(after.snap.speed, 1, 'the early setSpeed() changed nothing');
  await context.close();
});

test('in a cross-origin lesson, after a click on the lesson text, hovering the playground still highlights and tells', async () => {
  lessonServer = await serveLesson(lessonHtml());
  const { page, context } = await openPage(browser, lessonServer.url);
  const frame = await (await page.waitForSelector('#playground')).contentFrame();
  await frame.waitForFunction(() => window.aio);
  await frame.evaluate(() => window.aio.ready);
  await frame.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', {}); return window.aio.finished(); });
  const box = await page.locator('#playground').boundingBox();
  const inPage = (r) => ({ ...r, x: r.x + box.x, y: r.y + box.y });

  await click(page, inPage(await landmark(frame, 'console')));   // the playground has the keys
  const prose = await page.locator('#prose').boundingBox();
  await click(page, { x: prose.x, y: prose.y, w: prose.width, h: prose.height });   // now the lesson has them
  assert.equal(await frame.evaluate(() => document.hasFocus()), false, 'the lesson page has the focus');

  const tab = inPage(await landmark(frame, 'tab:timeline'));
  await page.mouse.move(box.x + 5, box.y + box.height - 5);       // over the playground, away from the tab
  await page.waitForTimeout(150);
  const resting = region((await screenshot(page, 'lesson-hover-resting')).png, tab);
  await page.mouse.move(centre(tab).x, centre(tab).y);
  await page.waitForTimeout(150);
  const hovered = region((await screenshot(page, 'lesson-hover-tab')).png, tab);
  assert.ok(!resting.equals(hovered), 'the hovered tab is drawn highlighted');

  // A header's tooltip opens on hover too.
  const header = inPage(await landmark(frame, 'tasks:time-in-states'));
  await page.mouse.move(header.x + 8, centre(header).y);   // its left end: the table scrolls sideways here
  await landmark(frame, 'tooltip', 3000);
  await screenshot(page, 'lesson-hover-tooltip');
  await context.close();
});
