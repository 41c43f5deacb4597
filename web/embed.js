// The host's side of the aio playground's postMessage bridge, for a course page on any origin
// that embeds the playground in an iframe. No dependencies; load it with a <script> tag:
//
//   const pg = await AioEmbed.connect(document.querySelector('iframe'), {autoHeight: true});
//   pg.on('finished', (snapshot) => console.log(snapshot.output));
//   await pg.run('queue', {producers: 3, seed: 7});
//
// Every page API method (the README's "The page API") is a method of `pg` returning a Promise
// of its result, rejected with the page's message when the page refuses the call.
(function (root) {
  'use strict';
  // The page API's methods, as web/js/aio_api.js defines them (a browser test holds them equal).
  const methods = ['demos', 'params', 'source', 'run', 'show', 'pause', 'resume', 'step', 'stop', 'setSpeed', 'finished', 'showView', 'snapshot', 'link',
    'history', 'seek', 'stepBack', 'live'];
  const events = ['ready', 'status', 'output', 'finished', 'resize'];
  const pingEvery = 100;   // ms between two pings while the page loads

  const describe = (v) => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)
    : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : String(v));

  // Pings the playground in `iframe` until it answers (it does once it has loaded and started),
  // then resolves with its handle. Options: `autoHeight` (default false) sets the iframe's CSS
  // height to the height the playground's layout needs, in CSS px, whenever it changes;
  // `timeout` (ms, 1 to 600,000, default 30,000) rejects if no answer came by then. Rejects at
  // once with the page's reason if the playground failed to start.
  function connect(iframe, { autoHeight = false, timeout = 30000 } = {}) {
    return new Promise((resolve, reject) => {
      if (!iframe || typeof iframe !== 'object' || iframe.tagName !== 'IFRAME')
        throw new TypeError(`AioEmbed.connect: iframe must be an <iframe> element, got ${describe(iframe)}`);
      if (typeof timeout !== 'number' || !(timeout >= 1 && timeout <= 600000))
        throw new RangeError(`AioEmbed.connect: timeout must be a number of ms from 1 to 600000, got ${describe(timeout)}`);
      if (typeof autoHeight !== 'boolean') throw new TypeError(`AioEmbed.connect: autoHeight must be true or false, got ${describe(autoHeight)}`);
      let origin;
      try {
        origin = new URL(iframe.src, location.href).origin;
      } catch { /* said below */ }
      if (!origin || origin === 'null' || !/^https?:$/.test(new URL(iframe.src, location.href).protocol))
        throw new Error(`AioEmbed.connect: the iframe's src must be the playground's http(s) URL, got ${describe(iframe.src)}` +
                        ' (a page opened from disk has no origin a message can be addressed to: serve the lesson and the' +
                        ' playground over http, e.g. python3 -m http.server)');

      const pending = new Map();   // request id -> {resolve, reject, ping}
      const listeners = new Map(events.map((e) => [e, new Set()]));
      let nextId = 1;
      let closed = false;

      // `ping`: a ping among several, forgotten once one is answered.
      const send = (method, args, ping = false) => new Promise((ok, fail) => {
        if (closed) return fail(new Error(`AioEmbed: ${method}: the connection is closed`));
        const id = nextId++;
        pending.set(id, { resolve: ok, reject: fail, ping });
        iframe.contentWindow?.postMessage({ aio: 1, id, method, args }, origin);
      });

      function receive(event) {
        // Only the playground in this iframe, on the origin its src names, is heard.
        if (event.source !== iframe.contentWindow || event.origin !== origin) return;
        const data = event.data;
        if (!data || typeof data !== 'object' || data.aio !== 1) return;
        if (typeof data.event === 'string') {
          if (autoHeight && data.event === 'resize' && data.data && data.data.height > 0) iframe.style.height = `${data.data.height}px`;
          for (const fn of listeners.get(data.event) ?? []) {
            try { fn(data.data); } catch (e) { setTimeout(() => { throw e; }); }   // one listener's error stops no other
          }
          return;
        }
        const waiting = pending.get(data.id);
        if (!waiting) return;
        pending.delete(data.id);
        if ('error' in data) waiting.reject(new Error(String(data.error)));
        else waiting.resolve(data.result);
      }
      window.addEventListener('message', receive);
      // A page loaded again in the iframe knows no host: one ping, answered once it has started,
      // makes this one its host again, and its events start over with `ready`.
      let connected = false;
      const reloaded = () => { if (connected) send('ping', [], true).catch(() => {}); };
      iframe.addEventListener('load', reloaded);

      const handle = {
        origin,
        // Any method by name, for methods newer than this script: pg.call('run', 'count', {n: 2}).
        call: (method, ...args) => send(method, args),
        on(event, fn) {
          if (!listeners.has(event)) throw new Error(`AioEmbed: on: event must be one of ${events.join(', ')}, got ${describe(event)}`);
          if (typeof fn !== 'function') throw new TypeError(`AioEmbed: on: the listener must be a function, got ${describe(fn)}`);
          listeners.get(event).add(fn);
          return handle;
        },
        off(event, fn) {
          listeners.get(event)?.delete(fn);
          return handle;
        },
        // Stops listening; requests still waiting reject.
        close() {
          closed = true;
          window.removeEventListener('message', receive);
          iframe.removeEventListener('load', reloaded);
          for (const { reject: fail } of pending.values()) fail(new Error('AioEmbed: the connection was closed'));
          pending.clear();
        },
      };
      for (const m of methods) handle[m] = (...args) => send(m, args);

      let pinging = null, giveUp = null;
      const stop = () => { clearInterval(pinging); clearTimeout(giveUp); };
      const fail = (error) => { stop(); handle.close(); reject(error); };
      // Until its page has loaded, the iframe holds an about:blank of this page's origin, which a
      // message for the playground's origin does not reach (the browser logs an error for each).
      const loaded = () => {
        try {
          return iframe.contentWindow.location.href !== 'about:blank';
        } catch {
          return true;   // another origin's page: the playground's
        }
      };
      const ping = () => loaded() && send('ping', [], true).then(() => {
        connected = true;
        stop();
        for (const [id, w] of pending) if (w.ping) pending.delete(id);
        resolve(handle);
      }, (e) => { if (!closed) fail(new Error(`AioEmbed.connect: ${e.message}`)); });
      pinging = setInterval(ping, pingEvery);
      giveUp = setTimeout(() => fail(new Error(
        `AioEmbed.connect: the playground at ${origin} did not answer within ${timeout} ms ` +
        '(check the iframe\'s src, that it is the aio playground, and that it loads there)')), timeout);
      ping();
    });
  }

  root.AioEmbed = { connect };
})(window);
