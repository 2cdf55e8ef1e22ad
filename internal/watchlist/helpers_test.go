package watchlist

import (
	"fmt"
	"testing"

	"lookout/internal/bundle"
)

// Pools for a background list that gives the test list realistic token
// frequencies: common names are common, the targets' rare names rare.
var (
	bgGiven = []string{"Mohammed", "Ahmed", "Ali", "Hassan", "Omar", "Juan", "Jose", "Carlos", "Maria", "Luis",
		"Sergey", "Ivan", "Alexander", "Dmitry", "Olga", "Wei", "Li", "John", "David", "Michael",
		"Pierre", "Jean", "Fatima", "Abdullah", "Ibrahim", "Yusuf", "Mustafa", "Ana", "Pedro", "Elena"}
	bgSurname = []string{"Garcia", "Lopez", "Martinez", "Rodriguez", "Hernandez", "Khan", "Ali", "Hussein", "Ahmed",
		"Ivanov", "Petrov", "Smirnov", "Wang", "Zhang", "Chen", "Smith", "Johnson", "Brown", "Martin",
		"Dubois", "Mohammed", "Abdullah", "Rahman", "Sanchez", "Perez", "Kuznetsov", "Popov", "Liu", "Li", "Bernard"}
)

// testEntries returns n background entries plus the given targets at the
// end (so a target's index is n + its position).
func testEntries(n int, targets ...bundle.Entry) []bundle.Entry {
	var out []bundle.Entry
	x := uint32(12345)
	rnd := func(k int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(k))
	}
	for i := 0; i < n; i++ {
		full := bgGiven[rnd(len(bgGiven))] + " " + bgGiven[rnd(len(bgGiven))] + " " + bgSurname[rnd(len(bgSurname))]
		out = append(out, bundle.Entry{
			ID:       fmt.Sprintf("bg:%d", i),
			Category: bundle.CatOther,
			Names:    []bundle.Name{{Full: full, Kind: bundle.NamePrimary}},
			DOBs:     []bundle.DateSpec{{Date: fmt.Sprintf("%d", 1950+rnd(50))}},
		})
	}
	return append(out, targets...)
}

func mustMatcher(t testing.TB, entries []bundle.Entry) *Matcher {
	t.Helper()
	idx, err := BuildNameIndex(entries)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMatcher(&bundle.Payload{Entries: entries, NameIndex: idx})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
