// Package e2e drives the officer's page in real headless Chromium (Debian's
// /usr/bin/chromium) through chromedp: the page is served by web.Handler on
// 127.0.0.1 (a secure context, so the service worker, IndexedDB, the Cache
// API and WebCrypto all work as in the field).
//
// Two wasm builds are used:
//   - the shipped one, web/build/app.wasm from `make wasm` (trusts the demo
//     key), for the MRZ page, the demo list and the performance figures;
//   - a test build the tests link themselves with
//     -X main.trustedKeys=<a throwaway test key>, for the bundle lifecycle:
//     the tests sign tampered, expired, rolled-back and HTML-named bundles
//     with that key (internal/bundle). The shipped wasm has no way to add a
//     key at run time, and this keeps it so.
//
// The tests skip with a message when Chromium or web/build is missing,
// unless CI=true, where that is a failure. Screenshots and perf.json go to
// artifacts/ at the repository root (git-ignored).
package e2e

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/mod/sumdb/note"

	"lookout/web"
)

// ---- environment ----------------------------------------------------------

func inCI() bool { return os.Getenv("CI") == "true" }

// skipOrFail skips with why, or fails under CI where the suite must run.
func skipOrFail(t *testing.T, why string) {
	t.Helper()
	if inCI() {
		t.Fatalf("%s (CI=true: the browser tests must run)", why)
	}
	t.Skip(why)
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", dir)
		}
	}
}

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("LOOKOUT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	skipOrFail(t, "Chromium not found (apt-get install chromium, or set LOOKOUT_CHROMIUM)")
	return ""
}

// shippedBuild is web/build as `make wasm` left it.
func shippedBuild(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "web", "build")
	for _, f := range []string{"app.wasm", "wasm_exec.js"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			skipOrFail(t, "web/build/"+f+" is missing: run `make wasm` first")
		}
	}
	return dir
}

func artifacts(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "artifacts", "e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// ---- the test key and the test wasm --------------------------------------

// detReader is a deterministic byte stream, so the throwaway key (and so
// the test wasm's link flags) are the same on every run and the Go build
// cache is reused.
type detReader struct {
	seed [32]byte
	n    uint64
	buf  []byte
}

func (r *detReader) Read(p []byte) (int, error) {
	for i := range p {
		if len(r.buf) == 0 {
			h := sha256.Sum256(append(r.seed[:], byte(r.n), byte(r.n>>8)))
			r.n++
			r.buf = h[:]
		}
		p[i], r.buf = r.buf[0], r.buf[1:]
	}
	return len(p), nil
}

type testKey struct {
	signer   note.Signer
	verifier string
}

var (
	keyOnce sync.Once
	theKey  testKey
	keyErr  error
)

// e2eKey is the throwaway signing key for test bundles. Its name has no
// "demo" in it, so it signs env "test" bundles (a demo-only policy accepts
// only demo bundles).
func e2eKey(t *testing.T) testKey {
	t.Helper()
	keyOnce.Do(func() {
		r := &detReader{seed: sha256.Sum256([]byte("lookout e2e throwaway key: never trust outside tests"))}
		skey, vkey, err := note.GenerateKey(r, "lookout-e2e-test")
		if err != nil {
			keyErr = err
			return
		}
		s, err := note.NewSigner(skey)
		if err != nil {
			keyErr = err
			return
		}
		theKey = testKey{signer: s, verifier: vkey}
	})
	if keyErr != nil {
		t.Fatal(keyErr)
	}
	return theKey
}

var (
	wasmOnce sync.Once
	wasmDir  string
	wasmErr  error
)

// testBuild links the page's wasm trusting only the throwaway test key,
// into a directory shared by the tests of this run.
func testBuild(t *testing.T) string {
	t.Helper()
	shipped := shippedBuild(t) // wasm_exec.js comes from the same Go
	k := e2eKey(t)
	wasmOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lookout-e2e-build-")
		if err != nil {
			wasmErr = err
			return
		}
		goBin, err := exec.LookPath("go")
		if err != nil {
			wasmErr = fmt.Errorf("the go command is needed to build the test wasm: %v", err)
			return
		}
		cmd := exec.Command(goBin, "build", "-trimpath",
			"-ldflags=-s -w -X main.trustedKeys="+k.verifier,
			"-o", filepath.Join(dir, "app.wasm"), "./wasm")
		cmd.Dir = repoRoot(t)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			wasmErr = fmt.Errorf("building the test wasm: %v\n%s", err, out)
			return
		}
		glue, err := os.ReadFile(filepath.Join(shipped, "wasm_exec.js"))
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "wasm_exec.js"), glue, 0o644)
		}
		wasmErr = err
		wasmDir = dir
	})
	if wasmErr != nil {
		t.Fatal(wasmErr)
	}
	return wasmDir
}

// ---- the server -----------------------------------------------------------

// server serves the page with web.Handler and records every request. When
// offline is set it drops connections, as an unplugged network would.
type server struct {
	*httptest.Server
	offline atomic.Bool
	mu      sync.Mutex
	paths   []string
	bundle  string // the file served at /build/list.lkb
}

// newServer serves the page from build. The list served is the file the
// test writes with serveBundle (none until then: 404), or with shippedList
// the build's own list.lkb (the 70k demo list after `make bundle`).
func newServer(t *testing.T, build string, shippedList bool) *server {
	t.Helper()
	s := &server{bundle: filepath.Join(t.TempDir(), "list.lkb")}
	bundlePath := s.bundle
	if shippedList {
		bundlePath = "" // the build directory's own list.lkb
	}
	h := web.Handler(web.Options{Build: os.DirFS(build), Bundle: bundlePath})
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.offline.Load() {
			if hj, ok := w.(http.Hijacker); ok {
				if c, _, err := hj.Hijack(); err == nil {
					c.Close()
					return
				}
			}
			http.Error(w, "offline", http.StatusServiceUnavailable)
			return
		}
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	// 127.0.0.1 is a secure context: service workers and WebCrypto work.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

func (s *server) serveBundle(t *testing.T, data []byte) {
	t.Helper()
	tmp := s.bundle + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, s.bundle); err != nil {
		t.Fatal(err)
	}
}

// ---- the browser ----------------------------------------------------------

type browser struct {
	t   *testing.T
	ctx context.Context
}

type browserOpt struct {
	lang          string // browser UI/Accept-Language, default en-US
	width, height int
}

// newBrowser starts a fresh Chromium with a fresh profile.
func newBrowser(t *testing.T, o browserOpt) *browser {
	t.Helper()
	if o.lang == "" {
		o.lang = "en-US"
	}
	if o.width == 0 {
		o.width, o.height = 1280, 720
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", o.lang),
		chromedp.Flag("accept-lang", o.lang),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(o.width, o.height),
		chromedp.Env("LANGUAGE=" + strings.ReplaceAll(o.lang, "-", "_")),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	// The first action starts the browser: no timeout on this context (a
	// timeout there would kill the browser).
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		acancel()
		t.Fatalf("starting Chromium: %v", err)
	}
	t.Cleanup(func() { cancel(); acancel() })
	return &browser{t: t, ctx: ctx}
}

// run runs steps with a deadline, failing the test on error.
func (b *browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", clip(expr), err)
	}
	return v
}

// waitFor polls a JS predicate until it is truthy.
func (b *browser) waitFor(what, expr string, timeout time.Duration) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		diag := ""
		if d, derr := chromedp.Run(b.ctx, chromedp.Evaluate[string](`JSON.stringify({ready: document.body.dataset.ready, engine: document.getElementById('engine-status')?.textContent, state: document.getElementById('list-state')?.textContent, alert: document.getElementById('list-alert')?.textContent, perf: globalThis.lookoutPage})`)); derr == nil {
			diag = d
		}
		b.t.Fatalf("waiting for %s (%s): %v; page: %s", what, clip(expr), err, diag)
	}
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`(document.querySelector(%q)?.textContent ?? '')`, sel))
}

func (b *browser) navigate(url string) {
	b.t.Helper()
	b.run("navigate to "+url, chromedp.Navigate(url))
}

// waitReady waits until the page says it is ready (engine started, list
// attempt finished).
func (b *browser) waitReady() {
	b.t.Helper()
	b.waitFor("the page to be ready", `document.body.dataset.ready === 'true' || document.body.dataset.ready === 'failed'`, 60*time.Second)
	if r := eval[string](b, `document.body.dataset.ready`); r != "true" {
		b.t.Fatalf("page failed to start: %s", b.text("#engine-status"))
	}
}

// waitListSettled waits until the page has tried both the stored and the
// server's list.
func (b *browser) waitListSettled() {
	b.t.Helper()
	b.waitReady()
	b.waitFor("the list load to settle", `document.body.dataset.list === 'settled'`, 60*time.Second)
}

func (b *browser) screenshot(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	file := filepath.Join(artifacts(b.t), name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

// typeMRZ focuses the MRZ field, clears it, and types text key by key as a
// keyboard-wedge passport reader would ("\r" is Enter).
func (b *browser) typeMRZ(text string) {
	b.t.Helper()
	b.run("type the MRZ",
		chromedp.Focus(chromedp.CSS("#mrz")),
		chromedp.SendKeys(chromedp.CSS("#mrz"), "\x1b"), // Escape clears
		chromedp.SendKeys(chromedp.CSS("#mrz"), text))
}

// ---- network recording ----------------------------------------------------

// recorder collects the requests Chromium reports for the page (and its
// service worker fetches made on its behalf) while it runs.
type recorder struct {
	mu   sync.Mutex
	urls []string
	stop context.CancelFunc
	done chan struct{}
}

func (b *browser) record() *recorder {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, network.Enable, network.EnableParams{}); err != nil {
		b.t.Fatalf("Network.enable: %v", err)
	}
	ctx, cancel := context.WithCancel(b.ctx)
	r := &recorder{stop: cancel, done: make(chan struct{})}
	events := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		defer close(r.done)
		for ev, err := range events {
			if err != nil {
				return
			}
			r.mu.Lock()
			r.urls = append(r.urls, ev.Request.URL)
			r.mu.Unlock()
		}
	}()
	return r
}

func (r *recorder) finish() []string {
	// Let in-flight events arrive before closing the subscription.
	time.Sleep(200 * time.Millisecond)
	r.stop()
	<-r.done
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.urls...)
}

func (b *browser) setOffline(offline bool) {
	b.t.Helper()
	conds := []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}}
	if _, err := chromedp.Call(b.ctx, network.Enable, network.EnableParams{}); err != nil {
		b.t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &offline, MatchedNetworkConditions: conds,
	}); err != nil {
		b.t.Fatalf("emulating offline=%v: %v", offline, err)
	}
	if _, err := chromedp.Call(b.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: offline, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		b.t.Fatalf("override network state offline=%v: %v", offline, err)
	}
}

func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

var errNotFound = errors.New("not found")

// readFileEventually waits for a download to land in dir.
func readFileEventually(dir, suffix string, timeout time.Duration) ([]byte, string, error) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), suffix) {
				f, err := os.Open(filepath.Join(dir, e.Name()))
				if err != nil {
					continue
				}
				b, err := io.ReadAll(f)
				f.Close()
				if err == nil && len(b) > 0 {
					return b, e.Name(), nil
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil, "", errNotFound
}

func focus(sel string) chromedp.Action[chromedp.Void] { return chromedp.Focus(chromedp.CSS(sel)) }

func sendKeys(sel, keys string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.CSS(sel), keys)
}

func chromedpReload() chromedp.Action[chromedp.Void] { return chromedp.Reload() }

func clickSel(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }

func setValue(sel, v string) chromedp.Action[chromedp.Void] {
	return chromedp.SetValue(chromedp.CSS(sel), v)
}

func setUpload(sel, file string) chromedp.Action[chromedp.Void] {
	return chromedp.SetUploadFiles(chromedp.CSS(sel), []string{file})
}

// dropFile drags a file from outside the browser onto the page, as an
// officer drags a list from a USB stick.
func dropFile(b *browser, file string) {
	b.t.Helper()
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: []string{file}, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		if _, err := chromedp.Call(b.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 400, Y: 300, Data: data}); err != nil {
			b.t.Fatalf("drag event %s: %v", typ, err)
		}
	}
}

// TestMain removes the test wasm build when the tests are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if wasmDir != "" {
		os.RemoveAll(wasmDir)
	}
	os.Exit(code)
}
