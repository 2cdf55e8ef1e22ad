// Getting list bundle bytes: from the server (streamed, size-capped before
// the whole file is in memory) or from a file the officer picked. Trust is
// decided in Go, not here.

export const MAX_BUNDLE = 128 * 1024 * 1024; // web.MaxBundle
const MAGIC = [0x89, 0x4c, 0x4b, 0x42, 0x0d, 0x0a, 0x1a, 0x0a];

export class FetchError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

export async function fetchCapped(url, max = MAX_BUNDLE) {
  const ctrl = new AbortController();
  let res;
  try {
    res = await fetch(url, { cache: 'no-cache', signal: ctrl.signal });
  } catch (e) {
    throw new FetchError(e.message || String(e), 'offline');
  }
  if (res.status === 404) throw new FetchError('the server has no list bundle', 'missing');
  if (!res.ok) throw new FetchError(`HTTP ${res.status}`, 'http');
  const declared = Number(res.headers.get('content-length') || 0);
  if (!res.headers.get('content-encoding') && declared > max) {
    ctrl.abort();
    throw new FetchError(`the list bundle is ${declared} bytes, over the ${max}-byte limit`, 'too_large');
  }
  const reader = res.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      ctrl.abort();
      throw new FetchError(`the list bundle is over the ${max}-byte limit`, 'too_large');
    }
    chunks.push(value);
  }
  const out = concat(chunks, total);
  // The service worker answered from the stored copy: the network is down.
  out.offline = res.headers.get('x-lookout-offline') === '1';
  return out;
}

export async function readFileCapped(file, max = MAX_BUNDLE) {
  if (file.size > max) throw new FetchError(`${file.name} is ${file.size} bytes, over the ${max}-byte limit`, 'too_large');
  return new Uint8Array(await file.arrayBuffer());
}

function concat(chunks, total) {
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return out;
}

export function isBundle(bytes) {
  if (bytes.length < MAGIC.length) return false;
  return MAGIC.every((b, i) => bytes[i] === b);
}

// bundleDigests hashes a bundle once with WebCrypto and returns two views
// of it: payload, the SHA-256 of the payload (the bytes after the 16-byte
// envelope and the signed note, docs/bundle-format.md), which Go compares
// with the signed header instead of hashing tens of megabytes itself; and
// id, which names the whole file (the note's hash and the payload's), so
// the page can tell whether the server's list is the one in use. Bytes too
// short for an envelope get an id and no payload hash: Go rejects them at
// the envelope step.
export async function bundleDigests(bytes) {
  const n = bytes.length < 16 ? -1 : ((bytes[12] << 24) >>> 0) + (bytes[13] << 16) + (bytes[14] << 8) + bytes[15];
  if (n < 0 || 16 + n > bytes.length) return { id: await sha256hex(bytes), payload: '' };
  const [head, payload] = await Promise.all([sha256hex(bytes.subarray(0, 16 + n)), sha256hex(bytes.subarray(16 + n))]);
  return { id: head + payload, payload };
}

export async function sha256hex(bytes) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}
