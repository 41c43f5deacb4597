// The mirror's controls: the canvas's form as HTML (the demo picker, each parameter, Run, Pause,
// Step, Stop, Reset, speed, instant) and the keyboard shortcuts. Every control acts through the
// page API the canvas's own controls use; the form itself lives in the app, so a value typed here
// shows in the canvas's field and the other way round.
(function () {
  'use strict';
  // The canvas's shortcuts, from the app's table when it has one.
  const shortcutsFallback = [
    { keys: 'R', action: 'run, or restart with the parameters shown' },
    { keys: 'Space', action: 'pause / resume' },
    { keys: 'S', action: 'step: exactly one loop iteration' },
    { keys: '?', action: 'the keyboard help' },
  ];
  function shortcuts() {
    if (typeof Module._aio_shortcuts_json !== 'function') return shortcutsFallback;
    return JSON.parse(Module.UTF8ToString(Module._aio_shortcuts_json()));
  }

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else if (k in node && !k.startsWith('aria')) node[k] = v;
      else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  };

  let root, picker, about, shownRun, fieldset, legend, fieldsBox, error, status, speed, speedNote, instant, refusal, share;
  let scrubber, scrubberBox;   // the iteration shown, over the run's recorded ones
  let taskPick;                // a task whose changes the buttons beside it step to
  // A refused value is announced once typing pauses this long: a screen reader reading every
  // keystroke's refusal would talk over the typing.
  const refusalPause = 800;   // ms
  let refusalTimer = null;
  let refusalAbout = null;   // the field the status region's refusal is about: cleared once it is valid or gone
  const speedRange = 'loop seconds per wall second, 0.1 to 10';
  const speedKey = ':speed';   // the speed in refusalAbout (no parameter name starts with a colon)
  const buttons = {};
  let demoShown = null;   // the demo whose fields are built
  let fields = {};        // by parameter name: {input, note, field, restore}

  // A refusal from the app names what is wrong: it shows where the control says so.
  function tell(message) { error.textContent = message || ''; }
  function attempt(action) {
    try { action(); } catch (e) { tell(e.message.replace(/^aio\.\w+: /, '')); }
  }
  const change = (what) => { let form; attempt(() => { form = aio._form(what); }); if (form) render(form); return form; };

  function build(container) {
    root = container;
    picker = el('select', { id: 'mirror-demo', 'aria-describedby': 'mirror-demo-about' });
    about = el('p', { id: 'mirror-demo-about' });          // what the picked demo teaches, as the canvas says under its picker
    shownRun = el('p', { id: 'mirror-shown-run' });        // whose run the views show, when another demo is picked
    for (const name of aio.demos()) picker.append(el('option', { value: name, text: aio.source(name).title }));
    picker.addEventListener('change', () => change({ demo: picker.value }));
    legend = el('legend');
    fieldsBox = el('div');
    fieldset = el('fieldset', {}, legend, fieldsBox);
    const button = (name, label, action) => {
      const b = el('button', { type: 'button', id: `mirror-${name}`, text: label });
      // Pressed while it shows disabled, it still asks: the run may have moved on since, and the
      // page API does nothing where a control does not apply, as the canvas's disabled buttons.
      // Its new name ("Resume") shows at once.
      b.addEventListener('click', () => { attempt(action); window.aioMirror.update(); });
      buttons[name] = b;
      return b;
    };
    const run = button('run', 'Run', () => change({ run: true }));
    // The run as it stands now, not as last shown: Pause may come within a pace of Run.
    const paused = () => aio._mirror(0, 2 ** 31 - 1, 0).status === 'paused';
    const pause = button('pause', 'Pause', () => (paused() ? aio.resume() : aio.pause()));
    const step = button('step', 'Step', () => change({ step: true }));
    const stepBack = button('step-back', 'Step back', () => aio.stepBack());
    const live = button('live', 'Live', () => aio.live());
    const stop = button('stop', 'Stop', () => aio.stop());
    // Going back: a slider over the recorded iterations; the arrow keys move it one at a time.
    scrubber = el('input', { id: 'mirror-scrubber', type: 'range', min: '0', max: '0', step: '1', value: '0' });
    scrubber.addEventListener('input', () => { change({ seek: Number(scrubber.value) }); window.aioMirror.update(); });
    // A task's changes, one at a time: the iteration before or after the one shown in which it changed.
    taskPick = el('select', { id: 'mirror-task-pick' });
    const taskChange = (direction) => () => change({ task_change: { id: Number(taskPick.value), direction } });
    scrubberBox = el('div', { hidden: true },
      el('p', {}, el('label', { for: 'mirror-scrubber', text: 'Iteration shown' }), scrubber),
      el('p', {}, el('label', { for: 'mirror-task-pick', text: 'Task' }), taskPick,
        button('task-prev', 'Its previous change', taskChange(-1)), button('task-next', 'Its next change', taskChange(1))));
    const reset = button('reset', 'Reset to defaults', () => {
      const form = change({ reset: true });
      if (form) say(`Parameters reset to the defaults of ${form.demo}.`, null);
    });
    share = button('share', 'Share', () => window.aioShare.open());
    speedNote = el('span', { id: 'mirror-speed-note', text: speedRange });
    speed = el('input', { id: 'mirror-speed', type: 'number', min: '0.1', max: '10', step: '0.1', 'aria-describedby': 'mirror-speed-note' });
    speed.addEventListener('change', () => setSpeed());
    instant = el('input', { id: 'mirror-instant', type: 'checkbox' });
    instant.addEventListener('change', () => { setSpeed(); window.aioMirror.update(); });
    error = el('p', { id: 'mirror-error', role: 'alert' });
    refusal = el('p', { id: 'mirror-refusal', role: 'status' });   // a value refused as it is typed
    status = el('p', { id: 'mirror-status' });
    const keys = el('ul', { id: 'mirror-shortcuts' });
    for (const { keys: k, action } of shortcuts()) keys.append(el('li', { text: `${k}: ${action}` }));
    root.append(
      el('label', { for: 'mirror-demo', text: 'Demo' }), picker, about, fieldset, refusal,
      el('div', { role: 'group', 'aria-label': 'Run' }, run, pause, step, stepBack, live, stop, reset, share),
      scrubberBox,
      el('p', {}, el('label', { for: 'mirror-speed', text: 'Speed' }), speed, speedNote),
      el('p', {}, instant, el('label', { for: 'mirror-instant', text: 'Instant (no waiting)' })),
      status, shownRun, error,
      el('h2', { id: 'mirror-shortcuts-heading', text: 'Keyboard shortcuts, with the canvas focused' }), keys);
    keys.setAttribute('aria-labelledby', 'mirror-shortcuts-heading');
  }

  // A refused speed is said as a parameter's refusal is: marked invalid, described, and announced.
  function setSpeed() {
    if (instant.checked) return attempt(() => aio.setSpeed('instant'));
    const x = speed.value === '' ? NaN : Number(speed.value);
    try {
      aio.setSpeed(x);
      speed.removeAttribute('aria-invalid');
      speedNote.textContent = speedRange;
      if (refusalAbout === speedKey) say('', null);
    } catch (e) {
      speed.setAttribute('aria-invalid', 'true');
      speedNote.textContent = `Speed ${speed.value === '' ? 'is empty' : `${speed.value} is refused`}: it must be from 0.1 to 10; or check Instant.`;
      say(speedNote.textContent, speedKey);
    }
  }

  // The polite status region: a refusal (about `field`, to clear once that field is valid or gone)
  // or a form-wide note (field null).
  function say(text, field) {
    clearTimeout(refusalTimer);
    refusalAbout = text ? field : null;
    if (refusal.textContent !== text) refusal.textContent = text;
  }

  // One parameter's control: a checkbox, a number, a line of text or (the crawler's urls) a text area.
  function buildField(f) {
    const id = `mirror-param-${f.name}`;
    const note = el('span', { id: `${id}-note` });
    let input;
    if (f.kind === 'bool') input = el('input', { type: 'checkbox' });
    else if (f.kind === 'text') input = el('textarea', { rows: 4 });
    else if (f.kind === 'int_list') input = el('input', { type: 'text', inputMode: 'numeric', autocomplete: 'off' });
    else input = el('input', { type: 'number', min: String(f.min), max: String(f.max), step: f.kind === 'int' ? '1' : 'any', autocomplete: 'off' });
    input.id = id;
    input.setAttribute('aria-describedby', note.id);
    const entry = { name: f.name, input, note, restore: null };
    const send = () => change(f.kind === 'bool' ? { param: f.name, value: input.checked } : { param: f.name, value: input.value });
    input.addEventListener(f.kind === 'bool' ? 'change' : 'input', () => { send(); announceRefusal(entry); });
    input.addEventListener('focus', () => { entry.restore = f.kind === 'bool' ? input.checked : input.value; });
    // Esc gives up the edit: the value the field had when it took the focus comes back.
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || entry.restore === null) return;
      e.preventDefault();
      if (f.kind === 'bool') input.checked = entry.restore; else input.value = entry.restore;
      send();
    });
    const label = el('label', { for: id, text: f.name });
    fieldsBox.append(el('div', { class: 'mirror-field' }, label, ' ', input, ' ', note));
    fields[f.name] = entry;
  }

  // Says the field's problem in the live region once typing pauses (marked invalid and described
  // by it at once); a value accepted again clears it, so the same refusal later is said again.
  function announceRefusal(entry) {
    clearTimeout(refusalTimer);
    refusalTimer = setTimeout(() => {
      if (entry.input.getAttribute('aria-invalid') === 'true') say(entry.note.textContent, entry.name);
      else if (refusalAbout === entry.name) say('', null);
    }, refusalPause);
  }

  // The form as the app holds it. A field being typed in keeps its text: the app has it already.
  function render(form) {
    if (form.demo !== demoShown) {
      demoShown = form.demo;
      fieldsBox.replaceChildren();
      fields = {};
      legend.textContent = `Parameters of ${form.demo}`;
      about.textContent = aio.source(form.demo).summary;
      for (const f of form.fields) buildField(f);
    }
    if (picker.value !== form.demo) picker.value = form.demo;
    picker.disabled = !form.picker;   // embed mode names the demo on the canvas instead
    share.hidden = form.embed;        // and has the link to the full playground instead (#open-full)
    for (const f of form.fields) {
      const { input, note } = fields[f.name];
      if (f.kind === 'bool') input.checked = f.checked;
      else if (document.activeElement !== input && input.value !== f.text) input.value = f.text;
      note.textContent = f.problem || f.note;
      if (f.problem) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    }
    if (error.textContent !== (form.error || '')) tell(form.error);
    const field = form.fields.find((f) => f.name === refusalAbout);
    if (refusalAbout && refusalAbout !== speedKey && !field?.problem) say('', null);
  }

  // Where the run stands: the buttons' names and states follow it as the canvas's do.
  function renderRun(run) {
    const live = run.status === 'running' || run.status === 'paused';
    const rec = run.recording;
    const past = !rec.live;
    const set = (b, label, enabled) => {
      if (b.textContent !== label) b.textContent = label;
      b.setAttribute('aria-disabled', String(!enabled));
    };
    set(buttons.run, live ? 'Restart' : 'Run', true);
    set(buttons.pause, (past ? !rec.replaying : run.status === 'paused') ? 'Resume' : 'Pause', live || past);
    set(buttons.step, 'Step', true);   // with nothing to step, it starts the run paused at iteration 0
    set(buttons['step-back'], 'Step back', run.status !== 'idle' && (past ? run.iteration > rec.first : rec.last > rec.first));
    buttons.live.hidden = !past;
    set(buttons.stop, 'Stop', live);
    scrubberBox.hidden = run.status === 'idle' || rec.last <= rec.first;
    if (scrubber.max !== String(rec.last)) scrubber.max = String(rec.last);
    if (scrubber.min !== String(rec.first)) scrubber.min = String(rec.first);
    if (document.activeElement !== scrubber || !past) scrubber.value = String(run.iteration);
    const names = run.tasks.map((t) => `${t.id}:${t.name}`).join('|');
    if (taskPick.dataset.names !== names) {
      const chosen = taskPick.value;
      taskPick.dataset.names = names;
      taskPick.replaceChildren(...run.tasks.map((t) => el('option', { value: String(t.id), text: t.name })));
      if (run.tasks.some((t) => String(t.id) === chosen)) taskPick.value = chosen;
    }
    const valueText = `iteration ${run.iteration} of ${rec.last}${past ? ' (going back)' : ''}`;
    if (scrubber.getAttribute('aria-valuetext') !== valueText) scrubber.setAttribute('aria-valuetext', valueText);
    const isInstant = run.speed === 'instant';
    instant.checked = isInstant;
    speed.setAttribute('aria-disabled', String(isInstant));
    speed.readOnly = isInstant;   // focusable while Instant is on, as the run buttons: it keeps its Tab stop and says why
    if (isInstant) {
      speed.removeAttribute('aria-invalid');
      if (refusalAbout === speedKey) say('', null);
    }
    const note = isInstant ? 'Instant is on: the run does not wait; uncheck Instant to set a speed, 0.1 to 10' : speed.getAttribute('aria-invalid') === 'true' ? speedNote.textContent : speedRange;
    if (speedNote.textContent !== note) speedNote.textContent = note;
    if (!isInstant && document.activeElement !== speed && speed.getAttribute('aria-invalid') !== 'true')
      speed.value = String(Math.round(run.speed * 100) / 100);
    const text = past ? `going back: showing iteration ${run.iteration} of ${rec.last} as it was, t = ${run.time.toFixed(2)} s${rec.replaying ? ', replaying' : ''}`
      : `${run.status}, t = ${run.time.toFixed(2)} s, iteration ${run.iteration}`;
    if (status.textContent !== text) status.textContent = text;
    // Another demo picked since the run: the views still show the run's, and say so (as the canvas does).
    const other = run.demo && run.demo !== picker.value
      ? `The views show the previous run, of ${run.demo} (${run.status}). Run starts ${picker.value}.` : '';
    if (shownRun.textContent !== other) shownRun.textContent = other;
  }

  // The mirror control for a canvas landmark, and back: which widget to outline.
  function landmarkOf(node) {
    if (node === picker) return 'demo';
    if (node === speed) return 'speed';
    if (node === instant) return 'instant';
    if (node === scrubber) return 'history';
    for (const [name, b] of Object.entries(buttons)) if (node === b) return name;
    for (const [name, f] of Object.entries(fields)) if (node === f.input) return `param:${name}`;
    return null;
  }

  window.aioMirrorForm = { build, render, renderRun, landmarkOf };
})();
