// window.aio: the page API for course pages and tests. Every call crosses into the wasm app as
// JSON and drives the same session the UI drives, so what the API shows is what the views show.
// A bad call (unknown demo or parameter, a value out of range or not plain data, text too long)
// throws one Error naming it, and changes nothing: web/js/aio_check.js checks every argument
// before it reaches the app.
(function () {
  'use strict';
  const check = window.aioCheck;
  const views = Object.freeze(['tasks', 'timeline', 'tree', 'source', 'summary', 'loop', 'resources', 'pages']);
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failed start is shown in the error panel; callers still see the rejection
  let currentRun = 0;     // which run the app is on (it counts them), from _runStarted
  let waiting = [];       // finished() promises not yet settled: {run, demo, resolve, reject}
  let started = false;    // aio.ready resolved: the wasm's exports can be called
  let failure = null;     // why the playground failed to start or stopped (aio.ready rejects with it)

  // Before the wasm has started, Emscripten's exports exist but call into nothing; every method
  // says so instead of failing inside the loader.
  function module(api) {
    if (failure) throw new Error(`${api}: the playground failed: ${failure.message}`, { cause: failure });
    if (!started) throw new Error(`${api}: the playground is still loading: await aio.ready first`);
    return Module;
  }

  // Runs body(M, text) against the wasm app. text(s) copies s to the heap as UTF-8 and gives
  // [pointer, bytes]: caller text never goes on the wasm stack, which is small (5 MiB) and which
  // ccall leaves unrestored when a call throws. The stack pointer is put back however it ends.
  function enter(api, body) {
    const M = module(api);
    const stack = M.stackSave();
    const owned = [];
    const text = (s) => {
      const bytes = M.lengthBytesUTF8(s);
      const ptr = M._malloc(bytes + 1);
      if (!ptr) throw new Error(`${api}: no memory left for ${bytes} bytes of text`);
      owned.push(ptr);
      M.stringToUTF8(s, ptr, bytes + 1);
      return [ptr, bytes];
    };
    try {
      return body(M, text);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith(`${api}: `)) throw e;
      throw new Error(`${api}: the playground failed (${e})`, { cause: e });
    } finally {
      for (const ptr of owned) M._free(ptr);
      M.stackRestore(stack);
    }
  }

  // Calls an export that answers {"ok": value} or {"error": message}, as JSON on the heap. A call
  // that only reads (`draw` false) does not ask for a frame: an idle page stays idle.
  function call(api, body, { draw = true } = {}) {
    const reply = JSON.parse(enter(api, (M, text) => M.UTF8ToString(body(M, text))));
    if ('error' in reply) throw new Error(`${api}: ${reply.error}`);
    if (draw && window.aioFrames) aioFrames.request();
    return reply.ok;
  }

  function snapshot(api = 'aio.snapshot') {
    return JSON.parse(enter(api, (M) => M.UTF8ToString(M._aio_snapshot_json())));
  }

  const ended = (snap) => snap.status === 'finished' || snap.status === 'stopped';

  // The current run ended: its finished() promises get its final snapshot.
  function settle() {
    const snap = snapshot();
    if (!ended(snap)) return;
    const mine = waiting.filter((w) => w.run === currentRun);
    waiting = waiting.filter((w) => w.run !== currentRun);
    for (const w of mine) w.resolve(snap);
  }

  // A new run replaced the one that finished() promises were waiting for: they reject at once.
  function runStarted(run) {
    currentRun = run;
    const replaced = waiting.filter((w) => w.run !== run);
    waiting = waiting.filter((w) => w.run === run);
    for (const w of replaced) w.reject(new Error(`aio.finished: the ${w.demo} run was replaced by a new run before it ended`));
  }

  // run's and show's arguments checked: the params as JSON text, or an Error naming the bad part.
  function paramsJson(api, demo, params) {
    check.name(api, 'demo', demo);
    const given = params === undefined ? {} : check.data(api, 'params', params);
    if (given === null || typeof given !== 'object' || Array.isArray(given))
      check.fail(api, `params must be an object such as {n: 3}, got ${check.describe(params)}`);
    return JSON.stringify(given);
  }

  const methods = {
    demos: () => call('aio.demos', (M) => M._aio_demos_json()),
    params(demo) {
      check.name('aio.params', 'demo', demo);
      return call('aio.params', (M, text) => M._aio_params_json(...text(demo)));
    },
    source(demo) {
      check.name('aio.source', 'demo', demo);
      return call('aio.source', (M, text) => M._aio_source_json(...text(demo)));
    },
    run(demo, params) {
      const json = paramsJson('aio.run', demo, params);
      call('aio.run', (M, text) => M._aio_run_json(...text(demo), ...text(json)));
    },
    // As run, but nothing runs: the controls show the demo with these parameters, ready to Run.
    show(demo, params) {
      const json = paramsJson('aio.show', demo, params);
      call('aio.show', (M, text) => M._aio_show_json(...text(demo), ...text(json)));
    },
    pause: () => { call('aio.pause', (M, text) => M._aio_control(...text('pause'))); },
    resume: () => { call('aio.resume', (M, text) => M._aio_control(...text('resume'))); },
    step: () => { call('aio.step', (M, text) => M._aio_control(...text('step'))); },
    stop: () => { call('aio.stop', (M, text) => M._aio_control(...text('stop'))); },
    // Going back: {first, last, live}, the iterations seek() takes and whether the views show the
    // live run; seek(k) shows the state right after iteration k and returns it (snapshot()'s
    // shape); stepBack() goes one iteration back; live() returns to the live run.
    history: () => call('aio.history', (M) => M._aio_history_json(), { draw: false }),
    seek(iteration) {
      if (typeof iteration !== 'number' || !Number.isInteger(iteration)) {
        const h = call('aio.seek', (M) => M._aio_history_json(), { draw: false });
        check.fail('aio.seek', `iteration must be a whole number ${h.first}..${h.last}, got ${check.describe(iteration)}`);
      }
      return call('aio.seek', (M) => M._aio_seek_json(iteration));
    },
    stepBack: () => { call('aio.stepBack', (M, text) => M._aio_control(...text('step_back'))); },
    live: () => { call('aio.live', (M, text) => M._aio_control(...text('live'))); },
    setSpeed(x) {
      if (x === 'instant') return call('aio.setSpeed', (M) => M._aio_set_speed(0));
      if (typeof x !== 'number' || !(x >= 0.1 && x <= 10))
        check.fail('aio.setSpeed', `speed must be a number from 0.1 to 10 or "instant", got ${check.describe(x)}`);
      call('aio.setSpeed', (M) => M._aio_set_speed(x));
    },
    // The final snapshot of the run going on when it was called, once that run finishes or is
    // stopped; at once if it already has. Rejects at once on a page where nothing has run yet,
    // and as soon as a new run replaces that one.
    finished() {
      return new Promise((resolve, reject) => {
        const snap = snapshot('aio.finished');
        if (snap.status === 'idle') reject(new Error('aio.finished: nothing has run yet; start a run with aio.run(demo, params) first'));
        else if (ended(snap)) resolve(snap);
        else waiting.push({ run: currentRun, demo: snap.demo, resolve, reject });
      });
    },
    snapshot: () => snapshot(),
    // What the page's link (web/js/link_state.js) asked for beyond the controls: {embed, picker,
    // views (a list of view names, or null for all), theme ('light', 'dark' or null: the
    // system's), run}, and each refused key's message. A copy: changing it changes nothing.
    link: () => window.aioLink.options(),
    // Brings a view forward: 'tasks', 'timeline', 'tree', 'source', 'summary', 'loop', 'resources' or
    // 'pages'. Throws for a view the shown demo does not have (those two are the panels a demo declares).
    showView(name) {
      const expected = `one of ${views.join(', ')}`;
      check.name('aio.showView', 'view', name, expected);
      if (!views.includes(name)) check.fail('aio.showView', `view must be ${expected}, got ${check.describe(name)}`);
      call('aio.showView', (M, text) => M._aio_show_view(text(name)[0]));
    },
  };

  // Every method refuses before the playground has started (finished() by rejecting), whatever
  // its arguments: nothing is queued, so a call never acts later than the lesson expects.
  window.aio = { ready };
  // Each keeps its method's number of parameters (aio.run.length is 2), which the postMessage
  // bridge (web/js/bridge.js) holds a request's args to.
  for (const [name, method] of Object.entries(methods)) {
    window.aio[name] = name === 'finished' ? method : (...args) => { module(`aio.${name}`); return method(...args); };
    Object.defineProperty(window.aio[name], 'length', { value: method.length });
  }
  // For the page's DOM mirror (web/js/mirror*.js), not for lessons: the canvas's form, read
  // (no argument) or changed ({demo}, {param, value}, {view}, {reset: true}, {run: true},
  // {reveal: landmark}), and the run as the mirror shows it.
  const form = (change) => (change === undefined
    ? call('aio._form', (M) => M._aio_form_json(), { draw: false })
    : call('aio._form', (M, text) => M._aio_form_set(...text(JSON.stringify(change)))));
  const mirror = (maxTasks, outputFrom, narrationFrom, words = false) =>
    call('aio._mirror', (M) => M._aio_mirror_json(maxTasks, outputFrom, narrationFrom, words ? 1 : 0), { draw: false });

  // Embed mode, for the page's link (web/js/link_state.js): {embed, picker, views: [names] or null}.
  const embed = (options) => call('aio._embed', (M, text) => M._aio_set_embed(...text(JSON.stringify(options))));
  Object.assign(window.aio, {
    _views: views,
    _embed: embed,
    _form: form,
    // Opens a run file's text (web/js/run_file.js): {problems}, or throws naming what is wrong with it.
    _openRun: (text) => call('aio.openRun', (M, t) => M._aio_open_run(...t(text))),
    _mirror: mirror,
    _firstFrame: () => { started = true; resolveReady(window.aio); },
    _fail: (error) => { failure = error; rejectReady(error); },
    _runStarted: runStarted,
    _runEnded: () => settle(),
  });
})();
