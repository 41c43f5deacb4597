// Every control, driven the way a person drives it: the pointer (a finger on a phone) picks each
// demo from the list, types a parameter, runs, pauses, steps, resumes and stops it, and opens
// every view. window.aio is only read here (snapshots, sources), never used to drive the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmark, landmarks, steady, region, click, tap, touchDrag, holdKey, until } from './harness.mjs';
import { cpythonLines, maskItems, assertCrawledSampleSite } from './reference.mjs';

// Each demo with the parameter a person types and the value typed (the crawler's fetches one page
// at a time, each slowed by the test server, so a finger can pause it).
const demos = [['count', 'n', '4'], ['chain', 'seed', '7'], ['queue', 'producers', '3'], ['rand', 'seed', '5'],
               ['crawler', 'concurrency', '1'], ['as_completed', 'seq1', '4 1'], ['asyncgen', 'u', '5']];

let server, browser;
const layouts = {
  wide: { prefix: 'ui', dpr: 1, touch: false, options: { viewport: { width: 1280, height: 800 } } },
  phone: { prefix: 'phone', dpr: 2, touch: true, options: { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true } },
};
before(async () => {
  server = await startServer();
  browser = await launch();
  for (const layout of Object.values(layouts)) {
    Object.assign(layout, await openPage(browser, server.url, layout.options));
    await layout.page.evaluate(() => window.aio.ready);
  }
});
after(async () => { await browser?.close(); server?.stop(); });

const snapshot = (page) => page.evaluate(() => window.aio.snapshot());
const statusIs = (page, status) => until(page, (s) => window.aio.snapshot().status === s, status);
const gone = (page, name) => until(page, (n) => !JSON.parse(Module.UTF8ToString(Module._aio_landmarks_json()))[n], name, 5000);
const inside = (r, box) => r.y >= box.y && r.y + r.h <= box.y + box.h;

const controls = ['run', 'pause', 'step', 'stop', 'help-button', 'instant', 'speed'];

// Presses the control named `name` as a person would: scrolled into view with the wheel if its
// panel hides it, then clicked (or tapped on the phone).
async function press(layout, name) {
  const { page } = layout;
  let at = await steady(page, name);   // a frame after an edit may still draw the panel elsewhere
  const inControls = name === 'demo' || name.startsWith('param:') || controls.includes(name);
  const panel = inControls ? (await landmarks(page)).controls : null;
  for (let i = 0; panel && !inside(at, panel); i++) {
    assert.ok(i < 20, `${name} scrolls into view`);
    // In the panel's padding: over a text box the wheel would scroll the box instead.
    await page.mouse.move(panel.x + 3, panel.y + panel.h / 2);
    await page.mouse.wheel(0, at.y < panel.y ? -100 : 100);
    await page.waitForTimeout(100);
    at = await landmark(page, name);
  }
  await (layout.touch ? tap : click)(page, at);
  return at;
}

const hasTabs = async (page) => Boolean((await landmarks(page))['tab:tasks']);

// Picks a view: its tab, or below 720 px the view picker and then the view.
async function openView(layout, view) {
  if (await hasTabs(layout.page)) return press(layout, `tab:${view}`);
  await press(layout, 'view');
  await landmark(layout.page, `view:${view}`);
  return press(layout, `view:${view}`);
}

// The views the shown demo has, in the order they are drawn.
async function viewNames(layout) {
  const named = async (prefix) => Object.entries(await landmarks(layout.page)).filter(([n]) => n.startsWith(prefix))
    .sort(([, a], [, b]) => a.x - b.x || a.y - b.y).map(([n]) => n.slice(prefix.length));
  if (await hasTabs(layout.page)) return named('tab:');
  await press(layout, 'view');
  await landmark(layout.page, 'view:tasks');
  const names = await named('view:');
  await press(layout, 'view:tasks');   // closes the list
  await gone(layout.page, 'view:tasks');
  return names;
}

// The views panel below its tabs (or its view picker): what a view draws.
async function viewBody(layout, name) {
  const at = await landmarks(layout.page);
  const top = at['tab:tasks'] || at.view;
  const body = { x: at.views.x, y: top.y + top.h + 2, w: at.views.w, h: at.views.y + at.views.h - top.y - top.h - 2 };
  const { png } = await screenshot(layout.page, name);
  return { pixels: region(png, body, layout.dpr), png, at };
}

async function pickDemo(layout, demo) {
  await press(layout, 'demo');
  await landmark(layout.page, `demo:${demo}`).catch(async (e) => {
    await screenshot(layout.page, `${layout.prefix}-failed-pick-${demo}`);
    throw e;
  });
  await press(layout, `demo:${demo}`);
}

async function typeParam(layout, name, value) {
  await press(layout, `param:${name}`);
  await layout.page.keyboard.press('Control+a');
  await layout.page.keyboard.type(value);
  await layout.page.keyboard.press('Enter');
}

async function setInstant(layout, instant) {
  if (((await snapshot(layout.page)).speed === 'instant') !== instant) await press(layout, 'instant');
  await until(layout.page, (want) => (window.aio.snapshot().speed === 'instant') === want, instant);
}

// Drags the speed slider to its slowest end (0.1x): long enough to pause a short demo by hand.
async function slowest(layout) {
  const { page } = layout;
  const speed = await landmark(page, 'speed');
  const from = { x: speed.x + speed.w / 2, y: speed.y + speed.h / 2 };
  const dx = Math.max(1, speed.x - 10) - from.x;   // past its left end, but on the page
  if (layout.touch) await touchDrag(page, from, { dx });
  else {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) {
      await page.waitForTimeout(40);
      await page.mouse.move(from.x + (dx * i) / 5, from.y);
    }
    await page.waitForTimeout(40);
    await page.mouse.up();
  }
  await until(page, () => Math.abs(window.aio.snapshot().speed - 0.1) < 1e-6);
}

// Pauses, checks the loop stands still, and steps exactly one iteration; `pause` and `step` press
// the buttons or the keys.
async function pauseAndStep(page, demo, pause, step) {
  await pause();
  await statusIs(page, 'paused');
  const a = await snapshot(page);
  await page.waitForTimeout(300);
  const b = await snapshot(page);
  assert.deepEqual([b.time, b.iteration], [a.time, a.iteration], `${demo}: paused, the loop stands still`);
  await step();
  await until(page, (n) => window.aio.snapshot().iteration === n + 1, a.iteration);
  assert.equal((await snapshot(page)).status, 'paused', `${demo}: a step leaves the run paused`);
  await pause();   // Resume: a step may have reached the last timer, so the run may end at once
  await until(page, () => ['running', 'finished'].includes(window.aio.snapshot().status));
}

// Run, Pause, Step, Resume and Stop with the pointer; on the wide layout R, Space and S as well.
async function driveLive(layout, demo) {
  const { page } = layout;
  const running = () => until(page, (d) => window.aio.snapshot().demo === d && window.aio.snapshot().status === 'running', demo);
  await setInstant(layout, false);
  await slowest(layout);
  // The crawler's time is the network's, not the loop's: the slow sample page, one at a time, keeps it going.
  if (demo === 'crawler') await typeParam(layout, 'urls', [1, 2, 3, 4, 5, 6].map((i) => `sample-site/slow-brew.html?${i}`).join('\n'));
  await press(layout, 'run');
  await running();
  await pauseAndStep(page, demo, () => press(layout, 'pause'), () => press(layout, 'step'));
  if (!layout.touch) {   // a phone has no keyboard
    await page.keyboard.press('r');
    await running();
    await pauseAndStep(page, demo, () => page.keyboard.press(' '), () => page.keyboard.press('s'));
  }
  // Restart while it runs, Run once it finished: either way a new run starts from the start. The
  // run counter says so: a run still at t=0 can pass the old iteration between two polls.
  const last = await snapshot(page);
  await press(layout, 'run');
  await until(page, (d) => {
    const s = window.aio.snapshot();
    return s.status === 'running' && s.run === d.run + 1;
  }, last);
  await press(layout, 'stop');
  await statusIs(page, 'stopped');
  const e = await snapshot(page);
  assert.ok(e.tasks.every((t) => ['done', 'failed', 'cancelled'].includes(t.state)), `${demo}: stop leaves no task pending`);
}

async function everyDemo(layout) {
  const { page, prefix } = layout;
  for (const [demo, param, value] of demos) {
    await pickDemo(layout, demo);
    await landmark(page, `param:${param}`);
    const last = (await snapshot(page)).demo;
    if (last && last !== demo) assert.ok((await landmarks(page))['views:previous'], `${demo}: the views say they show the previous run`);
    const defaults = await page.evaluate((d) => window.aio.source(d).command, demo);
    await typeParam(layout, param, value);
    await setInstant(layout, true);
    // The run counter tells this run from the last one, which may be this demo's and finished too.
    const runs = (await snapshot(page)).run;
    await press(layout, 'run');
    await until(page, ([d, n]) => {
      const s = window.aio.snapshot();
      return s.demo === d && s.run > n && s.status === 'finished';
    }, [demo, runs]);
    const snap = await snapshot(page);
    const source = await page.evaluate((d) => window.aio.source(d), demo);
    assert.notEqual(source.command, defaults, `${demo}: the typed ${param} reached the run`);
    assert.ok(snap.narration.some((a) => /\bmain (started|resumed)\b.* finished/.test(a.text)),
              `${demo}: the narration tells main finishing: ${snap.narration.at(-1)?.text}`);
    if (demo === 'crawler') assertCrawledSampleSite(snap, server.url);
    else assert.deepEqual(maskItems(snap.output), maskItems(cpythonLines(source)), `${demo}: ${source.command}`);
    await page.waitForTimeout(100);
    assert.equal((await landmarks(page))['views:previous'], undefined, `${demo}: the views show this run`);

    // Every view by its tab: its body changes, and the other tabs' labels stay as they were.
    let before = null;
    const labels = {};
    for (const view of await viewNames(layout)) {
      await openView(layout, view);
      await page.waitForTimeout(250);
      const { pixels, png, at } = await viewBody(layout, `${prefix}-${demo}-${view}`);
      assert.ok(!before || !pixels.equals(before), `${demo}: the ${view} view draws something else than the one before`);
      before = pixels;
      if (at['tab:summary'] && !['summary', 'loop'].includes(view))
        labels[view] = [region(png, at['tab:summary']), region(png, at['tab:loop'])];
    }
    for (const [view, seen] of Object.entries(labels))
      assert.ok(seen.every((r, i) => r.equals(labels.tasks[i])), `${demo}: with ${view} shown, the Summary and Event loop tabs draw as usual`);
    await driveLive(layout, demo);
  }
}

test('whole-number parameters have -/+ buttons that step by one', async () => {
  const layout = layouts.wide;
  const { page } = layout;
  await pickDemo(layout, 'count');
  await setInstant(layout, true);
  await press(layout, 'param:n:+');
  await press(layout, 'param:n:+');
  await press(layout, 'param:n:-');
  await press(layout, 'run');
  await until(page, () => window.aio.snapshot().status === 'finished');
  const n = (await page.evaluate(() => window.aio.params('count'))).n.default + 1;
  assert.equal((await snapshot(page)).output.filter((l) => l === 'One').length, n, 'count ran with n one above its default');
});

test('a rejected value shows a red line until the value changes or a run starts, from either side', async () => {
  const layout = layouts.wide;
  const { page } = layout;
  await typeParam(layout, 'n', '99999');
  await press(layout, 'run');
  await landmark(page, 'error');
  await typeParam(layout, 'n', '2');
  await gone(page, 'error');
  await typeParam(layout, 'n', '99999');
  await press(layout, 'run');
  await landmark(page, 'error');
  // A course page's script starts a run: the page follows it, and the old complaint goes.
  await page.evaluate(() => { window.aio.run('count', { n: 2 }); return window.aio.finished(); });
  await gone(page, 'error');
});

test('Esc closes the help and legend popups', async () => {
  const { page } = layouts.wide;
  await page.mouse.move(640, 780);
  await page.keyboard.press('Shift+Slash');
  await landmark(page, 'help');
  await holdKey(page, 'Escape');
  await gone(page, 'help');
  await page.keyboard.press('l');
  await landmark(page, 'legend');
  await holdKey(page, 'Escape');
  await gone(page, 'legend');
});

test('the letters of the time each task spent in each state are explained on hover', async () => {
  const layout = layouts.wide;
  const { page } = layout;
  await openView(layout, 'tasks');
  const header = await landmark(page, 'tasks:time-in-states');
  const views = (await landmarks(page)).views;
  const rows = { x: views.x, y: header.y + header.h + 2, w: views.w, h: views.y + views.h - header.y - header.h - 2 };
  await page.mouse.move(640, 780);
  await page.waitForTimeout(200);
  const plain = region((await screenshot(page, 'ui-legend-off')).png, rows);
  await page.mouse.move(header.x + header.w / 2, header.y + header.h / 2);
  await page.waitForTimeout(300);
  assert.ok(!region((await screenshot(page, 'ui-legend-on')).png, rows).equals(plain), 'a legend appears over the rows');
});

test('the chosen view survives crossing the 720 px layout threshold, both ways', async () => {
  const layout = layouts.wide;
  const { page } = layout;
  // The body of the view shown, then of the view picked by hand: the same if it was kept.
  const keptThenPicked = async (view, name) => {
    await page.mouse.move(2, 2);
    await page.waitForTimeout(300);
    const kept = (await viewBody(layout, `${name}-kept`)).pixels;
    await openView(layout, view);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(300);
    return [kept, (await viewBody(layout, `${name}-picked`)).pixels];
  };
  await openView(layout, 'source');
  await page.setViewportSize({ width: 600, height: 800 });
  await landmark(page, 'view');
  const [narrowKept, narrowPicked] = await keptThenPicked('source', 'ui-narrow-source');
  assert.ok(narrowKept.equals(narrowPicked), 'narrow: still the source view');
  await openView(layout, 'loop');
  await page.setViewportSize({ width: 1280, height: 800 });
  await landmark(page, 'tab:tasks');
  const [wideKept, widePicked] = await keptThenPicked('loop', 'ui-wide-loop');
  assert.ok(wideKept.equals(widePicked), 'wide again: the event loop view the narrow layout chose');
});

test('wide: every demo is picked, edited, run and driven by pointer and keyboard, and every view opens', async () => {
  await everyDemo(layouts.wide);
  assert.deepEqual(layouts.wide.errors.filter((e) => !e.includes('404')), []);
});

test('phone: every demo is picked, edited, run and driven by touch, and every view opens', async () => {
  await everyDemo(layouts.phone);
  assert.deepEqual(layouts.phone.errors.filter((e) => !e.includes('404')), []);
});

test('Step and Stop stay where they are when Run turns into Restart and Pause into Resume', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const where = async () => {
    const marks = await landmarks(page);
    return ['pause', 'step', 'stop'].map((n) => [n, Math.round(marks[n].x), Math.round(marks[n].y)]);
  };
  const idle = await where();
  await click(page, await landmark(page, 'run'));          // count's default run sleeps a second
  await statusIs(page, 'running');
  await page.waitForTimeout(150);
  assert.deepEqual(await where(), idle, 'running: Restart is as wide as Run was');
  await click(page, await landmark(page, 'pause'));
  await statusIs(page, 'paused');
  await page.waitForTimeout(150);
  assert.deepEqual(await where(), idle, 'paused: Resume is as wide as Pause was');
  await click(page, await landmark(page, 'stop'));
  await statusIs(page, 'stopped');
  await context.close();
});
