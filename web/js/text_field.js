// Typing into the canvas's text fields with an on-screen keyboard: phones open one only for a
// focused DOM field. While the app edits a field, a real <input> (a <textarea> for multi-line
// fields) lies over it, focused, with the field's inputmode; what is typed there becomes the
// field's text. Enter, Tab or leaving the input ends the edit; Escape first puts the old text back.
// Tab also reaches the app, which then edits the next field (Shift+Tab the one before); an edit
// ended otherwise gives the keyboard back to the canvas.
(function () {
  'use strict';
  let el = null;         // the DOM field over the edited one
  let field = null;      // what the app said of the edited field: {id, x, y, w, h, inputmode, multiline, text, ...}
  let initial = '';      // its text when the edit began
  let hiding = false;    // a blur we cause ourselves
  let canvas = null;

  // The text goes through the heap, not the small wasm stack ccall would copy it to.
  function send() {
    if (!field) return;
    const start = el.selectionStart ?? el.value.length;
    const bytes = Module.lengthBytesUTF8(el.value);
    const ptr = Module._malloc(bytes + 1);
    if (!ptr) return;
    try {
      Module.stringToUTF8(el.value, ptr, bytes + 1);
      Module._aio_text_field_set(ptr, start, el.selectionEnd ?? start);
    } finally {
      Module._free(ptr);
    }
    aioFrames.request();
  }

  function end(restore) {
    if (!field) return;
    if (restore) { el.value = initial; send(); }
    Module._aio_text_field_end();
    aioFrames.request();
  }

  function make(multiline) {
    const node = document.createElement(multiline ? 'textarea' : 'input');
    node.className = 'aio-text-field';
    node.setAttribute('aria-label', 'parameter value');
    for (const [name, value] of [['autocomplete', 'off'], ['autocapitalize', 'off'], ['autocorrect', 'off'], ['spellcheck', 'false']])
      node.setAttribute(name, value);
    for (const type of ['keydown', 'keypress', 'keyup'])
      node.addEventListener(type, (e) => {
        // The app reads keys on window: it must not type them a second time. Releases go on to
        // it, though: a key pressed on the canvas (Enter, to edit) is often let go in here.
        if (e.key !== 'Tab' && type !== 'keyup') e.stopPropagation();
        if (type === 'keyup') send();   // arrows and Home/End move the caret
        if (type !== 'keydown') return;
        if ((e.key === 'Enter' && !multiline) || e.key === 'Tab') { e.preventDefault(); end(false); }
        else if (e.key === 'Escape') { e.preventDefault(); end(true); }
      });
    node.addEventListener('input', send);
    node.addEventListener('select', send);
    node.addEventListener('blur', () => { if (!hiding) end(false); });
    document.getElementById('stage').appendChild(node);
    return node;
  }

  function hide() {
    field = null;
    hiding = true;
    const had = document.activeElement === el;
    el.blur();
    if (had) canvas.focus({ preventScroll: true });   // the keys go on to the app, not to the page
    hiding = false;
    el.hidden = true;
  }

  // After every frame: follow the field the app edits, if any.
  function sync() {
    const next = JSON.parse(Module.UTF8ToString(Module._aio_text_field_json()));
    if (!next) { if (field) hide(); return; }
    if (!el || (el.tagName === 'TEXTAREA') !== next.multiline) { el?.remove(); el = make(next.multiline); }
    Object.assign(el.style, { left: `${next.x}px`, top: `${next.y}px`, width: `${next.w}px`, height: `${next.h}px` });
    const fresh = !field || field.id !== next.id;
    field = next;
    if (!fresh) return;
    el.hidden = false;
    el.inputMode = next.inputmode;
    el.enterKeyHint = next.multiline ? 'enter' : 'done';
    el.value = initial = next.text;
    el.focus({ preventScroll: true });
    el.setSelectionRange(next.selection_start, next.selection_end);
  }

  // A tap that lands on a field focuses the DOM field while the tap is still the user's gesture
  // (iOS opens the keyboard for nothing else): draw the frames that take the tap in right away.
  function attach(target) {
    canvas = target;
    canvas.addEventListener('touchend', () => aioFrames.flush(), { passive: true });
  }

  window.aioTextField = { attach, sync };
})();
