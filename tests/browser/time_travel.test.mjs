// Going back through a run. The page API (aio.history, seek, stepBack, live) and the controls a
// person uses (the scrubber, Step back, Live, by pointer, touch and keys) show any earlier
// iteration exactly as the run showed it live: every field of aio.snapshot() but status and speed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmark, steady, click, holdKey, tap, until } from './harness.mjs';

let server, browser, wide, phone;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page: wide } = await openPage(browser, server.url));
  ({ page: phone } = await openPage(browser, server.url, { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true }));
  for (const page of [wide, phone]) await page.evaluate(() => window.aio.ready);
});
after(async () => { await browser?.close(); server?.stop(); });

// What a moment of the run is: the snapshot without the page's status and speed.
const kept = ({ status, speed, ...moment }) => moment;

// Runs `demo` at instant speed one step at a time from iteration 0, keeping aio.snapshot() after
// every iteration, by iteration. A step waiting on a real response runs nothing: it waits and
// steps again.
async function recordRun(page, demo, params = {}) {
  return page.evaluate(async ([demo, params]) => {
    aio.setSpeed('instant');
    aio.run(demo, params);
    aio.pause();
    const byIteration = {};
    let s = aio.snapshot();
    byIteration[s.iteration] = s;
    for (let tries = 0; tries < 20000 && s.status !== 'finished' && s.status !== 'stopped'; tries++) {
      const before = s.iteration;
      aio.step();
      s = aio.snapshot();
      if (s.iteration === before && s.status === 'paused') await new Promise((r) => setTimeout(r, 20));
      byIteration[s.iteration] = s;
    }
    return byIteration;
  }, [demo, params]);
}

function shuffled(list, seed = 7) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('every demo: seeking to each iteration in any order gives the snapshot the run gave live after it', async () => {
  const demos = await wide.evaluate(() => aio.demos());
  assert.ok(demos.length >= 7);
  for (const demo of demos) {
    const live = await recordRun(wide, demo);
    const iterations = Object.keys(live).map(Number);
    assert.ok(iterations.length > 2, `${demo} ran some iterations`);
    const history = await wide.evaluate(() => aio.history());
    assert.equal(history.first, 0, `${demo}: the whole run is kept`);
    assert.ok(history.last >= Math.max(...iterations), `${demo}: up to its last`);
    assert.equal(history.live, true);
    for (const k of shuffled(iterations)) {
      const [seen, after] = await wide.evaluate((k) => [aio.seek(k), aio.snapshot()], k);
      assert.deepEqual(kept(seen), kept(live[k]), `${demo}, iteration ${k}`);
      assert.deepEqual(after, seen, `${demo}: the views show what seek returned`);
    }
    assert.equal((await wide.evaluate(() => aio.history())).live, false);
    await wide.evaluate(() => aio.live());
    assert.equal((await wide.evaluate(() => aio.history())).live, true, `${demo}: back to the live run`);

    // The same by pointer and keys: Step back, the scrubber pressed at its left end, End for Live.
    await click(wide, await steady(wide, 'step-back'));
    await until(wide, (k) => aio.snapshot().iteration === k, history.last - 1);
    if (live[history.last - 1]) assert.deepEqual(kept(await wide.evaluate(() => aio.snapshot())), kept(live[history.last - 1]), `${demo}: Step back`);
    const bar = await steady(wide, 'history');
    await click(wide, { ...bar, w: 8 });
    await until(wide, (k) => aio.snapshot().iteration < k, Math.max(3, history.last / 4));
    const scrubbed = (await wide.evaluate(() => aio.snapshot())).iteration;
    assert.ok(live[scrubbed], `${demo}: the scrubber's left end shows an iteration the run showed (${scrubbed})`);
    assert.deepEqual(kept(await wide.evaluate(() => aio.snapshot())), kept(live[scrubbed]), `${demo}: the scrubber at ${scrubbed}`);
    await holdKey(wide, 'End');
    await until(wide, () => aio.history().live);
  }
});

test('a bad iteration throws naming the range, and changes nothing', async () => {
  await recordRun(wide, 'count', { n: 2 });
  const { last } = await wide.evaluate(() => aio.history());
  await wide.evaluate(() => aio.seek(1));
  for (const bad of [-1, last + 1, 1.5, '2', null, NaN]) {
    const message = await wide.evaluate((bad) => { try { aio.seek(bad); return 'no error'; } catch (e) { return e.message; } }, bad);
    assert.match(message, new RegExp(`^aio\\.seek: iteration must be a whole number 0\\.\\.${last}, got `), String(bad));
    assert.equal((await wide.evaluate(() => aio.snapshot())).iteration, 1, 'still at iteration 1');
  }
  await wide.evaluate(() => aio.live());
});

test('Step back, its key, the scrubber and Live show the iterations the run showed, by pointer and keys', async () => {
  const live = await recordRun(wide, 'queue');
  const { last } = await wide.evaluate(() => aio.history());
  const now = () => wide.evaluate(() => aio.snapshot());

  // From the live run, Step back shows its last iteration but one (the run's end made it, so no
  // step kept a snapshot of it: that it shows as it was is the seek test's).
  await click(wide, await landmark(wide, 'step-back'));
  await until(wide, (k) => aio.snapshot().iteration === k, last - 1);
  await landmark(wide, 'live');
  await landmark(wide, 'going-back');

  // The scrubber: pressed near its left end, then dragged to the middle.
  const bar = await landmark(wide, 'history');
  await wide.mouse.move(bar.x + 4, bar.y + bar.h / 2);
  await wide.mouse.down();
  await until(wide, () => aio.snapshot().iteration < 3);
  await wide.mouse.move(bar.x + bar.w / 2, bar.y + bar.h / 2, { steps: 8 });
  await wide.mouse.up();
  const middle = (await now()).iteration;
  assert.ok(middle > 2 && middle < last - 2, `the middle of the bar is the middle of the run (${middle} of ${last})`);
  assert.deepEqual(kept(await now()), kept(live[middle]), 'the scrubber shows the iteration under it');

  await wide.keyboard.press('Shift+S');
  await until(wide, (k) => aio.snapshot().iteration === k, middle - 1);
  assert.deepEqual(kept(await now()), kept(live[middle - 1]), 'Shift+S steps back');
  await wide.keyboard.press('s');
  await until(wide, (k) => aio.snapshot().iteration === k, middle);
  assert.deepEqual(kept(await now()), kept(live[middle]), 'S steps forward through the recording');
  for (const view of ['tasks', 'timeline', 'tree', 'loop', 'resources']) {
    await wide.evaluate((v) => aio.showView(v), view);
    await wide.waitForTimeout(150);
    await screenshot(wide, `time-travel-${view}-at-${middle}`);
  }

  await click(wide, await landmark(wide, 'live'));
  await until(wide, () => aio.history().live);
  assert.deepEqual(kept(await now()), kept(live[last]), 'Live shows the run as it ended');
  await screenshot(wide, 'time-travel-live');
});

test('a task picked in the task table steps to the iterations it changed in, before and after the one shown', async () => {
  const live = await recordRun(wide, 'queue');
  const iterations = Object.keys(live).map(Number).sort((a, b) => a - b);
  const task = 3;
  // What of the task shows its changes (a change the views cannot tell apart may come between).
  const sig = (k) => JSON.stringify(((t) => t && [t.state, t.since, t.waiting_on, t.until, t.awaited_by, t.awaits, t.result])(live[k].tasks.find((t) => t.id === task)));
  const changedAt = iterations.filter((k, i) => i > 0 && iterations[i - 1] === k - 1 && sig(k) !== sig(k - 1));
  const middle = changedAt[Math.floor(changedAt.length / 2)];
  const before = Math.max(...changedAt.filter((k) => k < middle));
  const after = Math.min(...changedAt.filter((k) => k > middle));
  await wide.evaluate((k) => { aio.seek(k); aio.showView('tasks'); }, middle);
  await click(wide, await landmark(wide, `task:${task}`));
  await click(wide, await landmark(wide, 'task-prev'));
  await until(wide, (m) => aio.snapshot().iteration < m, middle);
  const prev = (await wide.evaluate(() => aio.snapshot())).iteration;
  assert.ok(prev >= before && prev < middle, `its previous change: ${prev}, between ${before} and ${middle}`);
  assert.deepEqual(kept(await wide.evaluate(() => aio.snapshot())), kept(live[prev]));
  await wide.evaluate((k) => aio.seek(k), middle);
  await click(wide, await landmark(wide, 'task-next'));
  await until(wide, (m) => aio.snapshot().iteration > m, middle);
  const next = (await wide.evaluate(() => aio.snapshot())).iteration;
  assert.ok(next > middle && next <= after, `its next change: ${next}, between ${middle} and ${after}`);
  await screenshot(wide, 'time-travel-task-next');
  await wide.evaluate(() => aio.live());
});

test('on a phone, Step back and Live answer a finger', async () => {
  const live = await recordRun(phone, 'chain');
  const { last } = await phone.evaluate(() => aio.history());
  const k = Math.max(...Object.keys(live).map(Number).filter((i) => i < last - 1));   // kept live, a few back
  await phone.evaluate((k) => aio.seek(k + 1), k);
  await tap(phone, await landmark(phone, 'step-back'));
  await until(phone, (k) => aio.snapshot().iteration === k, k);
  assert.deepEqual(kept(await phone.evaluate(() => aio.snapshot())), kept(live[k]));
  await screenshot(phone, 'time-travel-phone');
  await tap(phone, await landmark(phone, 'live'));
  await until(phone, () => aio.history().live);
});

test('Step with nothing running starts the run paused at iteration 0, and Restart while paused stays there', async () => {
  const { page } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  await click(page, await landmark(page, 'step'));
  await until(page, () => aio.snapshot().status === 'paused');
  const first = await page.evaluate(() => aio.snapshot());
  assert.equal(first.iteration, 0, 'iteration 0: main made, nothing run yet');
  assert.equal(first.demo, 'count');
  await click(page, await landmark(page, 'step'));
  await until(page, () => aio.snapshot().iteration === 1);
  await click(page, await landmark(page, 'run'));   // Restart
  await until(page, (run) => aio.snapshot().run > run, first.run);
  const again = await page.evaluate(() => aio.snapshot());
  assert.equal(again.status, 'paused');
  assert.equal(again.iteration, 0);
  await page.close();
});

test('Resume from an earlier iteration replays at the speed chosen up to the live run, which goes on', async () => {
  await recordRun(wide, 'count', { n: 2, delay: 1 });
  const { last } = await wide.evaluate(() => aio.history());
  await wide.evaluate(() => { aio.seek(1); aio.setSpeed(10); });
  const started = Date.now();
  await click(wide, await landmark(wide, 'pause'));   // Resume
  await until(wide, () => aio.history().live, undefined, 15000);
  const took = Date.now() - started;
  const end = await wide.evaluate(() => aio.snapshot());
  assert.equal(end.iteration, last, 'the replay ends where the run was');
  // count with delay 1 takes a few loop seconds: at 10x, some hundreds of milliseconds, not none.
  assert.ok(took > 150, `the replay took its time (${took} ms)`);
  await wide.evaluate(() => aio.setSpeed('instant'));
});

// Saves the run shown through its Save run button; returns the file's text.
async function saveRun(page) {
  const at = await steady(page, 'save-run');   // the run's end may still move the controls
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, at)]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

// The end of a run as it shows, without what differs from page to page: the run's number, and the
// other demos' runs kept for comparison (the run's own is kept).
const ending = (s) => { const { run, finished_runs: runs, ...rest } = kept(s); return { ...rest, own: runs[s.demo] }; };

test('a saved run, opened in a fresh page through Open run… or dropped on it, ends where it ended', async () => {
  const live = await recordRun(wide, 'queue', { producers: 3, consumers: 2, maxsize: 1 });
  const end = live[Math.max(...Object.keys(live).map(Number))];
  const file = await saveRun(wide);
  assert.equal(file.name, 'queue.aio-run.json');
  const saved = JSON.parse(file.text);
  assert.equal(saved.format, 'aio-run');
  assert.equal(saved.entropy_seed, end.entropy_seed);

  const { page } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const open = await steady(page, 'open-run');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, open)]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await until(page, () => aio.snapshot().status === 'finished');
  assert.deepEqual(ending(await page.evaluate(() => aio.snapshot())), ending(end), 'opened, it ends as it ended');
  const { last } = await page.evaluate(() => aio.history());
  assert.equal(last, end.iteration, 'its every iteration to go back to');
  await page.evaluate(() => aio.seek(3));
  const { own: _, ...opened3 } = ending(await page.evaluate(() => aio.snapshot()));
  const { own: __, ...live3 } = ending(live[3]);
  assert.deepEqual(opened3, live3, 'and any iteration of it as it was');
  await screenshot(page, 'time-travel-opened');

  // Dropped on the page: the same.
  await page.evaluate(() => aio.run('count', {}));
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'queue.aio-run.json', { type: 'application/json' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, file.text);
  await until(page, () => aio.snapshot().demo === 'queue' && aio.snapshot().status === 'finished');
  assert.deepEqual(ending(await page.evaluate(() => aio.snapshot())), ending(end));

  // A file that is not a run file is refused, naming what is wrong, and the run shown stays.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"format": "aio-run", "version": 9}'], 'new.aio-run.json'));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('#link-problems:not([hidden])');
  assert.match(await page.textContent('#link-problems'), /new\.aio-run\.json: not opened: run file: version 9 is newer than this playground reads \(1\)/);
  assert.equal((await page.evaluate(() => aio.snapshot())).demo, 'queue', 'the run shown stays');
  await page.close();
});

test('a crawl saved and opened again makes no request: the recorded answers stand in for the site', async () => {
  const live = await recordRun(wide, 'crawler', { depth: 2 });
  const end = live[Math.max(...Object.keys(live).map(Number))];
  assert.ok(end.pages.length > 3, 'it crawled the sample site');
  const file = await saveRun(wide);
  const { page } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const requested = [];
  await page.route('**/sample-site/**', (route) => { requested.push(route.request().url()); route.abort(); });
  await page.evaluate((text) => aioRunFile.openFile(new File([text], 'crawl.aio-run.json')), file.text);
  await until(page, () => aio.snapshot().status === 'finished');
  const opened = await page.evaluate(() => aio.snapshot());
  assert.deepEqual(requested, [], 'no request reached the site');
  assert.deepEqual(opened.output, end.output, 'the same output');
  assert.deepEqual(opened.files, end.files, 'the same foundurls.txt');
  assert.deepEqual(opened.pages, end.pages, 'the same pages');
  await page.close();
});

test('a crawl over the real network, saved and opened with the network cut, has the same summary and time per state', async () => {
  const live = await wide.evaluate(async () => {
    aio.setSpeed('instant');
    aio.run('crawler', { depth: 1, virtual_network: false });
    return aio.finished();
  });
  assert.ok(live.summary.work > 0, 'its tasks waited on requests');
  const file = await saveRun(wide);
  const { page } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  await page.route('**/sample-site/**', (route) => route.abort());
  await page.evaluate((text) => aioRunFile.openFile(new File([text], 'crawl.aio-run.json')), file.text);
  await until(page, () => aio.snapshot().status === 'finished');
  const opened = await page.evaluate(() => aio.snapshot());
  assert.equal(opened.iteration, live.iteration);
  assert.deepEqual(opened.summary, live.summary, 'the same figures');
  const perState = (s) => s.tasks.map((t) => [t.id, t.time_in]);
  assert.deepEqual(perState(opened), perState(live), 'each task waited and was ready as long as it was live');
  await page.close();
});

test('Chrome trace saves the run for Perfetto', async () => {
  await recordRun(wide, 'chain');
  const at = await steady(wide, 'save-trace');   // the run's end may still move the controls
  const [download] = await Promise.all([wide.waitForEvent('download'), click(wide, at)]);
  assert.equal(download.suggestedFilename(), 'chain.trace.json');
  const { readFile } = await import('node:fs/promises');
  const trace = JSON.parse(await readFile(await download.path(), 'utf8'));
  const events = trace.traceEvents ?? trace;
  assert.ok(events.some((e) => e.name === 'main' || e.args?.name === 'main'), 'main has a track');
  assert.ok(events.filter((e) => e.ph === 'X').length > 5, 'spans as complete events');
});

test('the text mirror goes back by keyboard: Step back, the Iteration shown slider, a task\'s changes and Live, by role and name', async () => {
  const live = await recordRun(wide, 'queue');
  const { last } = await wide.evaluate(() => aio.history());
  const button = (name) => wide.getByRole('button', { name, exact: true });
  const now = () => wide.evaluate(() => aio.snapshot());
  await wide.evaluate(() => window.aioMirror.update());

  await button('Step back').press('Enter');
  await until(wide, (k) => aio.snapshot().iteration === k, last - 1);
  await until(wide, () => /going back: showing iteration \d+ of \d+ as it was/.test(document.getElementById('mirror-status').textContent));

  const slider = wide.getByRole('slider', { name: 'Iteration shown' });
  await slider.focus();
  await slider.press('Home');
  await until(wide, () => aio.snapshot().iteration === 0);
  for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
  await until(wide, () => aio.snapshot().iteration === 10);
  assert.deepEqual(kept(await now()), kept(live[10]), 'the slider shows iteration 10 as it was');
  assert.match(await slider.getAttribute('aria-valuetext'), /^iteration 10 of \d+ \(going back\)$/);
  // The slider's change (the form's seek) refuses an iteration out of the run, naming its range.
  for (const bad of [last + 1, -1, 2.5, '3']) {
    const message = await wide.evaluate((k) => { try { aio._form({ seek: k }); return 'no error'; } catch (e) { return e.message; } }, bad);
    assert.match(message, new RegExp(`seek must be an iteration 0\\.\\.${last}, got `), String(bad));
  }
  assert.equal((await now()).iteration, 10, 'a refused seek changes nothing');
  // The mirror's console reads the run again from its start: only the lines printed by iteration 10.
  await wide.evaluate(() => window.aioMirror.update());
  await until(wide, (n) => document.getElementById('mirror-console').childElementCount === n, live[10].output.length);

  await wide.getByRole('combobox', { name: 'Task' }).selectOption({ label: 'Task-3' });
  await button('Its next change').press('Enter');
  await until(wide, () => aio.snapshot().iteration > 10);
  const next = (await now()).iteration;
  await button('Its previous change').press('Enter');
  await until(wide, (k) => aio.snapshot().iteration < k, next);
  assert.ok((await now()).iteration <= 10, 'back to or before where it was');

  await slider.press('End');   // the slider's right end is the live run
  await until(wide, () => aio.history().live);
  await button('Step back').press('Enter');
  await until(wide, () => !aio.history().live);
  await button('Live').press('Enter');
  await until(wide, () => aio.history().live);
  assert.equal(await button('Live').isHidden(), true, 'Live is there only while going back');
});

test('the text mirror follows a step back in a task of its own, after the frame that shows it', async () => {
  await recordRun(wide, 'queue');
  // Long after the mirror's last update: the next is due at once, and still waits for the frame's task to end.
  await wide.waitForTimeout(400);
  const [during, after] = await wide.evaluate(async () => {
    const status = () => document.getElementById('mirror-status').textContent;
    aio.stepBack();
    Module._aio_frame();
    window.aioMirror.afterFrame();
    const during = status();
    // Its own task comes at once, or once the pace (four updates a second) allows one.
    await new Promise((r) => setTimeout(r, 300));
    return [during, status()];
  });
  assert.doesNotMatch(during, /going back/, 'not inside the frame');
  assert.match(after, /going back: showing iteration \d+ of \d+ as it was/, 'after it');
  await wide.evaluate(() => aio.live());
});
