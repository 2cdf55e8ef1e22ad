package screen

import (
	"encoding/binary"
	"strings"
	"testing"

	"lookout/internal/bundle"
)

func TestHoldersFindListedDocumentsThroughFillersAndMisreadO(t *testing.T) {
	entries := []bundle.Entry{
		{ID: "a", Documents: []bundle.DocRef{{Number: "G98765432", State: "MEX"}, {Number: "X1", State: "MEX"}}},
		{ID: "b", Documents: []bundle.DocRef{{Number: "C01234567", State: "D"}}},
		{ID: "c", Documents: []bundle.DocRef{{Number: "AB123456", State: ""}}},
	}
	b, err := BuildHolders(entries)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(b), len(holdersMagic)+2*holderRecord; got != want {
		t.Fatalf("table is %d bytes, want %d (short numbers and unknown states left out)", got, want)
	}
	h, err := openHolders(b, len(entries))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, state, number string
		want                int
	}{
		{"exact number", "MEX", "G98765432", 0},
		{"number with fillers and lower case", "MEX", "g9876-5432<", 0},
		{"German D meets DEU", "DEU", "C0123456 7", 1},
		{"O misread for 0", "D", "CO1234567", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := h.candidates(tc.state, tc.number)
			if len(got) != 1 || got[0] != tc.want {
				t.Fatalf("candidates %v, want [%d]", got, tc.want)
			}
		})
	}
	if got := h.candidates("USA", "G98765432"); len(got) != 0 {
		t.Errorf("another state's document met: %v", got)
	}
}

func TestCorruptHoldersTablesAreRefused(t *testing.T) {
	rec := func(key uint64, entry uint32) []byte {
		b := binary.LittleEndian.AppendUint64(nil, key)
		return binary.LittleEndian.AppendUint32(b, entry)
	}
	cat := func(parts ...[]byte) []byte {
		var out []byte
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	for _, tc := range []struct {
		name, want string
		b          []byte
	}{
		{"bad magic", "bad magic", []byte("XXXX")},
		{"a torn record", "whole number", cat([]byte(holdersMagic), rec(1, 0)[:7])},
		{"records out of order", "out of order", cat([]byte(holdersMagic), rec(2, 0), rec(1, 0))},
		{"an entry past the end", "names entry 5", cat([]byte(holdersMagic), rec(1, 5))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := openHolders(tc.b, 3)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func FuzzOpenHolders(f *testing.F) {
	good, _ := BuildHolders([]bundle.Entry{{Documents: []bundle.DocRef{{Number: "G98765432", State: "MEX"}}}})
	f.Add(good, "MEX", "G98765432")
	f.Add([]byte(holdersMagic), "", "")
	f.Fuzz(func(t *testing.T, b []byte, state, number string) {
		h, err := openHolders(b, 4)
		if err != nil {
			return
		}
		for _, i := range h.candidates(state, number) {
			if i < 0 || i >= 4 {
				t.Fatalf("candidate %d out of range", i)
			}
		}
	})
}
