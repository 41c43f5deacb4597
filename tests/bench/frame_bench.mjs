// frame_bench: how long the page takes to draw a frame with 10, 1,000 and 10,000 live tasks, as
// ratios to the 10-task frame. Runs count with n tasks at 1x, pauses while they all sleep, then
// times frames of each busy view (tasks, timeline) in headless Chromium (SwiftShader WebGL2).
//   node tests/bench/frame_bench.mjs            (after tests/run.sh browser or a web build)
import { startServer, launch, openPage } from '../browser/harness.mjs';

const sizes = [10, 1000, 10000];
const views = ['tasks', 'timeline', 'tree'];
const frames = 60;
const server = await startServer();
const browser = await launch();
const { page, context } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
await page.evaluate(() => window.aio.ready);
const results = {};
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
      results[`${view}/${n}`] = await page.evaluate(async ([v, count]) => {
        window.aio.showView(v);
        for (let i = 0; i < 5; i++) Module._aio_frame();   // settle: layout, fonts
        const times = [];
        for (let i = 0; i < count; i++) {
          const t0 = performance.now();
          Module._aio_frame();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return times[Math.floor(times.length / 2)];   // the median frame
      }, [view, frames]);
    }
    await page.evaluate(() => window.aio.stop());
  }
} finally {
  await context.close();
  await browser.close();
  server.stop();
}
console.log('Frame time (median of 60 frames, ms; the run paused with n tasks asleep), and ratio to n = 10:\n');
console.log('| view | ' + sizes.map((n) => `${n.toLocaleString('en')} tasks`).join(' | ') + ' | ' +
            sizes.slice(1).map((n) => `${n.toLocaleString('en')} / 10`).join(' | ') + ' |');
console.log('|---|' + '---:|'.repeat(sizes.length * 2 - 1));
for (const view of views) {
  const ms = sizes.map((n) => results[`${view}/${n}`]);
  console.log(`| ${view} | ` + ms.map((x) => x.toFixed(2)).join(' | ') + ' | ' +
              ms.slice(1).map((x) => (x / ms[0]).toFixed(2) + '×').join(' | ') + ' |');
}
