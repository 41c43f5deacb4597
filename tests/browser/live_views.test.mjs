// The console draws the ANSI colours a demo prints instead of their codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, landmarks, region } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const near = (data, i, [r, g, b], tolerance) =>
  Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) <= tolerance;

// The console's palette (playground/views/console_view.cpp) for the colours rand prints with
// its default 3 tasks: cyan (36), bright red (91), magenta (35).
const PALETTE = {
  light: { cyan: [0, 115, 135], 'bright red': [210, 35, 35], magenta: [150, 40, 150] },
  dark: { cyan: [60, 195, 215], 'bright red': [255, 120, 110], magenta: [210, 120, 210] },
};

// Pixels of text drawn in `colour` on `bg`: antialiased glyph edges blend the two, so a pixel
// counts if it lies, clearly off the background, on the line from the background to the colour.
function countInk(pixels, bg, colour) {
  const dir = colour.map((c, k) => c - bg[k]);
  const len = Math.hypot(...dir);
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const d = [pixels[i] - bg[0], pixels[i + 1] - bg[1], pixels[i + 2] - bg[2]];
    const dl = Math.hypot(...d);
    if (dl < len * 0.4) continue;
    if ((d[0] * dir[0] + d[1] * dir[1] + d[2] * dir[2]) / (dl * len) > 0.99) n++;
  }
  return n;
}

// Text lines in a console crop: runs of pixel rows with ink (far from the background colour),
// each with the x extent of its ink.
function textLines(pixels, width) {
  const bg = [pixels[0], pixels[1], pixels[2]];
  const rows = pixels.length / 4 / width;
  const lines = [];
  let current = null;
  for (let y = 0; y < rows; y++) {
    let lo = Infinity, hi = -Infinity;
    for (let x = 0; x < width; x++)
      if (!near(pixels, (y * width + x) * 4, bg, 90)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    if (lo === Infinity) { current = null; continue; }
    if (!current) lines.push(current = { lo, hi });
    else { current.lo = Math.min(current.lo, lo); current.hi = Math.max(current.hi, hi); }
  }
  return lines;
}

for (const scheme of ['light', 'dark']) {
  test(`the console draws rand's colours in the ${scheme} theme, and no escape codes`, async () => {
    const { page, errors, context } = await openPage(browser, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => window.aio.ready);
    const snap = await page.evaluate(() => { window.aio.setSpeed('instant'); window.aio.run('rand', {}); return window.aio.finished(); });
    // The page API keeps what the program printed, codes and all, as CPython prints them.
    assert.equal(snap.output[0], '\x1b[36mInitiated makerandom(0).');
    await page.waitForTimeout(300);
    const { png } = await screenshot(page, scheme === 'light' ? 'console-rand-colours' : 'console-rand-colours-dark');
    const box = (await landmarks(page)).console;
    // Inside the border and clear of a scrollbar.
    const inner = { x: box.x + 4, y: box.y + 4, w: box.w - 24, h: box.h - 8 };
    const pixels = region(png, inner);
    const bg = [pixels[0], pixels[1], pixels[2]];
    for (const [name, colour] of Object.entries(PALETTE[scheme])) {
      const n = countInk(pixels, bg, colour);
      assert.ok(n >= 30, `${name} text drawn in ${colour}: ${n} px`);
    }

    // Each printed line is drawn as wide as its visible text: a line showing "?[36m" before its
    // text would be five characters wider. The console follows the end, so the drawn lines are
    // the last printed ones (the top one may be cut: it is left out). The last line has no codes
    // and gives the advance.
    const shown = snap.output.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '')).filter((l) => l.length > 0);
    const lines = textLines(pixels, Math.round(inner.w)).slice(1);
    assert.ok(lines.length >= 8, `lines drawn: ${JSON.stringify(lines)}`);
    const tail = shown.slice(-lines.length);
    const last = tail[tail.length - 1];
    assert.ok(!snap.output[snap.output.length - 1].includes('\x1b'), 'the last line is plain');
    const advance = (lines[lines.length - 1].hi - lines[lines.length - 1].lo) / (last.length - 0.5);
    lines.forEach((l, i) => {
      const chars = (l.hi - l.lo) / advance + 0.5;
      assert.ok(Math.abs(chars - tail[i].length) < 1.5, `line "${tail[i]}" drawn ${chars.toFixed(1)} characters wide`);
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
