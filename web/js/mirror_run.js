// The mirror's picture of the run: the views as an ARIA tablist that brings the same view forward
// on the canvas, each view in words under it, the task table (its first rows), the console as a
// log, and the narration as a polite live region paced for a screen reader. Filled from
// aio._mirror and aio._form.
(function () {
  'use strict';
  const maxRows = 50;           // the table's rows: the first tasks, by id
  const maxLines = 200;         // console lines kept in the DOM: the latest
  const narrationPace = 2000;   // ms between two announcements of a running run at most: the latest iteration told
  const spokenLength = 200;     // characters of one announcement at most (about 12 s of speech); the history has it all

  // What each view shows, for its tab panel (the canvas draws the view itself).
  const about = {
    tasks: 'Tasks: every task with its state, what it waits on, its await stack and result. The table below lists them.',
    timeline: 'Timeline: a row per task and a span per state over loop time. In words below: each of the first 20 tasks, its latest intervals.',
    tree: 'Await tree: who awaits whom. Below as a nested list: each live task nobody awaits, under it the tasks it awaits.',
    source: 'Source: the demo\'s Python script, each waiting task marked on the line of its await (the table\'s line column).',
    resources: 'Resources: each resource the run uses, its level against its capacity, and who waits on it, listed below.',
    pages: 'Pages: each page fetched, its status, size and links.',
    summary: 'Summary: what the run amounted to: elapsed, work waited, time saved.',
    loop: 'Event loop: the iteration, the callbacks ready to run, the timers and the requests in flight, listed below.',
  };
  const title = (v) => about[v].split(':')[0];
  const worded = new Set(['resources', 'tree', 'loop', 'timeline', 'pages', 'source']);   // views the app puts in words (view_words)

  let tablist, panel, caption, tbody, log, live, history, filesBox;
  const maxHistory = 100;   // accounts the history list keeps, the latest
  let views = [], front = null;
  const detail = document.createElement('pre');   // the view's own words, under the tab's line
  const words = document.createElement('div');    // a worded view's nested lists
  const scripts = {};                              // each demo's script with line numbers
  let shownText = null, shownWords = null;
  let run = 0, lines = 0;        // the run shown, and how many of its console lines the log has had
  let told = { number: 0, at: -Infinity, timer: null };   // number: the last account told (its Account::number)
  let viewMoved = '';   // the tablist left a view the new run's demo lacks: said with the next announcement

  function build({ viewsBox, tasksBox, filesBox: files, consoleBox, narrationBox }) {
    filesBox = files;
    tablist = document.createElement('div');
    tablist.setAttribute('role', 'tablist');
    tablist.setAttribute('aria-label', 'Views');
    panel = document.createElement('div');
    panel.id = 'mirror-view-panel';
    panel.setAttribute('role', 'tabpanel');
    viewsBox.append(tablist, panel);
    tablist.addEventListener('keydown', onTabKey);
    const table = document.createElement('table');
    table.id = 'mirror-task-table';
    caption = table.createCaption();
    const head = table.createTHead().insertRow();
    for (const name of ['name', 'state', 'waiting on', 'time left', 'line', 'await stack', 'result']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = name;
      head.append(th);
    }
    tbody = table.createTBody();
    tasksBox.append(table);
    log = consoleBox;
    live = narrationBox;
    history = document.getElementById('mirror-history');
  }

  function choose(view, focus) {
    try { aio._form({ view }); } catch (e) { return; }
    front = null;   // the next update marks it
    renderViews(views, view);
    if (focus) tablist.querySelector(`[data-view="${view}"]`)?.focus();
  }

  // Arrow keys move between tabs and bring each forward (the APG's tabs with automatic activation).
  function onTabKey(e) {
    const i = views.indexOf(e.target.dataset.view);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: views.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    choose(views[(to + views.length) % views.length], true);
  }

  function renderViews(list, view, demo) {
    if (list.join() !== views.join()) {
      if (front && !list.includes(front) && list.includes(view)) viewMoved = `${title(front)} is not part of ${demo}: showing ${title(view)}.`;
      views = list;
      tablist.replaceChildren(...list.map((v) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.id = `mirror-tab-${v}`;
        tab.dataset.view = v;
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-controls', panel.id);
        tab.textContent = title(v);
        tab.addEventListener('click', () => choose(v, false));
        return tab;
      }));
      front = null;
    }
    if (view === front) return;
    front = view;
    for (const tab of tablist.children) {
      const on = tab.dataset.view === view;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `mirror-tab-${view}`);
    panel.replaceChildren(Object.assign(document.createElement('p'), { textContent: about[view] }), detail, words);
    detail.replaceChildren();
    words.replaceChildren();
    shownText = null;
    shownWords = null;
  }

  // What a view says in words, under its tab: the Summary's sentences and its comparison with the
  // blocking twin, the Source's script with its line numbers (the table's line column points into
  // it) and the lines tasks wait at; the Resources, Await tree, Event loop, Timeline and Pages
  // views as nested lists.
  function renderDetail(state, demo) {
    let text = '';
    if (front === 'summary') text = [...state.summary, ...(state.comparison.length ? ['', 'Compared with the blocking twin:', ...state.comparison] : [])].join('\n');
    else if (front === 'source' && demo) {
      if (!scripts[demo]) scripts[demo] = aio.source(demo).python.split('\n').map((line, i) => `${i + 1}: ${line}`).join('\n');
      text = scripts[demo];
    }
    if (text !== shownText) {
      shownText = text;
      detail.textContent = text;
      detail.hidden = text === '';
    }
    const nodes = worded.has(front) ? state.view_words : [];
    const key = JSON.stringify(nodes);
    if (key === shownWords) return;
    shownWords = key;
    words.replaceChildren(...(nodes.length ? [list(nodes, title(front))] : []));
  }

  // Nodes {text, items} as nested lists, as a screen reader reads a tree of lists (item n of m, level k).
  function list(nodes, label) {
    const ul = document.createElement('ul');
    if (label) ul.setAttribute('aria-label', label);
    for (const node of nodes) {
      const li = document.createElement('li');
      li.textContent = node.text;
      if (node.items?.length) li.append(list(node.items));
      ul.append(li);
    }
    return ul;
  }

  function renderTasks(state) {
    const shown = state.tasks.length;
    const text = state.task_count === 0 ? 'Tasks: none yet'
      : shown < state.task_count ? `Tasks: first ${shown} of ${state.task_count.toLocaleString('en')} tasks, ${state.live_tasks.toLocaleString('en')} not finished`
      : `Tasks: ${state.task_count} ${state.task_count === 1 ? 'task' : 'tasks'}, ${state.live_tasks} not finished`;
    if (caption.textContent !== text) caption.textContent = text;
    while (tbody.rows.length > shown) tbody.deleteRow(-1);
    state.tasks.forEach((t, i) => {
      const row = tbody.rows[i] || tbody.insertRow();
      const cells = [t.name, t.state, t.waiting_on ?? '', t.time_left === null ? '' : `${t.time_left.toFixed(2)} s`,
        t.line === null ? '' : String(t.line), t.stack.join(' \u2192 '), t.result ?? ''];
      cells.forEach((value, c) => {
        const cell = row.cells[c] || row.insertCell();
        if (cell.textContent !== value) cell.textContent = value;
      });
    });
  }

  // A Download button per file the run wrote, as the Pages view has.
  function renderFiles(state) {
    const names = state.files.join('\n');
    if (filesBox.dataset.names === names && filesBox.childElementCount) return;
    filesBox.dataset.names = names;
    filesBox.replaceChildren(...(state.files.length ? state.files.map((name) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `Download ${name}`;
      b.addEventListener('click', () => { try { aio._form({ download: name }); } catch (e) { /* the run that wrote it was replaced */ } });
      return b;
    }) : [Object.assign(document.createElement('p'), { textContent: 'None yet.' })]));
  }

  function renderConsole(state) {
    for (const text of state.output) {
      const line = document.createElement('div');
      line.textContent = text;
      log.append(line);
    }
    lines = state.output_from + state.output.length;
    while (log.childElementCount > maxLines) log.firstElementChild.remove();
  }

  // What a status change sounds like: a run starting, pausing, finishing or stopping is said, since
  // the status line beside the buttons is not a live region (it changes every frame).
  const statusWords = (state) => ({
    running: told.status === 'paused' && state.run === told.run ? `Resumed at t = ${state.time.toFixed(2)} s.` : `Running ${state.demo}.`,
    paused: `Paused at t = ${state.time.toFixed(2)} s.`,
    finished: `Finished at t = ${state.time.toFixed(2)} s.`, stopped: `Stopped at t = ${state.time.toFixed(2)} s.`,
  })[state.status] ?? '';

  // An account in at most `room` characters: its heading, as many of its first sentences as fit
  // (the first one always, cut at a word if it alone is too long), and how many more there are.
  function spoken(latest, room) {
    const more = (n) => (n > 0 ? ` And ${n} more ${n === 1 ? 'sentence' : 'sentences'} in the Explain view.` : '');
    let text = `${latest.heading}:`, said = 0;
    for (const sentence of latest.sentences) {
      if (said > 0 && `${text} ${sentence}${more(latest.sentence_count - said - 1)}`.length > room) break;
      text += ` ${sentence}`;
      said += 1;
    }
    const tail = more(latest.sentence_count - said);
    if (text.length + tail.length > room) {
      const cut = text.slice(0, Math.max(0, room - tail.length - 1));
      text = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), latest.heading.length + 1))}\u2026`;
    }
    return text + tail;
  }

  // A status change, the latest iteration's account, and how many were passed over. A running run
  // is told one pace at a time; a status change, a moved tab and a paused run's steps at once (the
  // listener asked for them), the latest step of several quicker than the mirror's update.
  function renderNarration(state) {
    const accounts = state.narration;
    const latest = accounts?.latest;
    const news = latest && latest.number > told.number;
    const change = state.status !== told.status || state.run !== told.run;
    if (!news && !change && !viewMoved) return;
    const wait = change || viewMoved || state.status === 'paused' ? 0 : told.at + narrationPace - performance.now();
    if (wait > 0) {
      if (!told.timer) told.timer = setTimeout(() => { told.timer = null; window.aioMirror.update(); }, wait);
      return;
    }
    clearTimeout(told.timer);
    const said = [];
    if (change) said.push(statusWords(state));
    said.push(viewMoved);
    viewMoved = '';
    if (news) {
      // The accounts passed over and the one read out go to the history list, in full, to read back.
      for (const a of accounts.recent) {
        const last = history.lastElementChild;
        if (last && a.number <= Number(last.dataset.number)) continue;
        const item = document.createElement('li');
        item.dataset.number = a.number;
        item.textContent = a.text;
        history.append(item);
      }
      while (history.childElementCount > maxHistory) history.firstElementChild.remove();
      const skipped = accounts.after - 1;
      const note = skipped > 0 ? ` (${skipped} earlier ${skipped === 1 ? 'iteration' : 'iterations'} not read out.)` : '';
      // The status change is said whole; the account gets what is left of the short form.
      const room = spokenLength - (said.filter(Boolean).join(' ').length + 1) - note.length;
      said.push(spoken(latest, room) + note);
    }
    live.textContent = said.filter(Boolean).join(' ');
    told = { number: news ? latest.number : told.number, status: state.status, run: state.run, at: performance.now(), timer: null };
  }

  // The console lines this mirror has, so the app sends only the new ones; and the narration's.
  // The words of the view in front come too: the app builds none for a view without them.
  const query = () => ({ rows: maxRows, outputFrom: lines, narrationFrom: told.number, words: true });
  // A new run, or an earlier iteration shown: the console and narration are read again from their start.
  let shownIteration = 0;
  const isNewRun = (state) => state.run !== run || state.iteration < shownIteration || state.output_count < lines;
  function forget(state) {
    run = state.run;
    shownIteration = state.iteration;
    lines = Math.max(0, state.output_count - maxLines);   // read again only the lines the log keeps
    log.replaceChildren();
    clearTimeout(told.timer);
    told = { number: 0, status: told.status, run: told.run, at: told.at, timer: null };
    history.replaceChildren();
  }

  function render(state, form) {
    shownIteration = state.iteration;
    renderViews(form.views, form.view, state.demo ?? form.demo);
    renderDetail(state, state.demo ?? form.demo);
    renderTasks(state);
    renderFiles(state);
    renderConsole(state);
    renderNarration(state);
  }

  function landmarkOf(node) {
    if (node.getAttribute?.('role') === 'tab') return `tab:${node.dataset.view}`;
    return null;
  }

  window.aioMirrorRun = { build, render, query, isNewRun, forget, landmarkOf };
})();
