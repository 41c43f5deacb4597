// The playground as text in the DOM, before the canvas (after PhET's Parallel DOM): what screen
// readers read and the keyboard reaches with Tab. It drives the same run through the page API and
// follows the app's one state: after frames, at most a few times a second, never on a timer of
// its own while the page is idle. Its parts: mirror_form.js, mirror_run.js, mirror_outline.js.
(function () {
  'use strict';
  let attached = false;
  const paced = window.aioFrames.paced(update, 250);   // ms between two updates at most

  // The canvas goes on without the mirror if the mirror fails: it says why once and stops.
  function update() {
    if (!attached) return;
    try {
      refresh();
    } catch (e) {
      attached = false;
      console.error('The text mirror stopped following the playground:', e);
    }
  }

  function refresh() {
    const form = aio._form();
    const read = () => { const q = aioMirrorRun.query(); return aio._mirror(q.rows, q.outputFrom, q.narrationFrom, q.words); };
    // Going back, the iteration shown is first asked alone (no rows, lines or accounts): the whole
    // query, read twice when the console must be read again, made a step back miss its frame.
    if (!aio.history().live) {
      const probe = aio._mirror(0, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER, 0);
      if (aioMirrorRun.isNewRun(probe)) aioMirrorRun.forget(probe);
    }
    let state = read();
    if (aioMirrorRun.isNewRun(state)) {   // a new run, or going back: its console and narration from their start
      aioMirrorRun.forget(state);
      state = read();
    }
    aioMirrorForm.render(form);
    aioMirrorForm.renderRun(state);
    aioMirrorRun.render(state, form);
    aioMirrorOutline.place();
  }

  // After every frame the app draws: now, or once the pace allows.
  function afterFrame() {
    if (attached) paced.soon();
  }

  function attach() {
    try {
      build();
    } catch (e) {
      console.error('The text mirror could not be built:', e);
    }
  }

  function build() {
    const root = document.getElementById('mirror');
    aioMirrorForm.build(document.getElementById('mirror-controls'));
    aioMirrorRun.build({
      viewsBox: document.getElementById('mirror-views'), tasksBox: document.getElementById('mirror-tasks'),
      filesBox: document.getElementById('mirror-files'),
      consoleBox: document.getElementById('mirror-console'), narrationBox: document.getElementById('mirror-narration'),
    });
    const canvas = document.getElementById('canvas');
    aioMirrorOutline.attach(document.getElementById('mirror-outline'), canvas);
    // Keys typed in the mirror are the mirror's: the app reads keys on window and would take an
    // R typed into a field as Run.
    for (const type of ['keydown', 'keypress', 'keyup']) root.addEventListener(type, (e) => e.stopPropagation());
    // Tab moves the browser's focus: the app (SDL) would take it from the page and the canvas,
    // where it means nothing, and Tab would never reach the mirror nor leave the canvas. The DOM
    // field over a canvas field being edited (text_field.js) keeps its own Tab.
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Tab' && !e.target.classList?.contains('aio-text-field')) e.stopPropagation();
    }, true);
    const outline = () => {
      const node = document.activeElement;
      aioMirrorOutline.show(root.contains(node) ? aioMirrorForm.landmarkOf(node) ?? aioMirrorRun.landmarkOf(node) : null);
    };
    root.addEventListener('focusin', outline);
    root.addEventListener('focusout', () => setTimeout(outline));
    attached = true;
    paced.now();
  }

  window.aioMirror = { attach, afterFrame, update: paced.now };
})();
