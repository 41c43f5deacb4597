// The playground's state in its address, as PhET's query parameters and Compiler Explorer's links:
// a link's keys (the hash's, else the query string's) become the page API's calls, checked there,
// and the hash follows what the controls show, so the address is always a permalink.
(function () {
  'use strict';
  const general = ['demo', 'speed', 'view', 'run', 'embed', 'picker', 'views', 'theme', 'at'];
  const flags = new Map([['1', true], ['true', true], ['0', false], ['false', false]]);
  let options = { embed: false, picker: false, views: null, theme: null, run: false, at: null };
  let problems = [];
  let suggestion = null;   // {keys, demo}: the link again with the demo name it most likely meant
  let attached = false;
  // Each demo's parameters, asked once: aio.params asks for a frame, and an idle page draws none.
  const paramsCache = {};
  const paramsOf = (demo) => (paramsCache[demo] ??= aio.params(demo));
  let demoNames = null;
  const demos = () => (demoNames ??= aio.demos());   // so too the demos' names

  // Keys to raw text: the query string's, then the hash's over them. A key given twice: the last.
  // keys.fromQuery: the keys only the query string gives.
  function read(loc) {
    const keys = new Map();
    keys.fromQuery = new Set();
    for (const [k, v] of new URLSearchParams(loc.search.slice(1))) { keys.delete(k); keys.set(k, v); keys.fromQuery.add(k); }
    for (const [k, v] of new URLSearchParams(loc.hash.slice(1))) { keys.delete(k); keys.set(k, v); keys.fromQuery.delete(k); }
    return keys;
  }
  // Every demo's parameter names: a key in the query string that is none of them, nor one of ours,
  // is someone else's (utm_source, a version to bust caches) and goes without a word.
  const anyParameter = (key) => demos().some((d) => Object.hasOwn(paramsOf(d), key));

  // What a value in the link reads as, for the kind the page API gives its parameter: text that
  // does not read stays text, so the app's own check names it ("must be a whole number, got ...").
  const number = (raw) => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw.trim()) ? Number(raw) : raw);
  function valueOf(kind, raw) {
    if (kind === 'bool') return flags.has(raw) ? flags.get(raw) : raw;
    if (kind === 'int' || kind === 'float') return number(raw);
    if (kind === 'int_list') return raw.trim() === '' ? [] : raw.split(',').map(number);
    return raw;   // text: URLSearchParams has decoded it already
  }
  const expected = (spec) => ({
    bool: '1, 0, true or false',
    int: `a whole number ${spec.min}–${spec.max}`,
    float: `a number ${spec.min}–${spec.max}`,
    int_list: `whole numbers ${spec.min}–${spec.max} separated by commas, at most ${spec.max_items}`,
    text: 'URL-encoded text, one item a line',
  })[spec.kind];
  // A value as the link writes it.
  const linkText = (v) => (Array.isArray(v) ? v.join(',') : String(v));
  const shortText = (v) => { const s = linkText(v); return s.length > 40 ? 'its default' : s; };

  // Sets the page to what `keys` say. A bad key or value is named in `problems`; that key keeps
  // its default and the rest applies.
  function apply(keys) {
    problems = [];
    suggestion = null;
    options = { embed: false, picker: false, views: null, theme: null, run: false, at: null };
    const say = (key, message, using) => {
      const raw = keys.get(key);
      const shown = raw.length > 40 ? raw.slice(0, 40) + '…' : raw;
      problems.push(`${key}=${shown} in the link: ${message.replace(/^aio\.\w+: /, '')}; ${using}`);
    };
    const flag = (key) => {
      if (!keys.has(key)) return false;
      if (flags.has(keys.get(key))) return flags.get(keys.get(key));
      say(key, 'expected 1, 0, true or false', 'using 0');
      return false;
    };
    const tryCall = (key, action, using) => { try { action(); return true; } catch (e) { say(key, e.message, using); return false; } };

    if (keys.has('theme')) {
      if (['light', 'dark'].includes(keys.get('theme'))) options.theme = keys.get('theme');
      else say('theme', 'expected light or dark', "using the system's");
    }
    window.aioTheme?.choose(options.theme);
    options.embed = flag('embed');
    options.picker = flag('picker');
    if (keys.has('views')) {
      const names = keys.get('views').split(',');
      const bad = names.filter((v) => !aio._views.includes(v));
      if (bad.length) say('views', `expected view names from ${aio._views.join(', ')} separated by commas, got ${bad.map((v) => JSON.stringify(v)).join(', ')}`, 'using every view');
      else options.views = names;
    }
    options.run = flag('run');
    aio._embed({ embed: options.embed, picker: options.picker, views: options.views });
    document.documentElement.classList.toggle('embed', options.embed);   // page.css: the notice sits low

    let demo = aio._form().demo;
    let demoRefused = false;
    if (keys.has('demo')) {
      const names = demos();
      if (names.includes(keys.get('demo'))) demo = keys.get('demo');
      else {
        demoRefused = true;
        const near = nearest(keys.get('demo'), names);
        if (near) suggestion = { keys, demo: near };
        say('demo', `expected one of ${names.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`, `using ${demo}`);
      }
    }
    // The crawler fetches with this page's origin: a page elsewhere framing this one must not
    // choose its URLs by the link either (the bridge refuses them the same way).
    if (keys.has('urls') && framedElsewhere()) {
      say('urls', `refused in a frame from another origin: the page fetches those URLs with its own origin (${location.origin})`, 'using the default URLs');
      keys.delete('urls');
    }
    const spec = paramsOf(demo);
    const given = {};
    const orphans = [];   // keys meant for the demo the link named, when that name was refused
    const unknown = [];   // keys of no use here, named in one line
    for (const key of keys.keys()) {
      if (Object.hasOwn(spec, key)) given[key] = valueOf(spec[key].kind, keys.get(key));
      else if (general.includes(key)) continue;
      else if (keys.fromQuery?.has(key) && !anyParameter(key)) console.info(`The playground leaves the query string's ${key} to others.`);
      else if (demoRefused) orphans.push(key);
      else unknown.push(key);
    }
    if (orphans.length)
      problems.push(`${orphans.join(', ')} in the link: not applied, since ${demo}, used instead of the demo the link names, has no such parameters`);
    if (unknown.length) {
      const shown = unknown.map((k) => { const v = keys.get(k); return `${k}=${v.length > 40 ? v.slice(0, 40) + '…' : v}`; });
      problems.push(`${shown.join(', ')} in the link: ${demo} has no parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` +
                    `the keys are ${general.join(', ')} and ${demo}'s parameters ${Object.keys(spec).join(', ')}; ignored`);
    }
    if (keys.has('demo') || Object.keys(given).length) {
      // Each value as the app checks it (aio.show changes nothing when it refuses): the whole set,
      // else one by one, so every bad one is named and the others still apply.
      if (!tryShow(demo, given)) {
        const accepted = {};
        for (const [key, value] of Object.entries(given)) {
          if (tryCall(key, () => withoutDemo(demo, () => aio.show(demo, { ...accepted, [key]: value })),
                      `expected ${expected(spec[key])}; using ${shortText(spec[key].default)}`)) accepted[key] = value;
        }
        aio.show(demo, accepted);
      }
    }
    // A key the link leaves out takes its default, also in a link typed into an open page.
    if (keys.has('speed')) {
      const raw = keys.get('speed');
      if (!tryCall('speed', () => aio.setSpeed(raw === 'instant' ? raw : number(raw)), 'using 1')) aio.setSpeed(1);
    } else aio.setSpeed(1);
    if (keys.has('at')) {
      const raw = keys.get('at');
      if (!/^\d{1,15}$/.test(raw)) say('at', 'expected a whole number of loop iterations, 0 or more', 'not applied');
      else if (demoRefused) problems.push(`at=${raw} in the link: not applied, since the demo it names was refused`);
      else options.at = Number(raw);
    }
    if (options.run && demoRefused) problems.push('run=1 in the link: not applied, since the demo it names was refused');
    else if (options.at !== null) goTo(options.at);
    else if (options.run) aio._form({ run: true });
    const firstView = () => aio._form().views[0];
    if (keys.has('view')) {
      const view = keys.get('view');
      const shown = demoRefused && !aio._form().views.includes(view)
        ? (problems.push(`view=${view} in the link: not applied, since ${demo} has no such view`), false)
        : tryCall('view', () => aio.showView(view), `using ${firstView()}`);
      if (!shown) aio.showView(firstView());
    } else aio.showView(firstView());
    tell(problems);
  }
  // at=k: the run stepped, paused, exactly to iteration k, and left paused there at the link's speed,
  // so every visit shows the same run as far as the same iteration. Past the run's end, its end,
  // and the notice says so.
  let going = 0;   // which goTo is current: a newer link replaces a pending one
  function goTo(k) {
    const mine = ++going;
    const speed = speedNow();
    aio.setSpeed('instant');
    aio._form({ run: 'paused' });
    const run = aio.snapshot().run;
    const check = () => {
      if (mine !== going) return;
      for (let stepped = -1; ;) {
        const now = aio._mirror(0, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER);
        if (now.run !== run) return;   // replaced by a run started meanwhile
        const ended = now.status === 'finished' || now.status === 'stopped';
        if (ended || now.iteration >= k || now.status !== 'paused') break;
        // A step waiting on a response runs no iteration: it is tried again shortly.
        if (now.iteration === stepped) { setTimeout(check, 16); return; }
        stepped = now.iteration;
        aio.step();
      }
      const h = aio.history();
      aio.setSpeed(speed);
      if (k > h.last) {
        problems.push(`at=${k} in the link: the run has ${h.last} iterations; showing its end`);
        tell(problems);
      }
      paced.now();
    };
    check();
  }
  function framedElsewhere() {
    if (window.parent === window) return false;
    try { return window.parent.location.origin !== location.origin; } catch { return true; }
  }
  // The app's refusals start "queue: "; in the link's message the demo goes without saying.
  function withoutDemo(demo, action) {
    try { action(); } catch (e) { throw new Error(e.message.replace(/^aio\.\w+: /, '').replace(`${demo}: `, '')); }
  }
  function tryShow(demo, given) { try { aio.show(demo, given); return true; } catch { return false; } }

  // The demo name `name` most likely meant: one at most two edits away (Levenshtein), else null.
  function nearest(name, names) {
    const distance = (a, b) => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++)
          next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
      }
      return row[b.length];
    };
    const [best] = names.map((n) => [distance(name.toLowerCase(), n), n]).sort((x, y) => x[0] - y[0]);
    return best && best[0] <= 2 ? best[1] : null;
  }

  // The refused keys, in a visible notice that is also read out (role="alert"), with a button that
  // applies the link again with the demo it most likely meant.
  function tell(list) {
    const box = document.getElementById('link-problems');
    const items = box.querySelector('ul');
    items.replaceChildren(...list.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    const retry = document.getElementById('link-problems-retry');
    retry.hidden = !suggestion;
    if (suggestion) retry.textContent = `Use demo=${suggestion.demo}`;
    box.hidden = list.length === 0;
  }
  function close() {
    const box = document.getElementById('link-problems');
    const inside = box.contains(document.activeElement);
    tell([]);
    // The keyboard goes on to the controls rather than to the page's start.
    if (inside) document.getElementById('mirror-demo')?.focus();
  }

  // The run's speed as the link writes it: 'instant', or loop seconds per wall second to 3 digits.
  function speedNow() {
    const { speed } = aio._mirror(0, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER);
    return speed === 'instant' ? speed : Number(speed.toPrecision(3));
  }

  // The link to what the page shows now: the demo, each parameter that differs from its default
  // (as typed, while it reads), the speed and view when not the first ones, and the link's own
  // options. `extra`: keys to add ({run: 1}).
  function current(extra = {}) {
    const form = aio._form();
    const speed = speedNow();
    const specs = paramsOf(form.demo);
    const parts = [['demo', form.demo]];
    for (const f of form.fields) {
      if (f.problem) continue;
      const spec = specs[f.name];
      let text;
      if (f.kind === 'bool') {
        if (f.checked === spec.default) continue;
        text = String(f.checked);
      } else if (f.kind === 'int_list') {
        text = f.text.trim().split(/[\s,]+/).filter(Boolean).join(',');
        if (text === linkText(spec.default)) continue;
      } else if (f.kind === 'text') {
        if (f.text === spec.default) continue;
        text = f.text;
      } else {
        if (Number(f.text) === spec.default) continue;
        text = f.text;
      }
      parts.push([f.name, text]);
    }
    if (speed !== 1) parts.push(['speed', String(speed)]);
    // An earlier iteration shown, or the run paused: the link shows that iteration too.
    const shown = aio._mirror(0, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER);
    if (!shown.recording.live || shown.status === 'paused') parts.push(['at', String(shown.iteration)]);
    if (form.view !== form.views[0]) parts.push(['view', form.view]);
    if (options.theme) parts.push(['theme', options.theme]);
    if (options.embed) parts.push(['embed', '1']);
    if (options.picker) parts.push(['picker', '1']);
    if (options.views) parts.push(['views', options.views.join(',')]);
    for (const [k, v] of Object.entries(extra)) parts.push([k, String(v)]);
    return '#' + parts.map(([k, v]) => `${k}=${encode(v)}`).join('&');
  }
  // Percent-encoded, with the characters a hash may hold as they are (commas, slashes, colons).
  const encode = (v) => encodeURIComponent(v).replace(/%(2C|2F|3A|40)/g, (m) => decodeURIComponent(m));

  // The address, with `hash`, as a link anyone can open: the query string's keys moved into the hash.
  const href = (hash) => location.origin + location.pathname + hash;

  // The same setup in the full playground: the link without embed mode's keys.
  const fullHref = () => href(current().replace(/&(embed|picker|views)=[^&]*/g, ''));
  function openFull() { window.open(fullHref(), '_blank', 'noopener'); }

  // The query string as the address keeps it: others' keys (utm_source, v) stay, ours move to the hash.
  function othersQuery() {
    const kept = [...new URLSearchParams(location.search.slice(1))].filter(([k]) => !general.includes(k) && !anyParameter(k));
    return kept.length ? '?' + new URLSearchParams(kept).toString() : '';
  }

  // The hash follows the state, replaced (not pushed: no history entry per change) only when it changes.
  function follow() {
    const hash = current();
    const search = othersQuery();
    const full = document.getElementById('open-full');
    full.hidden = !options.embed;
    if (options.embed) full.href = fullHref();
    if (hash === location.hash && search === location.search) return;
    history.replaceState(history.state, '', location.pathname + search + hash);
  }
  function update() {
    if (!attached) return;
    try { follow(); } catch (e) { attached = false; console.error('The address stopped following the playground:', e); }
  }

  const paced = window.aioFrames.paced(update, 250);   // ms between two readings at most, as the mirror's
  function afterFrame() {
    if (attached) paced.soon();
  }

  function attach() {
    try { apply(read(location)); } catch (e) { console.error('The link could not be applied:', e); }
    // A hash typed into the address bar (or a link to this page followed) sets the page again.
    // (replaceState fires no hashchange: each one is a link followed, typed, or Back and Forward.)
    window.addEventListener('hashchange', () => {
      if (location.hash === current()) return;   // already what the page shows
      try { apply(read({ search: '', hash: location.hash })); } catch (e) { console.error('The link could not be applied:', e); }
      paced.now();
    });
    document.getElementById('link-problems-close').addEventListener('click', close);
    document.getElementById('link-problems-retry').addEventListener('click', () => {
      const { keys, demo } = suggestion;
      keys.set('demo', demo);
      try { apply(keys); } catch (e) { console.error('The link could not be applied:', e); }
      paced.now();
      if (document.getElementById('link-problems').hidden) document.getElementById('mirror-demo')?.focus();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !document.getElementById('link-problems').hidden && !document.querySelector('dialog[open]')) close();
    });
    attached = true;
    paced.now();
  }

  const copyOptions = () => ({ ...options, views: options.views && [...options.views], problems: [...problems] });
  window.aioLink = { attach, notice: tell, afterFrame, current, href, fullHref, openFull, options: copyOptions, share: () => window.aioShare.open() };
})();
