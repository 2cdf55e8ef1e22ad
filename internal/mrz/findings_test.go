package mrz

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// base is a valid, unexpired specimen-free passport used to build cases.
var base = Fields{
	IssuingState: "MEX", Surname: "GARCIA LOPEZ", GivenNames: "JUAN CARLOS", DocumentNumber: "G12345678",
	Nationality: "MEX", BirthDate: "800101", Sex: "M", ExpiryDate: "300101",
}

func build(t testing.TB, f Format, edit func(*Fields)) string {
	t.Helper()
	fl := base
	if edit != nil {
		edit(&fl)
	}
	lines, err := Generate(f, fl)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return strings.Join(lines, "\n")
}

// put replaces the character at a 0-based line and position.
func put(zone string, line, pos int, s string) string {
	lines := strings.Split(zone, "\n")
	l := lines[line]
	lines[line] = l[:pos] + s + l[pos+len(s):]
	return strings.Join(lines, "\n")
}

type findingCase struct {
	name  string
	zone  func(t testing.TB) string
	code  string
	valid bool
	// line, start, end of the finding when they matter (line 0 = skip).
	line, start, end int
}

var findingCases = []findingCase{
	{"three lines of 44 are the wrong count", func(t testing.TB) string { return build(t, TD3, nil) + "\n" + strings.Repeat("<", 44) }, CodeLineCount, false, 0, 0, 0},
	{"a single short line is the wrong count", func(t testing.TB) string { return "P<MEXGARCIA" }, CodeLineCount, false, 0, 0, 0},
	{"a zone sent as one line of 88 is split with a warning", func(t testing.TB) string { return strings.ReplaceAll(build(t, TD3, nil), "\n", "") }, CodeLinesJoined, true, 0, 0, 0},
	{"a name line missing a filler has the wrong length: no check digit can place it", func(t testing.TB) string { z := build(t, TD3, nil); return z[:10] + z[11:] }, CodeLineLength, false, 1, 0, 43},
	{"a data line two characters short has the wrong length", func(t testing.TB) string { z := build(t, TD3, nil); return z[:len(z)-3] + z[len(z)-1:] }, CodeLineLength, false, 2, 0, 42},
	{"a data line missing one filler is realigned when only one place makes every check digit pass", func(t testing.TB) string {
		z := build(t, TD3, nil)
		return z[:len(z)-2] + z[len(z)-1:]
	}, CodeLineRealigned, true, 2, 28, 29},
	{"lower case is read as capitals with a warning", func(t testing.TB) string { return strings.ToLower(build(t, TD3, nil)) }, CodeLowercase, true, 1, 0, 30},
	{"a character outside the MRZ set is an error at its position", func(t testing.TB) string { return put(build(t, TD3, nil), 1, 30, "#") }, CodeInvalidCharacter, false, 2, 30, 31},
	{"a digit in the name is not allowed", func(t testing.TB) string { return put(build(t, TD3, nil), 0, 6, "4") }, CodeCharacterNotAllowed, false, 1, 6, 7},
	{"a passport code must start with P", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.DocumentType = "X" }) }, CodeDocumentCodeInvalid, false, 1, 0, 2},
	{"a card code outside A, C and I is unusual", func(t testing.TB) string { return build(t, TD1, func(f *Fields) { f.DocumentType = "RP" }) }, CodeDocumentCodeUnusual, true, 1, 0, 2},
	{"an unknown issuing state is an error", func(t testing.TB) string {
		return build(t, TD3, func(f *Fields) { f.IssuingState = "ZZZ" })
	}, CodeCountryUnknown, false, 1, 2, 5},
	{"the specimen state is information", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.Nationality = "UTO" }) }, CodeCountrySpecimen, true, 2, 10, 13},
	{"a withdrawn code is a warning", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.Nationality = "ANT" }) }, CodeCountryDeprecated, true, 2, 10, 13},
	{"Kosovo as XXK is non-standard", func(t testing.TB) string { return build(t, TD1, func(f *Fields) { f.Nationality = "XXK" }) }, CodeCountryNonstandard, true, 2, 15, 18},
	{"the World Passport code is not accepted", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.IssuingState = "WSA" }) }, CodeCountryNotAccepted, false, 1, 2, 5},
	{"a stateless code as issuer is a warning", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.IssuingState = "XXA" }) }, CodeCountryNationalityOnly, true, 1, 2, 5},
	{"an empty name is an error", func(t testing.TB) string {
		return build(t, TD3, func(f *Fields) { f.Surname, f.GivenNames = "", "" })
	}, CodeNameEmpty, false, 1, 5, 44},
	{"a single name is read as the surname", func(t testing.TB) string {
		return build(t, TD3, func(f *Fields) { f.Surname, f.GivenNames = "MADONNA", "" })
	}, CodeNameSingleIdentifier, true, 1, 5, 12},
	{"a name filling its field may be truncated", func(t testing.TB) string {
		return build(t, TD2, func(f *Fields) { f.Surname, f.GivenNames = "WOLFESCHLEGELSTEINHAUSEN", "HUBERT BLAINE" })
	}, CodeNameTruncated, true, 1, 35, 36},
	{"a double filler among given names is irregular", func(t testing.TB) string {
		return put(build(t, TD3, nil), 0, 24, "<<")
	}, CodeNameIrregular, true, 1, 23, 24},
	{"an empty document number is an error", func(t testing.TB) string {
		return build(t, TD3, func(f *Fields) { f.DocumentNumber = "" })
	}, CodeDocumentNumberEmpty, false, 2, 0, 9},
	{"a wrong check digit is an error at the digit", func(t testing.TB) string { return put(build(t, TD3, nil), 1, 19, "0") }, CodeCheckDigitMismatch, false, 2, 19, 20},
	{"a filler check digit over a filled personal number is an error", func(t testing.TB) string {
		return put(build(t, TD3, func(f *Fields) { f.OptionalData = "AB12" }), 1, 42, "<")
	}, CodeCheckDigitFiller, false, 2, 42, 43},
	{"a filler printed for a check digit of 0 is a warning", func(t testing.TB) string {
		return put(build(t, TD3, func(f *Fields) { f.OptionalData = "A" }), 1, 42, "<")
	}, CodeCheckDigitFillerZero, true, 2, 42, 43},
	{"the Belgian long-number variant is a warning", func(t testing.TB) string {
		return "IDBEL592211692<1741<<<<<<<<<<<\n8501019M3101012BEL<<<<<<<<<<<6\nDUPONT<<MARIE<<<<<<<<<<<<<<<<<"
	}, CodeLongNumberVariant, true, 1, 18, 19},
	{"a long-number marker with no overflow is malformed", func(t testing.TB) string {
		return put(build(t, TD1, func(f *Fields) { f.DocumentNumber = "D23145890" }), 0, 14, "<")
	}, CodeLongNumberMalformed, false, 1, 14, 16},
	{"the 31st of April is not a date", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.BirthDate = "800431" }) }, CodeDateInvalid, false, 2, 13, 19},
	{"an unknown birth day and month is a warning", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.BirthDate = "80<<<<" }) }, CodeDatePartial, true, 2, 13, 19},
	{"an expired document is information", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.ExpiryDate = "200101" }) }, CodeExpired, true, 2, 21, 27},
	{"an expiry before birth is an error", func(t testing.TB) string {
		return build(t, TD3, func(f *Fields) { f.BirthDate, f.ExpiryDate = "900101", "850101" })
	}, CodeExpiryBeforeBirth, false, 2, 21, 27},
	{"sex X is a warning", func(t testing.TB) string { return build(t, TD3, func(f *Fields) { f.Sex = "X" }) }, CodeSexX, true, 2, 20, 21},
	{"sex Q is an error", func(t testing.TB) string { return put(build(t, TD3, nil), 1, 20, "Q") }, CodeSexInvalid, false, 2, 20, 21},
	{"an O in the birth date confirmed by its check digit is repaired", func(t testing.TB) string { return put(build(t, TD3, nil), 1, 14, "O") }, CodeOCRRepaired, true, 2, 14, 15},
	{"a G for a 6 in a date is only a suggestion", func(t testing.TB) string {
		return put(build(t, TD3, func(f *Fields) { f.BirthDate = "860101" }), 1, 14, "G")
	}, CodeOCRSuggestion, false, 2, 14, 15},
}

func TestFindingCases(t *testing.T) {
	for _, c := range findingCases {
		t.Run(c.name, func(t *testing.T) {
			d := parse(t, c.zone(t))
			var f *Finding
			for i := range d.Findings {
				if d.Findings[i].Code == c.code {
					f = &d.Findings[i]
					break
				}
			}
			if f == nil {
				t.Fatalf("no %s finding; got %v", c.code, d.Findings)
			}
			if d.Valid != c.valid {
				t.Errorf("valid = %v; want %v (findings %v)", d.Valid, c.valid, codes(d))
			}
			if c.line != 0 && (f.Line != c.line || f.Start != c.start || f.End != c.end) {
				t.Errorf("%s at line %d [%d,%d); want line %d [%d,%d)", c.code, f.Line, f.Start, f.End, c.line, c.start, c.end)
			}
			info := codeTable[codeIndex[c.code]]
			if f.Severity != info.Severity || f.Message == "" || strings.Contains(f.Message, "{") {
				t.Errorf("finding %+v does not follow its code table entry %+v", f, info)
			}
		})
	}
}

func TestEveryFindingCodeHasACase(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range findingCases {
		covered[c.code] = true
	}
	for _, info := range FindingCodes() {
		if !covered[info.Code] {
			t.Errorf("finding code %s has no test case", info.Code)
		}
	}
}

func TestFindingCodeTableIsWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, info := range FindingCodes() {
		if seen[info.Code] {
			t.Errorf("duplicate code %s", info.Code)
		}
		seen[info.Code] = true
		for _, r := range info.Code {
			if !(r >= 'a' && r <= 'z' || r == '_') {
				t.Errorf("code %q is not snake_case", info.Code)
				break
			}
		}
		switch info.Severity {
		case SevError, SevWarning, SevInfo:
		default:
			t.Errorf("code %s has severity %q", info.Code, info.Severity)
		}
		if strings.Count(info.Message, "{") != strings.Count(info.Message, "}") {
			t.Errorf("code %s: unbalanced placeholders in %q", info.Code, info.Message)
		}
	}
}

// TestDocsListEveryFindingCode keeps docs/mrz.md in step with the table.
func TestDocsListEveryFindingCode(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "mrz.md"))
	if err != nil {
		t.Fatalf("docs/mrz.md: %v", err)
	}
	for _, info := range FindingCodes() {
		row := "| `" + info.Code + "` | " + string(info.Severity) + " | " + info.Message + " |"
		if !strings.Contains(string(b), row) {
			t.Errorf("docs/mrz.md lacks the row %s", row)
		}
	}
}
