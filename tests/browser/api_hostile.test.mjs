// window.aio against hostile input: huge text, deep nesting, values that are not plain JSON, NUL
// and lone surrogates. Each bad call throws one plain Error that names the argument and its
// limit, leaves the session as it was, and the page keeps working (calls, runs, frames).
// Also what finished() promises on an idle page and when its run is replaced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, distinctColours } from './harness.mjs';

let server, browser, page, errors, context;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, errors, context } = await openPage(browser, server.url));
  await page.evaluate(() => window.aio.ready);
  await page.evaluate(() => {
    // Counts the app's frames, and turns one call into what the test compares.
    window.frameCount = 0;
    const draw = Module._aio_frame;
    Module._aio_frame = () => { window.frameCount++; return draw(); };
    window.attempt = (f) => {
      try { f(); return { message: 'no error' }; } catch (e) {
        return { message: e instanceof Error ? e.message : `not an Error: ${typeof e}`, plain: e?.constructor === Error };
      }
    };
  });
});
after(async () => { await context?.close(); await browser?.close(); server?.stop(); });

// Runs `calls` (page-side source of arrow functions) after a finished run, and returns for each
// what it threw and whether the snapshot changed, then checks the page still works.
async function hostile(calls) {
  const results = await page.evaluate(async (sources) => {
    window.aio.setSpeed('instant');
    window.aio.run('rand', { seed: 3 });
    await window.aio.finished();
    const before = JSON.stringify(window.aio.snapshot());
    const out = [];
    for (const source of sources) {
      const r = window.attempt((0, eval)(source));
      r.unchanged = JSON.stringify(window.aio.snapshot()) === before;
      out.push(r);
    }
    return out;
  }, calls.map(([source]) => source));
  calls.forEach(([source, expected], i) => {
    assert.match(results[i].message, expected, source);
    assert.equal(results[i].plain, true, `${source}: a plain Error`);
    assert.equal(results[i].unchanged, true, `${source}: the session is unchanged`);
  });
  await stillWorks();
}

// A normal call, a run that finishes and frames drawn after it, with no page error anywhere.
async function stillWorks() {
  const state = await page.evaluate(async () => {
    window.frameCount = 0;
    const demos = window.aio.demos();
    window.aio.setSpeed('instant');
    window.aio.run('count', { n: 2 });
    const snap = await window.aio.finished();
    await new Promise((r) => setTimeout(r, 300));
    return { demos, status: snap.status, output: snap.output, frames: window.frameCount };
  });
  assert.ok(state.demos.includes('count'));
  assert.equal(state.status, 'finished');
  assert.match(state.output.at(-1), /^countasync\.py executed in \d+\.\d\d seconds\.$/);
  assert.ok(state.frames > 0, 'frames are drawn after the run');
  assert.deepEqual(errors, []);
}

test('long text is refused by length before it reaches the app, in every method', async () => {
  await hostile([
    ["() => window.aio.params('x'.repeat(2e6))", /^aio\.params: demo must be at most 64 characters, got 2,000,000$/],
    ["() => window.aio.source('y'.repeat(2e6))", /^aio\.source: demo must be at most 64 characters, got 2,000,000$/],
    ["() => window.aio.run('z'.repeat(2e6), {})", /^aio\.run: demo must be at most 64 characters, got 2,000,000$/],
    ["() => window.aio.run('crawler', {urls: 'http://127.0.0.1/ab\\n'.repeat(5e5)})",
     /^aio\.run: params\.urls must be at most 65,536 characters, got 10,000,000$/],
    ["() => window.aio.run('crawler', {urls: 'a', ['k'.repeat(2e6)]: 1})", /^aio\.run: a key of params must be at most 64 characters, got 2,000,000$/],
    ["() => window.aio.run('chain', {ids: new Array(1e6).fill(1)})", /^aio\.run: params\.ids has 1,000,000 items; params may hold at most 10,000 values in all$/],
    ["() => window.aio.showView('v'.repeat(2e6))", /^aio\.showView: view must be at most 64 characters, got 2,000,000$/],
    ["() => window.aio.setSpeed('s'.repeat(2e6))", /^aio\.setSpeed: speed must be a number from 0\.1 to 10 or "instant", got "s{40}…" \(2,000,000 characters\)$/],
  ]);
});

test('deep nesting is refused at depth 32, twenty times over, and leaks no wasm stack', async () => {
  const r = await page.evaluate(() => {
    let deep = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    const stackBefore = Module.stackSave();
    const messages = [];
    for (let i = 0; i < 20; i++) messages.push(window.attempt(() => window.aio.run('chain', { ids: deep })).message);
    return { messages, stackBefore, stackAfter: Module.stackSave() };
  });
  const expected = `aio.run: params.ids${'[0]'.repeat(31)} is nested deeper than 32`;
  assert.deepEqual(r.messages, Array(20).fill(expected));
  assert.equal(r.stackAfter, r.stackBefore, 'the wasm stack pointer is where it was');
  await stillWorks();
  // 32 deep is allowed through to the demo, which says what it takes.
  const at32 = await page.evaluate(() => {
    let a = [1];
    for (let i = 2; i < 32; i++) a = [a];
    return window.attempt(() => window.aio.run('chain', { ids: a })).message;
  });
  assert.equal(at32, 'aio.run: chain: ids[0] must be a whole number, got a list of 1 item');
});

test('a call that fails inside the app puts the wasm stack pointer back', async () => {
  // A page hook that throws unwinds through the app's frames, which do not free their stack.
  const r = await page.evaluate(() => {
    const hook = Module.onRunStarted;
    const before = Module.stackSave();
    const messages = [];
    Module.onRunStarted = () => { throw new Error('hook broke'); };
    try {
      for (let i = 0; i < 20; i++) messages.push(window.attempt(() => window.aio.run('count', { n: 1 })).message);
    } finally {
      Module.onRunStarted = hook;
    }
    return { messages, before, after: Module.stackSave() };
  });
  assert.deepEqual(r.messages, Array(20).fill('aio.run: the playground failed (Error: hook broke)'));
  assert.equal(r.after, r.before);
  await stillWorks();
});

test('only plain JSON data is taken: every other kind of value is named, with where it is', async () => {
  const plain = 'plain JSON data \\(an object, a list, text, a finite number, a boolean or null\\)';
  await hostile([
    ["() => window.aio.run('count', {n: 3n})", new RegExp(`^aio\\.run: params\\.n must be ${plain}, got a BigInt \\(3n\\)$`)],
    ["() => window.aio.run('count', {n: undefined})", new RegExp(`^aio\\.run: params\\.n must be ${plain}, got undefined$`)],
    ["() => window.aio.run('count', {n: () => 3})", new RegExp(`^aio\\.run: params\\.n must be ${plain}, got a function$`)],
    ["() => window.aio.run('count', {n: Symbol('three')})", new RegExp(`^aio\\.run: params\\.n must be ${plain}, got a symbol \\(Symbol\\(three\\)\\)$`)],
    ["() => window.aio.run('count', {[Symbol('n')]: 3})", /^aio\.run: params has a symbol key \(Symbol\(n\)\); keys must be text$/],
    ["() => window.aio.run('count', {delay: NaN})", /^aio\.run: params\.delay must be a finite number, got NaN$/],
    ["() => window.aio.run('count', {delay: -Infinity})", /^aio\.run: params\.delay must be a finite number, got -Infinity$/],
    ["() => window.aio.run('count', {n: new Date(0)})", new RegExp(`^aio\\.run: params\\.n must be ${plain}, got a Date$`)],
    ["() => window.aio.run('chain', {ids: new Map([[1, 2]])})", new RegExp(`^aio\\.run: params\\.ids must be ${plain}, got a Map$`)],
    ["() => window.aio.run('count', new (class Settings { constructor() { this.n = 3; } })())",
     new RegExp(`^aio\\.run: params must be ${plain}, got an instance of Settings$`)],
    ["() => window.aio.run('count', {get n() { throw new Error('boom'); }})",
     /^aio\.run: params\.n is a getter or setter; only plain data properties are read$/],
    ["() => { const p = {n: 1}; p.again = {back: p}; return window.aio.run('count', p); }",
     /^aio\.run: params\.again\.back refers back to params; params must not contain cycles$/],
    ["() => window.aio.run('count', new Proxy({n: 3}, {}))", new RegExp(`^aio\\.run: params must be ${plain}, got a Proxy or another exotic object$`)],
    ["() => window.aio.run('chain', {ids: new Proxy([1, 2], {})})", new RegExp(`^aio\\.run: params\\.ids must be ${plain}, got a Proxy or another exotic object$`)],
    ["() => window.aio.run('count', new Proxy({}, {ownKeys() { throw new Error('trap'); }}))", /^aio\.run: params could not be read \(trap\)$/],
    ["() => { const r = Proxy.revocable({}, {}); r.revoke(); return window.aio.run('count', {n: r.proxy}); }",
     /^aio\.run: params\.n could not be read \(.*revoked.*\)$/],
    ["() => window.aio.run('chain', {ids: [1, , 3]})", /^aio\.run: params\.ids\[1\] is an empty slot; a list must have every item$/],
    ["() => window.aio.run('chain', {ids: Object.assign([1, 2], {extra: 3})})", /^aio\.run: params\.ids has a property "extra" besides its items; a list takes items only$/],
    ["() => window.aio.run('count', null)", /^aio\.run: params must be an object such as \{n: 3\}, got null$/],
    ["() => window.aio.run(3n, {})", /^aio\.run: demo must be a name from aio\.demos\(\), got a BigInt \(3n\)$/],
    ["() => window.aio.params(Symbol('count'))", /^aio\.params: demo must be a name from aio\.demos\(\), got a symbol \(Symbol\(count\)\)$/],
    ["() => window.aio.source({toString() { return 'count'; }})", /^aio\.source: demo must be a name from aio\.demos\(\), got an object$/],
    ["() => window.aio.setSpeed(2n)", /^aio\.setSpeed: speed must be a number from 0\.1 to 10 or "instant", got a BigInt \(2n\)$/],
    ["() => window.aio.showView(new String('tasks'))", /^aio\.showView: view must be one of tasks, timeline, tree, source, summary, loop, resources, pages, got a String$/],
  ]);
});

test('NUL is refused in names and text, and the app takes text by length, never cut at a NUL', async () => {
  await hostile([
    ["() => window.aio.run('count\\u0000junk', {})", /^aio\.run: demo must not contain NUL \(\\u0000\), found at index 5$/],
    ["() => window.aio.params('count\\u0000')", /^aio\.params: demo must not contain NUL \(\\u0000\), found at index 5$/],
    ["() => window.aio.run('crawler', {urls: location.href + 'sample-site/index.html\\u0000junk'})",
     /^aio\.run: params\.urls must not contain NUL \(\\u0000\), found at index \d+$/],
    ["() => window.aio.run('count', {'n\\u0000': 3})", /^aio\.run: a key of params must not contain NUL \(\\u0000\), found at index 1$/],
  ]);
  // The exports themselves, called with text that holds a NUL: they see all of it.
  const direct = await page.evaluate(() => {
    const call = (name, ...texts) => {
      const args = [];
      const owned = [];
      for (const t of texts) {
        const bytes = new TextEncoder().encode(t);
        const ptr = Module._malloc(bytes.length + 1);
        Module.HEAPU8.set(bytes, ptr);
        Module.HEAPU8[ptr + bytes.length] = 0;
        owned.push(ptr);
        args.push(ptr, bytes.length);
      }
      const reply = JSON.parse(Module.UTF8ToString(Module[name](...args)));
      owned.forEach((p) => Module._free(p));
      return reply;
    };
    const before = JSON.stringify(window.aio.snapshot());
    const out = [call('_aio_run_json', 'count\0junk', '{}'), call('_aio_params_json', 'count\0'),
                 call('_aio_run_json', 'crawler', JSON.stringify({ urls: location.href + 'sample-site/index.html\0junk' })),
                 call('_aio_run_json', 'crawler', '{"urls": "http://a/\\ud800"}'), call('_aio_run_json', 'count', '{"n": 3')];
    return { out, unchanged: JSON.stringify(window.aio.snapshot()) === before };
  }).catch((e) => ({ out: [], unchanged: false, threw: String(e) }));
  assert.equal(direct.threw, undefined);
  const demos = `; the demos are ${(await page.evaluate(() => window.aio.demos())).join(', ')}`;
  assert.deepEqual(direct.out.slice(0, 3), [{ error: "unknown demo 'count\\x00junk'" + demos }, { error: "unknown demo 'count\\x00'" + demos },
                                            { error: 'crawler: urls must not contain NUL (\\u0000)' }]);
  // Text that is not JSON: where it breaks, in the app's words, not the JSON library's.
  for (const [i, text] of [[3, '{"urls": "http://a/\\ud800"}'], [4, '{"n": 3']]) {
    const m = direct.out[i].error.match(/^params must be a JSON object of parameter names to values; it is not well-formed at byte (\d+)$/);
    assert.ok(m, direct.out[i].error);
    assert.ok(Number(m[1]) > text.indexOf(i === 3 ? '\\ud800' : '3') && Number(m[1]) <= text.length + 1, direct.out[i].error);
  }
  assert.equal(direct.unchanged, true);
  await stillWorks();
});

test('a lone surrogate is refused with the parameter it is in, not the JSON library\'s message', async () => {
  await hostile([
    ["() => window.aio.run('crawler', {urls: 'http://127.0.0.1/\\ud800'})",
     /^aio\.run: params\.urls must be well-formed Unicode, found a lone surrogate \\ud800 at index 17$/],
    ["() => window.aio.run('count\\udfff', {})", /^aio\.run: demo must be well-formed Unicode, found a lone surrogate \\udfff at index 5$/],
    ["() => window.aio.showView('tasks\\ud83d')", /^aio\.showView: view must be well-formed Unicode, found a lone surrogate \\ud83d at index 5$/],
  ]);
  // A surrogate pair is fine: text goes through as UTF-8, whole.
  const paired = await page.evaluate(() => window.attempt(() => window.aio.run('count', { 'n\u{1F600}': 1 })).message);
  assert.equal(paired, "aio.run: count: unknown parameter 'n\u{1F600}'");
});

test('finished() rejects at once on a page where nothing has run', async () => {
  const fresh = await openPage(browser, server.url);
  try {
    await fresh.page.evaluate(() => window.aio.ready);
    const outcome = await fresh.page.evaluate(() => Promise.race([
      window.aio.finished().then((s) => `resolved: ${s.status}`, (e) => `rejected: ${e.message}`),
      new Promise((r) => setTimeout(() => r('still pending after 2 s'), 2000)),
    ]));
    assert.equal(outcome, 'rejected: aio.finished: nothing has run yet; start a run with aio.run(demo, params) first');
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.context.close();
  }
});

test('finished() taken during a run settles for that run: its final snapshot, or a rejection once it is replaced', async () => {
  const r = await page.evaluate(async () => {
    const settle = (p) => p.then((s) => ({ resolved: s.demo, status: s.status, output: s.output.at(-1) }), (e) => ({ rejected: e.message }));
    window.aio.setSpeed(1);
    window.aio.run('count', { n: 2 });
    const replaced = settle(window.aio.finished());
    window.aio.setSpeed('instant');
    window.aio.run('rand', {});
    const own = settle(window.aio.finished());
    const first = await replaced;
    const second = await own;
    window.aio.setSpeed(1);
    window.aio.run('count', { n: 2 });
    const stopped = settle(window.aio.finished());
    window.aio.stop();
    const third = await stopped;
    const again = await settle(window.aio.finished());   // after the end: at once, the same run
    return { first, second, third, again };
  });
  assert.deepEqual(r.first, { rejected: 'aio.finished: the count run was replaced by a new run before it ended' });
  assert.equal(r.second.resolved, 'rand');
  assert.equal(r.second.status, 'finished');
  assert.equal(r.third.resolved, 'count');
  assert.equal(r.third.status, 'stopped');
  assert.deepEqual(r.again, r.third);
  // A run started from the page's own controls replaces it just the same.
  await page.evaluate(() => {
    window.aio.setSpeed(0.1);
    window.aio.run('count', { n: 2 });
    window.byKey = window.aio.finished().then((s) => `resolved: ${s.demo} ${s.status}`, (e) => `rejected: ${e.message}`);
  });
  await page.mouse.click(640, 700);   // focus the page (an empty spot of the console)
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => window.byKey), 'rejected: aio.finished: the count run was replaced by a new run before it ended');
  await page.evaluate(() => window.aio.stop());
  await stillWorks();
  const { png } = await screenshot(page, 'api-hostile-after');
  assert.ok(distinctColours(png) > 8, 'the page still draws');
});
