package api_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/screen"
	"lookout/internal/watchlist"
)

// These benchmarks price what a fresh worker instance pays to start using
// its embedded list (scripts/edge.sh; run them under GOOS=js GOARCH=wasm
// too): the full Load it does today, against its parts, to show what
// opening the list in place would save.

// BenchmarkListLoadFull is screen.Engine.Load: verify (signatures, header,
// payload SHA-256), decode every entry, open the indexes.
func BenchmarkListLoadFull(b *testing.B) {
	d := loadDemo(b)
	for b.Loop() {
		if _, err := screen.New().Load(d.data, d.policy, nil, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListPayloadHash is the SHA-256 over the payload alone.
func BenchmarkListPayloadHash(b *testing.B) {
	d := loadDemo(b)
	b.SetBytes(int64(len(d.data)))
	for b.Loop() {
		sha256.Sum256(d.data)
	}
}

// BenchmarkListOpenInPlace is what an in-place open needs: the header hash
// (to compare with the build's pin), the two index blobs located in the
// payload without copying, and both indexes opened.
func BenchmarkListOpenInPlace(b *testing.B) {
	d := loadDemo(b)
	v, err := bundle.VerifyRaw(d.data, d.policy, nil, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	raw := v.RawPayload
	for b.Loop() {
		if _, err := bundle.HeaderHashOf(d.data); err != nil {
			b.Fatal(err)
		}
		ni, err := bundle.PayloadField(raw, "name_index")
		if err != nil {
			b.Fatal(err)
		}
		di, err := bundle.PayloadField(raw, "doc_index")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := watchlist.OpenNameIndex(ni); err != nil {
			b.Fatal(err)
		}
		if _, err := watchlist.OpenDocIndex(di); err != nil {
			b.Fatal(err)
		}
	}
}
