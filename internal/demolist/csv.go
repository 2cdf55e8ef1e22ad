package demolist

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"lookout/internal/bundle"
)

// ListHeader is the header row of the generic list CSV.
var ListHeader = []string{"id", "name", "aliases", "dob", "pob", "nationality", "documents", "category", "remarks", "action", "sex"}

// DocumentsHeader is the header row of the document lookout CSV.
var DocumentsHeader = []string{"state", "type", "number", "end", "reason", "source"}

// WriteCSV writes src's entries as the generic list CSV that the bundle
// importer reads (`lookout bundle build … csv:FILE`):
//
//	id,name,aliases,dob,pob,nationality,documents,category,remarks,action,sex
//
// Fields are quoted per RFC 4180 where needed. Inside a cell, ";" separates
// items. A name is "SURNAME, GIVEN NAMES" (no comma: a name whose parts the
// source does not distinguish). Alias items may be prefixed "weak:" or
// "former:". Date-of-birth items are YYYY, YYYY-MM, YYYY-MM-DD, "A..B" for a
// range, "~YYYY" for circa. Document items are "type:STATE:NUMBER"
// (type passport, national-id or other). Nationalities are alpha-3 codes.
func WriteCSV(w io.Writer, src *bundle.Source) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(ListHeader); err != nil {
		return err
	}
	row := make([]string, len(ListHeader))
	for i := range src.Entries {
		e := &src.Entries[i]
		if len(e.Names) == 0 {
			return fmt.Errorf("demolist: entry %q has no name", e.ID)
		}
		row[0] = e.ID
		row[1] = e.Names[0].Full
		var al []string
		for _, n := range e.Names[1:] {
			switch n.Kind {
			case bundle.NameWeak:
				al = append(al, "weak:"+n.Full)
			case bundle.NameFormer:
				al = append(al, "former:"+n.Full)
			default:
				al = append(al, n.Full)
			}
		}
		row[2] = joinItems(al)
		var ds []string
		for _, d := range e.DOBs {
			ds = append(ds, formatDOB(d))
		}
		row[3] = joinItems(ds)
		row[4] = joinItems(e.POBs)
		row[5] = joinItems(e.Nationalities)
		var docs []string
		for _, d := range e.Documents {
			docs = append(docs, d.Type+":"+d.State+":"+d.Number)
		}
		row[6] = joinItems(docs)
		row[7] = e.Category
		row[8] = e.Remarks
		row[9] = e.Action
		row[10] = e.Sex
		for _, f := range row {
			if strings.ContainsAny(f, "\r\n") {
				return fmt.Errorf("demolist: entry %q: line break in a field", e.ID)
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// joinItems joins cell items with ";".
func joinItems(items []string) string {
	for i, s := range items {
		if strings.Contains(s, ";") {
			// Never produced by the generator; keep the cell parseable.
			items[i] = strings.ReplaceAll(s, ";", ",")
		}
	}
	return strings.Join(items, ";")
}

func formatDOB(d bundle.DateSpec) string {
	switch {
	case d.To != "":
		return d.Date + ".." + d.To
	case d.Circa:
		return "~" + d.Date
	}
	return d.Date
}

// parseDOB reads one date-of-birth item of the CSV format.
func parseDOB(s string) bundle.DateSpec {
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		return bundle.DateSpec{Date: rest, Circa: true}
	}
	if a, b, ok := strings.Cut(s, ".."); ok {
		return bundle.DateSpec{Date: a, To: b}
	}
	return bundle.DateSpec{Date: s}
}

// parseName reads "SURNAME, GIVEN NAMES" (or a name without a comma).
func parseName(s, kind string) bundle.Name {
	n := bundle.Name{Full: s, Kind: kind}
	if sur, given, ok := strings.Cut(s, ","); ok {
		n.Surname = strings.TrimSpace(sur)
		n.Given = strings.TrimSpace(given)
	}
	return n
}

func cutKind(s, prefix string) (string, bool) { return strings.CutPrefix(s, prefix) }

// WriteDocumentsCSV writes src's document lookouts as the document lookout
// CSV (`lookout bundle build … documents:FILE`):
//
//	state,type,number,end,reason,source
//
// state is the issuing state (alpha-3); type the document type code ("P"
// passport, "I" identity card, empty for any); end, when set, closes a
// range number..end of the same length and prefix; reason is lost, stolen,
// revoked, stolen-blank or fraud-series.
func WriteDocumentsCSV(w io.Writer, src *bundle.Source) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	if _, err := bw.WriteString(strings.Join(DocumentsHeader, ",") + "\n"); err != nil {
		return err
	}
	for i := range src.DocLookouts {
		d := &src.DocLookouts[i]
		for _, f := range []string{d.State, d.Type, d.Number, d.End, d.Reason, d.Source} {
			// Every field is a plain token: no quoting needed, which keeps a
			// million-line file fast to write and to read.
			if strings.ContainsAny(f, ",\"\r\n") {
				return fmt.Errorf("demolist: document lookout %d: field %q needs quoting", i, f)
			}
		}
		bw.WriteString(d.State)
		bw.WriteByte(',')
		bw.WriteString(d.Type)
		bw.WriteByte(',')
		bw.WriteString(d.Number)
		bw.WriteByte(',')
		bw.WriteString(d.End)
		bw.WriteByte(',')
		bw.WriteString(d.Reason)
		bw.WriteByte(',')
		bw.WriteString(d.Source)
		if err := bw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return bw.Flush()
}
