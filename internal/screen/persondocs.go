package screen

import (
	"fmt"
	"sort"
	"strings"

	"lookout/internal/bundle"
	"lookout/internal/countries"
	"lookout/internal/watchlist"
)

// personDocs finds listed persons by the identity documents the list says
// they hold: a traveler presenting a listed person's passport is a strong
// hit whatever name the MRZ carries.
type personDocs struct {
	byNumber map[string][]docOwner // normalised number → owners
	entries  []bundle.Entry
}

type docOwner struct {
	entry int
	doc   int
}

// normDocNumber keeps letters and digits, upper-cased, and folds O into 0
// (the usual misreading), so MRZ fillers, spaces and hyphens never hide a
// listed number.
func normDocNumber(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == 'O':
			b.WriteByte('0')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

func newPersonDocs(entries []bundle.Entry) *personDocs {
	pd := &personDocs{byNumber: map[string][]docOwner{}, entries: entries}
	for i := range entries {
		for j, d := range entries[i].Documents {
			n := normDocNumber(d.Number)
			if len(n) < 5 { // too short to identify anyone
				continue
			}
			pd.byNumber[n] = append(pd.byNumber[n], docOwner{i, j})
		}
	}
	return pd
}

// lookup returns a hit for every listed person holding number, issued by
// state when both sides name one.
func (pd *personDocs) lookup(state, number string) []watchlist.Hit {
	if pd == nil {
		return nil
	}
	owners := pd.byNumber[normDocNumber(number)]
	state = countries.Normalize(strings.ToUpper(strings.TrimSpace(state)))
	var hits []watchlist.Hit
	for _, o := range owners {
		e := &pd.entries[o.entry]
		d := e.Documents[o.doc]
		ds := countries.Normalize(strings.ToUpper(d.State))
		if state != "" && ds != "" && ds != state {
			continue
		}
		kind := d.Type
		if kind == "" {
			kind = "document"
		}
		h := watchlist.Hit{
			ID:       e.ID,
			Score:    1,
			Level:    watchlist.LevelStrong,
			Category: e.Category,
			Action:   e.Action,
			Entry:    o.entry,
			Reasons: []watchlist.Reason{{
				Kind:   "document",
				Detail: fmt.Sprintf("%s %s %s is listed as held by this person", kind, d.State, d.Number),
				Query:  number,
				List:   d.Number,
				How:    "exact",
			}},
		}
		if len(e.Names) > 0 {
			h.Name, h.PrimaryName = e.Names[0].Full, e.Names[0].Full
		}
		if len(e.DOBs) > 0 {
			h.DOB = e.DOBs[0].Date
		}
		if len(e.POBs) > 0 {
			h.POB = e.POBs[0]
		}
		if len(e.Nationalities) > 0 {
			h.Nationality = e.Nationalities[0]
		}
		hits = append(hits, h)
	}
	return hits
}

// mergeHits adds document-number hits on listed persons, keeping one hit
// per entry (the higher score, with both sets of reasons) ordered by score.
func mergeHits(hits, more []watchlist.Hit) []watchlist.Hit {
	if len(more) == 0 {
		return hits
	}
	seen := map[string]int{}
	for i, h := range hits {
		seen[h.ID] = i
	}
	for _, h := range more {
		if i, ok := seen[h.ID]; ok {
			old := hits[i]
			if h.Score > old.Score {
				old.Score, old.Level = h.Score, h.Level
			}
			old.Reasons = append(old.Reasons, h.Reasons...)
			hits[i] = old
			continue
		}
		seen[h.ID] = len(hits)
		hits = append(hits, h)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	return hits
}
