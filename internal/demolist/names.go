package demolist

import "strings"

// list is a frequency-ranked name table: items[0] is the most common.
type list struct {
	items []string
	z     *zipf
}

// ranked makes a list from a space-separated-by-'|' table; offset flattens
// the head (a larger offset gives a less dominant first name).
func ranked(offset int, table string) *list {
	var items []string
	for _, s := range strings.Split(table, "|") {
		if s = strings.TrimSpace(s); s != "" {
			items = append(items, s)
		}
	}
	return &list{items: items, z: newZipf(len(items), offset)}
}

func (l *list) draw(r *rng) string { return l.items[l.z.draw(r)] }

// drawOther draws a value different from not (if the table allows).
func (l *list) drawOther(r *rng, not string) string {
	for range 8 {
		if s := l.draw(r); s != not {
			return s
		}
	}
	return l.items[0]
}

// variants are spelling families: every member is a real-world spelling of
// the same name, the first the most usual in lists. Keys are upper case.
type variants map[string][]string

func makeVariants(groups ...string) variants {
	v := variants{}
	for _, g := range groups {
		members := strings.Split(g, "/")
		for _, m := range members {
			v[m] = members
		}
	}
	return v
}

// respell replaces each word of s that has a spelling family by another
// member, with probability p percent per word; it reports whether anything
// changed.
func (v variants) respell(r *rng, s string, p int) (string, bool) {
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		fam, ok := v[w]
		if !ok || len(fam) < 2 || !r.pct(p) {
			continue
		}
		alt := fam[r.intn(len(fam))]
		if alt != w {
			words[i] = alt
			changed = true
		}
	}
	return strings.Join(words, " "), changed
}

// typo makes one realistic keying error in a word of s: a doubled or
// dropped letter, or two letters swapped.
func typo(r *rng, s string) string {
	rs := []rune(s)
	if len(rs) < 5 {
		return s
	}
	i := 1 + r.intn(len(rs)-3)
	if rs[i] == ' ' || rs[i+1] == ' ' || rs[i] == '-' || rs[i+1] == '-' {
		return s
	}
	switch r.intn(3) {
	case 0:
		rs[i], rs[i+1] = rs[i+1], rs[i]
	case 1:
		rs = append(rs[:i+1], rs[i:]...)
	default:
		rs = append(rs[:i], rs[i+1:]...)
	}
	return string(rs)
}

func words(s string) []string { return strings.Fields(s) }
