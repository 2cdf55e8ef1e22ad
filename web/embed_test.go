package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// fakeBuild stands in for web/build so these tests do not depend on `make wasm`.
func fakeBuild() fstest.MapFS {
	return fstest.MapFS{
		"app.wasm":     {Data: append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte{1}, 4096)...)},
		"wasm_exec.js": {Data: []byte("globalThis.Go = class {};\n")},
		"list.lkb":     {Data: []byte("\x89LKB\r\n\x1a\nembedded")},
	}
}

func get(t *testing.T, h http.Handler, path string, hdr ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHandlerServesEveryPageFileWithItsType(t *testing.T) {
	h := Handler(Options{Build: fakeBuild()})
	tests := []struct {
		path, ctype, contains string
	}{
		{"/", "text/html; charset=utf-8", `<textarea id="mrz"`},
		{"/index.html", "text/html; charset=utf-8", "js/app.js"},
		{"/style.css", "text/css; charset=utf-8", "--refer"},
		{"/js/app.js", "text/javascript; charset=utf-8", "startEngine"},
		{"/js/render.js", "text/javascript; charset=utf-8", "textContent"},
		{"/sw.js", "text/javascript; charset=utf-8", "skipWaiting"},
		{"/i18n/en.json", "application/json; charset=utf-8", `"rec.refer"`},
		{"/i18n/es.json", "application/json; charset=utf-8", `"DERIVAR"`},
		{"/icon.svg", "image/svg+xml", "<svg"},
		{"/build/app.wasm", "application/wasm", "asm"},
		{"/build/wasm_exec.js", "text/javascript; charset=utf-8", "globalThis.Go"},
		{"/build/list.lkb", "application/vnd.lookout.list-bundle", "embedded"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			r := get(t, h, tc.path)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("status %d", r.StatusCode)
			}
			if got := r.Header.Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type %q, want %q", got, tc.ctype)
			}
			if got := r.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if got := r.Header.Get("Content-Security-Policy"); got != CSP {
				t.Errorf("CSP %q", got)
			}
			if got := r.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q", got)
			}
			if !strings.Contains(body(t, r), tc.contains) {
				t.Errorf("body lacks %q", tc.contains)
			}
		})
	}
}

func TestCSPForbidsInlineCodeAndForeignOrigins(t *testing.T) {
	for _, want := range []string{"default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"} {
		if !strings.Contains(CSP, want) {
			t.Errorf("CSP lacks %q", want)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval'", "*", "http:", "https:", "data:"} {
		if strings.Contains(strings.ReplaceAll(CSP, "'wasm-unsafe-eval'", ""), bad) {
			t.Errorf("CSP allows %q", bad)
		}
	}
}

func TestPageHasNoInlineScriptOrStyle(t *testing.T) {
	b, err := files.ReadFile("index.html")
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, bad := range []string{"<style", " style=", "onclick=", "onload=", "onerror=", "javascript:"} {
		if strings.Contains(page, bad) {
			t.Errorf("index.html contains %q, which the CSP blocks", bad)
		}
	}
	// Every <script> has a src.
	for _, part := range strings.Split(page, "<script")[1:] {
		if !strings.Contains(part[:strings.Index(part, ">")], "src=") {
			t.Errorf("inline <script%s", part[:strings.Index(part, ">")+1])
		}
	}
}

func TestScriptsNeverUseInnerHTML(t *testing.T) {
	ents, err := files.ReadDir("js")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(ents, nil) {
		name := "sw.js"
		if e != nil {
			name = "js/" + e.Name()
		}
		b, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s uses %s: list and engine strings must reach the DOM as text", name, bad)
			}
		}
	}
}

func TestMissingWasmGivesA503PageThatSaysSo(t *testing.T) {
	h := Handler(Options{Build: fstest.MapFS{"wasm_exec.js": {Data: []byte("x")}}})
	for _, p := range []string{"/", "/index.html", "/build/app.wasm"} {
		r := get(t, h, p)
		if r.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("%s: status %d, want 503", p, r.StatusCode)
		}
		if b := body(t, r); !strings.Contains(b, "make wasm") {
			t.Errorf("%s: 503 body does not say how to build: %q", p, b)
		}
		if r.Header.Get("Content-Security-Policy") != CSP {
			t.Errorf("%s: 503 without the CSP", p)
		}
	}
	// The rest of the page is still served (the 503 page needs nothing else).
	if r := get(t, h, "/style.css"); r.StatusCode != http.StatusOK {
		t.Errorf("style.css: %d", r.StatusCode)
	}
}

func TestBundleFromDiskReplacesTheEmbeddedOneAndIsReReadWhenItChanges(t *testing.T) {
	file := filepath.Join(t.TempDir(), "list.lkb")
	if err := os.WriteFile(file, []byte("first version"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := Handler(Options{Build: fakeBuild(), Bundle: file})
	r := get(t, h, BundlePath)
	if b := body(t, r); b != "first version" {
		t.Fatalf("got %q", b)
	}
	etag := r.Header.Get("ETag")
	if err := os.WriteFile(file, []byte("second, longer version"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = get(t, h, BundlePath)
	if b := body(t, r); b != "second, longer version" {
		t.Fatalf("after rewrite got %q", b)
	}
	if r.Header.Get("ETag") == etag {
		t.Error("ETag did not change with the content")
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if r := get(t, h, BundlePath); r.StatusCode != http.StatusNotFound {
		t.Errorf("removed bundle: status %d, want 404", r.StatusCode)
	}
}

func TestRevalidationAnswers304ForAnUnchangedFile(t *testing.T) {
	h := Handler(Options{Build: fakeBuild()})
	etag := get(t, h, "/js/app.js").Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if r := get(t, h, "/js/app.js", "If-None-Match", etag); r.StatusCode != http.StatusNotModified {
		t.Errorf("status %d, want 304", r.StatusCode)
	}
	if r := get(t, h, "/js/app.js", "If-None-Match", `"other"`); r.StatusCode != http.StatusOK {
		t.Errorf("status %d, want 200", r.StatusCode)
	}
}

func TestGzipIsSentOnlyToClientsThatAcceptIt(t *testing.T) {
	h := Handler(Options{Build: fakeBuild()})
	plain := body(t, get(t, h, "/js/render.js"))
	r := get(t, h, "/js/render.js", "Accept-Encoding", "gzip, br")
	if r.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", r.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	if string(b) != plain {
		t.Error("gzip body differs from the plain one")
	}
	if r := get(t, h, "/js/render.js", "Accept-Encoding", "gzip;q=0"); r.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent to a client that refused it")
	}
}

func TestHandlerRefusesWhatIsNotThePage(t *testing.T) {
	h := Handler(Options{Build: fakeBuild()})
	for _, p := range []string{"/build/.gitkeep", "/embed.go", "/embed_test.go", "/nope.html", "/js", "/../go.mod", "/e2e/"} {
		if r := get(t, h, p); r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, r.StatusCode)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("x"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", rec.Code)
	}
}

func TestTranslationsHaveTheSameKeys(t *testing.T) {
	en := readKeys(t, "i18n/en.json")
	es := readKeys(t, "i18n/es.json")
	for k := range en {
		if _, ok := es[k]; !ok {
			t.Errorf("es.json lacks %q", k)
		}
	}
	for k := range es {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}
}

func TestALargeFileIsServedPlainUntilItsGzipIsReady(t *testing.T) {
	big := bytes.Repeat([]byte("MRZ<<LIST<<BUNDLE<<"), 100000) // 1.9 MB, compresses well
	file := filepath.Join(t.TempDir(), "list.lkb")
	if err := os.WriteFile(file, big, 0o644); err != nil {
		t.Fatal(err)
	}
	h := Handler(Options{Build: fakeBuild(), Bundle: file})
	first := get(t, h, BundlePath, "Accept-Encoding", "gzip")
	if b := body(t, first); first.Header.Get("Content-Encoding") == "" && b != string(big) {
		t.Fatal("the plain first response is not the file")
	}
	for i := 0; ; i++ {
		r := get(t, h, BundlePath, "Accept-Encoding", "gzip")
		if r.Header.Get("Content-Encoding") == "gzip" {
			if !strings.HasSuffix(r.Header.Get("ETag"), `-gz"`) {
				t.Errorf("gzip form has the plain form's ETag %s", r.Header.Get("ETag"))
			}
			zr, err := gzip.NewReader(r.Body)
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := io.ReadAll(zr); !bytes.Equal(b, big) {
				t.Fatal("gzip body differs")
			}
			return
		}
		if i > 200 {
			t.Fatal("the large file was never served compressed")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// The page's wasm must not link net/http (about 0.75 MB gzip more for the
// officer to download, and nothing in the page needs it: the page fetches,
// Go verifies).
func TestThePageBuildDoesNotLinkNetHTTP(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	cmd := exec.Command(goBin, "list", "-deps", "../wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "net/http" || pkg == "net" || strings.HasPrefix(pkg, "crypto/tls") {
			t.Errorf("the page's wasm links %s", pkg)
		}
	}
}
