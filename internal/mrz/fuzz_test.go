package mrz

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, s := range specimens {
		f.Add(strings.Join(s.lines, "\n"))
	}
	for _, c := range findingCases {
		f.Add(c.zone(f))
	}
	for _, s := range []string{
		"", "\n\n", "<", "P<", strings.Repeat("<", 88), strings.Repeat("0", 90), strings.Repeat("«", 44) + "\n" + strings.Repeat("O", 44),
		"I<UTOD23145890<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
		"p<uto\x00\xff\xfe\n\t\r", "IDFRA" + strings.Repeat("1", 31) + "\n" + strings.Repeat("O", 36),
		"V<" + strings.Repeat("G", 42) + "\n" + strings.Repeat("U", 44),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Parse(in, Options{Now: testNow})
		if err != nil {
			if len(readLines(in)) > 0 && len(in) <= MaxInput {
				t.Fatalf("error %v for non-empty input under the cap", err)
			}
			return
		}
		checkInvariants(t, d)
		// Parsing is a function of its input.
		again, _ := Parse(in, Options{Now: testNow})
		a, _ := json.Marshal(d)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("two parses differ:\n%s\n%s", a, b)
		}
		// The repaired zone parses too.
		if r, err := Parse(strings.Join(d.Repaired, "\n"), Options{Now: testNow}); err == nil {
			checkInvariants(t, r)
		}
	})
}

func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	width := map[Format]int{TD1: 30, TD2: 36, TD3: 44, MRVA: 44, MRVB: 36, FrenchID: 36}[d.Format]
	if width == 0 {
		t.Fatalf("unknown format %q", d.Format)
	}
	wantLines := 2
	if d.Format == TD1 {
		wantLines = 3
	}
	if len(d.Repaired) != wantLines {
		t.Fatalf("%d repaired lines for %s", len(d.Repaired), d.Format)
	}
	for _, l := range d.Repaired {
		if n := utf8.RuneCountInString(l); n != width {
			t.Fatalf("repaired line %q has %d characters; %s has %d", l, n, d.Format, width)
		}
	}
	hasError := false
	for _, f := range d.Findings {
		if _, ok := codeIndex[f.Code]; !ok {
			t.Fatalf("finding code %q is not in the table", f.Code)
		}
		if f.Severity == SevError {
			hasError = true
		}
		if f.Line < 0 || f.Line > wantLines || f.Start < 0 || f.End < f.Start || f.End > MaxInput {
			t.Fatalf("finding %+v is out of range", f)
		}
		if f.Message == "" {
			t.Fatalf("finding %s has no message", f.Code)
		}
	}
	if d.Valid == hasError {
		t.Fatalf("valid = %v with error findings = %v", d.Valid, hasError)
	}
	for _, c := range d.Checks {
		switch c.State {
		case "verified", "refuted", "not_printed":
		default:
			t.Fatalf("check %s has state %q", c.Name, c.State)
		}
	}
	if _, err := json.Marshal(d); err != nil {
		t.Fatal(err)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add(passport + "\n\n" + strings.Join(specimens[1].lines, "\n"))
	f.Add(passport + "\n" + passport)
	f.Add("\r\n \t\n")
	f.Fuzz(func(t *testing.T, in string) {
		zones := Split(in)
		var got, want []string
		for _, z := range zones {
			if trimLine(z) == "" {
				t.Fatalf("empty zone in %q", zones)
			}
			got = append(got, strings.Split(z, "\n")...)
		}
		for _, l := range splitLines(in) {
			if l = trimLine(l); l != "" {
				want = append(want, l)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("Split lost or reordered lines:\n got %q\nwant %q", got, want)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	seen := map[Format]bool{}
	for _, s := range specimens {
		// The first specimen of each format: ICAO's own.
		if seen[s.format] {
			continue
		}
		seen[s.format] = true
		zone := strings.Join(s.lines, "\n")
		b.Run(string(s.format), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(zone, Options{Now: testNow}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// A damaged passport exercises repair and suggestions.
	damaged := strings.Replace(passport, "7408122F12041", "74O8I22F12O41", 1)
	b.Run("TD3-repair", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Parse(damaged, Options{Now: testNow})
		}
	})
}

func BenchmarkCheckDigit(b *testing.B) {
	for b.Loop() {
		CheckDigit("L898902C36UTO7408122F1204159ZE184226B<<<<<1")
	}
}

// FuzzGenerateParse checks that whatever Generate accepts, Parse reads back
// with every check digit passing and the number, dates and optional data
// unchanged.
func FuzzGenerateParse(f *testing.F) {
	f.Add(uint8(0), "ERIKSSON", "ANNA MARIA", "L898902C3", "ZE184226B", "740812", "120415", "F", "UTO")
	f.Add(uint8(1), "STEVENSON", "PETER JOHN", "D23145890734", "", "340712", "950712", "M", "UTO")
	f.Add(uint8(2), "A", "", "D23145890734", "AB", "000229", "300101", "", "D")
	f.Add(uint8(5), "PETE", "NICOLAS PAUL", "050995201874", "952042", "820615", "", "M", "FRA")
	f.Add(uint8(3), "X<Y", "<<Z", "<1<", "<<A<", "7<<<<<", "<<<<<<", "X", "XXA")
	formats := []Format{TD3, TD1, TD2, MRVA, MRVB, FrenchID}
	f.Fuzz(func(t *testing.T, fi uint8, surname, given, number, opt, birth, expiry, sex, country string) {
		format := formats[int(fi)%len(formats)]
		in := Fields{IssuingState: country, Nationality: country, Surname: surname, GivenNames: given,
			DocumentNumber: number, BirthDate: birth, ExpiryDate: expiry, Sex: sex}
		if format == TD1 {
			in.OptionalData1 = opt
		} else {
			in.OptionalData = opt
		}
		lines, err := Generate(format, in)
		if err != nil {
			return
		}
		d, err := Parse(strings.Join(lines, "\n"), Options{Now: testNow})
		if err != nil {
			t.Fatalf("Parse(%q): %v", lines, err)
		}
		checkInvariants(t, d)
		if d.Format != format && !(format == TD2 && d.Format == FrenchID) {
			t.Fatalf("%q generated as %s, read as %s", lines, format, d.Format)
		}
		if d.Format != format {
			return
		}
		for _, c := range d.Checks {
			if c.State == "refuted" {
				t.Fatalf("%q: %s check refuted", lines, c.Name)
			}
		}
		for _, fd := range d.Findings {
			switch fd.Code {
			case CodeLineLength, CodeLineCount, CodeInvalidCharacter, CodeCheckDigitMismatch, CodeCheckDigitFiller, CodeLongNumberMalformed:
				t.Fatalf("%q: %s: %s", lines, fd.Code, fd.Message)
			}
		}
	})
}
