// window.aio: the page API for course pages and tests. Every call crosses into the wasm app as
// JSON and drives the same session the UI drives, so what the API shows is what the views show.
// A bad call (unknown demo or parameter, a value out of range) throws an Error naming it, and
// changes nothing.
(function () {
  'use strict';
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failed start is shown in the error panel; callers still see the rejection
  let waiting = [];       // finished() promises not yet settled

  function module() {
    if (!window.Module || !Module._aio_snapshot_json) throw new Error('aio: the playground is not ready yet (await aio.ready)');
    return Module;
  }

  // Calls an export that answers {"ok": value} or {"error": message}.
  function call(name, types, args) {
    const text = module().ccall(name, 'string', types || [], args || []);
    const reply = JSON.parse(text);
    if ('error' in reply) throw new Error('aio: ' + reply.error);
    if (window.aioFrames) aioFrames.request(2);
    return reply.ok;
  }

  function snapshot() { return JSON.parse(module().ccall('aio_snapshot_json', 'string', [], [])); }

  function settle() {
    const snap = snapshot();
    if (snap.status !== 'finished' && snap.status !== 'stopped') return;
    const now = waiting;
    waiting = [];
    for (const resolve of now) resolve(snap);
  }

  function demoName(demo) {
    if (typeof demo !== 'string') throw new Error('aio: demo must be a name such as "count", got ' + JSON.stringify(demo));
    return demo;
  }

  window.aio = {
    ready,
    demos: () => call('aio_demos_json'),
    params: (demo) => call('aio_params_json', ['string'], [demoName(demo)]),
    source: (demo) => call('aio_source_json', ['string'], [demoName(demo)]),
    run(demo, params) {
      if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params)))
        throw new Error('aio: params must be an object such as {n: 3}, got ' + JSON.stringify(params));
      call('aio_run_json', ['string', 'string'], [demoName(demo), JSON.stringify(params || {})]);
    },
    pause: () => { call('aio_control', ['string'], ['pause']); },
    resume: () => { call('aio_control', ['string'], ['resume']); },
    step: () => { call('aio_control', ['string'], ['step']); },
    stop: () => { call('aio_control', ['string'], ['stop']); },
    setSpeed(x) {
      if (x === 'instant') return call('aio_set_speed', ['number'], [0]);
      if (typeof x !== 'number' || !(x >= 0.1 && x <= 10))
        throw new Error('aio: speed must be a number from 0.1 to 10 or "instant", got ' + JSON.stringify(x));
      call('aio_set_speed', ['number'], [x]);
    },
    // The final snapshot of the current run, once it finishes or is stopped.
    finished() {
      return new Promise((resolve) => {
        waiting.push(resolve);
        settle();
      });
    },
    snapshot,
    // Brings a view forward: 'tasks', 'timeline', 'tree', 'source', 'summary', 'loop', 'queue' or 'crawler'.
    showView(name) {
      if (!['tasks', 'timeline', 'tree', 'source', 'summary', 'loop', 'queue', 'crawler'].includes(name)) throw new Error('aio: unknown view ' + JSON.stringify(name));
      module().ccall('aio_show_view', null, ['string'], [name]);
      if (window.aioFrames) aioFrames.request(2);
    },
    _firstFrame: () => resolveReady(window.aio),
    _fail: (error) => rejectReady(error),
    _runEnded: () => settle(),
  };
})();
