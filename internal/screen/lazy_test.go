package screen

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/watchlist"
)

// rawBundle signs a payload encoded exactly as given (entry_offsets
// included or not), as another builder might write it.
func rawBundle(t *testing.T, tl *testList, offsets func(n int) []byte) []byte {
	t.Helper()
	ni, _ := watchlist.BuildNameIndex(listed)
	di, _ := watchlist.BuildDocIndex(nil)
	p := &bundle.Payload{Schema: bundle.SchemaVersion, Entries: listed, NameIndex: ni, DocIndex: di}
	if offsets != nil {
		p.EntryOffsets = offsets(len(listed))
	}
	raw, err := p.MarshalMsg(nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.BuildRaw(raw, bundle.SchemaVersion, bundle.Header{Env: "test", List: "screen-test", Seq: 1,
		Issued: testNow.Add(-time.Hour), Expires: testNow.Add(time.Hour)}, tl.signer)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEntriesAreFoundWithOrWithoutTheOffsetTable(t *testing.T) {
	tl := newTestList(t)
	for name, data := range map[string][]byte{
		"the builder's table": tl.build(t, 1, testNow.Add(-time.Hour), listed, nil),
		"no table (a walk)":   rawBundle(t, tl, nil),
	} {
		t.Run(name, func(t *testing.T) {
			e := New()
			e.SetClock(func() time.Time { return testNow })
			if _, err := e.Load(data, tl.policy, nil, testNow); err != nil {
				t.Fatal(err)
			}
			rep := e.Match(MatchRequest{Name: "Petra Novak", DOB: "1975"})
			if len(rep.Hits) != 1 || rep.Hits[0].ID != "test:3" {
				t.Fatalf("hits %+v, want test:3", rep.Hits)
			}
		})
	}
}

func TestABadOffsetTableIsRefused(t *testing.T) {
	tl := newTestList(t)
	for name, table := range map[string]func(n int) []byte{
		"too short":      func(n int) []byte { return make([]byte, 4*n-1) },
		"out of order":   func(n int) []byte { b := make([]byte, 4*n); binary.LittleEndian.PutUint32(b[4:], 0); return b },
		"past the array": func(n int) []byte { b := make([]byte, 4*n); binary.LittleEndian.PutUint32(b[4:], 1<<30); return b },
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New().Load(rawBundle(t, tl, table), tl.policy, nil, testNow)
			if err == nil || !strings.Contains(err.Error(), "entry_offsets") {
				t.Fatalf("error %v, want one naming entry_offsets", err)
			}
		})
	}
}
