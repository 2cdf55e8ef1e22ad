// The screening engine: Go compiled to WebAssembly, reached through the
// JSON-in/JSON-out functions of the global `lookout` object (wasm/main.go).
// Nothing here touches the network after start: a check is a function call.

let api = null;

// startEngine fetches, compiles and starts the Go engine; mark (optional)
// records when each step ended.
export async function startEngine(url = 'build/app.wasm', mark = () => {}) {
  if (typeof globalThis.Go !== 'function') throw new Error('build/wasm_exec.js did not load');
  const go = new globalThis.Go();
  const ready = new Promise((resolve) => { globalThis.onLookoutReady = resolve; });
  const { instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
  mark('wasmInstantiated');
  const exited = go.run(instance).then(() => { throw new Error('the screening engine stopped'); });
  await Promise.race([ready, exited]);
  mark('goReady');
  api = globalThis.lookout;
  return { version: api.version, trust: JSON.parse(api.trust) };
}

function parse(s) {
  try { return JSON.parse(s); } catch (e) { return { error: `engine answered non-JSON: ${e.message}` }; }
}

// check screens one traveler: a screen.Request in, a screen.Report out.
export function check(req) { return parse(api.check(JSON.stringify(req))); }

// match looks a name or document number up: screen.MatchRequest in.
export function match(q) { return parse(api.match(JSON.stringify(q))); }

// loadBundle verifies and, when it passes, switches to the bundle. state is
// the rollback/clock state JSON the page keeps; the answer carries it back
// updated. payloadSha, when given, is the payload's SHA-256 (hex) computed
// with WebCrypto: Go compares it with the signed header instead of hashing
// tens of megabytes itself.
export function loadBundle(bytes, state, payloadSha) {
  return parse(api.loadBundle(bytes, state || '', payloadSha || ''));
}

// listInfo describes the list in use (state computed now), or null.
export function listInfo() { return parse(api.list()); }
