// web/js/bridge.js in a window of its own (Node's vm), with a stand-in parent that records every
// postMessage and its target origin: nothing is posted before the parent speaks, nothing ever
// to '*', and messages from other windows or origins are not heard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const source = (file) => readFileSync(join(repo, file), 'utf8');

// A frame at https://play.example whose parent records what it is sent. The page API is a
// stand-in: the bridge's part is what is tested, the page API's own checks are real.
function frame({ allowList = '' } = {}) {
  const posted = [];
  const parent = { postMessage: (data, targetOrigin) => posted.push({ data: structuredClone(data), targetOrigin }) };
  const listeners = [];
  let resolveReady;
  const state = { status: 'idle', run: 0, output: [] };
  const window = {
    parent, console: { warn: () => {}, error: console.error }, location: { origin: 'https://play.example' },
    setTimeout, clearTimeout, performance, URL, Promise, Error, structuredClone,
    document: { querySelector: (q) => (q === 'meta[name="aio-embed-origins"]' ? { content: allowList } : null) },
    addEventListener: (type, fn) => { if (type === 'message') listeners.push(fn); },
    Module: { _aio_content_height: () => 612 },
  };
  window.window = window;
  const context = vm.createContext(window);
  vm.runInContext(source('web/js/aio_check.js'), context);
  vm.runInContext(source('web/js/frames.js'), context);
  const check = window.aioCheck;
  window.aio = {
    ready: new Promise((r) => { resolveReady = r; }),
    demos: () => ['count'],
    run: Object.defineProperty((demo, params) => {
      check.name('aio.run', 'demo', demo);
      check.data('aio.run', 'params', params ?? {});
      state.status = 'running';
      state.run++;
    }, 'length', { value: 2 }),
    snapshot: () => ({ ...state }),
    _mirror: () => ({ ...state, output_count: 0, output_from: 0, time: 0, iteration: 0, demo: 'count' }),
  };
  vm.runInContext(source('web/js/bridge.js'), context);
  const send = (data, { origin = 'https://course.example', source = parent } = {}) =>
    listeners.forEach((fn) => fn({ data, origin, source }));
  const settle = () => new Promise((r) => setTimeout(r, 250));   // past the bridge's pace
  return { posted, send, settle, state, ready: () => { resolveReady(window.aio); return settle(); }, afterFrame: () => window.aioBridge.afterFrame() };
}

test('before the parent speaks nothing is posted; after, only to its origin, never to "*"', async () => {
  const f = frame();
  await f.ready();
  f.state.status = 'finished';
  f.afterFrame();
  await f.settle();
  assert.deepEqual(f.posted, []);

  f.send({ aio: 1, id: 1, method: 'ping' });
  f.send({ aio: 1, id: 2, method: 'run', args: ['count', {}] });
  f.afterFrame();
  await f.settle();
  assert.ok(f.posted.length >= 4, JSON.stringify(f.posted));
  assert.deepEqual(new Set(f.posted.map((p) => p.targetOrigin)), new Set(['https://course.example']));
  assert.deepEqual(f.posted[0].data, { aio: 1, id: 1, result: 'pong' });
  assert.deepEqual(f.posted.slice(1).map((p) => p.data.event ?? `reply ${p.data.id}`).slice(0, 4), ['ready', 'status', 'resize', 'reply 2']);
  assert.deepEqual(f.posted.find((p) => p.data.event === 'resize').data.data, { height: 612 });
});

test('a ping before the page is ready is answered once it is, before any event', async () => {
  const f = frame();
  f.send({ aio: 1, id: 'a', method: 'ping' });
  f.send({ aio: 1, id: 'b', method: 'ping' });
  await f.settle();
  assert.deepEqual(f.posted, [], 'not ready: no answer yet');
  await f.ready();
  assert.deepEqual(f.posted.map((p) => p.data.id ?? p.data.event), ['b', 'ready', 'status', 'resize']);
});

test('messages from other windows, from another origin once the host is known, or not ours are not heard', async () => {
  const f = frame();
  await f.ready();
  const other = { postMessage: () => assert.fail('a window other than the parent was answered') };
  f.send({ aio: 1, id: 1, method: 'run', args: ['count', {}] }, { source: other, origin: 'https://evil.example' });
  f.send({ aio: 1, id: 2, method: 'ping' }, { source: other });
  f.send({ id: 3, method: 'ping' });
  f.send('ping');
  f.send({ aio: 1, id: 4, method: 'ping' }, { origin: 'null' });
  await f.settle();
  assert.deepEqual(f.posted, []);
  assert.equal(f.state.run, 0, 'nothing ran');

  f.send({ aio: 1, id: 5, method: 'ping' });               // the host, on its origin
  f.send({ aio: 1, id: 6, method: 'run', args: ['count'] }, { origin: 'https://evil.example' });   // the parent, now elsewhere
  await f.settle();
  assert.equal(f.state.run, 0, 'a message from another origin than the host\'s ran nothing');
  assert.ok(f.posted.every((p) => p.targetOrigin === 'https://course.example' && p.data.id !== 6));
});

test("the crawler's URLs: refused from another origin unless allowed, accepted from the page's own", async () => {
  const urls = { aio: 1, id: 'u', method: 'run', args: ['crawler', { urls: 'https://intranet.play.example/' }] };
  for (const [allowList, origin, ok] of [['', 'https://course.example', false], ['https://course.example', 'https://course.example', true],
                                         ['https://a.example  https://course.example/', 'https://course.example', true],
                                         ['https://course.example/path not-an-origin', 'https://course.example', false],
                                         ['', 'https://play.example', true]]) {
    const f = frame({ allowList });
    await f.ready();
    f.send(urls, { origin });
    const reply = f.posted.find((p) => p.data.id === 'u').data;
    if (ok) assert.deepEqual(reply, { aio: 1, id: 'u', result: null }, `${allowList} / ${origin}`);
    else assert.match(reply.error, new RegExp(`^aio\\.run: params\\.urls is refused from ${origin}: .*aio-embed-origins`), `${allowList} / ${origin}`);
    assert.equal(f.state.run, ok ? 1 : 0);
  }
});
