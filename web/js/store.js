// What the page keeps between visits:
// - IndexedDB "lookout"/"kv": the rollback state and last-seen clock, an
//   opaque JSON string written by the engine (wasm loadBundle);
// - Cache API "lookout-list": the last bundle that passed verification,
//   re-verified on every start and served by the service worker offline.

const DB_NAME = 'lookout';
const KV = 'kv';
const STATE_KEY = 'rollback-state';
export const LIST_CACHE = 'lookout-list';
export const LIST_URL = new URL('build/list.lkb', document.baseURI).href;

let dbp = null;
function db() {
  if (!dbp) {
    dbp = new Promise((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(KV);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
  }
  return dbp;
}

function tx(mode, fn) {
  return db().then((d) => new Promise((resolve, reject) => {
    const t = d.transaction(KV, mode);
    const req = fn(t.objectStore(KV));
    t.oncomplete = () => resolve(req.result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error('IndexedDB transaction aborted'));
  }));
}

export async function getState() {
  const v = await tx('readonly', (s) => s.get(STATE_KEY));
  return typeof v === 'string' ? v : '';
}

export function putState(json) { return tx('readwrite', (s) => s.put(json, STATE_KEY)); }

export async function getVerifiedBundle() {
  const c = await caches.open(LIST_CACHE);
  const r = await c.match(LIST_URL, { ignoreSearch: true });
  if (!r) return null;
  return { bytes: new Uint8Array(await r.arrayBuffer()), sha: r.headers.get('x-lookout-sha256') || '' };
}

export async function putVerifiedBundle(bytes, sha) {
  const c = await caches.open(LIST_CACHE);
  await c.put(LIST_URL, new Response(bytes, {
    headers: { 'content-type': 'application/vnd.lookout.list-bundle', 'x-lookout-sha256': sha },
  }));
}
