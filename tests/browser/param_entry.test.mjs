// Entering parameters as a person does: bad list tokens and out-of-range values are named under
// their own field as they are typed, Run refuses while any is, -/+ bring values back into range,
// edits survive a visit to another demo, and nothing moves under the pointer while this happens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openWideAndPhone, screenshot, landmark, landmarks, steady, click, tap, gone } from './harness.mjs';

let server, browser, wide, phone;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ wide, phone } = await openWideAndPhone(browser, server.url));
});
after(async () => { await browser?.close(); server?.stop(); });

const snapshot = (page) => page.evaluate(() => window.aio.snapshot());
// What a run would change: which demo ran, how it stands, how far it got.
const runState = async (page) => { const { demo, status, iteration } = await snapshot(page); return { demo, status, iteration }; };
const shown = async (page) => Object.keys(await landmarks(page));
const settle = (page) => page.waitForTimeout(300);

// Scrolls the controls panel until `name` is inside it, then clicks it where it has settled (a
// frame after an edit may still draw the panel scrolled to the field, the picker clipped).
async function press(page, name) {
  let at = await steady(page, name);
  for (let i = 0; ; i++) {
    const panel = (await landmarks(page)).controls;
    if (!name.startsWith('param:') && name !== 'reset' || (at.y >= panel.y && at.y + at.h <= panel.y + panel.h)) break;
    assert.ok(i < 20, `${name} scrolls into view`);
    await page.mouse.move(panel.x + 3, panel.y + panel.h / 2);
    await page.mouse.wheel(0, at.y < panel.y ? -100 : 100);
    await page.waitForTimeout(100);
    at = await landmark(page, name);
  }
  await click(page, at);
  return at;
}

async function pickDemo(page, demo) {
  await press(page, 'demo');
  await landmark(page, `demo:${demo}`);
  await press(page, `demo:${demo}`);
  await landmark(page, 'param:' + (await page.evaluate((d) => Object.keys(window.aio.params(d))[0], demo)));
}

async function typeParam(page, name, value) {
  await press(page, `param:${name}`);
  await page.keyboard.press('Control+a');
  if (value === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await settle(page);
}

// The text a field holds, read from the field being edited after clicking into it.
async function fieldText(page, name) {
  await press(page, `param:${name}`);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._aio_text_field_json())) !== null, null, { timeout: 5000 });
  const { text } = await page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._aio_text_field_json())));
  await page.keyboard.press('Escape');
  await settle(page);
  return text;
}

test('a letter in a list field stays as typed, is named under the field, and Run refuses', async () => {
  const { page } = wide;
  await pickDemo(page, 'chain');
  await typeParam(page, 'ids', '1 x 3');
  await landmark(page, 'problem:ids');
  await screenshot(page, 'param-ids-letter');
  assert.equal(await fieldText(page, 'ids'), '1 x 3', 'the 3 after the bad token is kept');
  const was = await runState(page);
  await press(page, 'run');
  await landmark(page, 'error');
  assert.deepEqual(await runState(page), was, 'no run started');
  await typeParam(page, 'ids', '1 2 3');
  await gone(page, 'problem:ids');
});

test('letters typed into a number field never reach it', async () => {
  const { page } = wide;
  await pickDemo(page, 'chain');
  // Read while the field is still being edited: the letters must not be there even then.
  const editing = () => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._aio_text_field_json())).text);
  await press(page, 'param:sleep_min');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2abc');
  await settle(page);
  assert.equal(await editing(), '2');
  await page.keyboard.insertText('e5x');   // a paste, or a phone keyboard's suggestion
  await settle(page);
  assert.equal(await editing(), '25', 'a whole number takes no exponent either');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await fieldText(page, 'sleep_min'), '25');
  await typeParam(page, 'sleep_min', '0');
  assert.ok(!(await shown(page)).includes('problem:sleep_min'));
});

test('every out-of-range field is named at once as it is entered, and -/+ clamp without moving rows', async () => {
  const { page } = wide;
  await pickDemo(page, 'chain');
  await typeParam(page, 'ids', '5 2000 -3');
  await typeParam(page, 'seed', '99999999999');
  await typeParam(page, 'sleep_max', '99');
  const names = await shown(page);
  for (const field of ['ids', 'seed', 'sleep_max']) assert.ok(names.includes(`problem:${field}`), `${field}'s problem shows`);
  assert.ok(!names.includes('error'), 'nothing needed Run to be pressed');
  await screenshot(page, 'param-out-of-range');
  const before = await landmarks(page);
  await press(page, 'param:seed:-');
  await gone(page, 'problem:seed');
  const after = await landmarks(page);
  assert.deepEqual(after['param:sleep_max'], before['param:sleep_max'], 'the rows below stay put');
  assert.equal(await fieldText(page, 'seed'), '4294967295', '- brings the seed to the top of its range');
  await press(page, 'param:sleep_max:+');
  await gone(page, 'problem:sleep_max');
  assert.equal(await fieldText(page, 'sleep_max'), '60');
  // A cross-parameter constraint shows too, on the minimum.
  await typeParam(page, 'sleep_min', '9');
  await typeParam(page, 'sleep_max', '3');
  await landmark(page, 'problem:sleep_min');
  await press(page, 'reset');
  for (const field of ['ids', 'sleep_min']) await gone(page, `problem:${field}`);
});

test('each demo keeps its edits for the visit, and Reset to defaults brings back the table\'s', async () => {
  const { page } = wide;
  await pickDemo(page, 'count');
  await typeParam(page, 'n', '4');
  await typeParam(page, 'delay', '3');
  await pickDemo(page, 'chain');
  await pickDemo(page, 'count');
  assert.equal(await fieldText(page, 'n'), '4');
  assert.equal(await fieldText(page, 'delay'), '3');
  await press(page, 'reset');
  const defaults = await page.evaluate(() => window.aio.params('count'));
  assert.equal(await fieldText(page, 'n'), String(defaults.n.default));
});

test('the previous-run line appears under the tabs, never moving them', async () => {
  const { page } = wide;
  await pickDemo(page, 'count');
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', {}); return window.aio.finished(); });
  await settle(page);
  const before = (await landmarks(page))['tab:timeline'];
  await pickDemo(page, 'chain');
  const line = await landmark(page, 'views:previous');
  const after = (await landmarks(page))['tab:timeline'];
  assert.deepEqual(after, before, 'the tabs stay where they were');
  assert.ok(line.y > after.y + after.h - 1, 'the line is below the tab row');
  await screenshot(page, 'param-previous-run-line');
  await page.evaluate(() => window.aio.setSpeed(1));
});

test('Run refused, and the refusal gone, move no field; the Tasks tab keeps its width as the count grows', async () => {
  const { page } = wide;
  await pickDemo(page, 'count');
  await press(page, 'reset');
  await settle(page);
  const fields = ['param:n', 'param:delay', 'param:blocking', 'reset'];
  const at = async () => { const m = await landmarks(page); return Object.fromEntries(fields.map((f) => [f, m[f]])); };
  const before = await at();
  await typeParam(page, 'n', '20000');
  const typed = await at();
  await press(page, 'run');
  await landmark(page, 'error');
  await screenshot(page, 'param-refused-line');
  assert.deepEqual(await at(), typed, 'the refusal appears without moving a field');
  await typeParam(page, 'n', '3');
  await gone(page, 'error');
  assert.deepEqual(await at(), before, 'and goes without moving one');

  const tabs = async () => { const m = await landmarks(page); return ['tab:tasks', 'tab:timeline', 'tab:loop'].map((t) => m[t]); };
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', { n: 3 }); return window.aio.finished(); });
  await settle(page);
  const few = await tabs();
  await page.evaluate(() => { window.aio.run('count', { n: 10000 }); return window.aio.finished(); });
  await settle(page);
  const many = await tabs();
  await screenshot(page, 'param-tasks-tab-10001');
  for (let i = 0; i < few.length; i++) {
    assert.ok(Math.abs(many[i].x - few[i].x) < 1 && Math.abs(many[i].w - few[i].w) < 1,
              `tab ${i} at 4 tasks ${JSON.stringify(few[i])} and at 10,001 ${JSON.stringify(many[i])}`);
  }
  await page.evaluate(() => window.aio.setSpeed(1));
});

test('hovering text cut off in a table cell shows all of it', async () => {
  const { page } = wide;
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('chain', {}); });
  await press(page, 'tab:tasks');
  const cut = await landmark(page, 'clipped');
  await page.mouse.move(cut.x + cut.w / 2, cut.y + cut.h / 2);
  await landmark(page, 'tooltip');
  await screenshot(page, 'param-clipped-tooltip');
  await page.evaluate(() => window.aio.stop());
});

test('an empty crawler URL list is named on the field and does not run', async () => {
  const { page } = wide;
  await pickDemo(page, 'crawler');
  await typeParam(page, 'urls', '');
  await landmark(page, 'problem:urls');
  const was = await runState(page);
  await press(page, 'run');
  await landmark(page, 'error');
  assert.deepEqual(await runState(page), was, 'no run started');
  await screenshot(page, 'param-crawler-empty');
  await press(page, 'reset');
  await gone(page, 'problem:urls');
});

test('on a phone the timeline says how to zoom by touch', async () => {
  const { page } = phone;
  await page.bringToFront();
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', {}); return window.aio.finished(); });
  await tap(page, await landmark(page, 'view'));
  await tap(page, await landmark(page, 'view:timeline'));
  await landmark(page, 'timeline:hint-touch');
  assert.ok(!(await shown(page)).includes('timeline:hint-wheel'));
  await screenshot(page, 'param-phone-timeline-hint');
  await wide.page.bringToFront();
  await wide.page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', {}); return window.aio.finished(); });
  await press(wide.page, 'tab:timeline');
  await landmark(wide.page, 'timeline:hint-wheel');
});
