// window.aio: the page API for course pages and tests. Every call crosses into the wasm app as
// JSON, so what the API shows is exactly what the views show.
(function () {
  'use strict';
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failed start is shown in the error panel; callers still see the rejection

  function call(name) {
    if (!window.Module || !Module['_' + name]) throw new Error('aio: the playground is not ready yet (await aio.ready)');
    return Module.UTF8ToString(Module['_' + name]());
  }

  window.aio = {
    ready,
    snapshot: () => JSON.parse(call('aio_snapshot_json')),
    _firstFrame: () => resolveReady(window.aio),
    _fail: (error) => rejectReady(error),
  };
})();
