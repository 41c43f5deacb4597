// Registers sw.js (the page's files kept for visits without a network) on a served page. Not on
// file:// (no service workers there), nor in the single file, which carries everything already.
// Also in an iframe: browsers keep an embedded page's worker and cache apart per embedding site.
(function () {
  'use strict';
  if (!/^https?:$/.test(location.protocol)) return;
  window.addEventListener('load', () => {
    if (window.aioBundle) return;
    let workers;
    try { workers = navigator.serviceWorker; } catch { return; }   // a sandboxed frame throws
    if (!workers) return;   // plain http on a host other than localhost, or an old browser
    workers.register('sw.js').catch((e) => console.info(`sw.js not registered, the page needs the network: ${e.message}`));
  });
})();
