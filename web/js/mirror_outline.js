// Where the keyboard is, shown on the canvas: while a mirror control has focus, an outline lies
// over the canvas widget it matches (the app's landmark of that widget, in CSS pixels), clipped
// to the panel that holds it, and the canvas scrolls that widget into view.
(function () {
  'use strict';
  let box, canvas, named = null;   // the landmark outlined, or null

  function attach(outline, canvasEl) { box = outline; canvas = canvasEl; }

  const landmarks = () => JSON.parse(Module.UTF8ToString(Module._aio_landmarks_json()));
  const panelOf = (name) => (name.startsWith('tab:') || name === 'view' ? 'views' : 'controls');

  // Follows `name` (null: nothing has focus in the mirror). A new name asks the canvas to scroll to it.
  function show(name) {
    if (name !== named && name) { try { aio._form({ reveal: name }); } catch (e) { /* the widget is not drawn */ } }
    named = name;
    place();
  }

  // After each frame: the widget may have moved (scrolling, a resize, a label that grew).
  function place() {
    const all = named ? landmarks() : {};
    let name = named;
    if (name && !all[name] && name.startsWith('tab:')) name = 'view';   // a phone shows a picker, not tabs
    const r = name && all[name];
    if (!r) { box.hidden = true; return; }
    const panel = all[panelOf(name)];
    let [x0, y0, x1, y1] = [r.x, r.y, r.x + r.w, r.y + r.h];
    if (panel) [x0, y0, x1, y1] = [Math.max(x0, panel.x), Math.max(y0, panel.y), Math.min(x1, panel.x + panel.w), Math.min(y1, panel.y + panel.h)];
    if (x1 <= x0 || y1 <= y0) { box.hidden = true; return; }
    Object.assign(box.style, { left: `${canvas.offsetLeft + x0}px`, top: `${canvas.offsetTop + y0}px`, width: `${x1 - x0}px`, height: `${y1 - y0}px` });
    box.dataset.landmark = name;
    box.hidden = false;
  }

  window.aioMirrorOutline = { attach, show, place };
})();
