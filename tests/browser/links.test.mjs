// Links that hold the state (web/js/link_state.js, web/js/share.js): every demo configured by the
// hash, the query string under it, run=1, bad keys named while the rest applies, a permalink made
// by using the page and opened in a new one, and the Share box by pointer and by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmark, steady, click, until, lessonHtml, serveLesson } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

// A fresh page on `suffix` (a query string and/or hash), started.
async function open(suffix, options) {
  const opened = await openPage(browser, server.url + suffix, options);
  await opened.page.evaluate(() => window.aio.ready);
  return opened;
}
// What the controls show: the demo, each field's text (a flag's checked), the view; and the run.
const shown = (page) => page.evaluate(() => {
  const form = window.aio._form();
  const fields = Object.fromEntries(form.fields.map((f) => [f.name, f.kind === 'bool' ? f.checked : f.text]));
  const snap = window.aio.snapshot();
  return { demo: form.demo, fields, view: form.view, status: snap.status, speed: snap.speed, run: snap.run, link: window.aio.link() };
});
const problems = (page) => page.locator('#link-problems li').allTextContents();
const hashOf = (url) => new URL(url).hash;

// Each demo once through a fresh page's hash, with a value of every kind: numbers, a flag, lists, urls.
const urls = 'https://a.example/\nhttps://b.example/x?y=1&z=2';
const cases = [
  ['count', 'n=5&delay=0.5&blocking=1', { n: '5', delay: '0.5', blocking: true }],
  ['chain', 'ids=4,5,6&seed=7&sleep_max=3', { ids: '4 5 6', seed: '7', sleep_max: '3' }],
  ['queue', 'producers=3&consumers=2&maxsize=2', { producers: '3', consumers: '2', maxsize: '2' }],
  ['rand', 'tasks=4&high=20', { tasks: '4', high: '20' }],
  ['crawler', `urls=${encodeURIComponent(urls)}&concurrency=3&virtual_network=false`, { urls, concurrency: '3', virtual_network: false }],
  ['as_completed', 'seq1=1,2&seq2=4', { seq1: '1 2', seq2: '4' }],
  ['asyncgen', 'u=5&delay=0.25', { u: '5', delay: '0.25' }],
];
for (const [demo, keys, fields] of cases) {
  test(`#demo=${demo}&${keys.slice(0, 40)} shows ${demo} with those values, not running`, async () => {
    const { page, errors, context } = await open(`#demo=${demo}&${keys}`);
    const s = await shown(page);
    assert.equal(s.demo, demo);
    for (const [name, value] of Object.entries(fields)) assert.equal(s.fields[name], value, `${demo}.${name}`);
    assert.equal(s.status, 'idle', 'without run=1 nothing runs');
    assert.deepEqual(await problems(page), []);
    assert.equal(await page.locator('#link-problems').isVisible(), false);
    // The mirror shows the same form.
    await until(page, (d) => document.getElementById('mirror-demo')?.value === d, demo);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the query string configures the page, the hash wins over it, and the address moves it into the hash', async () => {
  const { page, context } = await open('?demo=queue&producers=4&consumers=3#producers=6&view=resources');
  const s = await shown(page);
  assert.equal(s.demo, 'queue');
  assert.equal(s.fields.producers, '6', 'the hash wins');
  assert.equal(s.fields.consumers, '3', 'the query string applies where the hash is silent');
  assert.equal(s.view, 'resources');
  await until(page, () => !location.search && location.hash.includes('consumers=3'));
  assert.equal(hashOf(page.url()), '#demo=queue&producers=6&consumers=3&view=resources');
  await context.close();
});

test('run=1 runs the linked demo at once, at the linked speed', async () => {
  const { page, context } = await open('#demo=count&n=2&delay=0.1&speed=instant&run=1');
  await until(page, () => window.aio.snapshot().status === 'finished');
  const snap = await page.evaluate(() => window.aio.snapshot());
  assert.equal(snap.demo, 'count');
  assert.equal(snap.params.n, 2);
  assert.equal(snap.params.delay, 0.1);
  assert.equal(snap.speed, 'instant');
  assert.equal((await page.evaluate(() => window.aio.link())).run, true);
  assert.ok(!hashOf(page.url()).includes('run='), 'the address bar never keeps run=1: reloading it shows the setup');
  await context.close();
});

test('bad keys and values are each named in a visible alert, take their defaults, and the rest applies', async () => {
  const { page, errors, context } = await open('#demo=queue&producers=abc&consumers=2&maxsize=5000&foo=1&speed=50' +
                                               '&view=pages&theme=blue&embed=2&views=tasks,bogus&ids=1,2&picker=1&constructor=1&run=toString');
  const said = await problems(page);
  const about = (key) => said.find((p) => p.startsWith(`${key}=`)) ?? `(nothing about ${key} in ${JSON.stringify(said)})`;
  assert.match(about('producers'), /^producers=abc in the link: producers must be a whole number, got "abc"; expected a whole number 0–10000; using 2$/);
  assert.match(about('maxsize'), /^maxsize=5000 in the link: maxsize must be 0\.\.1000, got 5000; expected a whole number 0–1000; using 0$/);
  // Keys the demo lacks, in one line.
  assert.match(about('foo'), /^foo=1, ids=1,2, constructor=1 in the link: queue has no parameters foo, ids, constructor; the keys are demo, .* and queue's parameters .*producers.*; ignored$/);
  assert.match(about('speed'), /^speed=50 in the link: speed must be a number from 0\.1 to 10 or "instant", got 50; using 1$/);
  assert.match(about('view'), /^view=pages in the link: the queue demo has no pages view; its views are tasks, .*; using tasks$/);
  assert.match(about('theme'), /^theme=blue in the link: expected light or dark; using the system's$/);
  assert.match(about('embed'), /^embed=2 in the link: expected 1, 0, true or false; using 0$/);
  assert.match(about('views'), /^views=tasks,bogus in the link: expected view names from tasks, .* separated by commas, got "bogus"; using every view$/);
  assert.match(about('run'), /^run=toString in the link: expected 1, 0, true or false; using 0$/);
  assert.equal(said.length, 9, said.join('\n'));
  const s = await shown(page);
  assert.equal(s.demo, 'queue');
  assert.equal(s.fields.producers, '2', 'producers took its default');
  assert.equal(s.fields.maxsize, '0', 'maxsize took its default');
  assert.equal(s.fields.consumers, '2', 'the good key applied');
  assert.equal(s.speed, 1);
  assert.equal(s.status, 'idle');
  assert.equal(s.link.picker, true, 'a good option applied');
  assert.deepEqual(s.link.problems, said);
  const box = page.locator('#link-problems');
  assert.equal(await box.getAttribute('role'), 'alert');
  assert.ok(await box.isVisible());
  await screenshot(page, 'links-bad-keys');
  await page.getByRole('button', { name: 'Close', exact: true }).first().click();
  assert.equal(await box.isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown demo is named and the parameters apply to the demo shown', async () => {
  const { page, context } = await open('#demo=nope&n=4');
  const said = await problems(page);
  assert.match(said[0], /^demo=nope in the link: expected one of count, chain, queue, .*; using count$/);
  assert.equal((await shown(page)).fields.n, '4');
  await context.close();
});

test('a permalink made by using the page opens the same state in a new page', async () => {
  const { page, context } = await open('#theme=light');
  const entries = await page.evaluate(() => history.length);
  // As a person does: the demo picked and a value typed in the mirror, found by role and name ...
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('chain');
  const ids = page.getByLabel('ids', { exact: true });
  await ids.fill('2 7');
  await page.getByLabel('sleep_max', { exact: true }).fill('4');
  const speed = page.getByRole('spinbutton', { name: 'Speed' });
  await speed.fill('2.5');
  await speed.press('Tab');
  await page.getByRole('tab', { name: 'Timeline' }).press('Enter');
  // ... and a step button on the canvas by pointer.
  await click(page, await steady(page, 'param:seed:+'));
  await until(page, () => location.hash.includes('seed=445') && location.hash.includes('view=timeline') &&
                          location.hash.includes('speed=2.5') && location.hash.includes('ids=2,7'));
  assert.equal(hashOf(page.url()), '#demo=chain&ids=2,7&seed=445&sleep_max=4&speed=2.5&view=timeline&theme=light');
  assert.equal(await page.evaluate(() => history.length), entries, 'replaceState: no history entry per change');
  const before = await shown(page);
  const copy = await open(hashOf(page.url()));
  const after = await shown(copy.page);
  for (const key of ['demo', 'fields', 'view', 'speed']) assert.deepEqual(after[key], before[key], key);
  assert.equal(after.link.theme, 'light');
  assert.equal(after.status, 'idle');
  await screenshot(copy.page, 'links-permalink-opened');
  await copy.context.close();
  await context.close();
});

test('Share by pointer on the canvas copies the link and shows it with an iframe', async () => {
  const { page, context } = await open('#demo=queue&producers=3');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await click(page, await steady(page, 'share'));
  const dialog = page.getByRole('dialog', { name: 'Share this setup' });
  await dialog.waitFor();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  assert.equal(link, page.url());
  assert.equal(hashOf(link), '#demo=queue&producers=3');
  const iframe = await page.getByRole('textbox', { name: 'Embed in a page' }).inputValue();
  assert.match(iframe, /^<iframe src="[^"]+#demo=queue&amp;producers=3&amp;embed=1" title="aio playground: queue[^"]*" width="100%" height="640" style="border:0" loading="lazy" allow="clipboard-write"><\/iframe>$/);
  await until(page, () => /copied/.test(document.getElementById('share-status').textContent));
  assert.equal(await page.locator('#share-status').textContent(), 'The link copied to the clipboard.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await page.getByRole('button', { name: 'Copy iframe' }).click();
  await until(page, () => /iframe copied/.test(document.getElementById('share-status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframe);
  // Keys typed in the box are the box's: R does not run.
  await page.getByRole('textbox', { name: 'Link' }).press('r');
  assert.equal((await page.evaluate(() => window.aio.snapshot())).status, 'idle');
  await page.getByRole('checkbox', { name: /Start running when opened/ }).check();
  assert.match(await page.getByRole('textbox', { name: 'Link' }).inputValue(), /#demo=queue&producers=3&run=1$/);
  // Ticked, the link with run=1 is what the clipboard holds: no second Copy needed.
  await until(page, async () => /run=1$/.test(await navigator.clipboard.readText()));
  assert.equal(await page.locator('#share-status').textContent(), 'The link copied to the clipboard.');
  await screenshot(page, 'links-share-pointer');
  await page.keyboard.press('Escape');
  await until(page, () => !document.getElementById('share').open);
  await context.close();
});

test('Share by keyboard from the mirror shows the link even when the clipboard is refused', async () => {
  const { page, context } = await open('#demo=count&n=4');
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
  await page.getByRole('button', { name: 'Share', exact: true }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this setup' });
  await dialog.waitFor();
  await until(page, () => /Not copied/.test(document.getElementById('share-status').textContent));
  assert.equal(await page.locator('#share-status').textContent(), 'Not copied: the browser refused (denied). Select the text below and copy it.');
  const link = page.getByRole('textbox', { name: 'Link' });
  assert.equal(await link.inputValue(), page.url());
  assert.ok(await link.evaluate((el) => document.activeElement === el && el.selectionEnd - el.selectionStart === el.value.length),
            'the link has the focus, selected whole, ready to copy');
  assert.match(await page.getByRole('textbox', { name: 'Embed in a page' }).inputValue(), /<iframe src="[^"]+#demo=count&amp;n=4&amp;embed=1"/);
  await screenshot(page, 'links-share-keyboard');
  await page.getByRole('button', { name: 'Close', exact: true }).last().press('Enter');
  await until(page, () => !document.getElementById('share').open);
  await context.close();
});

test('Share says which refused field the link leaves out, and that it gives the default', async () => {
  const { page, context } = await open('#demo=chain&sleep_max=2');
  await page.getByLabel('sleep_min', { exact: true }).fill('5');
  await until(page, () => window.aio._form().fields.find((f) => f.name === 'sleep_min').problem);
  await page.getByRole('button', { name: 'Share', exact: true }).press('Enter');
  await page.getByRole('dialog', { name: 'Share this setup' }).waitFor();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  assert.doesNotMatch(link, /sleep_min/);
  const note = page.locator('#share-left-out');
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /^Left out of the link, which gives it its default: sleep_min must be 0\.\.2 .*got 5\. Fix it in the controls to share your value\.$/);
  await screenshot(page, 'links-share-left-out');
  await context.close();
});

test("the query string's keys that are no parameter of any demo (utm_source, v) go without a word; the hash's are named", async () => {
  const { page, context } = await open('?utm_source=newsletter&v=3&producers=3#demo=queue&consumers=2&bogus=1');
  const said = await problems(page);
  assert.equal(said.length, 1, said.join('\n'));
  assert.match(said[0], /^bogus=1 in the link: queue has no parameter bogus; /);
  const s = await shown(page);
  assert.deepEqual([s.fields.producers, s.fields.consumers], ['3', '2']);
  // The address keeps them; ours move into the hash.
  await until(page, () => location.hash.includes('producers=3'));
  assert.equal(new URL(page.url()).search, '?utm_source=newsletter&v=3');
  // Keeping them asks the app nothing that draws: the idle page stays idle.
  await page.evaluate(() => {
    window.frameCount = 0;
    const draw = Module._aio_frame;
    Module._aio_frame = (stirred) => { window.frameCount++; return draw(stirred); };
  });
  await page.waitForTimeout(1000);
  await page.evaluate(() => { window.frameCount = 0; });
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.frameCount), 0, 'idle: no frames');
  await context.close();
});

test('run=1 with a misspelled demo runs nothing', async () => {
  const { page, context } = await open('#demo=queu&producers=4&run=1');
  const said = await problems(page);
  assert.ok(said.includes('run=1 in the link: not applied, since the demo it names was refused'), said.join('\n'));
  await page.waitForTimeout(500);
  assert.equal((await shown(page)).status, 'idle');
  await context.close();
});

test('a misspelled demo is named with the one it most likely meant, and a button applies the link with that one', async () => {
  const { page, errors, context } = await open('#demo=qeue&producers=3&consumers=2&maxsize=1&view=resources');
  const said = await problems(page);
  assert.match(said[0], /^demo=qeue in the link: expected one of count, .* \(did you mean queue\?\); using count$/);
  assert.equal(said[1], 'producers, consumers, maxsize in the link: not applied, since count, used instead of the demo the link names, has no such parameters');
  assert.equal(said[2], 'view=resources in the link: not applied, since count has no such view');
  assert.equal(said.length, 3, said.join('\n'));
  await page.getByRole('button', { name: 'Use demo=queue' }).click();
  await until(page, () => window.aio._form().demo === 'queue');
  const s = await shown(page);
  assert.deepEqual([s.fields.producers, s.fields.consumers, s.fields.maxsize, s.view], ['3', '2', '1', 'resources']);
  assert.equal(await page.locator('#link-problems').isVisible(), false);
  await until(page, () => location.hash === '#demo=queue&producers=3&consumers=2&maxsize=1&view=resources');
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a phone, a link's many mistakes fit on screen with Close in view; Close is the first Tab stop and Esc closes it too", async () => {
  const { page, context } = await open('#demo=queue&producers=abc&consumers=x&maxsize=5000&foo=1&bar=2&speed=99&theme=blue&view=nope&embed=7',
                                       { viewport: { width: 390, height: 844 }, hasTouch: true });
  const box = await page.locator('#link-problems').boundingBox();
  assert.ok(box.width >= 390 - 32, `the notice takes the phone's width, not half of it: ${box.width} px`);
  const close = await page.getByRole('button', { name: 'Close', exact: true }).first().boundingBox();
  assert.ok(close.y + close.height <= 844 && box.y + box.height <= 844, `Close is on screen: ${JSON.stringify(close)}`);
  await screenshot(page, 'links-phone-bad-keys');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'link-problems-close');
  await page.keyboard.press('Escape');
  await until(page, () => document.getElementById('link-problems').hidden);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'mirror-demo', 'the keyboard goes on to the controls');
  await context.close();
});

test('Back and Forward over hashes typed into the address bar set the page to each; a key left out takes its default', async () => {
  const { page, context } = await open('#demo=rand&tasks=5&speed=instant&view=timeline');
  const first = page.url();
  await page.goto(server.url + '#demo=asyncgen&u=5&speed=instant&view=source');
  await until(page, () => window.aio._form().demo === 'asyncgen');
  await page.goBack();
  await until(page, () => window.aio._form().demo === 'rand');
  let s = await shown(page);
  assert.deepEqual([s.fields.tasks, s.view, s.speed], ['5', 'timeline', 'instant']);
  assert.equal(page.url(), first);
  await page.goForward();
  await until(page, () => window.aio._form().demo === 'asyncgen');
  assert.equal((await shown(page)).view, 'source');
  // Typed without speed and view: they take their defaults, as in a fresh page.
  await page.goto(server.url + '#demo=rand&tasks=6');
  await until(page, () => window.aio._form().fields.find((f) => f.name === 'tasks').text === '6');
  s = await shown(page);
  assert.deepEqual([s.speed, s.view], [1, 'tasks']);
  await context.close();
});

test('aio.show puts a demo and its values in the controls without running; a refused call changes nothing', async () => {
  const { page, context } = await open('');
  await page.evaluate(() => window.aio.show('chain', { ids: [3, 1], seed: 9 }));
  let s = await shown(page);
  assert.equal(s.demo, 'chain');
  assert.equal(s.fields.ids, '3 1');
  assert.equal(s.fields.seed, '9');
  assert.equal(s.fields.sleep_max, '10', 'a missing parameter shows its default');
  assert.equal(s.status, 'idle');
  for (const [args, message] of [
    [['chain', { ids: [1, 'x'] }], 'aio.show: chain: ids[1] must be a whole number, got "x"'],
    [['chain', { seed: -1 }], 'aio.show: chain: seed must be 0..4294967295, got -1'],
    [['chain', { nope: 1 }], "aio.show: chain: unknown parameter 'nope'"],
    [['nope', {}], "aio.show: unknown demo 'nope'; the demos are count, chain, queue, rand, crawler, as_completed, asyncgen"],
    [['chain', [1]], 'aio.show: params must be an object such as {n: 3}, got a list'],
  ]) {
    const thrown = await page.evaluate((a) => { try { window.aio.show(...a); return null; } catch (e) { return e.message; } }, args);
    assert.equal(thrown, message);
  }
  s = await shown(page);
  assert.equal(s.fields.ids, '3 1', 'refused calls changed nothing');
  assert.equal(s.fields.seed, '9');
  // Run then runs what is shown.
  await page.getByRole('button', { name: 'Run', exact: true }).press('Enter');
  await until(page, () => window.aio.snapshot().run === 1);
  assert.deepEqual((await page.evaluate(() => window.aio.snapshot())).params.ids, [3, 1]);
  await context.close();
});

test('a hash typed into the address bar of an open page sets it again', async () => {
  const { page, context } = await open('#demo=count&n=6');
  await page.evaluate(() => { location.hash = '#demo=rand&tasks=5&view=source'; });
  await until(page, () => window.aio._form().demo === 'rand');
  const s = await shown(page);
  assert.equal(s.fields.tasks, '5');
  assert.equal(s.view, 'source');
  assert.equal(hashOf(page.url()), '#demo=rand&tasks=5&view=source');
  await context.close();
});

test("a page on another origin framing the playground cannot choose the crawler's URLs by the link", async () => {
  const linked = `${server.url}#demo=crawler&urls=${encodeURIComponent('http://127.0.0.1:1/secret')}&concurrency=2&run=1`;
  const lesson = await serveLesson(lessonHtml(linked, { prose: 100 }));
  const { page, context } = await openPage(browser, lesson.url);
  const frame = await (await page.waitForSelector('#playground')).contentFrame();
  await frame.waitForFunction(() => window.aio && window.aio.ready && window.aio.link);
  await frame.evaluate(() => window.aio.ready);
  const link = await frame.evaluate(() => window.aio.link());
  assert.equal(link.problems.length, 1, link.problems.join('\n'));
  assert.match(link.problems[0], /^urls=http:\/\/127\.0\.0\.1:1\/secret in the link: refused in a frame from another origin: the page fetches those URLs with its own origin \(http:\/\/127\.0\.0\.1:\d+\); using the default URLs$/);
  const snap = await frame.evaluate(() => window.aio.snapshot());
  assert.equal(snap.demo, 'crawler', 'the rest of the link applies: run=1 ran the crawler');
  assert.equal(snap.params.concurrency, 2);
  const defaults = await frame.evaluate(() => window.aio.params('crawler').urls.default);
  assert.equal(snap.params.urls, defaults);
  await context.close();
  lesson.stop();
});

test('at=ITERATION in a link runs exactly to that iteration and waits there, paused, on every visit; the address follows', async () => {
  const link = `${server.url}#demo=queue&at=12`;
  const { page } = await openPage(browser, link);
  await page.evaluate(() => window.aio.ready);
  await until(page, () => aio.snapshot().iteration === 12 && aio.snapshot().status === 'paused');
  assert.deepEqual(await page.evaluate(() => aio.history()), { first: 0, last: 12, live: true }, 'the run went no further');
  assert.equal((await page.evaluate(() => aio.link())).at, 12);
  const shown = await page.evaluate(() => aio.snapshot());
  assert.equal(shown.speed, 1, "the link's speed (its default) once there");
  // The same moment as the same run stepped to it by hand, on another visit.
  const other = await openPage(browser, server.url);
  const stepped = await other.page.evaluate(async (params) => {
    await aio.ready;
    aio.setSpeed('instant');
    aio.run('queue', params);
    aio.pause();
    while (aio.snapshot().iteration < 12) aio.step();
    return aio.snapshot();
  }, shown.params);
  await other.page.close();
  // Each visit draws its own os.urandom seed: the queue's item ids, printed and told, differ.
  const moment = ({ run, speed, entropy_seed: seed, output, narration, ...rest }) => ({ ...rest, lines: output.length, told: narration.length });
  assert.deepEqual(moment(shown), moment(stepped));
  await until(page, () => location.hash.includes('at=12'));
  await click(page, await landmark(page, 'step-back'));
  await until(page, () => location.hash.includes('at=11'));
  await click(page, await landmark(page, 'live'));
  await until(page, () => aio.history().live && location.hash.includes('at=12'));
  await click(page, await landmark(page, 'pause'));   // Resume: the run goes on, and the link no longer names a moment
  await until(page, () => !location.hash.includes('at='));
  await page.close();
});

test('at past the run names how many iterations it has and shows its end; a bad at is refused by name', async () => {
  const { page } = await openPage(browser, `${server.url}#demo=count&n=2&at=100000`);
  await page.evaluate(() => window.aio.ready);
  await page.waitForSelector('#link-problems:not([hidden])');
  const last = (await page.evaluate(() => aio.history())).last;
  assert.match(await page.textContent('#link-problems'), new RegExp(`at=100000 in the link: the run has ${last} iterations; showing its end`));
  assert.equal((await page.evaluate(() => aio.snapshot())).iteration, last);
  await page.close();
  const bad = await openPage(browser, `${server.url}#demo=count&at=soon`);
  await bad.page.evaluate(() => window.aio.ready);
  await bad.page.waitForSelector('#link-problems:not([hidden])');
  assert.match(await bad.page.textContent('#link-problems'), /at=soon in the link: expected a whole number of loop iterations, 0 or more; not applied/);
  await bad.page.close();
});
