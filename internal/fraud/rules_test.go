package fraud

import (
	"strings"
	"testing"

	"lookout/internal/bundle"
	"lookout/internal/mrz"
)

// ruleCase is one evaluation and the signal it must (positive) or must not
// (negative) raise.
type ruleCase struct {
	name  string
	code  string
	sev   Severity // positive cases: the expected severity; negative cases: the most the code may reach ("" = absent)
	input func(t *testing.T) Input
	facts *bundle.IssuerFacts
}

func mexIn(t *testing.T, edit func(*mrz.Fields, *Visual), patch func([]string) []string) Input {
	f, v := mexican(), mexicanVisual()
	if edit != nil {
		edit(&f, &v)
	}
	return Input{Doc: build(t, mrz.TD3, f, patch), Visual: v, Now: testNow}
}

func td3In(t *testing.T, f mrz.Fields, v Visual, patch func([]string) []string) Input {
	return Input{Doc: build(t, mrz.TD3, f, patch), Visual: v, Now: testNow}
}

func passport(state, nat, number, sur, given, birth, sex, expiry string) mrz.Fields {
	return mrz.Fields{DocumentType: "P", IssuingState: state, Nationality: nat, DocumentNumber: number,
		Surname: sur, GivenNames: given, BirthDate: birth, Sex: sex, ExpiryDate: expiry}
}

// wrongComposite sets the composite digit of TD3 line 2 to the digit
// computed over all of positions 1–43 (nationality and sex included).
func wrongComposite(lines []string) []string {
	l2 := []byte(lines[1])
	l2[43] = checkDigit(string(l2[0:43]))
	return []string{lines[0], string(l2)}
}

// badComposite sets the composite digit to one no known range explains.
func badComposite(lines []string) []string {
	d := &mrz.Document{Format: mrz.TD3, Lines: lines}
	l2 := []byte(lines[1])
	good := l2[43]
	for c := byte('0'); c <= '9'; c++ {
		if c == good {
			continue
		}
		if rng, _ := matchingWrongRange(d, string(c)); rng == "" {
			l2[43] = c
			break
		}
	}
	return []string{lines[0], string(l2)}
}

func lowConfidenceMexico() *bundle.IssuerFacts {
	f := DefaultFacts()
	f.Issuers[0].Confidence = "low"
	return f
}

func badFacts() *bundle.IssuerFacts {
	f := DefaultFacts()
	f.Issuers[0].Numbers = append(f.Issuers[0].Numbers, bundle.NumberPattern{DocType: "P", Regex: "[A-Z"})
	return f
}

var positives = []ruleCase{
	{name: "a changed birth date with its old check digit", code: "check_digit", sev: SevRefer,
		input: func(t *testing.T) Input { return mexIn(t, nil, setChar(1, 18, '9')) }},
	{name: "a composite digit no range explains", code: "composite_check_digit", sev: SevRefer,
		input: func(t *testing.T) Input { return mexIn(t, nil, badComposite) }},
	{name: "a composite computed over nationality and sex too", code: "composite_wrong_range", sev: SevRefer,
		input: func(t *testing.T) Input { return mexIn(t, nil, wrongComposite) }},
	{name: "an ID card whose composite covers nationality and sex", code: "composite_wrong_range", sev: SevRefer,
		input: func(t *testing.T) Input {
			f := passport("NLD", "NLD", "SPECI2021", "JANSEN", "ANNA", "900101", "F", "310101")
			f.DocumentType = "ID"
			for _, n := range []string{"SPECI2021", "XR4K2T6P1", "AB1234567", "NX9876543"} {
				f.DocumentNumber = n
				lines, _ := mrz.Generate(mrz.TD1, f)
				l2 := []byte(lines[1])
				if wrong := checkDigit(lines[0][5:30] + lines[1][0:29]); wrong != l2[29] {
					return Input{Doc: build(t, mrz.TD1, f, setChar(1, 29, wrong)), Now: testNow}
				}
			}
			t.Fatal("no document with a distinct wrong-range digit")
			return Input{}
		}},
	{name: "a P< passport expiring in 2039", code: "doc_code_anachronism", sev: SevRefer,
		input: func(t *testing.T) Input {
			return td3In(t, passport("NLD", "NLD", "NX1234567", "JANSEN", "PIET", "800101", "M", "390101"), Visual{}, nil)
		}},
	{name: "an emergency passport", code: "emergency_document", sev: SevInfo,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.DocumentType = "PE" }, nil)
		}},
	{name: "a birth date of 13/32 with correct check digits", code: "invalid_date", sev: SevRefer,
		input: func(t *testing.T) Input { return mexIn(t, nil, setTD3(13, "851332")) }},
	{name: "a holder born after the expiry date", code: "birth_after_expiry", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.BirthDate, f.ExpiryDate, *v = "200101", "190101", Visual{} }, nil)
		}},
	{name: "a typed birth year in the future", code: "birth_in_future", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { *v = Visual{BirthDate: "2030-01-01"} }, nil)
		}},
	{name: "a typed issue date before the birth", code: "birth_after_issue", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.IssueDate = "1980-01-01" }, nil)
		}},
	{name: "a typed issue date after the expiry", code: "expiry_before_issue", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.ExpiryDate, v.ExpiryDate, v.IssueDate = "250101", "2025-01-01", "2026-01-01"
			}, nil)
		}},
	{name: "a typed issue date next year", code: "issue_in_future", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.IssueDate = "2027-02-01" }, nil)
		}},
	{name: "a typed birth year of 1900", code: "age_outlier", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.BirthDate, *v = "000101", Visual{BirthDate: "1900-01-01"} }, nil)
		}},
	{name: "a birth date with unknown day and month", code: "unknown_birth_date", sev: SevInfo,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { *v = Visual{} }, setTD3(13, "85<<<<"))
		}},
	{name: "a passport that expired last year", code: "expired", sev: SevInfo,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.ExpiryDate, v.ExpiryDate, v.IssueDate = "250510", "2025-05-10", "2015-05-10"
			}, nil)
		}},
	{name: "a passport expiring in three months", code: "expires_soon", sev: SevInfo,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.ExpiryDate, v.ExpiryDate, v.IssueDate = "270226", "2027-02-26", "2017-02-26"
			}, nil)
		}},
	{name: "a UK passport expiring 10 years and 6 months from today (carry-over ended in 2018)", code: "expiry_beyond_maximum", sev: SevRefer,
		input: func(t *testing.T) Input {
			return td3In(t, passport("GBR", "GBR", "123456789", "SMITH", "JOHN", "800101", "M", "370526"), Visual{}, nil)
		}},
	{name: "an expiry beyond a low-confidence issuer's facts is only noted", code: "expiry_beyond_maximum", sev: SevInfo,
		facts: lowConfidenceMexico(),
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "400101", Visual{} }, nil)
		}},
	{name: "a Mexican passport expiring in 2040", code: "expiry_beyond_maximum", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "400101", Visual{} }, nil)
		}},
	{name: "a Mexican passport valid for 5 years issued in 2022", code: "validity_not_allowed", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.ExpiryDate, v.ExpiryDate, v.IssueDate = "270510", "2027-05-10", "2022-05-10"
			}, nil)
		}},
	{name: "a 10-year Mexican passport issued to a 9-year-old (typed issue date)", code: "validity_age_band", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.BirthDate, f.ExpiryDate = "150301", "340601"
				*v = Visual{IssueDate: "2024-06-01"}
			}, nil)
		}},
	{name: "a 10-year Mexican passport issued to a child (no issue date)", code: "validity_age_band", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.BirthDate, f.ExpiryDate = "150301", "340601"
				*v = Visual{}
			}, nil)
		}},
	{name: "a 10-year US passport for a 10-year-old", code: "validity_age_band", sev: SevRefer,
		input: func(t *testing.T) Input {
			return td3In(t, passport("USA", "USA", "A12345678", "SMITH", "JOHN", "140101", "M", "340301"), Visual{}, nil)
		}},
	{name: "a 1-year Mexican passport for an adult", code: "limited_validity", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.ExpiryDate = "270601"
				*v = Visual{IssueDate: "2026-06-01"}
			}, nil)
		}},
	{name: "a Spanish passport shorter than 10 years for a 40-year-old", code: "replacement_validity", sev: SevInfo,
		input: func(t *testing.T) Input {
			return td3In(t, passport("ESP", "ESP", "PAA123456", "GARCIA", "ANA", "850101", "F", "290301"),
				Visual{IssueDate: "2025-01-10"}, nil)
		}},
	{name: "a period outside the facts of a low-confidence issuer is only noted", code: "validity_not_allowed", sev: SevInfo,
		facts: lowConfidenceMexico(),
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.ExpiryDate, v.ExpiryDate, v.IssueDate = "270510", "2027-05-10", "2022-05-10"
			}, nil)
		}},
	{name: "a number outside the facts of a low-confidence issuer is only noted", code: "number_pattern", sev: SevInfo,
		facts: lowConfidenceMexico(),
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.DocumentNumber, v.DocumentNumber = "123456789", "123456789" }, nil)
		}},
	{name: "a Mexican passport with a nine-digit number", code: "number_pattern", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.DocumentNumber, v.DocumentNumber = "123456789", "123456789" }, nil)
		}},
	{name: "a Chinese number outside the known series is only noted", code: "number_pattern", sev: SevInfo,
		input: func(t *testing.T) Input {
			return td3In(t, passport("CHN", "CHN", "K12345678", "CHAN", "TAI MAN", "900101", "M", "300101"), Visual{}, nil)
		}},
	{name: "a US letter-prefix book that expired in 2021", code: "number_series_date", sev: SevRefer,
		input: func(t *testing.T) Input {
			return td3In(t, passport("USA", "USA", "A12345678", "SMITH", "JOHN", "800101", "M", "210601"), Visual{}, nil)
		}},
	{name: "a German passport issued as DEU", code: "issuer_code_anomaly", sev: SevRefer,
		input: func(t *testing.T) Input {
			return td3In(t, passport("DEU", "DEU", "C4J0R7XF1", "SCHMIDT", "HANS", "800101", "M", "300101"), Visual{}, nil)
		}},
	{name: "a Mexican ordinary passport held by a Guatemalan", code: "issuer_nationality_mismatch", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.Nationality, *v = "GTM", Visual{} }, nil)
		}},
	{name: "the ICAO specimen passport", code: "specimen_document", sev: SevRefer,
		input: func(t *testing.T) Input {
			return td3In(t, passport("UTO", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "740812", "F", "300415"), Visual{}, nil)
		}},
	{name: "a published US specimen number", code: "specimen_document", sev: SevRefer,
		input: func(t *testing.T) Input {
			return td3In(t, passport("USA", "USA", "E00007730", "DOE", "JANE", "800101", "F", "300101"), Visual{}, nil)
		}},
	{name: "Erika Mustermann on a German passport with another number", code: "specimen_name", sev: SevReview,
		input: func(t *testing.T) Input {
			return td3In(t, passport("D", "D", "C4J0R7XF1", "MUSTERMANN", "ERIKA", "830812", "F", "300101"), Visual{}, nil)
		}},
	{name: "a name containing SPECIMEN", code: "specimen_name", sev: SevReview,
		input: func(t *testing.T) Input {
			return td3In(t, passport("NLD", "NLD", "SPECI2014", "DE BRUIJN", "WILLEKE LISELOTTE SPECIMEN", "650310", "F", "240309"), Visual{}, nil)
		}},
	{name: "a passport issued 20 days ago for a first trip", code: "clean_passport", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				f.ExpiryDate = "361106"
				*v = Visual{IssueDate: "2026-11-06", FirstTrip: true}
			}, nil)
		}},
	{name: "a first trip on a passport whose expiry proves it is new", code: "clean_passport", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "361120", Visual{FirstTrip: true} }, nil)
		}},
	{name: "two passports reported lost before", code: "habitual_loser", sev: SevReview,
		input: func(t *testing.T) Input { return mexIn(t, func(f *mrz.Fields, v *Visual) { v.PriorLosses = 2 }, nil) }},
	{name: "one passport reported lost before", code: "prior_loss", sev: SevInfo,
		input: func(t *testing.T) Input { return mexIn(t, func(f *mrz.Fields, v *Visual) { v.PriorLosses = 1 }, nil) }},
	{name: "a document reported stolen", code: "document_reported", sev: SevRefer,
		input: func(t *testing.T) Input {
			in := mexIn(t, nil, nil)
			in.DocLookouts = []LookoutHit{{State: "MEX", Number: "G12345678", Reason: bundle.ReasonStolen, Source: "demo:1"}}
			return in
		}},
	{name: "a number inside a stolen blank series", code: "stolen_blank_series", sev: SevRefer,
		input: func(t *testing.T) Input {
			in := mexIn(t, nil, nil)
			in.DocLookouts = []LookoutHit{{State: "MEX", Number: "G12300000", Reason: bundle.ReasonStolenBlank, Source: "demo:2", Range: true}}
			return in
		}},
	{name: "a number in a fraud series", code: "fraud_series", sev: SevRefer,
		input: func(t *testing.T) Input {
			in := mexIn(t, nil, nil)
			in.DocLookouts = []LookoutHit{{State: "MEX", Number: "G12345678", Reason: bundle.ReasonFraudSeries, Source: "demo:3"}}
			return in
		}},
	{name: "a printed surname that differs from the MRZ", code: "viz_name_mismatch", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.Surname = "GARCIA PEREZ" }, nil)
		}},
	{name: "a printed birth date that differs from the MRZ", code: "viz_birth_date_mismatch", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.BirthDate = "1985-03-21" }, nil)
		}},
	{name: "a printed expiry that differs from the MRZ", code: "viz_expiry_mismatch", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.ExpiryDate = "2033-05-10" }, nil)
		}},
	{name: "a printed number that differs from the MRZ", code: "viz_number_mismatch", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.DocumentNumber = "G12345679" }, nil)
		}},
	{name: "a printed sex that differs from the MRZ", code: "viz_sex_mismatch", sev: SevRefer,
		input: func(t *testing.T) Input { return mexIn(t, func(f *mrz.Fields, v *Visual) { v.Sex = "F" }, nil) }},
	{name: "an issue date typed day first", code: "viz_input_invalid", sev: SevInfo,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.IssueDate = "10/05/2021" }, nil)
		}},
	{name: "a sex typed as a word the checker does not know", code: "viz_input_invalid", sev: SevInfo,
		input: func(t *testing.T) Input { return mexIn(t, func(f *mrz.Fields, v *Visual) { v.Sex = "Q" }, nil) }},
	{name: "facts with a pattern that does not compile", code: "facts_error", sev: SevInfo, facts: badFacts(),
		input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "facts with a validity rule without periods", code: "facts_error", sev: SevInfo,
		facts: func() *bundle.IssuerFacts {
			f := DefaultFacts()
			f.Issuers[0].Validity[0].Months = nil
			return f
		}(),
		input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a CURP with a wrong check digit", code: "curp_invalid", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) {
				c := []byte(v.CURP)
				c[17] = '0' + (c[17]-'0'+1)%10
				v.CURP = string(c)
			}, nil)
		}},
	{name: "a CURP with an unknown state code", code: "curp_invalid", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.CURP = validCURP("GALJ850312HZZRPN0") }, nil)
		}},
	{name: "a valid CURP of someone born on another day", code: "curp_mismatch", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.CURP = validCURP("GALJ850313HJCRPN0") }, nil)
		}},
	{name: "a valid CURP of a woman on a man's passport", code: "curp_mismatch", sev: SevRefer,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.CURP = validCURP("GALJ850312MJCRPN0") }, nil)
		}},
	{name: "a CURP born in Jalisco for a place of birth in Nuevo León", code: "curp_state_mismatch", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.PlaceOfBirth = "MONTERREY, NUEVO LEÓN" }, nil)
		}},
	{name: "a CURP born in Jalisco for a place of birth in the USA", code: "curp_state_mismatch", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.PlaceOfBirth = "LOS ANGELES, ESTADOS UNIDOS" }, nil)
		}},
	{name: "a CURP whose initials belong to another name", code: "curp_name_mismatch", sev: SevReview,
		input: func(t *testing.T) Input {
			return mexIn(t, func(f *mrz.Fields, v *Visual) { v.CURP = validCURP("PEMA850312HJCRRN0") }, nil)
		}},
}

var negatives = []ruleCase{
	{name: "a genuine zone has no failing check digit", code: "check_digit", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a wrong-range composite is reported as such, not as a plain failure", code: "composite_check_digit", input: func(t *testing.T) Input {
		return mexIn(t, nil, wrongComposite)
	}},
	{name: "an unknown birth day and month is not an invalid date", code: "invalid_date", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { *v = Visual{} }, setTD3(13, "85<<<<"))
	}},
	{name: "a baby born last year on a 3-year passport", code: "birth_after_expiry", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) {
			f.BirthDate, f.ExpiryDate = "250101", "280301"
			*v = Visual{IssueDate: "2025-03-01", BirthDate: "2025-01-01"}
		}, nil)
	}},
	{name: "a baby born last month", code: "birth_in_future", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) {
			f.BirthDate, f.ExpiryDate = "261020", "271120"
			*v = Visual{BirthDate: "2026-10-20", IssueDate: "2026-11-20"}
		}, nil)
	}},
	{name: "a passport issued on the day of birth", code: "birth_after_issue", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) {
			f.BirthDate, f.ExpiryDate = "250101", "260101"
			*v = Visual{IssueDate: "2025-01-01"}
		}, nil)
	}},
	{name: "a typed issue date before the expiry", code: "expiry_before_issue", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a passport issued today", code: "issue_in_future", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "361126", Visual{IssueDate: "2026-11-26"} }, nil)
	}},
	{name: "a full birth date", code: "unknown_birth_date", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a passport expiring tomorrow has not expired", code: "expired", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "261127", Visual{} }, nil)
	}},
	{name: "a 10-year Mexican passport issued today", code: "expiry_beyond_maximum", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "361126", Visual{} }, nil)
	}},
	{name: "a 10-year Spanish passport for a 40-year-old", code: "replacement_validity", input: func(t *testing.T) Input {
		return td3In(t, passport("ESP", "ESP", "PAA123456", "GARCIA", "ANA", "850101", "F", "350110"),
			Visual{IssueDate: "2025-01-10"}, nil)
	}},
	{name: "a typed expiry equal to the MRZ", code: "viz_expiry_mismatch", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "an issue date typed as YYYYMMDD", code: "viz_input_invalid", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { v.IssueDate = "20210510" }, nil)
	}},
	{name: "the default facts are usable", code: "facts_error", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a genuine Mexican passport, fully typed", code: "*", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a genuine Mexican passport, MRZ only", code: "*", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { *v = Visual{} }, nil)
	}},
	{name: "a composite digit that is right", code: "composite_wrong_range", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a P< passport expiring in 2037", code: "doc_code_anachronism", input: func(t *testing.T) Input {
		return td3In(t, passport("NLD", "NLD", "NX1234567", "JANSEN", "PIET", "800101", "M", "371231"), Visual{}, nil)
	}},
	{name: "a PP passport expiring in 2039", code: "doc_code_anachronism", input: func(t *testing.T) Input {
		f := passport("NLD", "NLD", "NX1234567", "JANSEN", "PIET", "800101", "M", "390101")
		f.DocumentType = "PP"
		return td3In(t, f, Visual{}, nil)
	}},
	{name: "a diplomatic passport is not an emergency document", code: "emergency_document", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.DocumentType = "PD" }, nil)
	}},
	{name: "a holder aged 95", code: "age_outlier", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.BirthDate, *v = "310101", Visual{BirthDate: "1931-01-01"} }, nil)
	}},
	{name: "a passport expiring in two years is neither expired nor expiring soon", code: "expires_soon", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "281201", Visual{} }, nil)
	}},
	{name: "a 6-year Mexican passport for a 17-year-old", code: "validity_age_band", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) {
			f.BirthDate, f.ExpiryDate = "080615", "300601"
			*v = Visual{IssueDate: "2024-06-01"}
		}, nil)
	}},
	{name: "a 10-year Mexican passport issued on the 18th birthday", code: "validity_age_band", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.BirthDate, f.ExpiryDate, *v = "060601", "340601", Visual{} }, nil)
	}},
	{name: "a 5-year Mexican passport issued in 2014 (old scheme, low confidence) is at most noted", code: "validity_not_allowed", sev: SevInfo, input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "190510", Visual{IssueDate: "2014-05-10"} }, nil)
	}},
	{name: "a UK passport of 2015 with 8 months carried over", code: "validity_not_allowed", input: func(t *testing.T) Input {
		return td3In(t, passport("GBR", "GBR", "123456789", "SMITH", "JOHN", "700101", "M", "260110"), Visual{IssueDate: "2015-05-10"}, nil)
	}},
	{name: "a Colombian minor's passport (no facts for minors)", code: "validity_age_band", input: func(t *testing.T) Input {
		return td3In(t, passport("COL", "COL", "AR1234567", "GOMEZ", "ANA", "150101", "F", "340101"), Visual{}, nil)
	}},
	{name: "an Indian minor's passport valid until the 18th birthday", code: "validity_not_allowed", input: func(t *testing.T) Input {
		return td3In(t, passport("IND", "IND", "K1234567", "SHARMA", "RAVI", "100301", "M", "280301"), Visual{IssueDate: "2024-01-15"}, nil)
	}},
	{name: "a 10-year Mexican passport issued 3 years ago", code: "limited_validity", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a US nine-digit book expiring in 2030", code: "number_pattern", input: func(t *testing.T) Input {
		return td3In(t, passport("USA", "USA", "512345678", "SMITH", "JOHN", "800101", "M", "300101"), Visual{}, nil)
	}},
	{name: "an issuer without facts is not penalised for its number", code: "number_pattern", input: func(t *testing.T) Input {
		return td3In(t, passport("PER", "PER", "1", "QUISPE", "ROSA", "800101", "F", "300101"), Visual{}, nil)
	}},
	{name: "a US letter-prefix book expiring in 2033", code: "number_series_date", input: func(t *testing.T) Input {
		return td3In(t, passport("USA", "USA", "A12345678", "SMITH", "JOHN", "800101", "M", "330101"), Visual{}, nil)
	}},
	{name: "a British Overseas Territories citizen", code: "issuer_nationality_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("GBR", "GBD", "123456789", "SMITH", "JOHN", "800101", "M", "300101"), Visual{}, nil)
	}},
	{name: "a stateless holder's travel document", code: "issuer_nationality_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("D", "XXA", "C01234567", "AHMAD", "ALI", "800101", "M", "300101"), Visual{}, nil)
	}},
	{name: "a UN laissez-passer", code: "issuer_nationality_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("UNO", "KEN", "123456789", "OTIENO", "JAMES", "800101", "M", "300101"), Visual{}, nil)
	}},
	{name: "a refugee travel document (PR)", code: "issuer_nationality_mismatch", input: func(t *testing.T) Input {
		f := passport("MEX", "SYR", "G12345678", "HADDAD", "OMAR", "800101", "M", "300101")
		f.DocumentType = "PR"
		return td3In(t, f, Visual{}, nil)
	}},
	{name: "a German holder with the code D", code: "issuer_code_anomaly", input: func(t *testing.T) Input {
		return td3In(t, passport("D", "D", "C4J0R7XF1", "SCHMIDT", "HANS", "800101", "M", "300101"), Visual{}, nil)
	}},
	{name: "a real Sarah Martin of Canada", code: "specimen_name", input: func(t *testing.T) Input {
		return td3In(t, passport("CAN", "CAN", "AB123456", "MARTIN", "SARAH", "800101", "F", "300101"), Visual{}, nil)
	}},
	{name: "a real Anna Maria Eriksson of Sweden", code: "specimen_name", input: func(t *testing.T) Input {
		return td3In(t, passport("SWE", "SWE", "12345678", "ERIKSSON", "ANNA MARIA", "740812", "F", "300415"), Visual{}, nil)
	}},
	{name: "a specimen number of another state", code: "specimen_document", input: func(t *testing.T) Input {
		return td3In(t, passport("MEX", "MEX", "E00007730", "DOE", "JANE", "800101", "F", "300101"), Visual{}, nil)
	}},
	{name: "a first trip on a passport issued two years ago", code: "clean_passport", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { v.FirstTrip = true }, nil)
	}},
	{name: "a passport issued 20 days ago with prior travel", code: "clean_passport", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "361106", Visual{IssueDate: "2026-11-06"} }, nil)
	}},
	{name: "a first trip whose expiry allows an old issue", code: "clean_passport", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.ExpiryDate, *v = "290101", Visual{FirstTrip: true} }, nil)
	}},
	{name: "one loss is not habitual", code: "habitual_loser", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { v.PriorLosses = 1 }, nil)
	}},
	{name: "no loss", code: "prior_loss", input: func(t *testing.T) Input { return mexIn(t, nil, nil) }},
	{name: "a reported document is not a stolen blank", code: "stolen_blank_series", input: func(t *testing.T) Input {
		in := mexIn(t, nil, nil)
		in.DocLookouts = []LookoutHit{{State: "MEX", Number: "G12345678", Reason: bundle.ReasonLost}}
		return in
	}},
	{name: "a stolen blank is not a reported document", code: "document_reported", input: func(t *testing.T) Input {
		in := mexIn(t, nil, nil)
		in.DocLookouts = []LookoutHit{{State: "MEX", Number: "G12300000", Reason: bundle.ReasonStolenBlank, Range: true}}
		return in
	}},
	{name: "a reported document is not a fraud series", code: "fraud_series", input: func(t *testing.T) Input {
		in := mexIn(t, nil, nil)
		in.DocLookouts = []LookoutHit{{State: "MEX", Number: "G12345678", Reason: bundle.ReasonRevoked}}
		return in
	}},
	{name: "MÜLLER printed, MUELLER in the MRZ", code: "viz_name_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("D", "D", "C4J0R7XF1", "MUELLER", "JOERG", "800101", "M", "300101"),
			Visual{Surname: "Müller", GivenNames: "Jörg"}, nil)
	}},
	{name: "MÜLLER printed, MULLER in the MRZ", code: "viz_name_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("CHE", "CHE", "X1234567", "MULLER", "JORG", "800101", "M", "300101"),
			Visual{Surname: "MÜLLER", GivenNames: "JÖRG"}, nil)
	}},
	{name: "O'Neil-Smith printed, ONEIL SMITH in the MRZ", code: "viz_name_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("IRL", "IRL", "PA1234567", "ONEIL SMITH", "SEAN", "800101", "M", "300101"),
			Visual{Surname: "O'Neil-Smith", GivenNames: "Seán"}, nil)
	}},
	{name: "a long name truncated in the MRZ", code: "viz_name_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("MEX", "MEX", "G12345678", "HERNANDEZ DE LA FUENTE MONTEMAYOR", "MARIA GUADALUPE ALEJANDRA", "800101", "F", "300101"),
			Visual{Surname: "HERNÁNDEZ DE LA FUENTE MONTEMAYOR", GivenNames: "MARÍA GUADALUPE ALEJANDRA"}, nil)
	}},
	{name: "a name typed in Cyrillic is not compared", code: "viz_name_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("RUS", "RUS", "751234567", "IVANOV", "IVAN", "800101", "M", "300101"),
			Visual{Surname: "ИВАНОВ"}, nil)
	}},
	{name: "a VIZ birth date with unknown month and day", code: "viz_birth_date_mismatch", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { v.BirthDate = "1985-XX-XX" }, nil)
	}},
	{name: "a number typed with spaces", code: "viz_number_mismatch", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { v.DocumentNumber = "g 1234 5678" }, nil)
	}},
	{name: "X typed for a filler in the MRZ", code: "viz_sex_mismatch", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) { f.Sex, v.Sex, v.CURP = "", "X", "" }, nil)
	}},
	{name: "a CURP on a non-Mexican passport is not checked", code: "curp_invalid", input: func(t *testing.T) Input {
		return td3In(t, passport("USA", "USA", "512345678", "SMITH", "JOHN", "800101", "M", "300101"), Visual{CURP: "NONSENSE"}, nil)
	}},
	{name: "a CURP of a holder born abroad with a foreign place of birth", code: "curp_state_mismatch", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) {
			v.CURP, v.PlaceOfBirth = validCURP("GALJ850312HNERPN0"), "LOS ANGELES, CALIFORNIA, EUA"
		}, nil)
	}},
	{name: "a CURP of María del Carmen uses the C of Carmen", code: "curp_name_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("MEX", "MEX", "G12345678", "RUIZ DIAZ", "MARIA DEL CARMEN", "850312", "F", "310510"),
			Visual{CURP: validCURP("RUDC850312MJCZZR0")}, nil)
	}},
	{name: "a city named after another state, in the right state", code: "curp_state_mismatch", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) {
			v.CURP, v.PlaceOfBirth = validCURP("GALJ850312HCHRPN0"), "HIDALGO DEL PARRAL, CHIHUAHUA"
		}, nil)
	}},
	{name: "a state named with its official long name", code: "curp_state_mismatch", input: func(t *testing.T) Input {
		return mexIn(t, func(f *mrz.Fields, v *Visual) {
			v.CURP, v.PlaceOfBirth = validCURP("GALJ850312HVZRPN0"), "Xalapa, Veracruz de Ignacio de la Llave"
		}, nil)
	}},
	{name: "a CURP with an Ñ surname written X", code: "curp_name_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("MEX", "MEX", "G12345678", "NUNEZ LOPEZ", "JOSE LUIS", "850312", "M", "310510"),
			Visual{CURP: validCURP("XULL850312HJCXPS0")}, nil)
	}},
	{name: "a CURP of someone born in 2005 (letter homonym character)", code: "curp_mismatch", input: func(t *testing.T) Input {
		return td3In(t, passport("MEX", "MEX", "G12345678", "GARCIA LOPEZ", "ANA", "050312", "F", "310510"),
			Visual{CURP: validCURP("GALA050312MDFRPNA")}, nil)
	}},
}

func evalCase(t *testing.T, c ruleCase) Result {
	t.Helper()
	return Evaluate(c.input(t), c.facts)
}

func TestRulesFireOnTheirPositiveCases(t *testing.T) {
	for _, c := range positives {
		t.Run(c.name, func(t *testing.T) {
			res := evalCase(t, c)
			s := find(res, c.code)
			if s == nil {
				t.Fatalf("no %s signal; got %v", c.code, codes(res))
			}
			if s.Severity != c.sev {
				t.Errorf("%s severity = %s, want %s (%s)", c.code, s.Severity, c.sev, s.Message)
			}
			for _, msg := range []string{s.Message, s.MessageES} {
				if msg == "" || strings.Contains(msg, "{") {
					t.Errorf("%s message not fully rendered: %q", c.code, msg)
				}
			}
			if s.Source == "" || len(s.Fields) == 0 {
				t.Errorf("%s lacks a source or fields: %+v", c.code, s)
			}
		})
	}
}

func TestRulesStaySilentOnTheirNegativeCases(t *testing.T) {
	for _, c := range negatives {
		t.Run(c.name, func(t *testing.T) {
			res := evalCase(t, c)
			if c.code == "*" {
				for _, s := range res.Signals {
					t.Errorf("unexpected signal %s/%s: %s", s.Code, s.Severity, s.Message)
				}
				return
			}
			if s := find(res, c.code); s != nil && (c.sev == "" || s.Severity.rank() > c.sev.rank()) {
				t.Errorf("unexpected %s/%s: %s (all: %v)", s.Code, s.Severity, s.Message, codes(res))
			}
		})
	}
}

func TestEveryRuleHasAPositiveAndANegativeCase(t *testing.T) {
	pos, neg := map[string]bool{}, map[string]bool{}
	for _, c := range positives {
		pos[c.code] = true
	}
	for _, c := range negatives {
		neg[c.code] = true
	}
	for _, r := range Rules() {
		if !pos[r.Code] {
			t.Errorf("rule %s has no positive case", r.Code)
		}
		if !neg[r.Code] {
			t.Errorf("rule %s has no negative case", r.Code)
		}
	}
}

// TestLowConfidenceFactsNeverRaiseAboveInfo marks every issuer of the
// defaults low confidence and replays the positive cases of the rules that
// rest on issuer facts: none may rise above info.
func TestLowConfidenceFactsNeverRaiseAboveInfo(t *testing.T) {
	factRules := map[string]bool{"expiry_beyond_maximum": true, "validity_not_allowed": true, "validity_age_band": true,
		"limited_validity": true, "replacement_validity": true, "number_pattern": true, "number_series_date": true}
	low := DefaultFacts()
	for i := range low.Issuers {
		low.Issuers[i].Confidence = "low"
	}
	n := 0
	for _, c := range positives {
		if !factRules[c.code] {
			continue
		}
		n++
		res := Evaluate(c.input(t), low)
		for _, s := range res.Signals {
			if factRules[s.Code] && s.Severity != SevInfo {
				t.Errorf("%s: %s/%s with low-confidence facts: %s", c.name, s.Code, s.Severity, s.Message)
			}
		}
	}
	if n < len(factRules) {
		t.Errorf("only %d cases replayed", n)
	}
}
