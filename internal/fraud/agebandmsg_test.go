package fraud

import (
	"strings"
	"testing"
	"time"

	"lookout/internal/mrz"
)

// Without a typed date of issue, the age-band signal must name what the
// issuer grants at the age on the date of issue the expiry implies — not
// at the holder's age today.
func TestAgeBandNamesThePeriodGrantedAtTheInferredAgeOfIssue(t *testing.T) {
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	lines, err := mrz.Generate(mrz.TD3, mrz.Fields{DocumentType: "P", IssuingState: "VEN", Surname: "PEREZ", GivenNames: "ANA",
		DocumentNumber: "457702910", Nationality: "VEN", BirthDate: "050210", Sex: "F", ExpiryDate: "320101"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := mrz.Parse(strings.Join(lines, "\n"), mrz.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	res := Evaluate(Input{Doc: doc, Now: now}, nil)
	for _, s := range res.Signals {
		if s.Code != "validity_age_band" {
			continue
		}
		if s.Evidence["age"] != "16" || !strings.Contains(s.Message, "grants 5 years") {
			t.Fatalf("age %q, message %q: want age 16 and VEN's 5 years at that age", s.Evidence["age"], s.Message)
		}
		return
	}
	t.Fatalf("no validity_age_band signal in %+v", res.Signals)
}
