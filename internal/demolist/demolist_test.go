package demolist

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"

	"lookout/internal/bundle"
	"lookout/internal/source"
)

func generate(t testing.TB, cfg Config) *bundle.Source {
	t.Helper()
	src, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func csvBytes(t testing.TB, src *bundle.Source) (list, docs []byte) {
	t.Helper()
	var a, b bytes.Buffer
	if err := WriteCSV(&a, src); err != nil {
		t.Fatal(err)
	}
	if err := WriteDocumentsCSV(&b, src); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes()
}

// goldenSmall pins the bytes of a small list. The same test runs natively
// and under GOOS=js GOARCH=wasm, so it proves the output is the same on
// every platform; change it only with a deliberate change to the list.
const goldenSmall = "9ea6861c"

func TestGenerateIsDeterministicAcrossRunsAndPlatforms(t *testing.T) {
	cfg := Config{People: 1500, Documents: 20000}
	l1, d1 := csvBytes(t, generate(t, cfg))
	l2, d2 := csvBytes(t, generate(t, cfg))
	if !bytes.Equal(l1, l2) || !bytes.Equal(d1, d2) {
		t.Fatal("two runs of the same config differ")
	}
	h := sha256.New()
	h.Write(l1)
	h.Write(d1)
	got := hex.EncodeToString(h.Sum(nil))[:8]
	if got != goldenSmall {
		t.Errorf("list digest %s, want %s (the generator's output changed)", got, goldenSmall)
	}
}

func TestPersonDependsOnlyOnSeedAndIndex(t *testing.T) {
	small := generate(t, Config{People: 300, Documents: 10})
	big := generate(t, Config{People: 900, Documents: 5000})
	for i := range small.Entries {
		a, b := fmt.Sprint(small.Entries[i]), fmt.Sprint(big.Entries[i])
		if a != b {
			t.Fatalf("person %d differs between list sizes:\n%s\n%s", i+1, a, b)
		}
	}
	other := generate(t, Config{People: 300, Documents: 10, Seed: 42})
	same := 0
	for i := range small.Entries {
		if small.Entries[i].Names[0].Full == other.Entries[i].Names[0].Full {
			same++
		}
	}
	if same > 30 { // the fixed awkward names are the same in every list
		t.Errorf("seed 42 shares %d of 300 primary names with seed 0", same)
	}
}

func TestConfigBounds(t *testing.T) {
	for _, c := range []Config{{People: -1}, {People: MaxPeople + 1}, {Documents: -5}, {Documents: MaxDocuments + 1}} {
		if _, err := Generate(c); err == nil {
			t.Errorf("Generate(%+v) accepted", c)
		}
	}
}

// Issuer patterns from shared/research/signing-and-fraud-notes.md §2.3,
// written out independently of the generator's pattern strings.
var issuerRegexps = map[string]*regexp.Regexp{
	"MEX": regexp.MustCompile(`^[A-Z]\d{8}$`),
	"USA": regexp.MustCompile(`^(\d{9}|[A-Z]\d{8})$`),
	"GBR": regexp.MustCompile(`^\d{9}$`),
	"CAN": regexp.MustCompile(`^([A-Z]{2}\d{6}|[A-Z]\d{6}[A-Z]{2})$`),
	"DEU": regexp.MustCompile(`^[CFGHJKLMNPRTVWXYZ0-9]{9}$`),
	"FRA": regexp.MustCompile(`^\d{2}[A-Z]{2}\d{5}$`),
	"ESP": regexp.MustCompile(`^[A-Z]{3}\d{6}$`),
	"CHN": regexp.MustCompile(`^(G\d{8}|E\d{8}|E[A-HJ-NP-Z0-9]\d{7})$`),
	"IND": regexp.MustCompile(`^[A-Z]\d{7}$`),
}

func TestDocumentNumbersFollowIssuerPatterns(t *testing.T) {
	src := generate(t, Config{People: 3000, Documents: 100000})
	checked := map[string]int{}
	for _, d := range src.DocLookouts {
		re, ok := issuerRegexps[d.State]
		if !ok || d.Type != "P" {
			continue
		}
		checked[d.State]++
		for _, n := range []string{d.Number, d.End} {
			if n != "" && !re.MatchString(n) {
				t.Errorf("lookout %s %s: %q does not match %s", d.State, d.Type, n, re)
			}
		}
	}
	for _, e := range src.Entries {
		for _, d := range e.Documents {
			if re, ok := issuerRegexps[d.State]; ok && d.Type == "passport" {
				checked[d.State]++
				if !re.MatchString(d.Number) {
					t.Errorf("%s passport %s: %q does not match %s", e.ID, d.State, d.Number, re)
				}
			}
		}
	}
	for st := range issuerRegexps {
		if checked[st] == 0 {
			t.Errorf("no %s passport numbers generated", st)
		}
	}
}

func TestNationalIDsCarryTheirCheckCharacters(t *testing.T) {
	src := generate(t, Config{People: 5000, Documents: 10})
	curp := regexp.MustCompile(`^[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d$`)
	n := 0
	for _, e := range src.Entries {
		for _, d := range e.Documents {
			switch {
			case d.Type != "national-id":
			case d.State == "MEX":
				n++
				if !curp.MatchString(d.Number) {
					t.Errorf("%s: CURP %q malformed", e.ID, d.Number)
				}
			case d.State == "ESP":
				n++
				var num int
				fmt.Sscanf(d.Number[:8], "%d", &num)
				if len(d.Number) != 9 || d.Number[8] != "TRWAGMYFPDXBNJZSQVHLCKE"[num%23] {
					t.Errorf("%s: DNI %q has a wrong letter", e.ID, d.Number)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no CURP or DNI generated")
	}
}

// TestListLooksLikeARealList checks the shape of the default list: its
// size, frequency distribution, alias and date kinds, scripts and the
// document list.
func TestListLooksLikeARealList(t *testing.T) {
	people, docs := DefaultPeople, DefaultDocuments
	if testing.Short() || runtime.GOARCH == "wasm" {
		// Under wasm the generator runs several times slower; the shape
		// checks hold on the first 10,000 people as well.
		people, docs = 10000, 50000
	}
	src := generate(t, Config{People: people, Documents: docs})
	if len(src.Entries) != people {
		t.Fatalf("%d people, want %d", len(src.Entries), people)
	}
	surnames := map[string]int{}
	kinds := map[string]int{}
	cats := map[string]int{}
	var withAlias, partial, ranges, circa, full, cyrillic, arabic, accented, female, multiNat, withDoc int
	for _, e := range src.Entries {
		sur := fold(e.Names[0].Surname)
		for _, w := range strings.Fields(sur) {
			surnames[w]++
		}
		if len(e.Names) > 1 {
			withAlias++
		}
		for _, n := range e.Names[1:] {
			kinds[n.Kind]++
			for _, r := range n.Full {
				if unicode.Is(unicode.Cyrillic, r) {
					cyrillic++
					break
				}
				if unicode.Is(unicode.Arabic, r) {
					arabic++
					break
				}
			}
		}
		if strings.ContainsAny(e.Names[0].Full, "ÁÉÍÓÚÜÑáéíóúüñÖÄöäßİŞşĞğÇçỄễ") {
			accented++
		}
		for _, d := range e.DOBs {
			switch {
			case d.To != "":
				ranges++
			case d.Circa:
				circa++
			case len(d.Date) == 10:
				full++
			default:
				partial++
			}
		}
		cats[e.Category]++
		if e.Sex == "F" {
			female++
		}
		if len(e.Nationalities) > 1 {
			multiNat++
		}
		if len(e.Documents) > 0 {
			withDoc++
		}
	}
	top, topN := "", 0
	for s, n := range surnames {
		if n > topN {
			top, topN = s, n
		}
	}
	t.Logf("%d people: top surname token %s ×%d, %d distinct tokens; aliases on %d (%v); DOBs full %d, partial %d, ranges %d, circa %d; Cyrillic %d, Arabic %d, accented %d; categories %v",
		people, top, topN, len(surnames), withAlias, kinds, full, partial, ranges, circa, cyrillic, arabic, accented, cats)
	frac := func(n int) float64 { return float64(n) / float64(people) }
	checks := []struct {
		what string
		ok   bool
	}{
		{"the most common surname token is common (over 1 %)", frac(topN) > 0.01},
		{"no surname token dominates (under 8 %)", frac(topN) < 0.08},
		{"a long tail of surnames (over 1,500 distinct tokens)", len(surnames) > 1500},
		{"a third to four fifths of people have aliases", frac(withAlias) > 0.33 && frac(withAlias) < 0.8},
		{"strong, weak and former aliases all occur", kinds[bundle.NameStrong] > 0 && kinds[bundle.NameWeak] > 0 && kinds[bundle.NameFormer] > 0},
		{"most dates of birth are full dates", full > partial && full > ranges+circa},
		{"partial dates, ranges and circa years all occur", partial > 0 && ranges > 0 && circa > 0},
		{"names in Cyrillic and Arabic script occur", cyrillic > 0 && arabic > 0},
		{"accented source forms occur", frac(accented) > 0.1},
		{"every category occurs", len(cats) == 5},
		{"women are a minority but present", frac(female) > 0.08 && frac(female) < 0.4},
		{"dual nationals occur", multiNat > 0},
		{"most people have a document", frac(withDoc) > 0.5},
	}
	for _, c := range checks {
		if !c.ok {
			t.Error(c.what)
		}
	}
	reasons := map[string]int{}
	numbers := 0
	for _, d := range src.DocLookouts {
		reasons[d.Reason]++
		if d.End == "" {
			numbers++
		}
	}
	if numbers != docs {
		t.Errorf("%d individual document numbers, want %d", numbers, docs)
	}
	for _, r := range []string{bundle.ReasonLost, bundle.ReasonStolen, bundle.ReasonRevoked, bundle.ReasonStolenBlank, bundle.ReasonFraudSeries} {
		if reasons[r] == 0 {
			t.Errorf("no document lookout with reason %s", r)
		}
	}
	if reasons[bundle.ReasonLost] < reasons[bundle.ReasonStolen] {
		t.Errorf("more stolen (%d) than lost (%d) documents", reasons[bundle.ReasonStolen], reasons[bundle.ReasonLost])
	}
}

func TestCSVRoundTripsThroughTheImporter(t *testing.T) {
	src := generate(t, Config{People: 4000, Documents: 30000})
	list, docs := csvBytes(t, src)
	got, _, err := source.ReadCSV(bytes.NewReader(list), "demo-list.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entries) != len(src.Entries) {
		t.Fatalf("%d entries read back, want %d", len(got.Entries), len(src.Entries))
	}
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for i, w := range src.Entries {
		g := got.Entries[i]
		if g.ID != w.ID || g.Category != w.Category || g.Sex != w.Sex || g.Remarks != w.Remarks || g.Action != w.Action {
			t.Fatalf("entry %s: fields differ:\n got %+v\nwant %+v", w.ID, g, w)
		}
		if len(g.Names) != len(w.Names) {
			t.Fatalf("entry %s: %d names read back, want %d: %v", w.ID, len(g.Names), len(w.Names), g.Names)
		}
		for j, n := range w.Names {
			if g.Names[j].Kind != n.Kind || clean(g.Names[j].Surname) != clean(n.Surname) || clean(g.Names[j].Given) != clean(n.Given) {
				t.Errorf("entry %s name %d: got %+v, want %+v", w.ID, j, g.Names[j], n)
			}
		}
		if !slices.Equal(g.DOBs, w.DOBs) || !slices.Equal(g.POBs, w.POBs) || !slices.Equal(g.Nationalities, w.Nationalities) {
			t.Errorf("entry %s: dates, places or nationalities differ:\n got %v %v %v\nwant %v %v %v", w.ID, g.DOBs, g.POBs, g.Nationalities, w.DOBs, w.POBs, w.Nationalities)
		}
		if !slices.Equal(g.Documents, w.Documents) {
			t.Errorf("entry %s: documents %v, want %v", w.ID, g.Documents, w.Documents)
		}
	}
	gd, _, err := source.ReadDocuments(bytes.NewReader(docs), "demo-documents.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gd.DocLookouts, src.DocLookouts) {
		t.Error("document lookouts differ after the round trip")
	}
}

func TestSampleTravelersAreListed(t *testing.T) {
	src := generate(t, Config{People: 5000, Documents: 1000})
	ts := Sample(src, 40)
	if len(ts) != 40 {
		t.Fatalf("%d travelers, want 40", len(ts))
	}
	byID := map[string]*bundle.Entry{}
	for i := range src.Entries {
		byID[src.Entries[i].ID] = &src.Entries[i]
	}
	cultures := map[string]bool{}
	for _, tr := range ts {
		e := byID[tr.ID]
		if e == nil || e.Names[0].Surname != tr.Surname || len(tr.DOB) != 10 || tr.DocumentNumber == "" {
			t.Errorf("traveler %+v is not its list entry", tr)
		}
		cultures[tr.Nationality] = true
	}
	if len(cultures) < 8 {
		t.Errorf("sample covers %d nationalities, want a spread", len(cultures))
	}
	if !slices.Equal(Sample(src, 40), ts) {
		t.Error("Sample is not deterministic")
	}
	ds := SampleDocuments(src, 20)
	if len(ds) != 20 {
		t.Errorf("%d sample documents, want 20", len(ds))
	}
}

func TestFixedAwkwardNamesAreAtTheirIDs(t *testing.T) {
	src := generate(t, Config{People: 1000, Documents: 10})
	ids := FixedIDs()
	for j, id := range ids {
		var e *bundle.Entry
		for i := range src.Entries {
			if src.Entries[i].ID == id {
				e = &src.Entries[i]
			}
		}
		if e == nil || e.Names[0].Full != fixedPeople[j].Names[0].Full {
			t.Errorf("%s is not fixed person %d (%q)", id, j, fixedPeople[j].Names[0].Full)
		}
	}
}

func TestRomanisationSystems(t *testing.T) {
	tests := []struct {
		name, in string
		sys      romaniser
		want     string
	}{
		{"BGN writes Й as Y", "Юрий", romBGN, "YURIY"},
		{"ICAO writes Й as I and Ю as IU", "Юрий", romICAO, "IURII"},
		{"BGN writes ЬЕ as YE", "Соловьёв", romBGN, "SOLOVYEV"},
		{"ICAO drops Ь and writes Ё as E", "Соловьёв", romICAO, "SOLOVEV"},
		{"BGN writes initial Е as YE", "Евгений", romBGN, "YEVGENIY"},
		{"ICAO writes Я as IA", "Наталья", romICAO, "NATALIA"},
		{"Ukrainian writes Г as H", "Григорій", romUkrainian, "HRYHORII"},
		{"Ukrainian writes initial Є as YE", "Євген", romUkrainian, "YEVHEN"},
		{"German style writes В as W and Й as J", "Сергей", romGerman, "SERGEJ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := romanise(tt.in, tt.sys); got != tt.want {
				t.Errorf("romanise(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFeminineSurnames(t *testing.T) {
	for in, want := range map[string]string{"Иванов": "Иванова", "Ковальский": "Ковальская", "Толстой": "Толстая", "Шевченко": "Шевченко", "Ильин": "Ильина", "Мельничук": "Мельничук"} {
		if got := feminine(in); got != want {
			t.Errorf("feminine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	tests := []struct {
		in      string
		turkish bool
		want    string
	}{
		{"JEAN-PIERRE", false, "Jean-Pierre"},
		{"MARÍA DE LOS ÁNGELES", false, "María de los Ángeles"},
		{"ABD AL-RAHMAN BIN MUHAMMAD", false, "Abd al-Rahman bin Muhammad"},
		{"İSMAİL IŞIK", true, "İsmail Işık"},
	}
	for _, tt := range tests {
		if got := title(tt.in, tt.turkish); got != tt.want {
			t.Errorf("title(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkGenerateDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
