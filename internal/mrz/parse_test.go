package mrz

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

const passport = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"

func TestParseErrorsOnlyForEmptyOrHugeInput(t *testing.T) {
	if _, err := Parse(" \t\r\n\n ", Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank input: err = %v; want ErrEmpty", err)
	}
	if _, err := Parse(strings.Repeat("<", MaxInput+1), Options{}); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized input: err = %v; want a size error", err)
	}
	for _, in := range []string{"x", "P<", "\x00\xff", strings.Repeat("A\n", 40)} {
		d, err := Parse(in, Options{Now: testNow})
		if err != nil || d == nil || d.Valid {
			t.Errorf("Parse(%q) = %v, %v; want an invalid document and no error", in, d, err)
		}
	}
}

func TestParseSplitsJoinedLines(t *testing.T) {
	td1 := specimens[1].lines
	for _, in := range []string{
		td1[0] + td1[1] + "\n" + td1[2],
		td1[0] + "\n" + td1[1] + td1[2],
		td1[0] + td1[1] + td1[2],
		strings.ReplaceAll(passport, "\n", ""),
	} {
		d := parse(t, in)
		if !d.Valid || !hasCode(d, CodeLinesJoined) || len(d.Repaired) != len(d.Lines)+1 && len(d.Repaired) != len(d.Lines)+2 {
			t.Errorf("%q: valid %v, repaired %q, findings %v", in, d.Valid, d.Repaired, codes(d))
		}
	}
}

func TestParseReadsLinesEndedByCR(t *testing.T) {
	d := parse(t, strings.ReplaceAll(passport, "\n", "\r")+"\r")
	if !d.Valid || len(d.Lines) != 2 {
		t.Errorf("valid %v, lines %q", d.Valid, d.Lines)
	}
}

func TestParseToleratesWhitespaceAroundLines(t *testing.T) {
	in := "\n  \t" + strings.ReplaceAll(passport, "\n", " \r\n\n\t") + "\r\n  \n"
	d := parse(t, in)
	if !d.Valid || d.Fields.DocumentNumber != "L898902C3" {
		t.Errorf("valid %v, number %q: %v", d.Valid, d.Fields.DocumentNumber, d.Findings)
	}
	if strings.Join(d.Lines, "\n") != passport {
		t.Errorf("lines %q", d.Lines)
	}
}

func TestWrongShapeNamesLineAndLength(t *testing.T) {
	lines := strings.Split(passport, "\n")
	d := parse(t, lines[0]+"\n"+lines[1][:40])
	var f *Finding
	for i := range d.Findings {
		if d.Findings[i].Code == CodeLineLength {
			f = &d.Findings[i]
		}
	}
	if f == nil || f.Line != 2 || !strings.Contains(f.Message, "line 2 has 40 characters") || !strings.Contains(f.Message, "44") {
		t.Fatalf("finding %+v", f)
	}
	if d.Format != TD3 || d.Fields.Surname != "ERIKSSON" {
		t.Errorf("best-effort read: format %s, surname %q", d.Format, d.Fields.Surname)
	}
}

func TestFormatDetection(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want Format
	}{
		{"two lines of 44 starting with P are a passport", passport, TD3},
		{"two lines of 44 starting with V are an MRV-A visa", specimens[5].lines[0] + "\n" + specimens[5].lines[1], MRVA},
		{"two lines of 36 starting with V are an MRV-B visa", strings.Join(specimens[6].lines, "\n"), MRVB},
		{"two lines of 36 starting with IDFRA are the French ID", strings.Join(specimens[9].lines, "\n"), FrenchID},
		{"two lines of 36 otherwise are TD2", strings.Join(specimens[3].lines, "\n"), TD2},
		{"three lines are TD1", strings.Join(specimens[1].lines, "\n"), TD1},
		{"two lines of 30 are TD1 missing a line", strings.Join(specimens[1].lines[:2], "\n"), TD1},
		{"three lines of 36 are TD1 with the wrong length", strings.Join(specimens[3].lines, "\n") + "\n" + specimens[3].lines[0], TD1},
		{"three lines of 44 are a passport with a line too many", passport + "\n" + strings.Repeat("<", 44), TD3},
		{"two lines of 43 are read as TD3", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<10", TD3},
		{"two lines of 37 are read as TD2", "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<<6", TD2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := parse(t, tt.zone); d.Format != tt.want {
				t.Errorf("format %s; want %s", d.Format, tt.want)
			}
		})
	}
}

func TestDateCenturies(t *testing.T) {
	tests := []struct {
		name          string
		birth, expiry string
		now           time.Time
		wantBirth     string
		wantExpiry    string
	}{
		{"a birth year after this year is last century", "300101", "300101", testNow, "1930-01-01", "2030-01-01"},
		{"a birth date later this year is last century", "261231", "300101", testNow, "1926-12-31", "2030-01-01"},
		{"a birth date earlier this year is this year", "260101", "300101", testNow, "2026-01-01", "2030-01-01"},
		{"a birthday today is today", "261126", "300101", testNow, "2026-11-26", "2030-01-01"},
		{"an expiry more than 50 years ahead is last century", "500101", "800101", testNow, "1950-01-01", "1980-01-01"},
		{"an expiry 50 years ahead stays in this century", "500101", "760101", testNow, "1950-01-01", "2076-01-01"},
		{"29 February exists in a leap year", "000229", "300101", testNow, "2000-02-29", "2030-01-01"},
		{"the century follows the clock", "950101", "050101", time.Date(1999, 6, 1, 0, 0, 0, 0, time.UTC), "1995-01-01", "2005-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, err := Generate(TD3, Fields{IssuingState: "UTO", Nationality: "UTO", Surname: "X", DocumentNumber: "1", BirthDate: tt.birth, ExpiryDate: tt.expiry})
			if err != nil {
				t.Fatal(err)
			}
			d, _ := Parse(strings.Join(lines, "\n"), Options{Now: tt.now})
			if d.Fields.BirthDateISO != tt.wantBirth || d.Fields.ExpiryDateISO != tt.wantExpiry {
				t.Errorf("birth %s expiry %s; want %s %s", d.Fields.BirthDateISO, d.Fields.ExpiryDateISO, tt.wantBirth, tt.wantExpiry)
			}
			if d.Birth.After(tt.now) {
				t.Errorf("birth %v is in the future of %v", d.Birth, tt.now)
			}
		})
	}
	lines, _ := Generate(TD3, Fields{IssuingState: "UTO", Nationality: "UTO", Surname: "X", DocumentNumber: "1", BirthDate: "010229", ExpiryDate: "300101"})
	if d := parse(t, strings.Join(lines, "\n")); !hasCode(d, CodeDateInvalid) || !d.Birth.IsZero() {
		t.Errorf("29 February 2001 accepted: %v", d.Findings)
	}
}

func TestRepair(t *testing.T) {
	lines := strings.Split(passport, "\n")
	mod := func(pos int, s string) string {
		l := lines[1]
		return lines[0] + "\n" + l[:pos] + s + l[pos+len(s):]
	}
	tests := []struct {
		name      string
		zone      string
		opts      Options
		valid     bool
		repaired  string // line 2 after repair; "" = unchanged
		wantCodes []string
	}{
		{"an O in the expiry date is repaired and confirmed", mod(23, "O"), Options{}, true, lines[1], []string{CodeOCRRepaired}},
		{"an O and an I in the birth date are repaired together", lines[0] + "\n" + lines[1][:15] + "O8I" + lines[1][18:], Options{}, true, lines[1], []string{CodeOCRRepaired, CodeOCRRepaired}},
		{"a letter O as a check digit is repaired", lines[0] + "\n" + lines[1][:42] + "1O", Options{}, true, lines[1], []string{CodeOCRRepaired}},
		{"repair can be turned off", mod(23, "O"), Options{NoRepair: true}, false, "", []string{CodeOCRSuggestion, CodeCharacterNotAllowed}},
		{"a G for a 6 is never applied: no check digit sees it", lines[0] + "\n" + strings.Replace(lines[1], "F1204159", "F12G4159", 1), Options{}, false, "", []string{CodeOCRSuggestion, CodeCharacterNotAllowed}},
		{"a letter with no digit look-alike stays an error", mod(23, "X"), Options{}, false, "", []string{CodeCharacterNotAllowed}},
		{"a guillemet for a filler is only suggested: like <, it counts 0 in every check", lines[0] + "\n" + lines[1][:38] + "«" + lines[1][39:], Options{}, false, "", []string{CodeInvalidCharacter, CodeOCRSuggestion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Now = testNow
			d, err := Parse(tt.zone, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if d.Valid != tt.valid {
				t.Errorf("valid %v; want %v: %v", d.Valid, tt.valid, d.Findings)
			}
			if tt.repaired != "" && d.Repaired[1] != tt.repaired {
				t.Errorf("repaired line 2\n got %s\nwant %s", d.Repaired[1], tt.repaired)
			}
			if tt.repaired == "" && d.Repaired[1] != strings.Split(tt.zone, "\n")[1] {
				t.Errorf("line 2 changed to %s", d.Repaired[1])
			}
			for _, c := range tt.wantCodes {
				if !hasCode(d, c) {
					t.Errorf("no %s finding: %v", c, codes(d))
				}
			}
		})
	}
}

func TestMisreadCheckDigitIsSuggested(t *testing.T) {
	// The document number's check digit 6 read as 5: the composite, which
	// covers it, passes with 6.
	lines := strings.Split(passport, "\n")
	d := parse(t, lines[0]+"\n"+lines[1][:9]+"5"+lines[1][10:])
	var s *Finding
	for i := range d.Findings {
		if d.Findings[i].Code == CodeOCRSuggestion {
			s = &d.Findings[i]
		}
	}
	if s == nil || s.Start != 9 || s.Params["to"] != "6" || s.Params["reason_code"] != "digit_lookalike" || !strings.Contains(s.Message, "composite check digit agrees") {
		t.Fatalf("suggestion %+v; findings %v", s, codes(d))
	}
	if d.Valid || d.Repaired[1] != lines[1][:9]+"5"+lines[1][10:] {
		t.Errorf("a digit where a digit is allowed was changed")
	}
}

func TestCountryCodeLookAlikeIsSuggestedNotApplied(t *testing.T) {
	d := parse(t, strings.Replace(passport, "P<UTO", "P<UT0", 1))
	var s *Finding
	for i := range d.Findings {
		if d.Findings[i].Code == CodeOCRSuggestion {
			s = &d.Findings[i]
		}
	}
	if s == nil || s.Field != "issuing_state" || s.Params["to"] != "O" || !strings.Contains(s.Message, "UTO is a known code") {
		t.Fatalf("suggestion %+v", s)
	}
	if d.Valid || d.Fields.IssuingState != "UT0" {
		t.Errorf("a country code no check digit covers was changed: valid %v, %q", d.Valid, d.Fields.IssuingState)
	}
}

func TestLoneKAmongFillersIsSuggested(t *testing.T) {
	lines := strings.Split(passport, "\n")
	d := parse(t, lines[0][:30]+"K"+lines[0][31:]+"\n"+lines[1])
	var s *Finding
	for i := range d.Findings {
		if d.Findings[i].Code == CodeOCRSuggestion {
			s = &d.Findings[i]
		}
	}
	if s == nil || s.Line != 1 || s.Start != 30 || s.Params["reason_code"] != "filler_k" {
		t.Fatalf("suggestion %+v; findings %v", s, codes(d))
	}
	if !hasCode(d, CodeNameIrregular) || d.Fields.GivenNames != "ANNA MARIA K" {
		t.Errorf("the name is read as printed, with a warning: %q %v", d.Fields.GivenNames, codes(d))
	}
	// An initial K after a single filler, or as the only given name, is a
	// name.
	for _, l1 := range []string{"P<UTOERIKSSON<<ANNA<K<<<<<<<<<<<<<<<<<<<<<<<", "P<UTOERIKSSON<<K<<<<<<<<<<<<<<<<<<<<<<<<<<<<"} {
		if d := parse(t, l1+"\n"+lines[1]); hasCode(d, CodeOCRSuggestion) {
			t.Errorf("an initial K was flagged: %v", d.Findings)
		}
	}
}

func TestSwapSuggestionForAlphanumericField(t *testing.T) {
	lines := strings.Split(passport, "\n")
	// The number L898902C3 read with an O for its 0.
	d := parse(t, lines[0]+"\n"+lines[1][:5]+"O"+lines[1][6:])
	var s *Finding
	for i := range d.Findings {
		if d.Findings[i].Code == CodeOCRSuggestion {
			s = &d.Findings[i]
		}
	}
	if s == nil || s.Start != 5 || s.Params["to"] != "0" {
		t.Fatalf("suggestion %+v; findings %v", s, codes(d))
	}
	if d.Valid || d.Fields.DocumentNumber != "L8989O2C3" {
		t.Errorf("an alphanumeric field must never be changed: valid %v number %q", d.Valid, d.Fields.DocumentNumber)
	}
}

func TestJSONHasTheContractKeys(t *testing.T) {
	d := parse(t, passport)
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"format", "valid", "fields", "findings", "checks", "lines"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q key in %s", k, b)
		}
	}
	fields := m["fields"].(map[string]any)
	for _, k := range []string{"document_type", "issuing_state", "surname", "given_names", "document_number", "nationality", "birth_date", "expiry_date", "sex", "optional_data", "birth_date_iso", "expiry_date_iso", "issuing_state_name", "nationality_name"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("no fields.%s in %s", k, b)
		}
	}
	// The optional-data keys of each format are there even when empty.
	for _, s := range []struct {
		zone      string
		want, not []string
	}{
		{strings.Join(specimens[3].lines, "\n"), []string{`"optional_data":""`}, []string{`optional_data_1`}},
		{strings.Join(specimens[1].lines, "\n"), []string{`"optional_data_1":""`, `"optional_data_2":""`}, []string{`"optional_data"`}},
	} {
		d := parse(t, s.zone)
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range s.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: no %s in %s", d.Format, w, b)
			}
		}
		for _, n := range s.not {
			if strings.Contains(string(b), n) {
				t.Errorf("%s: unexpected %s in %s", d.Format, n, b)
			}
		}
		var back Document
		if err := json.Unmarshal(b, &back); err != nil || back.Fields != d.Fields || back.Format != d.Format || len(back.Findings) != len(d.Findings) {
			t.Errorf("%s: JSON does not read back: %v\n%+v\n%+v", d.Format, err, back.Fields, d.Fields)
		}
	}
}

func TestSplit(t *testing.T) {
	td3 := passport
	td1 := strings.Join(specimens[1].lines, "\n")
	td2 := strings.Join(specimens[3].lines, "\n")
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"zones separated by blank lines", td3 + "\n\n" + td1 + "\n \t\n" + td2, []string{td3, td1, td2}},
		{"consecutive zones split by their line lengths", td3 + "\n" + td1 + "\n" + td2 + "\n" + td3, []string{td3, td1, td2, td3}},
		{"a byte-order mark, no-break spaces and reader control characters are ignored", "\uFEFF\x02" + td3 + "\u00a0\x03\n\n" + td2, []string{td3, td2}},
		{"lines ended by a reader's lone CR", strings.ReplaceAll(td3+"\n\n"+td1, "\n", "\r") + "\r", []string{td3, td1}},
		{"CR LF and indentation are ignored", strings.ReplaceAll("  "+td3+"\r\n\r\n"+td2, "\n", "\r\n"), []string{td3, td2}},
		{"a line one filler short does not stop the split", td3 + "\n" + td3[:len(td3)-3] + td3[len(td3)-2:] + "\n" + td1, []string{td3, td3[:len(td3)-3] + td3[len(td3)-2:], td1}},
		{"an ambiguous block stays whole", td3 + "\nXYZ\n" + td3, []string{td3 + "\nXYZ\n" + td3}},
		{"nothing gives nothing", " \n\n\t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRealignOneFiller(t *testing.T) {
	short := strings.Split(build(t, TD3, func(f *Fields) { f.DocumentNumber = "XB123" }), "\n")
	// Moving a character whose value is 0 modulo 5 by one place never
	// changes a check digit: with personal number X<<5, a filler dropped
	// between X and 5 passes every check whether it goes back before or
	// after the 5, so neither place is chosen.
	twice := strings.Split(build(t, TD3, func(f *Fields) { f.OptionalData = "X<<5" }), "\n")
	d := parse(t, twice[0]+"\n"+twice[1][:29]+twice[1][30:])
	if !hasCode(d, CodeLineLength) || hasCode(d, CodeLineRealigned) {
		t.Errorf("ambiguous realignment was applied: %v", codes(d))
	}
	if d, _ := Parse(short[0]+"\n"+short[1][:6]+short[1][7:], Options{Now: testNow, NoRepair: true}); !hasCode(d, CodeLineLength) || d.Valid {
		t.Errorf("NoRepair realigned: %v", codes(d))
	}
	tests := []struct {
		name   string
		line2  string
		code   string
		valid  bool
		number string
	}{
		{"a filler dropped inside the number padding is put back", short[1][:6] + short[1][7:], CodeLineRealigned, true, "XB123"},
		{"a filler added inside the optional data is taken out", short[1][:30] + "<" + short[1][30:], CodeLineRealigned, true, "XB123"},
		{"a dropped filler and an O in the birth date are both repaired", short[1][:14] + "O" + short[1][15:30] + short[1][31:], CodeOCRRepaired, true, "XB123"},
		{"a dropped digit is not a filler: the line keeps its error", short[1][:1] + short[1][2:], CodeLineLength, false, ""},
		{"a line two fillers short is not guessed at", short[1][:6] + short[1][8:], CodeLineLength, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, short[0]+"\n"+tt.line2)
			if !hasCode(d, tt.code) || d.Valid != tt.valid {
				t.Fatalf("valid %v, findings %v; want %s and valid %v", d.Valid, codes(d), tt.code, tt.valid)
			}
			if tt.valid && (d.Repaired[1] != short[1] || d.Fields.DocumentNumber != tt.number) {
				t.Errorf("repaired %q number %q; want %q", d.Repaired[1], d.Fields.DocumentNumber, short[1])
			}
		})
	}
}

// A 9-character TD1 number whose check digit 0 is printed as '<' is not a
// long number with nothing after it.
func TestNineCharacterNumberWithFillerForZero(t *testing.T) {
	z := strings.Split(build(t, TD1, func(f *Fields) { f.DocumentNumber = "D23145893" }), "\n")
	if z[0][14] != '0' {
		t.Fatalf("test data: check digit %c, want 0", z[0][14])
	}
	d := parse(t, z[0][:14]+"<"+z[0][15:]+"\n"+z[1]+"\n"+z[2])
	if !d.Valid || !hasCode(d, CodeCheckDigitFillerZero) || hasCode(d, CodeLongNumberMalformed) || d.Fields.DocumentNumber != "D23145893" {
		t.Errorf("valid %v number %q findings %v", d.Valid, d.Fields.DocumentNumber, codes(d))
	}
	if c := d.Checks[0]; c.State != "verified" || c.Variant != "filler_as_zero" {
		t.Errorf("check %+v", c)
	}
}
