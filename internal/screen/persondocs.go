package screen

import (
	"fmt"
	"sort"
	"strings"

	"lookout/internal/bundle"
	"lookout/internal/countries"
	"lookout/internal/watchlist"
)

// ReasonHeld marks a document lookout that is a listed person's own
// identity document: a traveler presenting it is a strong hit on that
// person whatever name the MRZ carries. The bundle builder adds these to
// the document index (HolderLookouts) so the page finds them in place,
// without decoding the entries.
const ReasonHeld = "listed-person"

// HolderLookouts returns one document lookout per identity document of a
// listed person (with an issuing state and a number long enough to
// identify anyone), sourced to the entry's id.
func HolderLookouts(entries []bundle.Entry) []bundle.DocLookout {
	var out []bundle.DocLookout
	for i := range entries {
		for _, d := range entries[i].Documents {
			st := countries.Normalize(strings.ToUpper(strings.TrimSpace(d.State)))
			if _, ok := countries.Lookup(st); !ok || len(docDigits(d.Number)) < 5 {
				continue
			}
			out = append(out, bundle.DocLookout{State: st, Number: d.Number, Reason: ReasonHeld, Source: entries[i].ID})
		}
	}
	return out
}

func docDigits(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupDocument looks a document up in the list's document index and
// splits the answers: lost, stolen and revoked documents, and listed
// persons' own documents turned into hits on those persons.
func (l *loaded) lookupDocument(state, number string) ([]watchlist.DocHit, []watchlist.Hit) {
	docHits := []watchlist.DocHit{}
	var held []watchlist.Hit
	for _, d := range l.docs.Lookup(state, number) {
		if d.Reason != ReasonHeld {
			docHits = append(docHits, d)
			continue
		}
		i, ok := l.entries.byID(d.Source)
		if !ok {
			continue
		}
		e := l.entries.get(i)
		if e == nil {
			continue
		}
		held = append(held, holderHit(i, e, d, number))
	}
	return docHits, held
}

func holderHit(i int, e *bundle.Entry, d watchlist.DocHit, query string) watchlist.Hit {
	kind := "document"
	for _, r := range e.Documents {
		if docDigits(r.Number) == docDigits(d.Number) && r.Type != "" {
			kind = r.Type
			break
		}
	}
	how := "exact"
	if d.Normalised {
		how = "variant"
	}
	h := watchlist.Hit{
		ID:       e.ID,
		Score:    1,
		Level:    watchlist.LevelStrong,
		Category: e.Category,
		Action:   e.Action,
		Entry:    i,
		Reasons: []watchlist.Reason{{
			Kind:   "document",
			Detail: fmt.Sprintf("%s %s %s is listed as held by this person", kind, d.State, d.Number),
			Query:  query,
			List:   d.Number,
			How:    how,
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
	return h
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
