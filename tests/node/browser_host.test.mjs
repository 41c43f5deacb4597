// The browser host under Node's real event loop: same order of events as the virtual clock,
// sleep(0) bursts without the 4 ms timer clamp, pause, step, and speed changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const harnessPath = process.env.AIO_HOST_HARNESS || join(repo, 'build/web/tests/node/host_harness.js');
const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function harness() {
  const m = await require(harnessPath)();
  const str = (p) => m.UTF8ToString(p);
  return {
    module: m,
    start: (which, speed) => m._harness_start(which, speed),
    done: () => m._harness_done() === 1,
    log: () => JSON.parse(str(m._harness_log())),
    virtualLog: (which) => JSON.parse(str(m._harness_virtual_log(which))),
    pause: () => m._harness_pause(),
    resume: () => m._harness_resume(),
    step: () => m._harness_step(),
    speed: (s) => m._harness_speed(s),
    time: () => m._harness_time(),
    loopTime: () => m._harness_loop_time(),
    iteration: () => m._harness_iteration(),
    holding: () => m._harness_holding() === 1,
  };
}

async function until(h, cond, ms = 10000) {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > ms) throw new Error('timed out waiting');
    await sleep(2);
  }
  return performance.now() - t0;
}

test('harness is built', { skip: !existsSync(harnessPath) && 'build/web not built (tests/run.sh builds it)' }, () => {});

test('count under real timers prints what the virtual clock prints, in about n x delay / speed', async () => {
  const h = await harness();
  const expected = h.virtualLog(0);
  const t0 = performance.now();
  h.start(0, 10);                 // 10 loop seconds per wall second: the 1 s sleep takes ~100 ms
  await until(h, h.done);
  const wall = performance.now() - t0;
  assert.deepEqual(h.log(), expected);
  assert.ok(wall >= 90 && wall < 1000, `took ${wall} ms`);
});

test('2000 sleep(0) switches do not pay the 4 ms timer clamp', async () => {
  const h = await harness();
  const t0 = performance.now();
  h.start(1, 1);
  await until(h, h.done);
  const wall = performance.now() - t0;
  assert.deepEqual(h.log(), h.virtualLog(1));
  assert.ok(wall < 400, `2000 yields took ${wall} ms (a 4 ms clamp would take 8 s)`);
});

test('pause freezes loop time, step runs exactly one iteration, resume continues', async () => {
  const h = await harness();
  h.start(2, 4);                  // ticks every 0.5 loop s = 125 ms wall
  await until(h, () => h.log().length >= 1);
  h.pause();
  const frozen = h.time();
  const it = h.iteration();
  await sleep(300);
  assert.equal(h.time(), frozen, 'display time stands still while paused');
  assert.equal(h.iteration(), it, 'no iteration runs while paused');
  h.step();
  assert.equal(h.iteration(), it + 1, 'step runs one iteration');
  await sleep(200);
  assert.equal(h.iteration(), it + 1, 'still paused after a step');
  h.resume();
  await until(h, h.done);
  assert.deepEqual(h.log(), h.virtualLog(2));
});

test('a step right after a pause never shows an earlier time than the pause did', async () => {
  const h = await harness();
  h.start(2, 4);
  const start = performance.now();
  while (performance.now() - start < 20) {}   // the display moves on from 0 before the first iteration's turn comes
  h.pause();
  const frozen = h.time();
  const it = h.iteration();
  h.step();
  assert.equal(h.iteration(), it + 1, 'step runs one iteration');
  assert.ok(h.time() >= frozen, `the time shown went back from ${frozen} to ${h.time()}`);
  assert.ok(h.loopTime() >= frozen, `the stepped iteration ran at ${h.loopTime()}, before the ${frozen} shown`);
});

test('a speed change mid-run keeps the order and shortens the wait', async () => {
  const h = await harness();
  const t0 = performance.now();
  h.start(2, 0.5);                // 0.5 s ticks would take 1 s each
  await sleep(50);
  h.speed(100);                   // now 5 ms each
  await until(h, h.done);
  assert.ok(performance.now() - t0 < 900, 'the speed-up applied to the pending sleep');
  assert.deepEqual(h.log(), h.virtualLog(2));
});

test('instant speed runs without waiting, and the clock never runs past a deadline', async () => {
  const h = await harness();
  h.start(2, 0);
  const wall = await until(h, h.done);
  assert.ok(wall < 200);
  assert.equal(h.loopTime(), 2);
  assert.deepEqual(h.log(), h.virtualLog(2));
});

test('at instant speed a slice stops after the iteration that completes main, as run_until_complete stops the loop', async () => {
  const h = await harness();
  h.start(5, 0);   // main ends while a task it made yields a million times
  await until(h, h.done);
  await sleep(100);
  const [ended, seen] = h.module.UTF8ToString(h.module._harness_complete_log()).split(' ').map(Number);
  assert.ok(ended > 0, 'main ended');
  assert.equal(seen, ended, 'no iteration ran after the one main ended in');
});

test('fetch through JavaScript: responses, a refused connection, a timeout and an abort; each network numbers its own requests', async () => {
  const { spawn } = await import('node:child_process');
  const server = spawn('/usr/bin/python3', [join(repo, 'web/tools/dev_server.py'), '--dir', join(repo, 'web'),
                                            '--port', '0', '--quiet', '--slow', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise((ok) => server.stdout.on('data', (d) => {
      const m = String(d).match(/Serving (http:\/\/\S+)\//);
      if (m) ok(m[1]);
    }));
    const h = await harness();
    const m = h.module;
    const p = m.allocateUTF8(base);
    m._harness_set_base(p);
    h.start(3, 0);   // instant: the clock still follows the wall clock while requests are in flight
    await until(h, h.done, 15000);
    const log = h.log().join('\n');
    assert.match(log, /got 200 \d+ bytes from .*\/sample-site\/index.html/);
    assert.match(log, /got 404 \d+ bytes from .*\/sample-site\/missing.html/);
    assert.match(log, /error 1 network error or CORS refusal: the browser could not read http:\/\/127.0.0.1:9\//);
    assert.match(log, /error 2 timed out after 0.2 s: .*slow.html/);
    assert.match(log, /cancelled .*slow-too.html/);
    // A second network's request 1 is its own: aborting it leaves the first network's request 1 alone.
    m._harness_two_networks();
    const two = () => m.UTF8ToString(m._harness_two_networks_log());
    await until(h, () => two().includes('got'), 5000);
    await sleep(100);
    assert.equal(two(), 'ids 1 1; first got 200');
  } finally {
    server.kill();
  }
});

test('a blocking call holds the loop until the display clock catches up, at the chosen speed', async () => {
  const h = await harness();
  const expected = h.virtualLog(4);
  const t0 = performance.now();
  h.start(4, 2);                  // 2 loop seconds per wall second: 2 x 1 s of blocking takes ~1 s
  await sleep(250);
  assert.equal(h.done(), false);
  assert.ok(h.holding(), 'held in the blocking calls');
  // Both tasks ran in one iteration, as in asyncio: the loop's clock is at the second call's end.
  assert.equal(h.loopTime(), 2);
  const shown = h.time();
  assert.ok(shown > 0.3 && shown < 0.8, `the display walks towards it: ${shown}`);
  await sleep(100);
  assert.ok(h.time() > shown, 'and keeps moving');
  await until(h, h.done);
  const wall = performance.now() - t0;
  assert.deepEqual(h.log(), expected);
  assert.ok(wall >= 950 && wall < 2000, `took ${wall} ms`);
  assert.equal(h.time(), 2);

  // Paused, the display stops short of the call's end, and nothing more runs.
  h.start(4, 1);
  await sleep(300);
  h.pause();
  const paused = h.time();
  await sleep(300);
  assert.equal(h.time(), paused);
  assert.ok(h.holding() && !h.done() && !h.log().includes(expected.at(-1)), JSON.stringify(h.log()));
  h.resume();
  await until(h, h.done);
  assert.deepEqual(h.log(), expected);

  // Instant does not hold.
  const i0 = performance.now();
  h.start(4, 0);
  await until(h, h.done);
  assert.ok(performance.now() - i0 < 100, `instant took ${performance.now() - i0} ms`);
});
