// Package fraud turns a parsed machine readable zone, a few fields an
// officer can type from the visual zone and the document lookouts that
// matched into ranked, explained signals and one recommendation: "clear",
// "review" (secondary inspection) or "refer".
//
// A valid MRZ is not a genuine document: check digits are error detection
// and a forger computes them trivially. The rules here look for what
// forgers and fraudulent applicants get wrong — periods of validity the
// issuer never grants, number series used outside their years, specimen
// data, a visual zone that disagrees with the MRZ — and for the
// circumstances the officer should know about (a passport issued days ago
// for a first trip, repeated losses, a reported document).
//
// # Rules
//
// Every rule is one entry of the table returned by [Rules]: a stable code, the
// highest severity it can raise, the fields it reads, English and Spanish
// message templates, its rationale, its false-positive risk and the source it
// rests on, next to the small Go function that applies it. docs/heuristics.md
// is generated from that table (go generate ./internal/fraud).
//
// # Severity
//
// "refer" is strong evidence (specimen, reported document, impossible dates,
// a period the issuer never grants); "review" is a reason for a closer look
// that a genuine traveller may well have; "info" is shown to the officer and
// never changes the recommendation. A genuine ordinary passport raises
// nothing above info: the tests generate genuine documents for every issuer
// with facts and prove it. A signal that rests on a fact marked low
// confidence is lowered to info.
//
// # Issuer facts
//
// Validity periods by age band and date, number patterns with the years
// they applied, and specimen documents are data ([bundle.IssuerFacts]),
// carried in the signed bundle so a list owner can correct them without a
// new app. [DefaultFacts] is the built-in set, from the project's research
// notes; [CheckFacts] validates a set before use. Issuers without facts are
// not penalised.
package fraud

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/mrz"
)

// Severity ranks a signal.
type Severity string

// Severities, from the least to the most serious.
const (
	SevInfo   Severity = "info"   // shown, never changes the recommendation
	SevReview Severity = "review" // a reason for secondary inspection
	SevRefer  Severity = "refer"  // strong evidence: refer to secondary now
)

// Recommendations.
const (
	RecClear  = "clear"
	RecReview = "review"
	RecRefer  = "refer"
)

// rank orders severities; unknown severities rank lowest.
func (s Severity) rank() int {
	switch s {
	case SevRefer:
		return 3
	case SevReview:
		return 2
	case SevInfo:
		return 1
	}
	return 0
}

// Input is what the heuristics look at.
type Input struct {
	// Doc is the parsed MRZ; nil when only typed fields are available.
	Doc *mrz.Document `json:"doc,omitempty"`
	// Visual holds the fields the officer typed from the visual zone.
	Visual Visual `json:"visual"`
	// Now is the moment of the check; zero means time.Now().
	Now time.Time `json:"now"`
	// DocLookouts are the bundle's lost, stolen, revoked and stolen-blank
	// records that matched this document.
	DocLookouts []LookoutHit `json:"doc_lookouts,omitempty"`
}

// Visual holds fields typed from the visual inspection zone and the
// officer's own observations. Every field is optional. Dates are
// YYYY-MM-DD; an unknown birth month or day may be typed as XX.
type Visual struct {
	IssueDate     string `json:"issue_date"`
	PlaceOfBirth  string `json:"place_of_birth"`
	IssuingOffice string `json:"issuing_office"`
	// PriorLosses is the number of passports the holder reports (or the
	// records show) as lost or stolen before this one.
	PriorLosses int `json:"prior_losses"`
	// FirstTrip is the officer's observation that this passport shows no
	// prior travel (no stamps, no visas).
	FirstTrip bool `json:"first_trip"`

	// Typed from the visual zone, for comparison with the MRZ.
	Surname        string `json:"surname"`
	GivenNames     string `json:"given_names"`
	BirthDate      string `json:"birth_date"`
	ExpiryDate     string `json:"expiry_date"`
	DocumentNumber string `json:"document_number"`
	Sex            string `json:"sex"`
	// CURP is the Mexican population registry key printed on Mexican
	// passports.
	CURP string `json:"curp"`
}

// LookoutHit is one document lookout that matched the document: the screen
// layer converts watchlist document-index hits into these.
type LookoutHit struct {
	State  string `json:"state"`
	Number string `json:"number"`
	Reason string `json:"reason"` // bundle.ReasonLost, ReasonStolen, ...
	Source string `json:"source"`
	// Range is true when the hit is a range of numbers (a stolen blank
	// series), not one document.
	Range bool `json:"range"`
}

// Signal is one thing the heuristics found, with the evidence behind it.
type Signal struct {
	Code      string   `json:"code"`
	Severity  Severity `json:"severity"`
	Message   string   `json:"message"`
	MessageES string   `json:"message_es"`
	// Fields names the fields the signal rests on (MRZ field names as in
	// mrz.Fields, visual fields as in Visual).
	Fields []string `json:"fields"`
	// Source is the publication the rule rests on.
	Source string `json:"source"`
	// Evidence holds the values that triggered the signal, by name.
	Evidence map[string]string `json:"evidence,omitempty"`
}

// Result is the outcome of [Evaluate].
type Result struct {
	// Signals are sorted by severity (most serious first), then code.
	Signals []Signal `json:"signals"`
	// Recommendation is "clear", "review" or "refer", from the most serious
	// signal.
	Recommendation string `json:"recommendation"`
}

// Evaluate applies every rule to in. facts nil means [DefaultFacts]. Bad
// typed input never fails the evaluation: it is reported as an info signal
// naming the field, and the rules that needed it are skipped.
func Evaluate(in Input, facts *bundle.IssuerFacts) Result {
	if facts == nil {
		facts = defaultFacts()
	}
	c := newContext(in, facts)
	var out []Signal
	for i := range ruleTable {
		r := &ruleTable[i]
		for _, h := range r.check(c) {
			out = append(out, r.signal(h))
		}
	}
	slices.SortStableFunc(out, func(a, b Signal) int {
		if d := b.Severity.rank() - a.Severity.rank(); d != 0 {
			return d
		}
		return cmp.Compare(a.Code, b.Code)
	})
	res := Result{Signals: out, Recommendation: RecClear}
	if out == nil {
		res.Signals = []Signal{}
	}
	if len(out) > 0 {
		switch out[0].Severity {
		case SevRefer:
			res.Recommendation = RecRefer
		case SevReview:
			res.Recommendation = RecReview
		}
	}
	return res
}

// hit is what a rule's function reports; the rule turns it into a Signal.
type hit struct {
	// sev lowers the rule's severity (a low-confidence fact); "" keeps it.
	sev Severity
	// fields overrides the rule's field list when set.
	fields []string
	ev     map[string]string
}

// signal renders a hit with the rule's templates.
func (r *Rule) signal(h hit) Signal {
	sev := r.Severity
	if h.sev != "" && h.sev.rank() < sev.rank() {
		sev = h.sev
	}
	fields := h.fields
	if fields == nil {
		fields = r.Fields
	}
	msg, msgES := render(r.Message, h.ev), render(r.MessageES, h.ev)
	if _, low := h.ev["low_confidence"]; low && sev == SevInfo && r.Severity != SevInfo {
		msg += " (Rests on an issuer fact of low confidence: shown for information only.)"
		msgES += " (Se basa en un dato del emisor de baja confianza: solo a título informativo.)"
	}
	return Signal{
		Code:      r.Code,
		Severity:  sev,
		Message:   msg,
		MessageES: msgES,
		Fields:    slices.Clone(fields),
		Source:    r.Source,
		Evidence:  h.ev,
	}
}

// render replaces {name} in tmpl with ev[name]. Unknown names are left as
// they are, so a missing value shows in tests instead of vanishing.
func render(tmpl string, ev map[string]string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			break
		}
		key := tmpl[i+1 : i+j]
		v, ok := ev[key]
		b.WriteString(tmpl[:i])
		if ok {
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}
