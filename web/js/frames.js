// Draws frames on demand: after input, resizes and API calls, and continuously only while the app
// asks for it (a demo running). An idle page schedules no frames at all.
(function () {
  'use strict';
  let pending = false;
  let settle = 0;          // extra frames after input, so hover and release effects land
  let drawFrame = null;    // set once the wasm app is ready

  function tick() {
    pending = false;
    if (!drawFrame) return;
    const more = drawFrame();
    if (settle > 0) settle--;
    if (more || settle > 0) request();
  }

  function request(extra) {
    if (extra) settle = Math.max(settle, extra);
    if (pending) return;
    pending = true;
    requestAnimationFrame(tick);
  }

  function attach(canvas, draw) {
    drawFrame = draw;
    const poke = () => request(3);
    for (const type of ['pointerdown', 'pointerup', 'pointermove', 'wheel', 'keydown', 'keyup', 'focus', 'blur'])
      (type.startsWith('key') ? window : canvas).addEventListener(type, poke, { passive: true });
    new ResizeObserver(poke).observe(canvas);
    window.addEventListener('resize', poke);
    if (window.matchMedia) {
      // A move to a screen with another devicePixelRatio needs sharper fonts.
      const watch = () => matchMedia(`(resolution: ${devicePixelRatio}dppx)`)
        .addEventListener('change', () => { poke(); watch(); }, { once: true });
      watch();
    }
    request(2);
  }

  window.aioFrames = { attach, request };
})();
