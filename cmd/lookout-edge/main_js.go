//go:build js && wasm

// Command lookout-edge is Lookout's Cloudflare Worker: the /v1/ JSON API of
// internal/api over the signed list embedded at build time. The officer's
// page itself is served by Cloudflare as static assets (wrangler.toml
// [assets]); only /v1/ reaches this program.
//
// Build and run it with scripts/edge.sh (make edge, make edge-dev); deploy
// it with your own account as docs/edge.md says.
//
// # The list and the instance
//
// The list is compiled into the wasm: no fetch, and the build verifies it in
// full (`lookout-edge verify`) and pins its header hash, which each instance
// checks before using it. Cloudflare's free plan allows 10 ms of CPU per
// request, and syumai/workers' stock glue starts a new Go instance for every
// request; starting Go and loading even the small edge list costs 30-60 ms
// of CPU that way. So the deployed entry point, worker.mjs, keeps one
// instance per isolate (context.persistent, below): warm requests cost
// 1-4 ms. The first request on an isolate still loads the list with
// screen.Engine.Load (verify, decode); opening it in place instead needs
// engine entry points described in docs/edge.md.
//
// # Configuration
//
// LOOKOUT_ALLOWED_ORIGINS (a wrangler [vars] entry, comma-separated) lists
// the origins whose pages may call the API cross-origin; unset means none.
package main

import (
	_ "embed"
	"net/http"
	"strings"
	"syscall/js"
	"time"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"

	"lookout/internal/api"
)

// listBundle is the signed list, copied to build/list.lkb by
// scripts/edge.sh before the build.
//
//go:embed build/list.lkb
var listBundle []byte

func main() {
	e, err := openEmbedded(listBundle, time.Now())
	if err != nil {
		// Without its list the worker still screens MRZs; /v1/health and
		// /v1/bundle say matching is unavailable, and the error is logged.
		println("lookout-edge: embedded list refused:", err.Error())
	}
	h := api.Handler(e, api.Options{
		AllowedOrigins: origins(cloudflare.Getenv("LOOKOUT_ALLOWED_ORIGINS")),
		OnPanic: func(r *http.Request, _ any) {
			println("lookout-edge: recovered panic on", r.Method, r.URL.Path)
		},
	})
	if js.Global().Get("context").Get("persistent").Truthy() {
		// worker.mjs keeps this instance for many requests: do not exit
		// after the first response as workers.Serve does.
		workers.ServeNonBlock(h)
		workers.Ready()
		select {}
	}
	workers.Serve(h) // syumai's stock glue: one instance per request
}

func origins(s string) []string {
	var out []string
	for _, o := range strings.Split(s, ",") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}
