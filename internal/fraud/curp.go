package fraud

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"lookout/internal/countries"
)

const srcCURP = "RENAPO, Instructivo normativo para la asignación de la CURP (DOF 18 Oct 2021); python-stdnum mx/curp.py"

// curpStates are the two-letter birth-state codes of the CURP, with the
// names a place of birth may be written with (upper case, no accents).
// "MEXICO" alone is left out: it names the country as often as the state.
var curpStates = map[string][]string{
	"AS": {"AGUASCALIENTES"},
	"BC": {"BAJA CALIFORNIA"},
	"BS": {"BAJA CALIFORNIA SUR"},
	"CC": {"CAMPECHE"},
	"CL": {"COAHUILA", "COAHUILA DE ZARAGOZA"},
	"CM": {"COLIMA"},
	"CS": {"CHIAPAS"},
	"CH": {"CHIHUAHUA"},
	"DF": {"CIUDAD DE MEXICO", "DISTRITO FEDERAL", "CDMX", "D F", "MEXICO D F", "MEXICO DF"},
	"DG": {"DURANGO"},
	"GT": {"GUANAJUATO"},
	"GR": {"GUERRERO"},
	"HG": {"HIDALGO"},
	"JC": {"JALISCO"},
	"MC": {"ESTADO DE MEXICO", "EDO DE MEXICO", "EDO MEX", "EDOMEX"},
	"MN": {"MICHOACAN", "MICHOACAN DE OCAMPO"},
	"MS": {"MORELOS"},
	"NT": {"NAYARIT"},
	"NL": {"NUEVO LEON"},
	"OC": {"OAXACA"},
	"PL": {"PUEBLA"},
	"QT": {"QUERETARO"},
	"QR": {"QUINTANA ROO"},
	"SP": {"SAN LUIS POTOSI"},
	"SL": {"SINALOA"},
	"SR": {"SONORA"},
	"TC": {"TABASCO"},
	"TS": {"TAMAULIPAS"},
	"TL": {"TLAXCALA"},
	"VZ": {"VERACRUZ", "VERACRUZ DE IGNACIO DE LA LLAVE", "VERACRUZ LLAVE"},
	"YN": {"YUCATAN"},
	"ZS": {"ZACATECAS"},
	"NE": nil, // nacido en el extranjero: born abroad
}

// curpAlphabet gives each character its value for the check digit.
const curpAlphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"

// curp is a parsed CURP.
type curp struct {
	raw   string
	birth time.Time
	sex   string // "H", "M" or "X"
	state string
}

// problem is one reason a CURP is invalid, in English and Spanish.
type problem struct{ en, es string }

// curpCheckDigit computes the 18th character from the first 17.
func curpCheckDigit(s string) (byte, bool) {
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(curpAlphabet, s[i])
		if v < 0 {
			return 0, false
		}
		sum += v * (18 - i)
	}
	return byte('0' + (10-sum%10)%10), true
}

// parseCURP validates a typed CURP: form, birth date, sex, state and check
// digit. Every problem found is returned.
func parseCURP(s string) (curp, []problem) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	c := curp{raw: s}
	if len(s) != 18 {
		return c, []problem{{fmt.Sprintf("it has %d characters, not 18", len(s)), fmt.Sprintf("tiene %d caracteres, no 18", len(s))}}
	}
	var probs []problem
	for i := 0; i < 18; i++ {
		ch := s[i]
		letter := ch >= 'A' && ch <= 'Z'
		digit := ch >= '0' && ch <= '9'
		switch {
		case i < 4 || (i >= 10 && i < 16):
			if !letter {
				return c, []problem{{fmt.Sprintf("character %d (%c) must be a letter", i+1, ch), fmt.Sprintf("el carácter %d (%c) debe ser una letra", i+1, ch)}}
			}
		case i < 10 || i == 17:
			if !digit {
				return c, []problem{{fmt.Sprintf("character %d (%c) must be a digit", i+1, ch), fmt.Sprintf("el carácter %d (%c) debe ser un dígito", i+1, ch)}}
			}
		case i == 16:
			if !letter && !digit {
				return c, []problem{{fmt.Sprintf("character %d (%c) must be a letter or a digit", i+1, ch), fmt.Sprintf("el carácter %d (%c) debe ser una letra o un dígito", i+1, ch)}}
			}
		}
	}
	century := 1900
	if s[16] >= 'A' {
		century = 2000 // the homonym character is a letter for births from 2000
	}
	y, _ := strconv.Atoi(s[4:6])
	t, err := time.Parse("2006-01-02", fmt.Sprintf("%04d-%s-%s", century+y, s[6:8], s[8:10]))
	if err != nil {
		probs = append(probs, problem{fmt.Sprintf("characters 5–10 (%s) are not a date", s[4:10]), fmt.Sprintf("los caracteres 5–10 (%s) no son una fecha", s[4:10])})
	} else {
		c.birth = t
	}
	c.sex = s[10:11]
	if !strings.Contains("HMX", c.sex) {
		probs = append(probs, problem{fmt.Sprintf("character 11 (%s) is not a sex code (H, M or X)", c.sex), fmt.Sprintf("el carácter 11 (%s) no es un código de sexo (H, M o X)", c.sex)})
	}
	c.state = s[11:13]
	if _, ok := curpStates[c.state]; !ok {
		probs = append(probs, problem{fmt.Sprintf("characters 12–13 (%s) are not a state code", c.state), fmt.Sprintf("los caracteres 12–13 (%s) no son un código de estado", c.state)})
	}
	if want, ok := curpCheckDigit(s); ok && want != s[17] {
		probs = append(probs, problem{fmt.Sprintf("the check digit is %c, it should be %c", s[17], want), fmt.Sprintf("el dígito verificador es %c, debería ser %c", s[17], want)})
	}
	return c, probs
}

func curpRules() []Rule {
	return []Rule{
		{
			Code:      "curp_invalid",
			Severity:  SevReview,
			Fields:    []string{"curp"},
			Message:   "The typed CURP {curp} is not valid: {problems}. Re-check what you typed; a printed CURP that fails these checks is not genuine.",
			MessageES: "La CURP tecleada {curp} no es válida: {problems_es}. Revise lo tecleado; una CURP impresa que no supera estas comprobaciones no es auténtica.",
			Rationale: "The CURP has a fixed form (initials, birth date, sex, birth state, consonants, homonym " +
				"character) and a check digit that catches most typing errors.",
			FalsePositives: "Typing errors (most likely); the X sex code introduced for non-binary people.",
			Source:         srcCURP,
			Heuristic:      "H27",
			check:          checkCURPInvalid,
		},
		{
			Code:      "curp_mismatch",
			Severity:  SevRefer,
			Fields:    []string{"curp", "birth_date", "sex"},
			Message:   "The CURP {curp} is well formed but encodes {what} {curp_value}, while the MRZ says {mrz_value}.",
			MessageES: "La CURP {curp} es válida pero codifica {what_es} {curp_value}, mientras que la ZLM indica {mrz_value}.",
			Rationale: "The CURP encodes the date of birth and sex; a valid CURP that disagrees with the MRZ belongs to " +
				"someone else (a typing error would almost always break its check digit).",
			FalsePositives: "Changes of the sex marker recorded in one document only.",
			Source:         srcCURP,
			Heuristic:      "H27",
			check:          checkCURPMismatch,
		},
		{
			Code:      "curp_state_mismatch",
			Severity:  SevReview,
			Fields:    []string{"curp", "place_of_birth"},
			Message:   "The CURP's birth state ({curp_state}) does not match the place of birth {pob}.",
			MessageES: "El estado de nacimiento de la CURP ({curp_state}) no coincide con el lugar de nacimiento {pob}.",
			Rationale: "Characters 12–13 of the CURP are the birth state (NE: born abroad); the passport prints the " +
				"place of birth.",
			FalsePositives: "Places of birth written unusually; the comparison only speaks when the typed place " +
				"clearly names a state or a foreign country.",
			Source:    srcCURP,
			Heuristic: "H27",
			check:     checkCURPState,
		},
		{
			Code:      "curp_name_mismatch",
			Severity:  SevReview,
			Fields:    []string{"curp", "surname", "given_names"},
			Message:   "The CURP's initials ({initials}) do not fit the name in the MRZ ({name}).",
			MessageES: "Las iniciales de la CURP ({initials}) no corresponden al nombre de la ZLM ({name}).",
			Rationale: "CURP characters 1, 3 and 4 are the initials of the first surname, the second surname (X if " +
				"none) and the first given name (skipping José and María when another name follows).",
			FalsePositives: "Compound surnames split differently; names registered differently at RENAPO.",
			Source:         srcCURP,
			Heuristic:      "H27",
			check:          checkCURPName,
		},
	}
}

// curpApplies reports whether a typed CURP should be checked: the
// document is Mexican by issuer or nationality.
func (c *context) curpApplies() bool {
	return strings.TrimSpace(c.in.Visual.CURP) != "" && c.doc != nil &&
		(c.f.IssuingState == "MEX" || c.f.Nationality == "MEX")
}

func checkCURPInvalid(c *context) []hit {
	if !c.curpApplies() {
		return nil
	}
	p, probs := parseCURP(c.in.Visual.CURP)
	if len(probs) == 0 {
		return nil
	}
	var en, es []string
	for _, pr := range probs {
		en, es = append(en, pr.en), append(es, pr.es)
	}
	return one(hit{ev: ev("curp", p.raw, "problems", strings.Join(en, "; "), "problems_es", strings.Join(es, "; "))})
}

// validCURP returns the typed CURP when it applies and passes every check.
func (c *context) validCURP() (curp, bool) {
	if !c.curpApplies() {
		return curp{}, false
	}
	p, probs := parseCURP(c.in.Visual.CURP)
	return p, len(probs) == 0
}

func checkCURPMismatch(c *context) []hit {
	p, ok := c.validCURP()
	if !ok {
		return nil
	}
	var out []hit
	if !c.birth.IsZero() && !p.birth.Equal(c.birth) {
		out = append(out, hit{fields: []string{"curp", "birth_date"}, ev: ev("curp", p.raw,
			"what", "the date of birth", "what_es", "la fecha de nacimiento",
			"curp_value", iso(p.birth), "mrz_value", iso(c.birth))})
	}
	mrzSex := map[string]string{"M": "H", "F": "M", "<": "X"}[c.f.Sex]
	if mrzSex != "" && p.sex != mrzSex {
		out = append(out, hit{fields: []string{"curp", "sex"}, ev: ev("curp", p.raw,
			"what", "the sex", "what_es", "el sexo",
			"curp_value", p.sex+" ("+curpSexName(p.sex)+")", "mrz_value", mrzSexName(c.f.Sex))})
	}
	return out
}

func mrzSexName(s string) string {
	switch s {
	case "M":
		return "M (male / masculino)"
	case "F":
		return "F (female / femenino)"
	}
	return "< (unspecified / no especificado)"
}

func curpSexName(s string) string {
	switch s {
	case "H":
		return "hombre"
	case "M":
		return "mujer"
	}
	return "no binario"
}

// foldPlace upper-cases a place name, removes accents and punctuation.
func foldPlace(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if opts := latin[r]; opts != nil {
			b.WriteString(opts[len(opts)-1][:1])
			continue
		}
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsSpace(r), r == ',', r == '.', r == '-', r == '/', r == '(', r == ')':
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// placeState finds the Mexican state a place of birth names ("" when
// none). The place is read as comma-separated parts, state after city
// ("HIDALGO DEL PARRAL, CHIHUAHUA"), and only a part that is exactly a
// state's name counts: a city named after another state must not.
func placeState(pob string) string {
	parts := strings.FieldsFunc(pob, func(r rune) bool { return r == ',' || r == '/' || r == '(' || r == ')' || r == ';' })
	for i := len(parts) - 1; i >= 0; i-- {
		p := foldPlace(parts[i])
		p = strings.TrimSuffix(strings.TrimPrefix(p, "EDO "), " MEXICO")
		for code, names := range curpStates {
			if slices.Contains(names, p) {
				return code
			}
		}
	}
	return ""
}

// placeCountry finds a foreign country a place of birth names ("" when
// none, or when it names Mexico).
func placeCountry(pob string) string {
	parts := strings.FieldsFunc(pob, func(r rune) bool { return r == ',' || r == '/' || r == '(' || r == ')' })
	for i := len(parts) - 1; i >= 0; i-- {
		if ct, ok := countries.ByName(strings.TrimSpace(parts[i])); ok {
			if ct.Code == "MEX" {
				return ""
			}
			return ct.Code
		}
	}
	return ""
}

func checkCURPState(c *context) []hit {
	p, ok := c.validCURP()
	pob := strings.TrimSpace(c.in.Visual.PlaceOfBirth)
	if !ok || pob == "" {
		return nil
	}
	state, country := placeState(pob), placeCountry(pob)
	mismatch := false
	switch {
	case state != "" && state != p.state:
		mismatch = true // a different state, or born in Mexico while the CURP says abroad
	case state == "" && country != "" && p.state != "NE":
		mismatch = true // born abroad while the CURP names a state
	}
	if !mismatch {
		return nil
	}
	label := p.state
	if names := curpStates[p.state]; len(names) > 0 {
		label += " = " + names[0]
	} else {
		label += " = born abroad / nacido en el extranjero"
	}
	return one(hit{ev: ev("curp", p.raw, "curp_state", label, "pob", pob)})
}

// curpParticles are the words the CURP skips in compound surnames.
var curpParticles = []string{"DA", "DAS", "DE", "DEL", "DER", "DI", "DIE", "DD", "EL", "LA", "LOS", "LAS", "LE", "LES", "MAC", "MC", "VAN", "VON", "Y"}

func checkCURPName(c *context) []hit {
	p, ok := c.validCURP()
	if !ok {
		return nil
	}
	var sur []string
	for _, w := range strings.Fields(mrzName(c.f.Surname)) {
		if !slices.Contains(curpParticles, w) {
			sur = append(sur, w)
		}
	}
	var given []string
	for _, w := range strings.Fields(mrzName(c.f.GivenNames)) {
		if !slices.Contains(curpParticles, w) {
			given = append(given, w)
		}
	}
	if len(given) > 1 && slices.Contains([]string{"JOSE", "J", "MARIA", "MA", "M"}, given[0]) {
		given = given[1:]
	}
	if len(sur) == 0 || len(given) == 0 {
		return nil
	}
	fits := func(curpCh byte, want byte) bool { return curpCh == 'X' || curpCh == want }
	second := byte('X')
	if len(sur) > 1 {
		second = sur[1][0]
	}
	if fits(p.raw[0], sur[0][0]) && fits(p.raw[2], second) && fits(p.raw[3], given[0][0]) {
		return nil
	}
	if len(sur) == 1 && p.raw[2] != 'X' && fits(p.raw[0], sur[0][0]) && fits(p.raw[3], given[0][0]) {
		// One surname in the MRZ but a second one in the CURP: issuers may
		// print only the first.
		return nil
	}
	return one(hit{ev: ev("curp", p.raw, "initials", string([]byte{p.raw[0], p.raw[2], p.raw[3]}),
		"name", mrzName(c.f.Surname)+", "+mrzName(c.f.GivenNames))})
}
