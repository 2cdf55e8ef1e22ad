package source

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"lookout/internal/bundle"
)

// Generic list CSV columns (docs/bundle-format.md, appendix A).
var csvColumns = []string{"id", "name", "aliases", "dob", "pob", "nationality", "documents", "category", "remarks", "action", "sex"}

// ReadCSV imports the generic list CSV: a header row naming columns from
// id, name, aliases, dob, pob, nationality, documents, category, remarks,
// action and sex in any order (id and name required), then one person per
// row; ";" separates items inside a cell. Errors name the line and column.
func ReadCSV(r io.Reader, name string) (*bundle.Source, Counts, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, Counts{}, fmt.Errorf("%s: empty file (want a header row)", name)
	}
	if err != nil {
		return nil, Counts{}, fmt.Errorf("%s: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		known := false
		for _, c := range csvColumns {
			known = known || c == h
		}
		if !known {
			return nil, Counts{}, fmt.Errorf("%s:1: column %d: unknown column %q (known: %s)", name, i+1, h, strings.Join(csvColumns, ", "))
		}
		if _, dup := col[h]; dup {
			return nil, Counts{}, fmt.Errorf("%s:1: column %d: duplicate column %q", name, i+1, h)
		}
		col[h] = i
	}
	for _, req := range []string{"id", "name"} {
		if _, ok := col[req]; !ok {
			return nil, Counts{}, fmt.Errorf("%s:1: missing required column %q", name, req)
		}
	}
	src := &bundle.Source{}
	seen := map[string]int{}
	var c Counts
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, Counts{}, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if len(rec) != len(header) {
			return nil, Counts{}, fmt.Errorf("%s:%d: %d fields, the header has %d", name, line, len(rec), len(header))
		}
		e, column, err := csvEntry(get)
		if err != nil {
			return nil, Counts{}, fmt.Errorf("%s:%d: column %q: %v", name, line, column, err)
		}
		if prev, dup := seen[e.ID]; dup {
			return nil, Counts{}, fmt.Errorf("%s:%d: column \"id\": duplicate id %q (first on line %d)", name, line, e.ID, prev)
		}
		seen[e.ID] = line
		if limitEntry(&e) {
			c.Truncated++
		}
		src.Entries = append(src.Entries, e)
	}
	cc := count(src)
	cc.Truncated = c.Truncated
	return src, cc, nil
}

// items splits a cell on ";" and drops empty items.
func items(cell string) []string {
	var out []string
	for _, s := range strings.Split(cell, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// csvName reads "SURNAME, GIVEN NAMES" (with a comma) or a name in
// natural order.
func csvName(s, kind string) bundle.Name {
	n := bundle.Name{Full: strings.Join(strings.Fields(s), " "), Kind: kind}
	if sur, given, ok := strings.Cut(n.Full, ","); ok {
		n.Surname, n.Given = strings.TrimSpace(sur), strings.TrimSpace(given)
		n.Full = n.Surname + ", " + n.Given
	}
	return n
}

func csvEntry(get func(string) string) (bundle.Entry, string, error) {
	var e bundle.Entry
	id := get("id")
	if id == "" {
		return e, "id", errors.New("empty id")
	}
	if !strings.Contains(id, ":") {
		id = "csv:" + id
	}
	e.ID = id
	nm := get("name")
	if nm == "" {
		return e, "name", errors.New("empty name")
	}
	if strings.Contains(nm, ";") {
		return e, "name", errors.New("one primary name only (put other names in aliases)")
	}
	e.Names = []bundle.Name{csvName(nm, bundle.NamePrimary)}
	if e.Names[0].Full == "," || e.Names[0].Full == "" {
		return e, "name", fmt.Errorf("%q is not a name", nm)
	}
	for _, a := range items(get("aliases")) {
		kind := bundle.NameStrong
		if rest, ok := strings.CutPrefix(a, "weak:"); ok {
			kind, a = bundle.NameWeak, rest
		} else if rest, ok := strings.CutPrefix(a, "former:"); ok {
			kind, a = bundle.NameFormer, rest
		} else if rest, ok := strings.CutPrefix(a, "strong:"); ok {
			a = rest
		}
		if strings.TrimSpace(a) == "" {
			return e, "aliases", errors.New("empty alias")
		}
		addName(&e, csvName(a, kind))
	}
	for _, d := range items(get("dob")) {
		ds, err := csvDate(d)
		if err != nil {
			return e, "dob", err
		}
		e.DOBs = appendDate(e.DOBs, ds)
	}
	for _, p := range items(get("pob")) {
		e.POBs = appendUnique(e.POBs, p)
	}
	for _, n := range items(get("nationality")) {
		code, err := csvCountry(n)
		if err != nil {
			return e, "nationality", err
		}
		e.Nationalities = appendUnique(e.Nationalities, code)
	}
	for _, d := range items(get("documents")) {
		parts := strings.SplitN(d, ":", 3)
		if len(parts) != 3 || parts[2] == "" {
			return e, "documents", fmt.Errorf("%q is not TYPE:STATE:NUMBER", d)
		}
		typ := strings.ToLower(strings.TrimSpace(parts[0]))
		switch typ {
		case "passport", "national-id", "other":
		case "p":
			typ = "passport"
		case "id", "i":
			typ = "national-id"
		default:
			return e, "documents", fmt.Errorf("%q: document type %q is not passport, national-id or other", d, parts[0])
		}
		state := ""
		if s := strings.TrimSpace(parts[1]); s != "" {
			code, err := csvCountry(s)
			if err != nil {
				return e, "documents", fmt.Errorf("%q: %v", d, err)
			}
			state = code
		}
		num := strings.ToUpper(strings.Join(strings.Fields(parts[2]), ""))
		e.Documents = append(e.Documents, bundle.DocRef{Type: typ, State: state, Number: num})
	}
	cat := strings.ToLower(get("category"))
	switch cat {
	case "":
		cat = bundle.CatOther
	case bundle.CatTerrorist, bundle.CatSanctions, bundle.CatWarrant, bundle.CatDeported, bundle.CatDocumentFraud, bundle.CatOther:
	default:
		return e, "category", fmt.Errorf("%q is not one of terrorist, sanctions, warrant, deported, document-fraud, other", cat)
	}
	e.Category = cat
	e.Remarks = get("remarks")
	e.Action = get("action")
	switch strings.ToUpper(get("sex")) {
	case "":
	case "M", "MALE":
		e.Sex = "M"
	case "F", "FEMALE":
		e.Sex = "F"
	default:
		return e, "sex", fmt.Errorf("%q is not M, F or empty", get("sex"))
	}
	return e, "", nil
}

// csvDate reads YYYY, YYYY-MM, YYYY-MM-DD, a range A..B, each optionally
// prefixed with "~" for circa.
func csvDate(s string) (bundle.DateSpec, error) {
	var d bundle.DateSpec
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		d.Circa, s = true, strings.TrimSpace(rest)
	}
	from, to, isRange := strings.Cut(s, "..")
	d.Date = strings.TrimSpace(from)
	if !bundle.ValidPartialDate(d.Date) {
		return d, fmt.Errorf("%q is not YYYY, YYYY-MM, YYYY-MM-DD, a range A..B or ~YYYY", s)
	}
	if isRange {
		d.To = strings.TrimSpace(to)
		if !bundle.ValidPartialDate(d.To) || d.To < d.Date {
			return d, fmt.Errorf("%q is not a range of dates from earlier to later", s)
		}
	}
	return d, nil
}

// csvCountry accepts an upper-case code of one to three letters (ICAO
// codes such as "D" or "GBD" included) or a known country name.
func csvCountry(s string) (string, error) {
	s = strings.TrimSpace(s)
	if isCode(s) {
		return s, nil
	}
	if c, ok := countryCode(s); ok {
		return c, nil
	}
	return "", fmt.Errorf("unknown country %q (use an alpha-3 code)", s)
}

func isCode(s string) bool {
	if len(s) < 1 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
