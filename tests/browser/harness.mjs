// Shared by the browser tests: serves the built site with the project's dev server and opens it
// in Debian's Chromium (headless, WebGL2 through SwiftShader).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.AIO_SITE_DIR || join(repo, 'build/web/site');
export const shotDir = process.env.AIO_SCREENSHOT_DIR || join(repo, 'build/web/screenshots');

export async function startServer() {
  const child = spawn('/usr/bin/python3', [join(repo, 'web/tools/dev_server.py'), '--dir', siteDir,
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

// Opens the page and collects console errors and uncaught page errors.
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  return { page, errors, context };
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
