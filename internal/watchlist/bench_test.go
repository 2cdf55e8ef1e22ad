package watchlist

import (
	"math/rand/v2"
	"sync"
	"testing"

	"lookout/internal/bundle"
	"lookout/internal/demolist"
)

var (
	benchOnce    sync.Once
	benchMatcher *Matcher
	benchQueries []Query
	benchIndex   []byte
)

// benchSetup builds the 70,000-person demo list, its index and a query
// mix: listed names as typed, with typos, in MRZ form, and travelers who
// are not listed (most real queries).
func benchSetup(b *testing.B) {
	benchOnce.Do(func() {
		entries := make([]bundle.Entry, 0, demolist.DefaultPeople)
		for i := 1; i <= demolist.DefaultPeople; i++ {
			entries = append(entries, demolist.Person(0, i))
		}
		idx, err := BuildNameIndex(entries)
		if err != nil {
			b.Fatal(err)
		}
		benchIndex = idx
		benchMatcher, err = NewMatcher(&bundle.Payload{Entries: entries, NameIndex: idx})
		if err != nil {
			b.Fatal(err)
		}
		r := rand.New(rand.NewPCG(1, 2))
		for len(benchQueries) < 1000 {
			e := entries[r.IntN(len(entries))]
			n := e.Names[0]
			switch len(benchQueries) % 4 {
			case 0:
				benchQueries = append(benchQueries, Query{Name: n.Full})
			case 1:
				toks := upperTokens(n)
				k := r.IntN(len(toks))
				if len(toks[k]) >= 4 {
					toks[k] = typo(r, toks[k])
				}
				benchQueries = append(benchQueries, Query{Name: joinSpace(toks)})
			case 2:
				given, sur := nameParts(n)
				benchQueries = append(benchQueries, Query{Name: mrzForm(given, sur), DOB: firstDOB(e)})
			default:
				benchQueries = append(benchQueries, Query{Name: travelerGiven[r.IntN(len(travelerGiven))] + " " + travelerSurname[r.IntN(len(travelerSurname))]})
			}
		}
	})
}

func joinSpace(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}

func firstDOB(e bundle.Entry) string {
	if len(e.DOBs) > 0 {
		return e.DOBs[0].Date
	}
	return ""
}

// BenchmarkMatch is one query against the 70,000-person demo list.
func BenchmarkMatch(b *testing.B) {
	benchSetup(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		benchMatcher.Match(benchQueries[i%len(benchQueries)])
		i++
	}
}

// BenchmarkOpenNameIndex is what a fresh edge instance pays before its
// first query: opening the index in place.
func BenchmarkOpenNameIndex(b *testing.B) {
	benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := OpenNameIndex(benchIndex); err != nil {
			b.Fatal(err)
		}
	}
}
