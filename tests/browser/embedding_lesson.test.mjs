// A lesson page around the playground: what its calls get while the playground is still loading,
// and hovering the playground after the reader has clicked the lesson's own text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, openPage, landmark, click, centre, region, screenshot } from './harness.mjs';

let server, browser, lessonServer;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); lessonServer?.stop(); });

const lessonHtml = (script = '') => `<!doctype html><html><body style="margin:0"><h1 style="height:40px;margin:0">Lesson 3: gather</h1>
  <iframe id="playground" src="${server.url}" style="display:block;width:1000px;height:640px;border:0"></iframe>
  <p id="prose" style="height:300px">Read on below the playground.</p><script>${script}</script></body></html>`;

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
