// The page on a 360 px phone: the layout stacks, every view fits, and touch works: a tap presses
// a button, a drag on a list scrolls it, a drag on a widget (slider, timeline) moves that widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, distinctColours, landmarks, region, touchDrag, centre } from './harness.mjs';

const dpr = 2;
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function openPhone() {
  const opened = await openPage(browser, server.url, { viewport: { width: 360, height: 640 }, deviceScaleFactor: dpr, hasTouch: true });
  await opened.page.evaluate(() => window.aio.ready);
  await opened.page.waitForFunction(() => document.getElementById('canvas').width === 720);
  return opened;
}

test('a 360 px phone: the layout stacks, and a tap on Run starts the demo', async () => {
  const { page, errors, context } = await openPhone();
  const at = await landmarks(page);
  assert.ok(at.views.y >= at.run.y + at.run.h, 'the views sit under the controls');
  assert.ok(at.console.y >= at.views.y + at.views.h, 'the console sits under the views');
  for (const name of ['views', 'console']) assert.ok(at[name].x + at[name].w <= 360, `${name} fits the width`);
  await page.touchscreen.tap(centre(at.run).x, centre(at.run).y);
  await page.waitForFunction(() => window.aio.snapshot().status === 'running', null, { timeout: 5000 });
  await page.waitForTimeout(300);
  const { png } = await screenshot(page, 'phone-count-running');
  assert.ok(distinctColours(png) > 8);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a drag on the console scrolls it; a tap on it changes nothing', async () => {
  const { page, errors, context } = await openPhone();
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('queue', {}); return window.aio.finished(); });
  await page.waitForTimeout(300);
  const { console: frame } = await landmarks(page);
  // The text only: hover and focus recolour the scrollbar and border.
  const box = { x: frame.x + 4, y: frame.y + 4, w: frame.w - 24, h: frame.h - 8 };
  const bottom = region((await screenshot(page, 'phone-console-bottom')).png, box, dpr);
  await page.touchscreen.tap(centre(box).x, centre(box).y);
  await page.waitForTimeout(200);
  // A tap on a cut-off line shows it whole in a tooltip, as a hover does; with the pointer gone
  // from the console, the lines are as they were.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(200);
  assert.deepEqual(region((await screenshot(page, 'phone-console-tapped')).png, box, dpr), bottom, 'a tap does not scroll');
  await touchDrag(page, { x: centre(box).x, y: box.y + 10 }, { dy: 150 });
  const scrolled = region((await screenshot(page, 'phone-console-scrolled')).png, box, dpr);
  assert.notDeepEqual(scrolled, bottom, 'dragging down shows earlier lines');
  // Dragging up goes back to the end and stops there.
  const toEnd = async (name) => {
    await touchDrag(page, { x: centre(box).x, y: box.y + box.h - 10 }, { dy: -2000 }, 20);
    return region((await screenshot(page, name)).png, box, dpr);
  };
  const back = await toEnd('phone-console-back');
  assert.notDeepEqual(back, scrolled, 'dragging up scrolls back');
  assert.deepEqual(await toEnd('phone-console-end'), back, 'at the last line, a drag up moves nothing');
  assert.equal((await page.evaluate(() => window.aio.snapshot())).status, 'finished');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a drag that starts on a widget moves the widget: the speed slider, the timeline', async () => {
  const { page, errors, context } = await openPhone();
  const { speed } = await landmarks(page);
  await touchDrag(page, { x: speed.x + speed.w / 2, y: centre(speed).y }, { dx: speed.w / 3 });
  const faster = (await page.evaluate(() => window.aio.snapshot())).speed;
  assert.ok(faster > 1.5, `the slider follows the finger (speed ${faster})`);

  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('chain', {}); return window.aio.finished(); });
  await page.evaluate(() => window.aio.showView('timeline'));
  await page.waitForTimeout(300);
  const { timeline } = await landmarks(page);
  const fitted = region((await screenshot(page, 'phone-timeline-fitted')).png, timeline, dpr);
  await touchDrag(page, { x: timeline.x + timeline.w / 2, y: timeline.y + 8 }, { dx: -100 });
  assert.notDeepEqual(region((await screenshot(page, 'phone-timeline-panned')).png, timeline, dpr), fitted, 'the spans move');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every view at phone size, saved as a screenshot', async () => {
  const { page, errors, context } = await openPhone();
  const shots = {};
  for (const [demo, views] of [['queue', ['tasks', 'timeline', 'tree', 'source', 'resources', 'summary', 'loop']], ['crawler', ['pages']]]) {
    await page.evaluate((d) => { window.aio.setSpeed('instant'); window.aio.run(d, {}); return window.aio.finished(); }, demo);
    for (const view of views) {
      await page.evaluate((v) => window.aio.showView(v), view);
      await page.waitForTimeout(250);
      const { png } = await screenshot(page, `phone-view-${view}`);
      shots[view] = region(png, (await landmarks(page)).views, dpr);
      assert.ok(distinctColours(png) > 8, `${view} is drawn`);
    }
  }
  const names = Object.keys(shots);
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      assert.notDeepEqual(shots[names[i]], shots[names[j]], `${names[i]} and ${names[j]} look different`);
  // The sample site has a missing page on purpose; the browser logs its 404.
  assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
  await context.close();
});
