//go:build js && wasm

// Command wasm is the screening engine for the officer's page. It exposes
// one global object, lookout, whose functions take and return JSON strings
// — the same JSON as the native API (internal/screen, schema v1):
//
//	lookout.check(requestJSON)          → screen.Report JSON
//	lookout.match(matchRequestJSON)     → screen.MatchReport JSON
//	lookout.loadBundle(bytes, stateJSON[, payloadSHA256hex]) → {ok, list, state, error, step, code, clock_behind}
//	lookout.list()                      → screen.ListInfo JSON, or null
//	lookout.trust                       → JSON array of the trusted keys {name, fingerprint}
//	lookout.stats()                     → the Go heap {heap_alloc, heap_sys, num_gc, pause_total_ns}
//	lookout.version                     → build description
//
// and calls the page's onLookoutReady() once they are in place.
//
// Trust is compiled in: the verifier keys come from -X main.trustedKeys
// (comma- or newline-separated) and nothing the page passes can add one.
// The page keeps the rollback state (the last accepted sequence per list)
// and the last-seen clock in IndexedDB and hands them to loadBundle, which
// returns them updated; a clock moved backwards cannot revive an expired
// list, because the engine never uses a time earlier than the last one
// seen. The last-seen time only moves with signed list times and with the
// wall clock while it is within the validity of an accepted list, so a
// clock once set far ahead by mistake does not lock the page out.
//
// The build has no net/http: the page fetches, Go verifies.
package main

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/screen"
)

// trustedKeys is set at link time: -X main.trustedKeys=<verifier keys>.
var trustedKeys string

func main() {
	h := newHost(trustedKeys, time.Now)
	h.register(js.Global())
	if ready := js.Global().Get("onLookoutReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // serve calls from the page for the life of the page
}

// host is the page's engine and what it remembers between calls.
type host struct {
	eng      *screen.Engine
	policy   bundle.Policy
	trustErr error
	wallNow  func() time.Time

	mu sync.Mutex
	// lastSeen is the latest trustworthy time seen, persisted by the page:
	// an accepted list's signed issue time, or the wall clock while it reads
	// a time no later than ceiling.
	lastSeen time.Time
	// ceiling is the latest expiry of any accepted list. A wall clock past
	// it is not recorded: a clock set years ahead by mistake would
	// otherwise make every later list look expired for good.
	ceiling time.Time
}

func newHost(keys string, now func() time.Time) *host {
	h := &host{eng: screen.New(), wallNow: now}
	keys = strings.ReplaceAll(keys, ",", "\n")
	if strings.TrimSpace(keys) == "" {
		h.trustErr = errors.New("this build of the page trusts no list keys (built without -X main.trustedKeys)")
	} else if ks, err := bundle.ParseKeys(keys); err != nil {
		h.trustErr = fmt.Errorf("the compiled-in trusted keys do not parse: %v", err)
	} else {
		h.policy = bundle.Policy{Keys: ks}
	}
	h.eng.SetClock(h.now)
	return h
}

// now is the engine's clock: the wall clock, but never earlier than the
// last time seen, so moving the computer's clock back cannot make an
// expired list valid again.
func (h *host) now() time.Time {
	t := h.wallNow()
	h.mu.Lock()
	defer h.mu.Unlock()
	if t.Before(h.lastSeen) {
		return h.lastSeen
	}
	if !h.ceiling.IsZero() && !t.After(h.ceiling) {
		h.lastSeen = t
	}
	return t
}

// accepted moves the clock state forward with a newly accepted list's
// signed times.
func (h *host) accepted(info *screen.ListInfo) {
	if info == nil {
		return
	}
	issued, err1 := time.Parse(time.RFC3339, info.Issued)
	expires, err2 := time.Parse(time.RFC3339, info.Expires)
	h.mu.Lock()
	defer h.mu.Unlock()
	if err1 == nil && issued.After(h.lastSeen) {
		h.lastSeen = issued
	}
	if err2 == nil && expires.After(h.ceiling) {
		h.ceiling = expires
	}
}

// clockBehind reports whether the wall clock is more than the allowed skew
// behind the last time seen.
func (h *host) clockBehind() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.wallNow().Add(bundle.DefaultSkew).Before(h.lastSeen)
}

func (h *host) register(global js.Value) {
	obj := js.Global().Get("Object").New()
	obj.Set("check", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return h.call(args, func(b []byte) ([]byte, error) { return h.eng.CheckJSON(b) })
	}))
	obj.Set("match", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return h.call(args, func(b []byte) ([]byte, error) { return h.eng.MatchJSON(b) })
	}))
	obj.Set("loadBundle", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return h.loadBundleJS(args)
	}))
	obj.Set("list", js.FuncOf(func(_ js.Value, _ []js.Value) any {
		return string(mustJSON(h.eng.List()))
	}))
	obj.Set("stats", js.FuncOf(func(_ js.Value, _ []js.Value) any {
		return string(mustJSON(memStats()))
	}))
	obj.Set("trust", string(mustJSON(h.trust())))
	obj.Set("version", version())
	global.Set("lookout", obj)
}

// call runs one JSON-in/JSON-out engine function. A bad argument or a panic
// becomes a JSON error object, never a dead engine.
func (h *host) call(args []js.Value, f func([]byte) ([]byte, error)) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON(fmt.Sprintf("internal error: %v", r))
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return errorJSON("expected one argument: the request as a JSON string")
	}
	b, err := f([]byte(args[0].String()))
	if err != nil {
		return errorJSON(err.Error())
	}
	return string(b)
}

func errorJSON(msg string) string {
	return string(mustJSON(map[string]any{"schema": screen.Schema, "error": msg}))
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte(`{"error":"cannot encode result"}`)
	}
	return b
}

// trustedKey is how the page shows a compiled-in key.
type trustedKey struct {
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
	Demo        bool   `json:"demo"`
}

func (h *host) trust() []trustedKey {
	out := []trustedKey{}
	for _, k := range h.policy.Keys {
		out = append(out, trustedKey{Name: k.Name, Fingerprint: k.Fingerprint(), Demo: k.IsDemo()})
	}
	return out
}

// LoadResult is loadBundle's answer. State is always returned (updated
// last-seen clock, and the new rollback floor after a success): the page
// stores it whatever the outcome.
type LoadResult struct {
	OK          bool             `json:"ok"`
	List        *screen.ListInfo `json:"list"` // the list in use after the call (the previous one after a failure)
	State       json.RawMessage  `json:"state"`
	Error       string           `json:"error,omitempty"`
	Step        string           `json:"step,omitempty"` // the verification step that failed
	Code        string           `json:"code,omitempty"` // a stable cause the page translates
	ClockBehind bool             `json:"clock_behind"`
	StateNote   string           `json:"state_note,omitempty"`
}

func (h *host) loadBundleJS(args []js.Value) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = string(mustJSON(LoadResult{Error: fmt.Sprintf("internal error: %v", r), Step: "internal", Code: "internal", List: h.eng.List()}))
		}
	}()
	if len(args) < 1 || args[0].Type() != js.TypeObject || !args[0].InstanceOf(js.Global().Get("Uint8Array")) {
		return string(mustJSON(LoadResult{Error: "expected a Uint8Array with the bundle", Step: "argument", Code: "argument", List: h.eng.List()}))
	}
	data := make([]byte, args[0].Get("length").Int())
	js.CopyBytesToGo(data, args[0])
	state := ""
	if len(args) > 1 && args[1].Type() == js.TypeString {
		state = args[1].String()
	}
	// The page may hand over the payload's SHA-256, computed with
	// WebCrypto several times faster than Go compiled to wasm. It is only
	// a faster way to the same check: the value must still equal the
	// hash the signed header carries, or the list is refused.
	var digest *[32]byte
	if len(args) > 2 && args[2].Type() == js.TypeString {
		if b, err := hex.DecodeString(args[2].String()); err == nil && len(b) == 32 {
			digest = (*[32]byte)(b)
		}
	}
	return string(mustJSON(h.loadBundle(data, state, digest)))
}

// loadBundle verifies data with the compiled-in policy and the rollback
// state the page kept, and switches to it when it passes.
func (h *host) loadBundle(data []byte, stateJSON string, digest *[32]byte) LoadResult {
	store, stErr := parseState(stateJSON)
	var res LoadResult
	if stErr != nil {
		// A damaged record must not brick the page; the build's MinSeq
		// still applies, and the officer is told.
		res.StateNote = "the stored rollback state could not be read and was reset: " + stErr.Error()
		store = &pageStore{Version: 1, Lists: []listState{}}
	}
	h.mu.Lock()
	if store.LastSeen.After(h.lastSeen) {
		h.lastSeen = store.LastSeen
	}
	if store.Ceiling.After(h.ceiling) {
		h.ceiling = store.Ceiling
	}
	h.mu.Unlock()
	res.ClockBehind = h.clockBehind()
	now := h.now()

	if h.trustErr != nil {
		res.Error, res.Step, res.Code = h.trustErr.Error(), string(bundle.StepPolicy), "no_trust"
	} else if _, err := h.eng.Load(data, h.withDigest(digest), store, now); err != nil {
		res.Error = err.Error()
		res.Step, res.Code = classify(err)
	} else {
		res.OK = true
		h.accepted(h.eng.List())
	}
	res.List = h.eng.List()
	h.mu.Lock()
	store.LastSeen, store.Ceiling = h.lastSeen, h.ceiling
	h.mu.Unlock()
	res.State = mustJSON(store)
	return res
}

// withDigest is the policy with the page's payload hash, when it gave one.
func (h *host) withDigest(d *[32]byte) bundle.Policy {
	p := h.policy
	if d != nil {
		sum := *d
		p.Digest = func([]byte) [32]byte { return sum }
	}
	return p
}

// classify names the failed step and a cause the page can translate.
func classify(err error) (step, code string) {
	var ve *bundle.VerifyError
	if !errors.As(err, &ve) {
		return "load", "load"
	}
	step = string(ve.Step)
	causes := []struct {
		err  error
		code string
	}{
		{bundle.ErrExpired, "expired"},
		{bundle.ErrNotYetValid, "not_yet_valid"},
		{bundle.ErrRollback, "rollback"},
		{bundle.ErrEquivocation, "equivocation"},
		{bundle.ErrBadSignature, "bad_signature"},
		{bundle.ErrNoTrustedSigner, "untrusted"},
		{bundle.ErrThreshold, "threshold"},
		{bundle.ErrEnvNotAllowed, "env"},
		{bundle.ErrListNotAllowed, "list"},
		{bundle.ErrSchema, "schema"},
		{bundle.ErrPayloadHash, "tampered"},
		{bundle.ErrPayloadLength, "truncated"},
	}
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return step, c.code
		}
	}
	return step, step
}

// pageStore is the rollback state as the page keeps it in IndexedDB: a
// bundle.RollbackStore over plain JSON.
type pageStore struct {
	Version  int         `json:"version"`
	Lists    []listState `json:"lists"`
	LastSeen time.Time   `json:"last_seen"`
	Ceiling  time.Time   `json:"ceiling"`
}

type listState struct {
	Env        string    `json:"env"`
	List       string    `json:"list"`
	Seq        uint64    `json:"seq"`
	HeaderHash string    `json:"header_hash"` // hex
	Issued     time.Time `json:"issued"`
}

func parseState(s string) (*pageStore, error) {
	st := &pageStore{Version: 1, Lists: []listState{}}
	if strings.TrimSpace(s) == "" {
		return st, nil
	}
	if err := json.Unmarshal([]byte(s), st); err != nil {
		return nil, err
	}
	if st.Version != 1 {
		return nil, fmt.Errorf("state version %d, want 1", st.Version)
	}
	for _, l := range st.Lists {
		if b, err := hex.DecodeString(l.HeaderHash); err != nil || len(b) != 32 {
			return nil, fmt.Errorf("list %s/%s: header hash is not 32 bytes of hex", l.Env, l.List)
		}
	}
	if st.Lists == nil {
		st.Lists = []listState{}
	}
	return st, nil
}

// Get implements bundle.RollbackStore.
func (s *pageStore) Get(env, list string) (bundle.RollbackState, bool, error) {
	for _, l := range s.Lists {
		if l.Env == env && l.List == list {
			st := bundle.RollbackState{Env: env, List: list, Seq: l.Seq, Issued: l.Issued}
			b, _ := hex.DecodeString(l.HeaderHash) // checked by parseState
			copy(st.HeaderHash[:], b)
			return st, true, nil
		}
	}
	return bundle.RollbackState{}, false, nil
}

// Put implements bundle.RollbackStore.
func (s *pageStore) Put(st bundle.RollbackState) error {
	s.Version = 1
	ls := listState{Env: st.Env, List: st.List, Seq: st.Seq, HeaderHash: hex.EncodeToString(st.HeaderHash[:]), Issued: st.Issued.UTC()}
	for i, l := range s.Lists {
		if l.Env == st.Env && l.List == st.List {
			s.Lists[i] = ls
			return nil
		}
	}
	s.Lists = append(s.Lists, ls)
	return nil
}

// engineStats is what lookout.stats() reports: the Go heap, for the
// performance tests and for an officer's bug report.
type engineStats struct {
	HeapAlloc    uint64 `json:"heap_alloc"`
	HeapSys      uint64 `json:"heap_sys"`
	NumGC        uint32 `json:"num_gc"`
	PauseTotalNs uint64 `json:"pause_total_ns"`
}

func memStats() engineStats {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return engineStats{HeapAlloc: m.HeapAlloc, HeapSys: m.HeapSys, NumGC: m.NumGC, PauseTotalNs: m.PauseTotalNs}
}

// version describes the build: Go version and the commit it came from.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "lookout (unknown build)"
	}
	v := "lookout " + bi.GoVersion
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += "+dirty"
		}
	}
	return v
}
