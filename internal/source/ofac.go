package source

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"lookout/internal/bundle"
)

// OFACDir imports OFAC's legacy CSV files from dir: sdn.csv (required),
// alt.csv and add.csv (optional).
func OFACDir(dir string, opt Options) (*bundle.Source, Counts, error) {
	sdn, err := os.ReadFile(filepath.Join(dir, "sdn.csv"))
	if err != nil {
		return nil, Counts{}, err
	}
	optional := func(name string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return b, err
	}
	alt, err := optional("alt.csv")
	if err != nil {
		return nil, Counts{}, err
	}
	add, err := optional("add.csv")
	if err != nil {
		return nil, Counts{}, err
	}
	return ReadOFAC(sdn, alt, add, opt)
}

// OFAC legacy CSV columns.
const (
	sdnEntNum = iota
	sdnName
	sdnType
	sdnProgram
	sdnTitle
	sdnCallSign
	sdnVessType
	sdnTonnage
	sdnGRT
	sdnVessFlag
	sdnVessOwner
	sdnRemarks
	sdnColumns
)

// ReadOFAC imports the contents of sdn.csv, alt.csv and add.csv (alt and
// add may be nil). Entries keep sdn.csv's order; ids are "ofac-sdn:ENT_NUM".
func ReadOFAC(sdn, alt, add []byte, opt Options) (*bundle.Source, Counts, error) {
	rows, err := readOFACCSV(sdn, "sdn.csv", sdnColumns)
	if err != nil {
		return nil, Counts{}, err
	}
	src := &bundle.Source{}
	index := map[string]int{} // ent_num -> entry index
	var c Counts
	for _, r := range rows {
		f := r.fields
		id := f[sdnEntNum]
		if _, err := strconv.ParseUint(id, 10, 32); err != nil {
			return nil, Counts{}, fmt.Errorf("sdn.csv:%d: column 1 (ent_num): %q is not a number", r.line, id)
		}
		if _, dup := index[id]; dup {
			return nil, Counts{}, fmt.Errorf("sdn.csv:%d: duplicate ent_num %s", r.line, id)
		}
		typ := f[sdnType]
		if typ == "" {
			typ = "entity"
		}
		if typ != "individual" && !opt.AllTypes {
			c.Skipped++
			index[id] = -1
			continue
		}
		if f[sdnName] == "" {
			return nil, Counts{}, fmt.Errorf("sdn.csv:%d: column 2 (name) is empty", r.line)
		}
		e := bundle.Entry{
			ID:       "ofac-sdn:" + id,
			Category: bundle.CatSanctions,
			Program:  f[sdnProgram],
			Type:     typ,
			Remarks:  f[sdnRemarks],
			Action:   "",
		}
		for _, p := range programs(f[sdnProgram]) {
			if p == "SDGT" || p == "FTO" {
				e.Category = bundle.CatTerrorist
			}
		}
		e.Names = append(e.Names, ofacName(f[sdnName], typ, bundle.NamePrimary))
		if f[sdnTitle] != "" {
			e.Remarks = joinRemarks("Title: "+f[sdnTitle], e.Remarks)
		}
		parseOFACRemarks(&e, f[sdnRemarks])
		index[id] = len(src.Entries)
		src.Entries = append(src.Entries, e)
	}
	if alt != nil {
		altRows, err := readOFACCSV(alt, "alt.csv", 5)
		if err != nil {
			return nil, Counts{}, err
		}
		for _, r := range altRows {
			i, ok := index[r.fields[0]]
			if !ok {
				return nil, Counts{}, fmt.Errorf("alt.csv:%d: ent_num %s is not in sdn.csv", r.line, r.fields[0])
			}
			if i < 0 || r.fields[3] == "" {
				continue
			}
			e := &src.Entries[i]
			kind := bundle.NameStrong
			switch strings.ToLower(r.fields[2]) {
			case "fka":
				kind = bundle.NameFormer
			case "aka", "nka":
			default:
				return nil, Counts{}, fmt.Errorf("alt.csv:%d: column 3 (alt_type): unknown type %q", r.line, r.fields[2])
			}
			if strings.Contains(strings.ToLower(r.fields[4]), "low quality") {
				kind = bundle.NameWeak
			}
			addName(e, ofacName(r.fields[3], e.Type, kind))
		}
	}
	if add != nil {
		addRows, err := readOFACCSV(add, "add.csv", 6)
		if err != nil {
			return nil, Counts{}, err
		}
		for _, r := range addRows {
			i, ok := index[r.fields[0]]
			if !ok {
				return nil, Counts{}, fmt.Errorf("add.csv:%d: ent_num %s is not in sdn.csv", r.line, r.fields[0])
			}
			if i < 0 {
				continue
			}
			var parts []string
			for _, p := range r.fields[2:5] {
				if p != "" {
					parts = append(parts, p)
				}
			}
			if len(parts) > 0 {
				e := &src.Entries[i]
				e.Remarks = joinRemarks(e.Remarks, "Address: "+strings.Join(parts, ", "))
			}
		}
	}
	for i := range src.Entries {
		if limitEntry(&src.Entries[i]) {
			c.Truncated++
		}
	}
	cc := count(src)
	cc.Skipped, cc.Truncated = c.Skipped, c.Truncated
	return src, cc, nil
}

type csvRow struct {
	line   int
	fields []string
}

// readOFACCSV reads OFAC's headerless CSV: "-0-" (with or without a
// trailing space) is null, the file may end with a 0x1A (DOS EOF) byte.
func readOFACCSV(data []byte, name string, columns int) ([]csvRow, error) {
	data = bytes.TrimRight(data, "\x1a\r\n ")
	if len(data) == 0 {
		return nil, nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var rows []csvRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != columns {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", name, line, len(rec), columns)
		}
		f := make([]string, columns)
		for i, v := range rec {
			v = strings.TrimSpace(v)
			if v == "-0-" {
				v = ""
			}
			f[i] = v
		}
		rows = append(rows, csvRow{line: line, fields: f})
	}
	return rows, nil
}

// programs splits OFAC's "SDGT] [IRGC" program field.
func programs(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '[' || r == ']' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ofacName splits "SURNAME, Given Names" for individuals; other parties'
// names are kept whole.
func ofacName(s, typ, kind string) bundle.Name {
	n := bundle.Name{Full: s, Kind: kind}
	if typ == "individual" {
		if sur, given, ok := strings.Cut(s, ", "); ok {
			n.Surname, n.Given = strings.TrimSpace(sur), strings.TrimSpace(given)
		}
	}
	return n
}

func addName(e *bundle.Entry, n bundle.Name) {
	n.Full = strings.TrimSpace(n.Full)
	if n.Full == "" {
		return
	}
	for _, m := range e.Names {
		if strings.EqualFold(m.Full, n.Full) {
			return
		}
	}
	e.Names = append(e.Names, n)
}

func joinRemarks(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

var (
	reAKA     = regexp.MustCompile(`^([afn])\.k\.a\.,? '(.+)'$`)
	reDoc     = regexp.MustCompile(`^(?:alt\. )?(Passport|Diplomatic Passport|Stateless Person Passport|National ID No\.|Cedula No\.|Identification Number|Turkish Identification Number|D\.N\.I\.|C\.U\.R\.P\.|Personal ID Card|National Foreign ID Number|Foreign ID Number|Cedula de Identidad|Credencial electoral|Residency Number|Refugee ID Card|Kenyan ID No\.|Travel Document Number|Tazkira National ID Card|Bosnian Personal ID No\.|British National Overseas Passport|Moroccan Personal ID No\.|Pakistani Passport|Italian Fiscal Code) (.+)$`)
	reDocRest = regexp.MustCompile(`^(.*?)(?: \(([^()]+)\))?((?: (?:issued|expires|Issue Date|Expiration Date)\b.*)?)$`)
)

// parseOFACRemarks extracts the structured facts OFAC writes into an
// individual's remarks: dates and places of birth, nationality and
// citizenship, gender, passport and national ID numbers with their
// country, and the quoted weak a.k.a.s.
func parseOFACRemarks(e *bundle.Entry, remarks string) {
	remarks = strings.TrimSuffix(strings.TrimSpace(remarks), ".")
	for _, item := range splitRemarks(remarks) {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		plain := strings.TrimPrefix(item, "alt. ")
		switch {
		case strings.HasPrefix(plain, "DOB "):
			if d, ok := parseOFACDate(plain[4:]); ok {
				e.DOBs = appendDate(e.DOBs, d)
			}
		case strings.HasPrefix(plain, "POB "):
			e.POBs = appendUnique(e.POBs, strings.TrimSpace(plain[4:]))
		case strings.HasPrefix(plain, "nationality "):
			e.Nationalities = appendUnique(e.Nationalities, countryOrName(plain[12:]))
		case strings.HasPrefix(plain, "citizen "):
			e.Nationalities = appendUnique(e.Nationalities, countryOrName(plain[8:]))
		case plain == "Gender Male":
			e.Sex = "M"
		case plain == "Gender Female":
			e.Sex = "F"
		default:
			if m := reAKA.FindStringSubmatch(plain); m != nil {
				kind := bundle.NameWeak
				if m[1] == "f" {
					kind = bundle.NameFormer
				}
				addName(e, ofacName(m[2], e.Type, kind))
			} else if m := reDoc.FindStringSubmatch(plain); m != nil {
				if d, ok := ofacDocument(m[1], m[2]); ok {
					e.Documents = append(e.Documents, d)
				}
			}
		}
	}
}

// splitRemarks splits on "; " outside single-quoted a.k.a. names.
func splitRemarks(s string) []string {
	var out []string
	start := 0
	quoted := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			// An apostrophe inside a name (ABU-'UMAR) is followed by a
			// letter; a closing quote is followed by ";", "." or the end.
			if !quoted && i >= 7 && strings.HasSuffix(s[:i], "k.a. ") {
				quoted = true
			} else if quoted && (i+1 == len(s) || s[i+1] == ';' || s[i+1] == '.' || s[i+1] == ',') {
				quoted = false
			}
		case ';':
			if !quoted {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func ofacDocument(kind, rest string) (bundle.DocRef, bool) {
	m := reDocRest.FindStringSubmatch(rest)
	if m == nil {
		return bundle.DocRef{}, false
	}
	num := strings.Join(strings.Fields(m[1]), "")
	if num == "" || !strings.ContainsAny(num, "0123456789") || strings.HasPrefix(m[1], "issued") {
		return bundle.DocRef{}, false
	}
	d := bundle.DocRef{Type: "national-id", Number: num, Note: strings.TrimSpace(m[3])}
	if strings.Contains(kind, "Passport") || kind == "Travel Document Number" {
		d.Type = "passport"
	}
	if kind != "Passport" && kind != "National ID No." {
		d.Note = strings.TrimSpace(kind + " " + d.Note)
	}
	if m[2] != "" {
		d.State = countryOrName(m[2])
	}
	return d, true
}

var months = map[string]string{
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
	"jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12",
}

// parseOFACDate reads OFAC's date forms: "10 Dec 1948", "Dec 1948",
// "1948", "circa 1955" and ranges "1955 to 1958", "01 Jan 1960 to 31 Dec
// 1962".
func parseOFACDate(s string) (bundle.DateSpec, bool) {
	s = strings.TrimSpace(s)
	var d bundle.DateSpec
	if rest, ok := strings.CutPrefix(s, "circa "); ok {
		d.Circa = true
		s = rest
	}
	from, to, isRange := strings.Cut(s, " to ")
	// "1979-1982" is a range of years too.
	if !isRange && len(s) == 9 && s[4] == '-' {
		from, to, isRange = s[:4], s[5:], true
	}
	var ok bool
	if d.Date, ok = ofacDay(from); !ok {
		return d, false
	}
	if isRange {
		if d.To, ok = ofacDay(to); !ok {
			return d, false
		}
	}
	return d, true
}

func ofacDay(s string) (string, bool) {
	f := strings.Fields(s)
	var out string
	switch len(f) {
	case 1:
		out = f[0]
	case 2:
		m, ok := months[strings.ToLower(f[0])]
		if !ok {
			return "", false
		}
		out = f[1] + "-" + m
	case 3:
		m, ok := months[strings.ToLower(f[1])]
		if !ok || len(f[0]) > 2 {
			return "", false
		}
		day := f[0]
		if len(day) == 1 {
			day = "0" + day
		}
		out = f[2] + "-" + m + "-" + day
	default:
		return "", false
	}
	return out, bundle.ValidPartialDate(out)
}

func appendDate(list []bundle.DateSpec, d bundle.DateSpec) []bundle.DateSpec {
	for _, v := range list {
		if v == d {
			return list
		}
	}
	return append(list, d)
}
