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
