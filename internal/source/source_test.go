package source

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"lookout/internal/bundle"
)

func TestOFACFixtureBecomesStructuredEntries(t *testing.T) {
	src, c, err := OFACDir("testdata/ofac", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Entries != 2 || c.Skipped != 1 {
		t.Fatalf("counts = %v", c)
	}
	want := bundle.Entry{
		ID:       "ofac-sdn:2674",
		Category: bundle.CatTerrorist,
		Program:  "SDGT",
		Type:     "individual",
		Sex:      "M",
		Names: []bundle.Name{
			{Full: "ABBAS, Abu", Surname: "ABBAS", Given: "Abu", Kind: bundle.NamePrimary},
			{Full: "ABU-'UMAR", Kind: bundle.NameWeak},
			{Full: "THE CHESS PLAYER", Kind: bundle.NameWeak},
			{Full: "ABBAS, Mohammed", Surname: "ABBAS", Given: "Mohammed", Kind: bundle.NameStrong},
			{Full: "ZAIDAN, Muhammad", Surname: "ZAIDAN", Given: "Muhammad", Kind: bundle.NameFormer},
		},
		DOBs:          []bundle.DateSpec{{Date: "1948-12-10"}, {Date: "1950", Circa: true}},
		POBs:          []string{"Giza, Egypt"},
		Nationalities: []string{"EGY", "JOR"},
		Documents: []bundle.DocRef{
			{Type: "passport", Number: "1084010", State: "EGY", Note: "issued 18 Jan 1984"},
			{Type: "passport", Number: "B960789"},
			{Type: "national-id", Number: "123-45", State: "JOR"},
		},
	}
	got := src.Entries[0]
	if !strings.HasPrefix(got.Remarks, "Title: Director of PALESTINE LIBERATION FRONT; DOB 10 Dec 1948") || !strings.HasSuffix(got.Remarks, "Address: Damascus, Syria") {
		t.Errorf("remarks = %q", got.Remarks)
	}
	got.Remarks = ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entry\n got %+v\nwant %+v", got, want)
	}
	g := src.Entries[1]
	if g.Category != bundle.CatSanctions || len(g.DOBs) != 3 || g.DOBs[0] != (bundle.DateSpec{Date: "1957-04-04", To: "1957-12-25"}) ||
		g.DOBs[1].Date != "1954-12" || g.DOBs[2] != (bundle.DateSpec{Date: "1955", To: "1956"}) {
		t.Errorf("second entry DOBs = %+v category %s", g.DOBs, g.Category)
	}
	if len(g.Names) != 2 || g.Names[1].Kind != bundle.NameWeak {
		t.Errorf("a low-quality alt.csv alias is weak: %+v", g.Names)
	}
	if len(g.Documents) != 2 || g.Documents[1] != (bundle.DocRef{Type: "national-id", Number: "V-1234", State: "VEN", Note: "Cedula No."}) {
		t.Errorf("documents = %+v", g.Documents)
	}
}

func TestOFACDateForms(t *testing.T) {
	cases := []struct {
		in   string
		want bundle.DateSpec
		ok   bool
	}{
		{"10 Dec 1948", bundle.DateSpec{Date: "1948-12-10"}, true},
		{"1 Jan 1960", bundle.DateSpec{Date: "1960-01-01"}, true},
		{"Dec 1948", bundle.DateSpec{Date: "1948-12"}, true},
		{"1946", bundle.DateSpec{Date: "1946"}, true},
		{"circa 1955", bundle.DateSpec{Date: "1955", Circa: true}, true},
		{"1955 to 1958", bundle.DateSpec{Date: "1955", To: "1958"}, true},
		{"01 Jan 1960 to 31 Dec 1962", bundle.DateSpec{Date: "1960-01-01", To: "1962-12-31"}, true},
		{"Mar 1960 to Mar 1962", bundle.DateSpec{Date: "1960-03", To: "1962-03"}, true},
		{"circa 1979-1982", bundle.DateSpec{Date: "1979", To: "1982", Circa: true}, true},
		{"31 Feb 1960", bundle.DateSpec{}, false},
		{"sometime in 1960", bundle.DateSpec{}, false},
		{"", bundle.DateSpec{}, false},
	}
	for _, c := range cases {
		got, ok := parseOFACDate(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("parseOFACDate(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestOFACRejectsMalformedFiles(t *testing.T) {
	cases := map[string]struct{ sdn, alt, want string }{
		"a row with too few columns":  {sdn: `1,"A, B","individual"`, want: "sdn.csv:1: 3 columns, want 12"},
		"a non-numeric ent_num":       {sdn: `x,"A, B","individual","SDGT",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-`, want: `sdn.csv:1: column 1 (ent_num)`},
		"a duplicate ent_num":         {sdn: "1,\"A, B\",\"individual\",\"X\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n1,\"A, B\",\"individual\",\"X\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-", want: "sdn.csv:2: duplicate ent_num 1"},
		"an alias for an unknown ent": {sdn: `1,"A, B","individual","X",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-`, alt: `2,1,"aka","C",-0-`, want: "alt.csv:1: ent_num 2 is not in sdn.csv"},
		"an unknown alias type":       {sdn: `1,"A, B","individual","X",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-`, alt: `1,1,"xyz","C",-0-`, want: `alt.csv:1: column 3 (alt_type): unknown type "xyz"`},
		"a bare quote in a name":      {sdn: `1,"A "B","individual","X",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-`, want: "sdn.csv: parse error on line 1, column 6"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var alt []byte
			if c.alt != "" {
				alt = []byte(c.alt)
			}
			_, _, err := ReadOFAC([]byte(c.sdn), alt, nil, Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestUNFixture(t *testing.T) {
	src, c, err := Open("un:testdata/un.xml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Entries != 2 || c.Skipped != 1 {
		t.Fatalf("counts = %v", c)
	}
	e := src.Entries[0]
	if e.ID != "un:QDi.290" || e.Category != bundle.CatTerrorist || e.Names[0].Full != "ABD AL-RAHMAN OULD MUHAMMAD AL-HUSAYN" || e.Sex != "M" {
		t.Errorf("entry = %+v", e)
	}
	// The alias "Youssouf Ould Abdel Jelil; Yusuf Ould Abdeljelil" is two names.
	wantNames := []string{"primary", "strong", "strong", "strong", "weak"}
	if len(e.Names) != len(wantNames) || e.Names[3].Full != "Yusuf Ould Abdeljelil" {
		t.Errorf("names = %+v", e.Names)
	}
	for i, n := range e.Names {
		if n.Kind != wantNames[i] {
			t.Errorf("name %d %q kind %s, want %s", i, n.Full, n.Kind, wantNames[i])
		}
	}
	wantDOB := []bundle.DateSpec{{Date: "1965-05-07"}, {Date: "1966", Circa: true}, {Date: "1960", To: "1963"}}
	if !reflect.DeepEqual(e.DOBs, wantDOB) {
		t.Errorf("DOBs = %+v", e.DOBs)
	}
	if !reflect.DeepEqual(e.Nationalities, []string{"MLI", "MRT"}) || !reflect.DeepEqual(e.POBs, []string{"Goundam, Mali"}) {
		t.Errorf("nat %v pob %v", e.Nationalities, e.POBs)
	}
	if len(e.Documents) != 2 || e.Documents[0] != (bundle.DocRef{Type: "passport", Number: "A1234567", State: "MLI", Note: "Expiration date: 2026-12-11."}) || e.Documents[1].Type != "national-id" {
		t.Errorf("documents = %+v", e.Documents)
	}
	if src.Entries[1].Category != bundle.CatSanctions || src.Entries[1].DOBs[0].Date != "1948" {
		t.Errorf("second = %+v", src.Entries[1])
	}
	all, c, err := Open("un:testdata/un.xml", Options{AllTypes: true})
	if err != nil || c.Entries != 3 || all.Entries[2].Type != "entity" || all.Entries[2].Names[1].Full != "The Base" {
		t.Errorf("all types: %v %v", c, err)
	}
}

func TestUNRejectsOtherXML(t *testing.T) {
	for name, in := range map[string]string{
		"another document":             `<rss><channel/></rss>`,
		"broken XML":                   `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>`,
		"an individual without a name": `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`,
	} {
		if _, _, err := ReadUN(strings.NewReader(in), "x.xml", Options{}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestCSVFixture(t *testing.T) {
	src, c, err := Open("csv:testdata/list.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Entries != 2 || c.Aliases != 3 || c.DOBs != 4 || c.Documents != 2 {
		t.Fatalf("counts = %v", c)
	}
	want := bundle.Entry{
		ID:       "csv:17",
		Category: bundle.CatWarrant,
		Names: []bundle.Name{
			{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: bundle.NamePrimary},
			{Full: "El Flaco", Kind: bundle.NameWeak},
			{Full: "LOPEZ, Juan", Surname: "LOPEZ", Given: "Juan", Kind: bundle.NameFormer},
			{Full: "GARCIA, J. C.", Surname: "GARCIA", Given: "J. C.", Kind: bundle.NameStrong},
		},
		DOBs:          []bundle.DateSpec{{Date: "1980-01-01"}, {Date: "1979", Circa: true}, {Date: "1978", To: "1981"}},
		POBs:          []string{"Culiacan, Sinaloa"},
		Nationalities: []string{"MEX", "GTM"},
		Documents:     []bundle.DocRef{{Type: "passport", State: "MEX", Number: "G12345678"}, {Type: "national-id", State: "GTM", Number: "12345678"}},
		Remarks:       "Federal warrant 2021/443",
		Action:        "secondary; notify supervisor",
		Sex:           "M",
	}
	if !reflect.DeepEqual(src.Entries[0], want) {
		t.Errorf("entry\n got %+v\nwant %+v", src.Entries[0], want)
	}
	if e := src.Entries[1]; e.ID != "mx:88" || e.Names[0].Full != "Anna Eriksson" || e.Names[0].Surname != "" || e.Sex != "F" || e.DOBs[0].Date != "1975-07" {
		t.Errorf("second = %+v", e)
	}
}

func TestCSVErrorsNameTheLineAndColumn(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"an unknown column":        {"id,name,colour\n1,A,red\n", `list.csv:1: column 3: unknown column "colour"`},
		"a missing name column":    {"id,dob\n1,1980\n", `missing required column "name"`},
		"a bad date":               {"id,name,dob\n1,A,1980\n2,B,1980-13-01\n", `list.csv:3: column "dob": "1980-13-01"`},
		"a backwards range":        {"id,name,dob\n1,A,1990..1980\n", `list.csv:2: column "dob"`},
		"a bad document":           {"id,name,documents\n1,A,passport:MEX\n", `list.csv:2: column "documents": "passport:MEX" is not TYPE:STATE:NUMBER`},
		"an unknown document type": {"id,name,documents\n1,A,visa:MEX:1\n", `column "documents": "visa:MEX:1": document type "visa"`},
		"an unknown country":       {"id,name,nationality\n1,A,Atlantis\n", `column "nationality": unknown country "Atlantis"`},
		"an unknown category":      {"id,name,category\n1,A,bad-guy\n", `column "category"`},
		"a duplicate id":           {"id,name\n1,A\n1,B\n", `list.csv:3: column "id": duplicate id "csv:1" (first on line 2)`},
		"an empty name":            {"id,name\n1,\n", `list.csv:2: column "name": empty name`},
		"a wrong field count":      {"id,name\n1,A,x\n", `list.csv`},
		"a bad sex":                {"id,name,sex\n1,A,X\n", `column "sex"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := ReadCSV(strings.NewReader(c.in), "list.csv")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestDocumentsFixture(t *testing.T) {
	src, c, err := Open("documents:testdata/documents.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []bundle.DocLookout{
		{State: "MEX", Type: "P", Number: "G12345678", Reason: "stolen", Source: "demo:1"},
		{State: "MEX", Type: "P", Number: "G20000000", End: "G20000999", Reason: "stolen-blank", Source: "demo:2"},
		{State: "UTO", Number: "L898902C3", Reason: "lost"},
		{State: "D", Type: "PD", Number: "C01X00T47", Reason: "revoked", Source: "demo:4"},
	}
	if c.Lookouts != 4 || !reflect.DeepEqual(src.DocLookouts, want) {
		t.Errorf("got %+v (%v)", src.DocLookouts, c)
	}
}

func TestDocumentErrorsNameTheLineAndColumn(t *testing.T) {
	const h = "state,type,number,end,reason,source\n"
	cases := map[string]struct{ in, want string }{
		"a wrong header":        {"state,number,type,end,reason,source\n", `docs.csv:1: column 2 is "number", want "type"`},
		"a lower-case number":   {h + "MEX,P,g123,,lost,\n", `docs.csv:2: column "number"`},
		"an unknown reason":     {h + "MEX,P,G123,,misplaced,\n", `docs.csv:2: column "reason": "misplaced"`},
		"a range running back":  {h + "MEX,P,G200,G100,stolen,\n", `docs.csv:2: column "end"`},
		"a range of two widths": {h + "MEX,P,G200,G1000,stolen,\n", `docs.csv:2: column "end"`},
		"an unknown state":      {h + "Atlantis,P,G1,,lost,\n", `docs.csv:2: column "state"`},
		"a long type":           {h + "MEX,PPP,G1,,lost,\n", `docs.csv:2: column "type"`},
		"too few fields":        {h + "MEX,P,G1\n", `docs.csv`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := ReadDocuments(strings.NewReader(c.in), "docs.csv")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestOpenRejectsUnknownKinds(t *testing.T) {
	for _, spec := range []string{"sdn.csv", "xml:list.xml", "csv:"} {
		if _, _, err := Open(spec, Options{}); err == nil {
			t.Errorf("Open(%q) accepted", spec)
		}
	}
}

func millionDocuments() []byte {
	var b bytes.Buffer
	b.WriteString("state,type,number,end,reason,source\n")
	states := []string{"MEX", "USA", "GTM", "COL", "ESP"}
	reasons := []string{"lost", "stolen", "revoked"}
	for i := 0; i < 1_000_000; i++ {
		fmt.Fprintf(&b, "%s,P,G%08d,,%s,demo:%d\n", states[i%5], i, reasons[i%3], i)
	}
	return b.Bytes()
}

// BenchmarkReadDocuments1M loads a million lookout rows (the demo list's
// size); the brief asks for about a second.
func BenchmarkReadDocuments1M(b *testing.B) {
	data := millionDocuments()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, c, err := ReadDocuments(bytes.NewReader(data), "bench.csv"); err != nil || c.Lookouts != 1_000_000 {
			b.Fatal(c, err)
		}
	}
}

func BenchmarkOFACSDN(b *testing.B) {
	dir := sharedWatchlists(b) + "/ofac_sdn_2023-12-28"
	sdn, _ := os.ReadFile(dir + "/sdn.csv")
	alt, _ := os.ReadFile(dir + "/alt.csv")
	add, _ := os.ReadFile(dir + "/add.csv")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := ReadOFAC(sdn, alt, add, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCountryNamesResolveToAlpha3(t *testing.T) {
	cases := map[string]string{
		"Russia": "RUS", "Korea, North": "PRK", "Democratic People's Republic of Korea": "PRK",
		"Iran (Islamic Republic of)": "IRN", "Burma": "MMR", "United Kingdom.": "GBR", "Türkiye": "TUR",
		"Region: Gaza": "PSE", "MEX": "MEX", "na": "", "Atlantis": "Atlantis", "possibly Palestinian": "possibly Palestinian",
	}
	for in, want := range cases {
		if got := countryOrName(in); got != want {
			t.Errorf("countryOrName(%q) = %q, want %q", in, got, want)
		}
	}
}
