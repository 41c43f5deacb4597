// Input that reaches the page faster than it draws: a press and release within one frame (a fast
// click, a touchpad tap) and a key down and up within one; a click's effect shows without further
// input and the page then stops drawing; and a phone's on-screen keyboard types into a field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmarks, region, touchDrag, centre } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// Counts the app's frames from here on (window.framesDrawn).
async function countFrames(page) {
  await page.evaluate(() => {
    window.framesDrawn = 0;
    const draw = Module._aio_frame;
    Module._aio_frame = (stirred) => { window.framesDrawn++; return draw(stirred); };
  });
}

// Waits until the page has stopped drawing (frames take 100 ms or more under SwiftShader on a busy
// machine, so a fixed wait is not enough).
async function settled(page) {
  for (let last = -1, now = await page.evaluate(() => window.framesDrawn); now !== last;) {
    await page.waitForTimeout(400);
    [last, now] = [now, await page.evaluate(() => window.framesDrawn)];
  }
}

async function open(options) {
  const opened = await openPage(browser, server.url, options);
  await opened.page.evaluate(() => window.aio.ready);
  await countFrames(opened.page);
  await settled(opened.page);
  return opened;
}
const openDesktop = () => open();

// A move, a press and a release dispatched in one task, so all three reach the app in one frame.
async function quickClick(page, { x, y }) {
  await page.evaluate(({ x, y }) => {
    const canvas = document.getElementById('canvas');
    const at = { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0 };
    canvas.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
    canvas.dispatchEvent(new MouseEvent('mousemove', at));
    canvas.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'mouse', buttons: 1 }));
    canvas.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
    canvas.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse' }));
    canvas.dispatchEvent(new MouseEvent('mouseup', at));
  }, { x, y });
  await settled(page);
}

// Key down and up of each key dispatched in one task (on window, where the app listens).
async function quickKeys(page, keys) {
  await page.evaluate((keys) => {
    for (const [key, code, keyCode] of keys)
      for (const type of ['keydown', 'keyup'])
        window.dispatchEvent(new KeyboardEvent(type, { key, code, keyCode, which: keyCode, bubbles: true, cancelable: true }));
  }, keys);
  await settled(page);
}

// The body of the views panel: below the tab bar, so the hovered tab does not count.
async function viewBody(page, name) {
  const at = await landmarks(page);
  const top = at['tab:tasks'].y + at['tab:tasks'].h + 4;
  const body = { x: at.views.x + 4, y: top, w: at.views.w - 8, h: at.views.y + at.views.h - top - 4 };
  return region((await screenshot(page, name)).png, body);
}

// A view as aio.showView draws it, with the mouse out of the way.
async function reference(page, view) {
  await page.mouse.move(5, 795);
  await page.evaluate((v) => window.aio.showView(v), view);
  await settled(page);
  const { demo } = await page.evaluate(() => window.aio.snapshot());
  return viewBody(page, `input-${demo}-${view}-reference`);
}

test('a press and release within one frame: view tabs, the demo picker and Run each take it', async () => {
  const { page, errors, context } = await openDesktop();
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('queue', {}); return window.aio.finished(); });
  const views = ['timeline', 'tree', 'source', 'resources', 'tasks'];
  const refs = {};
  for (const view of views) refs[view] = await reference(page, view);
  for (const view of views) {
    await quickClick(page, centre((await landmarks(page))[`tab:${view}`]));
    assert.deepEqual(await viewBody(page, `input-quick-tab-${view}`), refs[view], `a quick click on the ${view} tab shows it`);
  }

  await quickClick(page, centre((await landmarks(page)).demo));
  await page.waitForFunction(() => 'demo:chain' in JSON.parse(Module.UTF8ToString(Module._aio_landmarks_json())));
  await quickClick(page, centre((await landmarks(page))['demo:chain']));
  await quickClick(page, centre((await landmarks(page)).run));
  const snap = await page.evaluate(() => window.aio.snapshot());
  assert.equal(snap.demo, 'chain', 'the picker took the quick click on chain, and Run the one after');
  assert.equal(snap.status, 'finished');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a key down and up within one frame reach the edited field: Right moves the caret, Enter ends the edit', async () => {
  const { page, errors, context } = await openDesktop();
  await quickClick(page, { x: (await landmarks(page))['param:n'].x + 10, y: centre((await landmarks(page))['param:n']).y });
  // The field selects its text ("3") when it opens; Right drops the selection, so '5' is appended.
  await quickKeys(page, [['ArrowRight', 'ArrowRight', 39]]);
  await page.evaluate(() => {
    for (const type of ['keydown', 'keypress', 'keyup'])
      window.dispatchEvent(new KeyboardEvent(type, { key: '5', code: 'Digit5', keyCode: 53, charCode: type === 'keypress' ? 53 : 0, bubbles: true, cancelable: true }));
  });
  await settled(page);
  await quickKeys(page, [['Enter', 'Enter', 13]]);
  // R runs only outside a text field: it runs here once Enter has ended the edit.
  await page.evaluate(() => window.aio.setSpeed('instant'));
  await quickKeys(page, [['r', 'KeyR', 82]]);
  assert.equal((await page.evaluate(() => window.aio.snapshot())).status, 'finished', 'Enter ended the edit, and R ran');
  assert.equal(await page.evaluate(() => window.aio.source('count').command), 'python3 countasync.py -n 35');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a desktop keyboard types through the DOM field once, not twice; Escape puts the old value back', async () => {
  const { page, errors, context } = await openDesktop();
  const field = async () => (await landmarks(page))['param:n'];   // moves when the speed slider goes
  const focusedValue = () => page.evaluate(() => document.activeElement?.classList.contains('aio-text-field') ? document.activeElement.value : null);
  await page.mouse.click((await field()).x + 10, centre(await field()).y);
  await page.waitForFunction(() => document.activeElement?.classList.contains('aio-text-field'), null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.activeElement.inputMode), 'numeric');
  await page.keyboard.type('12');
  await settled(page);
  assert.equal(await focusedValue(), '12');
  await page.keyboard.press('Escape');
  await settled(page);
  assert.equal(await focusedValue(), null, 'Escape ended the edit');
  await page.evaluate(() => window.aio.setSpeed('instant'));
  await page.keyboard.press('r');
  await settled(page);
  assert.equal(await page.evaluate(() => window.aio.source('count').command), 'python3 countasync.py', 'n is 3 again');
  await page.mouse.click((await field()).x + 10, centre(await field()).y);
  await page.waitForFunction(() => document.activeElement?.classList.contains('aio-text-field'), null, { timeout: 10000 });
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await settled(page);
  await page.keyboard.press('r');
  await settled(page);
  // Escape left n at 3 before; typed once each, '12' replaced the selected 3 (not '1122' or '312').
  assert.equal(await page.evaluate(() => window.aio.source('count').command), 'python3 countasync.py -n 12');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab click shows the new view without further input, and the page then stops drawing', async () => {
  const { page, errors, context } = await openDesktop();
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('chain', {}); return window.aio.finished(); });
  const source = await reference(page, 'source');
  await reference(page, 'tasks');
  const framesIn = async (ms) => {
    await page.evaluate(() => { window.framesDrawn = 0; });
    await page.waitForTimeout(ms);
    return page.evaluate(() => window.framesDrawn);
  };
  assert.equal(await framesIn(1000), 0, 'idle: no frames');
  const tab = centre((await landmarks(page))['tab:source']);
  await page.mouse.move(tab.x, tab.y);
  await settled(page);
  await page.evaluate(() => { window.framesDrawn = 0; });
  await page.mouse.down();
  await page.mouse.up();
  await settled(page);
  const frames = await page.evaluate(() => window.framesDrawn);
  assert.ok(frames >= 2 && frames <= 12, `a click draws until the views settle, then stops (${frames} frames)`);
  assert.equal(await framesIn(1500), 0, 'settled: no frames');
  assert.deepEqual(await viewBody(page, 'input-tab-click-source'), source, 'the Source view shows, without further input');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 360 px phone: tapping a field opens a DOM input with its inputmode, and what is typed runs', async () => {
  const { page, errors, context } = await open({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true });
  await page.waitForFunction(() => document.getElementById('canvas').width === 720);
  await settled(page);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el && el.classList.contains('aio-text-field') ? { tag: el.tagName, inputmode: el.inputMode, enterkeyhint: el.enterKeyHint, value: el.value } : null;
  });
  const tapField = async (name) => {
    let marks = await landmarks(page);
    // A field cut off at the bottom of the controls panel is dragged up into it first.
    const hidden = marks[`param:${name}`].y + marks[`param:${name}`].h - (marks.controls.y + marks.controls.h - 8);
    if (hidden > 0) {
      // On the panel's top text, where a drag scrolls (over a button it presses).
      await touchDrag(page, { x: 200, y: marks.controls.y + 30 }, { dy: -(hidden + 20) });
      await settled(page);
      marks = await landmarks(page);
    }
    const r = marks[`param:${name}`];
    await page.touchscreen.tap(r.x + 10, r.y + r.h / 2);
    await page.waitForFunction(() => document.activeElement?.classList.contains('aio-text-field'), null, { timeout: 10000 });
  };

  await tapField('n');
  assert.deepEqual(await focused(), { tag: 'INPUT', inputmode: 'numeric', enterkeyhint: 'done', value: '3' });
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.activeElement?.classList.contains('aio-text-field'), null, { timeout: 10000 });
  await screenshot(page, 'phone-field-typed');

  // The phone's controls panel scrolls: bring delay into view with a drag on its summary text.
  await touchDrag(page, { x: 200, y: 200 }, { dy: -150 });
  await settled(page);
  await tapField('delay');
  assert.equal((await focused()).inputmode, 'decimal');
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  await settled(page);

  await page.evaluate(() => window.aio.setSpeed('instant'));
  await touchDrag(page, { x: 200, y: 150 }, { dy: 300 });
  await settled(page);
  const run = centre((await landmarks(page)).run);
  await page.touchscreen.tap(run.x, run.y);
  await page.waitForFunction(() => window.aio.snapshot().status === 'finished', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.aio.source('count').command), 'python3 countasync.py -n 7 --delay 0.5');
  const { output } = await page.evaluate(() => window.aio.snapshot());
  assert.equal(output.filter((line) => line === 'One').length, 7, 'the run counted with n=7');

  await page.evaluate(() => window.aio.run('chain', {}));
  await settled(page);
  await tapField('ids');
  assert.equal((await focused()).inputmode, 'text');
  await screenshot(page, 'phone-field-editing');
  assert.deepEqual(errors, []);
  await context.close();
});
