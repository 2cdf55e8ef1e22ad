package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"lookout/internal/mrz"
)

func init() {
	register(&command{
		name:    "check",
		summary: "check machine readable zones (MRZ) of travel documents",
		run:     runCheck,
	})
}

// maxCheckInput bounds what check reads: thousands of zones, far more than
// any batch an officer or a script pastes.
const maxCheckInput = 4 << 20

const checkUsage = `usage: lookout check [--json] [--bundle FILE --trust KEYS] [--issued DATE --pob PLACE …] [FILE|-]

Reads text holding one or more machine readable zones (2 or 3 lines each,
zones separated by blank lines) from FILE or standard input, and prints one
report per zone in input order. Exit status: 0 when every zone is valid,
1 when any is not, 2 on a usage or input error.

With --bundle (or any visual-zone flag, or JSON input: one request object
per line, {"mrz": …, "visual": {…}}), each zone is screened: the report adds
the fraud signals, watchlist hits, document lookouts and a recommendation
(clear, review, refer), and the exit status is 1 when any traveler is not
clear.

flags:
`

func runCheck(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	asJSON := fs.Bool("json", false, "print each report as one JSON object per line")
	var sf screenFlags
	sf.add(fs)
	fs.Usage = func() {
		fmt.Fprint(env.stderr, checkUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(env.stderr, "lookout check: one input at most, got %d\n", fs.NArg())
		fs.Usage()
		return 2
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	text, err := readCheckInput(env, name)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout check: %v\n", err)
		return 2
	}
	if sf.wanted() || strings.HasPrefix(strings.TrimSpace(text), "{") {
		return runCheckScreen(env, &sf, text, *asJSON)
	}
	zones := mrz.Split(text)
	if len(zones) == 0 {
		fmt.Fprintf(env.stderr, "lookout check: %s: no MRZ in the input\n", displayName(name))
		return 2
	}
	code := 0
	for i, z := range zones {
		doc, err := mrz.Parse(z, mrz.Options{})
		if err != nil {
			fmt.Fprintf(env.stderr, "lookout check: MRZ %d: %v\n", i+1, err)
			code = 2
			continue
		}
		if *asJSON {
			err = writeMRZJSON(env.stdout, doc)
		} else {
			err = writeMRZText(env.stdout, i+1, len(zones), doc)
		}
		if err != nil {
			fmt.Fprintf(env.stderr, "lookout check: %v\n", err)
			return 2
		}
		if !doc.Valid && code == 0 {
			code = 1
		}
	}
	return code
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// readCheckInput reads FILE or standard input ("-"), up to maxCheckInput.
func readCheckInput(env *cmdEnv, name string) (string, error) {
	var r io.Reader = env.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxCheckInput+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", displayName(name), err)
	}
	if len(b) > maxCheckInput {
		return "", fmt.Errorf("%s: more than %d bytes; split the input", displayName(name), maxCheckInput)
	}
	return string(b), nil
}

// MRZ report rendering. Kept apart from the command so that screening
// reports can embed the same MRZ section.

// writeMRZJSON writes a document as one JSON object on one line; the same
// JSON the page's wasm entry returns.
func writeMRZJSON(w io.Writer, doc *mrz.Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // zones are full of '<'
	return enc.Encode(doc)
}

// writeMRZText writes a report for a person at a terminal: verdict, the
// zone with carets under failing characters, the fields, the check digits
// and the findings.
func writeMRZText(w io.Writer, n, total int, doc *mrz.Document) error {
	var b strings.Builder
	fmt.Fprintf(&b, "MRZ %d of %d: %s, %s\n", n, total, formatWords(doc.Format), verdictWords(doc))
	writeZone(&b, doc)
	b.WriteByte('\n')
	writeFields(&b, doc)
	writeChecks(&b, doc)
	writeFindings(&b, doc)
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

func formatWords(f mrz.Format) string {
	switch f {
	case mrz.TD1:
		return "TD1 card (3×30)"
	case mrz.TD2:
		return "TD2 card (2×36)"
	case mrz.TD3:
		return "TD3 passport (2×44)"
	case mrz.MRVA:
		return "MRV-A visa (2×44)"
	case mrz.MRVB:
		return "MRV-B visa (2×36)"
	case mrz.FrenchID:
		return "French identity card (2×36)"
	}
	return string(f)
}

func verdictWords(doc *mrz.Document) string {
	counts := map[mrz.Severity]int{}
	for _, f := range doc.Findings {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range []mrz.Severity{mrz.SevError, mrz.SevWarning} {
		if c := counts[s]; c > 0 {
			word := string(s)
			if c > 1 {
				word += "s"
			}
			parts = append(parts, fmt.Sprintf("%d %s", c, word))
		}
	}
	v := "VALID"
	if !doc.Valid {
		v = "INVALID"
	}
	if doc.Specimen {
		v += " (specimen)"
	}
	if len(parts) > 0 {
		v += ": " + strings.Join(parts, ", ")
	}
	return v
}

// writeZone prints the lines as read, each followed by a marker line when
// findings point at its characters: ^ under errors, ~ under warnings.
func writeZone(b *strings.Builder, doc *mrz.Document) {
	// Finding positions refer to the lines as the parser laid them out;
	// when a line was split, padded, cut or realigned, show those.
	lines := doc.Lines
	if len(doc.Repaired) != len(doc.Lines) {
		lines = doc.Repaired
	} else {
		for i := range lines {
			if len([]rune(lines[i])) != len([]rune(doc.Repaired[i])) {
				lines = doc.Repaired
				b.WriteString("  (positions as laid out by Lookout: a line was padded, cut or realigned)\n")
				break
			}
		}
	}
	for i, l := range lines {
		fmt.Fprintf(b, "  %d  %s\n", i+1, l)
		marks := []rune(strings.Repeat(" ", len([]rune(l))))
		any := false
		for _, f := range doc.Findings {
			if f.Line != i+1 || f.Severity == mrz.SevInfo {
				continue
			}
			for k := f.Start; k < f.End && k < len(marks); k++ {
				if f.Severity == mrz.SevError {
					marks[k] = '^'
				} else if marks[k] != '^' {
					marks[k] = '~'
				}
				any = true
			}
		}
		if any {
			fmt.Fprintf(b, "     %s\n", strings.TrimRight(string(marks), " "))
		}
	}
}

func writeFields(b *strings.Builder, doc *mrz.Document) {
	f := doc.Fields
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(b, "  %-16s %s\n", label, value)
		}
	}
	withName := func(code, name string) string {
		if name == "" {
			return code
		}
		return code + "  " + name
	}
	withISO := func(raw, iso string) string {
		if iso == "" {
			return raw
		}
		return raw + "  " + iso
	}
	row("Document type", f.DocumentType)
	row("Issuing state", withName(f.IssuingState, f.IssuingStateName))
	row("Surname", f.Surname)
	row("Given names", f.GivenNames)
	row("Document number", f.DocumentNumber)
	row("Nationality", withName(f.Nationality, f.NationalityName))
	row("Birth date", withISO(f.BirthDate, f.BirthDateISO))
	sex := f.Sex
	if sex == "" {
		sex = "< (unspecified)"
	}
	row("Sex", sex)
	row("Expiry date", withISO(f.ExpiryDate, f.ExpiryDateISO))
	row("Optional data", f.OptionalData)
	row("Optional data 1", f.OptionalData1)
	row("Optional data 2", f.OptionalData2)
}

func writeChecks(b *strings.Builder, doc *mrz.Document) {
	if len(doc.Checks) == 0 {
		return
	}
	var parts []string
	for _, c := range doc.Checks {
		s := strings.ReplaceAll(c.Name, "_", " ") + " "
		switch c.State {
		case "verified":
			s += "ok"
			if c.Variant != "" {
				s += " (" + strings.ReplaceAll(c.Variant, "_", " ") + ")"
			}
		case "refuted":
			s += "FAILED (" + c.Printed + ", expected " + c.Expected + ")"
		default:
			s += "not printed"
		}
		parts = append(parts, s)
	}
	fmt.Fprintf(b, "  %-16s %s\n", "Check digits", strings.Join(parts, ", "))
}

func writeFindings(b *strings.Builder, doc *mrz.Document) {
	if len(doc.Findings) == 0 {
		return
	}
	b.WriteString("\n  Findings\n")
	for _, f := range doc.Findings {
		where := "zone"
		if f.Line > 0 {
			where = fmt.Sprintf("line %d", f.Line)
			if f.End > f.Start {
				if f.End-f.Start == 1 {
					where += fmt.Sprintf(" col %d", f.Start+1)
				} else {
					where += fmt.Sprintf(" col %d-%d", f.Start+1, f.End)
				}
			}
		}
		fmt.Fprintf(b, "    %-7s  %-22s  %-16s  %s\n", f.Severity, f.Code, where, f.Message)
	}
}
