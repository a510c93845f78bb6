/*
 * Soát's service worker: the page's files, cached on the first visit, answer every later visit,
 * so that the page works with no network. The build fills in the file list and its version.
 */
const version = '__SOAT_VERSION__';
const assets = __SOAT_ASSETS__;
const cacheName = `soat-${version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(assets.map((asset) => new Request(asset, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('soat-') && k !== cacheName).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(cacheName).then(async (cache) => {
      const hit =
        (await cache.match(event.request, { ignoreSearch: true })) ??
        (event.request.mode === 'navigate' ? await cache.match('index.html') : undefined);
      return hit ?? fetch(event.request);
    }),
  );
});
