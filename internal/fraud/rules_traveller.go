package fraud

import (
	"strconv"
	"strings"

	"lookout/internal/bundle"
	"lookout/internal/countries"
)

// recentDays is how recently a passport must have been issued for a first
// trip on it to be worth a closer look.
const recentDays = 90

func specimenRules() []Rule {
	return []Rule{
		{
			Code:     "specimen_document",
			Severity: SevRefer,
			Fields:   []string{"issuing_state", "nationality", "document_number"},
			Message:  "This is a published specimen: {detail}. Specimens are never issued to a real person.",
			MessageES: "Es un espécimen publicado: {detail_es}. Los especímenes nunca se expiden a una persona " +
				"real.",
			Rationale: "Specimen data (ICAO's Utopia, issuers' sample passports) is copied by forgers and by test " +
				"systems; a document carrying it is not genuine.",
			FalsePositives: "Training and testing with specimen documents.",
			Source:         "ICAO Doc 9303-3 §5 (UTO); specimen table of the issuer facts (research notes §2.2)",
			Heuristic:      "H6",
			check:          checkSpecimenDocument,
		},
		{
			Code:     "specimen_name",
			Severity: SevReview,
			Fields:   []string{"surname", "given_names"},
			Message:  "The name {name} is a specimen name ({detail}). Verify the document carefully.",
			MessageES: "El nombre {name} es un nombre de espécimen ({detail_es}). Verifique el documento con " +
				"cuidado.",
			Rationale: "Forged documents are often made from specimen images without changing the name.",
			FalsePositives: "Real people carry some of these names (there are people called Mustermann or Muster); " +
				"names common among real people are matched by number only.",
			Source:    "Specimen table of the issuer facts (research notes §2.2)",
			Heuristic: "H6",
			check:     checkSpecimenName,
		},
	}
}

func travellerRules() []Rule {
	return []Rule{
		{
			Code:     "clean_passport",
			Severity: SevReview,
			Fields:   []string{"issue_date", "first_trip"},
			Message: "The passport was issued {when} and shows no previous travel. Most such travellers are " +
				"legitimate; this is a reason for a closer look at identity and purpose, not an accusation.",
			MessageES: "El pasaporte se expidió {when_es} y no muestra viajes anteriores. La mayoría de estos " +
				"viajeros son legítimos; es un motivo para examinar con más atención la identidad y el propósito, " +
				"no una acusación.",
			Rationale: "A freshly issued genuine book is what an impostor obtains with false breeder documents or " +
				"after declaring a passport lost (2007 cable; ICAO's alert flag for first-time applicants).",
			FalsePositives: "Very high: first-time travellers and people who renewed recently. Never a reason " +
				"on its own.",
			Source:    "ICAO Doc 9303-8 §4.4 (alert flag for first-time applicants); 2007 cable on Mexico's screening",
			Heuristic: "H24",
			check:     checkCleanPassport,
		},
		{
			Code:     "habitual_loser",
			Severity: SevReview,
			Fields:   []string{"prior_losses"},
			Message: "The holder has reported {count} earlier passports lost or stolen. Repeated losses can feed " +
				"look-alike fraud; confirm identity against the earlier records.",
			MessageES: "El titular ha declarado {count} pasaportes anteriores perdidos o robados. Las pérdidas " +
				"repetidas pueden alimentar el fraude por parecido; confirme la identidad con los registros anteriores.",
			Rationale: "Passports falsely declared lost are sold to look-alikes (ICAO 9303-2 App. D); issuers limit " +
				"replacements after repeated losses (USA, Spain).",
			FalsePositives: "Genuine theft victims; people who travel a lot.",
			Source:         "ICAO Doc 9303-2 App. D; 22 CFR 51.8; 2007 cable on Mexico's screening",
			Heuristic:      "H23",
			check: func(c *context) []hit {
				if n := c.in.Visual.PriorLosses; n >= 2 {
					return one(hit{ev: ev("count", strconv.Itoa(n))})
				}
				return nil
			},
		},
		{
			Code:           "prior_loss",
			Severity:       SevInfo,
			Fields:         []string{"prior_losses"},
			Message:        "The holder has reported one earlier passport lost or stolen; {state_note}",
			MessageES:      "El titular ha declarado un pasaporte anterior perdido o robado; {state_note_es}",
			Rationale:      "A replacement is what a look-alike would carry; one loss is common and only noted.",
			FalsePositives: "Common and legitimate.",
			Source:         "ICAO Doc 9303-2 App. D; 2007 cable on Mexico's screening",
			Heuristic:      "H25",
			check: func(c *context) []hit {
				if c.in.Visual.PriorLosses != 1 {
					return nil
				}
				en := "this passport may be the replacement."
				es := "este pasaporte puede ser el sustituto."
				if c.doc != nil && c.f.IssuingState == "MEX" {
					en = "Mexican replacements look exactly like regular passports; only the date of issue shows it."
					es = "los sustitutos mexicanos son idénticos a los pasaportes ordinarios; solo la fecha de expedición lo revela."
				}
				return one(hit{ev: ev("state_note", en, "state_note_es", es)})
			},
		},
	}
}

func lookoutRules() []Rule {
	return []Rule{
		{
			Code:     "document_reported",
			Severity: SevRefer,
			Fields:   []string{"issuing_state", "document_number"},
			Message: "Document {state} {number} is reported {reason} ({source}). ICAO: do not refuse solely on " +
				"this; confirm with the issuer and interview the holder.",
			MessageES: "El documento {state} {number} figura como {reason_es} ({source}). OACI: no denegar solo por " +
				"esto; confirme con el emisor y entreviste al titular.",
			Rationale:      "A lost, stolen or revoked document is not in its rightful holder's hands or no longer valid.",
			FalsePositives: "Errors in the list; a rightful holder who found a passport reported lost.",
			Source:         "ICAO Doc 9303-2 §6, App. E; INTERPOL SLTD",
			Heuristic:      "H1",
			check:          lookoutCheck(func(h LookoutHit) bool { return !isBlank(h) && h.Reason != bundle.ReasonFraudSeries }),
		},
		{
			Code:     "stolen_blank_series",
			Severity: SevRefer,
			Fields:   []string{"issuing_state", "document_number"},
			Message: "Document {state} {number} belongs to a series of blank books stolen before issue ({source}): " +
				"a genuine blank filled in by forgers, perfect in every other check.",
			MessageES: "El documento {state} {number} pertenece a una serie de libretas en blanco robadas antes de su " +
				"expedición ({source}): un blanco auténtico rellenado por falsificadores, perfecto en todo lo demás.",
			Rationale:      "Stolen blanks carry genuine security features; only the number series reveals them.",
			FalsePositives: "Low when ranges are curated.",
			Source:         "ICAO Doc 9303-2 §6.3, App. D; research notes §2.3 (SYR blanks)",
			Heuristic:      "H2",
			check:          lookoutCheck(isBlank),
		},
		{
			Code:           "fraud_series",
			Severity:       SevRefer,
			Fields:         []string{"issuing_state", "document_number"},
			Message:        "Document {state} {number} belongs to a series known to be used in fraud ({source}).",
			MessageES:      "El documento {state} {number} pertenece a una serie usada en fraudes ({source}).",
			Rationale:      "The list owner recorded this series as counterfeit or fraudulently issued.",
			FalsePositives: "Genuine books of a series only partly compromised.",
			Source:         "Bundle document lookouts (reason fraud-series)",
			Heuristic:      "H1",
			check:          lookoutCheck(func(h LookoutHit) bool { return h.Reason == bundle.ReasonFraudSeries }),
		},
	}
}

var reasonNames = map[string][2]string{
	bundle.ReasonLost:    {"lost", "perdido"},
	bundle.ReasonStolen:  {"stolen", "robado"},
	bundle.ReasonRevoked: {"revoked", "revocado"},
}

func isBlank(h LookoutHit) bool {
	return h.Reason == bundle.ReasonStolenBlank || (h.Range && h.Reason != bundle.ReasonFraudSeries)
}

func lookoutCheck(want func(LookoutHit) bool) func(*context) []hit {
	return func(c *context) []hit {
		var out []hit
		for _, h := range c.in.DocLookouts {
			if !want(h) {
				continue
			}
			names, ok := reasonNames[h.Reason]
			if !ok {
				names = [2]string{"in a document lookout (" + h.Reason + ")", "en una alerta de documentos (" + h.Reason + ")"}
			}
			number := h.Number
			if number == "" && c.doc != nil {
				number = c.number()
			}
			out = append(out, hit{ev: ev("state", h.State, "number", number, "reason", names[0],
				"reason_es", names[1], "source", h.Source)})
		}
		return out
	}
}

func checkCleanPassport(c *context) []hit {
	if !c.in.Visual.FirstTrip {
		return nil
	}
	if !c.issue.IsZero() {
		if c.issue.After(addDays(c.now, 1)) || c.issue.Before(addDays(c.now, -recentDays)) {
			return nil
		}
		d := strconv.Itoa(absDays(c.now, c.issue))
		return one(hit{ev: ev("when", d+" days ago ("+iso(c.issue)+")", "when_es", "hace "+d+" días ("+iso(c.issue)+")")})
	}
	// Without a date of issue: recent for certain when even the longest
	// period puts the issue within the window.
	rules := c.validityRules()
	if len(rules) == 0 || c.expiry.IsZero() || !c.ordinaryPassport() {
		return nil
	}
	earliest := addDays(c.expiry.AddDate(0, -c.maxMonths(rules, false), 0), -c.maxGrace(rules)-toleranceDays)
	if earliest.Before(addDays(c.now, -recentDays)) {
		return nil
	}
	h := hit{fields: []string{"expiry_date", "first_trip"}, ev: ev(
		"when", "no earlier than "+iso(earliest)+" (from its expiry)",
		"when_es", "no antes del "+iso(earliest)+" (según su vencimiento)")}
	if c.issuer.Confidence == "low" {
		h.sev = SevInfo
		h.ev["low_confidence"] = "the issue date is inferred from low-confidence issuer facts"
	}
	return one(h)
}

func checkSpecimenDocument(c *context) []hit {
	if c.doc == nil {
		return nil
	}
	for _, code := range []string{c.f.IssuingState, c.f.Nationality} {
		if ct, ok := countries.Lookup(code); ok && ct.Specimen {
			return one(hit{ev: ev("detail", code+" ("+ct.NameEN+") is ICAO's specimen state",
				"detail_es", code+" ("+ct.NameES+") es el Estado de los especímenes de la OACI")})
		}
	}
	num := strings.ReplaceAll(c.number(), "<", "")
	if num == "" {
		return nil
	}
	state := countries.Normalize(c.f.IssuingState)
	for _, s := range c.facts.Specimens {
		if strings.ReplaceAll(s.Number, "<", "") != num || countries.Normalize(s.State) != state {
			continue
		}
		name := strings.TrimSpace(s.Surname + ", " + s.Given)
		return one(hit{ev: ev(
			"detail", s.State+" specimen number "+s.Number+" ("+name+"; "+s.Source+")",
			"detail_es", "número de espécimen "+s.Number+" de "+s.State+" ("+name+"; "+s.Source+")")})
	}
	return nil
}

func checkSpecimenName(c *context) []hit {
	if c.doc == nil || len(checkSpecimenDocument(c)) > 0 {
		return nil
	}
	comps := nameComponents(c.f.Surname + " " + c.f.GivenNames)
	if len(comps) == 0 {
		return nil
	}
	name := strings.TrimSpace(c.f.Surname + ", " + c.f.GivenNames)
	for _, tok := range c.facts.SpecimenTokens {
		words := strings.Fields(strings.ToUpper(tok))
		all := len(words) > 0
		for _, w := range words {
			if !comps[w] {
				all = false
				break
			}
		}
		if all {
			return one(hit{ev: ev("name", name, "detail", "contains "+tok, "detail_es", "contiene "+tok)})
		}
	}
	state := countries.Normalize(c.f.IssuingState)
	sur, given := mrzName(c.f.Surname), mrzName(c.f.GivenNames)
	for _, s := range c.facts.Specimens {
		if s.CommonName || s.Surname == "" || countries.Normalize(s.State) != state {
			continue
		}
		if mrzName(s.Surname) == sur && mrzName(s.Given) == given {
			return one(hit{ev: ev("name", name,
				"detail", "the "+s.State+" specimen "+s.Number+", "+s.Source,
				"detail_es", "el espécimen "+s.Number+" de "+s.State+", "+s.Source)})
		}
	}
	return nil
}

// nameComponents splits MRZ name text into its components.
func nameComponents(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '<' }) {
		m[w] = true
	}
	return m
}

// mrzName normalises MRZ name text for equality: fillers as spaces, single
// spaces.
func mrzName(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '<' }), " ")
}
