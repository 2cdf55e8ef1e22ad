package fraud

import (
	"strings"
	"time"

	"lookout/internal/mrz"
)

const src9303CheckDigits = "ICAO Doc 9303-3 §4.9; 9303-4 §4.2.2.2, §4.2.4"

func mrzRules() []Rule {
	return []Rule{
		{
			Code:     "check_digit",
			Severity: SevRefer,
			Fields:   []string{"document_number", "birth_date", "expiry_date", "optional_data"},
			Message: "The check digit of the {field_name} fails (printed {printed}, computed {expected}). " +
				"Re-read the MRZ; if the reading is right, the zone was altered or produced by a forger.",
			MessageES: "El dígito de control de {field_name_es} no cuadra (impreso {printed}, calculado {expected}). " +
				"Vuelva a leer la ZLM; si la lectura es correcta, la zona fue alterada o la produjo un falsificador.",
			Rationale: "Every genuine issuer computes the field check digits (weights 7-3-1, mod 10). A failure after " +
				"the parser's confirmed OCR repairs means a misread, an edited field or a crudely made document.",
			FalsePositives: "OCR or typing errors (prefer a document reader); issuers that published a deviation for " +
				"a faulty series (ICAO 9303-3 §7 deviation lists).",
			Source:    src9303CheckDigits,
			Heuristic: "H4",
			check:     checkFieldDigits,
		},
		{
			Code:     "composite_check_digit",
			Severity: SevRefer,
			Fields:   []string{"composite"},
			Message: "Every field check digit is right but the composite check digit fails (printed {printed}, computed {expected}): " +
				"part of the zone was replaced or edited after it was issued.",
			MessageES: "Todos los dígitos de control de los campos son correctos pero el dígito compuesto falla (impreso {printed}, calculado {expected}): " +
				"parte de la zona se sustituyó o se editó después de la expedición.",
			Rationale: "The composite digit covers the number, dates and optional data together. When each field " +
				"verifies on its own but the composite does not, fields were spliced or the optional data was edited.",
			FalsePositives: "A misread of the composite digit itself; issuer deviations.",
			Source:         "ICAO Doc 9303-4 §4.2.4; 9303-5, 9303-6 (composite ranges)",
			Heuristic:      "H5",
			check:          checkComposite(false),
		},
		{
			Code:     "composite_wrong_range",
			Severity: SevRefer,
			Fields:   []string{"composite"},
			Message: "The composite check digit fails over the ICAO range but matches when computed over {range}: " +
				"typical of an MRZ produced by software that does not follow Doc 9303, i.e. a counterfeit.",
			MessageES: "El dígito compuesto falla sobre el rango de la OACI pero coincide calculado sobre {range_es}: " +
				"típico de una ZLM generada por un programa que no sigue el Doc 9303, es decir, una falsificación.",
			Rationale: "Issuers compute the composite over fixed positions (TD3: 1–10, 14–20, 22–43; nationality and sex " +
				"excluded). Forgery kits often include every position. Only tested when the correct range fails.",
			FalsePositives: "A chance match: each wrong range matches a random digit 1 time in 10, so this only " +
				"explains a failure that is already a refer reason.",
			Source:    "ICAO Doc 9303-4 §4.2.4 (positions 11–13 and 21 excluded); 9303-5; 9303-6",
			Heuristic: "H5",
			check:     checkComposite(true),
		},
		{
			Code:     "doc_code_anachronism",
			Severity: SevRefer,
			Fields:   []string{"document_type", "expiry_date"},
			Message: "The document code {code} has no harmonised second letter, yet the passport expires on {expiry}: " +
				"ICAO requires such passports to expire before 1 January 2038.",
			MessageES: "El código de documento {code} no lleva segunda letra armonizada, pero el pasaporte vence el {expiry}: " +
				"la OACI exige que esos pasaportes venzan antes del 1 de enero de 2038.",
			Rationale: "From 1 January 2028 every passport is issued with a harmonised secondary code (PP, PE, PD, PO, PR, " +
				"PT, PS, PL, PM, PU); passports without one must expire before 2038.",
			FalsePositives: "None known for genuine documents; a misread second letter.",
			Source:         "ICAO Doc 9303-4 §4.4 (amendment 2024)",
			Heuristic:      "H10",
			check:          checkDocCodeAnachronism,
		},
		{
			Code:     "emergency_document",
			Severity: SevInfo,
			Fields:   []string{"document_type"},
			Message:  "Emergency travel document ({code}): issued for a stated journey; check the route matches it.",
			MessageES: "Documento de viaje de emergencia ({code}): se expide para un viaje concreto; compruebe que la " +
				"ruta coincide.",
			Rationale:      "Emergency documents are issued quickly, often with little identity verification, for one journey.",
			FalsePositives: "Normal for genuine travellers in distress; never a reason on its own.",
			Source:         "ICAO Doc 9303-8 §4.3–4.5",
			Heuristic:      "H22",
			check: func(c *context) []hit {
				if c.doc == nil {
					return nil
				}
				if t := c.docType(); t == "PE" || t == "PU" {
					return one(hit{ev: ev("code", t)})
				}
				return nil
			},
		},
	}
}

var checkNames = map[string][2]string{
	"document_number": {"document number", "el número de documento"},
	"birth_date":      {"date of birth", "la fecha de nacimiento"},
	"expiry_date":     {"expiry date", "la fecha de vencimiento"},
	"optional_data":   {"optional data (personal number)", "los datos opcionales (número personal)"},
}

func checkFieldDigits(c *context) []hit {
	if c.doc == nil {
		return nil
	}
	var out []hit
	for _, ch := range c.doc.Checks {
		names, ok := checkNames[ch.Name]
		if !ok || ch.State != "refuted" {
			continue
		}
		out = append(out, hit{
			fields: []string{ch.Name},
			ev: ev("field", ch.Name, "field_name", names[0], "field_name_es", names[1],
				"printed", ch.Printed, "expected", ch.Expected),
		})
	}
	return out
}

// checkComposite reports a failing composite digit when every field digit
// verifies: as composite_wrong_range when a wrong range explains the
// printed digit (wrongRange true), otherwise as composite_check_digit.
func checkComposite(wrongRange bool) func(*context) []hit {
	return func(c *context) []hit {
		if c.doc == nil {
			return nil
		}
		var comp *mrz.CheckResult
		for i, ch := range c.doc.Checks {
			if ch.State == "refuted" && ch.Name != "composite" {
				return nil // the field failure is the signal
			}
			if ch.Name == "composite" {
				comp = &c.doc.Checks[i]
			}
		}
		if comp == nil || comp.State != "refuted" {
			return nil
		}
		rng, rngES := matchingWrongRange(c.doc, comp.Printed)
		if wrongRange != (rng != "") {
			return nil
		}
		return one(hit{ev: ev("printed", comp.Printed, "expected", comp.Expected, "range", rng, "range_es", rngES)})
	}
}

// wrongRanges are composite computations forgery software is known to get
// wrong, per format: line index and [start, end) spans, 0-based.
type span struct{ line, start, end int }

var wrongRanges = map[mrz.Format][]struct {
	en, es string
	spans  []span
}{
	mrz.TD3: {
		{"all of line 2 up to position 43 (nationality and sex included)", "toda la línea 2 hasta la posición 43 (con nacionalidad y sexo)", []span{{1, 0, 43}}},
		{"the ICAO range plus the sex (position 21)", "el rango de la OACI más el sexo (posición 21)", []span{{1, 0, 10}, {1, 13, 43}}},
		{"the ICAO range plus the nationality (positions 11–13)", "el rango de la OACI más la nacionalidad (posiciones 11–13)", []span{{1, 0, 20}, {1, 21, 43}}},
		{"the ICAO range without the optional data", "el rango de la OACI sin los datos opcionales", []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 28}}},
	},
	mrz.TD2: {
		{"all of line 2 up to position 35 (nationality and sex included)", "toda la línea 2 hasta la posición 35 (con nacionalidad y sexo)", []span{{1, 0, 35}}},
		{"the ICAO range without the optional data", "el rango de la OACI sin los datos opcionales", []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 28}}},
	},
	mrz.TD1: {
		{"line 1 and line 2 up to position 29 (nationality and sex included)", "la línea 1 y la línea 2 hasta la posición 29 (con nacionalidad y sexo)", []span{{0, 5, 30}, {1, 0, 29}}},
		{"the ICAO range plus the document code and issuing state", "el rango de la OACI más el código de documento y el Estado emisor", []span{{0, 0, 30}, {1, 0, 7}, {1, 8, 15}, {1, 18, 29}}},
		{"line 2 only", "solo la línea 2", []span{{1, 0, 7}, {1, 8, 15}, {1, 18, 29}}},
	},
}

// matchingWrongRange returns the first wrong range whose check digit equals
// printed, or "" when none does.
func matchingWrongRange(d *mrz.Document, printed string) (string, string) {
	lines := d.Repaired
	if len(lines) == 0 {
		lines = d.Lines
	}
	if len(printed) != 1 {
		return "", ""
	}
	for _, wr := range wrongRanges[d.Format] {
		var b strings.Builder
		ok := true
		for _, s := range wr.spans {
			if s.line >= len(lines) || s.end > len(lines[s.line]) {
				ok = false
				break
			}
			b.WriteString(lines[s.line][s.start:s.end])
		}
		if ok && checkDigit(b.String()) == printed[0] {
			return wr.en, wr.es
		}
	}
	return "", ""
}

// checkDigit computes the ICAO 7-3-1 check digit of s.
func checkDigit(s string) byte {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		v := 0
		switch {
		case ch >= '0' && ch <= '9':
			v = int(ch - '0')
		case ch >= 'A' && ch <= 'Z':
			v = int(ch-'A') + 10
		}
		sum += v * weights[i%3]
	}
	return byte('0' + sum%10)
}

var harmonisedSecond = "PEDORTSLMU"

var harmonisedDeadline = time.Date(2038, 1, 1, 0, 0, 0, 0, time.UTC)

func checkDocCodeAnachronism(c *context) []hit {
	if c.doc == nil || c.expiry.IsZero() || c.doc.Format != mrz.TD3 {
		return nil
	}
	code := strings.TrimRight(c.f.DocumentType, "<")
	if !strings.HasPrefix(code, "P") {
		return nil
	}
	if len(code) == 2 && strings.ContainsRune(harmonisedSecond, rune(code[1])) {
		return nil
	}
	if c.expiry.Before(harmonisedDeadline) {
		return nil
	}
	return one(hit{ev: ev("code", code, "expiry", iso(c.expiry))})
}
