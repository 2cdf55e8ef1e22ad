//go:build !js

package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"lookout/web"
)

// TestDeployedAssets checks the static side of a running worker
// (LOOKOUT_EDGE_URL, set by `scripts/edge.sh test` for wrangler dev): the
// page and its files come with the right types, the page's CSP and the
// revalidation policy, and the list served is the one verified at build.
func TestDeployedAssets(t *testing.T) {
	base := strings.TrimRight(os.Getenv("LOOKOUT_EDGE_URL"), "/")
	if base == "" {
		t.Skip("LOOKOUT_EDGE_URL not set: scripts/edge.sh test runs this against the worker")
	}
	tests := []struct {
		name, path, ctype string
	}{
		{"the page is HTML", "/", "text/html"},
		{"the engine is served as application/wasm, so browsers stream-compile it", "/build/app.wasm", "application/wasm"},
		{"the Go glue is JavaScript", "/build/wasm_exec.js", "javascript"},
		{"the service worker is JavaScript", "/sw.js", "javascript"},
		{"the list bundle is served", "/build/list.lkb", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(base + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d", tt.path, resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tt.ctype)
			}
			if csp := resp.Header.Get("Content-Security-Policy"); csp != web.CSP {
				t.Errorf("Content-Security-Policy %q, want web.CSP %q", csp, web.CSP)
			}
			if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "no-cache") {
				t.Errorf("Cache-Control %q, want no-cache (revalidate: fixed file names)", cc)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", resp.Header.Get("X-Content-Type-Options"))
			}
			if tt.path == "/build/list.lkb" {
				built, err := os.ReadFile("build/list.lkb")
				if err != nil {
					t.Fatalf("the verified list of the build: %v", err)
				}
				if !bytes.Equal(body, built) {
					t.Errorf("the worker serves a %d-byte list, the build verified %d bytes", len(body), len(built))
				}
			}
		})
	}
}
