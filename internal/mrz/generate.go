package mrz

import (
	"fmt"
	"strings"
)

// Generate builds the lines of a correct zone of format f from fields, as
// an issuing authority would print them:
//
//   - text fields are upper-cased; spaces and hyphens become fillers and
//     apostrophes are dropped; any other character outside A–Z, 0–9 is an
//     error (transliterate names first, see package names);
//   - names too long for their field are truncated as Doc 9303 Part 3 §4.6
//     prescribes: the secondary identifiers are cut first, down to their
//     initial if need be; only then is the primary identifier cut;
//   - TD1 and TD2 document numbers longer than 9 characters continue into
//     the optional data after a '<' in the check-digit position, followed
//     by their check digit;
//   - the TD3 optional-data check digit is '<' when the field is empty;
//   - DocumentType defaults to P (TD3), I (TD1, TD2), V (visas) or ID
//     (French ID); Sex "" is printed as '<'.
//
// The French ID ignores Nationality and ExpiryDate (the card has neither),
// and prints OptionalData as the 6-character office code of line 1.
// Derived fields (ISO dates, country names) are ignored.
func Generate(f Format, fields Fields) ([]string, error) {
	g := gen{}
	typ := g.text("document_type", fields.DocumentType)
	if typ == "" {
		switch f {
		case TD3:
			typ = "P"
		case TD1, TD2:
			typ = "I"
		case MRVA, MRVB:
			typ = "V"
		case FrenchID:
			typ = "ID"
		}
	}
	state := g.text("issuing_state", fields.IssuingState)
	if f == FrenchID {
		// The layout exists only for France's card, and is recognised by
		// its first five characters.
		if state == "" {
			state = "FRA"
		}
		if state != "FRA" || typ != "ID" {
			g.fail("document_type and issuing_state", "are %q and %q; the French ID card is ID and FRA", typ, state)
		}
	}
	nat := g.text("nationality", fields.Nationality)
	num := g.text("document_number", fields.DocumentNumber)
	birth := g.date("birth_date", fields.BirthDate)
	expiry := ""
	if f != FrenchID {
		expiry = g.date("expiry_date", fields.ExpiryDate)
	}
	sex := g.text("sex", fields.Sex)
	switch sex {
	case "":
		sex = "<"
	case "M", "F", "X", "<":
	default:
		g.fail("sex", "is %q; use M, F, X or empty", fields.Sex)
	}
	opt := g.text("optional_data", fields.OptionalData)
	opt1 := g.text("optional_data_1", fields.OptionalData1)
	opt2 := g.text("optional_data_2", fields.OptionalData2)
	surname := g.text("surname", fields.Surname)
	given := g.text("given_names", fields.GivenNames)
	if g.err != nil {
		return nil, g.err
	}
	if len(num) > 9 && strings.Contains(num, "<") {
		g.fail("document_number", "%q is longer than 9 characters and has a filler inside; a long number must be continuous", num)
	}
	g.fit("document_type", typ, 2)
	g.fit("issuing_state", state, 3)
	g.fit("nationality", nat, 3)

	var lines []string
	switch f {
	case TD1:
		l1 := pad(typ, 2) + pad(state, 3)
		if len(num) <= 9 {
			l1 += pad(num, 9) + cd(pad(num, 9)) + opt1
		} else {
			l1 += num[:9] + "<" + num[9:] + cd(num)
			if opt1 != "" {
				l1 += "<" + opt1
			}
		}
		g.fit("document number and optional_data_1", l1, 30)
		g.fit("optional_data_2", opt2, 11)
		l1 = pad(l1, 30)
		l2 := birth + cd(birth) + sex + expiry + cd(expiry) + pad(nat, 3) + pad(opt2, 11)
		l2 += cd(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
		lines = []string{l1, l2, name(surname, given, 30)}
	case TD2, TD3, MRVA, MRVB:
		w := 44
		if f == TD2 || f == MRVB {
			w = 36
		}
		optLen := map[Format]int{TD2: 7, TD3: 14, MRVA: 16, MRVB: 8}[f]
		l1 := pad(typ, 2) + pad(state, 3) + name(surname, given, w-5)
		var l2 string
		if len(num) > 9 {
			if f != TD2 {
				g.fail("document_number", "has %d characters; %s has room for 9", len(num), f)
			}
			l2 = num[:9] + "<"
			if opt != "" {
				opt = "<" + opt
			}
			opt = num[9:] + cd(num) + opt
		} else {
			l2 = pad(num, 9) + cd(pad(num, 9))
		}
		g.fit("optional data (with any document-number overflow)", opt, optLen)
		l2 += pad(nat, 3) + birth + cd(birth) + sex + expiry + cd(expiry) + pad(opt, optLen)
		switch f {
		case TD3:
			if strings.Trim(opt, "<") == "" {
				l2 += "<"
			} else {
				l2 += cd(pad(opt, optLen))
			}
			l2 += cd(l2[0:10] + l2[13:20] + l2[21:43])
		case TD2:
			l2 += cd(l2[0:10] + l2[13:20] + l2[21:35])
		}
		lines = []string{l1, l2}
	case FrenchID:
		g.fit("document_number", num, 12)
		g.fit("optional_data", opt, 6)
		sur := truncate(strings.Join(strings.Fields(strings.ReplaceAll(surname, "<", " ")), "<"), 25)
		giv := truncate(strings.Join(strings.Fields(strings.ReplaceAll(given, "<", " ")), "<<"), 14)
		l1 := pad(typ, 2) + pad(state, 3) + pad(sur, 25) + pad(opt, 6)
		l2 := pad(num, 12) + cd(pad(num, 12)) + pad(giv, 14) + birth + cd(birth) + sex
		l2 += cd(l1 + l2)
		lines = []string{l1, l2}
	default:
		return nil, fmt.Errorf("mrz: generate: unknown format %q", f)
	}
	if g.err != nil {
		return nil, g.err
	}
	return lines, nil
}

type gen struct{ err error }

func (g *gen) fail(field, format string, args ...any) {
	if g.err == nil {
		g.err = fmt.Errorf("mrz: generate: %s "+format, append([]any{field}, args...)...)
	}
}

// text upper-cases s, turns spaces and hyphens into fillers, drops
// apostrophes, and rejects anything else outside A–Z, 0–9 and '<'.
func (g *gen) text(field, s string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '<':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('<')
		case r == '\'' || r == '’':
		default:
			g.fail(field, "has %q at byte %d, which has no MRZ form; transliterate it first", r, i)
		}
	}
	return b.String()
}

func (g *gen) date(field, s string) string {
	if len(s) != 6 {
		g.fail(field, "is %q; want YYMMDD", s)
		return "<<<<<<"
	}
	for i := 0; i < 6; i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '<' {
			g.fail(field, "is %q; want YYMMDD", s)
			return "<<<<<<"
		}
	}
	return s
}

func (g *gen) fit(field, s string, n int) {
	if len(s) > n {
		g.fail(field, "%q is %d characters; the field holds %d", s, len(s), n)
	}
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s[:n]
	}
	return s + strings.Repeat("<", n-len(s))
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// cd is CheckDigit for strings already known to be MRZ text.
func cd(s string) string {
	d, err := CheckDigit(s)
	if err != nil {
		return "<"
	}
	return string(d)
}

// name builds a name field of width n from filler-separated identifiers,
// truncating as Doc 9303 Part 3 §4.6 prescribes.
func name(surname, given string, n int) string {
	primary := strings.Join(strings.FieldsFunc(surname, isFill), "<")
	secondary := strings.FieldsFunc(given, isFill)
	full := primary
	if len(secondary) > 0 {
		full += "<<" + strings.Join(secondary, "<")
	}
	if len(full) <= n {
		return pad(full, n)
	}
	if len(secondary) > 0 && len(primary)+3 <= n {
		// Cut the secondary identifiers from the end, each down to its
		// initial, before cutting any of them further.
		parts := append([]string(nil), secondary...)
		total := len(primary) + 2 + len(parts) - 1
		for _, s := range parts {
			total += len(s)
		}
		for k := len(parts) - 1; k >= 0 && total > n; k-- {
			keep := max(1, len(parts[k])-(total-n))
			total -= len(parts[k]) - keep
			parts[k] = parts[k][:keep]
		}
		s := primary + "<<" + strings.Join(parts, "<")
		if len(s) <= n {
			return pad(s, n)
		}
		// Even initials do not fit: keep as many as there is room for.
		return s[:n]
	}
	// The primary identifier alone is too long: cut it, keeping room for
	// the separator and one initial when there is a secondary identifier.
	if len(secondary) > 0 {
		return pad(strings.TrimRight(primary[:n-3], "<")+"<<"+secondary[0][:1], n)
	}
	return primary[:n]
}

func isFill(r rune) bool { return r == '<' }
