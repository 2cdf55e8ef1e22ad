package demolist

import (
	"strings"
	"testing"
	"time"

	"lookout/internal/mrz"
)

func TestTravelerMRZParsesBackToTheTraveler(t *testing.T) {
	src := generate(t, Config{People: 6000, Documents: 10})
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, tr := range Sample(src, 60) {
		lines, err := tr.MRZ("2031-05-17")
		if err != nil {
			t.Errorf("%s: %v", tr.ID, err)
			continue
		}
		doc, err := mrz.Parse(strings.Join(lines, "\n"), mrz.Options{Now: now})
		if err != nil {
			t.Errorf("%s: %v", tr.ID, err)
			continue
		}
		f := doc.Fields
		if f.DocumentNumber != tr.DocumentNumber || f.BirthDateISO != tr.DOB || f.Surname == "" || f.GivenNames == "" {
			t.Errorf("%s: zone %q parses to %+v", tr.ID, lines, f)
		}
		if !doc.Valid {
			t.Errorf("%s: zone %q is not valid", tr.ID, lines)
		}
		for _, fd := range doc.Findings {
			if fd.Severity == mrz.SevError {
				t.Errorf("%s: zone %q has error %+v", tr.ID, lines, fd)
			}
		}
	}
}

func TestTravelerMRZRejectsPartialDates(t *testing.T) {
	tr := Traveler{ID: "demo:1", Surname: "GARCÍA", Given: "Juan", DOB: "1980", Sex: "M", Nationality: "MEX", DocumentNumber: "G12345678", IssuingState: "MEX"}
	if _, err := tr.MRZ("2030-01-01"); err == nil || !strings.Contains(err.Error(), "birth date") {
		t.Errorf("error %v, want one about the birth date", err)
	}
}
