// The canvas by keyboard alone: Tab onto it, arrows and Enter to a parameter, type, Tab to the
// next one, R, Space, S, digits for views, the timeline's + - arrows and Home, a focused row's
// tooltip and Esc, the help, the legend (by L and by its button), the demo list closed by Esc, an
// edit given up by Esc, the await tree folded and unfolded, the Pages view's Download, and Tab on
// out of the playground. Reduced motion stops the spinner and
// reaches the app, following the setting as it changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmark, landmarks, gone, holdKey, region } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const until = (page, fn, arg, timeout = 10000) => page.waitForFunction(fn, arg, { timeout, polling: 50 });
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const holds = (outer, p) => p.x >= outer.x && p.x <= outer.x + outer.w && p.y >= outer.y && p.y <= outer.y + outer.h;

// Moves the keyboard focus (landmark "focus") onto landmark `name` with the arrows, entering a
// panel that holds it with Enter and leaving one with Esc when the arrows no longer move, as a
// keyboard user would.
async function focusOn(page, name) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    const all = await landmarks(page);
    const target = all[name], focus = all.focus;
    if (target && focus && holds(focus, centre(target))) {
      if (focus.w * focus.h <= 4 * target.w * target.h) return;
      await holdKey(page, 'Enter');   // a panel around it: go in
    } else if (focus && last && JSON.stringify(focus) === JSON.stringify(last)) {
      await holdKey(page, 'Escape');  // at the edge of a panel: back out to the one around it
    } else {
      const t = target && centre(target), f = focus ? centre(focus) : { x: 0, y: 0 };
      const key = !focus ? 'ArrowDown' : !t ? 'ArrowDown'
        : t.y > focus.y + focus.h ? 'ArrowDown' : t.y < focus.y ? 'ArrowUp' : t.x > f.x ? 'ArrowRight' : 'ArrowLeft';
      await holdKey(page, key);
    }
    last = focus;
    await page.waitForTimeout(80);
  }
  throw new Error(`the keyboard focus never reached ${name}: ${JSON.stringify((await landmarks(page)).focus)}`);
}

// Pressing `key` shows landmark `name` (a popup, a list, a tooltip); Esc takes it away again.
async function opensThenEscCloses(page, key, name, shot) {
  if (/.\+./.test(key)) await page.keyboard.press(key);   // a chord: Shift+Slash types ?
  else await holdKey(page, key);
  await landmark(page, name);
  if (shot) await screenshot(page, shot);
  await holdKey(page, 'Escape');
  await gone(page, name);
}

const editing = (page) => page.evaluate(() => document.activeElement?.classList.contains('aio-text-field') ? document.activeElement.value : null);
const status = (page, s) => until(page, (want) => window.aio.snapshot().status === want, s);

test('everything a pointer does on the canvas, by keyboard alone', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  // Tab reaches the canvas (past the page's text mirror before it).
  for (let i = 0; i < 100 && await page.evaluate(() => document.activeElement.id) !== 'canvas'; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'Tab reaches the canvas');

  // A parameter: arrows to n, Enter edits it, Tab keeps it and edits delay, Enter keeps that.
  await focusOn(page, 'param:n');
  await holdKey(page, 'Enter');
  await until(page, () => document.activeElement?.classList.contains('aio-text-field'));
  assert.equal(await editing(page), '3');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await until(page, () => document.activeElement?.value === '1');   // delay's field, edited
  await page.keyboard.press('Control+a');
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  await until(page, () => !document.activeElement?.classList.contains('aio-text-field'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'the keys went back to the canvas');
  await screenshot(page, 'keyboard-parameters');

  // Esc gives up an edit: n stays 5.
  await focusOn(page, 'param:n');
  await holdKey(page, 'Enter');
  await until(page, () => document.activeElement?.classList.contains('aio-text-field'));
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  await until(page, () => !document.activeElement?.classList.contains('aio-text-field'));

  // R runs with what was typed; Space pauses, S steps one iteration, Space resumes.
  await holdKey(page, 'r');
  await status(page, 'running');
  assert.equal(await page.evaluate(() => window.aio.source('count').command), 'python3 countasync.py -n 5 --delay 30.0');
  await holdKey(page, ' ');
  await status(page, 'paused');
  const { iteration } = await page.evaluate(() => window.aio.snapshot());
  await holdKey(page, 's');
  await until(page, (n) => window.aio.snapshot().iteration === n + 1, iteration);
  await holdKey(page, ' ');   // the step waited out the sleeps: resumed, the run ends at once
  await until(page, () => ['running', 'finished'].includes(window.aio.snapshot().status));
  await holdKey(page, 'r');
  await status(page, 'running');

  // 2: the Timeline, the focus on its first row, shown without a tooltip over it; ↓ moves the
  // focus to the next row, which tells its task's state.
  await holdKey(page, '2');
  await landmark(page, 'timeline:focused');
  await landmark(page, 'timeline:follow:on');
  await gone(page, 'tooltip');
  await holdKey(page, 'ArrowDown');
  await landmark(page, 'tooltip');
  await screenshot(page, 'keyboard-timeline');
  await holdKey(page, '+');
  await landmark(page, 'timeline:follow:off');   // zooming took the view off following
  await holdKey(page, ' ');                      // paused, so only the keys move the picture
  await status(page, 'paused');
  const area = await landmark(page, 'timeline');
  const before = region((await screenshot(page, 'keyboard-timeline-zoomed')).png, area);
  await holdKey(page, 'ArrowRight');
  await page.waitForTimeout(200);
  const panned = region((await screenshot(page, 'keyboard-timeline-panned')).png, area);
  assert.ok(!before.equals(panned), '→ showed later loop time');
  assert.ok((await landmarks(page))['timeline:focused'], '→ panned rather than moving the focus off the row');
  await holdKey(page, 'Home');
  await landmark(page, 'timeline:follow:on');

  // 1: the task table, its first row focused and no tooltip over the table; ↓ and the next row
  // shows its tooltip; Esc hides it, the row keeps the focus.
  await holdKey(page, '1');
  await landmark(page, 'tasks:focused');
  await gone(page, 'tooltip');
  await opensThenEscCloses(page, 'ArrowDown', 'tooltip', 'keyboard-task-row');
  assert.ok((await landmarks(page))['tasks:focused'], 'Esc hid the tooltip only');

  // The legend, from its button under the table and by L; the help by ?; the demo list by Enter.
  await focusOn(page, 'tasks:legend');
  await opensThenEscCloses(page, 'Enter', 'legend', 'keyboard-legend');
  await opensThenEscCloses(page, 'l', 'legend');
  await opensThenEscCloses(page, 'Shift+Slash', 'help', 'keyboard-help');
  await focusOn(page, 'demo');
  await opensThenEscCloses(page, 'Enter', 'demo:queue');

  // 3: the await tree, the focus on main's row: ← folds it (its tasks' rows go), → unfolds it.
  await holdKey(page, '3');
  await landmark(page, 'tree:Task-1');
  await holdKey(page, 'ArrowLeft');
  await gone(page, 'tree:Task-1');
  await holdKey(page, 'ArrowRight');
  await landmark(page, 'tree:Task-1');

  // Tab outside a field leaves the playground: no keyboard trap.
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'canvas');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Pages view by keyboard: a focused row tells itself whole, and Enter on Download saves the file', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('crawler', {}); return window.aio.finished(); });
  await page.focus('#canvas');
  await holdKey(page, '6');   // crawler's views: tasks, timeline, tree, source, resources, pages, ...
  await landmark(page, 'tab:pages');
  await holdKey(page, 'ArrowDown');   // from the first page's row, which took the focus, to the second
  await landmark(page, 'tooltip');
  await screenshot(page, 'keyboard-pages');
  await focusOn(page, 'pages:download');
  const [download] = await Promise.all([page.waitForEvent('download'), holdKey(page, 'Enter')]);
  assert.equal(download.suggestedFilename(), 'foundurls.txt');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the shortcuts the help lists reach the page as JSON', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const shortcuts = await page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._aio_shortcuts_json())));
  assert.ok(shortcuts.some((s) => s.keys === 'Space' && s.action === 'Pause or resume the run'));
  for (const s of shortcuts) assert.deepEqual(Object.keys(s), ['keys', 'action']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('reduced motion stops the spinner and reaches the app, following the setting', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.spinner')).animationName), 'none');
  await page.evaluate(() => window.aio.ready);
  assert.equal(await page.evaluate(() => Module._aio_reduced_motion()), 1);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await until(page, () => Module._aio_reduced_motion() === 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.spinner')).animationName), 'spin');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await until(page, () => Module._aio_reduced_motion() === 1);
  await context.close();
});

test('the history scrubber by keyboard: with the focus on it, ←/→ show the iteration before and after', async () => {
  const { page } = await openPage(browser, server.url);
  await page.evaluate(async () => { await window.aio.ready; aio.setSpeed('instant'); aio.run('count', { n: 2 }); await aio.finished(); });
  const { last } = await page.evaluate(() => aio.history());
  for (let i = 0; i < 100 && await page.evaluate(() => document.activeElement.id) !== 'canvas'; i++) await page.keyboard.press('Tab');
  await focusOn(page, 'history');
  const at = await landmark(page, 'history');
  await holdKey(page, 'ArrowLeft');
  await until(page, (k) => aio.snapshot().iteration === k && !aio.history().live, last - 1);
  await holdKey(page, 'ArrowLeft');
  await until(page, (k) => aio.snapshot().iteration === k, last - 2);
  await holdKey(page, 'ArrowRight');
  await until(page, (k) => aio.snapshot().iteration === k, last - 1);
  const focus = (await landmarks(page)).focus;
  assert.ok(focus && holds(focus, centre(at)), 'the arrows moved the scrubber, not the focus');
  await screenshot(page, 'keyboard-scrubber');
  await holdKey(page, 'ArrowRight');   // its right end is the live run
  await until(page, () => aio.history().live);
  await page.close();
});
