// Lookout's service worker: keeps the page, the engine and the last
// verified list so the page starts and screens with no network. It only
// caches static files; it never sees traveler data (checks are calls into
// the page's own wasm, not requests).
//
// Strategy: network first (every asset is revalidated, so a new build is
// picked up at once), falling back to the cache when the network fails.
// The list bundle is never cached here from the network: the page writes
// it to the "lookout-list" cache only after Go verified it.

const STATIC = 'lookout-static-v1';
const LIST_CACHE = 'lookout-list';
const ASSETS = [
  './', 'index.html', 'style.css', 'icon.svg',
  'js/app.js', 'js/engine.js', 'js/store.js', 'js/bundle.js', 'js/i18n.js', 'js/render.js', 'js/batch.js',
  'i18n/en.json', 'i18n/es.json',
  'build/wasm_exec.js', 'build/app.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(STATIC);
    await cache.addAll(ASSETS.map((a) => new Request(a, { cache: 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== STATIC && name !== LIST_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/build/list.lkb')) {
    event.respondWith(listBundle(req));
    return;
  }
  event.respondWith(networkFirst(req));
});

async function networkFirst(req) {
  const cache = await caches.open(STATIC);
  try {
    const res = await fetch(req);
    if (res.ok && res.type === 'basic') {
      // Skip rewriting an unchanged file (the 3 MB wasm on every start).
      const old = await cache.match(req, { ignoreSearch: true });
      const etag = res.headers.get('etag');
      if (!old || !etag || old.headers.get('etag') !== etag) {
        await cache.put(req, res.clone());
      }
    }
    return res;
  } catch (err) {
    const hit = await cache.match(req, { ignoreSearch: true })
      || (req.mode === 'navigate' ? await cache.match('./') || await cache.match('index.html') : undefined);
    if (hit) return hit;
    throw err;
  }
}

async function listBundle(req) {
  try {
    return await fetch(req);
  } catch (err) {
    const hit = await (await caches.open(LIST_CACHE)).match(req, { ignoreSearch: true });
    if (!hit) throw err;
    // Marked, so the page can say it is offline rather than up to date.
    const headers = new Headers(hit.headers);
    headers.set('x-lookout-offline', '1');
    return new Response(hit.body, { status: 200, headers });
  }
}
