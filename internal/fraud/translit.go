package fraud

import (
	"strings"
	"unicode"
)

// latin maps the Latin letters of ICAO Doc 9303-3 §6 (Table A) to their MRZ
// forms. Letters with two entries have a recommended and an accepted form
// (Ä as AE or A): issuers use both.
var latin = map[rune][]string{
	'À': {"A"}, 'Á': {"A"}, 'Â': {"A"}, 'Ã': {"A"}, 'Ā': {"A"}, 'Ă': {"A"}, 'Ą': {"A"},
	'Ä': {"AE", "A"}, 'Å': {"AA", "A"}, 'Æ': {"AE"},
	'Ç': {"C"}, 'Ć': {"C"}, 'Ĉ': {"C"}, 'Ċ': {"C"}, 'Č': {"C"},
	'Ď': {"D"}, 'Đ': {"D"}, 'Ð': {"D"},
	'È': {"E"}, 'É': {"E"}, 'Ê': {"E"}, 'Ë': {"E"}, 'Ē': {"E"}, 'Ĕ': {"E"}, 'Ė': {"E"}, 'Ę': {"E"}, 'Ě': {"E"},
	'Ĝ': {"G"}, 'Ğ': {"G"}, 'Ġ': {"G"}, 'Ģ': {"G"},
	'Ĥ': {"H"}, 'Ħ': {"H"},
	'Ì': {"I"}, 'Í': {"I"}, 'Î': {"I"}, 'Ï': {"I"}, 'Ĩ': {"I"}, 'Ī': {"I"}, 'Ĭ': {"I"}, 'Į': {"I"}, 'İ': {"I"},
	'Ĳ': {"IJ"}, 'Ĵ': {"J"}, 'Ķ': {"K"},
	'Ĺ': {"L"}, 'Ļ': {"L"}, 'Ľ': {"L"}, 'Ŀ': {"L"}, 'Ł': {"L"},
	'Ñ': {"N", "NXX"}, 'Ń': {"N"}, 'Ņ': {"N"}, 'Ň': {"N"}, 'Ŋ': {"N"},
	'Ò': {"O"}, 'Ó': {"O"}, 'Ô': {"O"}, 'Õ': {"O"}, 'Ō': {"O"}, 'Ŏ': {"O"}, 'Ő': {"O"},
	'Ö': {"OE", "O"}, 'Ø': {"OE", "O"}, 'Œ': {"OE"},
	'Ŕ': {"R"}, 'Ŗ': {"R"}, 'Ř': {"R"},
	'Ś': {"S"}, 'Ŝ': {"S"}, 'Ş': {"S"}, 'Š': {"S"}, 'Ș': {"S"}, 'ẞ': {"SS"},
	'Ţ': {"T"}, 'Ť': {"T"}, 'Ŧ': {"T"}, 'Ț': {"T"}, 'Þ': {"TH"},
	'Ù': {"U"}, 'Ú': {"U"}, 'Û': {"U"}, 'Ũ': {"U"}, 'Ū': {"U"}, 'Ŭ': {"U"}, 'Ů': {"U"}, 'Ű': {"U"}, 'Ų': {"U"},
	'Ü': {"UE", "U", "UXX"},
	'Ŵ': {"W"}, 'Ý': {"Y"}, 'Ÿ': {"Y"}, 'Ŷ': {"Y"},
	'Ź': {"Z"}, 'Ż': {"Z"}, 'Ž': {"Z"},
}

// vizNameRunes upper-cases a typed name and drops what the MRZ drops
// (spaces, hyphens, apostrophes, punctuation). ok is false when the name
// holds letters outside ICAO's Latin table (a name typed in another
// script cannot be compared).
func vizNameRunes(s string) (out []rune, ok bool) {
	for _, r := range s {
		if r == 'ß' {
			out = append(out, 'ẞ')
			continue
		}
		r = unicode.ToUpper(r)
		switch {
		case r >= 'A' && r <= 'Z':
			out = append(out, r)
		case latin[r] != nil:
			out = append(out, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return nil, false
		}
	}
	return out, true
}

// mrzCompact is MRZ name text without separators.
func mrzCompact(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '<' || r == ' ' {
			return -1
		}
		return r
	}, s)
}

// namesAgree reports whether a typed visual-zone name and the MRZ name are
// the same under ICAO transliteration. When the MRZ name was truncated the
// MRZ may be a prefix of the visual name, or hold initials.
func namesAgree(viz, mrzName string, truncated bool) bool {
	v, ok := vizNameRunes(viz)
	if !ok {
		return true // not comparable: no claim either way
	}
	m := mrzCompact(mrzName)
	if translitMatch(v, m, truncated) {
		return true
	}
	if truncated {
		// Truncation may shorten each component (to initials): every MRZ
		// component must start a visual component, in order.
		vc := strings.FieldsFunc(strings.ToUpper(viz), func(r rune) bool { return r == ' ' || r == '-' })
		mc := strings.FieldsFunc(mrzName, func(r rune) bool { return r == ' ' || r == '<' })
		i := 0
		for _, comp := range vc {
			if i < len(mc) {
				if r, ok := vizNameRunes(comp); ok && translitMatch(r, mc[i], true) {
					i++
				}
			}
		}
		return i == len(mc) && len(mc) > 0
	}
	return false
}

// translitMatch reports whether some transliteration of v spells m (or,
// with prefixOK, begins with m).
func translitMatch(v []rune, m string, prefixOK bool) bool {
	if len(m) == 0 {
		return len(v) == 0 || prefixOK
	}
	if len(v) == 0 {
		return false
	}
	r := v[0]
	if r >= 'A' && r <= 'Z' {
		return byte(r) == m[0] && translitMatch(v[1:], m[1:], prefixOK)
	}
	for _, opt := range latin[r] {
		if strings.HasPrefix(m, opt) {
			if translitMatch(v[1:], m[len(opt):], prefixOK) {
				return true
			}
		} else if prefixOK && strings.HasPrefix(opt, m) {
			return true // the MRZ ends inside this letter's transliteration
		}
	}
	return false
}
