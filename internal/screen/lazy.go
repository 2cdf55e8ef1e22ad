package screen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/tinylib/msgp/msgp"

	"lookout/internal/bundle"
)

// A list is used in place: after verification (signatures, header, the
// payload's hash) only the two indexes and the issuer facts are read; the
// entries — most of the bytes — are decoded one at a time, when a hit
// needs one. Loading a 70,000-entry list therefore costs a walk over the
// entries' outline instead of decoding and allocating every string, which
// is what makes a cold start in the page and a fresh edge instance fast.

// payloadValue returns the raw msgpack bytes of one top-level payload
// field (any type), a view into raw; nil when the field is absent.
func payloadValue(raw []byte, name string) ([]byte, error) {
	n, b, err := msgp.ReadMapHeaderBytes(raw)
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	for i := uint32(0); i < n; i++ {
		var key []byte
		if key, b, err = msgp.ReadMapKeyZC(b); err != nil {
			return nil, fmt.Errorf("payload key %d: %w", i, err)
		}
		rest, err := msgp.Skip(b)
		if err != nil {
			return nil, fmt.Errorf("payload field %q: %w", key, err)
		}
		if string(key) == name {
			return b[:len(b)-len(rest)], nil
		}
		b = rest
	}
	return nil, nil
}

// entryTable decodes entries on demand from the payload's entries array.
type entryTable struct {
	raw  []byte   // the entries array, a view into the verified bundle
	offs []uint32 // offs[i] is where entry i starts in raw

	mu    sync.Mutex
	cache map[int]*bundle.Entry
}

// maxCachedEntries bounds the decoded entries kept for reuse.
const maxCachedEntries = 4096

func newEntryTable(payload []byte) (*entryTable, error) {
	raw, err := payloadValue(payload, "entries")
	if err != nil {
		return nil, err
	}
	t := &entryTable{raw: raw, cache: map[int]*bundle.Entry{}}
	if raw == nil || msgp.IsNil(raw) {
		return t, nil
	}
	n, rest, err := msgp.ReadArrayHeaderBytes(raw)
	if err != nil {
		return nil, fmt.Errorf("payload entries: %w", err)
	}
	if n > bundle.MaxEntries {
		return nil, fmt.Errorf("payload entries: %d entries, over the limit of %d", n, bundle.MaxEntries)
	}
	t.offs = make([]uint32, n)
	hdr := len(raw) - len(rest)
	table, err := bundle.PayloadField(payload, "entry_offsets")
	if err != nil {
		return nil, err
	}
	if table != nil {
		// The builder's table: no walk over the entries. It is signed
		// with the rest, but checked anyway, so a bad table is an error
		// and never a wild read.
		if len(table) != 4*int(n) {
			return nil, fmt.Errorf("payload entry_offsets: %d bytes for %d entries", len(table), n)
		}
		prev := -1
		for i := range t.offs {
			off := int(binary.LittleEndian.Uint32(table[4*i:]))
			if off <= prev || (i == 0 && off != 0) || off >= len(rest) {
				return nil, fmt.Errorf("payload entry_offsets: entry %d at %d is out of order or outside the %d-byte array", i, off, len(rest))
			}
			t.offs[i] = uint32(hdr + off)
			prev = off
		}
		return t, nil
	}
	for i := range t.offs {
		t.offs[i] = uint32(len(raw) - len(rest))
		if rest, err = msgp.Skip(rest); err != nil {
			return nil, fmt.Errorf("payload entry %d: %w", i, err)
		}
	}
	return t, nil
}

func (t *entryTable) Len() int { return len(t.offs) }

// get decodes entry i (nil when i is out of range or the entry does not
// decode within the format's limits: the hit is then dropped, never a
// panic).
func (t *entryTable) get(i int) *bundle.Entry {
	if i < 0 || i >= len(t.offs) {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.cache[i]; ok {
		return e
	}
	e := new(bundle.Entry)
	if _, err := e.UnmarshalMsg(t.raw[t.offs[i]:]); err != nil {
		return nil
	}
	if len(t.cache) >= maxCachedEntries {
		clear(t.cache)
	}
	t.cache[i] = e
	return e
}

// decodeFacts reads the payload's issuer facts (nil: the built-in set).
func decodeFacts(payload []byte) (*bundle.IssuerFacts, error) {
	raw, err := payloadValue(payload, "facts")
	if err != nil || raw == nil || msgp.IsNil(raw) {
		return nil, err
	}
	f := new(bundle.IssuerFacts)
	if _, err := f.UnmarshalMsg(raw); err != nil {
		return nil, fmt.Errorf("payload facts: %w", err)
	}
	return f, nil
}

var errNoIndex = errors.New("the bundle has no name index (rebuild it with a current lookout)")
