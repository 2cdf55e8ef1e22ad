package fraud_test

import (
	"fmt"
	"strings"
	"time"

	"lookout/internal/fraud"
	"lookout/internal/mrz"
)

// A 10-year Mexican passport issued to a nine-year-old: Mexico grants
// minors 3 or 6 years, so the document is referred.
func ExampleEvaluate() {
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	lines, _ := mrz.Generate(mrz.TD3, mrz.Fields{
		IssuingState: "MEX", Nationality: "MEX", Surname: "GARCIA LOPEZ", GivenNames: "ANA",
		DocumentNumber: "G12345678", BirthDate: "150301", Sex: "F", ExpiryDate: "340601",
	})
	doc, _ := mrz.Parse(strings.Join(lines, "\n"), mrz.Options{Now: now})
	res := fraud.Evaluate(fraud.Input{Doc: doc, Visual: fraud.Visual{IssueDate: "2024-06-01"}, Now: now}, nil)
	fmt.Println(res.Recommendation)
	for _, s := range res.Signals {
		fmt.Printf("%s %s: %s\n", s.Severity, s.Code, s.Message)
	}
	// Output:
	// refer
	// refer validity_age_band: A passport valid for 10 years for a holder aged 9 at issue: MEX grants 3 or 6 years at that age.
}
