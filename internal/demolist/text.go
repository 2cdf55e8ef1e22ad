package demolist

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// asciiFold maps the Latin letters with diacritics used in the tables to
// their bare letters, the way an old database or a hurried clerk types them
// (not the ICAO transliteration: that is the matcher's business).
var asciiFold = map[rune]string{
	'Á': "A", 'À': "A", 'Â': "A", 'Ä': "A", 'Ã': "A", 'Å': "A", 'Ą': "A", 'Ă': "A",
	'É': "E", 'È': "E", 'Ê': "E", 'Ë': "E", 'Ę': "E", 'Ě': "E",
	'Í': "I", 'Ì': "I", 'Î': "I", 'Ï': "I", 'İ': "I",
	'Ó': "O", 'Ò': "O", 'Ô': "O", 'Ö': "O", 'Õ': "O", 'Ø': "O", 'Ő': "O", 'Ơ': "O",
	'Ú': "U", 'Ù': "U", 'Û': "U", 'Ü': "U", 'Ű': "U", 'Ư': "U", 'Ů': "U",
	'Ñ': "N", 'Ç': "C", 'Č': "C", 'Ć': "C", 'Š': "S", 'Ş': "S", 'Ș': "S", 'Ś': "S",
	'Ž': "Z", 'Ź': "Z", 'Ż': "Z", 'Ř': "R", 'Ď': "D", 'Đ': "D", 'Ð': "D", 'Ť': "T", 'Ț': "T",
	'Ğ': "G", 'Ł': "L", 'Ý': "Y", 'Ÿ': "Y", 'Ń': "N", 'Ň': "N", 'Þ': "TH",
	'Æ': "AE", 'Œ': "OE", 'ß': "SS",
	'Ạ': "A", 'Ả': "A", 'Ấ': "A", 'Ầ': "A", 'Ẩ': "A", 'Ẫ': "A", 'Ậ': "A", 'Ắ': "A", 'Ằ': "A", 'Ẳ': "A", 'Ẵ': "A", 'Ặ': "A",
	'Ẹ': "E", 'Ẻ': "E", 'Ẽ': "E", 'Ế': "E", 'Ề': "E", 'Ể': "E", 'Ễ': "E", 'Ệ': "E",
	'Ỉ': "I", 'Ĩ': "I", 'Ị': "I",
	'Ọ': "O", 'Ỏ': "O", 'Ố': "O", 'Ồ': "O", 'Ổ': "O", 'Ỗ': "O", 'Ộ': "O", 'Ớ': "O", 'Ờ': "O", 'Ở': "O", 'Ỡ': "O", 'Ợ': "O",
	'Ụ': "U", 'Ủ': "U", 'Ũ': "U", 'Ứ': "U", 'Ừ': "U", 'Ử': "U", 'Ữ': "U", 'Ự': "U",
	'Ỳ': "Y", 'Ỷ': "Y", 'Ỹ': "Y", 'Ỵ': "Y",
	'\'': "", '’': "",
}

// fold upper-cases s and strips the diacritics listed above.
func fold(s string) string {
	s = upper(s)
	var b strings.Builder
	for _, r := range s {
		if f, ok := asciiFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// upper upper-cases s keeping the source letters (ß stays ß, as it does on
// many real lists).
func upper(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ß':
			b.WriteRune(r)
		case 'ı':
			b.WriteRune('I')
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// title writes an upper-case table name the way a clerk types a given name:
// "JEAN-PIERRE" → "Jean-Pierre", "MARÍA DE LOS ÁNGELES" → "María de los
// Ángeles". Turkish text keeps its dotted and dotless i apart.
func title(s string, turkish bool) string {
	var b strings.Builder
	start := true
	word := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == ' ' || r == '-' || r == '\'' || r == '’' {
			b.WriteRune(r)
			start = true
			continue
		}
		if start {
			word++
			start = false
			// Lower-case particles inside a name stay lower-case.
			rest := s[i-n:]
			if word > 1 && isParticle(rest) {
				b.WriteString(lowerWord(rest, turkish))
				i += len(firstWord(rest)) - n
				continue
			}
			b.WriteRune(r)
			continue
		}
		b.WriteString(lowerRune(r, turkish))
	}
	return b.String()
}

func firstWord(s string) string {
	if k := strings.IndexAny(s, " -"); k >= 0 {
		return s[:k]
	}
	return s
}

func isParticle(s string) bool {
	switch firstWord(s) {
	case "DE", "DEL", "LA", "LOS", "LAS", "Y", "DA", "DAS", "DO", "DOS", "E", "AL", "EL", "BIN", "IBN", "BINT", "VAN", "VON", "DER", "DEN":
		return true
	}
	return false
}

func lowerWord(s string, turkish bool) string {
	var b strings.Builder
	for _, r := range firstWord(s) {
		b.WriteString(lowerRune(r, turkish))
	}
	return b.String()
}

func lowerRune(r rune, turkish bool) string {
	if turkish {
		switch r {
		case 'I':
			return "ı"
		case 'İ':
			return "i"
		}
	}
	if r == 'İ' {
		return "i"
	}
	return string(unicode.ToLower(r))
}
