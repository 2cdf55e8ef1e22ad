package watchlist

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"lookout/internal/bundle"
)

// The document index answers "is this (issuing state, document number)
// lost, stolen, revoked, or part of a stolen-blank or fraud series?" from
// the bytes stored in bundle.Payload.DocIndex, without decoding them: the
// edge worker runs a fresh instance per request and cannot afford to.
//
// # Normalisation
//
// A number is compared in canonical form: ASCII letters upper-cased, every
// character other than A–Z and 0–9 dropped (MRZ fillers "<", spaces,
// hyphens, dots, slashes), and the letter O written as the digit 0, so a
// number misread or mistyped O for 0 (or 0 for O) still meets its listing.
// The issuing state is upper-cased with fillers dropped; the MRZ code "D"
// is Germany, "DEU". A hit says whether it matched only after this
// normalisation (DocHit.Normalised), so the officer can see it was not an
// exact match.
//
// # Layout
//
// All integers are little endian. Header (160 bytes):
//
//	0   "LKDX"                 magic
//	4   u8 version (1), 3 bytes zero
//	8   u32 lookouts           numbers + ranges
//	12  u32 numbers            individual numbers
//	16  u32 ranges
//	20  u32 states
//	24  u32 metas              distinct (reason, source) pairs
//	28  u32 groups
//	32  u32 blocks
//	36  u32 reserved (0)
//	40  u64 filter seed
//	48  u32 filter segment length (a power of two, at most 2^18)
//	52  u32 filter segment count
//	56  10 × (u32 offset, u32 length): the sections below, in order
//	136 zero to 160
//
// Sections and their records:
//
//	strings  bytes: reason and source texts, range bounds
//	states   20 bytes: code (1-3 letters, NUL padded to 4), first group,
//	         end group, first range, end range; sorted by code
//	metas    12 bytes: reason offset u32, reason length u16, source
//	         length u16, source offset u32 (into strings); sorted
//	groups   28 bytes, one per (state, number length): count u32, first
//	         u32 (block index, or byte offset into raw), local meta base
//	         u32 and count u32 (into gmetas), radices u32 (2 bits per
//	         position: 0 digit, 1 letter, 2 either), length u8, encoding
//	         u8 (1 integer, 2 raw), meta width u8, O flag u8
//	gmetas   u32 meta ids: each group's local meta table, sorted
//	blocks   16 bytes per 64 numbers of an integer group: first value
//	         u64, bit offset u32 (into bits), Rice parameter u8, count u8,
//	         2 bytes zero
//	bits     per number, least significant bit first: the gap from the
//	         previous number (not for a block's first) as a Golomb-Rice
//	         code (quotient in unary, ones closed by a zero, then k low
//	         bits; 48 ones announce a raw 64-bit gap), the local meta index
//	         (meta width bits), and in a group with the O flag one bit that,
//	         when set, is followed by a length-bit mask of the positions
//	         listed with the letter O; 8 zero bytes of padding at the end
//	raw      per number of a raw group (longer than 12 characters),
//	         sorted: canonical number, listed number, local meta index u32
//	ranges   16 bytes: meta id u32, first offset u32, last offset u32 (the
//	         listed numbers, in strings), length u16, 2 bytes zero; per
//	         state sorted by length then canonical first number
//	filter   (segment count + 2) × segment length one-byte fingerprints
//
// A number of up to 12 characters is read as a mixed-radix integer under
// its group's radices (digits 0-9, letters A-Z as 0-25, or both as 0-35),
// so a group of 9-digit numbers is a dense integer range and the gaps
// between sorted numbers are small. The filter holds FNV-1a(state, 0xff,
// canonical number) for every individual number; see docfuse.go for the
// positions and fingerprint. A lookup hashes (state, number) into the
// filter and only on a positive binary-searches the block heads and
// decodes at most a few dozen gaps; ranges are checked after.

// DocHit is one document lookout that matches a queried document.
type DocHit struct {
	State  string `json:"state"`
	Number string `json:"number"` // the listed number, or "FIRST..LAST" for a range
	Reason string `json:"reason"`
	Source string `json:"source"`
	// Range is set when the number falls in a listed range (a stolen-blank
	// or fraud series).
	Range bool `json:"range"`
	// Normalised is set when the number matched only after normalisation:
	// O/0 confusion, fillers, spaces or hyphens.
	Normalised bool `json:"normalised"`
}

// DocIndexStats describes an index, for `bundle inspect` and reports.
type DocIndexStats struct {
	Lookouts    int `json:"lookouts"` // numbers plus ranges, after merging duplicates
	Numbers     int `json:"numbers"`  // individual numbers
	Ranges      int `json:"ranges"`
	States      int `json:"states"`
	Sources     int `json:"sources"` // distinct (reason, source) pairs
	Bytes       int `json:"bytes"`
	FilterBytes int `json:"filter_bytes"`
	ExactBytes  int `json:"exact_bytes"` // groups, blocks, coded gaps and long numbers
	// Bits per individual number: the filter alone, and the whole index.
	FilterBitsPerNumber float64 `json:"filter_bits_per_number"`
	BitsPerNumber       float64 `json:"bits_per_number"`
}

// String summarises the stats on one line.
func (s DocIndexStats) String() string {
	return fmt.Sprintf("%d document lookouts (%d numbers, %d ranges) in %d states, %d reason/source pairs; %d bytes (filter %d, exact %d); %.1f bits/number (filter %.1f)",
		s.Lookouts, s.Numbers, s.Ranges, s.States, s.Sources, s.Bytes, s.FilterBytes, s.ExactBytes, s.BitsPerNumber, s.FilterBitsPerNumber)
}

const (
	docMagic      = "LKDX"
	docVersion    = 1
	docHeaderSize = 160
	docNSections  = 10
	docBlockSize  = 64
	docMaxIntLen  = 12 // 36^12 < 2^63
	docMaxLen     = 32
	docMaxText    = 1024 // reason and source bytes
	docMaxRiceK   = 56
)

// Sections, in directory order.
const (
	docSecStrings = iota
	docSecStates
	docSecMetas
	docSecGroups
	docSecGMetas
	docSecBlocks
	docSecBits
	docSecRaw
	docSecRanges
	docSecFilter
)

// Record sizes.
const (
	docStateRec = 20
	docMetaRec  = 12
	docGroupRec = 28
	docBlockRec = 16
	docRangeRec = 16
)

// Group encodings and position radix classes.
const (
	docEncInt = 1
	docEncRaw = 2

	docRadixDigit  = 0
	docRadixLetter = 1
	docRadixAlnum  = 2
)

// DocCanonical returns a document number in the index's canonical form
// (see the package comment): "l898-9o2 c3" → "L89890203" (note O → 0).
func DocCanonical(number string) string {
	b := make([]byte, 0, len(number))
	for i := 0; i < len(number); i++ {
		c := number[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c == 'O' {
			c = '0'
		}
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// docNormalise returns the canonical form and the clean form (upper-case
// A–Z0–9 only, O kept as O).
func docNormalise(s string) (canon, clean string) {
	// Fast path: most listed numbers are already clean; no copy then.
	plain, hasO := true, false
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		hasO = hasO || c == 'O'
	}
	if plain && !hasO {
		return s, s
	}
	if plain {
		return strings.ReplaceAll(s, "O", "0"), s
	}
	var cb, kb []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			continue
		}
		kb = append(kb, c)
		if c == 'O' {
			c = '0'
		}
		cb = append(cb, c)
	}
	return string(cb), string(kb)
}

// docState normalises an issuing state code; "" when it is not one.
func docState(s string) string {
	var b [3]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		switch {
		case c >= 'A' && c <= 'Z':
			if n == 3 {
				return ""
			}
			b[n] = c
			n++
		case c == '<' || c == ' ':
		default:
			return ""
		}
	}
	if n == 0 {
		return ""
	}
	if n == 1 && b[0] == 'D' {
		return "DEU" // the MRZ writes Germany as D<<
	}
	return string(b[:n])
}

// docUpperTrim is the query as typed, upper-cased and trimmed: a hit on
// exactly this is not "normalised".
func docUpperTrim(s string) string {
	s = strings.TrimSpace(s)
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}

// docKey is the filter key of a (state, canonical number) pair: FNV-1a
// of the state, a 0xff separator and the number.
func docKey(state, canon string) uint64 { return docKeyBytes([]byte(state), canon) }

func docKeyBytes(state []byte, canon string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for _, c := range state {
		h = (h ^ uint64(c)) * prime
	}
	h = (h ^ 0xff) * prime
	for i := 0; i < len(canon); i++ {
		h = (h ^ uint64(canon[i])) * prime
	}
	return h
}

func docRadixOf(class byte) uint64 {
	switch class {
	case docRadixDigit:
		return 10
	case docRadixLetter:
		return 26
	}
	return 36
}

// docDigit is the value of c at a position of the given class, or false
// when c cannot appear there.
func docDigit(c byte, class byte) (uint64, bool) {
	switch class {
	case docRadixDigit:
		if c >= '0' && c <= '9' {
			return uint64(c - '0'), true
		}
	case docRadixLetter:
		if c >= 'A' && c <= 'Z' {
			return uint64(c - 'A'), true
		}
	default:
		if c >= '0' && c <= '9' {
			return uint64(c - '0'), true
		}
		if c >= 'A' && c <= 'Z' {
			return uint64(c-'A') + 10, true
		}
	}
	return 0, false
}

// docValue reads a canonical number under a group's radix classes (packed 2
// bits per position).
func docValue(canon string, radices uint32) (uint64, bool) {
	var v uint64
	for i := 0; i < len(canon); i++ {
		class := byte(radices>>(2*i)) & 3
		d, ok := docDigit(canon[i], class)
		if !ok {
			return 0, false
		}
		v = v*docRadixOf(class) + d
	}
	return v, true
}

// docItem is one individual number being built.
type docItem struct {
	state string
	canon string
	clean string
	meta  uint32
}

type docRange struct {
	state      string
	start, end string // clean forms
	meta       uint32
}

// BuildDocIndex builds the compact document lookout structure stored in
// bundle.Payload.DocIndex. The same lookouts in any order give the same
// bytes. Duplicates (same state, number, reason and source) are merged.
// Errors name the offending lookout.
func BuildDocIndex(lookouts []bundle.DocLookout) ([]byte, error) {
	type metaKey struct{ reason, source string }
	metaSet := map[metaKey]bool{}
	var items []docItem
	var ranges []docRange
	for i, l := range lookouts {
		where := func(msg string, a ...any) error {
			return fmt.Errorf("watchlist: document lookout %d (%s %q): %s", i, l.State, l.Number, fmt.Sprintf(msg, a...))
		}
		st := docState(l.State)
		if st == "" {
			return nil, where("issuing state %q is not a 1-3 letter code", l.State)
		}
		canon, clean := docNormalise(l.Number)
		if canon == "" || len(canon) > docMaxLen {
			return nil, where("number must have 1-%d letters or digits", docMaxLen)
		}
		if l.Reason == "" || len(l.Reason) > 64 || strings.IndexFunc(l.Reason, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-') }) >= 0 {
			return nil, where("reason %q must be lower-case letters and hyphens", l.Reason)
		}
		if len(l.Source) > docMaxText || strings.IndexFunc(l.Source, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 {
			return nil, where("source must be at most %d bytes without control characters", docMaxText)
		}
		mk := metaKey{l.Reason, l.Source}
		metaSet[mk] = true
		if l.End != "" {
			ecanon, eclean := docNormalise(l.End)
			if len(ecanon) != len(canon) {
				return nil, where("range end %q has not the length of the first number", l.End)
			}
			if ecanon < canon {
				return nil, where("range end %q comes before the first number", l.End)
			}
			ranges = append(ranges, docRange{state: st, start: clean, end: eclean})
			continue
		}
		items = append(items, docItem{state: st, canon: canon, clean: clean})
	}
	// Meta ids in sorted order, so the bytes do not depend on input order.
	metaList := make([]metaKey, 0, len(metaSet))
	for k := range metaSet {
		metaList = append(metaList, k)
	}
	slices.SortFunc(metaList, func(a, b metaKey) int {
		return docCmp(strings.Compare(a.reason, b.reason), strings.Compare(a.source, b.source))
	})
	metaID := make(map[metaKey]uint32, len(metaList))
	for i, k := range metaList {
		metaID[k] = uint32(i)
	}
	// Second pass to attach meta ids (the first could not know them).
	ii, ri := 0, 0
	for _, l := range lookouts {
		m := metaID[metaKey{l.Reason, l.Source}]
		if l.End != "" {
			ranges[ri].meta = m
			ri++
		} else {
			items[ii].meta = m
			ii++
		}
	}
	slices.SortFunc(items, func(a, b docItem) int {
		if a.state != b.state {
			return strings.Compare(a.state, b.state)
		}
		if len(a.canon) != len(b.canon) {
			return len(a.canon) - len(b.canon)
		}
		if c := strings.Compare(a.canon, b.canon); c != 0 {
			return c
		}
		if a.meta != b.meta {
			return int(a.meta) - int(b.meta)
		}
		return strings.Compare(a.clean, b.clean)
	})
	items = slices.CompactFunc(items, func(a, b docItem) bool {
		return a.state == b.state && a.canon == b.canon && a.meta == b.meta
	})
	// Ranges by state, length and canonical first number, so a lookup can
	// stop at the first range that starts after the number.
	slices.SortFunc(ranges, func(a, b docRange) int {
		return docCmp(strings.Compare(a.state, b.state), len(a.start)-len(b.start),
			strings.Compare(DocCanonical(a.start), DocCanonical(b.start)), strings.Compare(a.start, b.start),
			strings.Compare(a.end, b.end), int(a.meta)-int(b.meta))
	})
	ranges = slices.Compact(ranges)

	var b docBuilder
	b.strIndex = map[string]uint32{}
	for _, m := range metaList {
		ro, rl := b.str(m.reason)
		so, sl := b.str(m.source)
		b.metas = binary.LittleEndian.AppendUint32(b.metas, ro)
		b.metas = binary.LittleEndian.AppendUint16(b.metas, uint16(rl))
		b.metas = binary.LittleEndian.AppendUint16(b.metas, uint16(sl))
		b.metas = binary.LittleEndian.AppendUint32(b.metas, so)
	}
	// States: every state with numbers or ranges.
	var states []string
	for _, it := range items {
		if len(states) == 0 || states[len(states)-1] != it.state {
			states = append(states, it.state)
		}
	}
	for _, r := range ranges {
		states = append(states, r.state)
	}
	slices.Sort(states)
	states = slices.Compact(states)

	var keys []uint64
	nGroups, nRanges := 0, 0
	for _, st := range states {
		g0 := nGroups
		r0 := nRanges
		for len(items) > 0 && items[0].state == st {
			// One group per number length.
			n := 1
			for n < len(items) && items[n].state == st && len(items[n].canon) == len(items[0].canon) {
				n++
			}
			grp := items[:n]
			items = items[n:]
			b.group(grp)
			nGroups++
			for j, it := range grp {
				if j == 0 || grp[j-1].canon != it.canon {
					keys = append(keys, docKey(st, it.canon))
				}
			}
		}
		for len(ranges) > 0 && ranges[0].state == st {
			r := ranges[0]
			ranges = ranges[1:]
			so, _ := b.str(r.start)
			eo, _ := b.str(r.end)
			b.ranges = binary.LittleEndian.AppendUint32(b.ranges, r.meta)
			b.ranges = binary.LittleEndian.AppendUint32(b.ranges, so)
			b.ranges = binary.LittleEndian.AppendUint32(b.ranges, eo)
			b.ranges = binary.LittleEndian.AppendUint16(b.ranges, uint16(len(r.start)))
			b.ranges = binary.LittleEndian.AppendUint16(b.ranges, 0)
			nRanges++
		}
		var rec [docStateRec]byte
		copy(rec[:4], st)
		binary.LittleEndian.PutUint32(rec[4:], uint32(g0))
		binary.LittleEndian.PutUint32(rec[8:], uint32(nGroups))
		binary.LittleEndian.PutUint32(rec[12:], uint32(r0))
		binary.LittleEndian.PutUint32(rec[16:], uint32(nRanges))
		b.states = append(b.states, rec[:]...)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys) // distinct hashes; a collision only adds a false positive
	fuse, err := buildDocFuse(keys)
	if err != nil {
		return nil, err
	}
	numbers := b.numbers
	if b.overflow {
		return nil, errors.New("watchlist: document index too large")
	}

	secs := [docNSections][]byte{
		docSecStrings: b.strs, docSecStates: b.states, docSecMetas: b.metas, docSecGroups: b.groups,
		docSecGMetas: b.gmetas, docSecBlocks: b.blocks, docSecBits: append(b.bits.bytes(), make([]byte, 8)...),
		docSecRaw: b.raw, docSecRanges: b.ranges, docSecFilter: fuse.fp,
	}
	total := docHeaderSize
	for _, s := range secs {
		total += len(s)
	}
	if total > 1<<31 {
		return nil, errors.New("watchlist: document index over 2 GiB")
	}
	out := make([]byte, docHeaderSize, total)
	copy(out, docMagic)
	out[4] = docVersion
	le := binary.LittleEndian
	le.PutUint32(out[8:], uint32(numbers+nRanges))
	le.PutUint32(out[12:], uint32(numbers))
	le.PutUint32(out[16:], uint32(nRanges))
	le.PutUint32(out[20:], uint32(len(states)))
	le.PutUint32(out[24:], uint32(len(metaList)))
	le.PutUint32(out[28:], uint32(nGroups))
	le.PutUint32(out[32:], uint32(len(b.blocks)/docBlockRec))
	le.PutUint32(out[36:], 0) // reserved
	le.PutUint64(out[40:], fuse.seed)
	le.PutUint32(out[48:], fuse.segLen)
	le.PutUint32(out[52:], fuse.segCount)
	off := docHeaderSize
	for i, s := range secs {
		le.PutUint32(out[56+8*i:], uint32(off))
		le.PutUint32(out[60+8*i:], uint32(len(s)))
		off += len(s)
	}
	for _, s := range secs {
		out = append(out, s...)
	}
	return out, nil
}

func docCmp(c ...int) int {
	for _, x := range c {
		if x != 0 {
			return x
		}
	}
	return 0
}

type docBuilder struct {
	strs     []byte
	strIndex map[string]uint32
	states   []byte
	metas    []byte
	groups   []byte
	gmetas   []byte
	blocks   []byte
	bits     docBitWriter
	raw      []byte
	ranges   []byte
	numbers  int
	overflow bool
}

// str interns s in the string section.
func (b *docBuilder) str(s string) (uint32, int) {
	if o, ok := b.strIndex[s]; ok {
		return o, len(s)
	}
	o := uint32(len(b.strs))
	b.strs = append(b.strs, s...)
	if len(b.strIndex) < 1<<20 {
		b.strIndex[s] = o
	}
	return o, len(s)
}

// group encodes one (state, length) group of sorted numbers.
func (b *docBuilder) group(items []docItem) {
	le := binary.LittleEndian
	L := len(items[0].canon)
	// Local meta table.
	var local []uint32
	for _, it := range items {
		if !slices.Contains(local, it.meta) {
			local = append(local, it.meta)
		}
	}
	slices.Sort(local)
	width := uint(0)
	if len(local) > 1 {
		width = uint(bits.Len32(uint32(len(local) - 1)))
	}
	localOf := func(m uint32) uint64 {
		i, _ := slices.BinarySearch(local, m)
		return uint64(i)
	}
	gmetaBase := len(b.gmetas) / 4
	for _, m := range local {
		b.gmetas = le.AppendUint32(b.gmetas, m)
	}
	hasO := false
	for _, it := range items {
		hasO = hasO || it.clean != it.canon
	}
	var radices uint32
	enc := byte(docEncRaw)
	first := uint32(len(b.raw))
	if L <= docMaxIntLen {
		enc = docEncInt
		for i := range L {
			digit, letter := true, true
			for _, it := range items {
				c := it.canon[i]
				digit = digit && c >= '0' && c <= '9'
				letter = letter && c >= 'A' && c <= 'Z'
			}
			class := uint32(docRadixAlnum)
			switch {
			case digit:
				class = docRadixDigit
			case letter:
				class = docRadixLetter
			}
			radices |= class << (2 * i)
		}
		first = uint32(len(b.blocks) / docBlockRec)
		for s := 0; s < len(items); s += docBlockSize {
			blk := items[s:min(s+docBlockSize, len(items))]
			vals := make([]uint64, len(blk))
			for j, it := range blk {
				vals[j], _ = docValue(it.canon, radices)
			}
			// Rice parameter from the mean gap.
			k := uint(0)
			if len(vals) > 1 {
				mean := (vals[len(vals)-1] - vals[0]) / uint64(len(vals)-1)
				if mean > 1 {
					// Capped where one window read still holds the low bits;
					// bigger gaps take the escape.
					k = min(uint(bits.Len64(mean))-1, docMaxRiceK)
				}
			}
			var rec [docBlockRec]byte
			le.PutUint64(rec[0:], vals[0])
			if b.bits.n > 1<<32-1 {
				b.overflow = true
			}
			le.PutUint32(rec[8:], uint32(b.bits.n))
			rec[12] = byte(k)
			rec[13] = byte(len(blk))
			b.blocks = append(b.blocks, rec[:]...)
			for j, it := range blk {
				if j > 0 {
					b.bits.writeRice(vals[j]-vals[j-1], k)
				}
				b.bits.write(localOf(it.meta), width)
				if hasO {
					if m := docOMask(it.clean); m != 0 {
						b.bits.write(1, 1)
						b.bits.write(m, uint(L))
					} else {
						b.bits.write(0, 1)
					}
				}
			}
		}
	} else {
		for _, it := range items {
			b.raw = append(b.raw, it.canon...)
			b.raw = append(b.raw, it.clean...)
			b.raw = le.AppendUint32(b.raw, uint32(localOf(it.meta)))
		}
	}
	b.numbers += len(items)
	var rec [docGroupRec]byte
	le.PutUint32(rec[0:], uint32(len(items)))
	le.PutUint32(rec[4:], first)
	le.PutUint32(rec[8:], uint32(gmetaBase))
	le.PutUint32(rec[12:], uint32(len(local)))
	le.PutUint32(rec[16:], radices)
	rec[20] = byte(L)
	rec[21] = enc
	rec[22] = byte(width)
	if hasO {
		rec[23] = 1
	}
	b.groups = append(b.groups, rec[:]...)
}

// DocIndex is an opened document index. It reads the index bytes in place;
// the bytes must not change while it is in use. It is safe for concurrent
// use.
type DocIndex struct {
	b                                           []byte
	lookouts, numbers, nRanges, nStates, nMetas int
	nGroups, nBlocks                            int
	strs, states, metas, groups, gmetas, blocks []byte
	bits                                        docBits
	raw, ranges                                 []byte
	fuse                                        docFuse
}

// OpenDocIndex opens an index built by BuildDocIndex. It checks the header
// and the small tables (states, groups) so that no lookup can read out of
// bounds, and leaves the bulk (blocks, coded gaps, filter) in place; empty
// input opens as an empty index. It never panics on corrupt bytes.
func OpenDocIndex(b []byte) (*DocIndex, error) {
	if len(b) == 0 {
		return &DocIndex{}, nil
	}
	if len(b) < docHeaderSize || string(b[:4]) != docMagic {
		return nil, errors.New("watchlist: document index: bad magic or short header")
	}
	if b[4] != docVersion {
		return nil, fmt.Errorf("watchlist: document index: version %d, want %d", b[4], docVersion)
	}
	le := binary.LittleEndian
	ix := &DocIndex{b: b}
	u := func(off int) int { return int(le.Uint32(b[off:])) }
	ix.lookouts, ix.numbers, ix.nRanges = u(8), u(12), u(16)
	ix.nStates, ix.nMetas, ix.nGroups, ix.nBlocks = u(20), u(24), u(28), u(32)
	ix.fuse = docFuse{seed: le.Uint64(b[40:]), segLen: le.Uint32(b[48:]), segCount: le.Uint32(b[52:])}
	var secs [docNSections][]byte
	for i := range secs {
		off, n := uint64(le.Uint32(b[56+8*i:])), uint64(le.Uint32(b[60+8*i:]))
		if off < docHeaderSize || off+n > uint64(len(b)) {
			return nil, fmt.Errorf("watchlist: document index: section %d out of bounds", i)
		}
		secs[i] = b[off : off+n : off+n]
	}
	ix.strs, ix.states, ix.metas, ix.groups = secs[docSecStrings], secs[docSecStates], secs[docSecMetas], secs[docSecGroups]
	ix.gmetas, ix.blocks, ix.bits, ix.raw = secs[docSecGMetas], secs[docSecBlocks], docBits(secs[docSecBits]), secs[docSecRaw]
	ix.ranges, ix.fuse.fp = secs[docSecRanges], secs[docSecFilter]
	check := func(sec []byte, n, size int, what string) error {
		if uint64(len(sec)) != uint64(n)*uint64(size) {
			return fmt.Errorf("watchlist: document index: %s table has %d bytes for %d records", what, len(sec), n)
		}
		return nil
	}
	for _, c := range []struct {
		sec     []byte
		n, size int
		what    string
	}{
		{ix.states, ix.nStates, docStateRec, "state"}, {ix.metas, ix.nMetas, docMetaRec, "reason/source"},
		{ix.groups, ix.nGroups, docGroupRec, "group"}, {ix.blocks, ix.nBlocks, docBlockRec, "block"},
		{ix.ranges, ix.nRanges, docRangeRec, "range"},
	} {
		if err := check(c.sec, c.n, c.size, c.what); err != nil {
			return nil, err
		}
	}
	if len(ix.gmetas)%4 != 0 {
		return nil, errors.New("watchlist: document index: meta table not a multiple of 4 bytes")
	}
	if len(ix.fuse.fp) > 0 {
		sl, sc := uint64(ix.fuse.segLen), uint64(ix.fuse.segCount)
		if sl == 0 || sl&(sl-1) != 0 || sl > docFuseMaxSegLen || sc == 0 || (sc+2)*sl != uint64(len(ix.fuse.fp)) {
			return nil, errors.New("watchlist: document index: filter parameters do not match its size")
		}
	}
	// States: sorted codes, contiguous group and range spans.
	prevG, prevR := 0, 0
	prev := ""
	for i := range ix.nStates {
		r := ix.states[i*docStateRec:]
		code := docStateCode(r)
		if code == "" || code <= prev {
			return nil, fmt.Errorf("watchlist: document index: state %d: bad or unsorted code", i)
		}
		prev = code
		g0, g1, r0, r1 := docU32(r[4:]), docU32(r[8:]), docU32(r[12:]), docU32(r[16:])
		if g0 != prevG || g1 < g0 || g1 > ix.nGroups || r0 != prevR || r1 < r0 || r1 > ix.nRanges {
			return nil, fmt.Errorf("watchlist: document index: state %s: group or range span out of order", code)
		}
		prevG, prevR = g1, r1
	}
	if prevG != ix.nGroups || prevR != ix.nRanges {
		return nil, errors.New("watchlist: document index: groups or ranges outside every state")
	}
	// Groups: encodings, lengths and spans within their tables.
	nGMetas := len(ix.gmetas) / 4
	numbers := 0
	for i := range ix.nGroups {
		g := ix.groups[i*docGroupRec:]
		count, first, mbase, mcount := docU32(g), docU32(g[4:]), docU32(g[8:]), docU32(g[12:])
		L, enc, width := int(g[20]), g[21], int(g[22])
		if count == 0 || L == 0 || L > docMaxLen || mcount == 0 || mbase+mcount > nGMetas || width > 32 || (mcount > 1 && bits.Len32(uint32(mcount-1)) > width) {
			return nil, fmt.Errorf("watchlist: document index: group %d: bad header", i)
		}
		switch enc {
		case docEncInt:
			nb := (count + docBlockSize - 1) / docBlockSize
			if L > docMaxIntLen || first+nb > ix.nBlocks {
				return nil, fmt.Errorf("watchlist: document index: group %d: blocks out of bounds", i)
			}
		case docEncRaw:
			if L <= docMaxIntLen || uint64(first)+uint64(count)*uint64(2*L+4) > uint64(len(ix.raw)) {
				return nil, fmt.Errorf("watchlist: document index: group %d: numbers out of bounds", i)
			}
		default:
			return nil, fmt.Errorf("watchlist: document index: group %d: unknown encoding %d", i, enc)
		}
		numbers += count
	}
	if numbers != ix.numbers || ix.lookouts != ix.numbers+ix.nRanges {
		return nil, errors.New("watchlist: document index: counts do not add up")
	}
	if ix.numbers > 0 && len(ix.fuse.fp) == 0 {
		return nil, errors.New("watchlist: document index: numbers without a filter")
	}
	return ix, nil
}

func docU32(b []byte) int { return int(binary.LittleEndian.Uint32(b)) }

func docStateCode(r []byte) string {
	n := bytes.IndexByte(r[:4], 0)
	if n < 0 {
		n = 4
	}
	if n == 0 || n > 3 {
		return ""
	}
	for _, c := range r[:n] {
		if c < 'A' || c > 'Z' {
			return ""
		}
	}
	for _, c := range r[n:4] {
		if c != 0 {
			return ""
		}
	}
	return string(r[:n])
}

// Len is the number of lookouts: individual numbers plus ranges.
func (ix *DocIndex) Len() int {
	if ix == nil {
		return 0
	}
	return ix.lookouts
}

// Stats describes the index.
func (ix *DocIndex) Stats() DocIndexStats {
	if ix == nil {
		return DocIndexStats{}
	}
	s := DocIndexStats{
		Lookouts: ix.lookouts, Numbers: ix.numbers, Ranges: ix.nRanges, States: ix.nStates, Sources: ix.nMetas,
		Bytes: len(ix.b), FilterBytes: len(ix.fuse.fp),
		ExactBytes: len(ix.groups) + len(ix.gmetas) + len(ix.blocks) + len(ix.bits) + len(ix.raw),
	}
	if s.Numbers > 0 {
		s.FilterBitsPerNumber = float64(8*s.FilterBytes) / float64(s.Numbers)
		s.BitsPerNumber = float64(8*s.Bytes) / float64(s.Numbers)
	}
	return s
}

// Lookup returns the lookouts matching a document: individual numbers
// equal to it and ranges containing it, after normalisation. An empty
// state searches every issuing state. Hits come in a stable order:
// individual numbers, then ranges.
func (ix *DocIndex) Lookup(state, number string) []DocHit {
	if ix == nil || ix.nStates == 0 {
		return nil
	}
	canon := DocCanonical(number)
	if canon == "" || len(canon) > docMaxLen {
		return nil
	}
	q := docQuery{canon: canon, number: number}
	if strings.TrimSpace(state) == "" {
		var hits []DocHit
		for si := range ix.nStates {
			hits = ix.lookupState(hits, si, &q)
		}
		return hits
	}
	st := docState(state)
	if st == "" {
		return nil
	}
	var key [4]byte
	copy(key[:], st)
	lo, hi := 0, ix.nStates
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if bytes.Compare(ix.states[m*docStateRec:m*docStateRec+4], key[:]) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == ix.nStates || !bytes.Equal(ix.states[lo*docStateRec:lo*docStateRec+4], key[:]) {
		return nil
	}
	return ix.lookupState(nil, lo, &q)
}

// docQuery is one lookup's number; the as-typed form is only computed when
// there is a hit to mark exact or normalised.
type docQuery struct {
	canon, number string
	typed         string
	typedDone     bool
}

func (q *docQuery) asTyped() string {
	if !q.typedDone {
		q.typed, q.typedDone = docUpperTrim(q.number), true
	}
	return q.typed
}

func (ix *DocIndex) lookupState(hits []DocHit, si int, q *docQuery) []DocHit {
	r := ix.states[si*docStateRec:]
	code := r[:4]
	if n := bytes.IndexByte(code, 0); n >= 0 {
		code = code[:n]
	}
	canon := q.canon
	g0, g1, r0, r1 := docU32(r[4:]), docU32(r[8:]), docU32(r[12:]), docU32(r[16:])
	if g1 > g0 && ix.fuse.contains(docKeyBytes(code, canon)) {
		for gi := g0; gi < g1; gi++ {
			g := ix.groups[gi*docGroupRec:]
			if int(g[20]) != len(canon) {
				continue
			}
			ix.searchGroup(g, canon, func(meta uint32, listed string) {
				reason, source := ix.meta(meta)
				hits = append(hits, DocHit{State: string(code), Number: listed, Reason: reason, Source: source, Normalised: q.asTyped() != listed})
			})
		}
	}
	for ri := r0; ri < r1; ri++ {
		rr := ix.ranges[ri*docRangeRec:]
		meta, so, eo, L := uint32(docU32(rr)), docU32(rr[4:]), docU32(rr[8:]), int(binary.LittleEndian.Uint16(rr[12:]))
		if L < len(canon) || so+L > len(ix.strs) || eo+L > len(ix.strs) {
			continue
		}
		if L > len(canon) {
			break // sorted by length: no more ranges of this length
		}
		start, end := ix.strs[so:so+L], ix.strs[eo:eo+L]
		if docCmpCanon(canon, start) < 0 {
			break // sorted by first number: the rest start after canon
		}
		if !docInRangeOf(canon, start, end, true) {
			continue
		}
		reason, source := ix.meta(meta)
		typed := q.asTyped()
		hits = append(hits, DocHit{State: string(code), Number: string(start) + ".." + string(end), Reason: reason, Source: source, Range: true,
			Normalised: !docInRangeOf(typed, start, end, false)})
	}
	return hits
}

// docInRange reports whether n lies in [start, end] (same length): compared
// as strings, with every position where both bounds hold a digit requiring
// a digit, so "N0088OOA01" is not inside a run of digits.
func docInRange(n, start, end string) bool {
	return docInRangeOf(n, []byte(start), []byte(end), false)
}

// docInRangeOf is docInRange on the bounds in place; with canon set the
// bounds are read in canonical form (O as 0).
func docInRangeOf(n string, start, end []byte, canon bool) bool {
	if len(n) != len(start) || len(n) != len(end) {
		return false
	}
	at := func(b []byte, i int) byte {
		if canon && b[i] == 'O' {
			return '0'
		}
		return b[i]
	}
	cmpS, cmpE := 0, 0
	for i := 0; i < len(n); i++ {
		s, e, c := at(start, i), at(end, i), n[i]
		if cmpS == 0 && c != s {
			cmpS = docCmpByte(c, s)
		}
		if cmpE == 0 && c != e {
			cmpE = docCmpByte(c, e)
		}
		if docIsDigit(s) && docIsDigit(e) && !docIsDigit(c) {
			return false
		}
	}
	return cmpS >= 0 && cmpE <= 0
}

// docCmpCanon compares canon with b read in canonical form.
func docCmpCanon(canon string, b []byte) int {
	for i := 0; i < len(canon) && i < len(b); i++ {
		c := b[i]
		if c == 'O' {
			c = '0'
		}
		if canon[i] != c {
			return docCmpByte(canon[i], c)
		}
	}
	return len(canon) - len(b)
}

func docCmpByte(a, b byte) int {
	if a < b {
		return -1
	}
	return 1
}

func docIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// searchGroup calls hit with the meta id and the listed spelling of every
// entry of the group equal to canon.
func (ix *DocIndex) searchGroup(g []byte, canon string, hit func(meta uint32, listed string)) {
	count, first, mbase, mcount := docU32(g), docU32(g[4:]), docU32(g[8:]), docU32(g[12:])
	radices := binary.LittleEndian.Uint32(g[16:])
	L, width, hasO := int(g[20]), uint(g[22]), g[23] != 0
	gmeta := func(local uint64) (uint32, bool) {
		if local >= uint64(mcount) {
			return 0, false
		}
		return binary.LittleEndian.Uint32(ix.gmetas[(mbase+int(local))*4:]), true
	}
	if g[21] == docEncRaw {
		rec := 2*L + 4
		lo, hi := 0, count
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if string(ix.raw[first+m*rec:first+m*rec+L]) < canon {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for ; lo < count; lo++ {
			p := first + lo*rec
			if string(ix.raw[p:p+L]) != canon {
				break
			}
			if m, ok := gmeta(uint64(binary.LittleEndian.Uint32(ix.raw[p+2*L:]))); ok {
				hit(m, string(ix.raw[p+L:p+2*L]))
			}
		}
		return
	}
	v, ok := docValue(canon, radices)
	if !ok {
		return
	}
	nb := (count + docBlockSize - 1) / docBlockSize
	// The last block whose first value is below v may end with v; start
	// there and walk forward while values do not pass v.
	lo, hi := 0, nb
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.LittleEndian.Uint64(ix.blocks[(first+m)*docBlockRec:]) < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	bi := max(lo-1, 0)
	for ; bi < nb; bi++ {
		blk := ix.blocks[(first+bi)*docBlockRec:]
		cur := binary.LittleEndian.Uint64(blk)
		if cur > v {
			return
		}
		rd := docBitReader{b: ix.bits, pos: uint64(binary.LittleEndian.Uint32(blk[8:]))}
		k := min(uint(blk[12]), docMaxRiceK)
		n := min(int(blk[13]), docBlockSize)
		for j := range n {
			if j > 0 {
				cur += rd.rice(k)
			}
			local := rd.take(min(width, 32))
			var omask uint64
			if hasO && rd.take(1) == 1 {
				omask = rd.take(uint(L))
			}
			if cur > v {
				return
			}
			if cur == v {
				if m, ok := gmeta(local); ok {
					hit(m, docWithO(canon, omask))
				}
			}
		}
	}
}

// meta returns the reason and source of a meta id ("" for a corrupt one).
func (ix *DocIndex) meta(id uint32) (reason, source string) {
	if int(id) >= ix.nMetas {
		return "", ""
	}
	r := ix.metas[int(id)*docMetaRec:]
	ro, rl, sl, so := docU32(r), int(binary.LittleEndian.Uint16(r[4:])), int(binary.LittleEndian.Uint16(r[6:])), docU32(r[8:])
	return ix.text(ro, rl), ix.text(so, sl)
}

func (ix *DocIndex) text(off, n int) string {
	if off < 0 || n < 0 || off+n > len(ix.strs) {
		return ""
	}
	return string(ix.strs[off : off+n])
}

// docWithO puts the letter O back at the positions of mask.
func docWithO(canon string, mask uint64) string {
	if mask == 0 {
		return canon
	}
	b := []byte(canon)
	for i := range b {
		if mask>>i&1 == 1 && b[i] == '0' {
			b[i] = 'O'
		}
	}
	return string(b)
}

// docOMask marks the positions where clean has the letter O.
func docOMask(clean string) uint64 {
	var m uint64
	for i := 0; i < len(clean); i++ {
		if clean[i] == 'O' {
			m |= 1 << i
		}
	}
	return m
}
