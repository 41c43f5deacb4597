// Starts the wasm app: checks WebGL2, shows progress, and replaces a blank canvas with a readable
// error panel when WebGL2, the download or the wasm itself fails.
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');

  // `graphics`: the failure is WebGL's, so the hint about browsers and hardware acceleration shows.
  function fail(what, detail, { graphics = false } = {}) {
    loading.hidden = true;
    document.getElementById('error-what').textContent = what;
    document.getElementById('error-detail').textContent = detail || '';
    document.getElementById('error-hint').hidden = !graphics;
    document.getElementById('error').hidden = false;
    // One sentence then its detail: "… not opened as a file: Browsers block …".
    window.aio._fail(new Error(detail ? `${what.replace(/\.$/, '')}: ${detail}` : what));
  }

  // The single file (aio-playground.html) carries its wasm, fonts and JavaScript inlined.
  const bundle = window.aioBundle;
  // Browsers refuse fetch() from file:// pages, and this page downloads its wasm, fonts and the
  // crawler's sample site: point to the single file instead of spinning forever.
  if (location.protocol === 'file:' && !bundle) {
    fail('The playground has to be served over http, not opened as a file.',
         'Browsers block the downloads it needs (its wasm, its fonts, the sample site) on file:// pages. ' +
         'Open aio-playground.html beside it instead: the whole playground in one file, which runs from disk. ' +
         'Or in this folder run   python3 -m http.server 8000   and open http://127.0.0.1:8000/');
    return;
  }

  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail('This browser cannot draw with WebGL2.',
         'The playground draws with WebGL2. It is off or unsupported here (check that hardware acceleration is enabled).',
         { graphics: true });
    return;
  }

  // The TTFs download alongside the wasm and land in its file system before main runs. Without
  // them the page still starts, in ImGui's built-in font.
  const fonts = bundle ? bundle.fonts() : ['ui', 'code'].map((role) =>
    fetch(`web/fonts/${role}.ttf`)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((bytes) => ({ role, bytes: new Uint8Array(bytes) }))
      .catch((e) => { console.warn(`web/fonts/${role}.ttf did not load (${e.message}); using the built-in font`); return null; }));

  // The wasm is fetched and compiled here rather than by Emscripten's loader, whose failure reads
  // "Aborted(both async and sync fetching of the wasm failed)": this one names the file, the HTTP
  // status and what to deploy.
  const wasmFile = 'aio_playground.wasm';
  async function compileWasm(imports) {
    if (bundle) return WebAssembly.instantiate(await bundle.wasm(), imports);
    const url = new URL(wasmFile, location.href).href;
    const deploy = `Deploy ${wasmFile} beside index.html and aio_playground.js, from the same build: ` +
                   'upload the whole dist/ folder that web/tools/dist.sh writes.';
    let response;
    try {
      response = await fetch(wasmFile, { credentials: 'same-origin' });
    } catch (e) {
      throw new Error(`${url} could not be fetched (${e.message}). Check the connection and reload the page.`);
    }
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}. ${deploy}`);
    try {
      return await WebAssembly.instantiateStreaming(response.clone(), imports);
    } catch {
      // Most often a host that serves .wasm without application/wasm: compile from the bytes.
      try {
        return await WebAssembly.instantiate(await response.arrayBuffer(), imports);
      } catch (e) {
        throw new Error(`${url} is not this page's WebAssembly (${e.message}). ${deploy}`);
      }
    }
  }

  window.Module = {
    canvas,
    instantiateWasm: (imports, receive) => {
      compileWasm(imports).then((result) => receive(result.instance, result.module),
                                (e) => fail('The playground could not be downloaded.', e.message));
      return {};   // the exports arrive later, through receive
    },
    preRun: [() => {
      Module.addRunDependency('fonts');
      Promise.all(fonts).then((files) => {
        Module.FS.mkdir('/fonts');
        for (const f of files) if (f) Module.FS.writeFile(`/fonts/${f.role}.ttf`, f.bytes);
      }).finally(() => Module.removeRunDependency('fonts'));
    }],
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    ...(bundle ? bundle.module : {}),
    onAbort: (why) => fail('The playground stopped unexpectedly.', String(why)),
    onFatal: (what, detail) => fail(what, detail, { graphics: /WebGL/.test(what) }),
    onRunStarted: (run) => window.aio._runStarted(run),
    onRunEnded: () => window.aio._runEnded(),
    onAppStarted: () => {
      // The UI follows the system's light or dark preference, also when it changes, unless the
      // page's link chose one (aioTheme.choose: 'light', 'dark', or null for the system's).
      const dark = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
      let chosen = null;
      const theme = () => {
        Module._aio_set_theme((chosen ? chosen === 'dark' : !(dark && !dark.matches)) ? 1 : 0);
        document.documentElement.style.colorScheme = chosen || '';
        window.aioFrames.request();
      };
      if (dark) dark.addEventListener('change', theme);
      window.aioTheme = { choose: (name) => { chosen = name; theme(); } };
      theme();
      // Under "reduce motion" the app drops motion it can do without, also when the setting changes.
      const still = window.matchMedia ? matchMedia('(prefers-reduced-motion: reduce)') : null;
      const motion = () => { Module._aio_set_reduced_motion(still && still.matches ? 1 : 0); window.aioFrames.request(); };
      if (still) still.addEventListener('change', motion);
      motion();
      window.aioTextField.attach(canvas);
      window.aioKeyboardFocus.attach(canvas);
      window.aioWheel.attach(canvas);
      window.aioFrames.attach(canvas, (stirred) => {
        const more = Module._aio_frame(stirred ? 1 : 0);
        window.aioTextField.sync();
        if (loading.hidden === false) {
          loading.hidden = true;
          window.aio._firstFrame();
          window.aioLink.attach();   // before the mirror, which then shows what the link set
          window.aioMirror.attach();
        }
        window.aioMirror.afterFrame();
        if (window.aioBridge) window.aioBridge.afterFrame();   // absent outside a frame
        window.aioLink.afterFrame();
        return more;
      });
    },
  };

  if (bundle) {
    bundle.startApp().catch((e) => fail('The playground could not be unpacked.', e.message));
  } else {
    const script = document.createElement('script');
    script.src = 'aio_playground.js';
    script.onerror = () => fail('The playground could not be downloaded.', 'aio_playground.js did not load.');
    document.body.appendChild(script);
  }
  window.addEventListener('unhandledrejection', (e) => {
    if (/WebAssembly|Failed to fetch|NetworkError/.test(String(e.reason))) fail('The playground could not be loaded.', String(e.reason));
  });
})();
