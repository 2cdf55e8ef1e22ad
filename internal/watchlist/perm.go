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
// string. Layout: u8 width | ordinals, width bytes each, little-endian.
type perm struct {
	width int
	n     int
	b     []byte
}

// Permutation kinds.
const (
	permReverse = iota // reversed token: suffix lookups for typos
	permSpell          // names.SpellKey: spelling variants
)

func permKeyOf(kind int, tok string) string {
	if kind == permReverse {
		return reverse(tok)
	}
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
	return out
}

func openPerm(b []byte, tokens int, what string) (perm, error) {
	if len(b) < 1 || (b[0] != 2 && b[0] != 3) {
		return perm{}, corrupt("%s permutation: bad width", what)
	}
	w := int(b[0])
	if (len(b)-1)%w != 0 || (len(b)-1)/w != tokens {
		return perm{}, corrupt("%s permutation: %d bytes for %d tokens", what, len(b)-1, tokens)
	}
	return perm{width: w, n: tokens, b: b[1:]}, nil
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
func (ix *Index) permScan(p perm, kind int, prefix string, exact bool, limit int, fn func(ord uint32, tok string)) {
	key := func(i int) (string, string) {
		o := p.at(i)
		k, _, ok := ix.tokens.at(int(o), nil)
		if !ok {
			return "", ""
		}
		return permKeyOf(kind, string(k)), string(k)
	}
	lo := sort.Search(p.n, func(i int) bool {
		k, _ := key(i)
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
