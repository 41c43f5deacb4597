// Keyboard focus for a playground embedded in a lesson page. The app (SDL) cancels the canvas's
// mouse-down, which also cancels the browser's focus move, so a click inside an iframe left the keys
// with the lesson page: Space scrolled it and R did nothing. A pointer down focuses the canvas
// instead, and while the playground has focus the keys it uses do not scroll the page around it.
// Tab on the canvas (or the bare page) moves the browser's focus on (onto the canvas, or out of the
// playground), as from any one control: SDL would keep it, a keyboard trap. Tab inside an edited
// field edits the next field.
(function () {
  'use strict';
  // Keys the app reads (Space pauses) or that move inside its fields and lists; a browser would
  // scroll with them, and from an iframe that scrolls the host page.
  const scrollKeys = new Set([' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End']);

  // The DOM text field over an edited parameter keeps its keys (a space, the caret's arrows).
  const typing = (el) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  function attach(canvas) {
    canvas.addEventListener('pointerdown', () => {
      if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    });
    window.addEventListener('keydown', (e) => {
      if (scrollKeys.has(e.key) && !typing(e.target) && !e.defaultPrevented) e.preventDefault();
    });
    // Capturing, before SDL's handler on window cancels the browser's Tab. Only the press: a
    // release must always reach SDL, or a Tab pressed in a field would stay down for the app.
    window.addEventListener('keydown', (e) => { if (e.key === 'Tab' && (e.target === canvas || e.target === document.body)) e.stopImmediatePropagation(); }, true);
  }

  window.aioKeyboardFocus = { attach };
})();
