// Package source imports watchlists into bundle entries and document
// lookouts. Each importer reads one source format and returns a
// *bundle.Source and Counts; Open dispatches a "kind:path" spec as given
// to "lookout bundle build":
//
//	ofac-sdn:DIR     OFAC legacy CSV (sdn.csv, optional alt.csv and add.csv)
//	un:FILE          UN Security Council consolidated list XML
//	csv:FILE         the generic list CSV (ReadCSV; docs/bundle-format.md, appendix A)
//	documents:FILE   lost/stolen/revoked document numbers (ReadDocuments; appendix B)
//
// Importers are deterministic: the same input gives the same entries in
// the same order. Bad input is an error naming the file, line and column,
// never a panic.
package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"lookout/internal/bundle"
)

// Options adjust what the importers keep.
type Options struct {
	// AllTypes keeps entities, vessels and aircraft; by default only
	// individuals are imported (Lookout screens travelers).
	AllTypes bool
}

// Counts summarise an import.
type Counts struct {
	Entries   int
	Aliases   int // names other than the primary one
	DOBs      int
	Documents int // identity documents held by listed people
	Lookouts  int // document lookout lines (numbers or ranges)
	Skipped   int // records left out (other party types)
	Truncated int // entries that had more names, dates or documents than the format holds
}

// Add accumulates another import's counts.
func (c *Counts) Add(o Counts) {
	c.Entries += o.Entries
	c.Aliases += o.Aliases
	c.DOBs += o.DOBs
	c.Documents += o.Documents
	c.Lookouts += o.Lookouts
	c.Skipped += o.Skipped
	c.Truncated += o.Truncated
}

func (c Counts) String() string {
	s := fmt.Sprintf("%d entries, %d aliases, %d dates of birth, %d documents", c.Entries, c.Aliases, c.DOBs, c.Documents)
	if c.Lookouts > 0 {
		s += fmt.Sprintf(", %d document lookouts", c.Lookouts)
	}
	if c.Skipped > 0 {
		s += fmt.Sprintf(" (%d non-individual records skipped)", c.Skipped)
	}
	if c.Truncated > 0 {
		s += fmt.Sprintf(" (%d entries truncated to the format's limits)", c.Truncated)
	}
	return s
}

// count tallies entries and lookouts of a source.
func count(src *bundle.Source) Counts {
	var c Counts
	c.Entries = len(src.Entries)
	for i := range src.Entries {
		e := &src.Entries[i]
		if len(e.Names) > 1 {
			c.Aliases += len(e.Names) - 1
		}
		c.DOBs += len(e.DOBs)
		c.Documents += len(e.Documents)
	}
	c.Lookouts = len(src.DocLookouts)
	return c
}

// Kinds lists the source kinds Open understands.
var Kinds = []string{"ofac-sdn", "un", "csv", "documents"}

// Open imports one "kind:path" source.
func Open(spec string, opt Options) (*bundle.Source, Counts, error) {
	kind, path, ok := strings.Cut(spec, ":")
	if !ok || path == "" {
		return nil, Counts{}, fmt.Errorf("source %q: want KIND:PATH with KIND one of %s", spec, strings.Join(Kinds, ", "))
	}
	switch kind {
	case "ofac-sdn":
		return OFACDir(path, opt)
	case "un", "csv", "documents":
		f, err := os.Open(path)
		if err != nil {
			return nil, Counts{}, err
		}
		defer f.Close()
		name := filepath.Base(path)
		switch kind {
		case "un":
			return ReadUN(f, name, opt)
		case "csv":
			return ReadCSV(f, name)
		default:
			return ReadDocuments(f, name)
		}
	}
	return nil, Counts{}, fmt.Errorf("source %q: unknown kind %q (want one of %s)", spec, kind, strings.Join(Kinds, ", "))
}

// maxRemarks keeps remarks well under the format's 64 KiB string cap.
const maxRemarks = 16 << 10

// limitEntry trims an entry to the bundle format's per-entry limits and
// reports whether anything was cut.
func limitEntry(e *bundle.Entry) bool {
	cut := false
	if len(e.Names) > bundle.MaxNames {
		e.Names, cut = e.Names[:bundle.MaxNames], true
	}
	if len(e.DOBs) > bundle.MaxDOBs {
		e.DOBs, cut = e.DOBs[:bundle.MaxDOBs], true
	}
	if len(e.POBs) > bundle.MaxPOBs {
		e.POBs, cut = e.POBs[:bundle.MaxPOBs], true
	}
	if len(e.Nationalities) > bundle.MaxNationalities {
		e.Nationalities, cut = e.Nationalities[:bundle.MaxNationalities], true
	}
	if len(e.Documents) > bundle.MaxDocuments {
		e.Documents, cut = e.Documents[:bundle.MaxDocuments], true
	}
	if len(e.Remarks) > maxRemarks {
		r := e.Remarks[:maxRemarks]
		for len(r) > 0 && !utf8.RuneStart(e.Remarks[len(r)]) {
			r = r[:len(r)-1]
		}
		e.Remarks, cut = r+"…", true
	}
	return cut
}

// appendUnique appends s unless empty or already present.
func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}
