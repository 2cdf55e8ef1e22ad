package fraud

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
	"time"

	"lookout/internal/mrz"
)

// testNow is the fixed moment of every test.
var testNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

// build generates a zone with mrz.Generate, lets patch edit its lines (with
// TD3 check digits recomputed when fix is set) and parses it.
func build(t testing.TB, format mrz.Format, f mrz.Fields, patch func([]string) []string) *mrz.Document {
	t.Helper()
	lines, err := mrz.Generate(format, f)
	if err != nil {
		t.Fatalf("mrz.Generate(%s, %+v): %v", format, f, err)
	}
	if patch != nil {
		lines = patch(lines)
	}
	d, err := mrz.Parse(strings.Join(lines, "\n"), mrz.Options{Now: testNow, NoRepair: true})
	if err != nil {
		t.Fatalf("mrz.Parse(%q): %v", lines, err)
	}
	return d
}

// setTD3 replaces characters of TD3 line 2 from pos and recomputes every
// check digit, as a forger with a check-digit calculator would.
func setTD3(pos int, s string) func([]string) []string {
	return func(lines []string) []string {
		l2 := []byte(lines[1])
		copy(l2[pos:], s)
		fixTD3(l2)
		return []string{lines[0], string(l2)}
	}
}

func fixTD3(l2 []byte) {
	l2[9] = checkDigit(string(l2[0:9]))
	l2[19] = checkDigit(string(l2[13:19]))
	l2[27] = checkDigit(string(l2[21:27]))
	if strings.Trim(string(l2[28:42]), "<") == "" {
		l2[42] = '<'
	} else {
		l2[42] = checkDigit(string(l2[28:42]))
	}
	l2[43] = checkDigit(string(l2[0:10]) + string(l2[13:20]) + string(l2[21:43]))
}

// setChar replaces one character of a line without fixing check digits.
func setChar(line, pos int, ch byte) func([]string) []string {
	return func(lines []string) []string {
		out := append([]string(nil), lines...)
		b := []byte(out[line])
		b[pos] = ch
		out[line] = string(b)
		return out
	}
}

// mexican is a genuine Mexican passport: adult, 10 years, issued 2021-05-10.
func mexican() mrz.Fields {
	return mrz.Fields{
		DocumentType: "P", IssuingState: "MEX", Surname: "GARCIA LOPEZ", GivenNames: "JUAN CARLOS",
		DocumentNumber: "G12345678", Nationality: "MEX", BirthDate: "850312", Sex: "M", ExpiryDate: "310510",
	}
}

// mexicanVisual is mexican()'s visual zone, typed correctly.
func mexicanVisual() Visual {
	return Visual{
		IssueDate: "2021-05-10", Surname: "GARCÍA LÓPEZ", GivenNames: "JUAN CARLOS", BirthDate: "1985-03-12",
		ExpiryDate: "2031-05-10", DocumentNumber: "G12345678", Sex: "M",
		PlaceOfBirth: "GUADALAJARA, JALISCO", CURP: validCURP("GALJ850312HJCRPN0"),
	}
}

// validCURP appends the check digit to 17 characters.
func validCURP(s string) string {
	d, _ := curpCheckDigit(s)
	return s + string(d)
}

// genMatch returns a random string matching re (a subset of RE2 syntax:
// literals, classes, concatenation, repetition, alternation).
func genMatch(r *rand.Rand, re string) string {
	tree, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	var walk func(*syntax.Regexp)
	walk = func(t *syntax.Regexp) {
		switch t.Op {
		case syntax.OpLiteral:
			b.WriteString(string(t.Rune))
		case syntax.OpCharClass:
			total := 0
			for i := 0; i+1 < len(t.Rune); i += 2 {
				total += int(t.Rune[i+1]-t.Rune[i]) + 1
			}
			k := r.IntN(total)
			for i := 0; i+1 < len(t.Rune); i += 2 {
				n := int(t.Rune[i+1]-t.Rune[i]) + 1
				if k < n {
					b.WriteRune(t.Rune[i] + rune(k))
					return
				}
				k -= n
			}
		case syntax.OpConcat, syntax.OpCapture:
			for _, s := range t.Sub {
				walk(s)
			}
		case syntax.OpAlternate:
			walk(t.Sub[r.IntN(len(t.Sub))])
		case syntax.OpRepeat, syntax.OpPlus, syntax.OpStar, syntax.OpQuest:
			lo, hi := t.Min, t.Max
			switch t.Op {
			case syntax.OpPlus:
				lo, hi = 1, -1
			case syntax.OpStar:
				lo, hi = 0, -1
			case syntax.OpQuest:
				lo, hi = 0, 1
			}
			if hi < 0 {
				hi = lo + 7
			}
			n := lo + r.IntN(hi-lo+1)
			for range n {
				walk(t.Sub[0])
			}
		case syntax.OpEmptyMatch:
		default:
			panic("genMatch: unsupported " + t.Op.String())
		}
	}
	walk(tree)
	return b.String()
}

// codes lists the signal codes of a result.
func codes(res Result) []string {
	var out []string
	for _, s := range res.Signals {
		out = append(out, s.Code+"/"+string(s.Severity))
	}
	return out
}

func find(res Result, code string) *Signal {
	for i := range res.Signals {
		if res.Signals[i].Code == code {
			return &res.Signals[i]
		}
	}
	return nil
}
