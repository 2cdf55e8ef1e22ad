package screen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"lookout/internal/bundle"
	"lookout/internal/countries"
)

// The holders table finds listed persons by the identity documents the
// list says they hold, so a traveler presenting a listed person's passport
// is a strong hit whatever name the MRZ carries. It is built at
// bundle-build time (BuildHolders) into bundle.Payload.Holders and used in
// place:
//
//	"LKH1" magic
//	n records of 12 bytes, sorted by key:
//	    key   u64 little-endian: FNV-1a 64 of "STATE:NUMBER" (NUMBER in
//	          the canonical form of holderNumber)
//	    entry u32 little-endian: the entry's position in Payload.Entries
//
// A key match is a candidate only: the entry is decoded and one of its
// documents must match state and number, so hash collisions never make a
// hit. 12 bytes a document: 61,772 demo documents take 741 KB.

const holdersMagic = "LKH1"

const holderRecord = 12

// holderNumber is the canonical document number: letters and digits,
// upper case, O read as 0 (the usual misreading), so MRZ fillers, spaces
// and hyphens never hide a listed number.
func holderNumber(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == 'O':
			b.WriteByte('0')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

func holderState(s string) string {
	return countries.Normalize(strings.ToUpper(strings.TrimSpace(s)))
}

func holderKey(state, number string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(state))
	h.Write([]byte{':'})
	h.Write([]byte(number))
	return h.Sum64()
}

// minHolderNumber is the shortest number that can identify a document.
const minHolderNumber = 5

// BuildHolders builds the holders table over entries: one record per
// identity document with a known issuing state and a number of at least
// five letters or digits. Deterministic: same entries, same bytes.
func BuildHolders(entries []bundle.Entry) ([]byte, error) {
	type rec struct {
		key   uint64
		entry uint32
	}
	var recs []rec
	for i := range entries {
		for _, d := range entries[i].Documents {
			st, num := holderState(d.State), holderNumber(d.Number)
			if _, ok := countries.Lookup(st); !ok || len(num) < minHolderNumber {
				continue
			}
			recs = append(recs, rec{holderKey(st, num), uint32(i)})
		}
	}
	if len(recs) == 0 {
		return nil, nil
	}
	sort.Slice(recs, func(a, b int) bool {
		if recs[a].key != recs[b].key {
			return recs[a].key < recs[b].key
		}
		return recs[a].entry < recs[b].entry
	})
	out := make([]byte, 0, len(holdersMagic)+holderRecord*len(recs))
	out = append(out, holdersMagic...)
	var last rec
	for i, r := range recs {
		if i > 0 && r == last { // the same document twice on one entry
			continue
		}
		last = r
		out = binary.LittleEndian.AppendUint64(out, r.key)
		out = binary.LittleEndian.AppendUint32(out, r.entry)
	}
	return out, nil
}

// holders is an opened table: a view into the verified bundle.
type holders struct {
	recs []byte
}

func openHolders(b []byte, entries int) (*holders, error) {
	if len(b) == 0 {
		return &holders{}, nil
	}
	if len(b) < len(holdersMagic) || string(b[:len(holdersMagic)]) != holdersMagic {
		return nil, errors.New("holders table: bad magic")
	}
	recs := b[len(holdersMagic):]
	if len(recs)%holderRecord != 0 {
		return nil, fmt.Errorf("holders table: %d bytes is not a whole number of %d-byte records", len(recs), holderRecord)
	}
	// One pass checks order and entry bounds, so lookups can trust both.
	var prev uint64
	for off := 0; off < len(recs); off += holderRecord {
		k := binary.LittleEndian.Uint64(recs[off:])
		if off > 0 && k < prev {
			return nil, fmt.Errorf("holders table: record %d is out of order", off/holderRecord)
		}
		if e := binary.LittleEndian.Uint32(recs[off+8:]); int(e) >= entries {
			return nil, fmt.Errorf("holders table: record %d names entry %d of %d", off/holderRecord, e, entries)
		}
		prev = k
	}
	return &holders{recs: recs}, nil
}

// candidates returns the entries whose documents may be (state, number);
// with no state, every state's records are not searchable, so the caller
// passes the issuing state it has.
func (h *holders) candidates(state, number string) []int {
	if h == nil || len(h.recs) == 0 {
		return nil
	}
	key := holderKey(holderState(state), holderNumber(number))
	n := len(h.recs) / holderRecord
	i := sort.Search(n, func(i int) bool { return binary.LittleEndian.Uint64(h.recs[i*holderRecord:]) >= key })
	var out []int
	for ; i < n && binary.LittleEndian.Uint64(h.recs[i*holderRecord:]) == key; i++ {
		out = append(out, int(binary.LittleEndian.Uint32(h.recs[i*holderRecord+8:])))
	}
	return out
}
