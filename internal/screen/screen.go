// Package screen is Lookout's one use case: a traveler's document in, one
// report out. It composes the MRZ parser, the fraud heuristics, the
// watchlist matcher and the document lookouts against one verified list
// bundle, and its Request and Report types are the JSON API (schema v1)
// every host uses unchanged: the CLI, the page (wasm), the native server and
// the edge worker.
//
// # Use
//
//	e := screen.New()
//	info, err := e.Load(bundleBytes, policy, store, time.Now()) // verify, decode, switch atomically
//	rep := e.Check(screen.Request{MRZ: "P<UTOERIKSSON<<ANNA<MARIA…"})
//
// An Engine is safe for concurrent use; Load replaces the list atomically
// and a failed Load keeps the previous list.
package screen

import (
	"sync/atomic"
	"time"
)

// Schema is the version of the JSON shapes in this package.
const Schema = 1

// Recommendations, from the least to the most serious.
const (
	Clear  = "clear"
	Review = "review"
	Refer  = "refer"
)

// Engine screens requests against the list it has loaded.
type Engine struct {
	cur atomic.Pointer[loaded]
	// now returns the time used for date checks; tests pin it.
	now func() time.Time
}

// New returns an Engine with no list: MRZ checks and heuristics work,
// matching reports itself unavailable until Load succeeds.
func New() *Engine { return &Engine{now: time.Now} }

// SetClock pins the engine's clock (tests, reproducible batch runs).
func (e *Engine) SetClock(now func() time.Time) { e.now = now }
