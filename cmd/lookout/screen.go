package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"lookout/internal/mrz"
	"lookout/internal/screen"
)

func init() {
	register(&command{
		name:    "screen",
		summary: "screen a file of travelers (CSV or MRZ text) against a bundle, in parallel",
		run:     runScreen,
	})
}

// maxScreenInput bounds a manifest read into memory (a 70,000-row manifest
// of MRZs is about 6 MB).
const maxScreenInput = 512 << 20

// screenRow is one traveler of the input, with where it came from.
type screenRow struct {
	line int // 1-based line of the input where the row starts
	req  screen.Request
	err  error // a row that could not be read: reported, not screened
}

func runScreen(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("screen", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var lf listFlags
	lf.add(fs)
	format := fs.String("format", "csv", "output format: csv or jsonl")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel workers")
	progress := fs.String("progress", "auto", "progress bar on stderr: auto (when a terminal), on, off")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: lookout screen --bundle FILE --trust KEYS [--format csv|jsonl] INPUT|-")
		fmt.Fprintln(env.stderr, "\nINPUT is a CSV file whose header names its columns (mrz, or name/dob/nationality/document_number/")
		fmt.Fprintln(env.stderr, "issuing_state/pob/sex, plus optional visual-zone columns issue_date, place_of_birth, prior_losses …)")
		fmt.Fprintln(env.stderr, "or a text file of MRZs separated by blank lines. One result row per input row, in order.")
		fmt.Fprintln(env.stderr, "Exit 0 when every row is clear, 1 when any row needs review or refer, 2 on usage or I/O error.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if *format != "csv" && *format != "jsonl" {
		fmt.Fprintf(env.stderr, "lookout screen: --format must be csv or jsonl, not %q\n", *format)
		return 2
	}
	if *workers < 1 {
		*workers = 1
	}
	data, err := readInput(env, fs.Arg(0), maxScreenInput)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout screen: %v\n", err)
		return 2
	}
	eng, err := lf.engine(env)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout screen: %v\n", err)
		return 2
	}
	rows, err := parseManifest(data)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout screen: %s: %v\n", fs.Arg(0), err)
		return 2
	}

	bar := newProgress(env, *progress, len(rows), "screening")
	start := time.Now()
	reports := screenAll(eng, rows, *workers, bar.tick)
	bar.done()
	elapsed := time.Since(start)

	out := bufio.NewWriterSize(env.stdout, 1<<16)
	defer out.Flush()
	worst := 0
	var cw *csv.Writer
	if *format == "csv" {
		cw = csv.NewWriter(out)
		cw.Write([]string{"line", "recommendation", "document_number", "surname", "given_names", "birth_date", "nationality", "valid", "hits", "top_hit", "top_score", "document_hits", "signals", "summary", "error"})
	}
	for i, row := range rows {
		rep := reports[i]
		switch {
		case row.err != nil:
			fmt.Fprintf(env.stderr, "lookout screen: line %d: %v\n", row.line, row.err)
			worst = max(worst, 1)
		case rep.Recommendation != screen.Clear:
			worst = max(worst, 1)
		}
		if cw != nil {
			cw.Write(csvRow(row, rep))
			continue
		}
		b, _ := json.Marshal(struct {
			Line   int            `json:"line"`
			Error  string         `json:"error,omitempty"`
			Report *screen.Report `json:"report,omitempty"`
		}{row.line, errString(row.err), rep})
		out.Write(b)
		out.WriteByte('\n')
	}
	if cw != nil {
		cw.Flush()
	}
	if bar.enabled {
		fmt.Fprintf(env.stderr, "screened %d rows in %s (%.0f rows/s)\n", len(rows), elapsed.Round(time.Millisecond), float64(len(rows))/elapsed.Seconds())
	}
	return worst
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// screenAll screens rows on n workers and returns the reports in input
// order (nil for rows that could not be read).
func screenAll(eng *screen.Engine, rows []screenRow, n int, tick func()) []*screen.Report {
	reports := make([]*screen.Report, len(rows))
	next := make(chan int, n*4)
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if rows[i].err == nil {
					reports[i] = eng.Check(rows[i].req)
				}
				tick()
			}
		}()
	}
	for i := range rows {
		next <- i
	}
	close(next)
	wg.Wait()
	return reports
}

func csvRow(row screenRow, rep *screen.Report) []string {
	line := strconv.Itoa(row.line)
	if rep == nil {
		return []string{line, "error", "", "", "", "", "", "", "", "", "", "", "", "", errString(row.err)}
	}
	var num, sur, given, dob, nat, valid string
	switch {
	case rep.Document != nil:
		f := rep.Document.Fields
		num, sur, given, dob, nat = f.DocumentNumber, f.Surname, f.GivenNames, f.BirthDate, f.Nationality
		valid = strconv.FormatBool(rep.Document.Valid)
	case rep.Person != nil:
		num, sur, dob, nat = rep.Person.DocumentNumber, rep.Person.Name, rep.Person.DOB, rep.Person.Nationality
	}
	top, score := "", ""
	if len(rep.Hits) > 0 {
		top = rep.Hits[0].Name + " (" + rep.Hits[0].ID + ")"
		score = strconv.FormatFloat(rep.Hits[0].Score, 'f', 3, 64)
	}
	var sig []string
	for _, s := range rep.Signals {
		if s.Severity != "info" {
			sig = append(sig, s.Code)
		}
	}
	return []string{line, rep.Recommendation, num, sur, given, dob, nat, valid,
		strconv.Itoa(len(rep.Hits)), top, score, strconv.Itoa(len(rep.DocumentHits)),
		strings.Join(sig, ";"), strings.Join(rep.Summary, "; "), rep.Error}
}

// parseManifest reads a CSV manifest (when the first line is a header
// naming known columns) or a text file of MRZs.
func parseManifest(data []byte) ([]screenRow, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if looksLikeCSVHeader(string(first)) {
		return parseCSVManifest(data)
	}
	return parseMRZManifest(string(data)), nil
}

var manifestColumns = map[string]bool{
	"mrz": true, "name": true, "surname": true, "given_names": true, "dob": true, "pob": true,
	"nationality": true, "document_number": true, "issuing_state": true, "sex": true,
	"issue_date": true, "place_of_birth": true, "issuing_office": true, "prior_losses": true,
	"first_trip": true, "curp": true, "id": true,
}

func looksLikeCSVHeader(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, ",") && !manifestColumns[strings.ToLower(line)] {
		return false
	}
	for _, c := range strings.Split(line, ",") {
		if manifestColumns[strings.ToLower(strings.TrimSpace(c))] {
			return true
		}
	}
	return false
}

func parseCSVManifest(data []byte) ([]screenRow, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("line 1: reading the header: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !manifestColumns[h] {
			return nil, fmt.Errorf("line 1: unknown column %q (known: mrz, name, surname, given_names, dob, pob, nationality, document_number, issuing_state, sex, issue_date, place_of_birth, issuing_office, prior_losses, first_trip, curp, id)", header[i])
		}
		if _, dup := col[h]; dup {
			return nil, fmt.Errorf("line 1: column %q appears twice", h)
		}
		col[h] = i
	}
	_, hasMRZ := col["mrz"]
	_, hasName := col["name"]
	_, hasSur := col["surname"]
	_, hasNum := col["document_number"]
	if !hasMRZ && !hasName && !hasSur && !hasNum {
		return nil, errors.New("line 1: the header needs an mrz column, or name/surname/document_number columns")
	}
	var rows []screenRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				rows = append(rows, screenRow{line: pe.StartLine, err: fmt.Errorf("malformed CSV row: %v", pe.Err)})
				continue
			}
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			rows = append(rows, screenRow{line: line, err: fmt.Errorf("malformed CSV row: %d fields, the header has %d", len(rec), len(header))})
			continue
		}
		get := func(k string) string {
			if i, ok := col[k]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := screenRow{line: line}
		if m := get("mrz"); m != "" {
			row.req.MRZ = m
		} else {
			name := get("name")
			if name == "" {
				name = strings.TrimSpace(get("surname") + " " + get("given_names"))
			}
			row.req.Person = &screen.Person{Name: name, DOB: get("dob"), POB: get("pob"), Nationality: get("nationality"),
				DocumentNumber: get("document_number"), IssuingState: get("issuing_state"), Sex: get("sex")}
			if row.req.Person.Name == "" && row.req.Person.DocumentNumber == "" {
				row.err = errors.New("row has neither an MRZ, a name nor a document number")
			}
		}
		v := &row.req.Visual
		v.IssueDate, v.PlaceOfBirth, v.IssuingOffice, v.CURP = get("issue_date"), get("place_of_birth"), get("issuing_office"), get("curp")
		if s := get("prior_losses"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				row.err = fmt.Errorf("prior_losses %q is not a whole number", s)
			}
			v.PriorLosses = n
		}
		if s := get("first_trip"); s != "" {
			b, err := strconv.ParseBool(s)
			if err != nil {
				row.err = fmt.Errorf("first_trip %q is not true or false", s)
			}
			v.FirstTrip = b
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// parseMRZManifest splits a text file into MRZs (blocks separated by blank
// lines, or consecutive MRZs the parser can tell apart) and remembers the
// line each starts on.
func parseMRZManifest(text string) []screenRow {
	var rows []screenRow
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var block []string
	start := 0
	flush := func() {
		if len(block) == 0 {
			return
		}
		for _, m := range mrz.Split(strings.Join(block, "\n")) {
			rows = append(rows, screenRow{line: start, req: screen.Request{MRZ: m}})
			start += strings.Count(m, "\n") + 1
		}
		block = block[:0]
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if len(block) == 0 {
			start = i + 1
		}
		block = append(block, l)
	}
	flush()
	return rows
}

// readInput reads a named file or "-" for stdin, refusing more than limit bytes.
func readInput(env *cmdEnv, name string, limit int64) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = env.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, limit)
	}
	return b, nil
}
