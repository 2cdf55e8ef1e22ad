package mrz

import (
	"bytes"
	"strings"
	"time"

	"lookout/internal/countries"
)

// seg returns the working text of a segment; characters that are not MRZ
// characters are shown as read.
func (p *parser) seg(line, start, end int) string {
	b := p.lines[line][start:end]
	if bytes.IndexByte(b, invalidByte) < 0 {
		return string(b)
	}
	var s strings.Builder
	for k, c := range b {
		if c == invalidByte {
			s.WriteRune(p.orig[[2]int{line, start + k}])
		} else {
			s.WriteByte(c)
		}
	}
	return s.String()
}

// trimFill removes fillers at both ends.
func trimFill(s string) string { return strings.Trim(s, "<") }

// fields extracts the fields from the (repaired) working lines and applies
// the field rules.
func (p *parser) fields() {
	f := &p.doc.Fields
	var nameLine, nameStart, nameEnd int
	var nat segment
	var birth, expiry segment
	var sex segment
	switch p.format {
	case TD1:
		f.DocumentType = trimFill(p.seg(0, 0, 2))
		f.IssuingState = trimFill(p.seg(0, 2, 5))
		f.DocumentNumber = trimFill(p.seg(0, 5, 14))
		optStart := 15
		if p.overflow != nil {
			f.DocumentNumber = p.seg(0, 5, 14) + p.seg(p.overflow.line, p.overflow.start, p.overflow.end)
			optStart = p.overflow.end + 1
		}
		f.OptionalData1 = trimFill(p.seg(0, optStart, 30))
		birth, sex, expiry, nat = segment{1, 0, 6}, segment{1, 7, 8}, segment{1, 8, 14}, segment{1, 15, 18}
		f.OptionalData2 = trimFill(p.seg(1, 18, 29))
		nameLine, nameStart, nameEnd = 2, 0, 30
	case TD2, TD3, MRVA, MRVB:
		f.DocumentType = trimFill(p.seg(0, 0, 2))
		f.IssuingState = trimFill(p.seg(0, 2, 5))
		f.DocumentNumber = trimFill(p.seg(1, 0, 9))
		optStart, optEnd := 28, p.width
		switch p.format {
		case TD2:
			optEnd = 35
		case TD3:
			optEnd = 42
		}
		if p.overflow != nil {
			f.DocumentNumber = p.seg(1, 0, 9) + p.seg(p.overflow.line, p.overflow.start, p.overflow.end)
			optStart = p.overflow.end + 1
		}
		f.OptionalData = trimFill(p.seg(1, optStart, optEnd))
		birth, sex, expiry, nat = segment{1, 13, 19}, segment{1, 20, 21}, segment{1, 21, 27}, segment{1, 10, 13}
		nameLine, nameStart, nameEnd = 0, 5, p.width
	case FrenchID:
		f.DocumentType = trimFill(p.seg(0, 0, 2))
		f.IssuingState = trimFill(p.seg(0, 2, 5))
		f.DocumentNumber = trimFill(p.seg(1, 0, 12))
		f.OptionalData = trimFill(p.seg(0, 30, 36))
		birth, sex = segment{1, 27, 33}, segment{1, 34, 35}
	}
	p.documentCode()
	p.country("issuing_state", segment{0, 2, 5})
	if p.format == FrenchID {
		// The card is issued to French citizens only; the zone has no
		// nationality field.
		f.Nationality = "FRA"
		f.Surname = p.frenchName("surname", segment{0, 5, 30})
		f.GivenNames = p.frenchName("given_names", segment{1, 13, 27})
	} else {
		f.Nationality = trimFill(p.seg(nat.line, nat.start, nat.end))
		p.country("nationality", nat)
		f.Surname, f.GivenNames = p.name(nameLine, nameStart, nameEnd)
	}
	if c, ok := countries.Lookup(f.IssuingState); ok {
		f.IssuingStateName, f.IssuingStateNameES = c.NameEN, c.NameES
		p.doc.Specimen = p.doc.Specimen || c.Specimen
	}
	if c, ok := countries.Lookup(f.Nationality); ok {
		f.NationalityName, f.NationalityNameES = c.NameEN, c.NameES
		p.doc.Specimen = p.doc.Specimen || c.Specimen
	}
	if f.DocumentNumber == "" {
		line, start, end := 1, 0, 9
		switch p.format {
		case TD1:
			line, start, end = 0, 5, 14
		case FrenchID:
			end = 12
		}
		p.add(CodeDocumentNumberEmpty, "document_number", line+1, start, end, nil)
	}
	f.BirthDate = p.seg(birth.line, birth.start, birth.end)
	f.Sex = p.seg(sex.line, sex.start, sex.end)
	p.sex(sex)
	p.doc.Birth = p.date("birth_date", birth, false)
	if !p.doc.Birth.IsZero() {
		f.BirthDateISO = p.doc.Birth.Format(time.DateOnly)
	}
	if p.format != FrenchID {
		f.ExpiryDate = p.seg(expiry.line, expiry.start, expiry.end)
		p.doc.Expiry = p.date("expiry_date", expiry, true)
		if !p.doc.Expiry.IsZero() {
			f.ExpiryDateISO = p.doc.Expiry.Format(time.DateOnly)
			if p.doc.Expiry.Before(dateOf(p.now)) {
				p.add(CodeExpired, "expiry_date", expiry.line+1, expiry.start, expiry.end, Params{"date": f.ExpiryDateISO})
			}
			if !p.doc.Birth.IsZero() && p.doc.Expiry.Before(p.doc.Birth) {
				p.add(CodeExpiryBeforeBirth, "expiry_date", expiry.line+1, expiry.start, expiry.end, Params{"expiry": f.ExpiryDateISO, "birth": f.BirthDateISO})
			}
		}
	}
	// The sex field is only a letter as printed; '<' means unspecified.
	if f.Sex == "<" {
		f.Sex = ""
	}
}

func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// documentCode applies the document-code rules of each format.
func (p *parser) documentCode() {
	code := p.seg(0, 0, 2)
	first := code[0]
	invalid := func(rule, expected string) {
		p.add(CodeDocumentCodeInvalid, "document_type", 1, 0, 2, Params{"value": code, "format": string(p.format), "expected": expected, "rule": rule})
	}
	unusual := func(rule, reason string) {
		p.add(CodeDocumentCodeUnusual, "document_type", 1, 0, 2, Params{"value": code, "format": string(p.format), "reason": reason, "rule": rule})
	}
	if first == '<' {
		invalid("first_letter", "the first character must be a letter")
		return
	}
	if first < 'A' || first > 'Z' {
		return // reported as a forbidden character
	}
	switch p.format {
	case TD3:
		if first != 'P' {
			invalid("passport_p", "a passport code starts with P")
		}
	case MRVA, MRVB:
		if first != 'V' {
			invalid("visa_v", "a visa code starts with V")
		}
	case FrenchID:
		if code != "ID" {
			invalid("french_id", "the French identity card code is ID")
		}
	case TD1, TD2:
		switch {
		case first != 'A' && first != 'C' && first != 'I':
			unusual("card_aci", "Doc 9303 codes for cards start with A, C or I")
		case code[1] == 'V':
			unusual("second_v", "V as second character is reserved")
		}
	}
}

// country checks an issuing-state or nationality code against the table.
func (p *parser) country(field string, s segment) {
	raw := p.seg(s.line, s.start, s.end)
	code := strings.TrimRight(raw, "<")
	for k := s.start; k < s.end; k++ {
		if p.violation(s.line, k) {
			// Already reported character by character, with any
			// look-alike suggestion; a failed lookup would only repeat it.
			return
		}
	}
	c, ok := countries.Lookup(code)
	// Only Germany's D may leave fillers in a country field.
	if !ok || (len(code) < 3 && code != "D") || strings.Contains(code, "<") {
		p.add(CodeCountryUnknown, field, s.line+1, s.start, s.end, Params{"field": fieldWords(field), "value": raw})
		return
	}
	if c.Kind == countries.KindISO || c.Kind == countries.KindICAO || c.Kind == countries.KindOrganization && c.Accepted ||
		c.Kind == countries.KindStatelessRefugee && field != "issuing_state" {
		return // nothing to report
	}
	params := Params{"field": fieldWords(field), "value": raw, "name": c.NameEN, "name_es": c.NameES}
	switch {
	case !c.Accepted:
		p.add(CodeCountryNotAccepted, field, s.line+1, s.start, s.end, params)
	case c.Specimen:
		p.add(CodeCountrySpecimen, field, s.line+1, s.start, s.end, params)
	case c.Kind == countries.KindDeprecated:
		p.add(CodeCountryDeprecated, field, s.line+1, s.start, s.end, params)
	case c.Kind == countries.KindObserved:
		p.add(CodeCountryNonstandard, field, s.line+1, s.start, s.end, params)
	case c.Kind == countries.KindStatelessRefugee && field == "issuing_state":
		p.add(CodeCountryNationalityOnly, field, s.line+1, s.start, s.end, params)
	}
}

// name splits a Doc 9303 name field: primary identifier, "<<", secondary
// identifiers separated by single fillers, trailing fillers.
func (p *parser) name(line, start, end int) (surname, given string) {
	s := p.seg(line, start, end)
	trimmed := strings.TrimRight(s, "<")
	if trimmed == "" {
		p.add(CodeNameEmpty, "name", line+1, start, end, Params{"field": "name"})
		return "", ""
	}
	if s[len(s)-1] != '<' {
		p.add(CodeNameTruncated, "name", line+1, end-1, end, Params{"field": "name"})
	}
	i := strings.Index(trimmed, "<<")
	if i < 0 {
		surname = strings.ReplaceAll(trimmed, "<", " ")
		p.add(CodeNameSingleIdentifier, "name", line+1, start, start+len(trimmed), Params{"name": surname})
		if trimmed[0] == '<' {
			p.irregular("name", line, start)
		}
		return strings.TrimSpace(surname), ""
	}
	primary, rest := trimmed[:i], trimmed[i+2:]
	if strings.HasPrefix(primary, "<") {
		p.irregular("name", line, start)
	}
	if j := strings.Index(rest, "<<"); j >= 0 {
		p.irregular("name", line, start+i+2+j)
	} else if strings.HasPrefix(rest, "<") {
		p.irregular("name", line, start+i+2)
	}
	return words(primary), words(rest)
}

func (p *parser) irregular(field string, line, pos int) {
	p.add(CodeNameIrregular, field, line+1, pos, pos+1, Params{"field": fieldWords(field), "line": itoa(line + 1), "pos": itoa(pos + 1)})
}

// words turns fillers into single spaces.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '<' }), " ")
}

// frenchName reads a French ID name field: components separated by one or
// two fillers (given names are separated by "<<" on these cards).
func (p *parser) frenchName(field string, s segment) string {
	raw := p.seg(s.line, s.start, s.end)
	if strings.Trim(raw, "<") == "" {
		if field == "surname" {
			p.add(CodeNameEmpty, field, s.line+1, s.start, s.end, Params{"field": fieldWords(field)})
		}
		return ""
	}
	if raw[len(raw)-1] != '<' {
		p.add(CodeNameTruncated, field, s.line+1, s.end-1, s.end, Params{"field": fieldWords(field)})
	}
	if raw[0] == '<' {
		p.irregular(field, s.line, s.start)
	}
	return words(raw)
}

// sex applies the sex-field rule: M, F or < (unspecified); X is printed by
// some states and reported.
func (p *parser) sex(s segment) {
	b := p.lines[s.line][s.start]
	switch b {
	case 'M', 'F', '<':
	case 'X':
		p.add(CodeSexX, "sex", s.line+1, s.start, s.end, nil)
	default:
		p.add(CodeSexInvalid, "sex", s.line+1, s.start, s.end, Params{"value": p.printable(s.line, s.start)})
	}
}

// date validates a YYMMDD field and resolves its century: a birth date is
// the most recent such date not after now; an expiry date is the one
// within 50 years of now. It returns the zero time when the date is not a
// full calendar date.
func (p *parser) date(field string, s segment, expiry bool) time.Time {
	v := p.seg(s.line, s.start, s.end)
	params := func() Params { return Params{"field": fieldWords(field), "value": v} }
	for k := s.start; k < s.end; k++ {
		if p.violation(s.line, k) {
			return time.Time{} // reported per character
		}
	}
	if strings.Contains(v, "<") {
		p.add(CodeDatePartial, field, s.line+1, s.start, s.end, params())
		return time.Time{}
	}
	yy := int(v[0]-'0')*10 + int(v[1]-'0')
	mm := int(v[2]-'0')*10 + int(v[3]-'0')
	dd := int(v[4]-'0')*10 + int(v[5]-'0')
	century := p.now.Year() / 100 * 100
	year := century + yy
	if expiry {
		switch {
		case year > p.now.Year()+50:
			year -= 100
		case year < p.now.Year()-50:
			year += 100
		}
	} else {
		nm, nd := int(p.now.Month()), p.now.Day()
		if year > p.now.Year() || (year == p.now.Year() && (mm > nm || (mm == nm && dd > nd))) {
			year -= 100
		}
	}
	if mm < 1 || mm > 12 || dd < 1 || dd > daysIn(year, mm) {
		p.add(CodeDateInvalid, field, s.line+1, s.start, s.end, params())
		return time.Time{}
	}
	return time.Date(year, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
