// The page loads the wasm app, draws an ImGui window sharply at any devicePixelRatio, follows
// resizes, and exposes window.aio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, distinctColours, landmarks, siteDir } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('page becomes ready, draws the ImGui window and logs no errors', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#loading').isHidden(), true, 'loading indicator hides once drawn');
  assert.equal(await page.locator('#error').isHidden(), true, 'no error panel');
  const { png } = await screenshot(page, 'page-ready');
  assert.ok(distinctColours(png) > 8, 'the screenshot is not one flat colour');
  const snap = await page.evaluate(() => window.aio.snapshot());
  assert.equal(snap.status, 'idle');
  assert.deepEqual(snap.tasks, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the UI follows prefers-color-scheme: light and dark', async () => {
  const mean = (png) => {
    let sum = 0;
    for (let i = 0; i < png.data.length; i += 4) sum += png.data[i] + png.data[i + 1] + png.data[i + 2];
    return sum / (png.data.length / 4) / 3;
  };
  const brightness = {};
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => window.aio.ready);
    await page.waitForTimeout(300);
    brightness[scheme] = mean((await screenshot(page, `theme-${scheme}`)).png);
    await context.close();
  }
  assert.ok(brightness.light > brightness.dark + 60, JSON.stringify(brightness));
});

test('backing store is CSS size times devicePixelRatio, and follows resizes', async () => {
  const { page, context } = await openPage(browser, server.url, { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  await page.evaluate(() => window.aio.ready);
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return [c.width, c.height, c.clientWidth, c.clientHeight];
  });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1600);
  assert.deepEqual(await size(), [1600, 1200, 800, 600]);
  await page.setViewportSize({ width: 500, height: 400 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1000);
  assert.deepEqual(await size(), [1000, 800, 500, 400]);
  // A container resize without a window resize (an embedding page's layout change).
  await page.evaluate(() => { document.getElementById('stage').style.width = '300px'; });
  await page.waitForFunction(() => document.getElementById('canvas').width === 600);
  assert.deepEqual(await size(), [600, 800, 300, 400]);
  await screenshot(page, 'page-hidpi-resized');
  await context.close();
});

test('a browser without WebGL2 gets a readable error panel, and ready rejects', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  await page.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
    };
  });
  await page.goto(server.url);
  const why = await page.evaluate(() => window.aio.ready.then(() => 'resolved', (e) => e.message));
  assert.match(why, /WebGL2/);
  assert.equal(await page.locator('#error').isVisible(), true);
  assert.match(await page.locator('#error-what').textContent(), /WebGL2/);
  assert.equal(await page.locator('#error-hint').isVisible(), true, 'the hardware acceleration hint');
  await screenshot(page, 'page-no-webgl2');
  await context.close();
});

test('a wasm that fails to load gives the error panel, not a blank canvas', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  await page.route('**/aio_playground.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto(server.url);
  await page.locator('#error').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.locator('#loading').isHidden(), true);
  // It names the file and the status and says what to deploy, not Emscripten's "Aborted(...)".
  const detail = await page.locator('#error-detail').textContent();
  assert.match(detail, /aio_playground\.wasm answered HTTP 404\b.*Deploy aio_playground\.wasm beside index\.html .*dist\/ folder that web\/tools\/dist\.sh writes/);
  assert.doesNotMatch(detail, /Aborted|ASSERTIONS/);
  const ready = await page.evaluate(() => window.aio.ready.then(() => 'resolved', (e) => e.message));
  assert.match(ready, /^The playground could not be downloaded: http:\S+\/aio_playground\.wasm answered HTTP 404/);
  await screenshot(page, 'page-wasm-missing');
  await context.close();
});

test('a wasm download that fails (network error) gives the error panel too', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  await page.route('**/aio_playground.wasm', (route) => route.abort('connectionrefused'));
  await page.goto(server.url);
  await page.locator('#error').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.locator('#error-detail').textContent(), /fetch/i);
  assert.equal(await page.locator('#error-hint').isVisible(), false, 'no graphics hint: the network failed');
  await context.close();
});

test('opened as a file, the page says how to serve it, and ready rejects', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  await page.goto('file://' + siteDir + '/index.html');
  await page.locator('#error').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.locator('#error-what').textContent(), /served over http/);
  assert.match(await page.locator('#error-detail').textContent(), /python3 -m http\.server/);
  assert.match(await page.locator('#error-detail').textContent(), /Open aio-playground\.html beside it/);
  assert.doesNotMatch(await page.locator('#error').innerText(), /hardware acceleration/);
  const ready = await page.evaluate(() => window.aio.ready.then(() => 'resolved', (e) => e.message));
  assert.match(ready, /^The playground has to be served over http, not opened as a file: Browsers block /);
  assert.equal(await page.locator('#error-hint').isVisible(), false, 'no graphics hint: WebGL is not what failed');
  await context.close();
});

test('keyboard: R runs the selected demo, Space pauses, S steps, ? shows the help', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  await page.mouse.click(640, 700);   // focus the page (an empty spot of the console)
  await page.keyboard.press('r');
  await page.waitForFunction(() => window.aio.snapshot().status === 'running');
  assert.equal(await page.evaluate(() => window.aio.snapshot().demo), 'count');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.aio.snapshot().status === 'paused');
  const before = await page.evaluate(() => window.aio.snapshot().iteration);
  await page.keyboard.press('s');
  await page.waitForFunction((n) => window.aio.snapshot().iteration === n + 1, before);
  const plain = (await screenshot(page, 'help-closed')).png.data;
  await page.keyboard.press('Shift+Slash');
  await page.waitForTimeout(300);
  const help = (await screenshot(page, 'help-open')).png.data;
  assert.notDeepEqual(help, plain, 'the help popup is drawn');
  await context.close();
});

const fontsOf = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._aio_fonts_json())));

test('text is drawn with the TTFs, rasterised for the devicePixelRatio', async () => {
  for (const dpr of [1, 2, 3]) {
    const { page, errors, context } = await openPage(browser, server.url, { viewport: { width: 900, height: 600 }, deviceScaleFactor: dpr });
    await page.evaluate(() => window.aio.ready);
    const fonts = await fontsOf(page);
    assert.equal(fonts.ttf, true, 'both TTFs arrived');
    assert.equal(fonts.dpr, dpr);
    assert.equal(fonts.ui.pixels, 15 * dpr, 'the UI font at 15 CSS px in device pixels');
    assert.equal(fonts.code.pixels, 14 * dpr, 'the code font at 14 CSS px in device pixels');
    assert.notEqual(fonts.ui.name, fonts.code.name);
    await page.evaluate(() => window.aio.showView('source'));
    await page.waitForTimeout(200);
    await screenshot(page, `fonts-dpr${dpr}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('without its fonts the page still starts, in the built-in font, and says why', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  await page.route('**/web/fonts/*.ttf', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.url);
  await page.evaluate(() => window.aio.ready);
  const fonts = await fontsOf(page);
  assert.equal(fonts.ttf, false);
  assert.match(fonts.ui.name, /built-in/);
  assert.ok(warnings.some((w) => /fonts\/ui\.ttf did not load \(HTTP 404\)/.test(w)), warnings.join('\n'));
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('count', { n: 2 }); return window.aio.finished(); });
  assert.equal((await page.evaluate(() => window.aio.snapshot())).status, 'finished');
  await context.close();
});

test('an idle page draws no frames; a running demo draws every animation frame', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  // Count the app's frames from here on.
  await page.evaluate(() => {
    window.frameCount = 0;
    const draw = Module._aio_frame;
    Module._aio_frame = (stirred) => { window.frameCount++; return draw(stirred); };
  });
  const framesIn = async (ms) => {
    await page.evaluate(() => { window.frameCount = 0; });
    await page.waitForTimeout(ms);
    return page.evaluate(() => window.frameCount);
  };
  await page.waitForTimeout(500);   // the first frames settle
  assert.equal(await framesIn(1500), 0, 'idle: no frames at all');
  await page.evaluate(() => { window.aio.setSpeed(1); window.aio.run('count', { n: 3, delay: 2 }); });
  // Every animation frame the browser offers, not a frame rate: a loaded machine offers fewer.
  const [running, offered] = await page.evaluate(() => new Promise((done) => {
    window.frameCount = 0;
    let ticks = 0;
    const start = performance.now();
    const tick = () => {
      ticks++;
      if (performance.now() - start < 1000) requestAnimationFrame(tick);
      else done([window.frameCount, ticks]);
    };
    requestAnimationFrame(tick);
  }));
  assert.ok(offered >= 5 && running >= offered * 0.8,
            `a running demo draws every animation frame (${running} frames of ${offered} offered in 1 s)`);
  await page.evaluate(() => window.aio.finished());
  await page.waitForTimeout(300);
  assert.equal(await framesIn(1500), 0, 'finished: idle again');
  // Counted from before the move: the page may settle before a count started after it.
  await page.evaluate(() => { window.frameCount = 0; });
  await page.mouse.move(300, 300);
  await page.waitForTimeout(500);
  const afterInput = await page.evaluate(() => window.frameCount);
  assert.ok(afterInput >= 1 && afterInput <= 6, `input draws a few frames (${afterInput})`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Chromium answers these only after a round trip to the GPU process, which first finishes the
// frame before: asked every frame, the page's main thread waited on the GPU's drawing.
test('drawing a frame asks WebGL for no state that waits on the GPU', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.evaluate(() => window.aio.ready);
  const asked = await page.evaluate(() => {
    const P = WebGL2RenderingContext.prototype, G = WebGL2RenderingContext;
    const waits = new Set([G.SCISSOR_BOX, G.BLEND_SRC_RGB, G.BLEND_DST_RGB, G.BLEND_SRC_ALPHA, G.BLEND_DST_ALPHA,
                           G.BLEND_EQUATION_RGB, G.BLEND_EQUATION_ALPHA]);
    const get = P.getParameter;
    const asked = [];
    P.getParameter = function (p) { if (waits.has(p)) asked.push(p.toString(16)); return get.call(this, p); };
    window.aio.setSpeed('instant');
    window.aio.run('queue', { producers: 3, consumers: 3 });
    for (let i = 0; i < 20; i++) Module._aio_frame(1);
    P.getParameter = get;
    return asked;
  });
  assert.deepEqual(asked, [], 'GL state queried while drawing 20 frames');
  const { png } = await screenshot(page, 'page-drawn-without-gpu-queries');
  assert.ok(distinctColours(png) > 8, 'the frames still draw');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 4K screen (1920x1080 CSS pixels at DPR 2): the views use the room, text stays sharp', async () => {
  const { page, errors, context } = await openPage(browser, server.url, { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });
  await page.evaluate(() => window.aio.ready);
  await page.waitForFunction(() => document.getElementById('canvas').width === 3840);
  await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('queue', {}); return window.aio.finished(); });
  await page.waitForTimeout(300);
  const at = await landmarks(page);
  assert.ok(at.views.x > at.run.x + 300, 'views beside the controls');
  assert.ok(at.views.w > 1400, `views take the width (${at.views.w})`);
  assert.ok(at.console.y + at.console.h > 1040, 'the console reaches the bottom');
  assert.equal((await fontsOf(page)).ui.pixels, 30);
  await screenshot(page, 'page-4k');
  assert.deepEqual(errors, []);
  await context.close();
});
