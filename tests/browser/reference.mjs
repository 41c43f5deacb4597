// What a correct run shows: CPython's output for a demo's script, and the crawler's results on
// the sample site.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// The demo's own script on CPython's virtual-time loop (tests/playground/demos/run_demo_script.py);
// `source` is what aio.source(demo) returns, its command naming the parameters.
export function cpythonLines(source) {
  const dir = mkdtempSync(join(tmpdir(), 'aio-api-'));
  try {
    const script = join(dir, source.script);
    writeFileSync(script, source.python);
    const args = source.command.split(' ').slice(2);   // after "python3 <script>"
    const out = execFileSync('/usr/bin/python3', [join(repo, 'tests/playground/demos/run_demo_script.py'), script, ...args],
                             { encoding: 'utf8' });
    return out.split('\n').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Queue items print as random hex tokens (<0123456789>), which differ between runs.
export const maskItems = (lines) => lines.map((l) => l.replace(/<[0-9a-f]{10}>/g, '<ITEM>'));

// The crawler's finished snapshot after crawling the sample site served at `serverUrl`.
export function assertCrawledSampleSite(snap, serverUrl) {
  const base = new URL('sample-site/', serverUrl).href;
  assert.ok(snap.output.includes(`INFO:areq: Got response [200] for URL: ${base}index.html`), snap.output.join('\n'));
  assert.ok(snap.output.includes(`ERROR:areq: aiohttp exception for ${base}teapots.html [404]: Not Found`));
  assert.ok(snap.files['foundurls.txt'].includes(`${base}index.html\t${base}about.html\n`));
  const page404 = snap.pages.find((p) => p.url === `${base}teapots.html`);
  assert.deepEqual([page404.state, page404.status, page404.error], ['failed', 404, 'HTTP 404 Not Found']);
  const index = snap.pages.find((p) => p.url === `${base}index.html`);
  assert.equal(index.state, 'done');
  assert.ok(index.links > 5 && index.bytes > 500);
}
