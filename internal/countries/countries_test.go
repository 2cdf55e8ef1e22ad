package countries

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir finds the project's shared data folder: $LOOKOUT_SHARED, or a
// "shared" folder beside one of the directories above the package (CI
// clones the repository next to it).
func sharedDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("LOOKOUT_SHARED"); d != "" {
		return d
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared")
		if st, err := os.Stat(filepath.Join(cand, "data")); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readReference(t *testing.T) [][]string {
	t.Helper()
	d := sharedDir(t)
	path := filepath.Join(d, "data", "reference", "country-codes.tsv")
	f, err := os.Open(path)
	if d == "" || err != nil {
		t.Skipf("reference table not found (%s): put the shared folder beside the repository or set LOOKOUT_SHARED", path)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(rows) < 2 || rows[0][0] != "code" {
		t.Fatalf("%s: unexpected header %v", path, rows[0])
	}
	return rows[1:]
}

func TestTableMatchesReferenceCompilation(t *testing.T) {
	rows := readReference(t)
	seen := map[string]bool{}
	for _, row := range rows {
		code, alpha3, kind, en, es := row[0], row[1], row[2], row[3], row[4]
		seen[code] = true
		c, ok := Lookup(code)
		if !ok {
			t.Errorf("%s (%s, %s) is missing from the table", code, kind, en)
			continue
		}
		if string(c.Kind) != kind {
			t.Errorf("%s: kind %q, reference says %q", code, c.Kind, kind)
		}
		if c.Alpha3 != alpha3 {
			t.Errorf("%s: alpha3 %q, reference says %q", code, c.Alpha3, alpha3)
		}
		if c.NameEN != en {
			t.Errorf("%s: English name %q, reference says %q", code, c.NameEN, en)
		}
		// Spanish names of ISO entries are CLDR's and must agree; the
		// Doc 9303 codes have no official Spanish text, so translations may
		// differ in wording but must exist.
		if kind == "iso" && c.NameES != es {
			t.Errorf("%s: Spanish name %q, reference says %q", code, c.NameES, es)
		}
		if c.NameES == "" {
			t.Errorf("%s: no Spanish name", code)
		}
	}
	for _, c := range All() {
		if !seen[c.Code] {
			t.Errorf("%s (%s) is in the table but not in the reference compilation", c.Code, c.NameEN)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name, code string
		want       string
		kind       Kind
		ok         bool
	}{
		{"an ISO code is found", "MEX", "Mexico", KindISO, true},
		{"Germany's one-letter code is found with its fillers", "D<<", "Germany", KindICAO, true},
		{"Germany's one-letter code is found without fillers", "D", "Germany", KindICAO, true},
		{"the specimen state is found", "UTO", "Utopia", KindSpecimen, true},
		{"a refugee code is found", "XXB", "Refugee, as defined in Article 1 of the 1951 Convention Relating to the Status of Refugees as amended by the 1967 Protocol", KindStatelessRefugee, true},
		{"Kosovo's ICAO code is found", "RKS", "Kosovo", KindICAO, true},
		{"the German residence-permit code for Kosovo is known as observed", "XXK", "Kosovo", KindObserved, true},
		{"a withdrawn code is known as deprecated", "ANT", "Netherlands Antilles", KindDeprecated, true},
		{"the alpha-2 code GB is not an MRZ code", "GB<", "", "", false},
		{"Interpol's non-ICAO code INP is unknown", "INP", "", "", false},
		{"lower case is not an MRZ code", "mex", "", "", false},
		{"the empty code is unknown", "<<<", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := Lookup(tt.code)
			if ok != tt.ok || c.NameEN != tt.want || c.Kind != tt.kind {
				t.Errorf("Lookup(%q) = %q %q %v; want %q %q %v", tt.code, c.NameEN, c.Kind, ok, tt.want, tt.kind, tt.ok)
			}
		})
	}
}

func TestSpecimenAndAcceptance(t *testing.T) {
	if c, _ := Lookup("UTO"); !c.Specimen || !c.Accepted {
		t.Errorf("UTO: Specimen %v Accepted %v; want a specimen that parses", c.Specimen, c.Accepted)
	}
	for _, code := range []string{"WSA", "IAO"} {
		if c, _ := Lookup(code); c.Accepted {
			t.Errorf("%s is accepted; no genuine travel document carries it", code)
		}
	}
	for _, c := range All() {
		if c.Specimen != (c.Code == "UTO") {
			t.Errorf("%s: Specimen = %v", c.Code, c.Specimen)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"D<<", "DEU"}, {"D", "DEU"}, {"DEU", "DEU"}, {"GBN", "GBR"}, {"GBR", "GBR"},
		{"ROM", "ROU"}, {"ZAR", "COD"}, {"UTO", "UTO"}, {"XXA", "XXA"}, {"RKS", "RKS"},
		{" mex ", "MEX"}, {"QQQ", "QQQ"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestByName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mexico", "MEX"}, {"México", "MEX"}, {"MEXICO", "MEX"}, {"Mexican", "MEX"}, {"mexicana", "MEX"},
		{"United States", "USA"}, {"United States of America", "USA"}, {"EE. UU.", "USA"}, {"Estados Unidos", "USA"}, {"American", "USA"},
		{"Germany", "DEU"}, {"Alemania", "DEU"}, {"German", "DEU"},
		{"Bolivia", "BOL"}, {"Bolivia, Plurinational State of", "BOL"},
		{"Russia", "RUS"}, {"Rusia", "RUS"}, {"Côte d'Ivoire", "CIV"}, {"Cote d Ivoire", "CIV"}, {"Costa de Marfil", "CIV"},
		{"South Korea", "KOR"}, {"Corea del Sur", "KOR"}, {"North Korea", "PRK"},
		{"Congo", "COG"}, {"Democratic Republic of the Congo", "COD"},
		{"Kosovo", "RKS"}, {"United Kingdom", "GBR"}, {"Reino Unido", "GBR"}, {"British", "GBR"},
		{"Venezuela", "VEN"}, {"guatemalteco", "GTM"}, {"MEX", "MEX"},
	}
	for _, tt := range tests {
		c, ok := ByName(tt.in)
		if !ok || c.Code != tt.want {
			t.Errorf("ByName(%q) = %q, %v; want %q", tt.in, c.Code, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "Atlantis", "Korea", "Virgin Islands", "   "} {
		if c, ok := ByName(bad); ok {
			t.Errorf("ByName(%q) = %s; want no match (unknown or ambiguous)", bad, c.Code)
		}
	}
}

func TestNoNameNamesTwoCountries(t *testing.T) {
	for _, c := range nameCollisions {
		t.Errorf("ambiguous name dropped: %s", c)
	}
}

func TestEveryISOEntryIsFoundByItsNames(t *testing.T) {
	for _, c := range isoTable {
		for _, n := range []string{c.NameEN, c.NameES} {
			got, ok := ByName(n)
			if !ok || got.Code != c.Code {
				t.Errorf("ByName(%q) = %q, %v; want %s", n, got.Code, ok, c.Code)
			}
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		Lookup("D<<")
	}
}

func BenchmarkByName(b *testing.B) {
	for b.Loop() {
		ByName("Estados Unidos Mexicanos")
	}
}

func FuzzByName(f *testing.F) {
	for _, s := range []string{"Mexico", "México", "EE. UU.", "Côte d'Ivoire", "", "  ", "\xff\xfe", "ß", "KOR", "korea, republic of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		c, ok := ByName(name)
		if !ok {
			return
		}
		if _, known := Lookup(c.Code); !known {
			t.Fatalf("ByName(%q) = %q, which Lookup does not know", name, c.Code)
		}
		// Case and accents never change the answer.
		if c2, ok2 := ByName(strings.ToUpper(name)); ok2 && c2.Code != c.Code {
			t.Fatalf("ByName(%q) = %s but ByName(upper) = %s", name, c.Code, c2.Code)
		}
	})
}
