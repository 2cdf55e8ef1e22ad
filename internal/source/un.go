package source

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"lookout/internal/bundle"
)

// unIndividual mirrors the INDIVIDUAL element of the UN consolidated list
// (https://www.un.org/sc/resources/sc-sanctions.xsd).
type unIndividual struct {
	DataID      string   `xml:"DATAID"`
	First       string   `xml:"FIRST_NAME"`
	Second      string   `xml:"SECOND_NAME"`
	Third       string   `xml:"THIRD_NAME"`
	Fourth      string   `xml:"FOURTH_NAME"`
	Original    string   `xml:"NAME_ORIGINAL_SCRIPT"`
	ListType    string   `xml:"UN_LIST_TYPE"`
	Reference   string   `xml:"REFERENCE_NUMBER"`
	ListedOn    string   `xml:"LISTED_ON"`
	Gender      string   `xml:"GENDER"`
	Comments    string   `xml:"COMMENTS1"`
	Titles      []string `xml:"TITLE>VALUE"`
	Designation []string `xml:"DESIGNATION>VALUE"`
	Nationality []string `xml:"NATIONALITY>VALUE"`
	Aliases     []struct {
		Quality string `xml:"QUALITY"`
		Name    string `xml:"ALIAS_NAME"`
	} `xml:"INDIVIDUAL_ALIAS"`
	DOBs []struct {
		Type     string `xml:"TYPE_OF_DATE"`
		Date     string `xml:"DATE"`
		Year     string `xml:"YEAR"`
		FromYear string `xml:"FROM_YEAR"`
		ToYear   string `xml:"TO_YEAR"`
	} `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	POBs []struct {
		City    string `xml:"CITY"`
		State   string `xml:"STATE_PROVINCE"`
		Country string `xml:"COUNTRY"`
	} `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents []struct {
		Type          string `xml:"TYPE_OF_DOCUMENT"`
		Type2         string `xml:"TYPE_OF_DOCUMENT2"`
		Number        string `xml:"NUMBER"`
		IssuingCounty string `xml:"ISSUING_COUNTRY"`
		CountryIssue  string `xml:"COUNTRY_OF_ISSUE"`
		DateOfIssue   string `xml:"DATE_OF_ISSUE"`
		Note          string `xml:"NOTE"`
	} `xml:"INDIVIDUAL_DOCUMENT"`
}

type unEntity struct {
	DataID    string `xml:"DATAID"`
	First     string `xml:"FIRST_NAME"`
	ListType  string `xml:"UN_LIST_TYPE"`
	Reference string `xml:"REFERENCE_NUMBER"`
	Comments  string `xml:"COMMENTS1"`
	Aliases   []struct {
		Quality string `xml:"QUALITY"`
		Name    string `xml:"ALIAS_NAME"`
	} `xml:"ENTITY_ALIAS"`
}

// ReadUN imports the UN Security Council consolidated list XML. Ids are
// "un:REFERENCE_NUMBER" (e.g. "un:QDi.430"); alias quality "Good" becomes
// a strong name and "Low" a weak one. The Al-Qaida/ISIL (QD) and Taliban
// (TA) lists are categorised as terrorist, the others as sanctions.
func ReadUN(r io.Reader, name string, opt Options) (*bundle.Source, Counts, error) {
	dec := xml.NewDecoder(r)
	src := &bundle.Source{}
	seen := map[string]bool{}
	var c Counts
	sawRoot := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, Counts{}, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line, _ := dec.InputPos()
		switch se.Name.Local {
		case "CONSOLIDATED_LIST":
			sawRoot = true
		case "INDIVIDUAL":
			var u unIndividual
			if err := dec.DecodeElement(&u, &se); err != nil {
				return nil, Counts{}, fmt.Errorf("%s:%d: INDIVIDUAL: %v", name, line, err)
			}
			e, err := unEntry(&u)
			if err != nil {
				return nil, Counts{}, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			if seen[e.ID] {
				return nil, Counts{}, fmt.Errorf("%s:%d: duplicate reference number %s", name, line, u.Reference)
			}
			seen[e.ID] = true
			if limitEntry(&e) {
				c.Truncated++
			}
			src.Entries = append(src.Entries, e)
		case "ENTITY":
			if !opt.AllTypes {
				c.Skipped++
				if err := dec.Skip(); err != nil {
					return nil, Counts{}, fmt.Errorf("%s:%d: ENTITY: %v", name, line, err)
				}
				continue
			}
			var u unEntity
			if err := dec.DecodeElement(&u, &se); err != nil {
				return nil, Counts{}, fmt.Errorf("%s:%d: ENTITY: %v", name, line, err)
			}
			id := unID(u.Reference, u.DataID)
			full := clean(u.First)
			if id == "" || full == "" {
				return nil, Counts{}, fmt.Errorf("%s:%d: ENTITY without reference number or name", name, line)
			}
			if seen[id] {
				return nil, Counts{}, fmt.Errorf("%s:%d: duplicate reference number %s", name, line, u.Reference)
			}
			seen[id] = true
			e := bundle.Entry{ID: id, Category: unCategory(u.Reference), Program: clean(u.ListType), Type: "entity", Remarks: clean(u.Comments)}
			e.Names = []bundle.Name{{Full: full, Kind: bundle.NamePrimary}}
			for _, a := range u.Aliases {
				addName(&e, bundle.Name{Full: clean(a.Name), Kind: unQuality(a.Quality)})
			}
			if limitEntry(&e) {
				c.Truncated++
			}
			src.Entries = append(src.Entries, e)
		}
	}
	if !sawRoot {
		return nil, Counts{}, fmt.Errorf("%s: no CONSOLIDATED_LIST element: not a UN consolidated list", name)
	}
	cc := count(src)
	cc.Skipped, cc.Truncated = c.Skipped, c.Truncated
	return src, cc, nil
}

func unID(ref, dataID string) string {
	ref = clean(ref)
	if ref == "" {
		ref = clean(dataID)
	}
	if ref == "" {
		return ""
	}
	return "un:" + ref
}

func unCategory(ref string) string {
	if strings.HasPrefix(ref, "QD") || strings.HasPrefix(ref, "TA") {
		return bundle.CatTerrorist
	}
	return bundle.CatSanctions
}

func unQuality(q string) string {
	if strings.EqualFold(strings.TrimSpace(q), "low") {
		return bundle.NameWeak
	}
	return bundle.NameStrong
}

// clean collapses whitespace (the XML has stray spaces and newlines).
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func unEntry(u *unIndividual) (bundle.Entry, error) {
	id := unID(u.Reference, u.DataID)
	var parts []string
	for _, p := range []string{u.First, u.Second, u.Third, u.Fourth} {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	if id == "" || len(parts) == 0 {
		return bundle.Entry{}, fmt.Errorf("INDIVIDUAL %q without reference number or name", u.DataID)
	}
	e := bundle.Entry{ID: id, Category: unCategory(u.Reference), Program: clean(u.ListType), Type: "individual"}
	e.Names = []bundle.Name{{Full: strings.Join(parts, " "), Kind: bundle.NamePrimary}}
	if o := clean(u.Original); o != "" {
		addName(&e, bundle.Name{Full: o, Kind: bundle.NameStrong})
	}
	for _, a := range u.Aliases {
		// One ALIAS_NAME sometimes holds several spellings separated by
		// ";" ("Azim Adhajani; Azim Agha-Jani"): each is a name.
		for _, n := range strings.Split(a.Name, ";") {
			addName(&e, bundle.Name{Full: clean(n), Kind: unQuality(a.Quality)})
		}
	}
	switch strings.ToLower(clean(u.Gender)) {
	case "male":
		e.Sex = "M"
	case "female":
		e.Sex = "F"
	}
	for _, d := range u.DOBs {
		var ds bundle.DateSpec
		switch {
		case clean(d.FromYear) != "" && clean(d.ToYear) != "":
			ds = bundle.DateSpec{Date: clean(d.FromYear), To: clean(d.ToYear)}
		case clean(d.Date) != "":
			ds.Date = clean(d.Date)
		case clean(d.Year) != "":
			ds.Date = clean(d.Year)
		default:
			continue
		}
		ds.Circa = strings.EqualFold(clean(d.Type), "APPROXIMATELY")
		if len(ds.Date) > 10 { // "1960-01-01T00:00:00" forms
			ds.Date = ds.Date[:10]
		}
		if !bundle.ValidPartialDate(ds.Date) || (ds.To != "" && !bundle.ValidPartialDate(ds.To)) {
			continue
		}
		e.DOBs = appendDate(e.DOBs, ds)
	}
	for _, p := range u.POBs {
		var place []string
		for _, s := range []string{p.City, p.State, p.Country} {
			if s = clean(s); s != "" {
				place = append(place, s)
			}
		}
		e.POBs = appendUnique(e.POBs, strings.Join(place, ", "))
	}
	for _, n := range u.Nationality {
		e.Nationalities = appendUnique(e.Nationalities, countryOrName(clean(n)))
	}
	for _, d := range u.Documents {
		num := strings.Join(strings.Fields(d.Number), "")
		if num == "" {
			continue
		}
		ref := bundle.DocRef{Type: "other", Number: num}
		t := strings.ToLower(clean(d.Type))
		switch {
		case strings.Contains(t, "passport"):
			ref.Type = "passport"
		case strings.Contains(t, "identification") || strings.Contains(t, "national id") || strings.Contains(t, "identity"):
			ref.Type = "national-id"
		}
		state := clean(d.IssuingCounty)
		if state == "" {
			state = clean(d.CountryIssue)
		}
		if state != "" {
			ref.State = countryOrName(state)
		}
		var note []string
		for _, s := range []string{clean(d.Type2), clean(d.DateOfIssue), clean(d.Note)} {
			if s != "" {
				note = append(note, s)
			}
		}
		if ref.Type == "other" && clean(d.Type) != "" {
			note = append([]string{clean(d.Type)}, note...)
		}
		ref.Note = strings.Join(note, "; ")
		e.Documents = append(e.Documents, ref)
	}
	var rem []string
	if len(u.Titles) > 0 {
		rem = append(rem, "Title: "+clean(strings.Join(u.Titles, ", ")))
	}
	if len(u.Designation) > 0 {
		rem = append(rem, "Designation: "+clean(strings.Join(u.Designation, ", ")))
	}
	if s := clean(u.ListedOn); s != "" {
		rem = append(rem, "Listed on: "+s)
	}
	if s := clean(u.Comments); s != "" {
		rem = append(rem, s)
	}
	e.Remarks = strings.Join(rem, "; ")
	return e, nil
}
