// The playground by keyboard alone, through its text mirror: Tab from the top of the page to the
// demo picker, choose a demo, type a parameter, Tab to Run and press Enter; then read the run back
// from the accessibility tree (the task table, the console, the narration). Shortcuts typed into
// a mirror field stay in the field, Esc there gives up the edit, and Tab leaves the canvas.
// window.aio is only read here, to check what the mirror says against the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, region } from './harness.mjs';

let server, browser, wide;
before(async () => {
  server = await startServer();
  browser = await launch();
  wide = await openPage(browser, server.url);
  await wide.page.evaluate(() => window.aio.ready);
});
after(async () => { await browser?.close(); server?.stop(); });

const snapshot = (page) => page.evaluate(() => window.aio.snapshot());
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el.id, tag: el.tagName, label: el.labels?.[0]?.textContent ?? el.textContent };
});

// Presses Tab until `check(focused)` holds; fails after `most` presses.
async function tabTo(page, check, what, most = 30) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (check(await focused(page))) return;
  }
  assert.fail(`Tab never reached ${what}; ended on ${JSON.stringify(await focused(page))}`);
}

test('a whole run by keyboard only: pick queue, type producers, Run, and read the run back', async () => {
  const { page } = wide;
  await page.keyboard.press('Tab');
  assert.deepEqual((await focused(page)).id, 'mirror-demo', 'the first Tab stop is the demo picker');
  const picker = page.getByRole('combobox', { name: 'Demo' });
  for (let i = 0; i < 10 && (await picker.inputValue()) !== 'queue'; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await picker.inputValue(), 'queue');
  await tabTo(page, (f) => f.label === 'producers', 'the producers field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.label === 'Run', 'Run');
  // Every announcement of the narration's live region, with when it came.
  await page.evaluate(() => {
    window.told = [];
    const live = document.querySelector('[aria-live="polite"]');
    new MutationObserver(() => window.told.push({ at: performance.now(), text: live.textContent }))
      .observe(live, { childList: true, characterData: true, subtree: true });
  });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.aio.snapshot().demo === 'queue' && window.aio.snapshot().iteration > 5, null, { timeout: 20000 });
  const run = await snapshot(page);
  assert.equal(run.params.producers, 3, 'the run has the producers typed');
  // While it runs, waiting tasks show the line of their await.
  await page.waitForFunction(() => [...document.querySelectorAll('#mirror-task-table tbody tr')]
    .some((r) => r.cells[1].textContent === 'waiting' && /^\d+$/.test(r.cells[4].textContent)), null, { timeout: 10000 });

  // The task table, through the accessibility tree: a row per task (the first 50), as the run has them.
  const table = page.getByRole('table');
  await page.waitForFunction(() => window.aio.snapshot().status === 'finished', null, { timeout: 60000 });
  await page.waitForTimeout(600);   // the mirror follows within a pace
  const end = await snapshot(page);
  const caption = await table.locator('caption').textContent();
  assert.match(caption, new RegExp(`\\b${end.tasks.length} tasks\\b`), caption);
  const rows = table.getByRole('row');
  assert.equal(await rows.count(), 1 + Math.min(50, end.tasks.length), 'a header row and a row per task');
  const header = await rows.nth(0).getByRole('columnheader').allTextContents();
  assert.deepEqual(header, ['name', 'state', 'waiting on', 'time left', 'line', 'await stack', 'result']);
  for (let i = 0; i < Math.min(50, end.tasks.length); i++) {
    const cells = await rows.nth(i + 1).getByRole('cell').allTextContents();
    assert.equal(cells[0], end.tasks[i].name);
    assert.equal(cells[1], end.tasks[i].state);
  }
  assert.equal(end.tasks.length, 1 + 3 + end.params.consumers, 'main, the 3 producers typed and the consumers');

  // The narration, read out from the polite live region: while the run runs, at most one account
  // in 2 s, each an iteration of this run as the state tells it, some of them about the queue.
  // The run's end is said at once.
  await page.waitForFunction(() => window.told.some(({ text }) => /^Finished at/.test(text)), null, { timeout: 5000 });
  const told = await page.evaluate(() => window.told);
  assert.ok(told.length >= 3, `${told.length} announcements in a 24 s run`);
  // A status change is said first ("Running queue.", "Finished at t = 24.00 s."); then the account.
  const status = /^(Running \w+|(Paused|Resumed|Finished|Stopped) at t = [\d.]+ s)\. ?/;
  const paced = told.slice(0, -1);   // all but the run's end
  for (let i = 1; i < paced.length; i++) assert.ok(paced[i].at - paced[i - 1].at >= 1900, `announcements ${i - 1} and ${i} came ${paced[i].at - paced[i - 1].at} ms apart`);
  assert.match(told[0].text, /^Running queue\./, 'the run starting is said');
  assert.match(told.at(-1).text, /^Finished at t = [\d.]+ s\./, 'the run finishing is said');
  const accounts = told.map(({ at, text }) => ({ at, text: text.replace(status, '') })).filter(({ text }) => text);
  const iterations = accounts.map(({ text }) => Number(/^t = [\d.]+ s, iteration (\d+):/.exec(text)?.[1]));
  assert.ok(iterations.every((n, i) => n > 0 && (i === 0 || n > iterations[i - 1])), `each announcement a later iteration: ${iterations}`);
  assert.ok(told.some(({ text }) => /queue\.(get|put)|\bq\.(get|put)\(\)/.test(text)), 'an account tells a wait on the queue');
  assert.ok(told.some(({ text }) => /\d+ earlier iterations? not read out/.test(text)), 'passed-over iterations are counted');
  // The last one, read out once the run ended, is an account the state holds, under its heading
  // (read in its short spoken form: printed lines counted, the whys first).
  const last = accounts.at(-1).text;
  const account = end.narration.find((a) => a.iteration === iterations.at(-1));
  assert.ok(account, `iteration ${iterations.at(-1)} is among the state's latest accounts`);
  const heading = /^t = [\d.]+ s, iteration \d+[^:]*: /.exec(last)?.[0];
  assert.ok(heading && account.text.startsWith(heading), `${JSON.stringify(last)} is read under the state's heading: ${JSON.stringify(account.text)}`);

  // Every account the live region passed over is in the history list, in full, to read back.
  const history = await page.getByRole('list', { name: 'Every iteration so far, in full' }).getByRole('listitem').allTextContents();
  for (const a of end.narration) assert.ok(history.includes(a.text), `the history lists iteration ${a.iteration}: ${a.text}`);

  // The console, as a log, holds what the run printed.
  const log = page.getByRole('log', { name: 'Console' });
  const lines = await log.locator('div').allTextContents();
  assert.deepEqual(lines, end.output.slice(-lines.length), 'the latest lines, in order');
  assert.ok(lines.some((l) => /^Producer 2 added/.test(l)), 'the third producer printed');
  await screenshot(page, 'keyboard-run-queue');
});

test('keys typed into a mirror field stay there; Esc gives the edit up; the canvas takes the shortcuts', async () => {
  const { page } = wide;
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('count');
  const n = page.getByRole('spinbutton', { name: 'n', exact: true });
  await n.focus();
  const before = await snapshot(page);
  const was = await n.inputValue();
  await page.keyboard.type('7');
  await page.keyboard.press('Space');
  await page.keyboard.press('s');
  await page.keyboard.press('r');
  await page.waitForTimeout(300);
  const after = await snapshot(page);
  assert.equal(after.run, before.run, 'r typed in a field runs nothing');
  assert.equal(after.status, before.status, 'Space and s typed in a field pause and step nothing');
  await page.keyboard.press('Escape');
  assert.equal(await n.inputValue(), was, 'Esc puts the value back');
  await page.waitForFunction((v) => window.aio._form().fields.find((f) => f.name === 'n').text === v, was);

  // The canvas, focused from the keyboard: R runs the demo the form shows; Tab leaves it again.
  await page.getByRole('application').focus();
  await page.keyboard.down('r');
  await page.waitForTimeout(50);
  await page.keyboard.up('r');
  await page.waitForFunction((run) => window.aio.snapshot().run === run + 1, before.run, { timeout: 15000 });
  assert.equal((await snapshot(page)).demo, 'count');
  await page.keyboard.press('Shift+Tab');
  assert.notEqual((await focused(page)).id, 'canvas', 'Shift+Tab leaves the canvas');
  // Back by Tab, the canvas shows a focus ring along its edges.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'canvas');
  await page.waitForTimeout(100);
  const { png } = await screenshot(page, 'keyboard-canvas-focus');
  const ring = region(png, { x: 0, y: 400, w: 2, h: 1 });
  assert.deepEqual([...ring.subarray(0, 3)], [0x4c, 0x9b, 0xe8], 'the ring is drawn on the canvas edge');
});

test('the shortcuts are listed in the mirror', async () => {
  const { page } = wide;
  const list = page.getByRole('list', { name: /Keyboard shortcuts/ });
  const items = await list.getByRole('listitem').allTextContents();
  for (const key of ['R', 'Space', 'S', '?']) assert.ok(items.some((i) => i.startsWith(`${key}:`)), `${key} is listed: ${items}`);
});
