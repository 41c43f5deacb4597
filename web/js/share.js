// The Share box (the canvas's and the mirror's Share buttons open it): a link to what the page
// shows and an iframe that embeds it, copied to the clipboard when the browser allows, and shown
// as selectable text whatever it allows.
(function () {
  'use strict';
  let dialog, link, embed, runAtOnce, status, leftOut;

  const attribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  function iframe(url, demo) {
    const title = `aio playground: ${aio.source(demo).title}`;
    // As wide as the lesson's column: a fixed width would stick out of a narrow one.
    return `<iframe src="${attribute(url)}" title="${attribute(title)}" width="100%" height="640" style="border:0" ` +
           'loading="lazy" allow="clipboard-write"></iframe>';
  }

  // The link as the page shows it now; with run=1 when asked (the address bar's never has it:
  // a permalink shows the setup, ready to Run). The iframe's adds embed=1.
  function fill() {
    const run = runAtOnce.checked ? { run: 1 } : {};
    link.value = aioLink.href(aioLink.current(run));
    const options = aioLink.options();
    embed.value = iframe(aioLink.href(aioLink.current({ ...(options.embed ? {} : { embed: 1 }), ...run })), aio._form().demo);
    // A field the page refuses is not in the link: say so, or the one who opens it gets its default unawares.
    const refused = aio._form().fields.filter((f) => f.problem);
    leftOut.hidden = refused.length === 0;
    leftOut.textContent = refused.length
      ? `Left out of the link, which gives ${refused.length === 1 ? 'it its default' : 'them their defaults'}: ` +
        refused.map((f) => f.problem).join('; ') + '. Fix it in the controls to share your value.'
      : '';
  }

  async function copy(text, what) {
    try {
      if (!navigator.clipboard) throw new Error('this page has no clipboard access; it needs https or localhost');
      await navigator.clipboard.writeText(text);
      status.textContent = `${what} copied to the clipboard.`;
    } catch (e) {
      // A frame whose iframe lacks allow="clipboard-write" is refused by the permissions policy.
      const why = /permissions policy/i.test(e.message)
        ? 'this playground is in a frame that does not allow the clipboard (its iframe needs allow="clipboard-write")'
        : `the browser refused (${e.message})`;
      status.textContent = `Not copied: ${why}. Select the text below and copy it.`;
    }
  }

  function build() {
    dialog = document.getElementById('share');
    link = document.getElementById('share-link');
    embed = document.getElementById('share-embed');
    runAtOnce = document.getElementById('share-run');
    status = document.getElementById('share-status');
    leftOut = document.getElementById('share-left-out');
    // Keys typed here are the box's: the app reads keys on window and would take an R as Run.
    for (const type of ['keydown', 'keypress', 'keyup']) dialog.addEventListener(type, (e) => e.stopPropagation());
    // The link changed: what the clipboard holds must change with it.
    runAtOnce.addEventListener('change', () => { fill(); copy(link.value, 'The link'); });
    document.getElementById('share-copy-link').addEventListener('click', () => copy(link.value, 'The link'));
    document.getElementById('share-copy-embed').addEventListener('click', () => copy(embed.value, 'The iframe'));
    document.getElementById('share-close').addEventListener('click', () => dialog.close());
    for (const box of [link, embed]) box.addEventListener('focus', () => box.select());
  }

  // Opens the box with the link selected, and copies the link.
  function open() {
    if (!dialog) build();
    fill();
    status.textContent = '';
    if (!dialog.open) dialog.showModal();
    link.focus();
    link.select();
    copy(link.value, 'The link');
  }

  window.aioShare = { open };
})();
