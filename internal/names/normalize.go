package names

import (
	"strings"
	"unicode"
)

// Token is one name component normalised to the MRZ alphabet (A–Z).
type Token struct {
	// Text is the ICAO form (Ü → UE, ß → SS, Й → I, Х → KH).
	Text string
	// Alts are other spellings the same written component may take in an
	// MRZ: the simple folds Doc 9303 also accepts (Ü → U, Ä → A, Ö → O,
	// Å → A). Empty for most tokens.
	Alts []string
	// Script is true when the token was romanised from a script that
	// does not write short vowels (Arabic): it can meet Latin spellings
	// only through the phonetic key.
	Script bool
	// Particle marks connecting words (AL, BIN, DE, VAN…): they carry little
	// identity and may be present, absent or glued to the next component.
	Particle bool
}

// Tokenize normalises a name as typed, printed or read from an MRZ into
// tokens: upper case, Latin diacritics transliterated by Doc 9303 §6.A,
// Cyrillic by §6.B (with the language guessed from letters only some
// languages have), Arabic script by a consonantal reading, Greek by ELOT
// 743. Apostrophes vanish (O'BRIEN → OBRIEN), hyphens, '<' and other
// punctuation separate tokens, courtesy titles are dropped, and Arabic
// "Abd al-" compounds become one token (ABD AL RAHMAN, ABDEL RAHMAN,
// ABDULRAHMAN and ABDURRAHMAN all give ABDRAHMAN).
func Tokenize(s string) []Token {
	lang := cyrillicLang(s)
	var prim, alt strings.Builder
	var toks []Token
	script := false
	flush := func() {
		if prim.Len() > 0 {
			t := Token{Text: prim.String(), Script: script}
			if a := alt.String(); a != t.Text && a != "" {
				t.Alts = []string{a}
			}
			toks = append(toks, t)
		}
		prim.Reset()
		alt.Reset()
		script = false
	}
	rs := []rune(s)
	var prevAr string
	for i, r := range rs {
		u := unicode.ToUpper(r)
		if r == 'ß' || r == 'ı' {
			u = r
		}
		switch {
		case u >= 'A' && u <= 'Z':
			prim.WriteRune(u)
			alt.WriteRune(u)
		case u == '\'' || u == '’' || u == 'ʼ' || u == 'ʻ' || u == '`' || u == '´' || u == '‘' || u == 'ʹ':
			// Doc 9303 §4.6: apostrophes are omitted, not separators.
		case latinICAO[u] != "":
			p := latinICAO[u]
			prim.WriteString(p)
			if a, ok := latinAlt[u]; ok && a[len(a)-1] != "NXX" {
				alt.WriteString(a[len(a)-1])
			} else {
				alt.WriteString(p)
			}
		case latinExtra[u] != "":
			prim.WriteString(latinExtra[u])
			alt.WriteString(latinExtra[u])
		case isCyrillic(u):
			out, ok := cyrICAO[u]
			if !ok {
				if out, ok = cyrExtra[u]; !ok {
					continue
				}
			}
			if ex, ok := cyrLang[u]; ok && lang != "" {
				if v, ok := ex[lang]; ok {
					out = v
				}
				if v, ok := ex[lang+"@initial"]; ok && prim.Len() == 0 {
					out = v
				}
			}
			prim.WriteString(out)
			alt.WriteString(out)
		case greek[u] != "":
			g := greek[u]
			// ELOT 743 digraphs: ΟΥ is OU, ΑΥ and ΕΥ are AV and EV.
			if (u == 'Υ' || u == 'Ύ') && i > 0 {
				switch unicode.ToUpper(rs[i-1]) {
				case 'Ο', 'Ό':
					g = "U"
				case 'Α', 'Ε', 'Ά', 'Έ':
					g = "V"
				}
			}
			prim.WriteString(g)
			alt.WriteString(g)
		case r == shadda:
			prim.WriteString(prevAr)
			alt.WriteString(prevAr)
		case isArabic(r):
			out, ok := arReadable[r]
			if !ok {
				if r == 0x060C || r == 0x061B || r == 0x061F { // Arabic comma, semicolon, question mark
					flush()
				}
				continue
			}
			// Waw and yeh are consonants at the start of a word and after
			// alif, and long vowels elsewhere (محمود MAHMUD, مجيد MAJID).
			if r == 'و' || r == 'ي' || r == 'ی' {
				if prim.Len() > 0 && i > 0 && rs[i-1] != 'ا' {
					if r == 'و' {
						out = "U"
					} else {
						out = "I"
					}
				}
			}
			script = true
			if out != "" {
				prevAr = out
			}
			prim.WriteString(out)
			alt.WriteString(out)
		default:
			if v, ok := vietBase(u); ok {
				prim.WriteString(v)
				alt.WriteString(v)
				continue
			}
			if unicode.Is(unicode.Mn, r) {
				continue // stray combining marks (decomposed input)
			}
			flush()
		}
	}
	flush()
	return joinCompounds(dropTitles(toks))
}

// Normalize returns the name's tokens (ICAO forms) joined by single spaces.
func Normalize(s string) string {
	toks := Tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// cyrillicLang guesses the language of Cyrillic text from letters that
// only some alphabets have; "" means Russian (no exceptions), the most
// common case and the one Bulgarian shares almost entirely.
func cyrillicLang(s string) string {
	for _, r := range s {
		switch unicode.ToUpper(r) {
		case 'Є', 'Ї', 'Ґ', 'І':
			return "ukr"
		case 'Ў':
			return "bel"
		case 'Ђ', 'Ћ':
			return "srp"
		case 'Ѓ', 'Ќ', 'Ѕ':
			return "mkd"
		case 'Љ', 'Њ', 'Џ', 'Ј':
			return "srp"
		}
	}
	return ""
}

// titles are courtesy, religious and military titles that lists and
// travelers add or leave out; they are dropped when at least two other
// tokens remain (SHEIKH and QARI are also names).
var titles = map[string]bool{
	"MR": true, "MRS": true, "MS": true, "MISS": true, "MME": true, "MLLE": true,
	"DR": true, "PROF": true, "HAJI": true, "HAJJI": true, "ALHAJI": true, "ALHAJ": true,
	// Religious and military honorifics that lists put before names.
	"SHEIKH": true, "SHAIKH": true, "SHAYKH": true, "MULLAH": true, "MULLA": true,
	"MAULAWI": true, "MAWLAWI": true, "MAULVI": true, "MAULANA": true, "QARI": true,
	"GENERAL": true, "COLONEL": true, "COL": true, "MAJOR": true, "CAPTAIN": true, "CAPT": true,
}

func dropTitles(toks []Token) []Token {
	n := len(toks)
	out := toks[:0]
	for _, t := range toks {
		if titles[t.Text] && n > 2 {
			n--
			continue
		}
		out = append(out, t)
	}
	return out
}

// particles are connecting words of names: Arabic article and kinship
// words (with the article's sun-letter assimilations), Romance and
// Germanic nobiliary particles, the Spanish conjunction Y.
var particles = map[string]bool{
	"AL": true, "EL": true, "UL": true, "AD": true, "AS": true, "ASH": true, "AT": true,
	"AZ": true, "AR": true, "AN": true, "ED": true, "ES": true, "ET": true, "ER": true,
	"BIN": true, "BEN": true, "IBN": true, "BINT": true, "BINTI": true, "BINTE": true,
	"ABU": true, "ABOU": true, "ABO": true, "BOU": true, "BU": true, "UMM": true, "OM": true,
	"OULD": true, "WALD": true, "WAD": true, "AP": true, "BAR": true,
	"DE": true, "DEL": true, "DELA": true, "DELLA": true, "DELLE": true, "DEGLI": true,
	"DEI": true, "DA": true, "DAL": true, "DAS": true, "DO": true, "DOS": true,
	"DI": true, "DU": true, "DES": true, "D": true, "LA": true, "LE": true, "LES": true,
	"LOS": true, "LAS": true, "LO": true, "VAN": true, "VON": true, "DER": true, "DEN": true,
	"TER": true, "TEN": true, "TE": true, "ZU": true, "ZUR": true, "Y": true, "MC": true,
	"MAC": true, "ST": true,
	// "Abd al-" standing alone (its name left in another field or cut by
	// the MRZ) says only that a theophoric name follows.
	"ABD": true, "ABDUL": true, "ABDEL": true, "ABDAL": true, "ABDOUL": true, "ABDOL": true,
}

// IsParticle reports whether a normalised token is a name particle.
func IsParticle(tok string) bool { return particles[tok] }

// gluedPrefixes are particles that are often written glued to the next
// component (ALZAWAHIRI, ELHADI, BINLADEN, DELAROSA, VANDYKE, MCDONALD),
// and the ABD of a fused "Abd al-" compound (ABDBASIR meets BASIR).
var gluedPrefixes = []string{"ABOU", "ABU", "ABD", "BINT", "BIN", "BEN", "IBN", "OULD", "DELA", "DEL", "DE", "DI", "DA", "DOS", "VAN", "VON", "MAC", "MC", "AL", "EL", "UL"}

// StripParticle returns tok without a glued leading particle, and whether
// there was one: ALZAWAHIRI → ZAWAHIRI, ARRASHID → RASHID (the article
// assimilated to a sun letter), BINLADEN → LADEN. The remainder must keep
// at least four letters so that ordinary names (ALI, ELENA, DEAN) are left
// alone; a few false splits (ALBERTO → BERTO) are harmless because both
// forms are tried and the split form only adds candidates.
func StripParticle(tok string) (string, bool) {
	if len(tok) >= 6 && (tok[0] == 'A' || tok[0] == 'E' || tok[0] == 'U') && tok[1] == tok[2] && isSun(tok[1]) {
		return tok[2:], true
	}
	if len(tok) >= 7 && (tok[0] == 'A' || tok[0] == 'E') && tok[1] == 'S' && tok[2] == 'H' && tok[3] == 'S' && tok[4] == 'H' {
		return tok[3:], true
	}
	for _, p := range gluedPrefixes {
		if len(tok) >= len(p)+4 && strings.HasPrefix(tok, p) {
			return tok[len(p):], true
		}
	}
	return "", false
}

// isSun reports the Latin initials of Arabic sun letters, to which the
// article AL assimilates (AL-RASHID is pronounced and often written
// AR-RASHID or ARRASHID).
func isSun(c byte) bool {
	switch c {
	case 'T', 'D', 'R', 'Z', 'S', 'N', 'L':
		return true
	}
	return false
}

// joinCompounds marks particles and fuses the Arabic theophoric compounds
// "Abd al-X" into one token ABDX and "X Allah" into XALLAH, however they
// were split or spelled.
func joinCompounds(toks []Token) []Token {
	out := make([]Token, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Text == "ABD" || t.Text == "ABDEL" || t.Text == "ABDUL" || t.Text == "ABDAL" || t.Text == "ABDOUL" || t.Text == "ABDOL" || t.Text == "ABDUR" || t.Text == "ABDER" {
			j := i + 1
			if t.Text == "ABD" && j < len(toks) && isArticle(toks[j].Text) {
				j++
			}
			if j < len(toks) && len(toks[j].Text) >= 3 && !particles[toks[j].Text] {
				joined := "ABD" + toks[j].Text
				if rest, ok := abdCompound(joined); ok { // ABD ALLAH → ABDLAH, as ABDALLAH
					joined = "ABD" + rest
				}
				out = append(out, Token{Text: joined, Script: t.Script || toks[j].Script})
				i = j
				continue
			}
		}
		// "X Allah" compounds (HAMID ULLAH, SAIF ALLAH, حمید الله) are one
		// name, usually written glued in Latin lists (HAMIDULLAH).
		if allahPart[t.Text] && len(out) > 0 && !out[len(out)-1].Particle && !strings.HasPrefix(out[len(out)-1].Text, "ABD") {
			p := &out[len(out)-1]
			p.Text += t.Text
			p.Alts = nil
			p.Script = p.Script || t.Script
			continue
		}
		if rest, ok := abdCompound(t.Text); ok {
			t = Token{Text: "ABD" + rest, Script: t.Script}
		}
		if particles[t.Text] && !(t.Text == "Y" && i == 0) {
			t.Particle = true
		}
		out = append(out, t)
	}
	return out
}

// allahPart are the spellings of the second part of an "X Allah" name.
var allahPart = map[string]bool{"ALLAH": true, "ULLAH": true, "OLLAH": true, "ULLA": true, "ALLA": true, "ALLH": true, "ULLAHI": true}

func isArticle(s string) bool {
	switch s {
	case "AL", "EL", "UL", "AR", "AS", "AN", "AZ", "AD", "AT", "ER", "ES", "ED", "UR", "US":
		return true
	}
	return false
}

// abdCompound splits a glued "Abd al-" compound: ABDULRAHMAN, ABDELAZIZ,
// ABDURRAHMAN (article assimilated), ABDALLAH → the part after the article.
func abdCompound(tok string) (string, bool) {
	if !strings.HasPrefix(tok, "ABD") || len(tok) < 7 {
		return "", false
	}
	i := 3
	for i < len(tok) && isVowel(tok[i]) {
		i++
	}
	if i == 3 || i >= len(tok)-2 {
		return "", false
	}
	switch {
	case tok[i] == 'L':
		i++
	case i+1 < len(tok) && tok[i] == tok[i+1] && isSun(tok[i]):
		i++
	case len(tok)-i >= 4:
		// ABDIRAHMAN, ABDUKARIM: the article's L already elided.
	default:
		return "", false
	}
	rest := tok[i:]
	if len(rest) < 3 {
		return "", false
	}
	return rest, true
}

func isVowel(c byte) bool {
	switch c {
	case 'A', 'E', 'I', 'O', 'U':
		return true
	}
	return false
}

// SplitMRZ splits an MRZ name field (SURNAME<<GIVEN<NAMES, fillers
// trailing) into its primary and secondary identifiers with '<' turned into
// spaces. ok is false when s is not in MRZ form (has no "<<").
func SplitMRZ(s string) (surname, given string, ok bool) {
	s = strings.TrimSpace(s)
	i := strings.Index(s, "<<")
	if i < 0 {
		return "", "", false
	}
	clean := func(x string) string {
		return strings.Join(strings.FieldsFunc(x, func(r rune) bool { return r == '<' || r == ' ' }), " ")
	}
	return clean(s[:i]), clean(s[i+2:]), true
}
