// Lookout's worker entry point: one Go instance per isolate, reused by every
// request, instead of syumai's stock glue (build/glue/worker.mjs), which
// starts a new Go instance, runs main() and loads the embedded list for
// every request: 30-60 ms of CPU per request with workerd, against 1-4 ms
// here once the instance is up (docs/edge.md). The free plan allows 10 ms.
//
// The Go side (main_js.go) sees context.persistent and serves with
// workers.ServeNonBlock + workers.Ready instead of workers.Serve, so it does
// not exit after the first response. Two limits of syumai/workers v0.33.0
// are handled here without patching it:
//   - each response leaks about 20 KB (its ReadableStream callbacks are
//     never released), so an instance is retired after MAX_REQUESTS and a
//     fresh one takes over: memory stays bounded;
//   - a panic that escapes the handler kills the instance (internal/api
//     recovers panics, so this is a last resort): the next request starts a
//     new one.
// Isolates are evicted and multiplied at will by Cloudflare; the instance is
// a cache of the embedded list, never storage.
import "./wasm_exec.js"; // syumai's patched copy: go.run(instance, context)
import mod from "./app.wasm";

const MAX_REQUESTS = 1000;

let current; // Promise of {go, context, served, exited}

async function start(env) {
  const go = new Go();
  let ready;
  const readyP = new Promise((resolve) => (ready = resolve));
  const instance = new WebAssembly.Instance(mod, {
    ...go.importObject,
    workers: { ready: () => ready() },
  });
  const context = { env, ctx: undefined, binding: {}, persistent: true };
  const inst = { go, context, served: 0, exited: false };
  const exited = go.run(instance, context);
  const gone = () => {
    inst.exited = true;
  };
  exited.then(gone, gone);
  await Promise.race([readyP, exited]);
  if (inst.exited) {
    throw new Error("lookout-edge: the Go program exited while starting");
  }
  return inst;
}

async function instance(env) {
  for (;;) {
    if (!current) {
      const p = start(env);
      current = p;
      p.catch(() => {
        if (current === p) current = undefined;
      });
    }
    const p = current;
    const inst = await p;
    if (inst.exited || inst.served >= MAX_REQUESTS) {
      if (current === p) current = undefined; // retire it; requests in flight finish
      continue;
    }
    return inst;
  }
}

export default {
  async fetch(req, env, ctx) {
    const inst = await instance(env);
    inst.served++;
    inst.context.env = env;
    inst.context.ctx = ctx;
    return inst.context.binding.handleRequest(req);
  },
};
