// What the text mirror says about a run, read the way a screen reader reads it: by role and name
// from the accessibility tree (tab panels, nested lists, the task table's column headers, a field's
// invalid state and description, the live regions). Each figure is checked against aio.snapshot(),
// the state the canvas draws. Runs are set up through the page API; what they say is read from the mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, until, axNodeOf } from './harness.mjs';

let server, browser, page, cdp;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page } = await openPage(browser, server.url));
  await page.evaluate(() => window.aio.ready);
  cdp = await page.context().newCDPSession(page);
});
after(async () => { await browser?.close(); server?.stop(); });

const snapshot = () => page.evaluate(() => window.aio.snapshot());
const tab = (name) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true });
const panel = () => page.getByRole('tabpanel');
const two = (x) => x.toFixed(2);

// A run paused `steps` iterations in, slow enough to read.
async function pausedRun(demo, params, steps) {
  await page.evaluate(([d, p]) => { window.aio.setSpeed(0.1); window.aio.run(d, p); window.aio.pause(); }, [demo, params]);
  await until(page, (d) => window.aio.snapshot().demo === d && window.aio.snapshot().status === 'paused', demo);
  for (let i = 0; i < steps; i++) await page.evaluate(() => window.aio.step());
  await page.waitForTimeout(400);   // the mirror follows within a pace
}

// The accessibility tree's node for the one element `role` named `name`: its properties by name.
const axNode = (role, name) => axNodeOf(cdp, role, name);

test('the Summary tab says the async run against its blocking twin, each with its figures', async () => {
  await page.evaluate(() => window.aio.setSpeed('instant'));
  for (const blocking of [false, true]) {
    await page.evaluate((b) => window.aio.run('count', { n: 3, delay: 1, blocking: b }), blocking);
    await until(page, (b) => window.aio.snapshot().status === 'finished' && window.aio.snapshot().params.blocking === b, blocking);
  }
  await tab('Summary').press('Enter');
  const runs = (await snapshot()).finished_runs;
  const words = () => panel().textContent();
  await until(page, () => /blocking \(countasync\.py --blocking\), n=3, delay=1: took/.test(document.querySelector('[role=tabpanel]').textContent));
  const text = await words();
  assert.ok(text.includes(`async (countasync.py), n=3, delay=1: took ${two(runs.count.summary.elapsed)} s of loop time`), text);
  assert.ok(text.includes(`blocking (countasync.py --blocking), n=3, delay=1: took ${two(runs['count/blocking'].summary.elapsed)} s of loop time`), text);
  assert.ok(runs['count/blocking'].summary.elapsed > runs.count.summary.elapsed, 'the twin took longer');
  await screenshot(page, 'mirror-words-summary');
});

test('the Resources tab lists each queue with its level, maxsize and who waits on it', async () => {
  await pausedRun('queue', { producers: 1, consumers: 4, sleep_min: 1, sleep_max: 2 }, 6);
  await tab('Resources').press('Enter');
  const list = panel().getByRole('list', { name: 'Resources' });
  await list.waitFor();
  const s = await snapshot();
  const q = s.resources[0];
  assert.ok(q.waiting.getters.length > 0, 'consumers wait to get');
  const first = list.getByRole('listitem').first();
  const name = (id) => s.tasks.find((t) => t.id === id).name;
  assert.match(await first.evaluate((li) => li.firstChild.textContent), new RegExp(`^queue '${q.name}': ${q.level} items?, maxsize ${q.capacity}\\b.*, ${q.unfinished} unfinished$`));
  const waiters = await first.getByRole('list').getByRole('listitem').allTextContents();
  assert.equal(waiters[0], `getters (${q.waiting.getters.length}): ${q.waiting.getters.map(name).join(', ')}`);
  assert.match(waiters[1], /^putters \(0\): none$/);
});

test('the Source tab lists the lines tasks wait at, as the table\'s line column gives them', async () => {
  await pausedRun('queue', { producers: 1, consumers: 2, sleep_min: 1, sleep_max: 2 }, 6);
  await tab('Source').press('Enter');
  const list = panel().getByRole('list', { name: 'Source' });
  await list.waitFor();
  const items = await list.getByRole('listitem').allTextContents();
  const rows = await page.locator('#mirror-tasks tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const waiting = rows.filter((r) => r[4] !== '');   // name, state, waiting on, time left, line
  assert.ok(waiting.length > 0, JSON.stringify(rows));
  for (const [name, , , , line] of waiting)
    assert.ok(items.some((i) => i.startsWith(`line ${line}: `) && i.includes(name)), `${name} at line ${line}: ${items.join(' | ')}`);
});

test('the Pages tab lists each page with its state, HTTP status, size and links', async () => {
  const end = await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('crawler', {}); return window.aio.finished(); });
  await tab('Pages').press('Enter');
  const list = panel().getByRole('list', { name: 'Pages' });
  await list.waitFor();
  const text = (await list.allTextContents()).join(' ');
  for (const p of end.pages) {
    assert.ok(text.includes(p.url), `${p.url} in ${text}`);
    if (p.status) assert.ok(text.includes(String(p.status)), `${p.status} of ${p.url}`);
  }
  assert.ok(end.pages.some((p) => p.state === 'failed') && text.includes('failed'), 'the failed page is said so');
});

test('the Await tree tab is a nested list of who awaits whom', async () => {
  await pausedRun('count', { n: 4, delay: 3 }, 2);
  await tab('Await tree').press('Enter');
  const tree = panel().getByRole('list', { name: 'Await tree' });
  await tree.waitFor();
  const root = tree.getByRole('listitem').first();
  assert.match(await root.evaluate((li) => li.firstChild.textContent), /^main, waiting, awaiting gather\(4 awaitables\)$/);
  const s = await snapshot();
  const children = await root.getByRole('list').getByRole('listitem').allTextContents();
  const awaited = s.tasks.find((t) => t.name === 'main').awaits.map((id) => s.tasks.find((t) => t.id === id).name);
  assert.deepEqual(children, awaited.map((n) => `${n}, waiting, awaiting sleep(3)`));
  assert.match(await tree.ariaSnapshot(), /- listitem:[^]*- list:[^]*- listitem: Task-\d+, waiting, awaiting sleep\(3\)/);
});

test('the Event loop tab lists the ready queue and each timer: what, when and how long left', async () => {
  await tab('Event loop').press('Enter');
  const loop = panel().getByRole('list', { name: 'Event loop' });
  await loop.waitFor();
  const s = await snapshot();
  const timers = loop.getByRole('listitem').filter({ hasText: /^Timers: / });
  assert.match(await timers.evaluate((li) => li.firstChild.textContent), new RegExp(`^Timers: ${s.timer_count}, earliest first$`));
  const items = await timers.getByRole('list').getByRole('listitem').allTextContents();
  assert.equal(items.length, s.timers.length);
  s.timers.forEach((t, i) => {
    const task = s.tasks.find((x) => x.id === t.task).name;
    assert.equal(items[i], `${t.what} for ${task}, at ${two(t.when)} s (${two(Math.max(0, t.when - s.time))} s left)`);
  });
  assert.ok(await loop.getByRole('listitem').filter({ hasText: /^Ready queue: \d+ callbacks?/ }).count() === 1);
});

test('the task table has columns for the time left, the await stack and the result', async () => {
  const table = page.getByRole('table');
  const header = await table.getByRole('row').first().getByRole('columnheader').allTextContents();
  assert.deepEqual(header, ['name', 'state', 'waiting on', 'time left', 'line', 'await stack', 'result']);
  const s = await snapshot();
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: s.tasks[1].name, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  assert.equal(cells[3], `${two(s.tasks[1].until - s.time)} s`);
  assert.equal(cells[5], s.tasks[1].stack.join(' \u2192 '));
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.resume(); });
  await until(page, () => window.aio.snapshot().status === 'finished');
  await page.waitForTimeout(400);
  const end = await snapshot();
  const done = await table.getByRole('row').nth(1).getByRole('cell').allTextContents();
  assert.equal(done[0], end.tasks[0].name);
  assert.equal(done[6], end.tasks[0].result);
  assert.equal(done[3], '', 'no timer once done');
});

test('the Timeline tab tells each task\'s intervals, and how many tasks it leaves out of 10,000', async () => {
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', { n: 10000, delay: 1 }); });
  await until(page, () => window.aio.snapshot().status === 'finished', undefined, 60000);
  await tab('Timeline').press('Enter');
  const list = panel().getByRole('list', { name: 'Timeline' });
  await list.waitFor();
  const items = await list.getByRole('listitem').allTextContents();
  const s = await snapshot();
  assert.equal(items.length, 21);
  assert.equal(items.at(-1), `and ${(s.tasks.length - 20).toLocaleString('en')} tasks more`);
  assert.match(items[1], new RegExp(`^${s.tasks[1].name}: ran at 0\\.00 s, waited on sleep 0\\.00\u20131\\.00 s, ran at 1\\.00 s, done at 1\\.00 s$`));
  await screenshot(page, 'mirror-words-timeline');
});

test('a value refused while it is typed is marked invalid, described, and announced once typing pauses', async () => {
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('queue');
  const producers = page.getByRole('spinbutton', { name: 'producers', exact: true });
  await page.evaluate(() => {
    window.refused = [];
    const live = document.getElementById('mirror-refusal');
    new MutationObserver(() => window.refused.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await producers.focus();
  await producers.press('Control+A');
  await producers.pressSequentially('-5000', { delay: 80 });
  await page.waitForTimeout(1500);
  const ax = await axNode('spinbutton', 'producers');
  assert.equal(ax.invalid, 'true');
  assert.match(ax.description, /^producers must be 0\.\.10000, got -5000$/);
  const refused = await page.evaluate(() => window.refused);
  assert.deepEqual(refused, [ax.description], 'said once, when typing paused, as the field describes it');
  const status = await axNode('status', '');
  assert.equal(status.live, 'polite');
  await screenshot(page, 'mirror-words-refused');
  await producers.press('Control+A');
  await producers.pressSequentially('2');
  await until(page, () => document.getElementById('mirror-refusal').textContent === '');
  assert.equal((await axNode('spinbutton', 'producers')).invalid, 'false');
});

test('the live region speaks each iteration in 200 characters at most, the history keeps it whole', async () => {
  await page.evaluate(() => {
    window.told = [];
    const live = document.querySelector('[aria-live="polite"]');
    new MutationObserver(() => window.told.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await pausedRun('count', { n: 40, delay: 2 }, 2);   // 40 tasks start in iteration 2: 40 sentences
  const cut = /t = [\d.]+ s, iteration \d+: .* And \d+ more sentences? in the Explain view\./;
  await until(page, (re) => window.told.some((t) => new RegExp(re).test(t)), cut.source, 5000);
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.resume(); });
  await until(page, () => window.told.some((t) => /^Finished at/.test(t)), undefined, 10000);
  const told = await page.evaluate(() => window.told.filter(Boolean));
  for (const t of told) assert.ok(t.length <= 200, `${t.length} characters: ${t}`);
  assert.match(told[0], /^Paused at t = [\d.]+ s\./, 'the status change is said first');
  assert.match(told.at(-1), /^Finished at t = [\d.]+ s\./, 'and the run\'s end');
  const history = await page.getByRole('list', { name: 'Every iteration so far, in full' }).getByRole('listitem').allTextContents();
  // Read out in short (printed lines counted), the account is found in the history by its heading.
  const heading = told.find((t) => cut.test(t)).match(/t = [\d.]+ s, iteration \d+:/)[0];
  const whole = history.find((a) => a.startsWith(heading));
  const said = told.find((t) => cut.test(t)).replace(/^Paused at t = [\d.]+ s\. /, '').replace(/ And \d+ more sentences? in the Explain view\..*$/, '');
  assert.ok(whole && whole.length > said.length, `the account read out is in the history whole: ${whole?.length} characters against ${said.length} read out`);
});
