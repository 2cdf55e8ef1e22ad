package fraud

import (
	"strconv"
	"strings"
)

const src9303Dates = "ICAO Doc 9303-3 §3.8, §4.8"

// maxPlausibleAge is the age above which a holder is an outlier (the oldest
// verified people have been under 123).
const maxPlausibleAge = 110

// soonDays is the remaining validity many states require for entry.
const soonMonths = 6

func dateRules() []Rule {
	return []Rule{
		{
			Code:      "invalid_date",
			Severity:  SevRefer,
			Fields:    []string{"birth_date", "expiry_date"},
			Message:   "The {field_name} {value} is not a calendar date.",
			MessageES: "{field_name_es} {value} no es una fecha del calendario.",
			Rationale: "Issuers print real dates; an impossible date (month 13, 30 February, fillers in the expiry) " +
				"comes from a misread or a hand-made zone.",
			FalsePositives: "OCR errors. Unknown parts of a birth date are printed as fillers and are not flagged here.",
			Source:         src9303Dates,
			Heuristic:      "H15",
			check:          checkInvalidDates,
		},
		{
			Code:      "birth_after_expiry",
			Severity:  SevRefer,
			Fields:    []string{"birth_date", "expiry_date"},
			Message:   "The holder was born on {birth}, after the passport's expiry date {expiry}.",
			MessageES: "El titular nació el {birth}, después de la fecha de vencimiento del pasaporte ({expiry}).",
			Rationale: "No document expires before its holder is born; the dates were invented or edited.",
			FalsePositives: "Century resolution of two-digit years is done by the parser (birth in the past, " +
				"expiry near today); a misread digit can still cause it.",
			Source:    src9303Dates,
			Heuristic: "H15",
			check: func(c *context) []hit {
				if c.birth.IsZero() || c.expiry.IsZero() || !c.birth.After(c.expiry) {
					return nil
				}
				return one(hit{ev: ev("birth", iso(c.birth), "expiry", iso(c.expiry))})
			},
		},
		{
			Code:           "birth_in_future",
			Severity:       SevRefer,
			Fields:         []string{"birth_date"},
			Message:        "The date of birth {birth} is in the future.",
			MessageES:      "La fecha de nacimiento {birth} está en el futuro.",
			Rationale:      "A holder cannot be born after today.",
			FalsePositives: "A typing error in the typed birth date; a wrong clock on the checking device.",
			Source:         src9303Dates,
			Heuristic:      "H30",
			check: func(c *context) []hit {
				if !c.birth.IsZero() && c.birth.After(c.now) {
					return one(hit{fields: []string{"birth_date"}, ev: ev("birth", iso(c.birth))})
				}
				if c.vizBirthKnown && c.vizBirth[0] > c.now.Year() {
					return one(hit{fields: []string{"birth_date"}, ev: ev("birth", strings.TrimSpace(c.in.Visual.BirthDate))})
				}
				return nil
			},
		},
		{
			Code:           "birth_after_issue",
			Severity:       SevRefer,
			Fields:         []string{"birth_date", "issue_date"},
			Message:        "The passport was issued on {issue}, before the holder was born ({birth}). Check the typed date of issue.",
			MessageES:      "El pasaporte se expidió el {issue}, antes del nacimiento del titular ({birth}). Compruebe la fecha de expedición tecleada.",
			Rationale:      "A passport cannot be issued to someone not yet born.",
			FalsePositives: "A typing error in the date of issue.",
			Source:         src9303Dates,
			Heuristic:      "H15",
			check: func(c *context) []hit {
				if c.issue.IsZero() || c.birth.IsZero() || !c.issue.Before(c.birth) {
					return nil
				}
				return one(hit{ev: ev("issue", iso(c.issue), "birth", iso(c.birth))})
			},
		},
		{
			Code:           "expiry_before_issue",
			Severity:       SevRefer,
			Fields:         []string{"expiry_date", "issue_date"},
			Message:        "The passport expires on {expiry}, not after its date of issue {issue}. Check the typed date of issue.",
			MessageES:      "El pasaporte vence el {expiry}, no después de su fecha de expedición ({issue}). Compruebe la fecha de expedición tecleada.",
			Rationale:      "A document's validity starts at issue and ends at expiry.",
			FalsePositives: "A typing error in the date of issue.",
			Source:         src9303Dates,
			Heuristic:      "H15",
			check: func(c *context) []hit {
				exp := c.expiry
				if exp.IsZero() {
					exp = c.vizExpiry
				}
				if c.issue.IsZero() || exp.IsZero() || exp.After(c.issue) {
					return nil
				}
				return one(hit{ev: ev("expiry", iso(exp), "issue", iso(c.issue))})
			},
		},
		{
			Code:           "issue_in_future",
			Severity:       SevRefer,
			Fields:         []string{"issue_date"},
			Message:        "The date of issue {issue} is in the future. Check the typed date.",
			MessageES:      "La fecha de expedición {issue} está en el futuro. Compruebe la fecha tecleada.",
			Rationale:      "A document presented today was issued on or before today.",
			FalsePositives: "A typing error; a wrong clock on the checking device.",
			Source:         src9303Dates,
			Heuristic:      "H15",
			check: func(c *context) []hit {
				if c.issue.IsZero() || !c.issue.After(addDays(c.now, 1)) {
					return nil
				}
				return one(hit{ev: ev("issue", iso(c.issue))})
			},
		},
		{
			Code:           "age_outlier",
			Severity:       SevReview,
			Fields:         []string{"birth_date"},
			Message:        "The holder would be {age} years old.",
			MessageES:      "El titular tendría {age} años.",
			Rationale:      "Ages above " + strconv.Itoa(maxPlausibleAge) + " are vanishingly rare; a typed or printed year is likely wrong or invented.",
			FalsePositives: "Genuine supercentenarians; conventions for unknown birth years.",
			Source:         "Research notes H30",
			Heuristic:      "H30",
			check: func(c *context) []hit {
				age := -1
				switch {
				case c.vizBirthKnown:
					age = c.now.Year() - c.vizBirth[0]
					if c.vizBirth[1] > int(c.now.Month()) || (c.vizBirth[1] == int(c.now.Month()) && c.vizBirth[2] > c.now.Day()) {
						age--
					}
				case !c.birth.IsZero():
					age = ageAt(c.birth, c.now)
				}
				if age <= maxPlausibleAge {
					return nil
				}
				return one(hit{ev: ev("age", strconv.Itoa(age))})
			},
		},
		{
			Code:           "unknown_birth_date",
			Severity:       SevInfo,
			Fields:         []string{"birth_date"},
			Message:        "Part of the date of birth is unknown ({value}): date-of-birth matching is weaker for this holder.",
			MessageES:      "Parte de la fecha de nacimiento es desconocida ({value}): la comparación por fecha de nacimiento es menos fiable.",
			Rationale:      "Issuers print fillers (MRZ) or X (visual zone) for unknown birth date parts.",
			FalsePositives: "Common and legitimate for some populations; never a reason on its own.",
			Source:         "ICAO Doc 9303-3 §3.8, §4.8",
			Heuristic:      "H31",
			check: func(c *context) []hit {
				if c.doc == nil || !strings.Contains(c.f.BirthDate, "<") {
					return nil
				}
				return one(hit{ev: ev("value", c.f.BirthDate)})
			},
		},
		{
			Code:      "expired",
			Severity:  SevInfo,
			Fields:    []string{"expiry_date"},
			Message:   "The passport expired on {expiry} ({days} days ago).",
			MessageES: "El pasaporte venció el {expiry} (hace {days} días).",
			Rationale: "An expired passport is not valid for travel; whether it is accepted is a matter of policy.",
			FalsePositives: "Own nationals returning home; extensions outside the MRZ (Venezuela's 2019 decree, " +
				"Cuban prórrogas before July 2023).",
			Source:    "ICAO Doc 9303-3 §4.8; research notes §2.3 (VEN, CUB)",
			Heuristic: "H16",
			check: func(c *context) []hit {
				if c.expiry.IsZero() || !c.expiry.Before(c.now) {
					return nil
				}
				return one(hit{ev: ev("expiry", iso(c.expiry), "days", strconv.Itoa(absDays(c.now, c.expiry)))})
			},
		},
		{
			Code:           "expires_soon",
			Severity:       SevInfo,
			Fields:         []string{"expiry_date"},
			Message:        "The passport expires on {expiry}, in {days} days: less than the six months many states require.",
			MessageES:      "El pasaporte vence el {expiry}, dentro de {days} días: menos de los seis meses que exigen muchos Estados.",
			Rationale:      "Many states require six months of remaining validity for entry.",
			FalsePositives: "Not an indication of fraud.",
			Source:         "ICAO Doc 9303-8 §4.4; entry rules of many states",
			Heuristic:      "H17",
			check: func(c *context) []hit {
				if c.expiry.IsZero() || c.expiry.Before(c.now) || !c.expiry.Before(c.now.AddDate(0, soonMonths, 0)) {
					return nil
				}
				return one(hit{ev: ev("expiry", iso(c.expiry), "days", strconv.Itoa(absDays(c.expiry, c.now)))})
			},
		},
	}
}

func checkInvalidDates(c *context) []hit {
	if c.doc == nil {
		return nil
	}
	var out []hit
	if c.doc.Birth.IsZero() && c.f.BirthDate != "" && !strings.Contains(c.f.BirthDate, "<") {
		out = append(out, hit{fields: []string{"birth_date"}, ev: ev("field_name", "date of birth",
			"field_name_es", "La fecha de nacimiento", "value", c.f.BirthDate)})
	}
	if c.doc.Expiry.IsZero() && c.f.ExpiryDate != "" {
		out = append(out, hit{fields: []string{"expiry_date"}, ev: ev("field_name", "expiry date",
			"field_name_es", "La fecha de vencimiento", "value", c.f.ExpiryDate)})
	}
	return out
}
