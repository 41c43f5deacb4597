// Shared by the browser tests: serves the built site with the project's dev server and opens it
// in Debian's Chromium (headless, WebGL2 through SwiftShader).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.AIO_SITE_DIR || join(repo, 'build/web/site');
// The release page (the web-release preset's, which dist.sh copies): what users download.
export const releaseSiteDir = process.env.AIO_RELEASE_SITE || join(repo, 'build/web-release/site');
export const shotDir = process.env.AIO_SCREENSHOT_DIR || join(repo, 'build/web/screenshots');

// Serves `dir` (the built site unless told) on a free loopback port.
export async function startServer(dir = siteDir) {
  const child = spawn('/usr/bin/python3', [join(repo, 'web/tools/dev_server.py'), '--dir', dir,
                                           '--port', '0', '--quiet', '--slow', '0.5'],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/Serving (http:\/\/\S+)/);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`dev server exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.AIO_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--ignore-gpu-blocklist'],
  });
}

// Opens the page and collects console errors and uncaught page errors. The page's service worker
// is blocked unless asked for: requests it made would bypass the tests' page.route.
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, hasTouch = false,
                                               serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch, serviceWorkers });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  return { page, errors, context };
}

// The two layouts most tests use, each opened and started: a wide desktop, and a 360 px phone
// with touch at devicePixelRatio 2. Returns {wide, phone}, each as openPage's.
export async function openWideAndPhone(browser, url) {
  const wide = await openPage(browser, url);
  const phone = await openPage(browser, url, { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true });
  for (const { page } of [wide, phone]) await page.evaluate(() => window.aio.ready);
  return { wide, phone };
}

export async function screenshot(page, name) {
  mkdirSync(shotDir, { recursive: true });
  const path = join(shotDir, `${name}.png`);
  const buffer = await page.screenshot({ path });
  return { path, png: PNG.sync.read(buffer) };
}

// How many distinct colours a screenshot has: 1 means a flat (blank) frame.
export function distinctColours(png, limit = 64) {
  const seen = new Set();
  for (let i = 0; i < png.data.length && seen.size < limit; i += 4 * 7)
    seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  return seen.size;
}

// Waits for `check(arg)` in the page; a timeout says what it waited for and how the run stood.
export async function until(page, check, arg, timeout = 20000) {
  try {
    return await page.waitForFunction(check, arg, { timeout, polling: 50 });
  } catch (e) {
    const { demo, status, run, iteration, time, speed } = await page.evaluate(() => window.aio.snapshot());
    throw new Error(`${e.message} (${check}) at ${JSON.stringify({ demo, status, run, iteration, time, speed })}`);
  }
}

// Where the app drew its named widgets in the last frame, in CSS pixels ({x, y, w, h} each). Only
// what that frame drew is listed (an open list's items while it is open, the shown demo's fields):
//   demo, demo:<name>                     the demo picker and each item of its open list
//   param:<name>, param:<name>:-, :+      a parameter's field and, for numbers, its step buttons
//   run, pause, step, stop                the run buttons (pause reads Resume while paused)
//   help-button, help                     the "?" button and the help popup while it is open
//   share                                 the Share button, beside instant (the page's Share box opens)
//   open-full, demo-title, params         embed mode: Open full playground (where Share stands), the
//                                         demo's title (without picker=1), the Parameters header
//   instant, speed                        the instant checkbox and the speed slider (not at instant)
//   error                                 the red line of the last rejected input, while shown
//   problem:<name>                        a parameter's problem, shown on its help line while invalid
//   reset                                 the "Reset to defaults" button under the parameters
//   clipped, tooltip                      the last cut-off cell or console line drawn; the tooltip
//                                         shown (a hovered cut-off text whole, a span, a legend)
//   timeline:hint-wheel, :hint-touch      the timeline's zoom hint, for a wheel or (phone) touch
//   timeline:dropped:<task>               the hatched start of a row whose oldest spans were dropped
//   source:mark:<line>                    a marked line of the Source view (a task waits or blocks there)
//   controls, views, console, explain     the panels (console and explain side by side; a phone shows one)
//   tab:console, tab:explain              on a phone, the tabs that pick the console or the Explain view
//   explain:latest                        the Explain view's latest account, while on screen
//   tab:<view>                            each view's tab (wide layout); view is tasks, timeline,
//                                         tree, source, resources, pages, summary or loop
//   resources:<name>                      the Resources view's plot of a resource ("q", "sem"; its id if unnamed)
//   view, view:<view>                     the phone layout's view picker and each item of its list
//   shown:<view>                          where the view in front is drawn (one at a time)
//   views:previous                        the line saying the views show another demo's run
//   tasks:time-in-states, timeline        the task table's state-letter header, the timeline
//   tasks:legend, timeline:legend, legend the Legend buttons (under the task table, by the
//                                         timeline's key) and the legend popup while it is open
//   focus                                 the keyboard focus frame, while it shows
//   pages:download                        the Pages view's Download button
//   tasks:focused, timeline:focused,      a task table row, a timeline row or a cut-off await
//   tree:focused                          tree row that has the keyboard focus
//   time_left, timer_left                 the first sleep's time left (tasks), the first timer (loop)
export async function landmarks(page) {
  return page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._aio_landmarks_json())));
}

// Waits until the last frame drew landmark `name`, and returns where. The wait is long because a
// loaded machine (CI runs builds beside the tests) draws SwiftShader frames slowly; it only bounds
// how long a missing landmark takes to fail.
export async function landmark(page, name, timeout = 15000) {
  const handle = await page.waitForFunction((n) => JSON.parse(Module.UTF8ToString(Module._aio_landmarks_json()))[n],
                                            name, { timeout });
  return handle.jsonValue();
}

// Landmark `name` once the layout has settled: where two frames 250 ms apart drew it alike (the
// first frames after ready may still move it). `page` may be a frame (an embedded playground).
export async function steady(page, name) {
  for (let was = null; ;) {
    const now = await landmark(page, name);
    if (JSON.stringify(now) === JSON.stringify(was)) return now;
    was = now;
    await page.waitForTimeout(250);
  }
}

// Waits until the last frame no longer drew landmark `name`.
export async function gone(page, name, timeout = 15000) {
  await page.waitForFunction((n) => !JSON.parse(Module.UTF8ToString(Module._aio_landmarks_json()))[n], name, { timeout, polling: 50 });
}

export const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

// A pointer click held for 50 ms: Dear ImGui 1.86 loses a press and release that land in one frame.
export async function click(page, rect) {
  const { x, y } = centre(rect);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
  await page.waitForTimeout(50);
}

// A key held for 50 ms: Dear ImGui 1.86 misses a key that goes down and up within one frame.
export async function holdKey(page, key) {
  await page.keyboard.down(key);
  await page.waitForTimeout(50);
  await page.keyboard.up(key);
}

// A one-finger tap held for 50 ms, through Chromium's touch input (for the same reason).
export async function tap(page, rect) {
  const { x, y } = centre(rect);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.waitForTimeout(50);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(50);
}

// The pixels of a CSS-pixel rectangle of a screenshot taken at devicePixelRatio `dpr`.
export function region(png, { x, y, w, h }, dpr = 1) {
  const out = [];
  const [x0, y0, x1, y1] = [x, y, x + w, y + h].map((v) => Math.round(v * dpr));
  for (let row = y0; row < Math.min(y1, png.height); row++)
    out.push(png.data.subarray((row * png.width + x0) * 4, (row * png.width + Math.min(x1, png.width)) * 4));
  return Buffer.concat(out);
}

// A one-finger drag from (x, y) by (dx, dy) CSS pixels in `steps` moves, through Chromium's touch input.
export async function touchDrag(page, { x, y }, { dx = 0, dy = 0 }, steps = 10) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [{ x, y }]);
  for (let i = 1; i <= steps; i++) {
    await touch('touchMove', [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }]);
    await page.waitForTimeout(16);
  }
  await touch('touchEnd', []);
  await cdp.detach();
  await page.waitForTimeout(200);
}

// A lesson page as a course site writes one: a heading, the playground at `playgroundUrl` in an
// iframe (#playground), prose (#prose, `prose` px tall), the scripts at the URLs `scripts` and an
// optional inline script.
export const lessonHtml = (playgroundUrl, { script = '', prose = 3000, scripts = [] } = {}) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body style="margin:0"><h1 style="height:40px;margin:0">Lesson 3: gather</h1>
  <iframe id="playground" src="${playgroundUrl}" style="display:block;width:1000px;height:640px;border:0"></iframe>
  <p id="prose" style="height:${prose}px">Read on below the playground.</p>
  ${scripts.map((src) => `<script src="${src}"></script>`).join('')}<script>${script}</script></body></html>`;

// Serves `html` as gather.html from a second server at localhost: another origin than the
// playground's 127.0.0.1 (both loopback, as a real host and its embed are both public).
// Returns { url, stop }.
export async function serveLesson(html) {
  const dir = mkdtempSync(join(tmpdir(), 'aio-lesson-'));
  writeFileSync(join(dir, 'gather.html'), html);
  const lessonServer = await startServer(dir);
  const url = new URL('gather.html', lessonServer.url);
  url.hostname = 'localhost';
  return { url: url.href, stop: lessonServer.stop };
}

// The accessibility tree's one node of `role` named `name` (through the CDP session `cdp`), as a
// screen reader gets it: {description, invalid, disabled, live, ...} by property name. Throws
// unless exactly one node matches.
export async function axNodeOf(cdp, role, name) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodes } = await cdp.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId, role, accessibleName: name });
  if (nodes.length !== 1) throw new Error(`one ${role} named ${name} expected, found ${nodes.length}`);
  const n = nodes[0];
  return { description: n.description?.value ?? '', ...Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])) };
}
