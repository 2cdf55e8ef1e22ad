//go:build js && wasm

package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"lookout/internal/bundle"
	"lookout/internal/watchlist"
)

// These tests run under Node (go_js_wasm_exec): they call the functions the
// page calls, through syscall/js, with the JSON the page passes.

type keyPair struct {
	signer note.Signer
	vkey   string
}

func newKey(t *testing.T, name string) keyPair {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	return keyPair{s, vkey}
}

func makeBundle(t *testing.T, k keyPair, seq uint64, issued, expires time.Time) []byte {
	t.Helper()
	entries := []bundle.Entry{{ID: "t:1", Category: bundle.CatWarrant, Names: []bundle.Name{{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: bundle.NamePrimary}},
		DOBs: []bundle.DateSpec{{Date: "1980-01-01"}}, Nationalities: []string{"MEX"}}}
	p := &bundle.Payload{Entries: entries}
	var err error
	if p.NameIndex, err = watchlist.BuildNameIndex(entries); err != nil {
		t.Fatal(err)
	}
	if p.DocIndex, err = watchlist.BuildDocIndex(nil); err != nil {
		t.Fatal(err)
	}
	data, err := bundle.Build(p, bundle.Header{Env: "test", List: "wasm-test", Seq: seq, Issued: issued.UTC().Truncate(time.Second), Expires: expires.UTC().Truncate(time.Second)}, k.signer)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fixture registers a host as the global lookout object, as main does.
func fixture(t *testing.T, keys string, now func() time.Time) js.Value {
	t.Helper()
	newHost(keys, now).register(js.Global())
	return js.Global().Get("lookout")
}

func u8(b []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

func load(t *testing.T, lk js.Value, data []byte, state string) LoadResult {
	t.Helper()
	var r LoadResult
	if err := json.Unmarshal([]byte(lk.Call("loadBundle", u8(data), state).String()), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

const specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"

func TestCheckAnswersTheReportJSONWithoutAList(t *testing.T) {
	lk := fixture(t, "", time.Now)
	req, _ := json.Marshal(map[string]string{"mrz": specimen})
	var rep map[string]any
	if err := json.Unmarshal([]byte(lk.Call("check", string(req)).String()), &rep); err != nil {
		t.Fatal(err)
	}
	if rep["format"] != "TD3" || rep["valid"] != true {
		t.Errorf("format %v valid %v", rep["format"], rep["valid"])
	}
	if rep["matching"] != "unavailable" || rep["list"] != nil {
		t.Errorf("without a list: matching %v list %v", rep["matching"], rep["list"])
	}
	if lk.Call("list").String() != "null" {
		t.Errorf("list() = %s before any load", lk.Call("list").String())
	}
}

func TestBadArgumentsGiveJSONErrorsNotACrash(t *testing.T) {
	lk := fixture(t, "", time.Now)
	for name, out := range map[string]string{
		"no argument":     lk.Call("check").String(),
		"not a string":    lk.Call("check", 42).String(),
		"not JSON":        lk.Call("check", "{nope").String(),
		"unknown field":   lk.Call("match", `{"nmae":"x"}`).String(),
		"bundle not u8":   lk.Call("loadBundle", "bytes", "").String(),
		"bundle no bytes": lk.Call("loadBundle").String(),
	} {
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Errorf("%s: not JSON: %q", name, out)
			continue
		}
		if e, _ := m["error"].(string); e == "" {
			t.Errorf("%s: no error in %s", name, out)
		}
	}
	// The engine still answers after the bad calls.
	if !strings.Contains(lk.Call("check", `{"mrz":"`+strings.ReplaceAll(specimen, "\n", `\n`)+`"}`).String(), `"TD3"`) {
		t.Error("engine broken after bad calls")
	}
}

func TestLoadBundleVerifiesKeepsTheFloorAndRejectsWithReasons(t *testing.T) {
	k := newKey(t, "wasm-test")
	now := time.Now()
	lk := fixture(t, k.vkey, func() time.Time { return now })
	month := 30 * 24 * time.Hour

	r := load(t, lk, makeBundle(t, k, 5, now.Add(-time.Hour), now.Add(month)), "")
	if !r.OK || r.List == nil || r.List.Seq != 5 || r.List.State != "valid" {
		t.Fatalf("valid bundle: %+v", r)
	}
	state := string(r.State)
	if !strings.Contains(state, `"seq":5`) {
		t.Fatalf("state does not record the floor: %s", state)
	}

	tampered := makeBundle(t, k, 6, now.Add(-time.Hour), now.Add(month))
	tampered[len(tampered)-1] ^= 1
	other := newKey(t, "someone-else")
	cases := []struct {
		name, code, step string
		data             []byte
	}{
		{"a rolled-back bundle", "rollback", "rollback", makeBundle(t, k, 4, now.Add(-time.Hour), now.Add(month))},
		{"a tampered bundle", "tampered", "payload", tampered},
		{"an expired bundle", "expired", "expiry", makeBundle(t, k, 7, now.Add(-2*month), now.Add(-time.Hour))},
		{"a bundle signed by an unknown key", "untrusted", "signature", makeBundle(t, other, 8, now.Add(-time.Hour), now.Add(month))},
		{"bytes that are not a bundle", "envelope", "envelope", []byte("this is not a list bundle, just text")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := load(t, lk, c.data, state)
			if r.OK || r.Code != c.code || r.Step != c.step {
				t.Errorf("got ok=%v code=%q step=%q (%s), want %s at %s", r.OK, r.Code, r.Step, r.Error, c.code, c.step)
			}
			if r.List == nil || r.List.Seq != 5 {
				t.Errorf("the previous list is not kept: %+v", r.List)
			}
		})
	}
	// The same bundle again is an idempotent reload.
	if r := load(t, lk, makeBundle(t, k, 5, now.Add(-time.Hour), now.Add(month)), state); !r.OK {
		t.Errorf("reloading the accepted bundle: %+v", r)
	}
}

func TestAClockMovedBackCannotReviveAnExpiredList(t *testing.T) {
	k := newKey(t, "wasm-test")
	wall := time.Now()
	lk := fixture(t, k.vkey, func() time.Time { return wall })
	// The page last saw a time 10 days ahead of this computer's clock.
	state := `{"version":1,"lists":[],"last_seen":"` + wall.Add(10*24*time.Hour).UTC().Format(time.RFC3339) + `"}`
	r := load(t, lk, makeBundle(t, k, 1, wall.Add(-time.Hour), wall.Add(5*24*time.Hour)), state)
	if r.OK || r.Code != "expired" {
		t.Errorf("a list that expired before the last-seen time was accepted: %+v", r)
	}
	if !r.ClockBehind {
		t.Error("the clock moved back was not reported")
	}
	if !strings.Contains(string(r.State), wall.Add(10*24*time.Hour).UTC().Format("2006-01-02")) {
		t.Errorf("the last-seen time went backwards: %s", r.State)
	}
}

func TestADamagedStateIsResetAndSaid(t *testing.T) {
	k := newKey(t, "wasm-test")
	now := time.Now()
	lk := fixture(t, k.vkey, func() time.Time { return now })
	r := load(t, lk, makeBundle(t, k, 3, now.Add(-time.Hour), now.Add(24*time.Hour)), "{broken")
	if !r.OK || r.StateNote == "" {
		t.Errorf("damaged state: %+v", r)
	}
}

func TestABuildWithoutKeysRejectsEveryList(t *testing.T) {
	k := newKey(t, "wasm-test")
	now := time.Now()
	lk := fixture(t, "", func() time.Time { return now })
	r := load(t, lk, makeBundle(t, k, 1, now.Add(-time.Hour), now.Add(24*time.Hour)), "")
	if r.OK || r.Code != "no_trust" {
		t.Errorf("got %+v", r)
	}
}

func TestTrustListsTheCompiledInKeys(t *testing.T) {
	a, b := newKey(t, "lookout-demo"), newKey(t, "other")
	lk := fixture(t, a.vkey+","+b.vkey, time.Now)
	var keys []trustedKey
	if err := json.Unmarshal([]byte(lk.Get("trust").String()), &keys); err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2 || keys[0].Name != "lookout-demo" || !keys[0].Demo || keys[1].Demo || len(keys[0].Fingerprint) != 16 {
		t.Errorf("trust = %+v", keys)
	}
}

// BenchmarkCheckThroughJS is the page's hot path: a JSON string in through
// syscall/js, the screening, a JSON string out — against a small list.
func BenchmarkCheckThroughJS(b *testing.B) {
	k := newKeyB(b)
	now := time.Now()
	newHost(k.vkey, func() time.Time { return now }).register(js.Global())
	lk := js.Global().Get("lookout")
	data := makeBundleB(b, k, now)
	lk.Call("loadBundle", u8(data), "")
	req := `{"mrz":"P<MEXGARCIA<LOPEZ<<JUAN<CARLOS<<<<<<<<<<<<<<\nG123456786MEX8001014M3111264<<<<<<<<<<<<<<<4"}`
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out := lk.Call("check", req).String(); len(out) < 100 {
			b.Fatal(out)
		}
	}
}

func newKeyB(b *testing.B) keyPair {
	skey, vkey, err := note.GenerateKey(rand.Reader, "wasm-bench")
	if err != nil {
		b.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		b.Fatal(err)
	}
	return keyPair{s, vkey}
}

func makeBundleB(b *testing.B, k keyPair, now time.Time) []byte {
	entries := []bundle.Entry{{ID: "t:1", Category: bundle.CatWarrant, Names: []bundle.Name{{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: bundle.NamePrimary}},
		DOBs: []bundle.DateSpec{{Date: "1980-01-01"}}, Nationalities: []string{"MEX"}}}
	p := &bundle.Payload{Entries: entries}
	var err error
	if p.NameIndex, err = watchlist.BuildNameIndex(entries); err != nil {
		b.Fatal(err)
	}
	if p.DocIndex, err = watchlist.BuildDocIndex(nil); err != nil {
		b.Fatal(err)
	}
	data, err := bundle.Build(p, bundle.Header{Env: "test", List: "wasm-bench", Seq: 1, Issued: now.Add(-time.Hour).UTC().Truncate(time.Second), Expires: now.Add(24 * time.Hour).UTC().Truncate(time.Second)}, k.signer)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func TestStatsReportTheGoHeap(t *testing.T) {
	lk := fixture(t, "", time.Now)
	var s engineStats
	if err := json.Unmarshal([]byte(lk.Call("stats").String()), &s); err != nil {
		t.Fatal(err)
	}
	if s.HeapAlloc == 0 || s.HeapSys < s.HeapAlloc {
		t.Errorf("stats = %+v", s)
	}
}

func TestAClockOnceSetFarAheadDoesNotLockThePageOut(t *testing.T) {
	k := newKey(t, "wasm-test")
	wall := time.Now()
	clock := wall
	lk := fixture(t, k.vkey, func() time.Time { return clock })
	month := 30 * 24 * time.Hour
	r := load(t, lk, makeBundle(t, k, 1, wall.Add(-time.Hour), wall.Add(month)), "")
	if !r.OK {
		t.Fatalf("first list: %+v", r)
	}
	// By mistake the clock jumps five years ahead while the officer works.
	clock = wall.AddDate(5, 0, 0)
	lk.Call("check", `{"mrz":"`+strings.ReplaceAll(specimen, "\n", `\n`)+`"}`)
	r = load(t, lk, makeBundle(t, k, 2, wall, wall.Add(month)), string(r.State))
	if r.OK || r.Code != "expired" {
		t.Errorf("with the clock five years ahead a one-month list should look expired: %+v", r)
	}
	// The clock is put right: the page works again.
	clock = wall.Add(time.Hour)
	r = load(t, lk, makeBundle(t, k, 3, wall, wall.Add(month)), string(r.State))
	if !r.OK {
		t.Errorf("after the clock was fixed the page is still locked out: %+v", r)
	}
	if r.ClockBehind {
		t.Error("a fixed clock is reported as behind")
	}
}

// A payload hash handed over by the page (WebCrypto) is only a faster way
// to the same check: the right one verifies, a wrong one is refused at the
// payload step exactly like a tampered payload.
func TestThePagesPayloadHashMustEqualTheSignedOne(t *testing.T) {
	k := newKey(t, "wasm-test")
	now := time.Now()
	lk := fixture(t, k.vkey, func() time.Time { return now })
	data := makeBundle(t, k, 5, now.Add(-time.Hour), now.Add(30*24*time.Hour))
	n := int(data[12])<<24 | int(data[13])<<16 | int(data[14])<<8 | int(data[15])
	sum := sha256.Sum256(data[16+n:])
	call := func(digest string) LoadResult {
		var r LoadResult
		if err := json.Unmarshal([]byte(lk.Call("loadBundle", u8(data), "", digest).String()), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	wrong := sum
	wrong[0] ^= 1
	if r := call(hex.EncodeToString(wrong[:])); r.OK || r.Step != "payload" {
		t.Fatalf("a wrong page hash: ok=%v step=%q (%s), want a refusal at payload", r.OK, r.Step, r.Error)
	}
	if r := call(hex.EncodeToString(sum[:])); !r.OK {
		t.Fatalf("the right page hash: %+v", r)
	}
}
