// Popups and tooltips stay inside the page however narrow or short it gets: the keyboard help
// opened on a wide page and kept open while the page narrows, opened on a phone, and taller than
// a short page (it scrolls inside); a tooltip hovered at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmark, landmarks, click, region, gone, holdKey } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// Whether `r` lies inside a viewport of `width` x `height` (a pixel of rounding allowed).
function assertInside(r, { width, height }, what) {
  const ok = r.x >= -0.5 && r.y >= -0.5 && r.x + r.w <= width + 0.5 && r.y + r.h <= height + 0.5;
  assert.ok(ok, `${what}: ${JSON.stringify(r)} lies outside the ${width}x${height} page`);
}
// The landmark `name` once it has settled inside the viewport, or its last place if it never does.
async function settled(page, name, size) {
  let r;
  for (let i = 0; i < 40; i++) {
    r = await landmark(page, name);
    if (r.x >= 0 && r.y >= 0 && r.x + r.w <= size.width + 0.5 && r.y + r.h <= size.height + 0.5) {
      await page.waitForTimeout(100);   // and stays there over a few more frames
      return landmark(page, name);
    }
    await page.waitForTimeout(50);
  }
  return r;
}
async function open(size) {
  const opened = await openPage(browser, server.url, { viewport: size });
  await opened.page.evaluate(() => window.aio.ready);
  return opened;
}
async function openHelp(page) {
  await click(page, await landmark(page, 'help-button'));
  return landmark(page, 'help');
}
// Esc closes the help; then the page has logged no error, and closes.
async function closeHelp({ page, errors, context }) {
  await holdKey(page, 'Escape');
  await gone(page, 'help');
  assert.deepEqual(errors, []);
  await context.close();
}

test('the help opened on a wide page stays inside it as the page narrows, and Esc closes it', async () => {
  const opened = await open({ width: 1280, height: 800 });
  const { page } = opened;
  assertInside(await openHelp(page), { width: 1280, height: 800 }, 'help at 1280 px');
  for (const size of [{ width: 800, height: 600 }, { width: 360, height: 640 }, { width: 320, height: 480 }]) {
    await page.setViewportSize(size);
    const help = await settled(page, 'help', size);
    assertInside(help, size, `help once narrowed to ${size.width} px`);
    await screenshot(page, `popup-help-${size.width}`);
  }
  await closeHelp(opened);
});

test('the help opened on a 320 px page fits it, and taller than a short page it scrolls inside', async () => {
  const size = { width: 320, height: 480 };
  const opened = await open(size);
  const { page } = opened;
  await openHelp(page);
  assertInside(await settled(page, 'help', size), size, 'help at 320 px');
  const short = { width: 360, height: 160 };
  await page.setViewportSize(short);
  const help = await settled(page, 'help', short);
  assertInside(help, short, 'help on a 160 px high page');
  // The wheel over it scrolls its text: the popup's pixels change while it stays in place.
  const before = region((await screenshot(page, 'popup-help-short')).png, help);
  await page.mouse.move(help.x + help.w / 2, help.y + help.h / 2);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  const after = region((await screenshot(page, 'popup-help-short-scrolled')).png, help);
  assert.deepEqual(await landmark(page, 'help'), help, 'the popup stays where it was');
  assert.ok(!before.equals(after), 'its text scrolled');
  await closeHelp(opened);
});

// Moves the pointer over a grid of points in `box` and returns every tooltip shown, with where.
async function tooltipsOver(page, box, { dx, dy }) {
  const seen = [];
  for (let y = box.y + dy / 2; y < box.y + box.h; y += dy)
    for (let x = box.x + dx / 2; x < box.x + box.w; x += dx) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(60);
      const tip = (await landmarks(page)).tooltip;
      if (tip) seen.push({ at: { x, y }, tip });
    }
  return seen;
}

test('tooltips at 320 px fit the page: a console line cut off, the timeline spans', async () => {
  const size = { width: 320, height: 640 };
  const { page, errors, context } = await open(size);
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('queue', { producers: 1, consumers: 1, items_min: 60, items_max: 60 }); return window.aio.finished(); });
  const { console: lines } = await landmarks(page);
  const cut = await tooltipsOver(page, { x: lines.x + 40, y: lines.y + 8, w: 1, h: lines.h - 16 }, { dx: 1, dy: 14 });
  assert.ok(cut.length > 0, 'a console line cut off shows whole');
  await page.evaluate(() => window.aio.showView('timeline'));
  const timeline = await landmark(page, 'timeline');
  const spans = await tooltipsOver(page, timeline, { dx: 24, dy: 20 });
  assert.ok(spans.length > 0, 'hovering the spans shows tooltips');
  await screenshot(page, 'popup-tooltip-320');
  for (const { at, tip } of [...cut, ...spans]) assertInside(tip, size, `the tooltip at ${at.x},${at.y}`);
  assert.deepEqual(errors, []);
  await context.close();
});
