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
// row. It is built for a million rows: one pass, one allocation per
// field that is kept, identical strings (states, types, reasons) shared.
func ReadDocuments(r io.Reader, name string) (*bundle.Source, Counts, error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<16))
	cr.ReuseRecord = true
	cr.FieldsPerRecord = len(docColumns)
	header, err := cr.Read()
	if err == io.EOF {
		return nil, Counts{}, fmt.Errorf("%s: empty file (want the header %s)", name, strings.Join(docColumns, ","))
	}
	if err != nil {
		return nil, Counts{}, fmt.Errorf("%s: %v", name, err)
	}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if h != docColumns[i] {
			return nil, Counts{}, fmt.Errorf("%s:1: column %d is %q, want %q (header %s)", name, i+1, h, docColumns[i], strings.Join(docColumns, ","))
		}
	}
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
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, Counts{}, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := cr.FieldPos(0)
		d, column, err := docLookout(rec, share)
		if err != nil {
			return nil, Counts{}, fmt.Errorf("%s:%d: column %q: %v", name, line, column, err)
		}
		src.DocLookouts = append(src.DocLookouts, d)
	}
	return src, Counts{Lookouts: len(src.DocLookouts)}, nil
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
	d.Number = strings.Clone(num)
	if end := strings.TrimSpace(rec[3]); end != "" {
		if len(end) != len(num) || !isUpperAlnum(end) || end < num {
			return d, "end", fmt.Errorf("range end %q must have the length of %q and not come before it", end, num)
		}
		d.End = strings.Clone(end)
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
		d.Source = share(src)
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
