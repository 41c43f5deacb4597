// Dragging the timeline pans it, wherever in its rows area the drag begins: on a task's row or in
// the room below the last one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, landmark, landmarks, screenshot } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

// Drags from (x, y) by dx pixels, in steps, and reports whether following turned off (a pan).
async function panned(page, x, y, dx) {
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', { n: 3 }); return window.aio.finished(); });
  await landmark(page, 'timeline:follow:on');
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(50);
  for (let i = 1; i <= 10; i++) { await page.mouse.move(x + (dx * i) / 10, y); await page.waitForTimeout(20); }
  await page.mouse.up();
  await page.waitForTimeout(200);
  return 'timeline:follow:off' in (await landmarks(page));
}

test('a drag on a row and a drag in the empty room below the rows both pan', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.evaluate(async () => { await window.aio.ready; window.aio.setSpeed('instant'); window.aio.run('count', { n: 3 }); await window.aio.finished(); window.aio.showView('timeline'); });
  const rows = await landmark(page, 'timeline');
  // Four rows (main and three counts) at the top; the lower half of the area is empty.
  assert.equal(await panned(page, rows.x + 300, rows.y + 10, 120), true, 'a drag on the first row pans');
  assert.equal(await panned(page, rows.x + 300, rows.y + rows.h - 30, 120), true, 'a drag below the rows pans');
  await screenshot(page, 'timeline-panned-below-rows');
  await context.close();
});
