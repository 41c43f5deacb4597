// The page's service worker: keeps the files of one deployment in a cache named after its build
// hash, so the page opens and runs without a network after a first visit. Network first: while
// the server answers, every visit gets its current files (a dev build never runs stale); the cache
// answers only when the request fails. A new deployment changes this file (web/tools/
// service_worker.py writes the build below), which makes the browser install it: it caches the
// new files, takes over at once and deletes the older deployments' caches.
const build = { version: '', files: [] };   // written in by web/tools/service_worker.py
const cacheName = `aio-playground-${build.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName)
    .then((cache) => cache.addAll(build.files.map((f) => new Request(f, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('aio-playground-') && n !== cacheName)
                                      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(fetch(request).catch(async (offline) => {
    // Matched by name, never opened: opening would make again a cache a newer worker deleted.
    // A visit of the folder ("/aio/", "/aio/?demo=…") is a visit of its index.html.
    const kept = await caches.match(request, { ignoreSearch: true, cacheName }) ||
                 (request.mode === 'navigate' ? await caches.match('index.html', { cacheName }) : undefined);
    if (kept) return kept;
    throw offline;
  }));
});
