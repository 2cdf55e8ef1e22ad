package fraud

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/mrz"
)

// context is one evaluation: the input, resolved once, plus what the rules
// share (typed dates parsed, the issuer's facts found).
type context struct {
	in    Input
	now   time.Time // date of the check, UTC midnight
	doc   *mrz.Document
	f     mrz.Fields
	facts *bundle.IssuerFacts
	// issuer is the facts entry for the issuing state; nil when there is none.
	issuer *bundle.Issuer

	birth  time.Time // MRZ birth date, UTC; zero when unknown
	expiry time.Time // MRZ expiry date, UTC; zero when unknown

	// issue is the typed date of issue; zero when not typed or unreadable.
	issue time.Time

	// vizBirth is the typed birth date; vizBirthParts says which parts
	// (year, month, day) were given rather than XX.
	vizBirth      [3]int
	vizBirthKnown bool
	vizExpiry     time.Time

	// inputProblems are typed values that could not be used.
	inputProblems []hit

	// patterns caches compiled number patterns of the issuer.
	patterns []compiledPattern
	// factProblems are issuer facts that could not be used.
	factProblems []hit

	// rulesV caches validityRules.
	rulesV    []validityRule
	rulesDone bool
	// validityV caches validityCheck, which four rules share.
	validityV    validityVerdict
	validityDone bool
}

type compiledPattern struct {
	bundle.NumberPattern
	re       *regexp.Regexp
	from, to time.Time // zero when open
}

func newContext(in Input, facts *bundle.IssuerFacts) *context {
	now := in.Now
	if now.IsZero() {
		now = time.Now()
	}
	c := &context{in: in, now: day(now), doc: in.Doc, facts: facts}
	if c.doc != nil {
		c.f = c.doc.Fields
		c.birth = day(c.doc.Birth)
		c.expiry = day(c.doc.Expiry)
	}
	v := in.Visual
	if s := strings.TrimSpace(v.IssueDate); s != "" {
		if t, err := parseDate(s); err != nil {
			c.problem("issue_date", s, err, "no es una fecha AAAA-MM-DD")
		} else {
			c.issue = t
		}
	}
	if s := strings.TrimSpace(v.ExpiryDate); s != "" {
		if t, err := parseDate(s); err != nil {
			c.problem("expiry_date", s, err, "no es una fecha AAAA-MM-DD")
		} else {
			c.vizExpiry = t
		}
	}
	if s := strings.TrimSpace(v.BirthDate); s != "" {
		if p, err := parseBirthDate(s); err != nil {
			c.problem("birth_date", s, err, "no es una fecha AAAA-MM-DD (XX para un mes o día desconocido)")
		} else {
			c.vizBirth, c.vizBirthKnown = p, true
		}
	}
	if s := strings.TrimSpace(v.Sex); s != "" {
		if _, err := vizSex(s); err != nil {
			c.problem("sex", s, err, "no es F, M ni X")
		}
	}
	if v.PriorLosses < 0 {
		c.problem("prior_losses", strconv.Itoa(v.PriorLosses), fmt.Errorf("a count cannot be negative"), "un recuento no puede ser negativo")
	}
	if c.doc != nil {
		state := c.f.IssuingState
		for i := range facts.Issuers {
			if facts.Issuers[i].State == state {
				c.issuer = &facts.Issuers[i]
				break
			}
		}
	}
	c.validityRules() // parse once, reporting unusable rules
	if c.issuer != nil && facts == defaultFacts() {
		c.patterns = defaultPatterns()[c.issuer.State]
	} else if c.issuer != nil {
		var probs []hit
		c.patterns, probs = compilePatterns(c.issuer)
		c.factProblems = append(c.factProblems, probs...)
	}
	return c
}

// compilePatterns compiles an issuer's number patterns; unusable ones are
// reported as facts_error hits.
func compilePatterns(is *bundle.Issuer) ([]compiledPattern, []hit) {
	var out []compiledPattern
	var probs []hit
	for _, p := range is.Numbers {
		cp := compiledPattern{NumberPattern: p}
		re, err := regexp.Compile(`^(?:` + p.Regex + `)$`)
		if err != nil {
			probs = append(probs, hit{ev: map[string]string{
				"state": is.State, "what": "number pattern " + strconv.Quote(p.Regex), "error": err.Error()}})
			continue
		}
		cp.re = re
		var err1, err2 error
		cp.from, err1 = parseOptDate(p.From)
		cp.to, err2 = parseOptDate(p.To)
		if err1 != nil || err2 != nil {
			probs = append(probs, hit{ev: map[string]string{
				"state": is.State, "what": "number pattern " + strconv.Quote(p.Regex), "error": "bad date range " + p.From + ".." + p.To}})
			continue
		}
		out = append(out, cp)
	}
	return out, probs
}

// defaultPatterns are the built-in facts' patterns, compiled once (the
// regular expressions are safe for concurrent use and never written).
var defaultPatterns = sync.OnceValue(func() map[string][]compiledPattern {
	m := map[string][]compiledPattern{}
	f := defaultFacts()
	for i := range f.Issuers {
		m[f.Issuers[i].State], _ = compilePatterns(&f.Issuers[i])
	}
	return m
})

// visualLabels name the typed fields in messages.
var visualLabels = map[string][2]string{
	"issue_date":   {"date of issue", "fecha de expedición"},
	"expiry_date":  {"expiry date", "fecha de vencimiento"},
	"birth_date":   {"date of birth", "fecha de nacimiento"},
	"sex":          {"sex", "sexo"},
	"prior_losses": {"number of prior losses", "número de pérdidas anteriores"},
}

func (c *context) problem(field, value string, err error, es string) {
	l := visualLabels[field]
	c.inputProblems = append(c.inputProblems, hit{
		fields: []string{field},
		ev: ev("field", field, "field_name", l[0], "field_name_es", l[1], "value", value,
			"error", err.Error(), "error_es", strconv.Quote(value)+" "+es),
	})
}

// docType is the document code without fillers, with "P<" and "PP" both
// read as "P" (an ordinary passport).
func (c *context) docType() string {
	t := strings.TrimRight(c.f.DocumentType, "<")
	if t == "PP" {
		return "P"
	}
	return t
}

// ordinaryPassport reports whether the document is an ordinary passport:
// the only documents the issuer facts describe.
func (c *context) ordinaryPassport() bool {
	return c.doc != nil && c.docType() == "P"
}

// day truncates t to its calendar date in UTC (the MRZ has no time zone).
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// parseDate reads a typed date: YYYY-MM-DD (also YYYYMMDD).
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	layout := "2006-01-02"
	if len(s) == 8 && !strings.Contains(s, "-") {
		layout = "20060102"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return t, nil
}

// parseOptDate reads a fact's date bound; "" is an open bound.
func parseOptDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", s)
}

// parseBirthDate reads a typed birth date, YYYY-MM-DD, where the month and
// the day may be XX (unknown, as printed in the visual zone). Unknown parts
// come back as 0.
func parseBirthDate(s string) ([3]int, error) {
	var out [3]int
	bad := fmt.Errorf("%q is not a date in the form YYYY-MM-DD (XX for an unknown month or day)", s)
	parts := strings.Split(strings.ToUpper(strings.TrimSpace(s)), "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) != 2 || len(parts[2]) != 2 {
		if t, err := parseDate(s); err == nil {
			return [3]int{t.Year(), int(t.Month()), t.Day()}, nil
		}
		return out, bad
	}
	for i, p := range parts {
		if p == "XX" && i > 0 {
			continue
		}
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 {
			return out, bad
		}
		out[i] = n
	}
	if out[1] > 12 || out[2] > 31 {
		return out, bad
	}
	if out[1] > 0 && out[2] > 0 {
		if _, err := time.Parse("2006-01-02", parts[0]+"-"+parts[1]+"-"+parts[2]); err != nil {
			return out, bad
		}
	}
	return out, nil
}

// ageAt is the holder's age in whole years on t.
func ageAt(birth, t time.Time) int {
	age := t.Year() - birth.Year()
	if t.Month() < birth.Month() || (t.Month() == birth.Month() && t.Day() < birth.Day()) {
		age--
	}
	return age
}

// iso formats a date for evidence.
func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// period renders a number of months in English and Spanish.
func period(months int) (en, es string) {
	if months%12 == 0 {
		y := months / 12
		if y == 1 {
			return "1 year", "1 año"
		}
		return fmt.Sprintf("%d years", y), fmt.Sprintf("%d años", y)
	}
	if months == 1 {
		return "1 month", "1 mes"
	}
	return fmt.Sprintf("%d months", months), fmt.Sprintf("%d meses", months)
}

// periodList renders allowed periods: "3, 6 or 10 years".
func periodList(months []int) (en, es string) {
	var e, s []string
	for _, m := range months {
		a, b := period(m)
		e, s = append(e, a), append(s, b)
	}
	return joinOr(e, "or"), joinOr(s, "o")
}

func joinOr(items []string, or string) string {
	// "3 years, 6 years or 10 years" reads worse than "3, 6 or 10 years"
	// when every item has the same unit.
	unit := ""
	same := len(items) > 1
	for _, it := range items {
		_, u, ok := strings.Cut(it, " ")
		if !ok || (unit != "" && strings.TrimSuffix(u, "s") != strings.TrimSuffix(unit, "s")) {
			same = false
			break
		}
		if len(u) > len(unit) {
			unit = u
		}
	}
	if same {
		nums := make([]string, len(items))
		for i, it := range items {
			nums[i], _, _ = strings.Cut(it, " ")
		}
		items = nums
	}
	var s string
	switch len(items) {
	case 0:
		return ""
	case 1:
		s = items[0]
	default:
		s = strings.Join(items[:len(items)-1], ", ") + " " + or + " " + items[len(items)-1]
	}
	if same {
		s += " " + unit
	}
	return s
}
