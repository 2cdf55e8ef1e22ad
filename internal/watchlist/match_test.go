package watchlist

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"lookout/internal/bundle"
)

// The targets sit on top of a 3,000-entry background of common names, so
// token rarity behaves as on a real list.
var (
	targets = []bundle.Entry{
		{ID: "t:zawahiri", Category: bundle.CatTerrorist, Action: "arrest",
			Names: []bundle.Name{{Full: "Ayman Muhammad Rabi al-Zawahiri", Kind: bundle.NamePrimary}},
			DOBs:  []bundle.DateSpec{{Date: "1951-06-19"}}, POBs: []string{"Giza, Egypt"}, Nationalities: []string{"EGY"}},
		{ID: "t:yakovlev", Category: bundle.CatSanctions,
			Names: []bundle.Name{{Full: "Yuriy Sergeyevich Yakovlev", Kind: bundle.NamePrimary}},
			DOBs:  []bundle.DateSpec{{Date: "1975"}}, Nationalities: []string{"RUS"}},
		{ID: "t:garcia", Category: bundle.CatWarrant,
			Names: []bundle.Name{{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: bundle.NamePrimary}},
			DOBs:  []bundle.DateSpec{{Date: "1980-03-07"}}, Nationalities: []string{"MEX"}},
		{ID: "t:mueller", Category: bundle.CatDeported,
			Names: []bundle.Name{{Full: "Jürgen Müller-Lüdenscheidt", Kind: bundle.NamePrimary}}},
		{ID: "t:abdulrahman", Category: bundle.CatTerrorist,
			Names: []bundle.Name{{Full: "Abd al-Rahman Hasan Zubaydi", Kind: bundle.NamePrimary}},
			DOBs:  []bundle.DateSpec{{Date: "1970", To: "1973"}}},
		{ID: "t:husayn", Category: bundle.CatSanctions,
			Names: []bundle.Name{
				{Full: "Husayn Abbas Qadhafi", Kind: bundle.NamePrimary},
				{Full: "El Jefe", Kind: bundle.NameWeak}}},
		{ID: "t:tikriti", Category: bundle.CatSanctions,
			Names: []bundle.Name{{Full: "Raghad Saddam Hussein al-Tikriti", Kind: bundle.NamePrimary}}},
		{ID: "t:long", Category: bundle.CatWarrant,
			Names: []bundle.Name{{Full: "Maximiliano Bartolomeo Hieronymus Vandenberghe-Koslowski", Kind: bundle.NamePrimary}}},
	}
	testMatcherOnce sync.Once
	testM           *Matcher
)

func sharedMatcher(t *testing.T) *Matcher {
	testMatcherOnce.Do(func() { testM = mustMatcher(t, testEntries(3000, targets...)) })
	return testM
}

func hitFor(hits []Hit, id string) (Hit, bool) {
	for _, h := range hits {
		if h.ID == id {
			return h, true
		}
	}
	return Hit{}, false
}

func TestMatchFindsTheListedPersonBehindVariants(t *testing.T) {
	m := sharedMatcher(t)
	tests := []struct {
		name string
		q    Query
		want string
		how  string // a name reason with this "how" must be present
	}{
		{"an MRZ name field, surname first, article split off", Query{Name: "AL<ZAWAHIRI<<AYMAN<MUHAMMAD<RABI"}, "t:zawahiri", "exact"},
		{"the article glued to the surname", Query{Name: "Ayman Rabi Alzawahiri"}, "t:zawahiri", ""},
		{"the article dropped", Query{Name: "Ayman Muhammad Zawahiri"}, "t:zawahiri", ""},
		{"a spelling of the Arabic given name", Query{Name: "Aiman Mohamed al-Zawahiri"}, "t:zawahiri", "variant"},
		{"a typo in the surname", Query{Name: "Ayman Muhammad al-Zawakiri"}, "t:zawahiri", "typo"},
		{"letters of the surname transposed", Query{Name: "Ayman Muhammad al-Zawahriy"}, "t:zawahiri", ""},
		{"ICAO Russian romanisation of the MRZ", Query{Name: "IAKOVLEV<<IURII"}, "t:yakovlev", "variant"},
		{"Cyrillic script", Query{Name: "Юрий Сергеевич Яковлев"}, "t:yakovlev", ""},
		{"German-style romanisation", Query{Name: "Juri Jakowlew"}, "", ""},
		{"surname and given names given separately", Query{Surname: "Garcia Lopez", GivenNames: "Juan Carlos"}, "t:garcia", "exact"},
		{"the maternal surname dropped", Query{Name: "Juan Carlos Garcia", DOB: "1980-03-07"}, "t:garcia", "missing"},
		{"a middle name as an initial", Query{Name: "Juan C. Garcia Lopez"}, "t:garcia", "initial"},
		{"umlauts folded the other way (Ü as U)", Query{Name: "MULLER<LUDENSCHEIDT<<JURGEN"}, "t:mueller", "variant"},
		{"hyphenated surname written as one word", Query{Name: "Jurgen Muellerluedenscheidt"}, "t:mueller", ""},
		{"Abd al compounds however written", Query{Name: "Abdulrahman Hassan Zubaydi"}, "t:abdulrahman", ""},
		{"the Husayn family of spellings", Query{Name: "Hussein Abbas Gaddafi"}, "t:husayn", "variant"},
		{"Arabic script against the Latin listing", Query{Name: "رغد صدام حسين التكريتي"}, "t:tikriti", "phonetic"},
		{"a truncated MRZ name", Query{Name: "VANDENBERGHE<KOSLOWSKI<<MAXIMILIANO<BAR"}, "t:long", "partial"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits := m.Match(tc.q)
			if tc.want == "" {
				return // documented behaviour, not a requirement (see below)
			}
			h, ok := hitFor(hits, tc.want)
			if !ok {
				t.Fatalf("Match(%+v): %s not among %d hits", tc.q, tc.want, len(hits))
			}
			if h.Score < DefaultThreshold || h.Score > 1 {
				t.Errorf("score %v outside [threshold, 1]", h.Score)
			}
			if tc.how != "" {
				found := false
				for _, r := range h.Reasons {
					found = found || (r.Kind == "name" && r.How == tc.how)
				}
				if !found {
					t.Errorf("no name reason with how=%q in %+v", tc.how, h.Reasons)
				}
			}
		})
	}
}

func TestMatchDoesNotHitOnWeakEvidence(t *testing.T) {
	m := sharedMatcher(t)
	tests := []struct {
		name string
		q    Query
		not  string // this entry must not be hit ("" = no hit at all)
	}{
		{"a single common given name", Query{Name: "Mohammed"}, ""},
		{"two common name parts", Query{Name: "Mohammed Ali"}, ""},
		{"only the surname of a listed person", Query{Name: "Zawahiri"}, "t:zawahiri"},
		{"the listed surname with other given names", Query{Name: "Pedro Antonio Garcia Lopez"}, "t:garcia"},
		{"the listed name born a generation later", Query{Name: "Juan Carlos Garcia Lopez", DOB: "2001-01-01"}, "t:garcia"},
		{"a weak alias spelled differently", Query{Name: "El Jefes"}, "t:husayn"},
		{"an unrelated traveler", Query{Name: "Anna Lindqvist"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits := m.Match(tc.q)
			if tc.not == "" {
				if len(hits) > 0 {
					t.Errorf("Match(%+v) = %d hits, first %s %.3f %q", tc.q, len(hits), hits[0].ID, hits[0].Score, hits[0].Name)
				}
				return
			}
			if h, ok := hitFor(hits, tc.not); ok {
				t.Errorf("Match(%+v) hit %s at %.3f: %+v", tc.q, tc.not, h.Score, h.Reasons)
			}
		})
	}
}

func TestWeakAliasMatchesOnlyAsWritten(t *testing.T) {
	m := sharedMatcher(t)
	if _, ok := hitFor(m.Match(Query{Name: "El Jefe", Threshold: 0.5}), "t:husayn"); !ok {
		t.Error("the weak alias as written was not found")
	}
}

func TestDateOfBirthEvidence(t *testing.T) {
	m := sharedMatcher(t)
	// A given name dropped keeps the name score below 1, so the date's
	// effect shows in both directions.
	base := Query{Name: "Juan Garcia Lopez", Threshold: 0.3}
	score := func(dob string) (float64, string) {
		q := base
		q.DOB = dob
		h, ok := hitFor(m.Match(q), "t:garcia")
		if !ok {
			return 0, ""
		}
		for _, r := range h.Reasons {
			if r.Kind == "dob" {
				return h.Score, r.How
			}
		}
		return h.Score, ""
	}
	none, _ := score("")
	tests := []struct {
		name, dob, how string
		cmp            func(s float64) bool
	}{
		{"the same full date raises the score", "1980-03-07", "agree", func(s float64) bool { return s >= none }},
		{"MRZ YYMMDD is read in both centuries", "800307", "agree", func(s float64) bool { return s >= none }},
		{"day and month swapped is a weaker agreement", "1980-07-03", "partial", func(s float64) bool { return s >= none-0.001 }},
		{"a one-day slip is a weaker agreement", "1980-03-08", "partial", func(s float64) bool { return s >= none-0.001 }},
		{"the year alone agrees", "1980", "agree", func(s float64) bool { return s >= none }},
		{"month and year agree", "1980-03", "agree", func(s float64) bool { return s >= none }},
		{"the same year on another day weighs against", "1980-11-20", "conflict", func(s float64) bool { return s < none }},
		{"a year off weighs against", "1981-03-07", "partial", nil},
		{"ten years off weighs strongly against", "1990-03-07", "conflict", func(s float64) bool { return s < none-0.2 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, how := score(tc.dob)
			if tc.how == "partial" && tc.cmp == nil {
				// one year off: a conflict, but the mildest
				if how != "conflict" || s >= none {
					t.Errorf("dob %s: how %q score %.3f (no dob %.3f)", tc.dob, how, s, none)
				}
				return
			}
			if how != tc.how {
				t.Errorf("dob %s: reason how %q, want %q", tc.dob, how, tc.how)
			}
			if !tc.cmp(s) {
				t.Errorf("dob %s: score %.3f against %.3f without a date", tc.dob, s, none)
			}
		})
	}
}

func TestRangeAndNationalityEvidence(t *testing.T) {
	m := sharedMatcher(t)
	h, ok := hitFor(m.Match(Query{Name: "Abd al-Rahman Hasan Zubaydi", DOB: "1972-05-01"}), "t:abdulrahman")
	if !ok || !hasReason(h, "dob", "agree") {
		t.Errorf("a date inside the listed range: %+v", h)
	}
	h, ok = hitFor(m.Match(Query{Name: "Ayman al-Zawahiri", Nationality: "Egypt", POB: "Giza"}), "t:zawahiri")
	if !ok || !hasReason(h, "nationality", "agree") || !hasReason(h, "pob", "agree") {
		t.Errorf("nationality by English name and place of birth: %+v", h)
	}
	h, ok = hitFor(m.Match(Query{Name: "Ayman Muhammad Rabi al-Zawahiri", Nationality: "FRA", Threshold: 0.5}), "t:zawahiri")
	if !ok || !hasReason(h, "nationality", "conflict") {
		t.Errorf("a different nationality: %+v", h)
	}
}

func hasReason(h Hit, kind, how string) bool {
	for _, r := range h.Reasons {
		if r.Kind == kind && r.How == how {
			return true
		}
	}
	return false
}

func TestHitsAreSortedAndCarryTheEntry(t *testing.T) {
	m := sharedMatcher(t)
	hits := m.Match(Query{Name: "Juan Carlos Garcia Lopez", DOB: "1980-03-07", Threshold: 0.5})
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Fatalf("hits not sorted: %v after %v", hits[i].Score, hits[i-1].Score)
		}
	}
	h := hits[0]
	if h.ID != "t:garcia" || h.Level != LevelStrong || h.Category != bundle.CatWarrant || h.DOB != "1980-03-07" || h.Nationality != "MEX" || h.PrimaryName != "GARCIA LOPEZ, Juan Carlos" || h.Name != h.PrimaryName {
		t.Errorf("first hit %+v", h)
	}
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"id":`, `"score":`, `"level":"strong"`, `"name":`, `"primary_name":`, `"category":`, `"reasons":[{"kind":"name","detail":`} {
		if !bytes.Contains(b, []byte(k)) {
			t.Errorf("hit JSON lacks %s: %s", k, b)
		}
	}
}

func TestBuildNameIndexIsDeterministicAndValid(t *testing.T) {
	e := testEntries(500, targets...)
	a, err := BuildNameIndex(e)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := BuildNameIndex(e)
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same entries differ")
	}
	ix, err := OpenNameIndex(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Validate(); err != nil {
		t.Fatal(err)
	}
	if ix.Entries() != len(e) {
		t.Errorf("index covers %d entries, want %d", ix.Entries(), len(e))
	}
}

func TestNewMatcherRefusesAMismatchedIndex(t *testing.T) {
	e := testEntries(10, targets...)
	idx, _ := BuildNameIndex(e)
	if _, err := NewMatcher(&bundle.Payload{Entries: e[:5], NameIndex: idx}); err == nil || !strings.Contains(err.Error(), "covers") {
		t.Errorf("a payload with fewer entries than its index: %v", err)
	}
	if _, err := NewMatcher(&bundle.Payload{Entries: e}); err == nil {
		t.Error("a payload without an index was accepted")
	}
}

// TestCorruptIndexNeverPanics flips and truncates every region of a small
// index: opening may fail, and a matcher over whatever opens must answer
// without panicking.
func TestCorruptIndexNeverPanics(t *testing.T) {
	e := testEntries(40, targets...)
	idx, _ := BuildNameIndex(e)
	step := max(1, len(idx)/400)
	for i := 0; i < len(idx); i += step {
		for _, mut := range [][]byte{flip(idx, i), idx[:i]} {
			ix, err := OpenNameIndex(mut)
			if err != nil {
				continue
			}
			_ = ix.Validate()
			m := NewMatcherIndex(ix, func(int) *bundle.Entry { return &e[0] })
			m.Match(Query{Name: "AL<ZAWAHIRI<<AYMAN", DOB: "1951", POB: "Giza"})
		}
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x5a
	return c
}

func FuzzOpenNameIndex(f *testing.F) {
	e := testEntries(20, targets...)
	idx, _ := BuildNameIndex(e)
	f.Add(idx)
	f.Add(idx[:headerSize])
	f.Add([]byte("LKNX\x01\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ix, err := OpenNameIndex(b)
		if err != nil {
			return
		}
		_ = ix.Validate()
		entries := make([]bundle.Entry, ix.Entries())
		m := NewMatcherIndex(ix, func(i int) *bundle.Entry {
			if i < len(entries) {
				return &entries[i]
			}
			return nil
		})
		m.Match(Query{Name: "Ayman al-Zawahiri", DOB: "510619"})
	})
}

func FuzzMatchQuery(f *testing.F) {
	for _, s := range []string{"AL<ZAWAHIRI<<AYMAN", "Юрий Яковлев", "محمد", "<<<<", "A B C D E F G H I J K L M N O P Q R", ""} {
		f.Add(s, "1951-06-19", "EGY")
	}
	f.Fuzz(func(t *testing.T, name, dob, nat string) {
		m := sharedMatcherF(t)
		for _, h := range m.Match(Query{Name: name, DOB: dob, Nationality: nat, POB: name}) {
			if h.Score < DefaultThreshold || h.Score > 1 || h.ID == "" {
				t.Fatalf("bad hit %+v", h)
			}
		}
	})
}

var (
	fuzzOnce sync.Once
	fuzzM    *Matcher
)

func sharedMatcherF(t *testing.T) *Matcher {
	fuzzOnce.Do(func() { fuzzM = mustMatcher(t, testEntries(300, targets...)) })
	return fuzzM
}
