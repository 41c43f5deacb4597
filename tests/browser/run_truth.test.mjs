// What a run shows stays true while it runs, after Stop, and while a blocking call holds the loop:
// the summary follows the time shown, Stop keeps the history, time.sleep takes its time at 1x,
// count's side by side says when its runs differ, and a new run's timeline follows again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmarks, landmark, region, centre } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const SLEEP = [20, 125, 195];   // the light theme's timeline colour for a sleep (playground/views/palette.cpp)
const countNear = (px, [r, g, b], tol) => {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) <= tol) n++;
  return n;
};

async function fresh() {
  const opened = await openPage(browser, server.url);
  await opened.page.evaluate(() => window.aio.ready);
  return opened;
}

test('Stop keeps what the run did up to the stop, with the cancellations at the stop time', async () => {
  const { page, errors, context } = await fresh();
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('count', { n: 4, delay: 3 }); window.aio.showView('timeline'); });
  await page.waitForFunction(() => window.aio.snapshot().time >= 1.2, null, { timeout: 10000 });
  await page.evaluate(() => window.aio.stop());
  const snap = await page.evaluate(() => window.aio.snapshot());
  assert.equal(snap.status, 'stopped');
  assert.ok(snap.time > 1.1 && snap.time < 3, `stopped at ${snap.time}`);
  assert.ok(Math.abs(snap.summary.elapsed - snap.time) < 1e-3, `elapsed ${snap.summary.elapsed} at time ${snap.time}`);
  assert.ok(Math.abs(snap.summary.work - 4 * snap.time) < 1e-2, `4 tasks slept to the stop: work ${snap.summary.work}`);
  assert.equal(snap.summary.working, 4);
  assert.deepEqual(snap.tasks.map((t) => t.state), Array(5).fill('cancelled'));
  await page.waitForTimeout(200);
  const shot = await screenshot(page, 'run-truth-stopped-timeline');
  const sleep = countNear(region(shot.png, (await landmarks(page)).timeline), SLEEP, 6);
  assert.ok(sleep > 2000, `the 4 sleeps up to the stop are drawn: ${sleep} px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the summary runs to the time shown while a run is going and while it is paused', async () => {
  const { page, errors, context } = await fresh();
  // Every sleep 5 s: nothing fires before t = 5, so the loop's own clock stays at 0 meanwhile.
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('chain', { ids: [1, 2, 3], sleep_min: 5, sleep_max: 5 }); });
  await page.waitForFunction(() => window.aio.snapshot().time >= 1.5, null, { timeout: 10000 });
  const live = await page.evaluate(() => window.aio.snapshot());
  assert.ok(Math.abs(live.summary.elapsed - live.time) < 0.05, `running: elapsed ${live.summary.elapsed} at ${live.time}`);
  assert.ok(Math.abs(live.summary.work - 3 * live.summary.elapsed) < 0.05, `3 chains asleep: work ${live.summary.work}`);
  await page.evaluate(() => window.aio.pause());
  await page.waitForTimeout(300);
  const paused = await page.evaluate(() => window.aio.snapshot());
  assert.equal(paused.status, 'paused');
  assert.ok(paused.time > 1.5 && paused.time < 5);
  assert.equal(paused.summary.elapsed, paused.time);
  assert.equal(paused.summary.lines[0], `took ${paused.time.toFixed(2)} s of loop time`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 1x a blocking time.sleep holds the loop for its time, the task shown running meanwhile', async () => {
  const { page, errors, context } = await fresh();
  const t0 = await page.evaluate(() => {
    window.aio.setSpeed(1);
    window.aio.run('count', { n: 2, delay: 1, blocking: true });
    window.aio.showView('timeline');
    window.aio.finished().then(() => { window.endedAt = performance.now(); });
    return performance.now();
  });
  // Well inside the first call: its task is the one shown running, the second not yet started.
  await page.waitForTimeout(400);
  const early = await page.evaluate(() => window.aio.snapshot());
  const runningEarly = early.tasks.filter((t) => t.state === 'running').map((t) => t.id);
  if (early.time < 0.9) assert.deepEqual(runningEarly, [early.tasks.filter((t) => t.name !== 'main')[0].id], `at ${early.time}`);
  await page.waitForTimeout(600);
  const mid = await page.evaluate(() => window.aio.snapshot());
  assert.equal(mid.status, 'running', 'still running after 1 s of wall time');
  assert.ok(mid.time > 0.7 && mid.time < 1.95, `the time shown moves on meanwhile: ${mid.time}`);
  const running = mid.tasks.filter((t) => t.state === 'running');
  // Both count tasks ran in one iteration: the first blocks from 0 to 1, the second from 1 to 2.
  const counts = mid.tasks.filter((t) => t.name !== 'main');
  assert.equal(running.length, 1, JSON.stringify(mid.tasks.map((t) => [t.name, t.state])));
  assert.equal(running[0].id, counts[mid.time < 1 ? 0 : 1].id, `at ${mid.time}`);
  assert.ok(mid.summary.blocked <= mid.time + 1e-6, `blocked ${mid.summary.blocked} only up to the time shown ${mid.time}`);
  await screenshot(page, 'run-truth-blocking-timeline');
  await page.waitForFunction(() => window.endedAt, null, { timeout: 10000 });
  const took = (await page.evaluate(() => window.endedAt)) - t0;
  assert.ok(took > 1800 && took < 4500, `2 x time.sleep(1) at 1x took ${took} ms`);
  const end = await page.evaluate(() => window.aio.snapshot());
  assert.equal(end.status, 'finished');
  assert.ok(Math.abs(end.summary.blocked - 2) < 1e-3 && Math.abs(end.time - 2) < 1e-3, JSON.stringify(end.summary));
  // Instant stays instant.
  const instant = await page.evaluate(async () => {
    window.aio.setSpeed('instant');
    const start = performance.now();
    window.aio.run('count', { n: 4, delay: 3, blocking: true });
    await window.aio.finished();
    return performance.now() - start;
  });
  assert.ok(instant < 1000, `instant took ${instant} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('blocking count prints as the time shown reaches each line, marks the blocking task, and Stop inside a call cuts the run there', async () => {
  const { page, errors, context } = await fresh();
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('count', { n: 3, delay: 1, blocking: true }); window.aio.showView('source'); });
  // Inside the first call: one line printed, the first count task running on its time.sleep line (14).
  await page.waitForFunction(() => window.aio.snapshot().time >= 0.3, null, { timeout: 10000 });
  const early = await page.evaluate(() => window.aio.snapshot());
  const counts = early.tasks.filter((t) => t.name !== 'main');
  if (early.time < 0.9) {
    assert.deepEqual(early.output, ['One'], `at ${early.time}`);
    assert.deepEqual(early.tasks.filter((t) => t.state === 'running').map((t) => t.id), [counts[0].id]);
    assert.ok(await landmark(page, 'source:mark:14', 2000), 'the blocking task is marked on time.sleep');
    assert.ok(await landmark(page, 'source:mark:20', 2000), 'main is marked on its gather');
    await screenshot(page, 'run-truth-blocking-source');
  }
  // Stop inside the second call, the loop having run all three ahead of the display.
  await page.waitForFunction(() => window.aio.snapshot().time >= 1.4, null, { timeout: 10000 });
  await page.evaluate(() => { window.aio.stop(); window.aio.showView('tasks'); });
  const snap = await page.evaluate(() => window.aio.snapshot());
  assert.equal(snap.status, 'stopped');
  if (snap.time < 1.95) {
    assert.deepEqual(snap.output, ['One', 'Two', 'One'], `stopped at ${snap.time}`);
    const byName = Object.fromEntries(snap.tasks.map((t) => [t.name, t]));
    assert.equal(byName['Task-1'].state, 'done');
    for (const name of ['main', 'Task-2', 'Task-3']) {
      assert.equal(byName[name].state, 'cancelled', name);
      assert.ok(Math.abs(byName[name].finished - snap.time) < 1e-9, `${name} cancelled at the stop`);
    }
  }
  for (const t of snap.tasks) {
    const spent = Object.values(t.time_in).reduce((a, b) => a + b, 0);
    assert.ok(spent <= snap.time + 1e-3, `${t.name} spent ${spent} s in a ${snap.time} s run`);
  }
  assert.ok(Math.abs(snap.summary.elapsed - snap.time) < 1e-6);
  for (const k of ['others', 'blocked', 'work']) assert.ok(snap.summary[k] <= snap.time + 1e-3, `${k} ${snap.summary[k]} within ${snap.time}`);
  assert.equal(snap.live_tasks, 0);
  await page.waitForTimeout(200);
  await screenshot(page, 'run-truth-blocking-stopped-tasks');
  assert.deepEqual(errors, []);
  await context.close();
});

test('as_completed: main waits on as_completed, not on a queue', async () => {
  const { page, errors, context } = await fresh();
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('as_completed', {}); window.aio.showView('timeline'); });
  await page.waitForFunction(() => window.aio.snapshot().tasks.some((t) => t.wait === 'as_completed'), null, { timeout: 30000 });
  const snap = await page.evaluate(() => window.aio.snapshot());
  const main = snap.tasks.find((t) => t.wait === 'as_completed');
  assert.equal(main.name, 'main');
  assert.equal(main.waiting_on, 'as_completed(2 awaitables)');
  assert.ok(!snap.tasks.some((t) => t.wait === 'queue.get'), JSON.stringify(snap.tasks.map((t) => [t.name, t.wait])));
  await screenshot(page, 'run-truth-as-completed-timeline');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the timeline keeps all of count with 10,000 tasks, and a run past its span budget hatches the rows that lost their start', async () => {
  const { page, errors, context } = await fresh();
  const dropped = async () => Object.keys(await landmarks(page)).filter((k) => k.startsWith('timeline:dropped:'));
  const finish = (demo, params) => page.evaluate(async ([demo, params]) => {
    window.aio.setSpeed('instant');
    window.aio.run(demo, params);
    await window.aio.finished();
    window.aio.showView('timeline');
  }, [demo, params]);
  await finish('count', { n: 10000, delay: 1 });
  await landmark(page, 'timeline');
  await page.waitForTimeout(300);
  assert.deepEqual(await dropped(), [], 'count at its largest keeps every span');
  const shot = await screenshot(page, 'run-truth-timeline-count-10000');
  const sleep = countNear(region(shot.png, (await landmarks(page)).timeline), SLEEP, 6);
  assert.ok(sleep > 2000, `main and the first tasks' rows are drawn: ${sleep} px of sleep`);
  // 6,000 tasks passing 20 to 30 items each: far more spans than the budget (2^19), the oldest
  // (main's, the first tasks') gone.
  await finish('queue', { producers: 3000, consumers: 3000, items_min: 20, items_max: 30 });
  await page.waitForTimeout(300);
  const marked = await dropped();
  assert.ok(marked.includes('timeline:dropped:main'), JSON.stringify(marked));
  await screenshot(page, 'run-truth-timeline-dropped');
  assert.deepEqual(errors, []);
  await context.close();
});

test("count's side by side names each run's parameters and says when they differ", async () => {
  const { page, errors, context } = await fresh();
  const both = (a, b) => page.evaluate(async ([a, b]) => {
    window.aio.setSpeed('instant');
    window.aio.run('count', a);
    await window.aio.finished();
    window.aio.run('count', { ...b, blocking: true });
    await window.aio.finished();
    window.aio.showView('summary');
  }, [a, b]);
  await both({ n: 3 }, { n: 4 });
  assert.ok(await landmark(page, 'summary:not-comparable'));
  await screenshot(page, 'run-truth-summary-not-comparable');
  await both({ n: 3 }, { n: 3 });
  await page.waitForTimeout(300);
  assert.equal((await landmarks(page))['summary:not-comparable'], undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new run resets the timeline to follow, whatever the last run left', async () => {
  const { page, errors, context } = await fresh();
  await page.evaluate(async () => {
    window.aio.setSpeed('instant');
    window.aio.run('count', {});
    await window.aio.finished();
    window.aio.showView('timeline');
  });
  const body = await landmark(page, 'timeline');
  await landmark(page, 'timeline:follow:on');
  // Ctrl+wheel zooms out around the start: the old run shrinks to a sliver at the left.
  await page.mouse.move(body.x + 125, centre(body).y);
  await page.keyboard.down('Control');
  for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, 100); await page.waitForTimeout(40); }
  await page.keyboard.up('Control');
  await landmark(page, 'timeline:follow:off');
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('count', { delay: 10 }); });
  await landmark(page, 'timeline:follow:on');
  await page.waitForFunction(() => window.aio.snapshot().time >= 1.5, null, { timeout: 10000 });
  const shot = await screenshot(page, 'run-truth-timeline-new-run');
  const sleep = countNear(region(shot.png, (await landmarks(page)).timeline), SLEEP, 6);
  assert.ok(sleep > 2000, `the new run's sleeps fill the view: ${sleep} px`);
  assert.deepEqual(errors, []);
  await context.close();
});
