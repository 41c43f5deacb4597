// The text mirror drives the same run as the canvas, through its own controls found by role and
// name: every demo picked, its parameters checked against aio.params, run, paused, resumed,
// stepped, stopped, sped up and made instant, and every view brought forward from the tablist. A
// value typed on either side shows on the other, a bad one is named and stops Run, and the canvas
// outlines the widget of the mirror control with keyboard focus. window.aio is only read here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openWideAndPhone, screenshot, landmark, landmarks, click, region, until } from './harness.mjs';

let server, browser, wide, phone;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ wide, phone } = await openWideAndPhone(browser, server.url));
});
after(async () => { await browser?.close(); server?.stop(); });

const snapshot = (page) => page.evaluate(() => window.aio.snapshot());
const statusIs = (page, status) => until(page, (s) => window.aio.snapshot().status === s, status);
const picker = (page) => page.getByRole('combobox', { name: 'Demo' });
const button = (page, name) => page.getByRole('button', { name, exact: true });
// Run reads Restart while a run is live, as on the canvas.
const runButton = (page) => button(page, 'Run').or(button(page, 'Restart'));
// A parameter's input, by its label, whatever its role (checkbox, spinbutton, textbox).
const field = (page, name) => page.getByLabel(name, { exact: true });
// The text an element's aria-describedby points at.
const description = (locator) => locator.evaluate((el) => el.getAttribute('aria-describedby').split(' ')
  .map((id) => document.getElementById(id).textContent).join(' '));
// Presses a mirror button from the keyboard, as Tab and Enter would.
const press = (page, name) => button(page, name).press('Enter');
const typeInto = async (locator, text) => { await locator.focus(); await locator.press('Control+A'); await locator.pressSequentially(text); };

test('every demo from the mirror: its parameters, Run, Pause, Resume, Step, Stop, speed, instant and each view', async () => {
  const { page } = wide;
  const demos = await page.evaluate(() => window.aio.demos());
  for (const demo of demos) {
    await picker(page).selectOption(demo);
    const params = await page.evaluate((d) => window.aio.params(d), demo);
    for (const [name, p] of Object.entries(params)) {
      const input = field(page, name);
      assert.equal(await input.count(), 1, `${demo}: one input labelled ${name}`);
      const role = await input.evaluate((el) => el.type || el.tagName.toLowerCase());
      const expected = { bool: 'checkbox', int: 'number', float: 'number', int_list: 'text', text: 'textarea' }[p.kind];
      assert.equal(role, expected, `${demo}.${name} (${p.kind})`);
      const about = await description(input);
      assert.ok(about.includes(p.help), `${demo}.${name}: its help is its description: ${about}`);
      if (p.kind === 'int' || p.kind === 'float') {
        assert.equal(Number(await input.getAttribute('min')), p.min);
        assert.equal(Number(await input.getAttribute('max')), p.max);
        assert.ok(about.includes(`${p.min}\u2013${p.max}`), `${demo}.${name}: its range is described: ${about}`);
      }
    }
    // Slow enough to pause before it ends.
    const speed = page.getByRole('spinbutton', { name: 'Speed' });
    if (await page.getByRole('checkbox', { name: /Instant/ }).isChecked()) await page.getByRole('checkbox', { name: /Instant/ }).press('Space');
    await typeInto(speed, '0.1');
    await speed.press('Tab');
    await until(page, () => window.aio.snapshot().speed === 0.1);
    const before = (await snapshot(page)).run;
    await runButton(page).press('Enter');
    await until(page, ([d, run]) => window.aio.snapshot().demo === d && window.aio.snapshot().run === run + 1, [demo, before]);
    await button(page, 'Pause').waitFor();
    await press(page, 'Pause');
    await statusIs(page, 'paused');
    await button(page, 'Resume').waitFor();
    const at = (await snapshot(page)).iteration;
    await press(page, 'Step');
    assert.equal((await snapshot(page)).iteration, at + 1, `${demo}: Step runs exactly one iteration`);
    await press(page, 'Resume');   // a step may have reached the last timer, so the run may end at once
    await until(page, () => ['running', 'finished'].includes(window.aio.snapshot().status));
    await typeInto(speed, '2');
    await speed.press('Tab');
    await until(page, () => window.aio.snapshot().speed === 2);
    // Each tab brings its view forward on the canvas; the arrow keys move along the tablist.
    const tabs = page.getByRole('tablist', { name: 'Views' }).getByRole('tab');
    const names = await tabs.allTextContents();
    await tabs.first().focus();
    await tabs.first().press('Home');
    for (let i = 0; i < names.length; i++) {
      const view = await tabs.nth(i).getAttribute('data-view');
      assert.equal(await tabs.nth(i).getAttribute('aria-selected'), 'true', `${demo}: ${names[i]} is selected`);
      await landmark(page, `shown:${view}`);
      // The Summary and the Source say their words under the tab too.
      if (view === 'summary')
        await until(page, () => { const lines = window.aio.snapshot().summary.lines; return lines.length > 0 && document.getElementById('mirror-view-panel').textContent.includes(lines[0].slice(0, 20)); });
      if (view === 'source')
        await until(page, (d) => document.getElementById('mirror-view-panel').textContent.includes(`1: ${window.aio.source(d).python.split('\n')[0]}`), demo);
      if (i + 1 < names.length) await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(names.map((n) => n.toLowerCase()).slice(0, 4), ['tasks', 'timeline', 'await tree', 'source']);
    await page.getByRole('tab', { name: 'Tasks' }).press('Enter');
    await page.getByRole('checkbox', { name: /Instant/ }).press('Space');
    await until(page, () => window.aio.snapshot().speed === 'instant');
    const live = await snapshot(page);
    if (live.status === 'running') {
      await press(page, 'Stop');
      await until(page, () => ['stopped', 'finished'].includes(window.aio.snapshot().status));
    }
    await until(page, () => document.getElementById('mirror-stop').getAttribute('aria-disabled') === 'true');
    assert.equal(await button(page, 'Pause').getAttribute('aria-disabled'), 'true', `${demo}: nothing to pause once it ended`);
    await page.getByRole('checkbox', { name: /Instant/ }).press('Space');
  }
});

test('a value typed on the canvas shows in the mirror, and one typed in the mirror runs from the canvas', async () => {
  const { page } = wide;
  await picker(page).selectOption('count');
  await click(page, await landmark(page, 'param:n'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('6');
  await page.keyboard.press('Enter');
  await until(page, () => document.getElementById('mirror-param-n').value === '6');

  await picker(page).selectOption('queue');
  await landmark(page, 'param:producers');
  await typeInto(field(page, 'producers'), '4');
  await field(page, 'producers').press('Tab');
  const before = (await snapshot(page)).run;
  await click(page, await landmark(page, 'run'));
  await until(page, (run) => window.aio.snapshot().run === run + 1, before);
  assert.equal((await snapshot(page)).params.producers, 4, 'the canvas ran what the mirror typed');
  await screenshot(page, 'mirror-sync');
  await page.evaluate(() => window.aio.stop());
});

test('a bad value typed in the mirror is named in its description, marked invalid, and Run changes nothing', async () => {
  const { page } = wide;
  await picker(page).selectOption('queue');
  const producers = field(page, 'producers');
  await typeInto(producers, '3.5');
  await until(page, () => document.getElementById('mirror-param-producers').getAttribute('aria-invalid') === 'true');
  assert.match(await description(producers), /producers: '3\.5' is not a whole number \(0\u2013\d+\)/);
  await landmark(page, 'problem:producers');   // the canvas names it under its field too
  await screenshot(page, 'mirror-bad-value');
  const was = await snapshot(page);
  await runButton(page).press('Enter');
  await page.waitForTimeout(300);
  const now = await snapshot(page);
  assert.deepEqual([now.run, now.demo, now.status], [was.run, was.demo, was.status], 'no run started');
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Not run' }).textContent(), 'Not run: fix producers first');
  await typeInto(producers, '20000');
  await until(page, () => /must be/.test(document.getElementById('mirror-param-producers-note').textContent));
  await typeInto(producers, '2');
  await until(page, () => document.getElementById('mirror-param-producers').getAttribute('aria-invalid') === null);
});

// The outline over the canvas widget of the focused mirror control: where the landmark is, in the
// outline's colour, on the wide page and on a phone (whose panel scrolls the field into view).
for (const [layout, name, landmarkName] of [['wide', 'Run', 'run'], ['phone', 'producers', 'param:producers'], ['wide', 'Timeline', 'tab:timeline']]) {
  test(`the canvas outlines ${landmarkName} while its mirror control has focus (${layout})`, async () => {
    const { page } = layout === 'wide' ? wide : phone;
    await picker(page).selectOption('queue');
    const control = name === 'Run' ? runButton(page)
      : name === 'Timeline' ? page.getByRole('tab', { name }) : field(page, name);
    await control.focus();
    const outline = page.locator('#mirror-outline');
    await outline.waitFor({ state: 'visible' });
    await until(page, (n) => document.getElementById('mirror-outline').dataset.landmark === n, landmarkName);
    const r = (await landmarks(page))[landmarkName];
    const panel = (await landmarks(page))[landmarkName.startsWith('tab:') ? 'views' : 'controls'];
    assert.ok(r.y >= panel.y && r.y + r.h <= panel.y + panel.h, `${landmarkName} is scrolled into its panel`);
    const box = await outline.boundingBox();
    for (const k of ['x', 'y']) assert.ok(Math.abs(box[k] - r[k]) <= 1, `outline ${k} ${box[k]} at the widget's ${r[k]}`);
    const dpr = layout === 'wide' ? 1 : 2;
    const { png } = await screenshot(page, `mirror-outline-${layout}-${landmarkName.replace(':', '-')}`);
    // The outline is drawn 3 px outside the box, in #ffb000.
    const ring = region(png, { x: r.x - 3, y: r.y - 3, w: r.w + 6, h: 2 }, dpr);
    let amber = 0;
    for (let i = 0; i < ring.length; i += 4) amber += ring[i] > 230 && Math.abs(ring[i + 1] - 0xb0) < 24 && ring[i + 2] < 40;
    assert.ok(amber > r.w / 2, `the outline shows above ${landmarkName} (${amber} amber pixels)`);
    await control.blur();
    await outline.waitFor({ state: 'hidden' });
  });
}

test('a file the run wrote downloads from the mirror, as from the Pages view', async () => {
  const { page } = wide;
  await picker(page).selectOption('crawler');
  const instant = page.getByRole('checkbox', { name: /Instant/ });
  if (!(await instant.isChecked())) await instant.press('Space');
  await runButton(page).press('Enter');
  await statusIs(page, 'finished');
  const download = button(page, 'Download foundurls.txt');
  await download.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), download.press('Enter')]);
  assert.equal(file.suggestedFilename(), 'foundurls.txt');
  const text = await new Promise((resolve, reject) => {
    file.createReadStream().then((s) => { let t = ''; s.on('data', (c) => { t += c; }); s.on('end', () => resolve(t)); s.on('error', reject); }, reject);
  });
  assert.equal(text, (await snapshot(page)).files['foundurls.txt']);
  await instant.press('Space');
});

// The form's export itself: a change it cannot make names what was wrong and what is allowed,
// and the form stays as it was.
test('a bad change to the form is refused with what is allowed, and changes nothing', async () => {
  const { page } = wide;
  await picker(page).selectOption('queue');
  const refusals = await page.evaluate(() => {
    const before = JSON.stringify(window.aio._form());
    const out = [];
    for (const change of [{ demo: 'nope' }, { param: 'nope', value: '1' }, { param: 'producers', value: 3 },
                          { view: 'nope' }, { frobnicate: true }, { download: 'nope.txt' }]) {
      try { window.aio._form(change); out.push(null); } catch (e) { out.push(e.message); }
    }
    return { out, same: JSON.stringify(window.aio._form()) === before };
  });
  assert.ok(refusals.same, 'the form did not change');
  const [demo, param, value, view, what, file] = refusals.out;
  assert.match(demo, /unknown demo 'nope'; the demos are count, chain, queue/);
  assert.match(param, /queue has no parameter 'nope'; its parameters are producers, consumers/);
  assert.match(value, /queue: producers takes its field's text, got a number/);
  assert.match(view, /the \w+ demo has no nope view; its views are tasks, timeline/);   // the shown run's demo
  assert.match(what, /unknown change 'frobnicate'; a change is one of demo, param/);
  assert.match(file, /the run wrote no file 'nope.txt'/);
});

test('the picker is described by what its demo teaches, and the mirror says whose run the views show', async () => {
  const { page } = wide;
  for (const demo of ['queue', 'count']) {
    await picker(page).selectOption(demo);
    await until(page, (d) => document.getElementById('mirror-demo-about').textContent === window.aio.source(d).summary, demo);
    assert.equal(await description(picker(page)), await page.evaluate((d) => window.aio.source(d).summary, demo));
  }
  await picker(page).selectOption('queue');
  const before = (await snapshot(page)).run;
  await runButton(page).press('Enter');
  await until(page, (run) => window.aio.snapshot().run === run + 1, before);
  await press(page, 'Stop');
  await statusIs(page, 'stopped');
  await picker(page).selectOption('count');
  await until(page, () => /^The views show the previous run, of queue \(stopped\)\. Run starts count\.$/.test(document.getElementById('mirror-shown-run').textContent));
  await picker(page).selectOption('queue');
  await until(page, () => document.getElementById('mirror-shown-run').textContent === '');
});
