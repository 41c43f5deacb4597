// The single file's assets (web/tools/single_file.py inlines them): the wasm, the app's JavaScript
// and the fonts, each gzip'd then base64'd in a <script type="application/gzip;base64"> element.
// boot.js takes them from window.aioBundle instead of downloading them: nothing is fetched.
(function () {
  'use strict';
  // Standard in every browser that runs the wasm (it needs tail calls: Firefox 121+, Safari 18.2+).
  async function unpack(name) {
    const element = document.querySelector(`script[data-asset="${name}"]`);
    if (!element) throw new Error(`${name} is not inlined in this file: build it again with web/tools/dist.sh`);
    const packed = Uint8Array.from(atob(element.textContent.trim()), (c) => c.charCodeAt(0));
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  const siteUrl = 'http://127.0.0.1:8000/';   // where the terminal runner's crawl resolves too
  // Served over http, the file is the hosted page in one piece: its crawler fetches as that page's
  // does, and the note about running from disk would be false.
  const fromDisk = location.protocol === 'file:';
  if (!fromDisk) document.getElementById('offline-note')?.remove();
  window.aioBundle = {
    wasm: () => unpack('aio_playground.wasm'),
    fonts: () => ['ui', 'code'].map((role) => unpack(`web/fonts/${role}.ttf`)
      .then((bytes) => ({ role, bytes }))
      .catch((e) => { console.warn(`${role}.ttf: ${e.message}; using the built-in font`); return null; })),
    // Runs the app's loader as an inline script: a script element with a src would be a request.
    startApp: async () => {
      const script = document.createElement('script');
      script.textContent = new TextDecoder().decode(await unpack('aio_playground.js'));
      document.body.appendChild(script);
    },
    // For the Module, from disk: the crawler's relative URLs resolve against an http page address
    // (file:// has none), and any request the virtual network does not answer is refused with why.
    module: !fromDisk ? {} : {
      pageUrl: `${siteUrl}index.html`,
      networkRefusal: 'opened from disk, the playground makes no network requests: only the bundled ' +
        `sample site (${siteUrl}sample-site/) answers, on the virtual network, with virtual_network on. ` +
        'Serve the page over http to fetch other URLs',
    },
  };
})();
