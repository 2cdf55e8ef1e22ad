package watchlist

import (
	"testing"

	"lookout/internal/bundle"
)

// A traveler who shares a listed person's exact name but not the date of
// birth is most often a namesake: never a strong hit, and no hit at all
// when the years are two or more apart. A matching date keeps the hit
// strong; no date on the query leaves the name to speak alone.
func TestANamesakeWithAnotherDateOfBirthIsNotReferred(t *testing.T) {
	target := bundle.Entry{ID: "t:lopez", Category: bundle.CatWarrant,
		Names: []bundle.Name{{Full: "HERNANDEZ LOPEZ, JOSE ANGEL", Surname: "HERNANDEZ LOPEZ", Given: "JOSE ANGEL", Kind: bundle.NamePrimary}},
		DOBs:  []bundle.DateSpec{{Date: "1975-06-14"}}}
	m := mustMatcher(t, testEntries(2000, target))
	q := Query{Surname: "HERNANDEZ LOPEZ", GivenNames: "JOSE ANGEL"}
	for _, tc := range []struct {
		name, dob string
		want      string // "strong", "possible" or "" for no hit
	}{
		{"the listed date of birth", "1975-06-14", LevelStrong},
		{"the same year, another day", "1975-11-02", LevelPossible},
		{"a year apart", "1976-06-14", LevelPossible},
		{"three years apart", "1978-06-14", ""},
		{"twenty years apart", "1995-01-30", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := q
			q.DOB = tc.dob
			h, ok := hitFor(m.Match(q), "t:lopez")
			switch {
			case tc.want == "" && ok:
				t.Fatalf("hit %s %.3f, want none", h.Level, h.Score)
			case tc.want != "" && !ok:
				t.Fatalf("no hit, want %s", tc.want)
			case ok && h.Level != tc.want:
				t.Fatalf("level %s (score %.3f), want %s", h.Level, h.Score, tc.want)
			}
		})
	}
}

// A fuzzy name — a part missing, a typo, a sound-alike — with no date of
// birth behind it is a reason to look ("possible"), not to refer; the same
// name with an agreeing date, or an exact name, may be "strong".
func TestAFuzzyNameAloneIsNeverStrong(t *testing.T) {
	target := bundle.Entry{ID: "t:okafor", Category: bundle.CatWarrant,
		Names: []bundle.Name{{Full: "OKAFOR, OLUWASEUN CHUKWUEMEKA", Surname: "OKAFOR", Given: "OLUWASEUN CHUKWUEMEKA", Kind: bundle.NamePrimary}},
		DOBs:  []bundle.DateSpec{{Date: "1988"}}}
	undated := bundle.Entry{ID: "t:bello", Category: bundle.CatDeported,
		Names: []bundle.Name{{Full: "AL-BELLO, CHINEDU", Surname: "AL-BELLO", Given: "CHINEDU", Kind: bundle.NamePrimary}}}
	m := mustMatcher(t, testEntries(2000, target, undated))
	for _, tc := range []struct {
		name, id string
		q        Query
		want     string
	}{
		{"a dropped middle name without a date", "t:okafor", Query{Surname: "OKAFOR", GivenNames: "CHUKWUEMEKA"}, LevelPossible},
		{"a dropped middle name with the listed year", "t:okafor", Query{Surname: "OKAFOR", GivenNames: "CHUKWUEMEKA", DOB: "1988-04-02"}, LevelStrong},
		{"the full name without a date", "t:okafor", Query{Surname: "OKAFOR", GivenNames: "OLUWASEUN CHUKWUEMEKA"}, LevelStrong},
		{"an undated entry met exactly, particle dropped", "t:bello", Query{Surname: "BELLO", GivenNames: "CHINEDU", DOB: "1987-03-18"}, LevelStrong},
		{"an undated entry met through a typo", "t:bello", Query{Surname: "BELLO", GivenNames: "CHINEDI", DOB: "1987-03-18"}, LevelPossible},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, ok := hitFor(m.Match(tc.q), tc.id)
			if !ok {
				t.Fatalf("no hit, want %s", tc.want)
			}
			if h.Level != tc.want {
				t.Fatalf("level %s (score %.3f, reasons %+v), want %s", h.Level, h.Score, h.Reasons, tc.want)
			}
		})
	}
}
