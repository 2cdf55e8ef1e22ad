package fraud

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"lookout/internal/countries"
)

const srcIssuerFacts = "Issuer publications in the bundle's issuer facts (research notes §2.3)"

func issuerRules() []Rule {
	return []Rule{
		{
			Code:     "expiry_beyond_maximum",
			Severity: SevRefer,
			Fields:   []string{"issuing_state", "expiry_date"},
			Message: "The passport expires on {expiry}, later than any {state} passport issued today could " +
				"(longest validity {max}).",
			MessageES: "El pasaporte vence el {expiry}, más tarde de lo que podría un pasaporte de {state} expedido hoy " +
				"(vigencia máxima {max_es}).",
			Rationale: "A genuine book issued at the latest today expires at the latest today plus the issuer's longest period.",
			FalsePositives: "Issuer facts that miss a longer period (keep them current in the bundle); UK books of " +
				"2001–2018 carried up to nine months over (in the facts).",
			Source:    srcIssuerFacts,
			Heuristic: "H18",
			check:     checkExpiryBeyondMaximum,
		},
		{
			Code:     "validity_not_allowed",
			Severity: SevRefer,
			Fields:   []string{"issuing_state", "issue_date", "expiry_date"},
			Message: "Issued {issue} and expiring {expiry}, the passport is valid for {period}; {state} issues " +
				"ordinary passports for {allowed}.",
			MessageES: "Expedido el {issue} y con vencimiento el {expiry}, el pasaporte vale {period_es}; {state} expide " +
				"pasaportes ordinarios por {allowed_es}.",
			Rationale: "Issuers grant a small set of periods (Mexico 1, 3, 6 or 10 years; 1, 3 or 5 before); " +
				"forgers pick dates that fit none of them.",
			FalsePositives: "A typing error in the date of issue; replacements that keep the old expiry (Spain, in the " +
				"facts); a period missing from the facts.",
			Source:    srcIssuerFacts,
			Heuristic: "H19",
			check:     validityCheckFor(validityNotAllowed),
		},
		{
			Code:     "validity_age_band",
			Severity: SevRefer,
			Fields:   []string{"issuing_state", "birth_date", "expiry_date", "issue_date"},
			Message:  "A passport valid for {period} for a holder aged {age} at issue: {state} grants {allowed} at that age.",
			MessageES: "Un pasaporte de {period_es} para un titular de {age} años en la expedición: {state} concede " +
				"{allowed_es} a esa edad.",
			Rationale: "Periods depend on the holder's age (Mexico: minors get 3 or 6 years, never 10; the USA and the " +
				"UK give children 5). Without a typed date of issue every allowed period is tried.",
			FalsePositives: "Policy transitions missing from the facts; limited or emergency books.",
			Source:         srcIssuerFacts,
			Heuristic:      "H20",
			check:          validityCheckFor(validityAgeBand),
		},
		{
			Code:     "limited_validity",
			Severity: SevReview,
			Fields:   []string{"issuing_state", "issue_date", "expiry_date"},
			Message: "A passport valid for {period}: {state} issues such short books only in particular cases ({note}). " +
				"Ask why; it may replace a lost passport.",
			MessageES: "Un pasaporte de {period_es}: {state} solo expide libretas tan cortas en casos particulares ({note}). " +
				"Pregunte por qué; puede sustituir a un pasaporte perdido.",
			Rationale: "Short books go to people who lost passports repeatedly (USA, Spain), who did not meet every " +
				"requirement (Mexico) or to draft-age men (Syria).",
			FalsePositives: "Legitimate special cases (urgent medical travel, consular protection).",
			Source:         srcIssuerFacts + "; 22 CFR 51.8; dnie.es; gob.mx/sre",
			Heuristic:      "H21",
			check:          validityCheckFor(validityLimited),
		},
		{
			Code:     "replacement_validity",
			Severity: SevInfo,
			Fields:   []string{"issuing_state", "issue_date", "expiry_date"},
			Message: "Shorter than a regular {state} passport for this holder: consistent with a replacement that keeps " +
				"the lost passport's expiry.",
			MessageES: "Más corto que un pasaporte ordinario de {state} para este titular: coherente con un duplicado que " +
				"conserva el vencimiento del pasaporte perdido.",
			Rationale:      "Some issuers (Spain) give a replacement the expiry of the passport it replaces.",
			FalsePositives: "Not an indication of fraud on its own; the officer may ask about the loss.",
			Source:         "dnie.es; administracion.gob.es (research notes §2.3 ESP)",
			Heuristic:      "H25",
			check:          validityCheckFor(validityReplacement),
		},
		{
			Code:      "number_pattern",
			Severity:  SevReview,
			Fields:    []string{"issuing_state", "document_number"},
			Message:   "The document number {number} does not have the form of {state} passport numbers ({expected}).",
			MessageES: "El número de documento {number} no tiene la forma de los números de pasaporte de {state} ({expected_es}).",
			Rationale: "Each issuer numbers its books in a fixed alphabet and length (Germany never uses vowels; US " +
				"books were nine digits before 2021).",
			FalsePositives: "A new series not yet in the facts (update them in the bundle); a misread character.",
			Source:         srcIssuerFacts + "; validator.js isPassportNumber",
			Heuristic:      "H13",
			check:          checkNumberPattern,
		},
		{
			Code:     "number_series_date",
			Severity: SevRefer,
			Fields:   []string{"issuing_state", "document_number", "expiry_date", "issue_date"},
			Message: "The number {number} belongs to the {state} series {series}, issued {window}; this passport " +
				"must have been issued {issued}.",
			MessageES: "El número {number} pertenece a la serie {series_es} de {state}, expedida {window_es}; este " +
				"pasaporte debió expedirse {issued_es}.",
			Rationale: "A number series is used for a known span of years; a book of that series with dates outside " +
				"it was never issued (a US letter-prefix number on a book expiring before 2022).",
			FalsePositives: "Late use of old stock at embassies; boundary dates (windows are kept generous).",
			Source:         srcIssuerFacts,
			Heuristic:      "H14",
			check:          checkNumberSeriesDate,
		},
		{
			Code:      "issuer_code_anomaly",
			Severity:  SevRefer,
			Fields:    []string{"issuing_state", "nationality"},
			Message:   "{detail}",
			MessageES: "{detail_es}",
			Rationale: "Some codes never appear as the issuer of a genuine document: the nationality-only codes " +
				"XXA/XXB/XXC/XXX, DEU (Germany prints D) and fantasy issuers such as WSA.",
			FalsePositives: "A misread code.",
			Source:         "ICAO Doc 9303-3 §5",
			Heuristic:      "H11",
			check:          checkIssuerCode,
		},
		{
			Code:     "issuer_nationality_mismatch",
			Severity: SevReview,
			Fields:   []string{"document_type", "issuing_state", "nationality"},
			Message: "An ordinary passport of {issuer} held by a national of {nationality}: states issue ordinary " +
				"passports to their own nationals. Verify the holder's nationality.",
			MessageES: "Un pasaporte ordinario de {issuer_es} cuyo titular es nacional de {nationality_es}: los Estados expiden " +
				"pasaportes ordinarios a sus nacionales. Verifique la nacionalidad del titular.",
			Rationale: "A mismatch suggests a third-country document misused or a page altered (nationality is not " +
				"covered by any check digit).",
			FalsePositives: "British nationality variants (GBD, GBN, GBO, GBP, GBS), refugee and stateless documents, " +
				"laissez-passer are excluded; other special statuses remain possible. Nationality rules are legally " +
				"sensitive: this is a reason to verify, never to refuse.",
			Source:    "ICAO Doc 9303-4 notes f, o; 9303-3 §5",
			Heuristic: "H12",
			check:     checkIssuerNationality,
		},
	}
}

func checkExpiryBeyondMaximum(c *context) []hit {
	rules := c.validityRules()
	if len(rules) == 0 || !c.ordinaryPassport() || c.expiry.IsZero() {
		return nil
	}
	all, high := c.latestExpiry(rules, false), c.latestExpiry(rules, true)
	switch {
	case high.IsZero():
		// Only low-confidence rules: beyond them is noted.
		if c.expiry.After(all) {
			return one(c.beyondHit(c.maxMonths(rules, false), SevInfo))
		}
	case c.expiry.After(all):
		return one(c.beyondHit(c.maxMonths(rules, false), ""))
	case c.expiry.After(high):
		// Only a low-confidence rule allows this expiry.
		return one(c.beyondHit(c.maxMonths(rules, true), SevInfo))
	}
	return nil
}

func (c *context) beyondHit(months int, sev Severity) hit {
	en, es := period(months)
	h := hit{sev: sev, ev: ev("expiry", iso(c.expiry), "state", c.issuer.State, "max", en, "max_es", es)}
	if sev == SevInfo {
		h.ev["low_confidence"] = "only low-confidence issuer facts speak about this expiry"
	}
	return h
}

// validityCheckFor returns the check reporting validity verdicts of kind k.
func validityCheckFor(k validityKind) func(*context) []hit {
	return func(c *context) []hit {
		v := c.validity()
		if v.kind != k {
			return nil
		}
		h := hit{ev: ev("state", c.issuer.State, "expiry", iso(c.expiry))}
		if v.lowConf {
			h.sev = SevInfo
			h.ev["low_confidence"] = "a low-confidence rule in the issuer facts would explain it"
		}
		allowedEN, allowedES := periodList(v.allowed)
		h.ev["allowed"], h.ev["allowed_es"] = allowedEN, allowedES
		if !c.issue.IsZero() {
			h.ev["issue"] = iso(c.issue)
			m := monthsBetween(c.issue, c.expiry)
			h.ev["period"], h.ev["period_es"] = periodText(m, c.issue, c.expiry)
			if !c.birth.IsZero() {
				h.ev["age"] = strconv.Itoa(ageAt(c.birth, c.issue))
			}
		} else {
			// Without a date of issue, the period that explains the
			// expiry, and the age it implies.
			m := v.months
			if m == 0 {
				m = c.likelyPeriod()
			}
			h.ev["period"], h.ev["period_es"] = period(m)
			if m > 0 {
				// What the issuer grants at the age on the date of
				// issue that period implies, not at today's age.
				inferred := c.expiry.AddDate(0, -m, 0)
				if al := c.allowedPeriodsIn(c.validityRules(), window{inferred, inferred}); len(al) > 0 {
					h.ev["allowed"], h.ev["allowed_es"] = periodList(al)
				}
				if !c.birth.IsZero() {
					h.ev["age"] = strconv.Itoa(ageAt(c.birth, inferred))
				}
			}
		}
		if k == validityLimited {
			h.ev["note"] = c.limitedNote()
		}
		return one(h)
	}
}

func (c *context) validity() validityVerdict {
	if c.validityDone {
		return c.validityV
	}
	c.validityV, c.validityDone = c.validityCheck(), true
	return c.validityV
}

// monthsBetween is the whole number of months from a to b, rounded to the
// nearest month.
func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day()-a.Day() >= 15 {
		m++
	} else if a.Day()-b.Day() > 15 {
		m--
	}
	return m
}

// periodText renders the period between two dates.
func periodText(m int, a, b time.Time) (string, string) {
	if m <= 0 {
		d := strconv.Itoa(absDays(b, a))
		return d + " days", d + " días"
	}
	return period(m)
}

// likelyPeriod guesses, without a date of issue, the period the holder's
// document has: the longest one any rule lists that puts the issue on or
// before today.
func (c *context) likelyPeriod() int {
	var months []int
	for _, r := range c.validityRules() {
		months = append(months, r.Months...)
	}
	slices.Sort(months)
	for i := len(months) - 1; i >= 0; i-- {
		issue := c.expiry.AddDate(0, -months[i], 0)
		if !issue.After(addDays(c.now, toleranceDays)) {
			return months[i]
		}
	}
	return 0
}

func (c *context) limitedNote() string {
	var notes []string
	for _, r := range c.validityRules() {
		if r.Limited && r.Note != "" && !slices.Contains(notes, r.Note) {
			notes = append(notes, r.Note)
		}
	}
	return strings.Join(notes, "; ")
}

// patternsFor returns the issuer's number patterns for this document type.
func (c *context) patternsFor() []compiledPattern {
	if c.doc == nil {
		return nil
	}
	dt := c.docType()
	var out []compiledPattern
	for _, p := range c.patterns {
		switch {
		case p.DocType == "", p.DocType == dt:
		case len(p.DocType) == 1 && p.DocType != "P" && strings.HasPrefix(dt, p.DocType):
		default:
			continue
		}
		out = append(out, p)
	}
	return out
}

func (c *context) number() string { return strings.TrimRight(c.f.DocumentNumber, "<") }

func checkNumberPattern(c *context) []hit {
	pats := c.patternsFor()
	if len(pats) == 0 || c.number() == "" {
		return nil
	}
	var expected, expectedES []string
	for _, p := range pats {
		if p.re.MatchString(c.number()) {
			return nil
		}
		desc := describePattern(p.Regex)
		if !slices.Contains(expected, desc) {
			expected = append(expected, desc)
			expectedES = append(expectedES, describePatternES(p.Regex))
		}
	}
	h := hit{ev: ev("number", c.number(), "state", c.issuer.State, "expected", strings.Join(expected, "; "),
		"expected_es", strings.Join(expectedES, "; "))}
	if c.issuer.NumbersPartial || c.issuer.Confidence == "low" {
		h.sev = SevInfo
		h.ev["low_confidence"] = "the facts do not cover every series of this issuer"
	}
	return one(h)
}

// seriesTolerance widens series windows: stock is used a little before and
// after the announced dates.
const seriesToleranceDays = 92

func checkNumberSeriesDate(c *context) []hit {
	pats := c.patternsFor()
	if len(pats) == 0 || c.number() == "" {
		return nil
	}
	// When the issue could have happened.
	iw := c.issueWindow()
	if c.issue.IsZero() && !c.expiry.IsZero() {
		rules := c.validityRules()
		longest, shortest := 15*12, 0
		if len(rules) > 0 {
			longest = c.maxMonths(rules, false)
			shortest = longest
			for _, r := range rules {
				shortest = min(shortest, slices.Min(r.Months))
			}
			iw = iw.clip(c.expiry.AddDate(0, -longest, -c.maxGrace(rules)-toleranceDays),
				addDays(c.expiry.AddDate(0, -shortest, 0), toleranceDays))
		} else {
			iw = iw.clip(c.expiry.AddDate(0, -longest, 0), time.Time{})
		}
	}
	var matched []compiledPattern
	for _, p := range pats {
		if !p.re.MatchString(c.number()) {
			continue
		}
		if p.from.IsZero() && p.to.IsZero() {
			return nil // a series with no dates fits any document
		}
		lo, hi := p.from, p.to
		if !lo.IsZero() {
			lo = addDays(lo, -seriesToleranceDays)
		}
		if !hi.IsZero() {
			hi = addDays(hi, seriesToleranceDays)
		}
		if !iw.clip(lo, hi).empty() {
			return nil
		}
		matched = append(matched, p)
	}
	if len(matched) == 0 || iw.empty() {
		return nil // no pattern fits: number_pattern speaks
	}
	p := matched[0]
	series, seriesES := describePattern(p.Regex), describePatternES(p.Regex)
	if p.Note != "" {
		series += " — " + p.Note
		seriesES += " — " + p.Note
	}
	winEN, winES := windowText(p.from, p.to)
	issEN, issES := windowText(iw.lo, iw.hi)
	h := hit{ev: ev("number", c.number(), "state", c.issuer.State, "series", series, "series_es", seriesES,
		"window", winEN, "window_es", winES, "issued", issEN, "issued_es", issES)}
	if c.issuer.Confidence == "low" {
		h.sev = SevInfo
	}
	return one(h)
}

func windowText(from, to time.Time) (string, string) {
	switch {
	case from.IsZero() && to.IsZero():
		return "at any time", "en cualquier fecha"
	case from.IsZero():
		return "until " + iso(to), "hasta el " + iso(to)
	case to.IsZero():
		return "from " + iso(from), "desde el " + iso(from)
	case from.Equal(to):
		return "on " + iso(from), "el " + iso(from)
	}
	return "between " + iso(from) + " and " + iso(to), "entre el " + iso(from) + " y el " + iso(to)
}

var nationalityOnly = map[string]bool{"XXA": true, "XXB": true, "XXC": true, "XXX": true}

func checkIssuerCode(c *context) []hit {
	if c.doc == nil {
		return nil
	}
	issuer, nat := c.f.IssuingState, c.f.Nationality
	var en, es string
	switch {
	case nationalityOnly[issuer]:
		en = "The issuing state is " + issuer + ", a code for the holder's status (stateless, refugee, unspecified) that no authority issues under."
		es = "El Estado emisor es " + issuer + ", un código de la condición del titular (apátrida, refugiado, no especificada) con el que ninguna autoridad expide."
	case issuer == "DEU":
		en = "The issuing state is DEU: Germany prints D on its documents, never DEU."
		es = "El Estado emisor es DEU: Alemania imprime D en sus documentos, nunca DEU."
	case issuer == "D" && nat == "DEU":
		en = "A German document with nationality DEU: Germany prints D, never DEU."
		es = "Un documento alemán con nacionalidad DEU: Alemania imprime D, nunca DEU."
	default:
		if ct, ok := countries.Lookup(issuer); ok && !ct.Accepted {
			en = "The issuing state " + issuer + " (" + ct.NameEN + ") issues no recognised travel documents."
			es = "El Estado emisor " + issuer + " (" + ct.NameES + ") no expide documentos de viaje reconocidos."
			break
		}
		return nil
	}
	return one(hit{ev: ev("issuer", issuer, "nationality", nat, "detail", en, "detail_es", es)})
}

// britishNationalities are the GBR nationality variants (Doc 9303-3 §5).
var britishNationalities = map[string]bool{"GBD": true, "GBN": true, "GBO": true, "GBP": true, "GBS": true}

func checkIssuerNationality(c *context) []hit {
	if !c.ordinaryPassport() {
		return nil
	}
	issuer, nat := c.f.IssuingState, c.f.Nationality
	if issuer == "" || nat == "" || issuer == nat {
		return nil
	}
	switch {
	case issuer == "GBR" && britishNationalities[nat]:
		return nil
	case nationalityOnly[nat]:
		return nil // stateless and refugee holders
	case issuer == "UTO" || nat == "UTO":
		return nil // specimen_document speaks
	case issuer == "D" && nat == "DEU":
		return nil // issuer_code_anomaly speaks
	}
	if ct, ok := countries.Lookup(issuer); ok && ct.Kind == countries.KindOrganization {
		return nil // laissez-passer of the UN, the EU and other organisations
	}
	ie, is := countryName(issuer)
	ne, ns := countryName(nat)
	return one(hit{ev: ev("issuer", ie, "issuer_es", is, "nationality", ne, "nationality_es", ns)})
}

// countryName renders a code with its name: "MEX (Mexico)", "MEX (México)".
func countryName(code string) (string, string) {
	if ct, ok := countries.Lookup(code); ok {
		return code + " (" + ct.NameEN + ")", code + " (" + ct.NameES + ")"
	}
	return code, code
}
