package demolist

import (
	"fmt"

	"lookout/internal/mrz"
	"lookout/internal/names"
)

// MRZ returns the machine readable zone (TD3, two lines of 44) of the
// traveler's passport as its issuing state would print it: names
// transliterated by ICAO Doc 9303 and truncated to fit, expiring on expiry
// (YYYY-MM-DD). Tests screen it and expect a hit on the traveler's ID.
func (t Traveler) MRZ(expiry string) ([]string, error) {
	birth, err := yymmdd(t.DOB)
	if err != nil {
		return nil, fmt.Errorf("demolist: %s: birth date: %v", t.ID, err)
	}
	exp, err := yymmdd(expiry)
	if err != nil {
		return nil, fmt.Errorf("demolist: %s: expiry: %v", t.ID, err)
	}
	return mrz.Generate(mrz.TD3, mrz.Fields{
		DocumentType:   "P",
		IssuingState:   mrzState(t.IssuingState),
		Surname:        names.ICAO(t.Surname, ""),
		GivenNames:     names.ICAO(t.Given, ""),
		DocumentNumber: t.DocumentNumber,
		Nationality:    mrzState(t.Nationality),
		BirthDate:      birth,
		Sex:            t.Sex,
		ExpiryDate:     exp,
	})
}

// mrzState writes Germany as the MRZ does (D); other codes are the same.
func mrzState(code string) string {
	if code == "DEU" {
		return "D"
	}
	return code
}

func yymmdd(iso string) (string, error) {
	if len(iso) != 10 || iso[4] != '-' || iso[7] != '-' {
		return "", fmt.Errorf("%q is not YYYY-MM-DD", iso)
	}
	return iso[2:4] + iso[5:7] + iso[8:10], nil
}
