package watchlist

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// A sorted string table: keys in byte order, each with a value, grouped in
// blocks of sstBlock keys. Within a block keys are front-coded (shared
// prefix length, suffix); the first key of a block is stored whole, so a
// lookup binary-searches the block starts and scans one block. Layout:
//
//	u32 count | u32 nblocks | u32 blockOffset[nblocks] | blocks…
//	key record: uvarint shared | uvarint suffixLen | suffix | uvarint valueLen | value
//
// Offsets are relative to the start of the blocks area. The ordinal of a
// key (its position in sort order) is its identity.
const sstBlock = 16

type sstWriter struct {
	buf     []byte
	offsets []uint32
	prev    string
	n       int
}

func (w *sstWriter) add(key string, value []byte) {
	shared := 0
	if w.n%sstBlock == 0 {
		w.offsets = append(w.offsets, uint32(len(w.buf)))
	} else {
		for shared < len(key) && shared < len(w.prev) && key[shared] == w.prev[shared] {
			shared++
		}
	}
	w.buf = binary.AppendUvarint(w.buf, uint64(shared))
	w.buf = binary.AppendUvarint(w.buf, uint64(len(key)-shared))
	w.buf = append(w.buf, key[shared:]...)
	w.buf = binary.AppendUvarint(w.buf, uint64(len(value)))
	w.buf = append(w.buf, value...)
	w.prev = key
	w.n++
}

func (w *sstWriter) bytes() []byte {
	out := make([]byte, 0, 8+4*len(w.offsets)+len(w.buf))
	out = binary.LittleEndian.AppendUint32(out, uint32(w.n))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(w.offsets)))
	for _, o := range w.offsets {
		out = binary.LittleEndian.AppendUint32(out, o)
	}
	return append(out, w.buf...)
}

// sst is a read-only view of a table; it never copies the bytes.
type sst struct {
	count   int
	nblocks int
	offs    []byte // nblocks little-endian u32
	data    []byte
}

var errCorrupt = errors.New("corrupt name index")

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errCorrupt, fmt.Sprintf(format, args...))
}

func openSST(b []byte, what string) (sst, error) {
	if len(b) < 8 {
		return sst{}, corrupt("%s table: %d bytes, shorter than its header", what, len(b))
	}
	count := int(binary.LittleEndian.Uint32(b))
	nb := int(binary.LittleEndian.Uint32(b[4:]))
	if nb != (count+sstBlock-1)/sstBlock {
		return sst{}, corrupt("%s table: %d blocks for %d keys", what, nb, count)
	}
	if nb > (len(b)-8)/4 {
		return sst{}, corrupt("%s table: %d block offsets do not fit in %d bytes", what, nb, len(b))
	}
	t := sst{count: count, nblocks: nb, offs: b[8 : 8+4*nb], data: b[8+4*nb:]}
	// Offsets must increase and stay inside the data: checking them here
	// is O(blocks) with no decoding, and lets every later read trust them.
	prev := -1
	for i := 0; i < nb; i++ {
		o := t.blockOff(i)
		if o <= prev || o >= len(t.data) {
			return sst{}, corrupt("%s table: block %d offset %d out of order or range", what, i, o)
		}
		prev = o
	}
	return t, nil
}

func (t *sst) blockOff(i int) int { return int(binary.LittleEndian.Uint32(t.offs[4*i:])) }

// sstIter walks keys from a block start. The key buffer is reused.
type sstIter struct {
	t     *sst
	pos   int
	end   int
	ord   int
	key   []byte
	value []byte
	err   bool
}

func (t *sst) iterBlock(b int, keyBuf []byte) sstIter {
	end := len(t.data)
	if b+1 < t.nblocks {
		end = t.blockOff(b + 1)
	}
	return sstIter{t: t, pos: t.blockOff(b), end: end, ord: b*sstBlock - 1, key: keyBuf[:0]}
}

func uvarint(b []byte, pos int) (uint64, int, bool) {
	if pos < 0 || pos >= len(b) {
		return 0, pos, false
	}
	v, n := binary.Uvarint(b[pos:])
	if n <= 0 {
		return 0, pos, false
	}
	return v, pos + n, true
}

// next advances to the next key of the block; false at the block's end or
// on malformed bytes (it.err set).
func (it *sstIter) next() bool {
	if it.pos >= it.end || it.ord+1 >= it.t.count {
		return false
	}
	d := it.t.data[:it.end]
	shared, p, ok := uvarint(d, it.pos)
	if !ok || int(shared) > len(it.key) || (it.ord+1)%sstBlock == 0 && shared != 0 {
		it.err = true
		return false
	}
	sl, p, ok := uvarint(d, p)
	if !ok || sl > uint64(len(d)-p) || shared+sl > 255 {
		it.err = true
		return false
	}
	it.key = append(it.key[:shared], d[p:p+int(sl)]...)
	p += int(sl)
	vl, p, ok := uvarint(d, p)
	if !ok || vl > uint64(len(d)-p) {
		it.err = true
		return false
	}
	it.value = d[p : p+int(vl)]
	it.pos = p + int(vl)
	it.ord++
	return true
}

// firstKey returns block b's first key (stored whole).
func (t *sst) firstKey(b int, buf []byte) []byte {
	it := t.iterBlock(b, buf)
	if !it.next() {
		return nil
	}
	return it.key
}

// seekBlock returns the last block whose first key is ≤ key (0 if none).
func (t *sst) seekBlock(key string, _ []byte) int {
	var arr [96]byte // keys are short: no allocation for the search
	lo, hi := 0, t.nblocks-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if string(t.firstKey(mid, arr[:0])) <= key {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// get returns the value and ordinal of key.
func (t *sst) get(key string, _ []byte) ([]byte, int, bool) {
	if t.count == 0 {
		return nil, 0, false
	}
	var arr [96]byte
	it := t.iterBlock(t.seekBlock(key, nil), arr[:0])
	for it.next() {
		switch c := strings.Compare(string(it.key), key); {
		case c == 0:
			return it.value, it.ord, true
		case c > 0:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// at returns the key and value of ordinal ord.
func (t *sst) at(ord int, buf []byte) ([]byte, []byte, bool) {
	if ord < 0 || ord >= t.count {
		return nil, nil, false
	}
	it := t.iterBlock(ord/sstBlock, buf) // the key is returned: caller's buffer
	for it.next() {
		if it.ord == ord {
			return it.key, it.value, true
		}
	}
	return nil, nil, false
}

// prefix calls fn for every key starting with p, in order, until fn
// returns false or limit keys were visited. It reports whether the range
// was complete.
func (t *sst) prefix(p string, limit int, buf []byte, fn func(key []byte, ord int, value []byte) bool) bool {
	if t.count == 0 {
		return true
	}
	b := t.seekBlock(p, buf)
	n := 0
	for ; b < t.nblocks; b++ {
		it := t.iterBlock(b, buf)
		for it.next() {
			k := string(it.key)
			if k < p {
				continue
			}
			if !strings.HasPrefix(k, p) {
				return true
			}
			if n++; n > limit {
				return false
			}
			if !fn(it.key, it.ord, it.value) {
				return true
			}
		}
		if it.err {
			return true
		}
	}
	return true
}

// validate decodes every key, checking order and bounds (for tests, fuzzing
// and the bundle builder; the matcher never needs it).
func (t *sst) validate(what string) error {
	var buf []byte
	var prev string
	n := 0
	for b := 0; b < t.nblocks; b++ {
		it := t.iterBlock(b, buf)
		for it.next() {
			k := string(it.key)
			if n > 0 && k <= prev {
				return corrupt("%s table: key %d out of order", what, n)
			}
			prev = k
			n++
		}
		if it.err {
			return corrupt("%s table: malformed key record in block %d", what, b)
		}
		buf = it.key
	}
	if n != t.count {
		return corrupt("%s table: %d keys decoded, header says %d", what, n, t.count)
	}
	return nil
}
