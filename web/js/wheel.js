// The wheel goes to the browser when it would scroll nothing in the playground: a course page
// that embeds it scrolls on past it, as past an image, instead of stopping under the pointer. The
// app says what its last frame would scroll (aio_wheel_scrolls); Ctrl+wheel always stays (the
// Timeline zooms with it, and the browser would zoom the page).
(function () {
  'use strict';
  function attach(canvas) {
    // Capturing, on the window: ahead of SDL's listener on the canvas, which cancels every wheel event.
    window.addEventListener('wheel', (e) => {
      if (e.target !== canvas || e.ctrlKey || !window.Module?._aio_wheel_scrolls) return;
      let dx = e.deltaX, dy = e.deltaY;
      if (e.shiftKey && dx === 0) [dx, dy] = [dy, 0];   // Shift turns the wheel sideways, in ImGui too
      const box = canvas.getBoundingClientRect();
      if (!Module._aio_wheel_scrolls(e.clientX - box.left, e.clientY - box.top, dx, dy)) e.stopImmediatePropagation();
    }, { capture: true, passive: true });
  }
  window.aioWheel = { attach };
})();
