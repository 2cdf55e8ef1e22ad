package watchlist

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/names"
)

// The name index (bundle.Payload.NameIndex) is built once, at bundle-build
// time, and queried in place: opening it reads a fixed header and checks
// section bounds, with no decoding proportional to the list. Format
// (little-endian; docs/matching.md has the full description):
//
//	magic "LKNX" | u16 version | u16 reserved
//	u32 entries | u32 maxDF | u32 sections[6]: byte length of
//	  tokens (sst: token → uvarint df, delta-coded entry postings)
//	  keys   (sst: tagged key → delta-coded token ordinals)
//	  entries (per entry: uvarint length, record)
//	  entryIndex (u32 offset of every entryStride-th entry record)
//	  reserved (0)
//	  spelling (permutation of token ordinals by spelling key)
//
// Key tags: 'P' phonetic key, 'R' reversed token (suffix lookups for
// typos: a sequential scan, unlike a permutation), 'T' token with its
// glued particle removed, 'Q' spelling key of such a remainder.
//
// An entry record: uvarint nNames, per name: kind byte, uvarint nTokens,
// uvarint token ordinals; uvarint nDOB, per DOB: flags byte, uvarint lo,
// uvarint hi-lo (days since 1800-01-01); uvarint nNat, per nationality:
// uvarint length, bytes. Places of birth are read from the entry itself,
// for candidates only: they are long and rarely queried.
const (
	indexMagic   = "LKNX"
	indexVersion = 1
	headerSize   = 4 + 2 + 2 + 4 + 4 + 4*numSections
	numSections  = 6
	entryStride  = 16
	maxTokenLen  = 48
	// maxNamesPerEntry and maxTokensPerName bound what one record may
	// claim, so a corrupt index cannot make the matcher loop for long.
	maxNamesPerEntry = 512
	maxTokensPerName = 32
)

// Name kinds in records.
const (
	kindPrimary byte = iota
	kindStrong
	kindWeak
	kindFormer
)

func kindByte(k string) byte {
	switch k {
	case bundle.NameStrong:
		return kindStrong
	case bundle.NameWeak:
		return kindWeak
	case bundle.NameFormer:
		return kindFormer
	}
	return kindPrimary
}

// DOB flags.
const (
	dobYear   byte = 1 // precision: year
	dobMonth  byte = 2 // precision: month
	dobDay    byte = 3 // precision: day
	dobPrec   byte = 3
	dobRange  byte = 4
	dobCirca  byte = 8
	epochYear      = 1800
)

var epoch = time.Date(epochYear, 1, 1, 0, 0, 0, 0, time.UTC)

func dayNum(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(epoch).Hours() / 24)
}

func dayDate(n int) (y, m, d int) {
	t := epoch.AddDate(0, 0, n)
	return t.Year(), int(t.Month()), t.Day()
}

// dateSpan is a date of birth as a closed interval of days and the
// precision it was given with.
type dateSpan struct {
	lo, hi int
	flags  byte
}

// parsePartial parses YYYY, YYYY-MM or YYYY-MM-DD into its interval.
func parsePartial(s string) (dateSpan, bool) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch len(s) {
	case 4:
		if !digits(s) {
			return dateSpan{}, false
		}
		y = atoi(s)
		return dateSpan{dayNum(y, 1, 1), dayNum(y, 12, 31), dobYear}, y >= epochYear && y <= 2200
	case 7:
		if s[4] != '-' || !digits(s[:4]) || !digits(s[5:]) {
			return dateSpan{}, false
		}
		y, m = atoi(s[:4]), atoi(s[5:])
		if m < 1 || m > 12 || y < epochYear || y > 2200 {
			return dateSpan{}, false
		}
		return dateSpan{dayNum(y, m, 1), dayNum(y, m+1, 1) - 1, dobMonth}, true
	case 10:
		if s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
			return dateSpan{}, false
		}
		y, m, d = atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
		if m < 1 || m > 12 || d < 1 || d > 31 || y < epochYear || y > 2200 {
			return dateSpan{}, false
		}
		if _, mm, _ := dayDate(dayNum(y, m, d)); mm != m {
			return dateSpan{}, false // 31 April and the like
		}
		n := dayNum(y, m, d)
		return dateSpan{n, n, dobDay}, true
	}
	return dateSpan{}, false
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func specSpan(ds bundle.DateSpec) (dateSpan, bool) {
	a, ok := parsePartial(ds.Date)
	if !ok {
		return dateSpan{}, false
	}
	if ds.To != "" {
		b, ok := parsePartial(ds.To)
		if ok && b.hi >= a.lo {
			a.hi = b.hi
			a.flags = a.flags&dobPrec | dobRange
		}
	}
	if ds.Circa {
		a.flags |= dobCirca
	}
	return a, true
}

// nameTokens normalises one list name into index tokens. Surname and Given
// are used when Full is empty.
func nameTokens(n bundle.Name) []string {
	full := n.Full
	if strings.TrimSpace(full) == "" {
		full = n.Given + " " + n.Surname
	}
	var out []string
	for _, t := range names.Tokenize(full) {
		if len(t.Text) > maxTokenLen {
			t.Text = t.Text[:maxTokenLen]
		}
		out = append(out, t.Text)
		if len(out) == maxTokensPerName {
			break
		}
	}
	return out
}

// listKeys are the auxiliary keys under which a list token can be found.
func listKeys(tok string) []string {
	keys := []string{"P" + names.PhoneticKey(tok), "R" + reverse(tok)}
	if rest, ok := names.StripParticle(tok); ok {
		keys = append(keys, "T"+rest, "Q"+names.SpellKey(rest), "P"+names.PhoneticKey(rest))
	}
	return keys
}

func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}

// BuildNameIndex builds the prebuilt match index stored in
// bundle.Payload.NameIndex. It is deterministic: the same entries give the
// same bytes. Entries are addressed by their position in the slice, so the
// index must ship with exactly these entries in this order.
func BuildNameIndex(entries []bundle.Entry) ([]byte, error) {
	if len(entries) > math.MaxInt32 {
		return nil, fmt.Errorf("name index: %d entries is too many", len(entries))
	}
	// Tokens of every name of every entry.
	entryNames := make([][][]string, len(entries))
	postings := map[string][]uint32{}
	for i, e := range entries {
		if len(e.Names) > maxNamesPerEntry {
			return nil, fmt.Errorf("name index: entry %d (%s) has %d names, over the %d limit", i, e.ID, len(e.Names), maxNamesPerEntry)
		}
		for _, n := range e.Names {
			toks := nameTokens(n)
			entryNames[i] = append(entryNames[i], toks)
			for _, t := range toks {
				p := postings[t]
				if len(p) == 0 || p[len(p)-1] != uint32(i) {
					postings[t] = append(p, uint32(i))
				}
			}
		}
	}
	toks := make([]string, 0, len(postings))
	for t := range postings {
		toks = append(toks, t)
	}
	sort.Strings(toks)
	ord := make(map[string]uint32, len(toks))
	var tw sstWriter
	maxDF := 0
	for i, t := range toks {
		ord[t] = uint32(i)
		p := postings[t]
		maxDF = max(maxDF, len(p))
		v := binary.AppendUvarint(nil, uint64(len(p)))
		prev := uint32(0)
		for _, e := range p {
			v = binary.AppendUvarint(v, uint64(e-prev))
			prev = e
		}
		tw.add(t, v)
	}
	// Auxiliary keys → token ordinals.
	aux := map[string][]uint32{}
	for i, t := range toks {
		for _, k := range listKeys(t) {
			p := aux[k]
			if len(p) == 0 || p[len(p)-1] != uint32(i) {
				aux[k] = append(p, uint32(i))
			}
		}
	}
	keys := make([]string, 0, len(aux))
	for k := range aux {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var kw sstWriter
	for _, k := range keys {
		var v []byte
		if k[0] != 'R' { // a reversed token needs no value: reverse it back
			prev := uint32(0)
			for _, o := range aux[k] {
				v = binary.AppendUvarint(v, uint64(o-prev))
				prev = o
			}
		}
		kw.add(k, v)
	}
	// Entry records.
	var recs, idx []byte
	var rec []byte
	for i, e := range entries {
		if i%entryStride == 0 {
			idx = binary.LittleEndian.AppendUint32(idx, uint32(len(recs)))
		}
		rec = rec[:0]
		rec = binary.AppendUvarint(rec, uint64(len(e.Names)))
		for j, n := range e.Names {
			rec = append(rec, kindByte(n.Kind))
			rec = binary.AppendUvarint(rec, uint64(len(entryNames[i][j])))
			for _, t := range entryNames[i][j] {
				rec = binary.AppendUvarint(rec, uint64(ord[t]))
			}
		}
		var spans []dateSpan
		for _, d := range e.DOBs {
			if s, ok := specSpan(d); ok {
				spans = append(spans, s)
			}
		}
		rec = binary.AppendUvarint(rec, uint64(len(spans)))
		for _, s := range spans {
			rec = append(rec, s.flags)
			rec = binary.AppendUvarint(rec, uint64(s.lo))
			rec = binary.AppendUvarint(rec, uint64(s.hi-s.lo))
		}
		rec = appendStrings(rec, e.Nationalities, func(s string) string {
			if c := natCode(s); c != "" {
				return c
			}
			return strings.ToUpper(strings.TrimSpace(s))
		})
		recs = binary.AppendUvarint(recs, uint64(len(rec)))
		recs = append(recs, rec...)
	}
	tb, kb := tw.bytes(), kw.bytes()
	ps := buildPerm(permSpell, toks)
	out := make([]byte, 0, headerSize+len(tb)+len(kb)+len(recs)+len(idx)+len(ps))
	out = append(out, indexMagic...)
	out = binary.LittleEndian.AppendUint16(out, indexVersion)
	out = binary.LittleEndian.AppendUint16(out, 0)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(entries)))
	out = binary.LittleEndian.AppendUint32(out, uint32(maxDF))
	for _, n := range []int{len(tb), len(kb), len(recs), len(idx), 0, len(ps)} {
		out = binary.LittleEndian.AppendUint32(out, uint32(n))
	}
	out = append(out, tb...)
	out = append(out, kb...)
	out = append(out, recs...)
	out = append(out, idx...)
	out = append(out, ps...)
	return out, nil
}

func appendStrings(b []byte, ss []string, norm func(string) string) []byte {
	var keep []string
	for _, s := range ss {
		if n := norm(s); n != "" && len(n) < 200 {
			keep = append(keep, n)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(keep)))
	for _, s := range keep {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// Index is an opened name index: a view of the bytes, not a copy.
type Index struct {
	n       int
	maxDF   int
	tokens  sst
	keys    sst
	recs    []byte
	recIdx  []byte
	spell   perm
	logN    float64
	meanIDF float64
}

// OpenNameIndex checks the header and section bounds of a name index and
// returns a view of it. It does not decode the tables: lookups validate
// what they read, so a corrupt index gives errors or fewer results, never
// a panic. Use Validate for a full check.
func OpenNameIndex(b []byte) (*Index, error) {
	if len(b) < headerSize {
		return nil, corrupt("%d bytes, shorter than the %d-byte header", len(b), headerSize)
	}
	if string(b[:4]) != indexMagic {
		return nil, corrupt("bad magic %q (want %q)", b[:4], indexMagic)
	}
	if v := binary.LittleEndian.Uint16(b[4:]); v != indexVersion {
		return nil, fmt.Errorf("name index version %d; this build reads version %d", v, indexVersion)
	}
	ix := &Index{
		n:     int(binary.LittleEndian.Uint32(b[8:])),
		maxDF: int(binary.LittleEndian.Uint32(b[12:])),
	}
	var sec [numSections]int
	off := headerSize
	for i := range sec {
		sec[i] = int(binary.LittleEndian.Uint32(b[16+4*i:]))
		if sec[i] > len(b)-off {
			return nil, corrupt("section %d (%d bytes) runs past the end at offset %d", i, sec[i], off)
		}
		off += sec[i]
	}
	if off != len(b) {
		return nil, corrupt("%d trailing bytes after the sections", len(b)-off)
	}
	if ix.n > len(b) || ix.maxDF > ix.n {
		return nil, corrupt("header claims %d entries and max document frequency %d", ix.n, ix.maxDF)
	}
	var err error
	p := headerSize
	if ix.tokens, err = openSST(b[p:p+sec[0]], "token"); err != nil {
		return nil, err
	}
	p += sec[0]
	if ix.keys, err = openSST(b[p:p+sec[1]], "key"); err != nil {
		return nil, err
	}
	p += sec[1]
	ix.recs = b[p : p+sec[2]]
	p += sec[2]
	ix.recIdx = b[p : p+sec[3]]
	p += sec[3]
	if sec[4] != 0 {
		return nil, corrupt("reserved section is %d bytes", sec[4])
	}
	if ix.spell, err = openPerm(b[p:p+sec[5]], ix.tokens.count, "spelling"); err != nil {
		return nil, err
	}
	if len(ix.recIdx) != 4*((ix.n+entryStride-1)/entryStride) {
		return nil, corrupt("entry index has %d bytes for %d entries", len(ix.recIdx), ix.n)
	}
	ix.logN = math.Log(float64(ix.n) + 1)
	// Mean IDF stands in for query tokens the list has never seen; assume
	// a token of middling rarity (df ≈ √N) rather than a unique one.
	ix.meanIDF = ix.logN / 2
	return ix, nil
}

// Entries returns how many entries the index covers.
func (ix *Index) Entries() int { return ix.n }

// idf is the inverse document frequency of a token present in df entries.
func (ix *Index) idf(df int) float64 {
	if df <= 0 {
		return ix.meanIDF
	}
	return math.Log((float64(ix.n) + 1) / float64(df))
}

// record returns entry i's record bytes.
func (ix *Index) record(i int) ([]byte, bool) {
	if i < 0 || i >= ix.n {
		return nil, false
	}
	b := i / entryStride
	p := int(binary.LittleEndian.Uint32(ix.recIdx[4*b:]))
	for k := b * entryStride; ; k++ {
		l, q, ok := uvarint(ix.recs, p)
		if !ok || l > uint64(len(ix.recs)-q) {
			return nil, false
		}
		if k == i {
			return ix.recs[q : q+int(l)], true
		}
		p = q + int(l)
	}
}

// entryRec is a decoded entry record (token ordinals, not strings).
type entryRec struct {
	names []recName
	dobs  []dateSpan
	nats  []string
	pobs  []string // from the entry, normalised, only when the query has a place
	// tokBuf backs the names' token lists.
	tokBuf []uint32
}

type recName struct {
	kind byte
	toks []uint32
}

func (ix *Index) decodeEntry(i int) (entryRec, bool) {
	return ix.decodeEntryInto(i, entryRec{})
}

// decodeEntryInto decodes entry i reusing r's slices (the matcher decodes
// dozens of candidates per query).
func (ix *Index) decodeEntryInto(i int, r entryRec) (entryRec, bool) {
	r.names, r.dobs, r.nats, r.pobs = r.names[:0], r.dobs[:0], r.nats[:0], r.pobs[:0]
	r.tokBuf = r.tokBuf[:0]
	b, ok := ix.record(i)
	if !ok {
		return r, false
	}
	n, p, ok := uvarint(b, 0)
	if !ok || n > maxNamesPerEntry {
		return r, false
	}
	for j := 0; j < int(n); j++ {
		if p >= len(b) {
			return r, false
		}
		var nm recName
		nm.kind = b[p]
		p++
		var nt uint64
		if nt, p, ok = uvarint(b, p); !ok || nt > maxTokensPerName {
			return r, false
		}
		start := len(r.tokBuf)
		for k := 0; k < int(nt); k++ {
			var o uint64
			if o, p, ok = uvarint(b, p); !ok || o >= uint64(ix.tokens.count) {
				return r, false
			}
			r.tokBuf = append(r.tokBuf, uint32(o))
		}
		nm.toks = r.tokBuf[start:len(r.tokBuf):len(r.tokBuf)]
		r.names = append(r.names, nm)
	}
	var nd uint64
	if nd, p, ok = uvarint(b, p); !ok || nd > uint64(len(b)) {
		return r, false
	}
	for j := 0; j < int(nd); j++ {
		if p >= len(b) {
			return r, false
		}
		f := b[p]
		var lo, span uint64
		if lo, p, ok = uvarint(b, p+1); !ok || lo > 401*366 {
			return r, false
		}
		if span, p, ok = uvarint(b, p); !ok || span > 401*366 {
			return r, false
		}
		r.dobs = append(r.dobs, dateSpan{int(lo), int(lo + span), f})
	}
	if r.nats, _, ok = readStrings(b, p); !ok {
		return r, false
	}
	return r, true
}

func readStrings(b []byte, p int) ([]string, int, bool) {
	n, p, ok := uvarint(b, p)
	if !ok || n > uint64(len(b)) {
		return nil, p, false
	}
	out := make([]string, 0, n)
	for i := 0; i < int(n); i++ {
		var l uint64
		if l, p, ok = uvarint(b, p); !ok || l > uint64(len(b)-p) {
			return nil, p, false
		}
		out = append(out, string(b[p:p+int(l)]))
		p += int(l)
	}
	return out, p, true
}

// postings decodes a token value: its document frequency and entry list.
func (ix *Index) postings(v []byte, fn func(entry uint32)) (df int, ok bool) {
	n, p, ok := uvarint(v, 0)
	if !ok || n > uint64(ix.n) {
		return 0, false
	}
	if fn == nil {
		return int(n), true
	}
	e := uint64(0)
	for i := 0; i < int(n); i++ {
		var d uint64
		if d, p, ok = uvarint(v, p); !ok {
			return int(n), false
		}
		e += d
		if e >= uint64(ix.n) {
			return int(n), false
		}
		fn(uint32(e))
	}
	return int(n), true
}

// ordinals decodes a key value: a delta-coded list of token ordinals.
func (ix *Index) ordinals(v []byte, fn func(ord uint32)) {
	p, o := 0, uint64(0)
	for p < len(v) {
		d, q, ok := uvarint(v, p)
		if !ok {
			return
		}
		o += d
		if o >= uint64(ix.tokens.count) {
			return
		}
		fn(uint32(o))
		p = q
	}
}

// Validate decodes the whole index and reports the first inconsistency.
// Bundle builders and tests call it; the matcher does not need it.
func (ix *Index) Validate() error {
	if err := ix.tokens.validate("token"); err != nil {
		return err
	}
	if err := ix.keys.validate("key"); err != nil {
		return err
	}
	var buf []byte
	for o := 0; o < ix.tokens.count; o++ {
		_, v, ok := ix.tokens.at(o, buf)
		if !ok {
			return corrupt("token %d unreadable", o)
		}
		if _, ok := ix.postings(v, func(uint32) {}); !ok {
			return corrupt("token %d: bad postings", o)
		}
	}
	for i := 0; i < ix.n; i++ {
		if _, ok := ix.decodeEntry(i); !ok {
			return corrupt("entry %d: bad record", i)
		}
	}
	return nil
}
