package mrz

import (
	"strings"
	"testing"
	"time"
)

// testNow is the clock of every test: dates resolve the same on any day.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func parse(t testing.TB, text string) *Document {
	t.Helper()
	d, err := Parse(text, Options{Now: testNow})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func codes(d *Document) []string {
	var out []string
	for _, f := range d.Findings {
		out = append(out, f.Code)
	}
	return out
}

func hasCode(d *Document, code string) bool {
	for _, f := range d.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// The ICAO Doc 9303 specimens (Parts 4–7) and the specimens other
// references quote, typed here and checked digit by digit against CheckDigit
// in TestSpecimenCheckDigitsByHand.
var specimens = []struct {
	name   string
	lines  []string
	format Format
	want   Fields
}{
	{
		name:   "the ICAO TD3 passport specimen",
		lines:  []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
		format: TD3,
		want: Fields{DocumentType: "P", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
			DocumentNumber: "L898902C3", Nationality: "UTO", BirthDate: "740812", Sex: "F", ExpiryDate: "120415",
			OptionalData: "ZE184226B", BirthDateISO: "1974-08-12", ExpiryDateISO: "2012-04-15"},
	},
	{
		name:   "the ICAO TD1 card specimen",
		lines:  []string{"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
		format: TD1,
		want: Fields{DocumentType: "I", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
			DocumentNumber: "D23145890", Nationality: "UTO", BirthDate: "740812", Sex: "F", ExpiryDate: "120415",
			BirthDateISO: "1974-08-12", ExpiryDateISO: "2012-04-15"},
	},
	{
		name:   "the ICAO TD1 specimen with a 12-character document number",
		lines:  []string{"I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"},
		format: TD1,
		want: Fields{DocumentType: "I", IssuingState: "UTO", Surname: "STEVENSON", GivenNames: "PETER JOHN",
			DocumentNumber: "D23145890734", Nationality: "UTO", BirthDate: "340712", Sex: "M", ExpiryDate: "950712",
			BirthDateISO: "1934-07-12", ExpiryDateISO: "1995-07-12"},
	},
	{
		name:   "the ICAO TD2 card specimen",
		lines:  []string{"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"},
		format: TD2,
		want: Fields{DocumentType: "I", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
			DocumentNumber: "D23145890", Nationality: "UTO", BirthDate: "740812", Sex: "F", ExpiryDate: "120415",
			BirthDateISO: "1974-08-12", ExpiryDateISO: "2012-04-15"},
	},
	{
		name:   "a TD2 card with a 12-character document number in the optional data",
		lines:  []string{"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D23145890<UTO7408122F12041597349<<<2"},
		format: TD2,
		want: Fields{DocumentType: "I", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
			DocumentNumber: "D23145890734", Nationality: "UTO", BirthDate: "740812", Sex: "F", ExpiryDate: "120415",
			BirthDateISO: "1974-08-12", ExpiryDateISO: "2012-04-15"},
	},
	{
		name:   "the ICAO MRV-A visa specimen",
		lines:  []string{"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"},
		format: MRVA,
		want: Fields{DocumentType: "V", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
			DocumentNumber: "L8988901C", Nationality: "XXX", BirthDate: "400907", Sex: "F", ExpiryDate: "961210",
			OptionalData: "6ZE184226B", BirthDateISO: "1940-09-07", ExpiryDateISO: "1996-12-10"},
	},
	{
		name:   "the ICAO MRV-B visa specimen",
		lines:  []string{"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"},
		format: MRVB,
		want: Fields{DocumentType: "V", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
			DocumentNumber: "L8988901C", Nationality: "XXX", BirthDate: "400907", Sex: "F", ExpiryDate: "961210",
			BirthDateISO: "1940-09-07", ExpiryDateISO: "1996-12-10"},
	},
	{
		name:   "the German identity card specimen: Germany as D, sex unspecified",
		lines:  []string{"IDD<<T220001293<<<<<<<<<<<<<<<", "6408125<2010315D<<<<<<<<<<<<<4", "MUSTERMANN<<ERIKA<<<<<<<<<<<<<"},
		format: TD1,
		want: Fields{DocumentType: "ID", IssuingState: "D", Surname: "MUSTERMANN", GivenNames: "ERIKA",
			DocumentNumber: "T22000129", Nationality: "D", BirthDate: "640812", Sex: "", ExpiryDate: "201031",
			BirthDateISO: "1964-08-12", ExpiryDateISO: "2020-10-31"},
	},
	{
		name:   "the German passport specimen: empty personal number with a filler check digit",
		lines:  []string{"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4"},
		format: TD3,
		want: Fields{DocumentType: "P", IssuingState: "D", Surname: "MUSTERMANN", GivenNames: "ERIKA",
			DocumentNumber: "C01X00T47", Nationality: "D", BirthDate: "640812", Sex: "F", ExpiryDate: "270228",
			BirthDateISO: "1964-08-12", ExpiryDateISO: "2027-02-28"},
	},
	{
		name:   "a French identity card (2×36, before 2021)",
		lines:  []string{"IDFRAPETE<<<<<<<<<<<<<<<<<<<<<952042", "0509952018746NICOLAS<<PAUL<8206152M3"},
		format: FrenchID,
		want: Fields{DocumentType: "ID", IssuingState: "FRA", Surname: "PETE", GivenNames: "NICOLAS PAUL",
			DocumentNumber: "050995201874", Nationality: "FRA", BirthDate: "820615", Sex: "M",
			OptionalData: "952042", BirthDateISO: "1982-06-15"},
	},
}

func TestSpecimens(t *testing.T) {
	for _, s := range specimens {
		t.Run(s.name, func(t *testing.T) {
			d := parse(t, strings.Join(s.lines, "\n"))
			if d.Format != s.format {
				t.Errorf("format %s; want %s", d.Format, s.format)
			}
			if !d.Valid {
				t.Errorf("not valid: %v", d.Findings)
			}
			got := d.Fields
			got.IssuingStateName, got.NationalityName, got.IssuingStateNameES, got.NationalityNameES = "", "", "", ""
			if got != s.want {
				t.Errorf("fields\n got %+v\nwant %+v", got, s.want)
			}
			for _, c := range d.Checks {
				if c.State != "verified" && !(c.Name == "optional_data" && c.State == "not_printed" && c.Printed == "<") {
					t.Errorf("check %s is %s (printed %s, expected %s)", c.Name, c.State, c.Printed, c.Expected)
				}
			}
			wantChecks := map[Format]int{TD1: 4, TD2: 4, TD3: 5, MRVA: 3, MRVB: 3, FrenchID: 3}[s.format]
			if len(d.Checks) != wantChecks {
				t.Errorf("%d checks; %s has %d", len(d.Checks), s.format, wantChecks)
			}
			for _, f := range d.Findings {
				if f.Severity != SevInfo {
					t.Errorf("unexpected %s finding %s: %s", f.Severity, f.Code, f.Message)
				}
			}
			if strings.Join(d.Repaired, "\n") != strings.Join(s.lines, "\n") {
				t.Errorf("repaired lines differ from the specimen: %q", d.Repaired)
			}
		})
	}
}

// TestSpecimenCheckDigitsByHand recomputes the specimens' digits with the
// 7-3-1 rule written out, independently of the parser's layouts.
func TestSpecimenCheckDigitsByHand(t *testing.T) {
	tests := []struct {
		name, data string
		want       byte
	}{
		{"TD3 document number L898902C3", "L898902C3", '6'},
		{"TD3 birth date 740812", "740812", '2'},
		{"TD3 expiry date 120415", "120415", '9'},
		{"TD3 personal number ZE184226B", "ZE184226B<<<<<", '1'},
		{"TD3 composite", "L898902C36" + "7408122" + "1204159ZE184226B<<<<<1", '0'},
		{"TD1 document number D23145890", "D23145890", '7'},
		{"TD1 composite", "D231458907<<<<<<<<<<<<<<<" + "7408122" + "1204159" + "<<<<<<<<<<<", '6'},
		{"long document number D23145890734", "D23145890734", '9'},
		{"MRV document number L8988901C", "L8988901C", '4'},
		{"French ID composite", "IDFRAPETE<<<<<<<<<<<<<<<<<<<<<952042" + "0509952018746NICOLAS<<PAUL<8206152M", '3'},
		{"empty field", "<<<<<<<<<<<<<<", '0'},
	}
	for _, tt := range tests {
		sum := 0
		for i := 0; i < len(tt.data); i++ {
			c := tt.data[i]
			v := 0
			switch {
			case c >= '0' && c <= '9':
				v = int(c - '0')
			case c >= 'A' && c <= 'Z':
				v = int(c-'A') + 10
			}
			sum += v * []int{7, 3, 1}[i%3]
		}
		if byte('0'+sum%10) != tt.want {
			t.Errorf("%s: hand sum gives %c; the specimen prints %c", tt.name, '0'+sum%10, tt.want)
		}
		got, err := CheckDigit(tt.data)
		if err != nil || got != tt.want {
			t.Errorf("%s: CheckDigit = %c, %v; want %c", tt.name, got, err, tt.want)
		}
	}
}

func TestCheckDigitRejectsNonMRZCharacters(t *testing.T) {
	for _, s := range []string{"abc", "12 4", "ÄB", "L898902C3\n"} {
		if _, err := CheckDigit(s); err == nil {
			t.Errorf("CheckDigit(%q) accepted a non-MRZ character", s)
		}
	}
}

func TestIndistinguishablePairs(t *testing.T) {
	blind := [][2]byte{{'G', '6'}, {'U', '0'}, {'O', '4'}, {'K', '<'}, {'S', '8'}, {'A', 'K'}, {'I', 'S'}, {'B', 'L'}, {'Z', '5'}}
	for _, p := range blind {
		if !Indistinguishable(p[0], p[1]) {
			t.Errorf("%c/%c should be invisible to check digits", p[0], p[1])
		}
	}
	seen := [][2]byte{{'O', '0'}, {'I', '1'}, {'B', '8'}, {'S', '5'}, {'Z', '2'}, {'D', '0'}, {'Q', '0'}}
	for _, p := range seen {
		if Indistinguishable(p[0], p[1]) {
			t.Errorf("%c/%c should be caught by check digits", p[0], p[1])
		}
	}
	if Indistinguishable('a', 'a') {
		t.Error("non-MRZ characters have no check-digit value")
	}
}

// The Belgian/Portuguese long-number variant: the check digit covers the
// '<' at position 15. BEL 592211692<1741 verifies only that way.
func TestLongNumberFillerIncludedVariantIsAWarning(t *testing.T) {
	d := parse(t, "IDBEL592211692<1741<<<<<<<<<<<\n8501019M3101012BEL<<<<<<<<<<<6\nDUPONT<<MARIE<<<<<<<<<<<<<<<<<")
	if !d.Valid {
		t.Fatalf("the variant must not be an error: %v", d.Findings)
	}
	if !hasCode(d, CodeLongNumberVariant) {
		t.Errorf("no %s finding: %v", CodeLongNumberVariant, codes(d))
	}
	if d.Fields.DocumentNumber != "592211692174" {
		t.Errorf("document number %q", d.Fields.DocumentNumber)
	}
	c := d.Checks[0]
	if c.Name != "document_number" || c.Variant != "filler_included" || c.Expected != "5" || c.Printed != "1" || c.Pos != 18 {
		t.Errorf("check %+v", c)
	}
}

// The Portuguese citizen card's number 000024759ZZ7 prints check digit 2,
// which only the filler-included computation gives (Doc 9303 gives 0).
func TestPortugueseLongNumberVariant(t *testing.T) {
	d := parse(t, "I<PRT000024759<ZZ72<<<<<<<<<<<\n8001014F3001019PRT<<<<<<<<<<<0\nSILVA<<MARIA<<<<<<<<<<<<<<<<<<")
	if !d.Valid || !hasCode(d, CodeLongNumberVariant) || d.Fields.DocumentNumber != "000024759ZZ7" || d.Fields.OptionalData1 != "" {
		t.Errorf("valid %v number %q opt1 %q findings %v", d.Valid, d.Fields.DocumentNumber, d.Fields.OptionalData1, codes(d))
	}
	if c := d.Checks[0]; c.Expected != "0" || c.Printed != "2" || c.Variant != "filler_included" {
		t.Errorf("check %+v", c)
	}
}

// Of the look-alikes the repair uses, exactly these are blind pairs; the
// rest can be confirmed by a check digit.
func TestLookAlikeBlindPairs(t *testing.T) {
	blind := map[string]bool{"U0": true, "L1": true, "G6": true}
	for l, d := range digitFor {
		if got := Indistinguishable(l, d); got != blind[string([]byte{l, d})] {
			t.Errorf("%c/%c: Indistinguishable = %v", l, d, got)
		}
	}
	for d, l := range letterFor {
		if got := Indistinguishable(l, d); got != blind[string([]byte{l, d})] {
			t.Errorf("%c/%c: Indistinguishable = %v", l, d, got)
		}
	}
}
