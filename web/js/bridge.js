// The postMessage bridge, for a course page on another origin that embeds the playground in an
// iframe (after Perfetto UI's embedding): its requests call window.aio, its replies and events
// go back to the origin of the parent window that spoke first, never to '*'. web/embed.js is
// the host's side; the README's "Embedding in a course page" has the protocol.
(function () {
  'use strict';
  const host = window.parent;
  if (host === window) return;   // not in a frame: no host to talk to
  const check = window.aioCheck;
  const aio = window.aio;
  const methods = Object.keys(aio).filter((k) => typeof aio[k] === 'function' && !k.startsWith('_'));
  const maxId = 128;             // characters in a text id
  const pace = 200;              // ms between two event updates at most: output comes in batches
  const noNarration = Number.MAX_SAFE_INTEGER;   // aio._mirror: no account after this iteration
  const noOutput = 0x7fffffff;                   // aio._mirror: no line from this one on (an int)
  const allowed = allowList();

  let hostOrigin = null;   // the parent's origin, from its first request
  let started = false;     // aio.ready resolved
  let failure = null;      // why it rejected
  let heldPing = null;     // the id of the latest ping before ready, answered once ready
  let told = null;         // what the events said last, once they flow: {status, run, lines, endedRun, height}

  // <meta name="aio-embed-origins" content="https://a.example https://b.example">: the origins
  // besides the page's own that may choose the crawler's URLs.
  function allowList() {
    const meta = document.querySelector('meta[name="aio-embed-origins"]');
    const out = new Set();
    for (const entry of (meta?.content ?? '').split(/\s+/).filter(Boolean)) {
      let url = null;
      try { url = new URL(entry); } catch { /* said below */ }
      if (url && url.origin !== 'null' && url.pathname === '/' && !url.search && !url.hash && !url.username) out.add(url.origin);
      else console.warn(`aio-embed-origins: ${JSON.stringify(entry)} is not an origin such as https://course.example.org; ignored`);
    }
    return out;
  }

  function post(message) {
    try {
      host.postMessage({ aio: 1, ...message }, hostOrigin);
    } catch (e) {
      console.warn('aio bridge: a message to the host could not be sent:', e);
    }
  }

  const messageOf = (e) => (e instanceof Error ? e.message : String(e));
  const ended = (status) => status === 'finished' || status === 'stopped';

  // A request's id comes back in its reply: text of 1 to maxId characters, or a whole number.
  const usableId = (id) => (typeof id === 'string' && id.length > 0 && id.length <= maxId) || Number.isSafeInteger(id);

  window.addEventListener('message', (event) => {
    try {
      receive(event);
    } catch (e) {
      console.warn('aio bridge: a message was dropped:', e);
    }
  });

  function receive(event) {
    if (event.source !== host) return;   // nested frames, popups, other windows: not the host
    const data = event.data;
    if (data === null || typeof data !== 'object' || data.aio !== 1) return;   // another script's message
    if (event.origin === 'null') {
      console.warn('aio bridge: the host has an opaque origin (a sandboxed frame or a file:// page), which cannot be answered');
      return;
    }
    if (hostOrigin === null) hostOrigin = event.origin;
    else if (event.origin !== hostOrigin) return;
    if (!usableId(data.id)) {
      console.warn(`aio bridge: a request was ignored: its id must be text of 1 to ${maxId} characters or a whole number, got ${check.describe(data.id)}`);
      return connected();
    }
    const id = data.id;
    if (data.method === 'ping' && !Array.isArray(data) && !started && !failure) {
      heldPing = id;   // answered once ready; the host pings until then
      return;
    }
    let result;
    try {
      result = request(data);
    } catch (e) {
      post({ id, error: messageOf(e) });
      return connected();
    }
    if (result instanceof Promise) {
      result.then((value) => post({ id, result: value ?? null }), (e) => post({ id, error: messageOf(e) }));
    } else {
      post({ id, result: result ?? null });
    }
    connected();
    afterChange();   // a pause or a run is told now, not after the next frame
  }

  // Calls the method a request names with its args, after the checks the page API cannot make:
  // the request's shape, the number of args, and who may choose the crawler's URLs. The page API
  // checks each argument itself.
  function request(data) {
    if (Array.isArray(data)) throw new Error('a request must be an object {aio: 1, id, method, args}, got a list');
    const name = data.method;
    if (name !== 'ping' && !methods.includes(name))
      throw new Error(`unknown method ${check.describe(name)}; the methods are ping, ${methods.join(', ')}`);
    const api = `aio.${name}`;
    const args = data.args === undefined ? [] : data.args;
    if (!Array.isArray(args)) throw new Error(`${api}: args must be a list of the method's arguments, got ${check.describe(args)}`);
    if (name === 'ping') {
      if (args.length) throw new Error(`ping takes no arguments, got ${args.length}`);
      if (failure) throw new Error(`ping: the playground failed: ${failure.message}`);
      return 'pong';
    }
    const fn = aio[name];
    if (args.length > fn.length)
      throw new Error(`${api}: takes at most ${fn.length} ${fn.length === 1 ? 'argument' : 'arguments'}, got ${args.length.toLocaleString('en-US')}`);
    if (name === 'run' || name === 'show') guardUrls(api, args[1]);   // show fills the form Run runs
    return fn(...args);
  }

  // The crawler fetches with this page's origin: a host elsewhere choosing its URLs could read
  // the links of pages only this origin can reach.
  function guardUrls(api, params) {
    if (params === null || typeof params !== 'object' || !Object.hasOwn(params, 'urls')) return;
    if (hostOrigin === location.origin || allowed.has(hostOrigin)) return;
    const list = allowed.size ? [...allowed].join(' ') : 'empty';
    throw new Error(`${api}: params.urls is refused from ${hostOrigin}: the page fetches those URLs with its own origin ` +
                    `(${location.origin}), so only that origin or one on the deployment's allow-list ` +
                    `(<meta name="aio-embed-origins">: ${list}) may choose its URLs`);
  }

  window.aio.ready.then(() => {
    started = true;
    if (heldPing === null) return connected();
    post({ id: heldPing, result: 'pong' });
    heldPing = null;
    connected();
  }, (e) => {
    failure = e;
    if (heldPing !== null) post({ id: heldPing, error: `ping: the playground failed: ${e.message}` });
    heldPing = null;
  });

  // Once the page is ready and the host has spoken (after the reply to it): `ready`, then each
  // change as it comes.
  function connected() {
    if (told || !started || hostOrigin === null) return;
    try {
      const now = aio._mirror(0, noOutput, noNarration);
      told = { status: null, run: now.run, lines: now.output_count, endedRun: ended(now.status) ? now.run : -1, height: 0 };
    } catch (e) {
      return console.warn('aio bridge: events to the host could not start:', e);
    }
    post({ event: 'ready', data: null });
    paced.now();
  }

  const paced = window.aioFrames.paced(() => {
    try {
      update();
    } catch (e) {
      told = null;
      console.warn('aio bridge: events to the host stopped:', e);
    }
  }, pace);

  // Tells the host what changed since it was last told: new console lines, the status, a run's
  // final snapshot, the height the layout needs.
  function update() {
    if (!told) return;
    let now = aio._mirror(0, told.lines, noNarration);
    const newRun = now.run !== told.run;
    if (newRun) {
      told.run = now.run;
      now = aio._mirror(0, 0, noNarration);
    }
    if (now.output.length) post({ event: 'output', data: { run: now.run, from: now.output_from, lines: now.output } });
    told.lines = now.output_count;
    if (now.status !== told.status || newRun) {
      told.status = now.status;
      const { status, demo, run, time, iteration } = now;
      post({ event: 'status', data: { status, demo, run, time, iteration } });
    }
    if (ended(now.status) && told.endedRun !== now.run) {
      told.endedRun = now.run;
      post({ event: 'finished', data: aio.snapshot() });
    }
    const height = Math.ceil(Module._aio_content_height());
    if (height > 0 && height !== told.height) {
      told.height = height;
      post({ event: 'resize', data: { height } });
    }
  }

  // After every frame (web/js/boot.js) and request: a new status or run is told at once, with
  // the lines printed before it; the rest (lines, height) at most every `pace` ms.
  function afterChange() {
    if (!told) return;
    let now;
    try {
      now = aio._mirror(0, noOutput, noNarration);
    } catch {
      return paced.now();   // said there
    }
    if (now.status !== told.status || now.run !== told.run) paced.now();
    else paced.soon();
  }

  window.aioBridge = { afterFrame: afterChange };
})();
