package screen

import (
	"fmt"
	"sort"
	"strings"

	"lookout/internal/bundle"
	"lookout/internal/watchlist"
)

func docDigits(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupDocument looks a document up in the list's lost, stolen and
// revoked documents, and among the documents listed persons hold (each
// candidate confirmed against the decoded entry).
func (l *loaded) lookupDocument(state, number string) ([]watchlist.DocHit, []watchlist.Hit) {
	docHits := nonNil(l.docs.Lookup(state, number))
	var held []watchlist.Hit
	st, num := holderState(state), holderNumber(number)
	for _, i := range l.holders.candidates(state, number) {
		e := l.entries.get(i)
		if e == nil {
			continue
		}
		for _, d := range e.Documents {
			if holderState(d.State) == st && holderNumber(d.Number) == num {
				held = append(held, holderHit(i, e, d, number))
				break
			}
		}
	}
	return docHits, held
}

func holderHit(i int, e *bundle.Entry, d bundle.DocRef, query string) watchlist.Hit {
	kind := d.Type
	if kind == "" {
		kind = "document"
	}
	how := "exact"
	if docDigits(query) != docDigits(d.Number) {
		how = "variant" // met only after O/0 or filler normalisation
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
