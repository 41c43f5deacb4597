// Views move with loop time between loop iterations (the timeline's spans and now line, the time
// left on each sleep), the Resources view plots a queue's or semaphore's level, and the console
// draws the ANSI colours a demo prints instead of their codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmarks, region } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// The light theme's timeline colour for a sleep (playground/views/palette.cpp; the key's "sleep").
const SLEEP = [20, 125, 195];

const near = (data, i, [r, g, b], tolerance) =>
  Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) <= tolerance;
const countNear = (pixels, colour, tolerance) => {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (near(pixels, i, colour, tolerance)) n++;
  return n;
};
const differing = (a, b) => {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 4)
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n + Math.abs(a.length - b.length) / 4;
};

// count with delay 10 at 1x: every task sleeps from t=0 to t=10, so no iteration runs in between
// (10 rather than 5 leaves room for slow screenshots on a loaded machine). From t~2.5 s, two
// shots of `view` ~0.5 s apart with no loop iteration between them.
const DELAY = 10;
async function twoShotsWhileAsleep(view, name) {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  await page.evaluate(([delay, v]) => { window.aio.setSpeed(1); window.aio.run('count', { delay }); window.aio.showView(v); },
                      [DELAY, view]);
  await page.waitForFunction(() => window.aio.snapshot().time >= 2.5, null, { timeout: 10000 });
  const before = await page.evaluate(() => window.aio.snapshot());
  const marks = await landmarks(page);
  const first = await screenshot(page, `${name}-1`);
  await page.waitForTimeout(500);
  const second = await screenshot(page, `${name}-2`);
  const after = await page.evaluate(() => window.aio.snapshot());
  assert.equal(after.iteration, before.iteration, 'no loop iteration ran between the shots');
  assert.ok(after.time - before.time > 0.3, `loop time moved: ${before.time} -> ${after.time}`);
  assert.ok(after.time < DELAY, 'the sleeps have not ended');
  assert.deepEqual(errors, []);
  await context.close();
  return { first: first.png, second: second.png, marks, snap: after };
}

// The x of the now line in a crop `width` wide: the column with the most pixels in the light
// theme's text colour (black), if it runs through most of the crop's height. A line that falls
// between two pixel columns is antialiased into two mid-grey ones, so any dark grey counts.
const darkGrey = (data, i) => {
  const hi = Math.max(data[i], data[i + 1], data[i + 2]), lo = Math.min(data[i], data[i + 1], data[i + 2]);
  return hi <= 160 && hi - lo <= 40;
};
function nowLineX(pixels, width) {
  const rows = pixels.length / 4 / width;
  let best = -1, bestCount = 0;
  for (let x = 0; x < width; x++) {
    let n = 0;
    for (let y = 0; y < rows; y++) if (darkGrey(pixels, (y * width + x) * 4)) n++;
    if (n > bestCount) { best = x; bestCount = n; }
  }
  return bestCount > rows * 0.8 ? best : -1;
}

test('between iterations the timeline draws spans that grow to a moving now line', async () => {
  const { first, second, marks } = await twoShotsWhileAsleep('timeline', 'timeline-moving');
  const body = marks.timeline;
  assert.ok(body && body.w > 100 && body.h > 50, JSON.stringify(marks));
  const a = region(first, body), b = region(second, body);
  // Three tasks asleep since t=0: their spans are on screen, and longer in the later shot.
  const sleepA = countNear(a, SLEEP, 6), sleepB = countNear(b, SLEEP, 6);
  assert.ok(sleepA > 200, `sleep spans drawn at t~3 s: ${sleepA} px`);
  assert.ok(sleepB > sleepA * 1.08, `sleep spans grew with loop time: ${sleepA} -> ${sleepB} px`);
  const nowA = nowLineX(a, Math.round(body.w)), nowB = nowLineX(b, Math.round(body.w));
  assert.ok(nowA > 0 && nowB > nowA + 10, `the now line moved right: x ${nowA} -> ${nowB}`);
});

for (const [view, landmark, what] of [['tasks', 'time_left', 'the task table counts down the time left on each sleep'],
                                     ['loop', 'timer_left', 'the event loop counts down the time left on each timer']]) {
  test(`between iterations ${what}`, async () => {
    const { first, second, marks, snap } = await twoShotsWhileAsleep(view, `${view}-time-left`);
    const cell = marks[landmark];
    assert.ok(cell && cell.w > 20, `an "s left" figure is drawn: ${JSON.stringify(marks)}`);
    // The same row, drawn again with another figure: the digits changed under a still snapshot.
    assert.ok(differing(region(first, cell), region(second, cell)) > 10, 'the time-left figure changed');
    const left = snap.tasks.filter((t) => typeof t.until === 'number' && t.until >= 0).map((t) => t.until - snap.time);
    assert.ok(left.length === 3 && left.every((s) => s > 0 && s < DELAY - 2.5), JSON.stringify(left));
  });
}

// The Resources view's plot of `name` (its landmark `resources:<name>`), inside its border and
// under its legend: for each pixel column, the rows drawn in something else than the background.
function plotColumns(png, rect) {
  const inner = { x: rect.x + 1, y: rect.y + 17, w: rect.w - 2, h: rect.h - 18 };
  const pixels = region(png, inner);
  const w = Math.round(inner.w), rows = pixels.length / 4 / w;
  const bg = region(png, { x: rect.x + rect.w - 3, y: rect.y - 2, w: 1, h: 1 });
  const columns = [];
  for (let x = 0; x < w; x++) {
    let top = -1, bottom = -1;
    for (let y = 0; y < rows; y++)
      if (!near(pixels, (y * w + x) * 4, [bg[0], bg[1], bg[2]], 60)) { if (top < 0) top = y; bottom = y; }
    columns.push(top < 0 ? null : { top, bottom });
  }
  return columns;
}

for (const [demo, params, kind, name] of [['queue', {}, 'queue', 'q'],
                                          ['crawler', { concurrency: 2 }, 'semaphore', 'sem']]) {
  test(`the Resources view shows the ${demo} demo's ${kind} and plots its level, a bar in each pixel column`, async () => {
    const { page, errors, context } = await openPage(browser, server.url);
    await page.evaluate(() => window.aio.ready);
    const snap = await page.evaluate(([d, p]) => {
      window.aio.setSpeed('instant');
      window.aio.run(d, p);
      window.aio.showView('resources');
      return window.aio.finished();
    }, [demo, params]);
    const found = snap.resources.filter((r) => r.name === name);
    assert.equal(found.length, 1, `one ${kind} named ${name}: ${JSON.stringify(snap.resources)}`);
    const r = found[0];
    assert.equal(r.kind, kind);
    assert.equal(r.capacity, kind === 'queue' ? 0 : params.concurrency);
    assert.equal(r.level, kind === 'queue' ? 0 : params.concurrency, 'the run ended with the queue empty, the semaphore free');
    for (const ids of Object.values(r.waiting)) assert.deepEqual(ids, [], 'nobody waits once the run has finished');
    assert.deepEqual(Object.keys(r.waiting).sort(), kind === 'queue' ? ['getters', 'joiners', 'putters'] : ['acquirers']);

    await page.waitForTimeout(300);
    const rect = (await landmarks(page))[`resources:${name}`];
    assert.ok(rect && rect.w > 200 && rect.h > 40, `the plot of ${name} is drawn: ${JSON.stringify(rect)}`);
    const { png } = await screenshot(page, `view-resources-${demo}`);
    const columns = plotColumns(png, rect);
    const drawn = columns.filter(Boolean);
    // The resource was first used at t=0, so its level is known from the first column to the last.
    assert.ok(drawn.length >= columns.length * 0.95, `${drawn.length} of ${columns.length} columns have a bar`);
    const extents = new Set(drawn.map((c) => `${c.top}..${c.bottom}`));
    assert.ok(extents.size >= 3, `the level and the waiters move: bars span rows ${[...extents]}`);
    assert.deepEqual(errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404')), []);
    await context.close();
  });
}

// The console's palette (playground/views/palette.cpp) for the colours rand prints with
// its default 3 tasks: cyan (36), bright red (91), magenta (35).
const PALETTE = {
  light: { cyan: [0, 115, 135], 'bright red': [210, 35, 35], magenta: [150, 40, 150] },
  dark: { cyan: [60, 195, 215], 'bright red': [255, 120, 110], magenta: [210, 120, 210] },
};

// Pixels of text drawn in `colour` on `bg`: antialiased glyph edges blend the two, so a pixel
// counts if it lies, clearly off the background, on the line from the background to the colour.
function countInk(pixels, bg, colour) {
  const dir = colour.map((c, k) => c - bg[k]);
  const len = Math.hypot(...dir);
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const d = [pixels[i] - bg[0], pixels[i + 1] - bg[1], pixels[i + 2] - bg[2]];
    const dl = Math.hypot(...d);
    if (dl < len * 0.4) continue;
    if ((d[0] * dir[0] + d[1] * dir[1] + d[2] * dir[2]) / (dl * len) > 0.99) n++;
  }
  return n;
}

// Text lines in a console crop: runs of pixel rows with ink (far from the background colour),
// each with the x extent of its ink.
function textLines(pixels, width) {
  const bg = [pixels[0], pixels[1], pixels[2]];
  const rows = pixels.length / 4 / width;
  const lines = [];
  let current = null;
  for (let y = 0; y < rows; y++) {
    let lo = Infinity, hi = -Infinity;
    for (let x = 0; x < width; x++)
      if (!near(pixels, (y * width + x) * 4, bg, 90)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    if (lo === Infinity) { current = null; continue; }
    if (!current) lines.push(current = { lo, hi });
    else { current.lo = Math.min(current.lo, lo); current.hi = Math.max(current.hi, hi); }
  }
  return lines;
}

for (const scheme of ['light', 'dark']) {
  test(`the console draws rand's colours in the ${scheme} theme, and no escape codes`, async () => {
    const { page, errors, context } = await openPage(browser, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => window.aio.ready);
    const snap = await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('rand', {}); return window.aio.finished(); });
    // The page API keeps what the program printed, codes and all, as CPython prints them.
    assert.equal(snap.output[0], '\x1b[36mInitiated makerandom(0).');
    await page.waitForTimeout(300);
    const { png } = await screenshot(page, scheme === 'light' ? 'console-rand-colours' : 'console-rand-colours-dark');
    const box = (await landmarks(page)).console;
    // Inside the border and clear of a scrollbar.
    const inner = { x: box.x + 4, y: box.y + 4, w: box.w - 24, h: box.h - 8 };
    const pixels = region(png, inner);
    const bg = [pixels[0], pixels[1], pixels[2]];
    for (const [name, colour] of Object.entries(PALETTE[scheme])) {
      const n = countInk(pixels, bg, colour);
      assert.ok(n >= 30, `${name} text drawn in ${colour}: ${n} px`);
    }

    // Each printed line is drawn as wide as its visible text: a line showing "?[36m" before its
    // text would be five characters wider. The console follows the end, so the drawn lines are
    // the last printed ones (the top one may be cut: it is left out). The last line has no codes
    // and gives the advance.
    const shown = snap.output.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '')).filter((l) => l.length > 0);
    const lines = textLines(pixels, Math.round(inner.w)).slice(1);
    assert.ok(lines.length >= 8, `lines drawn: ${JSON.stringify(lines)}`);
    const tail = shown.slice(-lines.length);
    const last = tail[tail.length - 1];
    assert.ok(!snap.output[snap.output.length - 1].includes('\x1b'), 'the last line is plain');
    const advance = (lines[lines.length - 1].hi - lines[lines.length - 1].lo) / (last.length - 0.5);
    lines.forEach((l, i) => {
      const chars = (l.hi - l.lo) / advance + 0.5;
      assert.ok(Math.abs(chars - tail[i].length) < 1.5, `line "${tail[i]}" drawn ${chars.toFixed(1)} characters wide`);
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
