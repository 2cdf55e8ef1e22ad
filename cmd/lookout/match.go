package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/watchlist"
)

func init() {
	register(&command{
		name:    "match",
		summary: "screen names or document numbers against a signed list bundle",
		run:     runMatch,
	})
}

const matchUsage = `usage: lookout match --bundle FILE [--trust KEYS] [--state FILE] [--json]
                     [--threshold X] [QUERIES | - | 'NAME']

Each input line is a query: a plain name (natural order, any script, or an
MRZ name field SURNAME<<GIVEN<NAMES), or a JSON object
  {"name": …, "dob": …, "pob": …, "nationality": …}
  {"surname": …, "given_names": …, "dob": …}
  {"document_number": …, "issuing_state": …}
dob is YYYY-MM-DD, YYYY-MM, YYYY or MRZ YYMMDD; nationality an ICAO code
or an English country name. QUERIES is a file of lines; "-" or nothing
reads standard input; any other argument that is not a file is one query.

Exit status: 0 no hits, 1 at least one hit, 2 usage, I/O or input errors.
`

// matchQuery is one input line in JSON form.
type matchQuery struct {
	watchlist.Query
	DocumentNumber string `json:"document_number,omitempty"`
	IssuingState   string `json:"issuing_state,omitempty"`
}

// matchResult is one output object of --json.
type matchResult struct {
	Line      int                 `json:"line"`
	Query     matchQuery          `json:"query"`
	Hits      []watchlist.Hit     `json:"hits"`
	Documents []watchlist.DocHit  `json:"documents,omitempty"`
	Holders   []matchDocHolder    `json:"holders,omitempty"`
	Error     string              `json:"error,omitempty"`
	docIndex  *watchlist.DocIndex `json:"-"`
}

// matchDocHolder is a listed person known to hold the queried document.
type matchDocHolder struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
	Action   string `json:"action,omitempty"`
	Type     string `json:"type"`
	Number   string `json:"number"`
	State    string `json:"state,omitempty"`
}

func runMatch(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("match", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var lf listFlags
	lf.add(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per input line")
	threshold := fs.Float64("threshold", 0, fmt.Sprintf("report hits at or above this score (default %.2f, the product's operating threshold)", watchlist.DefaultThreshold))
	fs.Usage = func() { fmt.Fprint(env.stderr, matchUsage+"\nflags:\n"); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(env.stderr, "lookout match: one QUERIES argument at most, got %d (quote a name with spaces)\n", fs.NArg())
		return 2
	}
	if *threshold < 0 || *threshold > 1 {
		fmt.Fprintf(env.stderr, "lookout match: --threshold %v is outside 0..1\n", *threshold)
		return 2
	}
	p, err := loadMatchBundle(env, &lf)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout match: %v\n", err)
		return 2
	}
	m, err := watchlist.NewMatcher(p)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout match: %v\n", err)
		return 2
	}
	var docs *watchlist.DocIndex
	if len(p.DocIndex) > 0 {
		if docs, err = watchlist.OpenDocIndex(p.DocIndex); err != nil {
			fmt.Fprintf(env.stderr, "lookout match: document index: %v\n", err)
			return 2
		}
	}
	in, name, err := matchInput(env, fs.Args())
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout match: %v\n", err)
		return 2
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	status := 0
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		r := matchResult{Line: line, Hits: []watchlist.Hit{}, docIndex: docs}
		if err := parseMatchLine(text, &r.Query); err != nil {
			r.Error = err.Error()
			fmt.Fprintf(env.stderr, "lookout match: %s:%d: %v\n", name, line, err)
			status = 2
		} else {
			if *threshold > 0 && r.Query.Threshold == 0 {
				r.Query.Threshold = *threshold
			}
			r.run(m, p)
			if (len(r.Hits) > 0 || len(r.Documents) > 0 || len(r.Holders) > 0) && status == 0 {
				status = 1
			}
		}
		if *asJSON {
			b, _ := json.Marshal(r)
			fmt.Fprintf(env.stdout, "%s\n", b)
		} else if r.Error == "" {
			r.printText(env.stdout)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(env.stderr, "lookout match: reading %s: %v\n", name, err)
		return 2
	}
	return status
}

// loadMatchBundle reads and verifies the bundle (signatures, expiry,
// rollback, hash) before anything in it is used.
func loadMatchBundle(env *cmdEnv, lf *listFlags) (*bundle.Payload, error) {
	if lf.bundle == "" {
		return nil, errors.New("no list: give --bundle FILE")
	}
	pol, err := lf.policy(env)
	if err != nil {
		return nil, err
	}
	st, err := lf.store(env)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(lf.bundle)
	if err != nil {
		return nil, err
	}
	v, err := bundle.Verify(data, pol, st, time.Now())
	if err != nil {
		return nil, fmt.Errorf("bundle %s rejected: %v", lf.bundle, err)
	}
	return v.Payload, nil
}

// matchInput opens the query source: a file, standard input, or the
// argument itself as a single query.
func matchInput(env *cmdEnv, args []string) (io.Reader, string, error) {
	if len(args) == 0 || args[0] == "-" {
		return env.stdin, "stdin", nil
	}
	a := args[0]
	if st, err := os.Stat(a); err == nil && !st.IsDir() {
		b, err := os.ReadFile(a)
		if err != nil {
			return nil, "", err
		}
		return bytes.NewReader(b), a, nil
	}
	return strings.NewReader(a), "argument", nil
}

// parseMatchLine reads a plain name or a JSON query object.
func parseMatchLine(text string, q *matchQuery) error {
	if !strings.HasPrefix(text, "{") {
		q.Name = text
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(q); err != nil {
		return fmt.Errorf("bad JSON query: %v", err)
	}
	if q.Name == "" && q.Surname == "" && q.GivenNames == "" && q.DocumentNumber == "" {
		return errors.New(`query has no "name", "surname", "given_names" or "document_number"`)
	}
	if q.IssuingState != "" && q.DocumentNumber == "" {
		return errors.New(`"issuing_state" without "document_number"`)
	}
	if q.Threshold < 0 || q.Threshold > 1 {
		return fmt.Errorf(`"threshold" %v is outside 0..1`, q.Threshold)
	}
	return nil
}

func (r *matchResult) run(m *watchlist.Matcher, p *bundle.Payload) {
	q := &r.Query
	if q.Name != "" || q.Surname != "" || q.GivenNames != "" {
		if hits := m.Match(q.Query); hits != nil {
			r.Hits = hits
		}
	}
	if q.DocumentNumber == "" {
		return
	}
	if r.docIndex != nil {
		r.Documents = r.docIndex.Lookup(q.IssuingState, q.DocumentNumber)
	}
	// Listed persons' own documents: the same normalisation as the
	// lookout index (fillers, spaces, O/0), and the state when both say.
	want := watchlist.DocCanonical(q.DocumentNumber)
	state := strings.ToUpper(strings.TrimSpace(q.IssuingState))
	for _, e := range p.Entries {
		for _, d := range e.Documents {
			if want == "" || watchlist.DocCanonical(d.Number) != want {
				continue
			}
			if state != "" && d.State != "" && !strings.EqualFold(d.State, state) {
				continue
			}
			name := ""
			if len(e.Names) > 0 {
				name = e.Names[0].Full
			}
			r.Holders = append(r.Holders, matchDocHolder{ID: e.ID, Name: name, Category: e.Category, Action: e.Action, Type: d.Type, Number: d.Number, State: d.State})
		}
	}
}

func (r *matchResult) printText(w io.Writer) {
	q := r.Query
	label := q.Name
	if label == "" && (q.Surname != "" || q.GivenNames != "") {
		label = strings.Trim(strings.TrimSpace(q.Surname)+", "+strings.TrimSpace(q.GivenNames), ", ")
	}
	if q.DocumentNumber != "" {
		if label != "" {
			label += " / "
		}
		label += "document " + strings.TrimSpace(q.IssuingState+" "+q.DocumentNumber)
	}
	fmt.Fprintf(w, "%s\n", label)
	if len(r.Hits) == 0 && len(r.Documents) == 0 && len(r.Holders) == 0 {
		fmt.Fprintf(w, "  no hits\n")
		return
	}
	for _, h := range r.Hits {
		fmt.Fprintf(w, "  %-8s %.3f  %s  %s  [%s]\n", strings.ToUpper(h.Level), h.Score, h.ID, h.Name, h.Category)
		if h.Name != h.PrimaryName && h.PrimaryName != "" {
			fmt.Fprintf(w, "           listed as %s\n", h.PrimaryName)
		}
		for _, rs := range h.Reasons {
			fmt.Fprintf(w, "           %-11s %s\n", rs.Kind+":", rs.Detail)
		}
		if h.Action != "" {
			fmt.Fprintf(w, "           action:     %s\n", h.Action)
		}
	}
	for _, d := range r.Documents {
		how := ""
		if d.Range {
			how += " (in a listed range)"
		}
		if d.Normalised {
			how += " (after normalisation)"
		}
		fmt.Fprintf(w, "  DOCUMENT %s %s %s, source %s%s\n", d.State, d.Number, d.Reason, d.Source, how)
	}
	for _, d := range r.Holders {
		fmt.Fprintf(w, "  HOLDER   %s  %s  [%s] holds %s %s %s\n", d.ID, d.Name, d.Category, d.Type, d.State, d.Number)
	}
}
