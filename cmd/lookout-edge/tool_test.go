//go:build !js

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"lookout/internal/bundle"
	"lookout/internal/watchlist"
	"lookout/web"
)

// testBundle signs a one-entry demo bundle with a fresh demo key and
// returns it with a file holding the verifier key.
func testBundle(t *testing.T, now time.Time) (data []byte, trustFile string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(nil, "lookout-demo-edge-test")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	p := &bundle.Payload{Entries: []bundle.Entry{{
		ID: "test:1", Category: bundle.CatWarrant,
		Names: []bundle.Name{{Full: "JUAN CARLOS GARCIA LOPEZ", Surname: "GARCIA LOPEZ", Given: "JUAN CARLOS", Kind: bundle.NamePrimary}},
	}}}
	if p.NameIndex, err = watchlist.BuildNameIndex(p.Entries); err != nil {
		t.Fatal(err)
	}
	if p.DocIndex, err = watchlist.BuildDocIndex([]bundle.DocLookout{{State: "MEX", Type: "P", Number: "G12345678", Reason: bundle.ReasonStolen, Source: "test:1"}}); err != nil {
		t.Fatal(err)
	}
	h := bundle.Header{Env: bundle.EnvDemo, List: "edge-test", Seq: 3,
		Issued: now.Add(-time.Hour).UTC().Truncate(time.Second), Expires: now.Add(24 * time.Hour).UTC().Truncate(time.Second)}
	data, err = bundle.Build(p, h, signer)
	if err != nil {
		t.Fatal(err)
	}
	trustFile = filepath.Join(t.TempDir(), "trust.pub")
	if err := os.WriteFile(trustFile, []byte("# test key\n"+vkey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return data, trustFile
}

func TestVerifyWritesOnlyAVerifiedBundle(t *testing.T) {
	now := time.Now()
	good, trust := testBundle(t, now)
	tampered := bytes.Clone(good)
	tampered[len(tampered)-1] ^= 1
	otherKey, _ := testBundle(t, now) // same shape, signed by a key not trusted
	tests := []struct {
		name    string
		data    []byte
		now     time.Time
		wantErr string
	}{
		{"a bundle signed by the trusted key is written with its pin", good, now, ""},
		{"a bundle with a changed payload byte is refused", tampered, now, "payload"},
		{"a bundle signed by another key is refused", otherKey, now, "signature"},
		{"an expired bundle is refused", good, now.Add(48 * time.Hour), "expired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in.lkb")
			if err := os.WriteFile(in, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			pin, _, err := verifyBundle(in, trust, out, tt.now)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(strings.ToLower(err.Error()), tt.wantErr) {
					t.Fatalf("error %v, want one mentioning %q", err, tt.wantErr)
				}
				if _, statErr := os.Stat(filepath.Join(out, "list.lkb")); statErr == nil {
					t.Error("a refused bundle was written for the worker")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			written, err := os.ReadFile(filepath.Join(out, "list.lkb"))
			if err != nil || !bytes.Equal(written, tt.data) {
				t.Fatalf("list.lkb is not the verified bytes (%v)", err)
			}
			pinFile, _ := os.ReadFile(filepath.Join(out, "list.pin"))
			if strings.TrimSpace(string(pinFile)) != pin {
				t.Errorf("list.pin %q, want %q", pinFile, pin)
			}
			if err := checkPin(written, pin); err != nil {
				t.Errorf("the worker would refuse the bundle the build verified: %v", err)
			}
		})
	}
}

func TestCheckPin(t *testing.T) {
	good, _ := testBundle(t, time.Now())
	other, _ := testBundle(t, time.Now().Add(time.Hour)) // another header (issued later)
	hh, err := bundle.HeaderHashOf(good)
	if err != nil {
		t.Fatal(err)
	}
	pin := hex.EncodeToString(hh[:])
	zero := hex.EncodeToString(make([]byte, sha256.Size))
	tests := []struct {
		name string
		data []byte
		pin  string
		ok   bool
	}{
		{"the verified bundle matches its pin", good, pin, true},
		{"a bundle with another header does not match the pin", other, pin, false},
		{"a wrong pin is refused", good, zero, false},
		{"a build without a pin is refused", good, "", false},
		{"a pin that is not hex is refused", good, strings.Repeat("z", 64), false},
		{"bytes that are not a bundle are refused", []byte("not a bundle at all, not even close"), pin, false},
		{"an empty embed is refused", nil, pin, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkPin(tt.data, tt.pin)
			if (err == nil) != tt.ok {
				t.Errorf("checkPin: %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestHeadersFileRepeatsThePageHeaders(t *testing.T) {
	f := headersFile()
	for _, want := range []string{
		"/*\n",
		"  Content-Security-Policy: " + web.CSP + "\n",
		"  X-Content-Type-Options: nosniff\n",
		"  Cross-Origin-Opener-Policy: same-origin\n",
		"  Cache-Control: no-cache\n",
		"/sw.js\n  Service-Worker-Allowed: /\n",
	} {
		if !strings.Contains(f, want) {
			t.Errorf("_headers lacks %q:\n%s", want, f)
		}
	}
	for _, banned := range []string{"Content-Length", "Etag", "Content-Type"} {
		if strings.Contains(f, banned+":") {
			t.Errorf("_headers sets per-file header %s:\n%s", banned, f)
		}
	}
}

func TestRunUsage(t *testing.T) {
	var out, errb bytes.Buffer
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no command is a usage error", nil, 2},
		{"an unknown command is a usage error", []string{"deploy"}, 2},
		{"verify without arguments is a usage error", []string{"verify"}, 2},
		{"headers prints the file", []string{"headers"}, 0},
		{"verify of a missing file fails", []string{"verify", "--trust", "/nonexistent/keys", "--out", t.TempDir(), "/nonexistent/list.lkb"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out.Reset()
			errb.Reset()
			if got := run(tt.args, &out, &errb); got != tt.code {
				t.Errorf("exit %d, want %d (stderr %s)", got, tt.code, errb.String())
			}
		})
	}
}

func TestOpenEmbedded(t *testing.T) {
	now := time.Now()
	data, trust := testBundle(t, now)
	keyText, err := os.ReadFile(trust)
	if err != nil {
		t.Fatal(err)
	}
	key := strings.TrimSpace(strings.TrimPrefix(string(keyText), "# test key\n"))
	hh, err := bundle.HeaderHashOf(data)
	if err != nil {
		t.Fatal(err)
	}
	pin := hex.EncodeToString(hh[:])
	_, otherTrust := testBundle(t, now)
	otherKey, _ := os.ReadFile(otherTrust)
	tests := []struct {
		name      string
		keys, pin string
		now       time.Time
		listed    bool
	}{
		{"the pinned list signed by a trusted key is used", key, pin, now, true},
		{"two keys, comma-separated as -X passes them, are read", strings.TrimSpace(strings.TrimPrefix(string(otherKey), "# test key\n")) + "," + key, pin, now, true},
		{"a list that does not match the pin is not used", key, strings.Repeat("0", 64), now, false},
		{"a list signed by an untrusted key is not used", strings.TrimSpace(strings.TrimPrefix(string(otherKey), "# test key\n")), pin, now, false},
		{"an expired list is not used", key, pin, now.Add(48 * time.Hour), false},
		{"a build without keys has no list", "", pin, now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trustedKeys, pinnedHeader = tt.keys, tt.pin
			defer func() { trustedKeys, pinnedHeader = "", "" }()
			e, err := openEmbedded(data, tt.now)
			if e == nil {
				t.Fatal("no engine: the worker must serve MRZ checks even without a list")
			}
			if got := e.List() != nil; got != tt.listed || (err == nil) != tt.listed {
				t.Errorf("list loaded %v (err %v), want %v", got, err, tt.listed)
			}
		})
	}
}
