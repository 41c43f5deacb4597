// Opening a run file (Save run's, playground/state/run_file.hpp): from the page's file picker
// (Open run…) or dropped anywhere on the page. The run is told again at once, with nothing from
// outside; a file that does not read, or a replay that took another path, is said in the page's
// notice (the one a link's refused keys use).
(function () {
  'use strict';
  const input = document.getElementById('run-file-input');

  async function openFile(file) {
    if (!file) return;
    let text;
    try {
      text = await file.text();
    } catch (e) {
      window.aioLink.notice([`${file.name}: the file could not be read (${e.message})`]);
      return;
    }
    try {
      const { problems } = aio._openRun(text);
      window.aioLink.notice(problems.map((p) => `${file.name}: ${p}`));
    } catch (e) {
      window.aioLink.notice([`${file.name}: not opened: ${e.message.replace(/^aio\.openRun: /, '')}`]);
    }
  }

  input.addEventListener('change', () => {
    openFile(input.files[0]);
    input.value = '';   // the same file again opens again
  });
  // A file dragged over the page may be dropped there: the browser would otherwise open it itself.
  const carriesFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (e) => { if (carriesFiles(e)) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    openFile(e.dataTransfer.files[0]);
  });

  window.aioRunFile = { open: () => input.click(), openFile };
})();
