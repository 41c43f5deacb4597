// The Explain view: the narration beside the run, told up to the time shown. Wide, it sits beside
// the console; on a phone it is the console's neighbour tab, opened by a tap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmark, gone, click, tap, region, distinctColours } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const snapshot = (page) => page.evaluate(() => window.aio.snapshot());

test('wide: Run with the pointer, and the Explain view beside the console tells each iteration up to the time shown', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const explain = await landmark(page, 'explain');
  const console_ = await landmark(page, 'console');
  assert.ok(explain.x >= console_.x + console_.w && Math.abs(explain.y - console_.y) < 2, 'the Explain view sits beside the console');
  await click(page, await landmark(page, 'run'));   // count, n = 3, delay 1
  // Until t = 1 only the first two iterations have run; none told may be later than the time shown.
  const seen = [];
  for (let i = 0; i < 30; i++) {
    const s = await snapshot(page);
    for (const a of s.narration) assert.ok(a.time <= s.time + 1e-9, `told ahead of the time shown (${s.time}): ${a.text}`);
    seen.push(...s.narration.map((a) => a.text));
    if (s.status === 'finished') break;
    await page.waitForTimeout(100);
  }
  const last = await snapshot(page);
  assert.equal(last.status, 'finished');
  assert.ok(seen.includes('t = 0.00 s, iteration 1: main started, created Task-1, Task-2 and Task-3, and now waits on gather(3 awaitables) at line 20.'),
            seen.join('\n'));
  assert.match(last.narration.at(-1).text, /main resumed at line 20 and finished\. After asyncio\.run\(\) returned, the script printed "countasync\.py executed in 1\.\d\d seconds\."$/);
  const { png } = await screenshot(page, 'explain-wide');
  assert.ok(distinctColours({ data: region(png, explain) }) > 4, 'the Explain view draws its text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('asyncgen: the Explain view tells the async generator in the task iterating it, and no iteration goes missing', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const snap = await page.evaluate(async () => {
    window.aio.setSpeed('instant');
    window.aio.run('asyncgen', { u: 3 });
    return window.aio.finished();
  });
  assert.equal(snap.status, 'finished');
  const texts = snap.narration.map((a) => a.text);
  assert.ok(texts.includes('t = 0.00 s, iteration 1: main started, asked a new mygen(3) for its first value and got 1 (yielded at line 17), '
                           + 'asked mygen(3) for its next value, and now waits on sleep(0.1) at line 19 in mygen(3).'), texts.join('\n'));
  assert.ok(texts.some((t) => t.includes('saw mygen(3) return (StopAsyncIteration ended the async for), printed "g = [1, 2, 4]"')), texts.join('\n'));
  for (let i = 1; i < snap.narration.length; i++) {
    const [a, b] = [snap.narration[i - 1], snap.narration[i]];
    if (b.iteration > a.iteration + 1) assert.match(b.text, /ran only callbacks\)/, b.text);
  }
  await page.waitForTimeout(200);
  const { png } = await screenshot(page, 'explain-asyncgen');
  assert.ok(distinctColours({ data: region(png, await landmark(page, 'explain')) }) > 4, 'the Explain view draws its text');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the mirror's history holds every account told, each blocking call's of one iteration too, and all of an instant run's", async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const history = () => page.evaluate(() => [...document.querySelectorAll('#mirror-history li')].map((li) => li.textContent));
  for (const [demo, params, speed] of [['count', { n: 3, delay: 1, blocking: true }, 2], ['asyncgen', {}, 'instant']]) {
    const end = await page.evaluate(([d, p, x]) => { window.aio.setSpeed(x); window.aio.run(d, p); return window.aio.finished(); }, [demo, params, speed]);
    const told = end.narration.map((a) => a.text);   // the latest 20
    if (demo === 'count') assert.ok(new Set(end.narration.map((a) => a.iteration)).size < told.length, 'one iteration told call by call');
    await page.waitForFunction((last) => document.querySelector('#mirror-history li:last-child')?.textContent === last, told.at(-1));
    assert.deepEqual((await history()).slice(-told.length), told, demo);
    if (demo === 'asyncgen') assert.ok((await history()).length > 20, 'more than the latest 20 of a run told at once');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: the Explain tab shows the narration in the console\'s place, and Console brings the console back', async () => {
  const { page, errors, context } = await openPage(browser, server.url, { viewport: { width: 390, height: 800 }, hasTouch: true });
  await page.evaluate(() => window.aio.ready);
  await landmark(page, 'console');
  await gone(page, 'explain');
  await tap(page, await landmark(page, 'run'));
  await page.waitForFunction(() => window.aio.snapshot().narration.length >= 2, null, { timeout: 10000 });
  await tap(page, await landmark(page, 'tab:explain'));
  const explain = await landmark(page, 'explain');
  await gone(page, 'console');
  const { png } = await screenshot(page, 'explain-phone');
  assert.ok(distinctColours({ data: region(png, explain) }) > 4, 'the Explain view draws its text');
  await tap(page, await landmark(page, 'tab:console'));
  await landmark(page, 'console');
  await gone(page, 'explain');
  assert.deepEqual(errors, []);
  await context.close();
});
