package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"lookout/internal/bundle"
)

// Document lookout CSV columns, in this order (docs/bundle-format.md,
// appendix B).
var docColumns = []string{"state", "type", "number", "end", "reason", "source"}

// ReadDocuments imports a lost/stolen/revoked document list: a header row
// "state,type,number,end,reason,source", then one number or range per
// row. It is built for a million rows: one pass, one allocation per row
// (the kept fields are substrings of the line), states, types and reasons
// shared.
func ReadDocuments(r io.Reader, name string) (*bundle.Source, Counts, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	src := &bundle.Source{}
	intern := map[string]string{}
	share := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		s = strings.Clone(s)
		if len(intern) < 4096 {
			intern[s] = s
		}
		return s
	}
	var rec [6]string
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		fields, err := splitDocLine(text, rec[:0])
		if err != nil {
			return nil, Counts{}, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if line == 1 {
			if len(fields) > 0 {
				fields[0] = strings.TrimPrefix(fields[0], "\ufeff")
			}
			if len(fields) != len(docColumns) {
				return nil, Counts{}, fmt.Errorf("%s:1: header has %d columns, want %s", name, len(fields), strings.Join(docColumns, ","))
			}
			for i, h := range fields {
				if h = strings.ToLower(strings.TrimSpace(h)); h != docColumns[i] {
					return nil, Counts{}, fmt.Errorf("%s:1: column %d is %q, want %q (header %s)", name, i+1, h, docColumns[i], strings.Join(docColumns, ","))
				}
			}
			continue
		}
		if text == "" {
			continue
		}
		if len(fields) != len(docColumns) {
			return nil, Counts{}, fmt.Errorf("%s:%d: %d fields, want %d (%s)", name, line, len(fields), len(docColumns), strings.Join(docColumns, ","))
		}
		d, column, err := docLookout(fields, share)
		if err != nil {
			return nil, Counts{}, fmt.Errorf("%s:%d: column %q: %v", name, line, column, err)
		}
		src.DocLookouts = append(src.DocLookouts, d)
	}
	if err := sc.Err(); err != nil {
		return nil, Counts{}, fmt.Errorf("%s:%d: %v", name, line+1, err)
	}
	if line == 0 {
		return nil, Counts{}, fmt.Errorf("%s: empty file (want the header %s)", name, strings.Join(docColumns, ","))
	}
	return src, Counts{Lookouts: len(src.DocLookouts)}, nil
}

// splitDocLine splits one CSV line. Lines without quotes (all of a
// normal lookout file) are cut at commas without allocating; a line with
// quotes goes through encoding/csv. A quoted field may not span lines.
func splitDocLine(line string, buf []string) ([]string, error) {
	if strings.IndexByte(line, '"') < 0 {
		for {
			i := strings.IndexByte(line, ',')
			if i < 0 {
				return append(buf, line), nil
			}
			buf = append(buf, line[:i])
			line = line[i+1:]
		}
	}
	cr := csv.NewReader(strings.NewReader(line))
	cr.FieldsPerRecord = -1
	rec, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%v (a quoted field may not span lines)", err)
	}
	return rec, nil
}

func docLookout(rec []string, share func(string) string) (bundle.DocLookout, string, error) {
	var d bundle.DocLookout
	state := strings.TrimSpace(rec[0])
	if !isCode(state) {
		code, ok := countryCode(state)
		if !ok {
			return d, "state", fmt.Errorf("%q is not an issuing-state code or a known country", state)
		}
		state = code
	}
	d.State = share(state)
	typ := strings.TrimSpace(rec[1])
	if len(typ) > 2 || !isUpperAlnum(typ) {
		return d, "type", fmt.Errorf("%q is not a one- or two-letter document code (P, PD, I…) or empty", typ)
	}
	d.Type = share(typ)
	num := strings.TrimSpace(rec[2])
	if num == "" || len(num) > 20 || !isUpperAlnum(num) {
		return d, "number", fmt.Errorf("%q is not 1-20 upper-case letters and digits", num)
	}
	d.Number = num // a substring of the line: one allocation per row
	if end := strings.TrimSpace(rec[3]); end != "" {
		if len(end) != len(num) || !isUpperAlnum(end) || end < num {
			return d, "end", fmt.Errorf("range end %q must have the length of %q and not come before it", end, num)
		}
		d.End = end
	}
	reason := strings.ToLower(strings.TrimSpace(rec[4]))
	switch reason {
	case bundle.ReasonLost, bundle.ReasonStolen, bundle.ReasonRevoked, bundle.ReasonStolenBlank, bundle.ReasonFraudSeries:
	default:
		return d, "reason", fmt.Errorf("%q is not lost, stolen, revoked, stolen-blank or fraud-series", reason)
	}
	d.Reason = share(reason)
	if src := strings.TrimSpace(rec[5]); src != "" {
		if bytes.ContainsAny([]byte(src), "\x00") {
			return d, "source", fmt.Errorf("control character in %q", src)
		}
		d.Source = src
	}
	return d, "", nil
}

func isUpperAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
