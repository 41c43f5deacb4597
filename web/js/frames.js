// Draws frames on demand: after input, resizes and API calls, and then for as long as the app asks
// (a demo running, queued input, views still settling). An idle page schedules no frames at all.
(function () {
  'use strict';
  let pending = false;
  let stirred = false;     // something changed since the last frame: the app must not stop at it
  let drawFrame = null;    // set once the wasm app is ready; draw(stirred) returns true for more

  function draw() {
    const s = stirred;
    stirred = false;
    return drawFrame(s);
  }

  function tick() {
    pending = false;
    if (drawFrame && draw()) schedule();
  }

  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(tick);
  }

  // Something changed: draw until the app has settled.
  function request() {
    stirred = true;
    schedule();
  }

  // Draws up to `max` frames now, inside the current event handler, while the app wants more
  // (a browser opens the on-screen keyboard only for a focus made during the user's gesture).
  function flush(max = 4) {
    if (!drawFrame) return;
    stirred = true;
    for (let i = 0; i < max && draw(); i++);
  }

  // Calls `fn` after frames at most once every `ms`, and once more after the last frame, so the
  // last frame's state is read even when no frame follows it. Returns {soon, now}: soon() after
  // a frame, now() to call fn at once (which restarts the wait). soon() never calls fn inside the
  // frame's own task: the frame is shown first, and a frame and the text mirror's update together
  // (a step back through 1,000 tasks) would take longer than a frame may.
  function paced(fn, ms) {
    let last = -Infinity, trailing = null;
    const now = () => {
      last = performance.now();
      clearTimeout(trailing);
      trailing = null;
      fn();
    };
    const soon = () => {
      const wait = last + ms - performance.now();
      if (!trailing) trailing = setTimeout(now, Math.max(0, wait));
    };
    return { soon, now };
  }

  function attach(canvas, draw) {
    drawFrame = draw;
    for (const type of ['pointerdown', 'pointerup', 'pointermove', 'wheel', 'keydown', 'keyup', 'focus', 'blur'])
      (type.startsWith('key') ? window : canvas).addEventListener(type, request, { passive: true });
    new ResizeObserver(request).observe(canvas);
    window.addEventListener('resize', request);
    if (window.matchMedia) {
      // A move to a screen with another devicePixelRatio needs sharper fonts.
      const watch = () => matchMedia(`(resolution: ${devicePixelRatio}dppx)`)
        .addEventListener('change', () => { request(); watch(); }, { once: true });
      watch();
    }
    request();
  }

  window.aioFrames = { attach, request, flush, paced };
})();
