// The browser host's JavaScript half (an Emscripten --js-library): one timer per host, hops
// that skip the 4 ms clamp of nested setTimeout, and a wall clock. Runs in browsers and Node.
mergeInto(LibraryManager.library, {
  $aioHost: {
    timers: {},
    hop: null,
    makeHop: function () {
      if (typeof setImmediate === 'function') return (fn) => setImmediate(fn);   // Node
      const channel = new MessageChannel();
      const queue = [];
      channel.port1.onmessage = () => { const fn = queue.shift(); if (fn) fn(); };
      return (fn) => { queue.push(fn); channel.port2.postMessage(0); };
    },
  },
  aio_host_now_ms__deps: ['$aioHost'],
  aio_host_now_ms: function () { return performance.now(); },
  aio_host_set_timer__deps: ['$aioHost'],
  aio_host_set_timer: function (host, ms) {
    if (aioHost.timers[host] !== undefined) clearTimeout(aioHost.timers[host]);
    aioHost.timers[host] = setTimeout(() => {
      delete aioHost.timers[host];
      Module['_aio_host_on_timer'](host);
    }, ms);
  },
  aio_host_clear_timer__deps: ['$aioHost'],
  aio_host_clear_timer: function (host) {
    if (aioHost.timers[host] !== undefined) clearTimeout(aioHost.timers[host]);
    delete aioHost.timers[host];
  },
  aio_host_post_hop__deps: ['$aioHost'],
  aio_host_post_hop: function (host) {
    if (!aioHost.hop) aioHost.hop = aioHost.makeHop();
    aioHost.hop(() => Module['_aio_host_on_hop'](host));
  },
});
