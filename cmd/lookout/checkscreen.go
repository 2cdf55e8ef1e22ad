package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"lookout/internal/fraud"
	"lookout/internal/mrz"
	"lookout/internal/screen"
)

// screenFlags are check's flags for a full screening: the list, and the
// fields an officer types from the visual zone.
type screenFlags struct {
	list   listFlags
	visual fraud.Visual
}

func (s *screenFlags) add(fs *flag.FlagSet) {
	s.list.add(fs)
	v := &s.visual
	fs.StringVar(&v.IssueDate, "issued", "", "date of issue from the visual zone (YYYY-MM-DD)")
	fs.StringVar(&v.PlaceOfBirth, "pob", "", "place of birth from the visual zone")
	fs.StringVar(&v.IssuingOffice, "office", "", "issuing office (authority) from the visual zone")
	fs.IntVar(&v.PriorLosses, "losses", 0, "passports the holder reports lost or stolen before this one")
	fs.BoolVar(&v.FirstTrip, "first-trip", false, "the passport shows no prior travel (no stamps, no visas)")
	fs.StringVar(&v.CURP, "curp", "", "Mexican CURP printed on the data page")
	fs.StringVar(&v.Surname, "viz-surname", "", "surname as printed in the visual zone, to compare with the MRZ")
	fs.StringVar(&v.GivenNames, "viz-given", "", "given names as printed in the visual zone")
	fs.StringVar(&v.BirthDate, "viz-birth", "", "birth date as printed in the visual zone (YYYY-MM-DD)")
	fs.StringVar(&v.ExpiryDate, "viz-expiry", "", "expiry date as printed in the visual zone (YYYY-MM-DD)")
	fs.StringVar(&v.DocumentNumber, "viz-number", "", "document number as printed in the visual zone")
	fs.StringVar(&v.Sex, "viz-sex", "", "sex as printed in the visual zone")
}

// wanted reports whether check should screen rather than only parse: a
// list was given or a visual-zone field was typed.
func (s *screenFlags) wanted() bool {
	return s.list.bundle != "" || s.visual != (fraud.Visual{})
}

// runCheckScreen screens every request of the input and prints one report
// per request: the MRZ report plus signals, hits and the recommendation.
// The input is MRZ text, or (JSON input mode) one screen.Request JSON
// object per line. Exit 0 when every document is valid and clear, 1 when
// any needs review or refer, 2 on usage or I/O error.
func runCheckScreen(env *cmdEnv, s *screenFlags, text string, asJSON bool) int {
	eng := screen.New()
	if s.list.bundle != "" {
		var err error
		if eng, err = s.list.engine(env); err != nil {
			fmt.Fprintf(env.stderr, "lookout check: %v\n", err)
			return 2
		}
	}
	reqs, err := checkRequests(text, s.visual)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout check: %v\n", err)
		return 2
	}
	if len(reqs) == 0 {
		fmt.Fprintln(env.stderr, "lookout check: no MRZ in the input")
		return 2
	}
	out := bufio.NewWriter(env.stdout)
	defer out.Flush()
	code := 0
	for i, req := range reqs {
		rep := eng.Check(req)
		if rep.Recommendation != screen.Clear || (rep.Document != nil && !rep.Document.Valid) || rep.Error != "" {
			code = 1
		}
		if asJSON {
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(rep); err != nil {
				fmt.Fprintf(env.stderr, "lookout check: %v\n", err)
				return 2
			}
			continue
		}
		writeScreenText(out, i+1, len(reqs), rep)
	}
	return code
}

// checkRequests reads MRZ text, or one JSON request per line when the
// input starts with '{'; the flags' visual fields fill what a JSON request
// leaves empty.
func checkRequests(text string, visual fraud.Visual) ([]screen.Request, error) {
	if !strings.HasPrefix(strings.TrimSpace(text), "{") {
		var reqs []screen.Request
		for _, z := range mrz.Split(text) {
			reqs = append(reqs, screen.Request{MRZ: z, Visual: visual})
		}
		return reqs, nil
	}
	var reqs []screen.Request
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), screen.MaxRequest)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var req screen.Request
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return nil, fmt.Errorf("line %d: bad JSON request: %v", n, err)
		}
		if req.Visual == (fraud.Visual{}) {
			req.Visual = visual
		}
		reqs = append(reqs, req)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return reqs, nil
}

// writeScreenText prints the recommendation first, then the reasons, the
// hits, the document lookouts and the signals, then the MRZ report.
func writeScreenText(w io.Writer, n, total int, rep *screen.Report) {
	var b strings.Builder
	fmt.Fprintf(&b, "Traveler %d of %d: %s\n", n, total, strings.ToUpper(rep.Recommendation))
	for _, s := range rep.Summary {
		fmt.Fprintf(&b, "  - %s\n", s)
	}
	if rep.List != nil {
		fmt.Fprintf(&b, "  list %s seq %d (%s, %s, issued %s)\n", rep.List.Name, rep.List.Seq, rep.List.Env, rep.List.State, rep.List.Issued)
	} else {
		b.WriteString("  no list: watchlist matching unavailable\n")
	}
	if rep.Error != "" {
		fmt.Fprintf(&b, "  error: %s\n", rep.Error)
	}
	for _, h := range rep.Hits {
		fmt.Fprintf(&b, "\n  HIT %s %.2f  %s  [%s] %s\n", strings.ToUpper(h.Level), h.Score, h.Name, h.Category, h.ID)
		if h.Action != "" {
			fmt.Fprintf(&b, "    action: %s\n", h.Action)
		}
		for _, r := range h.Reasons {
			fmt.Fprintf(&b, "    %-11s %s\n", r.Kind, r.Detail)
		}
	}
	for _, d := range rep.DocumentHits {
		fmt.Fprintf(&b, "\n  DOCUMENT %s %s listed as %s (%s)\n", d.State, d.Number, d.Reason, d.Source)
	}
	if len(rep.Signals) > 0 {
		b.WriteString("\n  Signals\n")
		for _, s := range rep.Signals {
			fmt.Fprintf(&b, "    %-7s %-28s %s\n", s.Severity, s.Code, s.Message)
		}
	}
	io.WriteString(w, b.String())
	if rep.Document != nil {
		writeMRZText(w, n, total, rep.Document)
	} else {
		io.WriteString(w, "\n")
	}
}
