package demolist

import (
	"strings"

	"lookout/internal/bundle"
)

// Traveler is a listed person as a traveler presents: the primary name, a
// full date of birth, nationality, sex and a passport on the list. Tests
// screen travelers built from these and expect a hit on ID.
type Traveler struct {
	ID             string
	Surname, Given string // the list's primary name, source form
	DOB            string // YYYY-MM-DD
	Sex            string // "M" or "F"
	Nationality    string // alpha-3
	DocumentNumber string
	IssuingState   string
}

// Sample returns up to n travelers from src, spread evenly over the list
// and picked deterministically: entries whose primary name has a surname
// and a given name, a full date of birth, a nationality, a known sex and a
// passport of a known state.
func Sample(src *bundle.Source, n int) []Traveler {
	if n <= 0 || len(src.Entries) == 0 {
		return nil
	}
	var all []Traveler
	for i := range src.Entries {
		if t, ok := traveler(&src.Entries[i]); ok {
			all = append(all, t)
		}
	}
	if len(all) <= n {
		return all
	}
	out := make([]Traveler, n)
	for i := range out {
		out[i] = all[i*len(all)/n]
	}
	return out
}

func traveler(e *bundle.Entry) (Traveler, bool) {
	if len(e.Names) == 0 || e.Names[0].Surname == "" || e.Names[0].Given == "" || e.Sex == "" || len(e.Nationalities) == 0 {
		return Traveler{}, false
	}
	t := Traveler{ID: e.ID, Surname: e.Names[0].Surname, Given: e.Names[0].Given, Sex: e.Sex, Nationality: e.Nationalities[0]}
	for _, d := range e.DOBs {
		if len(d.Date) == 10 && d.To == "" && !d.Circa {
			t.DOB = d.Date
			break
		}
	}
	for _, d := range e.Documents {
		// Nine characters at most: the number must fit a passport's MRZ.
		if d.Type == "passport" && d.State != "" && len(d.Number) <= 9 {
			t.DocumentNumber, t.IssuingState = d.Number, d.State
			break
		}
	}
	if t.DOB == "" || t.DocumentNumber == "" || strings.Contains(t.Surname+" "+t.Given, "  ") {
		return Traveler{}, false
	}
	return t, true
}

// SampleDocuments returns up to n individual (non-range) document lookouts
// spread evenly over src, for tests that expect a document hit.
func SampleDocuments(src *bundle.Source, n int) []bundle.DocLookout {
	if n <= 0 || len(src.DocLookouts) == 0 {
		return nil
	}
	step := max(1, len(src.DocLookouts)/(n*2))
	var out []bundle.DocLookout
	for i := 0; i < len(src.DocLookouts) && len(out) < n; i += step {
		if d := src.DocLookouts[i]; d.End == "" {
			out = append(out, d)
		}
	}
	return out
}
