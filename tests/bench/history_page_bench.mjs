// history_page_bench: what going back costs in the page, as a person does it, in headless Chromium
// (SwiftShader WebGL2): the queue demo with n/2 producers and n/2 consumers run to its end at
// instant speed, then
//  - the scrubber: the pointer pressed on the history bar and dragged to 30 iterations spread over
//    the run (in shuffled order), each timed from the pointer's move over the frame that handles
//    it (and seeks) and the frame after, which draws the moment;
//  - Step back: from the live end to the first iteration, aio.stepBack() (what the button and
//    Shift+S call) and the frame that draws it;
//  - for comparison, frames that draw nothing new (the moment shown stays), 120 of them: the
//    renderer's own spread, which every figure above has too;
//  - the text mirror's Iteration shown slider: its input event (which seeks) and the mirror's
//    update, 30 iterations.
// A frame is what the page's frame loop does: the app's frame, then the text mirror's turn (which
// only schedules its update, in a task of its own, at most four times a second: the last column but
// one is what an update costs). Between
// two measurements the page shows what was drawn (an animation frame, not timed): frames drawn back
// to back fill the GPU process's queue, and SwiftShader then stalls one of them for a second or more.

//   node tests/bench/history_page_bench.mjs [--sizes 1000,10000]   (after a web build)
import { startServer, launch, openPage, steady } from '../browser/harness.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1].split(',') : fallback;
};
const sizes = option('sizes', ['1000', '10000']).map(Number);
const server = await startServer();
const browser = await launch();
const { page, context } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
await page.evaluate(() => window.aio.ready);

const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, median: sorted[Math.floor(sorted.length / 2)],
           p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], worst: sorted.at(-1) };
};

const rows = [];
try {
  for (const n of sizes) {
    await page.evaluate(async (count) => {
      aio.showView('tasks');
      aio.setSpeed('instant');
      aio.run('queue', { producers: count / 2, consumers: count / 2 });
      await aio.finished();
    }, n);
    const { first, last } = await page.evaluate(() => aio.history());
    const bar = await steady(page, 'history');

    // The scrubber, by pointer events on the canvas, as the browser sends them for a drag.
    const scrub = await page.evaluate(async ([bar, first, last]) => {
      const canvas = document.getElementById('canvas');
      const y = bar.y + bar.h / 2;
      const send = (type, x) => canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true }));
      const frame = () => { Module._aio_frame(); window.aioMirror?.afterFrame(); };
      const targets = [];
      for (let i = 0; i < 30; i++) targets.push(bar.x + 6 + (bar.w - 12) * ((i * 7) % 30) / 29);
      send('mousemove', targets[0]);
      send('mousedown', targets[0]);
      frame(); frame();
      const times = [], shown = new Set();
      for (const x of targets.slice(1)) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        send('mousemove', x);
        frame(); frame();
        times.push(performance.now() - t0);
        shown.add(aio.snapshot().iteration);
      }
      send('mouseup', targets.at(-1));
      frame();
      return { times, shown: shown.size, live: aio.history().live };
    }, [bar, first, last]);
    if (scrub.live || scrub.shown < 20) throw new Error(`the drag showed ${scrub.shown} iterations, live ${scrub.live}`);

    const still = await page.evaluate(async () => {
      Module._aio_frame();
      const times = [];
      for (let i = 0; i < 120; i++) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        Module._aio_frame();
        window.aioMirror?.afterFrame();
        times.push(performance.now() - t0);
      }
      return { times };
    });

    const back = await page.evaluate(async ([first, last]) => {
      aio.live();
      Module._aio_frame();
      const times = [];
      for (let i = last - 1; i >= first; i--) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        aio.stepBack();
        Module._aio_frame();
        window.aioMirror?.afterFrame();
        times.push(performance.now() - t0);
      }
      return { times, at: aio.snapshot().iteration };
    }, [first, last]);
    if (back.at !== first) throw new Error(`stepping back from ${last} ended at ${back.at}, not ${first}`);

    const mirror = await page.evaluate(async ([first, last]) => {
      const slider = document.getElementById('mirror-scrubber');
      if (!slider) return null;
      const times = [];
      for (let i = 0; i < 30; i++) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const k = first + Math.round((last - first) * ((i * 11) % 30) / 29);
        slider.value = String(k);
        const t0 = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        times.push(performance.now() - t0);
        if (aio.snapshot().iteration !== k) throw new Error(`the mirror's slider at ${k} showed ${aio.snapshot().iteration}`);
      }
      return { times };
    }, [first, last]);
    rows.push({ n, iterations: last - first + 1, scrub, back, mirror, still });
    await page.evaluate(() => aio.stop());
  }
} finally {
  await context.close();
  await browser.close();
  server.stop();
}

const ms = (x) => x.toFixed(1);
console.log('Going back in the page (ms: mean, median, 95th percentile, worst), the queue demo with n/2 producers and n/2 consumers run to its end:\n');
console.log('| tasks | iterations | scrubber: drag to an iteration, 2 frames | Step back and its frame | text mirror slider | a frame with nothing new |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const cell = (t) => { if (!t) return 'n/a'; const s = summary(t.times); return `${ms(s.mean)}, ${ms(s.median)}, ${ms(s.p95)}, ${ms(s.worst)}`; };
  console.log(`| ${r.n.toLocaleString('en')} | ${r.iterations} | ${cell(r.scrub)} | ${cell(r.back)} | ${cell(r.mirror)} | ${cell(r.still)} |`);
}
