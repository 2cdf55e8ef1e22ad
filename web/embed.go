// Package web holds the officer's page — HTML, ES modules, one stylesheet,
// translations, the service worker — and the build outputs (the wasm engine,
// its glue and the demo list bundle), embedded in the binary, and serves
// them with the headers the page depends on.
//
// # Serving
//
//	http.Handle("/", web.Handler(web.Options{Bundle: "web/build/list.lkb"}))
//
// Every response carries the strict Content-Security-Policy [CSP] (no inline
// script or style; WebAssembly allowed by 'wasm-unsafe-eval'), nosniff, and
// cross-origin isolation headers. Files are revalidated on every load
// (Cache-Control: no-cache with an ETag), so a new build is picked up at
// once; the service worker, not the HTTP cache, is what keeps the page
// working offline.
//
// When the wasm was not built (a fresh clone before `make wasm`) the page
// answers 503 with a page saying so instead of a page that can never start.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
)

//go:embed index.html style.css sw.js icon.svg js i18n all:build
var files embed.FS

// CSP is the Content-Security-Policy every host that serves the page must
// send. The page has no inline script or style, takes nothing from another
// origin, and needs 'wasm-unsafe-eval' only to compile its WebAssembly.
const CSP = "default-src 'none'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self'; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"manifest-src 'self'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"frame-ancestors 'none'"

// BundlePath is the URL path the page fetches its list bundle from.
const BundlePath = "/build/list.lkb"

// MaxBundle caps a bundle file the handler serves from disk: the page's own
// streaming cap (js/bundle.js) is the same figure.
const MaxBundle = 128 << 20

// Options configures Handler. The zero value serves the embedded files.
type Options struct {
	// Bundle, when set, is a file on disk served at /build/list.lkb in
	// place of the embedded one. It is read on each request, so a list
	// replaced on disk is served at once.
	Bundle string
	// Build, when set, replaces the embedded build/ directory (app.wasm,
	// wasm_exec.js, list.lkb). Tests use it to serve a wasm built with
	// their own trust keys.
	Build fs.FS
}

// Handler serves the page and its assets. Unknown paths are 404; only GET
// and HEAD are allowed.
func Handler(opts Options) http.Handler {
	static, err := fs.Sub(files, ".")
	if err != nil {
		panic(err) // cannot happen: "." is always valid
	}
	build := opts.Build
	if build == nil {
		build, _ = fs.Sub(files, "build")
	}
	return &handler{static: static, build: build, embeddedBuild: opts.Build == nil, bundle: opts.Bundle, cache: map[string]*asset{}}
}

type handler struct {
	static        fs.FS
	build         fs.FS
	embeddedBuild bool
	bundle        string

	mu    sync.Mutex
	cache map[string]*asset // by source key: "static:path", "build:path", "disk:path@mtime/size"
}

// asset is one file with what is computed once per content: its ETag and,
// for compressible types, its gzip form.
type asset struct {
	body  []byte
	etag  string // without quotes; "-gz" is appended for the gzip form
	ctype string

	mu sync.Mutex
	gz []byte // nil when not (yet) compressed or not worth it
}

// Security headers sent on every response, including errors.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Embedder-Policy", "require-corp")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
	h.Set("X-Frame-Options", "DENY")
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if p == "/" {
		p = "/index.html"
	}
	name := strings.TrimPrefix(p, "/")
	for _, part := range strings.Split(name, "/") {
		// Dotfiles (build/.gitkeep) and Go sources are not the page's.
		if strings.HasPrefix(part, ".") {
			http.NotFound(w, r)
			return
		}
	}
	if strings.HasSuffix(name, ".go") {
		http.NotFound(w, r)
		return
	}

	// The page cannot start without the engine: say so plainly.
	if (name == "index.html" || name == "build/app.wasm") && !h.wasmBuilt() {
		notBuilt(w, r)
		return
	}

	var a *asset
	var err error
	switch {
	case p == BundlePath && h.bundle != "":
		a, err = h.diskAsset(h.bundle)
	case strings.HasPrefix(name, "build/"):
		a, err = h.fsAsset("build:", h.build, strings.TrimPrefix(name, "build/"))
	default:
		a, err = h.fsAsset("static:", h.static, name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		http.Error(w, "cannot read "+p+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	serveAsset(w, r, a, name)
}

func (h *handler) wasmBuilt() bool {
	fi, err := fs.Stat(h.build, "app.wasm")
	return err == nil && fi.Size() > 0
}

func serveAsset(w http.ResponseWriter, r *http.Request, a *asset, name string) {
	hd := w.Header()
	hd.Set("Content-Type", a.ctype)
	hd.Set("Vary", "Accept-Encoding")
	// no-cache = revalidate every time (cheap with the ETag): the files
	// have fixed names, so anything longer would mix old and new builds.
	// The service worker keeps its own copies for offline use.
	hd.Set("Cache-Control", "no-cache")
	if name == "sw.js" {
		hd.Set("Service-Worker-Allowed", "/")
	}
	body, etag := a.body, `"`+a.etag+`"`
	if gz := a.gzipped(); gz != nil && acceptsGzip(r) {
		hd.Set("Content-Encoding", "gzip")
		// Each encoding is its own representation, with its own ETag.
		body, etag = gz, `"`+a.etag+`-gz"`
	}
	hd.Set("ETag", etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, etag) {
		hd.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body)
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || t == etag || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for _, enc := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(enc), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

func (h *handler) fsAsset(prefix string, fsys fs.FS, name string) (*asset, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fs.ErrNotExist
	}
	// Embedded files never change; a Build directory on disk may (a test
	// rebuilds its wasm), so its key carries the modification time and size.
	key := prefix + name
	if prefix == "build:" && !h.embeddedBuild {
		key = fmt.Sprintf("%s%s@%d/%d", prefix, name, fi.ModTime().UnixNano(), fi.Size())
	}
	h.mu.Lock()
	a := h.cache[key]
	h.mu.Unlock()
	if a != nil {
		return a, nil
	}
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	a = newAsset(name, body)
	h.mu.Lock()
	h.cache[key] = a
	h.mu.Unlock()
	return a, nil
}

func (h *handler) diskAsset(file string) (*asset, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fs.ErrNotExist
	}
	if fi.Size() > MaxBundle {
		return nil, fmt.Errorf("bundle is %d bytes, over the %d-byte limit", fi.Size(), MaxBundle)
	}
	key := fmt.Sprintf("disk:%s@%d/%d", file, fi.ModTime().UnixNano(), fi.Size())
	h.mu.Lock()
	a := h.cache[key]
	h.mu.Unlock()
	if a != nil {
		return a, nil
	}
	body, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	a = newAsset("list.lkb", body)
	h.mu.Lock()
	for k := range h.cache { // keep only the current version of a disk file
		if strings.HasPrefix(k, "disk:"+file+"@") {
			delete(h.cache, k)
		}
	}
	h.cache[key] = a
	h.mu.Unlock()
	return a, nil
}

// syncGzipLimit is the size up to which an asset is compressed before its
// first response; larger ones (the wasm, a list bundle) are compressed in
// the background and served uncompressed until that is done, so the first
// page load never waits on compressing tens of megabytes.
const syncGzipLimit = 256 << 10

func newAsset(name string, body []byte) *asset {
	sum := sha256.Sum256(body)
	a := &asset{body: body, etag: hex.EncodeToString(sum[:16]), ctype: contentType(name)}
	if !compressible(name) || len(body) <= 1024 {
		return a
	}
	if len(body) <= syncGzipLimit {
		a.setGzip(gzipBytes(body))
		return a
	}
	go func() { a.setGzip(gzipBytes(body)) }()
	return a
}

func gzipBytes(body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	_, _ = zw.Write(body)
	_ = zw.Close()
	return buf.Bytes()
}

func (a *asset) setGzip(gz []byte) {
	if len(gz) >= len(a.body)*9/10 {
		return // not worth a Content-Encoding
	}
	a.mu.Lock()
	a.gz = gz
	a.mu.Unlock()
}

func (a *asset) gzipped() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.gz
}

// contentType is explicit for every file the page uses: the browser refuses
// to stream-compile wasm without application/wasm, and nosniff makes it
// refuse scripts and styles with a wrong type.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	case ".svg":
		return "image/svg+xml"
	case ".lkb":
		return "application/vnd.lookout.list-bundle"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(name string) bool {
	switch path.Ext(name) {
	case ".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".lkb":
		return true
	}
	return false
}

func notBuilt(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Retry-After", "30")
	if strings.HasSuffix(r.URL.Path, ".wasm") {
		http.Error(w, "the page's WebAssembly (build/app.wasm) was not built: run `make wasm`", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method == http.MethodHead {
		return
	}
	fmt.Fprint(w, notBuiltPage)
}

const notBuiltPage = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Lookout: the page was not built</title>
<h1>Lookout: the page was not built</h1>
<p>The screening engine (<code>web/build/app.wasm</code>) is missing from this build, so the
officer's page cannot start.</p>
<p>Build it with <code>make wasm</code> (or run everything with <code>make run</code>), then
rebuild and restart the server.</p>
<p lang="es">La página no se compiló: falta el motor (<code>web/build/app.wasm</code>).
Ejecute <code>make wasm</code> y reinicie el servidor.</p>
</html>
`
