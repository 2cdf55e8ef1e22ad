package names

import (
	"strings"
	"unicode"
)

// The tables below are ICAO Doc 9303 Part 3 §6 (8th edition, 2021, with
// Amendments 1 and 2): §6.A Latin, §6.B Cyrillic, §6.C Arabic. Keys are
// upper-case code points; values are the recommended MRZ letters. The
// alternatives the specification also accepts are in latinAlt. They are
// checked against the reference table in shared/data/reference by
// TestICAOTableMatchesReference.

// latinICAO is §6.A plus lower-case ß (the spec lists only capital ẞ).
var latinICAO = map[rune]string{
	'À': "A", 'Á': "A", 'Â': "A", 'Ã': "A", 'Ä': "AE", 'Å': "AA", 'Æ': "AE",
	'Ç': "C", 'È': "E", 'É': "E", 'Ê': "E", 'Ë': "E", 'Ì': "I", 'Í': "I",
	'Î': "I", 'Ï': "I", 'Ð': "D", 'Ñ': "N", 'Ò': "O", 'Ó': "O", 'Ô': "O",
	'Õ': "O", 'Ö': "OE", 'Ø': "OE", 'Ù': "U", 'Ú': "U", 'Û': "U", 'Ü': "UE",
	'Ý': "Y", 'Þ': "TH",
	'Ā': "A", 'Ă': "A", 'Ą': "A", 'Ć': "C", 'Ĉ': "C", 'Ċ': "C", 'Č': "C",
	'Ď': "D", 'Đ': "D", 'Ē': "E", 'Ĕ': "E", 'Ė': "E", 'Ę': "E", 'Ě': "E",
	'Ĝ': "G", 'Ğ': "G", 'Ġ': "G", 'Ģ': "G", 'Ĥ': "H", 'Ħ': "H", 'Ĩ': "I",
	'Ī': "I", 'Ĭ': "I", 'Į': "I", 'İ': "I", 'ı': "I", 'Ĳ': "IJ", 'Ĵ': "J",
	'Ķ': "K", 'Ĺ': "L", 'Ļ': "L", 'Ľ': "L", 'Ŀ': "L", 'Ł': "L", 'Ń': "N",
	'Ņ': "N", 'Ň': "N", 'Ŋ': "N", 'Ō': "O", 'Ŏ': "O", 'Ő': "O", 'Œ': "OE",
	'Ŕ': "R", 'Ŗ': "R", 'Ř': "R", 'Ś': "S", 'Ŝ': "S", 'Ş': "S", 'Š': "S",
	'Ţ': "T", 'Ť': "T", 'Ŧ': "T", 'Ũ': "U", 'Ū': "U", 'Ŭ': "U", 'Ů': "U",
	'Ű': "U", 'Ų': "U", 'Ŵ': "W", 'Ŷ': "Y", 'Ÿ': "Y", 'Ź': "Z", 'Ż': "Z",
	'Ž': "Z", 'ẞ': "SS", 'ß': "SS",
}

// latinAlt holds the other forms §6.A accepts (the issuing State chooses).
var latinAlt = map[rune][]string{
	'Ä': {"A"}, 'Å': {"A"}, 'Ñ': {"NXX"}, 'Ö': {"O"}, 'Ü': {"UXX", "U"},
}

// latinExtra covers Latin letters Doc 9303 has no row for but that occur in
// names (Romanian comma-below, Azerbaijani schwa, Vietnamese horn letters);
// they are reduced to their base letter, as issuing States do.
var latinExtra = map[rune]string{
	'Ș': "S", 'Ț': "T", 'Ə': "A", 'Ơ': "O", 'Ư': "U", 'Ǎ': "A", 'Ǐ': "I",
	'Ǒ': "O", 'Ǔ': "U", 'Ǧ': "G", 'Ǩ': "K", 'Ȟ': "H", 'ə': "A",
}

// greek is ELOT 743 (Greek passports' own romanisation); Doc 9303 has no
// Greek table.
var greek = map[rune]string{
	'Α': "A", 'Β': "V", 'Γ': "G", 'Δ': "D", 'Ε': "E", 'Ζ': "Z", 'Η': "I",
	'Θ': "TH", 'Ι': "I", 'Κ': "K", 'Λ': "L", 'Μ': "M", 'Ν': "N", 'Ξ': "X",
	'Ο': "O", 'Π': "P", 'Ρ': "R", 'Σ': "S", 'Τ': "T", 'Υ': "Y", 'Φ': "F",
	'Χ': "CH", 'Ψ': "PS", 'Ω': "O", 'Ά': "A", 'Έ': "E", 'Ή': "I", 'Ί': "I",
	'Ό': "O", 'Ύ': "Y", 'Ώ': "O", 'Ϊ': "I", 'Ϋ': "Y",
}

// cyrICAO is §6.B (plus Ѓ U+0403 and Ь U+042C, see the reference notes).
var cyrICAO = map[rune]string{
	'Ё': "E", 'Ђ': "D", 'Є': "IE", 'Ѕ': "DZ", 'І': "I", 'Ї': "I", 'Ј': "J",
	'Љ': "LJ", 'Њ': "NJ", 'Ќ': "K", 'Ў': "U", 'Џ': "DZ", 'А': "A", 'Б': "B",
	'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ж': "ZH", 'З': "Z", 'И': "I",
	'Й': "I", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P",
	'Р': "R", 'С': "S", 'Т': "T", 'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS",
	'Ч': "CH", 'Ш': "SH", 'Щ': "SHCH", 'Ъ': "IE", 'Ы': "Y", 'Э': "E",
	'Ю': "IU", 'Я': "IA", 'Ѫ': "U", 'Ѵ': "Y", 'Ґ': "G", 'Ғ': "G", 'Һ': "C",
	'Ѓ': "G", 'Ь': "",
}

// cyrExtra covers Cyrillic letters §6.B has no row for: Serbian Ћ, as
// Serbian Latin writes it (Ć → C).
var cyrExtra = map[rune]string{'Ћ': "C"}

// cyrLang holds §6.B's language exceptions. Keys of the inner maps are
// ISO 639-3 codes; "ukr@initial" applies at the start of a name component.
var cyrLang = map[rune]map[string]string{
	'Ё': {"bel": "IO"},
	'Є': {"ukr@initial": "YE"},
	'Ї': {"ukr@initial": "YI"},
	'Ќ': {"mkd": "KJ"},
	'Џ': {"mkd": "DJ"},
	'Г': {"bel": "H", "srp": "H", "ukr": "H"},
	'Ж': {"srp": "Z"},
	'И': {"ukr": "Y"},
	'Й': {"ukr@initial": "Y"},
	'Х': {"srp": "H", "mkd": "H"},
	'Ц': {"srp": "C", "mkd": "C"},
	'Ч': {"srp": "C"},
	'Ш': {"srp": "S"},
	'Щ': {"bul": "SHT"},
	'Ю': {"ukr@initial": "YU"},
	'Я': {"ukr@initial": "YA"},
	'Ғ': {"mkd": "GJ"},
	'Ѓ': {"mkd": "GJ"},
}

// arICAO is §6.C plus App. B's ڤ and ڥ. The empty values are letters the
// spec does not encode (vowel marks, tatweel, obsolete Maghrebi letters);
// shadda doubles the preceding letter and is handled in code.
var arICAO = map[rune]string{
	'ء': "XE", 'آ': "XAA", 'أ': "XAE", 'ؤ': "U", 'إ': "I", 'ئ': "XI", 'ا': "A",
	'ب': "B", 'ة': "XTA", 'ت': "T", 'ث': "XTH", 'ج': "J", 'ح': "XH", 'خ': "XKH",
	'د': "D", 'ذ': "XDH", 'ر': "R", 'ز': "Z", 'س': "S", 'ش': "XSH", 'ص': "XSS",
	'ض': "XDZ", 'ط': "XTT", 'ظ': "XZZ", 'ع': "E", 'غ': "G", 'ـ': "", 'ف': "F",
	'ق': "Q", 'ك': "K", 'ل': "L", 'م': "M", 'ن': "N", 'ه': "H", 'و': "W",
	'ى': "XAY", 'ي': "Y", 'ً': "", 'ٌ': "", 'ٍ': "", 'َ': "", 'ُ': "", 'ِ': "",
	'ّ': "", 'ْ': "", 'ٰ': "", 'ٱ': "XXA", 'ٹ': "XXT", 'ټ': "XRT", 'پ': "P",
	'ځ': "XKE", 'څ': "XXH", 'چ': "XC", 'ڈ': "XXD", 'ډ': "XDR", 'ڑ': "XXR",
	'ړ': "XRR", 'ږ': "XRX", 'ژ': "XJ", 'ښ': "XXS", 'ڜ': "", 'ڢ': "", 'ڧ': "",
	'ڨ': "", 'ک': "XKK", 'ګ': "XXK", 'ڭ': "XNG", 'گ': "XGG", 'ں': "XNN",
	'ڼ': "XXN", 'ھ': "XDO", 'ۀ': "XYH", 'ہ': "XXG", 'ۂ': "XGE", 'ۃ': "XTG",
	'ی': "XYA", 'ۍ': "XXY", 'ې': "Y", 'ے': "XYB", 'ۓ': "XBE", 'ڤ': "V",
	'ڥ': "XF",
}

// arAlt holds §6.C's accepted alternatives.
var arAlt = map[rune][]string{'ة': {"XAH"}, 'ی': {"Y", "XAY"}}

const shadda = 'ّ'

// arReadable is the romanisation used for matching Arabic-script input. The
// ICAO Arabic scheme (XKH, XSH…) is reversible but is not how Arabic names
// are written on lists or, in practice, in passports; this table gives the
// common consonantal reading so that the phonetic key meets the Latin
// spellings (محمد → MHMD meets MUHAMMAD). Short vowels are not written in
// Arabic script, which is why Arabic-script queries match on the phonetic
// key rather than on the spelling.
var arReadable = map[rune]string{
	'ء': "", 'آ': "A", 'أ': "A", 'ؤ': "U", 'إ': "I", 'ئ': "I", 'ا': "A",
	'ب': "B", 'ة': "A", 'ت': "T", 'ث': "TH", 'ج': "J", 'ح': "H", 'خ': "KH",
	'د': "D", 'ذ': "DH", 'ر': "R", 'ز': "Z", 'س': "S", 'ش': "SH", 'ص': "S",
	'ض': "D", 'ط': "T", 'ظ': "Z", 'ع': "A", 'غ': "GH", 'ف': "F", 'ق': "Q",
	'ك': "K", 'ل': "L", 'م': "M", 'ن': "N", 'ه': "H", 'و': "W", 'ى': "A",
	'ي': "Y", 'ٱ': "A", 'پ': "P", 'چ': "CH", 'ژ': "ZH", 'ک': "K", 'گ': "G",
	'ی': "Y", 'ې': "Y", 'ے': "E", 'ڤ': "V", 'ٹ': "T", 'ڈ': "D", 'ڑ': "R",
	'ں': "N", 'ھ': "H", 'ہ': "H", 'ۀ': "H", 'ۃ': "A",
}

// vietBase reduces U+1EA0..U+1EF9 (Vietnamese letters with two marks) to
// their base vowels; each run is one base letter in upper/lower pairs.
func vietBase(r rune) (string, bool) {
	switch {
	case r >= 0x1EA0 && r <= 0x1EB7:
		return "A", true
	case r >= 0x1EB8 && r <= 0x1EC7:
		return "E", true
	case r >= 0x1EC8 && r <= 0x1ECB:
		return "I", true
	case r >= 0x1ECC && r <= 0x1EE3:
		return "O", true
	case r >= 0x1EE4 && r <= 0x1EF1:
		return "U", true
	case r >= 0x1EF2 && r <= 0x1EF9:
		return "Y", true
	}
	return "", false
}

// ICAO transliterates s to the MRZ alphabet exactly as Doc 9303 Part 3
// recommends (first option of each row; Arabic by §6.C with the X-prefixed
// sequences), for Cyrillic in the given language ("" or "rus" for the
// default; "bel", "bul", "mkd", "srp", "ukr" apply §6.B's exceptions).
// Name components are separated by single spaces; punctuation is dropped
// and hyphens become spaces, as §4.6 says. Characters with no
// transliteration are dropped.
func ICAO(s, lang string) string {
	var b strings.Builder
	initial := true
	var prev string // last Arabic output, for shadda
	space := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
		initial = true
	}
	rs := []rune(s)
	for i, r := range rs {
		u := unicode.ToUpper(r)
		if r == 'ß' {
			u = r
		}
		switch {
		case u >= 'A' && u <= 'Z':
			b.WriteRune(u)
			initial = false
		case u == '-' || u == ' ' || u == '<' || unicode.IsSpace(u) || u == ',' || u == '/':
			space()
		case latinICAO[u] != "":
			b.WriteString(latinICAO[u])
			initial = false
		case latinExtra[u] != "":
			// Letters §6.A lacks: States print their base letter.
			b.WriteString(latinExtra[u])
			initial = false
		case cyrICAO[u] != "" || u == 'Ь':
			out := cyrICAO[u]
			if ex, ok := cyrLang[u]; ok && lang != "" {
				if v, ok := ex[lang]; ok {
					out = v
				}
				if v, ok := ex[lang+"@initial"]; ok && initial {
					out = v
				}
			}
			b.WriteString(out)
			initial = false
		case r == shadda:
			b.WriteString(prev)
		case isArabic(r):
			out, ok := arICAO[r]
			if !ok {
				continue
			}
			if r == 'ة' && (i+1 == len(rs) || !isArabicLetter(rs[i+1])) {
				out = "XAH"
			}
			if out != "" {
				prev = out
			}
			b.WriteString(out)
			initial = false
		default:
			if v, ok := vietBase(u); ok {
				b.WriteString(v)
				initial = false
			}
		}
	}
	return strings.TrimSpace(b.String())
}

func isArabic(r rune) bool { return r >= 0x0600 && r <= 0x06FF }

func isArabicLetter(r rune) bool {
	return isArabic(r) && r != shadda && !(r >= 0x064B && r <= 0x0652) && r != 0x0670 && r != 'ـ'
}
