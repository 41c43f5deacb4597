// Embed mode (embed=1 in the link), as a course page on another origin shows it: compact controls
// that fit a 320x400 frame, the demo picker only with picker=1, only the views views= names, a
// button and a link that open the same setup in the full playground, and the wheel scrolling the
// course page wherever the playground has nothing to scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmark, landmarks, steady, click, lessonHtml, serveLesson } from './harness.mjs';

let server, browser;
const lessons = [];
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); for (const l of lessons) l.stop(); });

// A lesson on another origin with the playground at `suffix` in a `width` x `height` iframe, and
// `prose` px of text under it. Returns the page, the playground's frame and where the iframe sits.
async function openLesson(suffix, { width, height, prose = 200, viewport = { width: 1100, height: 900 }, script = '', scripts = [] }) {
  const html = lessonHtml(server.url + suffix, { prose, script, scripts }).replace('width:1000px;height:640px', `width:${width}px;height:${height}px`);
  const lesson = await serveLesson(html);
  lessons.push(lesson);
  const { page, errors, context } = await openPage(browser, lesson.url, { viewport });
  const iframe = await page.waitForSelector('#playground');
  const frame = await iframe.contentFrame();
  await frame.waitForFunction(() => window.aio?.ready && Module._aio_landmarks_json);
  await frame.evaluate(() => window.aio.ready);
  const box = await iframe.boundingBox();
  return { page, errors, context, frame, box };
}
// A landmark of the playground in the frame, in the lesson page's coordinates.
const at = (box, r) => ({ ...r, x: r.x + box.x, y: r.y + box.y });

test('a 320x400 frame with embed=1 shows compact controls, nothing clipped, and only the views named', async () => {
  const { page, errors, context, frame, box } = await openLesson(
    '#demo=queue&producers=3&consumers=2&maxsize=2&embed=1&views=tasks,resources&view=resources', { width: 320, height: 400 });
  await steady(frame, 'run');
  const marks = await landmarks(frame);
  assert.equal(marks.demo, undefined, 'no demo picker without picker=1');
  assert.ok(marks['demo-title'], 'the demo is named instead');
  assert.equal(marks.share, undefined, 'Open full playground stands where Share does');
  // Every control whole inside the frame.
  for (const name of ['demo-title', 'run', 'pause', 'step', 'stop', 'help-button', 'instant', 'open-full', 'speed', 'params', 'view']) {
    const r = marks[name];
    assert.ok(r, `${name} is drawn`);
    assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= 320 && r.y + r.h <= 400, `${name} lies inside the 320x400 frame: ${JSON.stringify(r)}`);
  }
  // The parameters fold under their header; the page said their values.
  assert.equal(marks['param:producers'], undefined, 'the fields are folded');
  const form = await frame.evaluate(() => window.aio._form());
  assert.deepEqual(form.views, ['tasks', 'resources']);
  assert.equal(form.view, 'resources');
  const texts = Object.fromEntries(form.fields.map((f) => [f.name, f.text]));
  assert.deepEqual([texts.producers, texts.consumers, texts.maxsize], ['3', '2', '2']);
  // The phone layout's view list offers those two only.
  await click(page, at(box, marks.view));
  await landmark(frame, 'view:tasks');
  const open = await landmarks(frame);
  assert.ok(open['view:resources']);
  for (const v of ['timeline', 'tree', 'source', 'summary', 'loop']) assert.equal(open[`view:${v}`], undefined, `no ${v} view`);
  await page.keyboard.press('Escape');
  // Opened, the header shows the fields with the linked values; Run runs them, by pointer.
  await click(page, at(box, marks.params));
  const field = await landmark(frame, 'param:producers');
  assert.ok(field.y >= 0, 'the field is drawn');
  await click(page, at(box, await steady(frame, 'run')));
  await frame.waitForFunction(() => window.aio.snapshot().status !== 'idle');
  const snap = await frame.evaluate(() => window.aio.snapshot());
  assert.equal(snap.demo, 'queue');
  assert.deepEqual([snap.params.producers, snap.params.consumers, snap.params.maxsize], [3, 2, 2]);
  // The page API refuses a view the embed leaves out, and says why.
  const refused = await frame.evaluate(() => { try { window.aio.showView('timeline'); return null; } catch (e) { return e.message; } });
  assert.match(refused, /shows only the views tasks, resources .*not timeline/);
  await screenshot(page, 'embed-320x400');
  assert.deepEqual(errors, []);
  await context.close();
});

test('picker=1 brings the demo picker back in embed mode', async () => {
  const { context, frame } = await openLesson('#demo=count&embed=1&picker=1', { width: 480, height: 500 });
  await steady(frame, 'run');
  const marks = await landmarks(frame);
  assert.ok(marks.demo, 'the picker is drawn');
  assert.equal(marks['demo-title'], undefined);
  await frame.waitForFunction(() => document.getElementById('mirror-demo')?.disabled === false);
  await context.close();
});

test('Open full playground opens the same setup, without embed mode, in a new tab; the mirror has it as a link', async () => {
  const { page, context, frame, box } = await openLesson('#demo=queue&producers=3&maxsize=2&embed=1&views=tasks', { width: 320, height: 400 });
  const link = frame.getByRole('link', { name: 'Open this setup in the full playground (new tab)' });
  const href = await link.getAttribute('href');
  assert.match(href, /#demo=queue&producers=3&maxsize=2$/, 'the link carries the setup and leaves embed mode out');
  await frame.waitForFunction(() => document.getElementById('mirror-demo')?.disabled === true);   // the mirror offers no picker either
  const opened = context.waitForEvent('page');
  await click(page, at(box, await steady(frame, 'open-full')));
  const full = await opened;
  await full.waitForFunction(() => window.aio?.ready);
  await full.evaluate(() => window.aio.ready);
  assert.equal(new URL(full.url()).hash, '#demo=queue&producers=3&maxsize=2');
  await full.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._aio_landmarks_json())).demo);
  const form = await full.evaluate(() => window.aio._form());
  assert.equal(form.demo, 'queue');
  assert.equal(form.fields.find((f) => f.name === 'producers').text, '3');
  assert.ok(form.views.includes('timeline') && form.views.includes('source'), 'the full playground has every view');
  await context.close();
});

test('the wheel scrolls the course page where the playground has nothing to scroll, and the playground where it has', async () => {
  const { page, context, frame, box } = await openLesson('#demo=queue&embed=1&view=source', { width: 1000, height: 640, prose: 3000, viewport: { width: 1100, height: 700 } });
  await steady(frame, 'run');
  const scrollY = () => page.evaluate(() => window.scrollY);
  // Over the controls, which hold nothing that scrolls: the lesson moves.
  const title = at(box, await landmark(frame, 'demo-title'));
  await page.mouse.move(title.x + 5, title.y + 5);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  const moved = await scrollY();
  // Back to the top, then over the Source view, which is longer than its pane: the script scrolls, the lesson does not.
  await page.evaluate(() => window.scrollTo(0, 0));
  const shown = await landmark(frame, 'shown:source');
  const source = at(box, shown);
  await page.mouse.move(source.x + 40, source.y + 40);
  const pane = { x: source.x, y: source.y, width: source.w, height: Math.min(source.h, 200) };
  const before = await page.screenshot({ clip: pane });
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(500);
  assert.equal(await scrollY(), 0, 'the lesson stays while the Source view scrolls');
  assert.ok(!before.equals(await page.screenshot({ clip: pane })), 'the script moved under the pointer');
  assert.ok(moved > 0, `the lesson scrolled by ${moved} px over the controls`);
  await screenshot(page, 'embed-wheel');
  await context.close();
});

test('auto-height with embed mode asks for the compact controls whole and room for the views, not the full layout', async () => {
  const script = `window.heights = [];
    AioEmbed.connect(document.getElementById('playground'), {autoHeight: true, timeout: 60000})
      .then((pg) => { window.pg = pg; pg.on('resize', (d) => heights.push(d.height)); });`;
  const { page, context, frame } = await openLesson('#demo=queue&embed=1', { width: 320, height: 400, script, scripts: [new URL('embed.js', server.url).href] });
  await page.waitForFunction(() => window.heights?.length > 0);
  const frameHeight = () => page.evaluate(() => document.getElementById('playground').getBoundingClientRect().height);
  await page.waitForFunction(() => document.getElementById('playground').getBoundingClientRect().height === window.heights.at(-1));
  await steady(frame, 'params');
  const [controls, params] = [await landmark(frame, 'controls'), await landmark(frame, 'params')];
  const height = await frameHeight();
  // The compact controls whole, and 400 px for the views and the console (never under 480).
  assert.ok(Math.abs(height - Math.max(480, controls.h + 400)) <= 2, `compact: ${height} px for ${controls.h} px of controls`);
  assert.ok(params.y + params.h <= controls.y + controls.h, 'the controls show whole at that height');
  const heard = await page.evaluate(() => window.heights);
  assert.ok(heard.every((h) => h <= height), `the frame never jumped to the full layout's height first: ${heard}`);
  const views = await landmark(frame, 'views');
  assert.ok(views.h >= 200, `the view has room: ${views.h} px`);
  // Opened, the parameters need more, and the frame follows.
  const before = height;
  const { x, y } = await page.locator('#playground').boundingBox();
  await page.mouse.move(x + params.x + 20, y + params.y + params.h / 2);
  await page.mouse.down(); await page.waitForTimeout(50); await page.mouse.up();
  await page.waitForFunction((h) => window.heights.at(-1) > h, before);
  await page.waitForFunction(() => document.getElementById('playground').getBoundingClientRect().height === window.heights.at(-1));
  const reset = await steady(frame, 'reset');
  const grown = await landmark(frame, 'controls');
  assert.ok(reset.y + reset.h <= grown.y + grown.h, 'opened, the fields show whole too');
  await screenshot(page, 'embed-auto-height');
  await context.close();
});

test("the keyboard reaching a folded field from the text mirror opens the canvas's parameters and outlines it; the mirror offers no Share there", async () => {
  const { context, frame } = await openLesson('#demo=queue&embed=1', { width: 320, height: 400 });
  await steady(frame, 'params');
  assert.equal((await landmarks(frame))['param:producers'], undefined);
  await frame.getByLabel('producers', { exact: true }).focus();
  await landmark(frame, 'param:producers');
  await frame.waitForFunction(() => !document.getElementById('mirror-outline').hidden);
  assert.equal(await frame.getByRole('button', { name: 'Share', exact: true }).count(), 0, 'Share is hidden');
  assert.equal(await frame.getByRole('link', { name: /full playground/ }).count(), 1);
  await context.close();
});

test("in embed mode a link's notice sits at the bottom, clear of the controls, so Run can be pressed while it is open", async () => {
  const { page, context, frame, box } = await openLesson('#demo=queue&embed=1&producers=abc&bogus=1', { width: 320, height: 400 });
  const run = await steady(frame, 'run');
  const notice = await frame.locator('#link-problems').boundingBox();   // in the lesson page's coordinates
  assert.ok(notice, 'the notice shows');
  assert.ok(notice.y > box.y + run.y + run.h, `the notice (top ${notice.y}) is below Run (bottom ${box.y + run.y + run.h})`);
  assert.ok(notice.y + notice.height <= box.y + 400 + 1, 'and inside the frame');
  await click(page, at(box, run));
  await frame.waitForFunction(() => window.aio.snapshot().status !== 'idle');
  await screenshot(page, 'embed-notice');
  await context.close();
});
