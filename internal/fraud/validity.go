package fraud

import (
	"fmt"
	"slices"
	"time"

	"lookout/internal/bundle"
)

// toleranceDays absorbs day-level conventions: some issuers expire a
// passport on the anniversary, others the day before; month arithmetic at
// month ends shifts a date by up to three days. A forged period is off by
// months or years.
const toleranceDays = 7

// validityRule is a ValidityRule with its dates parsed.
type validityRule struct {
	bundle.ValidityRule
	from, to time.Time // zero when open
}

// rules returns the issuer's validity rules with parsed dates; a rule with
// an unreadable date is reported by CheckFacts and skipped here.
func (c *context) validityRules() []validityRule {
	if !c.rulesDone {
		c.rulesV, c.rulesDone = c.parseValidityRules(), true
	}
	return c.rulesV
}

func (c *context) parseValidityRules() []validityRule {
	if c.issuer == nil {
		return nil
	}
	var out []validityRule
	for _, r := range c.issuer.Validity {
		from, err1 := parseOptDate(r.From)
		to, err2 := parseOptDate(r.To)
		if err1 != nil || err2 != nil || len(r.Months) == 0 || slices.Min(r.Months) <= 0 {
			c.factProblems = append(c.factProblems, hit{ev: ev("state", c.issuer.State,
				"what", "validity rule", "error", "dates "+r.From+".."+r.To+", periods "+fmt.Sprint(r.Months))})
			continue
		}
		// An issuer whose facts are low confidence as a whole makes every
		// rule low confidence: on their own they never raise above info.
		r.LowConf = r.LowConf || c.issuer.Confidence == "low"
		out = append(out, validityRule{ValidityRule: r, from: from, to: to})
	}
	return out
}

// window is an inclusive range of dates; a zero bound is open.
type window struct{ lo, hi time.Time }

func (w window) empty() bool { return !w.lo.IsZero() && !w.hi.IsZero() && w.lo.After(w.hi) }

func (w window) clip(lo, hi time.Time) window {
	if !lo.IsZero() && (w.lo.IsZero() || lo.After(w.lo)) {
		w.lo = lo
	}
	if !hi.IsZero() && (w.hi.IsZero() || hi.Before(w.hi)) {
		w.hi = hi
	}
	return w
}

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// issueWindow is where the date of issue can lie before any rule is
// applied: the typed date, or anything up to today.
func (c *context) issueWindow() window {
	if !c.issue.IsZero() {
		return window{c.issue, c.issue}
	}
	w := window{hi: addDays(c.now, 1)}
	if !c.birth.IsZero() {
		w.lo = c.birth
	}
	if !c.expiry.IsZero() {
		w = w.clip(time.Time{}, c.expiry)
	}
	return w
}

// explains reports whether rule r with a period of m months explains the
// document's expiry for some date of issue in iw; with checkAge, the
// holder's age on that date must also be in the rule's band.
func (c *context) explains(r validityRule, m int, iw window, checkAge bool) bool {
	base := c.expiry.AddDate(0, -m, 0)
	w := iw.clip(addDays(base, -r.GraceDays-toleranceDays), addDays(base, toleranceDays))
	w = w.clip(r.from, r.to)
	if !w.empty() && c.ageFits(r, w, checkAge) {
		return true
	}
	if r.UntilAge > 0 && !c.birth.IsZero() {
		// Valid until a birthday, when that comes before the full period.
		bday := c.birth.AddDate(r.UntilAge, 0, 0)
		if absDays(c.expiry, bday) <= toleranceDays {
			w := iw.clip(addDays(base, -toleranceDays), c.expiry).clip(r.from, r.to)
			if !w.empty() && c.ageFits(r, w, checkAge) {
				return true
			}
		}
	}
	return false
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

// ageFits reports whether the holder's age at some date of w is in r's band.
func (c *context) ageFits(r validityRule, w window, checkAge bool) bool {
	if !checkAge || c.birth.IsZero() {
		return true
	}
	lo, hi := w.lo, w.hi
	if lo.IsZero() {
		lo = c.birth
	}
	if hi.IsZero() {
		hi = c.now
	}
	if lo.Before(c.birth) {
		lo = c.birth
	}
	if lo.After(hi) {
		return false
	}
	aLo, aHi := ageAt(c.birth, lo), ageAt(c.birth, hi)
	if r.MaxAge >= 0 && aLo > r.MaxAge {
		return false
	}
	return aHi >= r.MinAge
}

// covers reports whether r speaks about this holder at some date of w:
// its dates and age band include them. A situation no rule speaks about
// (Colombian minors, for which the notes give no period) is not judged.
func (c *context) covers(r validityRule, w window) bool {
	w = w.clip(r.from, r.to)
	if w.empty() {
		return false
	}
	return c.ageFits(r, w, true)
}

// validityKind is the outcome of the validity analysis.
type validityKind int

const (
	validityUnknown     validityKind = iota // no rule speaks about this document
	validityRegular                         // a regular period for the age and date
	validityLimited                         // only a limited (exceptional) period fits
	validityReplacement                     // shorter than regular; the issuer's replacements keep the old expiry
	validityAgeBand                         // a period the issuer grants, but not at this age
	validityNotAllowed                      // a period the issuer does not grant (typed issue date)
)

// validityVerdict is what validityCheck found.
type validityVerdict struct {
	kind    validityKind
	lowConf bool // the verdict is only reached by ignoring low-confidence rules that would explain it
	// allowed are the regular periods for this holder (months).
	allowed []int
	// months is the period that explains the expiry (limited) or would
	// explain it at another age (age band).
	months int
}

// validityCheck classifies the document's issue-to-expiry period against
// the issuer's rules. Only ordinary passports with a known expiry are
// judged.
func (c *context) validityCheck() validityVerdict {
	rules := c.validityRules()
	if len(rules) == 0 || !c.ordinaryPassport() || c.expiry.IsZero() {
		return validityVerdict{}
	}
	iw := c.issueWindow()
	if iw.empty() {
		return validityVerdict{} // impossible dates: other rules speak
	}
	// With nothing but low-confidence rules, judge by them and note the
	// result at info.
	allLow := true
	for _, r := range rules {
		allLow = allLow && r.LowConf
	}
	if allLow {
		rules = slices.Clone(rules)
		for i := range rules {
			rules[i].LowConf = false
		}
		v := c.classify(rules, iw)
		v.lowConf = v.kind != validityRegular && v.kind != validityUnknown
		return v
	}
	return c.classify(rules, iw)
}

// classify is validityCheck on a given rule set.
func (c *context) classify(rules []validityRule, iw window) validityVerdict {
	// found is the longest period of the last successful search.
	found := 0
	any := func(pred func(validityRule) bool, checkAge bool) bool {
		found = 0
		for _, r := range rules {
			if !pred(r) {
				continue
			}
			for _, m := range r.Months {
				if m > found && c.explains(r, m, iw, checkAge) {
					found = m
				}
			}
		}
		return found > 0
	}
	high := func(r validityRule) bool { return !r.LowConf }
	regular := func(r validityRule) bool { return !r.LowConf && !r.Limited }
	limited := func(r validityRule) bool { return !r.LowConf && r.Limited }
	low := func(r validityRule) bool { return r.LowConf }

	v := validityVerdict{allowed: c.allowedPeriods(rules, iw)}
	switch {
	case any(regular, true):
		v.kind = validityRegular
		return v
	case any(limited, true):
		v.kind, v.months = validityLimited, found
	default:
		covered := false
		cw := iw
		if c.issue.IsZero() {
			cw = cw.clip(c.expiry.AddDate(0, -c.maxMonths(rules, false), -c.maxGrace(rules)-toleranceDays), time.Time{})
		}
		for _, r := range rules {
			if high(r) && c.covers(r, cw) {
				covered = true
				break
			}
		}
		if !covered {
			if any(low, true) {
				return validityVerdict{kind: validityRegular}
			}
			return validityVerdict{}
		}
		switch {
		case c.issuer.ReplacementKeepsExpiry && c.shorterThanRegular(rules, iw):
			v.kind = validityReplacement
		case any(high, false):
			v.kind, v.months = validityAgeBand, found
		case !c.issue.IsZero():
			v.kind = validityNotAllowed
		default:
			// Without a date of issue, a period that fits no rule at all
			// is an expiry too far ahead (expiry_beyond_maximum) or
			// outside every rule's years; neither is judged here.
			return validityVerdict{}
		}
	}
	if any(low, true) {
		v.lowConf = true
	}
	return v
}

// allowedPeriods are the regular periods for the holder's age on the
// (typed or earliest possible) date of issue, for the evidence.
func (c *context) allowedPeriods(rules []validityRule, iw window) []int {
	if c.issue.IsZero() {
		// Without a date of issue, the periods for the holder's age
		// today are the most useful hint (the check rewrites it with the
		// date of issue the expiry implies, when it knows the period).
		iw = window{c.now, c.now}
	}
	return c.allowedPeriodsIn(rules, iw)
}

// allowedPeriodsIn are the regular periods for the holder's age on the
// dates of w.
func (c *context) allowedPeriodsIn(rules []validityRule, w window) []int {
	var out []int
	for _, r := range rules {
		if r.LowConf || r.Limited {
			continue
		}
		if !c.covers(r, w) {
			continue
		}
		for _, m := range r.Months {
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	slices.Sort(out)
	return out
}

// shorterThanRegular reports whether the period is shorter than a regular
// period for the holder (a replacement keeping the old expiry).
func (c *context) shorterThanRegular(rules []validityRule, iw window) bool {
	maxReg := 0
	for _, r := range rules {
		if r.LowConf || r.Limited || !c.covers(r, iw) {
			continue
		}
		maxReg = max(maxReg, slices.Max(r.Months))
	}
	if maxReg == 0 {
		return false
	}
	start := c.issue
	if start.IsZero() {
		start = c.now
	}
	return c.expiry.Before(start.AddDate(0, maxReg, 0))
}

// maxMonths is the longest period of any rule (with low-confidence ones
// when withLow).
func (c *context) maxMonths(rules []validityRule, highOnly bool) int {
	m := 0
	for _, r := range rules {
		if highOnly && r.LowConf {
			continue
		}
		m = max(m, slices.Max(r.Months))
	}
	return m
}

func (c *context) maxGrace(rules []validityRule) int {
	g := 0
	for _, r := range rules {
		g = max(g, r.GraceDays)
	}
	return g
}

// latestExpiry is the latest expiry a genuine document issued at the
// latest today could carry under the issuer's rules (high confidence only,
// or all rules): a rule that ended in the past counts from its last day.
func (c *context) latestExpiry(rules []validityRule, highOnly bool) time.Time {
	var latest time.Time
	for _, r := range rules {
		if highOnly && r.LowConf {
			continue
		}
		last := c.now
		if !r.to.IsZero() && r.to.Before(last) {
			last = r.to
		}
		if !r.from.IsZero() && r.from.After(c.now) {
			continue
		}
		for _, m := range r.Months {
			e := addDays(last.AddDate(0, m, 0), r.GraceDays+toleranceDays)
			if e.After(latest) {
				latest = e
			}
		}
	}
	return latest
}
