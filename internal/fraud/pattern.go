package fraud

import (
	"fmt"
	"regexp/syntax"
	"strings"
)

// describePattern renders a number pattern for an officer: "[A-Z][0-9]{8}"
// becomes "1 letter + 8 digits". Patterns it cannot render simply come
// back as the regular expression.
func describePattern(re string) string { return describe(re, langEN) }

// describePatternES is describePattern in Spanish.
func describePatternES(re string) string { return describe(re, langES) }

type lang struct {
	or, orMore, to, of                      string
	digit, digits, letter, letters, ld, lds string
}

var (
	langEN = lang{" or ", " or more", " to ", "of ", "digit", "digits", "letter", "letters", "letter or digit", "letters or digits"}
	langES = lang{" o ", " o más", " a ", "de ", "dígito", "dígitos", "letra", "letras", "letra o dígito", "letras o dígitos"}
)

func describe(re string, l lang) string {
	tree, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return re
	}
	alts := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpAlternate {
		alts = tree.Sub
	}
	var parts []string
	for _, sub := range alts {
		d, ok := describeSeq(sub, l)
		if !ok {
			return re
		}
		parts = append(parts, d)
	}
	return strings.Join(parts, l.or)
}

// run is a stretch of characters of one class: lo to hi of them (hi -1:
// no limit).
type run struct {
	class   string // "" for a literal
	literal string
	lo, hi  int
}

func describeSeq(t *syntax.Regexp, l lang) (string, bool) {
	items := []*syntax.Regexp{t}
	if t.Op == syntax.OpConcat {
		items = t.Sub
	}
	var runs []run
	for _, it := range items {
		lo, hi := 1, 1
		switch it.Op {
		case syntax.OpRepeat:
			lo, hi = it.Min, it.Max
		case syntax.OpPlus:
			lo, hi = 1, -1
		case syntax.OpStar:
			lo, hi = 0, -1
		case syntax.OpQuest:
			lo, hi = 0, 1
		}
		if lo != 1 || hi != 1 {
			it = it.Sub[0]
		}
		var r run
		switch it.Op {
		case syntax.OpLiteral:
			if lo != 1 || hi != 1 {
				if len(it.Rune) != 1 {
					return "", false
				}
				r = run{class: l.of + string(it.Rune)}
			} else {
				r = run{literal: string(it.Rune)}
			}
		case syntax.OpCharClass:
			r = run{class: className(it.Rune, l)}
		default:
			return "", false
		}
		r.lo, r.hi = lo, hi
		if n := len(runs); n > 0 && r.class != "" && runs[n-1].class == r.class {
			last := &runs[n-1]
			last.lo += r.lo
			if last.hi >= 0 && r.hi >= 0 {
				last.hi += r.hi
			} else {
				last.hi = -1
			}
			continue
		}
		runs = append(runs, r)
	}
	var parts []string
	for _, r := range runs {
		if r.class == "" {
			parts = append(parts, r.literal)
			continue
		}
		count := fmt.Sprint(r.lo)
		switch {
		case r.hi < 0:
			count = fmt.Sprint(r.lo) + l.orMore
		case r.hi != r.lo:
			count = fmt.Sprint(r.lo) + l.to + fmt.Sprint(r.hi)
		}
		name := r.class
		if r.lo != 1 || r.hi != 1 {
			name = plural(name, l)
		}
		parts = append(parts, count+" "+name)
	}
	return strings.Join(parts, " + "), true
}

func className(r []rune, l lang) string {
	var digits, letters, other []rune
	for i := 0; i+1 < len(r); i += 2 {
		for c := r[i]; c <= r[i+1]; c++ {
			switch {
			case c >= '0' && c <= '9':
				digits = append(digits, c)
			case c >= 'A' && c <= 'Z':
				letters = append(letters, c)
			default:
				other = append(other, c)
			}
		}
	}
	switch {
	case len(other) > 0:
		return l.of + string(other)
	case len(digits) == 10 && len(letters) == 26:
		return l.ld
	case len(digits) == 10 && len(letters) == 0:
		return l.digit
	case len(digits) == 0 && len(letters) == 26:
		return l.letter
	}
	// A restricted alphabet: list it ("of 0–9 C F G H …").
	var parts []string
	if len(digits) == 10 {
		parts = append(parts, "0–9")
	} else {
		for _, d := range digits {
			parts = append(parts, string(d))
		}
	}
	for _, c := range letters {
		parts = append(parts, string(c))
	}
	return l.of + strings.Join(parts, " ")
}

func plural(name string, l lang) string {
	switch name {
	case l.digit:
		return l.digits
	case l.letter:
		return l.letters
	case l.ld:
		return l.lds
	}
	return name
}
