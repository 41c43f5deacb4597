// frame_bench: how long the page takes to draw a frame with 10, 1,000 and 10,000 live tasks, as
// ratios to the 10-task frame and of 10,000 to 1,000 (both fill the screen with rows; 10 do not),
// in headless Chromium (SwiftShader WebGL2), for the busy views
// (task table, timeline, await tree). Two situations:
//  - paused: count with n tasks asleep, the run paused (the snapshot is unchanged between frames);
//  - moving: the queue demo with n/2 producers and n/2 consumers, one loop iteration before every
//    frame, so each frame builds the state anew (the worst a running demo can do).
//   node tests/bench/frame_bench.mjs [--sizes 10,1000,10000] [--views tasks,timeline,tree]
//   (after tests/run.sh browser or a web build)
import { startServer, launch, openPage } from '../browser/harness.mjs';

// --sizes 10,10000 and --views tasks,loop measure fewer or other task counts and views.
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1].split(',') : fallback;
};
const sizes = option('sizes', ['10', '1000', '10000']).map(Number);
const views = option('views', ['tasks', 'timeline', 'tree']);
const frames = 60;    // the 10-task queue run lasts about 70 iterations
const rounds = 5;   // fresh measurements per figure; the figure is their median
const server = await startServer();
const browser = await launch();
const { page, context } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
await page.evaluate(() => window.aio.ready);

// The median of `count` frames of `view`; `between` runs before each frame (not timed). A frame
// is what the page's frame loop does: the app's frame, then the text mirror's turn (it updates
// at most four times a second, so most frames only ask; its update alone is measured below).
const medianFrame = (view, count, between) => page.evaluate(async ([v, n, step]) => {
  window.aio.showView(v);
  for (let i = 0; i < 5; i++) Module._aio_frame();   // settle: layout, fonts
  const times = [];
  for (let i = 0; i < n; i++) {
    if (step) window.aio.step();
    const t0 = performance.now();
    Module._aio_frame();
    window.aioMirror?.afterFrame();
    times.push(performance.now() - t0);
  }
  // The mean of the middle half: Chromium's clock has 0.1 ms steps, so a median of frames
  // of about 1 ms moves in steps of 10%; the middle half's mean does not, and drops the outliers.
  times.sort((a, b) => a - b);
  const middle = times.slice(Math.floor(times.length / 4), Math.ceil(times.length * 3 / 4));
  return middle.reduce((a, b) => a + b, 0) / middle.length;
}, [view, count, between]);
const medianOf = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The text mirror's update (web/js/mirror.js) with the run moving: the median of 20, each after an
// iteration and a frame (not timed). Null on a page without the mirror.
const mirrorUpdate = () => page.evaluate(() => {
  if (!window.aioMirror) return null;
  const times = [];
  for (let i = 0; i < 20; i++) {
    window.aio.step();
    Module._aio_frame();
    const t0 = performance.now();
    window.aioMirror.update();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[10];
});

const paused = {}, moving = {}, live = {}, mirror = {};
try {
  for (const n of sizes) {
    await page.evaluate((count) => { window.aio.setSpeed(1); window.aio.run('count', { n: count, delay: 30 }); }, n);
    await page.waitForFunction((count) => {
      const s = window.aio.snapshot();
      const asleep = s.tasks.filter((t) => t.waiting_on === 'sleep(30)').length;
      if (asleep === count) window.aio.pause();
      return asleep === count;
    }, n, { timeout: 120000 });
    for (const view of views) {
      const medians = [];
      for (let rep = 0; rep < rounds; rep++) medians.push(await medianFrame(view, frames, false));
      paused[`${view}/${n}`] = medianOf(medians);
    }
    await page.evaluate(() => window.aio.stop());

    for (const view of views) {
      // Fresh runs per view, each paused before its first iteration (a few steps start every
      // task); the median of their figures, as frames of a few ms are noisy here.
      const medians = [];
      for (let rep = 0; rep < rounds; rep++) {
        await page.evaluate((count) => {
          window.aio.run('queue', { producers: count / 2, consumers: count / 2 });
          window.aio.pause();
          for (let i = 0; i < 3; i++) window.aio.step();
        }, n);
        const before = await page.evaluate(() => window.aio.snapshot());
        medians.push(await medianFrame(view, frames, true));
        const after = await page.evaluate(() => window.aio.snapshot());
        if (after.iteration - before.iteration !== frames) throw new Error(`expected ${frames} iterations, ran ${after.iteration - before.iteration}`);
        live[n] = Math.min(live[n] ?? Infinity, after.tasks.filter((t) => !['done', 'failed', 'cancelled'].includes(t.state)).length);
        if (view === views[0]) { const ms = await mirrorUpdate(); mirror[n] = ms === null ? null : Math.min(mirror[n] ?? Infinity, ms); }
        await page.evaluate(() => window.aio.stop());
      }
      moving[`${view}/${n}`] = medianOf(medians);
    }
  }
} finally {
  await context.close();
  await browser.close();
  server.stop();
}

function table(title, results) {
  console.log(`${title}\n`);
  // Each count against the first, and with three or more the last against the one before it.
  const n = (i) => sizes.at(i).toLocaleString('en');
  const pairs = sizes.slice(1).map((_, i) => [i + 1, 0]);
  if (sizes.length >= 3) pairs.push([sizes.length - 1, sizes.length - 2]);
  console.log('| view | ' + sizes.map((_, i) => `${n(i)} tasks`).join(' | ') + ' | ' +
              pairs.map(([a, b]) => `${n(a)} / ${n(b)}`).join(' | ') + ' |');
  console.log('|---|' + '---:|'.repeat(sizes.length + pairs.length));
  for (const view of views) {
    const ms = sizes.map((count) => results[`${view}/${count}`]);
    console.log(`| ${view} | ` + ms.map((x) => x.toFixed(2)).join(' | ') + ' | ' +
                pairs.map(([a, b]) => (ms[a] / ms[b]).toFixed(2) + '×').join(' | ') + ' |');
  }
  console.log('');
}
table(`Paused: mean of the middle half of ${frames} frames (ms, the median of ${rounds} rounds), count with n tasks asleep, and the ratios:`, paused);
table(`Moving: mean of the middle half of ${frames} frames (ms, the median of ${rounds} rounds), the queue demo with n/2 producers and n/2 consumers, ` +
      'one loop iteration before each frame, and the ratios:', moving);
console.log('Live tasks at the end of the moving runs: ' + sizes.map((n) => `${n}: ${live[n]}`).join(', '));
if (Object.values(mirror).some((x) => x !== null))
  console.log('Text mirror update while moving (ms, median of 20, the best of the rounds): ' + sizes.map((n) => `${n}: ${mirror[n].toFixed(2)}`).join(', '));
