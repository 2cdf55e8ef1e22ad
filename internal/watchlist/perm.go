package watchlist

import (
	"encoding/binary"
	"sort"
	"strings"

	"lookout/internal/names"
)

// A permutation table lists every token ordinal sorted by a key derived
// from the token (its reversal, its spelling key), so the index can find
// tokens by that key with a binary search that derives keys on the fly,
// instead of storing the keys: 2 or 3 bytes per token instead of a key
// string. Every permSample-th key is stored, so a search decodes a few
// tokens rather than one per bisection step. Layout:
//
//	u8 width | ordinals (width bytes each, little-endian) |
//	u32 nsamples | u32 sampleOffset[nsamples] | samples (uvarint len, key)
type perm struct {
	width   int
	n       int
	b       []byte // ordinals
	ns      int
	soffs   []byte
	samples []byte
}

const permSample = 16

// Permutation kinds.
const (
	permSpell = iota // names.SpellKey: spelling variants
)

func permKeyOf(kind int, tok string) string {
	return names.SpellKey(tok)
}

func buildPerm(kind int, toks []string) []byte {
	keys := make([]string, len(toks))
	ords := make([]uint32, len(toks))
	for i, t := range toks {
		keys[i] = permKeyOf(kind, t)
		ords[i] = uint32(i)
	}
	sort.SliceStable(ords, func(a, b int) bool { return keys[ords[a]] < keys[ords[b]] })
	width := 2
	if len(toks) > 1<<16 {
		width = 3
	}
	out := []byte{byte(width)}
	for _, o := range ords {
		out = binary.LittleEndian.AppendUint32(out, o)[:len(out)+width]
	}
	ns := (len(ords) + permSample - 1) / permSample
	out = binary.LittleEndian.AppendUint32(out, uint32(ns))
	var samples []byte
	for i := 0; i < ns; i++ {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(samples)))
		k := keys[ords[i*permSample]]
		samples = binary.AppendUvarint(samples, uint64(len(k)))
		samples = append(samples, k...)
	}
	return append(out, samples...)
}

func openPerm(b []byte, tokens int, what string) (perm, error) {
	if len(b) < 1 || (b[0] != 2 && b[0] != 3) {
		return perm{}, corrupt("%s permutation: bad width", what)
	}
	w := int(b[0])
	end := 1 + w*tokens
	if tokens < 0 || end+4 > len(b) {
		return perm{}, corrupt("%s permutation: %d bytes for %d tokens", what, len(b), tokens)
	}
	ns := int(binary.LittleEndian.Uint32(b[end:]))
	if ns != (tokens+permSample-1)/permSample || 4*ns > len(b)-end-4 {
		return perm{}, corrupt("%s permutation: %d samples for %d tokens", what, ns, tokens)
	}
	p := perm{width: w, n: tokens, b: b[1:end], ns: ns, soffs: b[end+4 : end+4+4*ns], samples: b[end+4+4*ns:]}
	return p, nil
}

// sample returns stored key i ("" and false when malformed).
func (p perm) sample(i int) (string, bool) {
	o := int(binary.LittleEndian.Uint32(p.soffs[4*i:]))
	l, q, ok := uvarint(p.samples, o)
	if !ok || l > uint64(len(p.samples)-q) {
		return "", false
	}
	return string(p.samples[q : q+int(l)]), true
}

func (p perm) at(i int) uint32 {
	o := p.b[i*p.width:]
	v := uint32(o[0]) | uint32(o[1])<<8
	if p.width == 3 {
		v |= uint32(o[2]) << 16
	}
	return v
}

// permScan calls fn for the tokens whose key starts with prefix (or, with
// exact, equals it), in key order, visiting at most limit of them.
//
// tokKey derives the key of a token (a session passes its cached keys);
// nil means permKeyOf.
func (ix *Index) permScan(p perm, kind int, prefix string, exact bool, limit int, tokKey func(ord uint32) (key, tok string), fn func(ord uint32, tok string)) {
	key := func(i int) (string, string) {
		o := p.at(i)
		if tokKey != nil {
			return tokKey(o)
		}
		k, _, ok := ix.tokens.at(int(o), nil)
		if !ok {
			return "", ""
		}
		return permKeyOf(kind, string(k)), string(k)
	}
	// The first sample not below the prefix bounds the answer; the
	// position lies in the stretch before it.
	s := sort.Search(p.ns, func(i int) bool {
		k, ok := p.sample(i)
		return !ok || k >= prefix
	})
	from, to := max(0, (s-1)*permSample), min(p.n, s*permSample+1)
	lo := from + sort.Search(to-from, func(i int) bool {
		k, _ := key(from + i)
		return k >= prefix
	})
	for i, n := lo, 0; i < p.n && n < limit; i, n = i+1, n+1 {
		k, tok := key(i)
		if exact && k != prefix || !exact && !strings.HasPrefix(k, prefix) {
			return
		}
		if o := p.at(i); int(o) < ix.tokens.count {
			fn(o, tok)
		}
	}
}
