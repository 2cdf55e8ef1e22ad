package demolist

import (
	"fmt"
	"strings"

	"lookout/internal/bundle"
)

// Number patterns. Each character of a pattern draws one character:
//
//	#  a digit        @  a letter A–Z
//	*  A–Z or 0–9     ^  the German alphabet [CFGHJKLMNPRTVWXYZ0-9]
//	%  China's e-passport second character [A-HJ-NP-Z0-9]
//
// anything else is copied. Patterns follow the issuer facts in
// shared/research/signing-and-fraud-notes.md §2.3 where they are known; for
// issuers whose pattern is "not established" the demo uses a plausible
// shape, marked so below.
type issuer struct {
	passports []string // patterns, drawn uniformly
	ids       []string // identity card patterns (document type I)
}

var issuers = map[string]issuer{
	"MEX": {passports: []string{"G########", "N########", "E########"}},
	"USA": {passports: []string{"5########", "6########", "A########"}},
	"GBR": {passports: []string{"1########", "5########", "6########"}},
	"CAN": {passports: []string{"@@######", "@######@@"}},
	"DEU": {passports: []string{"C^^^^^^^^"}, ids: []string{"L^^^^^^^^", "T^^^^^^^^"}},
	"FRA": {passports: []string{"##@@#####"}, ids: []string{"*********"}},
	"ESP": {passports: []string{"PA@######", "PB@######", "XD@######"}, ids: []string{"@@@######"}},
	"CHN": {passports: []string{"E########", "E%#######", "G########"}},
	"IND": {passports: []string{"@#######"}},
	"IRQ": {passports: []string{"A#######", "G#######"}},
	"SYR": {passports: []string{"#########", "N#########"}},             // not established
	"COL": {passports: []string{"AO######", "AP######", "PE######"}},    // not established
	"GTM": {passports: []string{"#########"}},                           // not established
	"HND": {passports: []string{"@#######"}},                            // not established
	"SLV": {passports: []string{"A########", "B########"}},              // not established
	"VEN": {passports: []string{"#########"}},                           // 9 digits, unverified
	"CUB": {passports: []string{"@@#####", "K######"}},                  // not established
	"RUS": {passports: []string{"7########", "6########", "5########"}}, // series (2 digits) + number (7)
	"UKR": {passports: []string{"F@######", "E@######"}},
	"TUR": {passports: []string{"U########", "S########"}},
	"IRN": {passports: []string{"@########"}},
	"AFG": {passports: []string{"P########", "O########"}},
	"NGA": {passports: []string{"A########", "B########"}},
	"GHA": {passports: []string{"G#######", "H#######"}},
	"VNM": {passports: []string{"C#######", "B#######", "N#######"}},
	"PRT": {passports: []string{"C@######"}},
	"BRA": {passports: []string{"F@######", "G@######"}},
	"PAK": {passports: []string{"@@#######"}},
	"BGD": {passports: []string{"@@#######"}},
	"EGY": {passports: []string{"A########"}},
	"SAU": {passports: []string{"@#######"}},
	"YEM": {passports: []string{"#######", "0#######"}},
	"JOR": {passports: []string{"@#######"}},
	"LBN": {passports: []string{"LR#######", "RL#######"}},
	"MAR": {passports: []string{"@@#######"}},
	"DZA": {passports: []string{"#########"}},
	"TUN": {passports: []string{"@######"}},
	"LBY": {passports: []string{"@@######"}},
	"SDN": {passports: []string{"P########"}},
	"SOM": {passports: []string{"P########"}},
	"ARG": {passports: []string{"AAA######", "AAB######"}},
	"PER": {passports: []string{"#########"}},
	"ECU": {passports: []string{"A#######"}},
	"DOM": {passports: []string{"RD#######", "SC#######"}},
	"NIC": {passports: []string{"C########"}},
	"ITA": {passports: []string{"@@#######"}},
	"NLD": {passports: []string{"@@*******"}},
	"BEL": {passports: []string{"@@######"}},
	"CHE": {passports: []string{"X#######", "S#######"}},
	"AUT": {passports: []string{"P#######", "U#######"}},
	"POL": {passports: []string{"@@#######"}},
	"IRL": {passports: []string{"P@#######"}},
	"AUS": {passports: []string{"P#######", "PA#######", "N#######"}},
	"JAM": {passports: []string{"A#######"}},
	"KAZ": {passports: []string{"N########"}},
	"BLR": {passports: []string{"@@#######"}},
	"HKG": {passports: []string{"K########", "H########"}},
	"TWN": {passports: []string{"3########"}},
	"ARE": {passports: []string{"@#######"}},
	"KWT": {passports: []string{"@#######"}},
	"QAT": {passports: []string{"@#######"}},
	"PSE": {passports: []string{"#######"}},
	"KEN": {passports: []string{"AK#######", "A########"}},
	"ISR": {passports: []string{"#########"}},
	"CYP": {passports: []string{"K########"}},
	"SWE": {passports: []string{"########"}},
	"KOR": {passports: []string{"M########", "S########"}},
	"PRK": {passports: []string{"#########"}}, // not established
	"PHL": {passports: []string{"P#######@", "EB#######"}},
	"IDN": {passports: []string{"@#######"}},
}

// issuerPattern returns a passport pattern for a state, a generic one for a
// state the table lacks.
func issuerPattern(r *rng, state string) string {
	if is, ok := issuers[state]; ok {
		return pick(r, is.passports)
	}
	return "@#######"
}

const (
	digits     = "0123456789"
	letters    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	alnum      = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	germanSet  = "CFGHJKLMNPRTVWXYZ0123456789"
	chinaSecnd = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
)

// fillPattern draws a number from a pattern.
func fillPattern(r *rng, p string) string {
	b := make([]byte, len(p))
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '#':
			b[i] = digits[r.intn(10)]
		case '@':
			b[i] = letters[r.intn(26)]
		case '*':
			b[i] = alnum[r.intn(36)]
		case '^':
			b[i] = germanSet[r.intn(len(germanSet))]
		case '%':
			b[i] = chinaSecnd[r.intn(len(chinaSecnd))]
		default:
			b[i] = p[i]
		}
	}
	return string(b)
}

// personDocuments draws the identity documents a listed person is known to
// hold: usually a passport of their nationality, sometimes a second
// passport, a national identity number where the state issues one we model
// (CURP for Mexico, DNI for Spain, cédula for Colombia, ID cards for
// Germany and France).
func personDocuments(r *rng, e bundle.Entry, n nameParts) []bundle.DocRef {
	var out []bundle.DocRef
	if len(e.Nationalities) == 0 {
		if r.pct(30) {
			out = append(out, bundle.DocRef{Type: "passport", Number: fillPattern(r, "@#######")})
		}
		return out
	}
	st := e.Nationalities[0]
	if r.pct(68) {
		out = append(out, bundle.DocRef{Type: "passport", State: st, Number: fillPattern(r, issuerPattern(r, st))})
	}
	if r.pct(9) {
		// A second, older passport of the same state.
		out = append(out, bundle.DocRef{Type: "passport", State: st, Number: fillPattern(r, issuerPattern(r, st))})
	}
	if len(e.Nationalities) > 1 && r.pct(60) {
		st2 := e.Nationalities[1]
		out = append(out, bundle.DocRef{Type: "passport", State: st2, Number: fillPattern(r, issuerPattern(r, st2))})
	}
	if r.pct(30) {
		if id := nationalID(r, st, e, n); id != "" {
			out = append(out, bundle.DocRef{Type: "national-id", State: st, Number: id})
		}
	}
	return out
}

func nationalID(r *rng, st string, e bundle.Entry, n nameParts) string {
	switch st {
	case "MEX":
		return curp(r, e, n)
	case "ESP":
		num := r.intn(100000000)
		return fmt.Sprintf("%08d%c", num, "TRWAGMYFPDXBNJZSQVHLCKE"[num%23])
	case "COL":
		return fmt.Sprintf("%d", 10000000+r.intn(1190000000))
	case "DEU", "FRA":
		return fillPattern(r, pick(r, issuers[st].ids))
	case "ARG":
		return fmt.Sprintf("%d", 10000000+r.intn(40000000))
	case "TUR":
		return fmt.Sprintf("%d%010d", 1+r.intn(9), r.intn(1000000000))
	case "CHN":
		return fmt.Sprintf("%06d%s%03d%d", 110000+r.intn(540000), strings.ReplaceAll(firstDOB(e), "-", ""), r.intn(1000), r.intn(10))
	}
	return ""
}

func firstDOB(e bundle.Entry) string {
	for _, d := range e.DOBs {
		if len(d.Date) == 10 && d.To == "" {
			return d.Date
		}
	}
	return "19800101"
}

var mexStates = []string{"AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN", "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS"}

// curp builds a CURP (Mexico's population registry key) from the name and
// date of birth, with its check digit, as RENAPO forms it.
func curp(r *rng, e bundle.Entry, n nameParts) string {
	dob := firstDOB(e)
	if len(dob) != 10 {
		return ""
	}
	var surs []string
	for _, w := range strings.Fields(fold(n.sur)) {
		switch w {
		case "DE", "DEL", "LA", "LAS", "LOS", "Y", "MC", "VAN", "VON":
		default:
			surs = append(surs, w)
		}
	}
	givens := strings.Fields(fold(n.given))
	if len(surs) == 0 || len(givens) == 0 {
		return ""
	}
	p := surs[0]
	m := "X"
	if len(surs) > 1 {
		m = surs[len(surs)-1]
	}
	g := givens[0]
	if (g == "MARIA" || g == "JOSE") && len(givens) > 1 {
		g = givens[1]
	}
	vowel := func(s string) byte {
		for i := 1; i < len(s); i++ {
			if strings.IndexByte("AEIOU", s[i]) >= 0 {
				return s[i]
			}
		}
		return 'X'
	}
	cons := func(s string) byte {
		for i := 1; i < len(s); i++ {
			if c := s[i]; c >= 'A' && c <= 'Z' && strings.IndexByte("AEIOU", c) < 0 {
				return c
			}
		}
		return 'X'
	}
	sex := "H"
	if e.Sex == "F" {
		sex = "M"
	}
	var b strings.Builder
	b.WriteByte(p[0])
	b.WriteByte(vowel(p))
	b.WriteByte(m[0])
	b.WriteByte(g[0])
	b.WriteString(dob[2:4] + dob[5:7] + dob[8:10])
	b.WriteString(sex)
	b.WriteString(pick(r, mexStates))
	b.WriteByte(cons(p))
	b.WriteByte(cons(m))
	b.WriteByte(cons(g))
	if dob[:2] == "19" {
		b.WriteByte(digits[r.intn(10)])
	} else {
		b.WriteByte(letters[r.intn(26)])
	}
	s := b.String()
	for i := 0; i < len(s); i++ { // keep the key in its alphabet
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			s = s[:i] + "X" + s[i+1:]
		}
	}
	const dict = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(dict, s[i]) * (18 - i)
	}
	return s + string(digits[(10-sum%10)%10])
}
