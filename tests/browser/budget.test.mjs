// The release page's budget: what a visit transfers (web/tools/size.sh, gzip -9) stays within
// 700,000 B, the single file (aio-playground.html, gzip -9) within 700,000 B too, and no --js-library
// input ships. It measures build/web-release/site, the tree dist.sh copies to dist/: the web preset's
// site carries debug info and unminified scripts, and would not say what users download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const site = process.env.AIO_RELEASE_SITE || join(repo, 'build/web-release/site');
// Bytes, gzip -9.
const budget = 700_000;
const singleFileBudget = 700_000;

function releaseSite() {
  assert.ok(existsSync(join(site, 'aio_playground.wasm')),
    `no release page in ${site}: emcmake cmake --preset web-release && cmake --build build/web-release ` +
    '--target aio_playground (tests/run.sh browser does)');
  return site;
}

test('the release page transfers at most 700,000 B gzip', () => {
  const report = execFileSync(join(repo, 'web/tools/size.sh'), [releaseSite()], { encoding: 'utf8' });
  assert.match(report, /aio_playground\.wasm/, `size.sh did not count the wasm:\n${report}`);
  const total = Number(/(\d+) B gzip\s+total/.exec(report)?.[1]);
  assert.ok(total > 0, `no total in size.sh's report:\n${report}`);
  assert.ok(total <= budget, `the page transfers ${total} B gzip, over the ${budget} B budget:\n${report}`);
});

test('the single file, aio-playground.html, is at most 700,000 B gzip', () => {
  const file = join(releaseSite(), 'aio-playground.html');
  assert.ok(existsSync(file), `no ${file}: cmake --build build/web-release --target aio_offline (tests/run.sh browser does)`);
  const size = execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length;
  assert.ok(size <= singleFileBudget, `aio-playground.html is ${size} B gzip, over the ${singleFileBudget} B budget`);
});

test('the release page ships no library_*.js (they are compiled into aio_playground.js)', () => {
  const files = (dir) => readdirSync(dir, { withFileTypes: true })   // Node 18's has no recursive walk
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const all = files(releaseSite()).map((f) => relative(site, f));
  assert.ok(all.includes('web/js/boot.js'), `the page's own scripts are missing: ${all.join(' ')}`);
  assert.deepEqual(all.filter((f) => /(^|\/)library_[^/]*\.js$/.test(f)), []);
});
