package fraud

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"lookout/internal/mrz"
)

const srcVIZ = "ICAO Doc 9303-3 §4.3, §4.6, §6 (transliteration); vendors' MRZ/VIZ checks (Jumio MISMATCH_HRZ_MRZ_DATA)"

func vizRules() []Rule {
	const fp = "A typing error by the officer (re-check the typed value first)."
	return []Rule{
		{
			Code:     "viz_name_mismatch",
			Severity: SevReview,
			Fields:   []string{"surname", "given_names"},
			Message: "The visual zone's {field_name} ({viz}) and the MRZ's ({mrz}) differ. Re-check what you typed; " +
				"if it is right, the data page may have been altered.",
			MessageES: "{field_name_es} de la zona visual ({viz}) y el de la ZLM ({mrz}) difieren. Revise lo tecleado; si es " +
				"correcto, la página de datos pudo ser alterada.",
			Rationale: "Names are covered by no check digit: an altered or substituted data page often leaves the MRZ " +
				"and the printed name disagreeing. Compared after ICAO transliteration (Ü as UE or U, Ñ as N, ß as SS…) " +
				"and allowing for MRZ truncation.",
			FalsePositives: fp + " National transliteration practices outside ICAO's table; names printed only in " +
				"non-Latin script are not compared.",
			Source:    srcVIZ,
			Heuristic: "H26",
			check:     checkVIZName,
		},
		{
			Code:      "viz_birth_date_mismatch",
			Severity:  SevRefer,
			Fields:    []string{"birth_date"},
			Message:   "The date of birth in the visual zone ({viz}) differs from the MRZ ({mrz}).",
			MessageES: "La fecha de nacimiento de la zona visual ({viz}) difiere de la ZLM ({mrz}).",
			Rationale: "Genuine documents print the same date in both zones; a difference means an altered page " +
				"(or a typing error).",
			FalsePositives: fp,
			Source:         srcVIZ,
			Heuristic:      "H26",
			check:          checkVIZBirth,
		},
		{
			Code:           "viz_expiry_mismatch",
			Severity:       SevRefer,
			Fields:         []string{"expiry_date"},
			Message:        "The expiry date in the visual zone ({viz}) differs from the MRZ ({mrz}).",
			MessageES:      "La fecha de vencimiento de la zona visual ({viz}) difiere de la ZLM ({mrz}).",
			Rationale:      "Extending a passport by editing the printed expiry leaves the MRZ behind.",
			FalsePositives: fp,
			Source:         srcVIZ,
			Heuristic:      "H26",
			check:          checkVIZExpiry,
		},
		{
			Code:      "viz_number_mismatch",
			Severity:  SevRefer,
			Fields:    []string{"document_number"},
			Message:   "The document number in the visual zone ({viz}) differs from the MRZ ({mrz}).",
			MessageES: "El número de documento de la zona visual ({viz}) difiere de la ZLM ({mrz}).",
			Rationale: "The number is printed (and often perforated) in several places; a difference means a " +
				"substituted page or a replaced MRZ.",
			FalsePositives: fp + " Issuers that print a longer number in the visual zone than the MRZ holds.",
			Source:         srcVIZ,
			Heuristic:      "H26",
			check:          checkVIZNumber,
		},
		{
			Code:           "viz_sex_mismatch",
			Severity:       SevRefer,
			Fields:         []string{"sex"},
			Message:        "The sex in the visual zone ({viz}) differs from the MRZ ({mrz}).",
			MessageES:      "El sexo de la zona visual ({viz}) difiere de la ZLM ({mrz}).",
			Rationale:      "Sex is covered by no check digit: editing it leaves every digit valid.",
			FalsePositives: fp + " Type F, M or X as printed (X is printed as a filler in the MRZ).",
			Source:         srcVIZ + "; 9303-4 note p",
			Heuristic:      "H26",
			check:          checkVIZSex,
		},
	}
}

func inputRules() []Rule {
	return []Rule{
		{
			Code:           "viz_input_invalid",
			Severity:       SevInfo,
			Fields:         []string{"issue_date", "birth_date", "expiry_date", "sex", "prior_losses"},
			Message:        "The typed {field_name} could not be used: {error}. The checks that need it were skipped.",
			MessageES:      "No se pudo usar el campo tecleado ({field_name_es}): {error_es}. Se omitieron las comprobaciones que lo necesitan.",
			Rationale:      "Typed values that cannot be read must not silently pass as checked.",
			FalsePositives: "Not an indication of fraud.",
			Source:         "Lookout input rules",
			Heuristic:      "—",
			check:          func(c *context) []hit { return c.inputProblems },
		},
		{
			Code:           "facts_error",
			Severity:       SevInfo,
			Fields:         []string{"issuing_state"},
			Message:        "The issuer facts for {state} contain an unusable {what} ({error}); that check was skipped.",
			MessageES:      "Los datos del emisor {state} contienen un elemento inutilizable: {what} ({error}); se omitió esa comprobación.",
			Rationale:      "A bad fact in a bundle must be visible, not silently ignored.",
			FalsePositives: "Not an indication of fraud; fix the bundle's issuer facts.",
			Source:         "Bundle issuer facts",
			Heuristic:      "—",
			check:          func(c *context) []hit { return c.factProblems },
		},
	}
}

// nameTruncated reports whether the issuer may have truncated the name:
// the parser says so, or the name field is full (or one or two fillers
// short of full, as truncation to initials leaves it).
func nameTruncated(d *mrz.Document) bool {
	for _, f := range d.Findings {
		if f.Code == "name_truncated" {
			return true
		}
	}
	lines := d.Repaired
	if len(lines) == 0 {
		lines = d.Lines
	}
	idx, start := 0, 5
	if d.Format == mrz.TD1 {
		idx, start = 2, 0
	}
	if idx >= len(lines) || len(lines[idx]) <= start {
		return false
	}
	field := lines[idx][start:]
	return len(strings.TrimRight(field, "<")) >= len(field)-2
}

func checkVIZName(c *context) []hit {
	if c.doc == nil {
		return nil
	}
	trunc := nameTruncated(c.doc)
	var out []hit
	for _, p := range []struct {
		field, en, es, viz, mrz string
	}{
		{"surname", "surname", "El apellido", c.in.Visual.Surname, c.f.Surname},
		{"given_names", "given names", "El nombre", c.in.Visual.GivenNames, c.f.GivenNames},
	} {
		if strings.TrimSpace(p.viz) == "" {
			continue
		}
		if namesAgree(p.viz, p.mrz, trunc) {
			continue
		}
		out = append(out, hit{fields: []string{p.field}, ev: ev("field_name", p.en, "field_name_es", p.es,
			"viz", strings.TrimSpace(p.viz), "mrz", p.mrz)})
	}
	return out
}

func checkVIZBirth(c *context) []hit {
	if c.doc == nil || !c.vizBirthKnown || len(c.f.BirthDate) != 6 {
		return nil
	}
	m := c.f.BirthDate
	v := c.vizBirth
	parts := [3]int{v[0] % 100, v[1], v[2]}
	for i, p := range parts {
		slot := m[2*i : 2*i+2]
		if p == 0 && i > 0 {
			continue // unknown in the visual zone
		}
		n, err := strconv.Atoi(slot)
		if err != nil {
			continue // unknown (fillers) in the MRZ
		}
		if n != p {
			shown := mrzDate(m)
			if !c.birth.IsZero() {
				shown = iso(c.birth)
			}
			return one(hit{ev: ev("viz", strings.TrimSpace(c.in.Visual.BirthDate), "mrz", shown)})
		}
	}
	return nil
}

func checkVIZExpiry(c *context) []hit {
	if c.doc == nil || c.vizExpiry.IsZero() || len(c.f.ExpiryDate) != 6 {
		return nil
	}
	if c.vizExpiry.Format("060102") == c.f.ExpiryDate {
		return nil
	}
	shown := mrzDate(c.f.ExpiryDate)
	if !c.expiry.IsZero() {
		shown = iso(c.expiry)
	}
	return one(hit{ev: ev("viz", iso(c.vizExpiry), "mrz", shown)})
}

// mrzDate shows a YYMMDD date with the resolved form when there is one.
func mrzDate(s string) string {
	if len(s) != 6 {
		return s
	}
	return s[:2] + "-" + s[2:4] + "-" + s[4:]
}

func checkVIZNumber(c *context) []hit {
	typed := c.in.Visual.DocumentNumber
	if c.doc == nil || strings.TrimSpace(typed) == "" {
		return nil
	}
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case r == ' ' || r == '-' || r == '<' || r == '.':
				return -1
			}
			return unicode.ToUpper(r)
		}, s)
	}
	if norm(typed) == norm(c.f.DocumentNumber) {
		return nil
	}
	return one(hit{ev: ev("viz", strings.TrimSpace(typed), "mrz", c.number())})
}

// vizSex reads a typed sex: F, M or X (also the English and Spanish words).
func vizSex(s string) (string, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "F", "FEMALE", "FEMENINO", "MUJER":
		return "F", nil
	case "M", "MALE", "MASCULINO", "HOMBRE", "H":
		return "M", nil
	case "X", "<", "UNSPECIFIED", "NO ESPECIFICADO":
		return "X", nil
	}
	return "", fmt.Errorf("%q is not F, M or X", s)
}

func checkVIZSex(c *context) []hit {
	typed := strings.TrimSpace(c.in.Visual.Sex)
	if typed == "" {
		return nil
	}
	v, err := vizSex(typed)
	if err != nil || c.doc == nil {
		return nil // an unreadable value is reported by viz_input_invalid
	}
	m := c.f.Sex
	if m == "<" || m == "" {
		m = "X"
	}
	if v == m {
		return nil
	}
	return one(hit{ev: ev("viz", v, "mrz", c.f.Sex)})
}
