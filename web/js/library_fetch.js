// fetch() for the runtime (an Emscripten --js-library): JavaScript's fetch with an
// AbortController, the body read up to a cap, and failures sorted into kinds a learner can
// act on. Error kinds (+1): 0 invalid URL, 1 network error or CORS refusal, 2 timeout, 3 aborted.
// Requests carry no cookies or HTTP auth (credentials: 'omit'): a crawl reads pages as anyone
// would, never as the signed-in reader sees them. Each network numbers its requests from 1, so a
// request is known by its network's handle and its id together.
mergeInto(LibraryManager.library, {
  $aioFetch: { controllers: {} },
  aio_fetch_start__deps: ['$aioFetch', 'malloc', 'free'],
  aio_fetch_start: function (network, id, urlPtr, methodPtr, maxBody) {
    const url = UTF8ToString(urlPtr);
    const method = UTF8ToString(methodPtr);
    const controller = new AbortController();
    const key = network + ':' + id;
    aioFetch.controllers[key] = controller;
    const finish = (status, finalUrl, type, bytes, truncated, kind, message) => {
      if (!(key in aioFetch.controllers)) return;   // aborted: C++ forgot it already
      delete aioFetch.controllers[key];
      const strs = [finalUrl, type, message].map((s) => {
        const n = lengthBytesUTF8(s) + 1, p = _malloc(n);
        stringToUTF8(s, p, n);
        return p;
      });
      const body = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, body);
      Module['_aio_fetch_done'](network, id, status, strs[0], strs[1], body, bytes.length, truncated ? 1 : 0, kind, strs[2]);
      strs.forEach((p) => _free(p));
      _free(body);
    };
    const fail = (kind, message) => finish(0, '', '', new Uint8Array(0), false, kind, message);
    // Module.networkRefusal: why this page makes no requests (the single file, opened from disk).
    if (Module['networkRefusal']) { setTimeout(() => fail(2, Module['networkRefusal'])); return; }
    let parsed;
    try { parsed = new URL(url); } catch (e) { setTimeout(() => fail(1, 'not a valid URL: ' + url)); return; }
    fetch(parsed.href, { method, signal: controller.signal, redirect: 'follow', credentials: 'omit' }).then(async (response) => {
      const chunks = [];
      let size = 0, truncated = false;
      const reader = response.body ? response.body.getReader() : null;
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        const room = maxBody - size;
        if (value.length > room) {
          chunks.push(value.subarray(0, room));
          size += room;
          truncated = true;
          controller.abort();
          break;
        }
        chunks.push(value);
        size += value.length;
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) { bytes.set(c, at); at += c.length; }
      finish(response.status, response.url || parsed.href, response.headers.get('content-type') || '', bytes, truncated, 0, '');
    }).catch((e) => {
      if (controller.signal.aborted) return fail(4, 'aborted: ' + url);
      // Browsers give the same TypeError for a server that is down and for a CORS refusal.
      fail(2, 'network error or CORS refusal: the browser could not read ' + url +
              ' (the server may be unreachable, or it does not allow other sites to read it; browsers do not say which)');
    });
  },
  aio_fetch_abort__deps: ['$aioFetch'],
  aio_fetch_abort: function (network, id) {
    const key = network + ':' + id;
    const c = aioFetch.controllers[key];
    delete aioFetch.controllers[key];
    if (c) c.abort();
  },
});
