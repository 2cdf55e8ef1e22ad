package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/screen"
	"lookout/internal/watchlist"
	"lookout/web"

	"golang.org/x/mod/sumdb/note"
)

// TestServeAnswersThePageAndTheAPI starts `lookout serve` on a free
// loopback port with a freshly signed list and checks the page headers and
// every API route over real HTTP.
func TestServeAnswersThePageAndTheAPI(t *testing.T) {
	dir := t.TempDir()
	skey, vkey, err := note.GenerateKey(nil, "lookout-serve-test")
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	entries := []bundle.Entry{{ID: "t:1", Category: bundle.CatWarrant,
		Names: []bundle.Name{{Full: "GARCIA LOPEZ, JUAN CARLOS", Surname: "GARCIA LOPEZ", Given: "JUAN CARLOS", Kind: bundle.NamePrimary}},
		DOBs:  []bundle.DateSpec{{Date: "1980-01-01"}}}}
	ni, _ := watchlist.BuildNameIndex(entries)
	di, _ := watchlist.BuildDocIndex(nil)
	now := time.Now().UTC().Truncate(time.Second)
	data, err := bundle.Build(&bundle.Payload{Entries: entries, NameIndex: ni, DocIndex: di},
		bundle.Header{Env: "test", List: "serve-test", Seq: 3, Issued: now.Add(-time.Minute), Expires: now.Add(time.Hour)}, signer)
	if err != nil {
		t.Fatal(err)
	}
	lkb := filepath.Join(dir, "list.lkb")
	if err := os.WriteFile(lkb, data, 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan int, 1)
	var stdout, stderr bytes.Buffer
	env := &cmdEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	go func() {
		done <- serve(ctx, env, []string{"--addr", "127.0.0.1:0", "--bundle", lkb, "--trust", vkey, "--state", "none"}, func(a string) { addrc <- a })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d after shutdown: %s", code, stderr.String())
		}
	}()
	if !strings.Contains(stdout.String(), base) {
		t.Errorf("serve printed %q, want the URL %s", stdout.String(), base)
	}

	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Content-Security-Policy"); got != web.CSP {
		t.Errorf("page CSP %q, want web.CSP", got)
	}

	post := func(path, body string) (int, map[string]any) {
		t.Helper()
		res, err := http.Post(base+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v in %s", path, err, b)
		}
		return res.StatusCode, m
	}
	code, rep := post("/v1/check", `{"mrz":"P<MEXGARCIA<LOPEZ<<JUAN<CARLOS<<<<<<<<<<<<<<\nG123456786MEX8001014M3001019<<<<<<<<<<<<<<<0"}`)
	if code != 200 || rep["recommendation"] != screen.Refer {
		t.Errorf("check: %d %v", code, rep["recommendation"])
	}
	if l, _ := rep["list"].(map[string]any); l == nil || l["name"] != "serve-test" {
		t.Errorf("check report names list %v", rep["list"])
	}
	code, rep = post("/v1/match", `{"name":"Juan Carlos Garcia Lopez","dob":"1980-01-01"}`)
	if hits, _ := rep["hits"].([]any); code != 200 || len(hits) != 1 {
		t.Errorf("match: %d %v", code, rep)
	}
	code, rep = post("/v1/check", `{"mrz":`)
	if code != 400 || rep["error"] == nil {
		t.Errorf("bad JSON: %d %v", code, rep)
	}
	res, err = http.Get(base + "/v1/bundle")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET /v1/bundle: %d", res.StatusCode)
	}
}
