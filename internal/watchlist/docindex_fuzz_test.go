package watchlist

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"lookout/internal/bundle"
)

// FuzzOpenDocIndex feeds arbitrary bytes to OpenDocIndex and, when they
// open, to Lookup and Stats: neither may panic, and an opened index may
// only return hits whose number is the query's canonical form (or a range).
func FuzzOpenDocIndex(f *testing.F) {
	valid, err := BuildDocIndex(docFixture)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:docHeaderSize])
	f.Add([]byte(docMagic))
	big, err := BuildDocIndex(randomLookouts(rand.New(rand.NewPCG(3, 4)), 300))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(big)
	flipped := bytes.Clone(valid)
	flipped[docHeaderSize+10] ^= 0xff
	f.Add(flipped)
	f.Fuzz(func(t *testing.T, b []byte) {
		ix, err := OpenDocIndex(b)
		if err != nil {
			return
		}
		ix.Stats()
		for _, q := range [][2]string{{"MEX", "G12345678"}, {"SYR", "N008801234"}, {"ESP", "XD0123456"}, {"", "123456789"}, {"MEX", "MAAF730420HNLRNR25"}} {
			for _, h := range ix.Lookup(q[0], q[1]) {
				if !h.Range && DocCanonical(h.Number) != DocCanonical(q[1]) && len(b) == len(valid) && bytes.Equal(b, valid) {
					t.Errorf("hit %v for %q", h, q[1])
				}
			}
		}
	})
}

// FuzzDocIndexLookup checks, for any query, that a valid index finds what
// a plain scan of the lookouts finds.
func FuzzDocIndexLookup(f *testing.F) {
	ix := openFixture(f)
	for _, l := range docFixture {
		f.Add(l.State, l.Number)
		f.Add(strings.ToLower(l.State), strings.ReplaceAll(l.Number, "0", "O"))
	}
	f.Add("SYR", "N00880<1234")
	f.Add("", "")
	f.Add("D", "c01x 00t47")
	f.Fuzz(func(t *testing.T, state, number string) {
		got := ix.Lookup(state, number)
		want := 0
		canon := DocCanonical(number)
		st := docState(state)
		for _, l := range docFixture {
			if canon == "" || (strings.TrimSpace(state) != "" && l.State != st) {
				continue
			}
			if strings.TrimSpace(state) != "" && st == "" {
				continue
			}
			if l.End == "" && DocCanonical(l.Number) == canon {
				want++
			}
			if l.End != "" && docInRange(canon, DocCanonical(l.Number), DocCanonical(l.End)) {
				want++
			}
		}
		if len(got) != want {
			t.Errorf("Lookup(%q, %q) = %v, a scan finds %d", state, number, got, want)
		}
	})
}

var benchDocs struct {
	ix   *DocIndex
	b    []byte
	hits []bundle.DocLookout
}

func benchDocIndex(b *testing.B) *DocIndex {
	if benchDocs.ix == nil {
		ls := randomDemoLikeLookouts()
		data, err := BuildDocIndex(ls)
		if err != nil {
			b.Fatal(err)
		}
		ix, err := OpenDocIndex(data)
		if err != nil {
			b.Fatal(err)
		}
		benchDocs.ix, benchDocs.b = ix, data
		for i := 0; i < len(ls); i += len(ls) / 1000 {
			if ls[i].End == "" {
				benchDocs.hits = append(benchDocs.hits, ls[i])
			}
		}
	}
	return benchDocs.ix
}

func BenchmarkDocLookupHit(b *testing.B) {
	ix := benchDocIndex(b)
	hits := benchDocs.hits
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := hits[i%len(hits)]
		if len(ix.Lookup(d.State, d.Number)) == 0 {
			b.Fatal("miss")
		}
	}
}

func BenchmarkDocLookupMiss(b *testing.B) {
	ix := benchDocIndex(b)
	hits := benchDocs.hits
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := hits[i%len(hits)]
		ix.Lookup(d.State, d.Number[:len(d.Number)-1]+"X")
	}
}

func BenchmarkDocLookupRange(b *testing.B) {
	ix := benchDocIndex(b)
	b.ResetTimer()
	for b.Loop() {
		if len(ix.Lookup("SYR", "N09103000")) == 0 {
			b.Fatal("miss")
		}
	}
}

func BenchmarkDocOpen(b *testing.B) {
	benchDocIndex(b)
	data := benchDocs.b
	b.ResetTimer()
	for b.Loop() {
		if _, err := OpenDocIndex(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildDocIndex(b *testing.B) {
	ls := randomDemoLikeLookouts()
	b.ResetTimer()
	for b.Loop() {
		if _, err := BuildDocIndex(ls); err != nil {
			b.Fatal(err)
		}
	}
}
