package fraud

import (
	"slices"
)

// Rule is one heuristic: its data (what the officer and docs/heuristics.md
// see) next to the function that applies it.
type Rule struct {
	// Code is stable: lists, tests and translations key on it.
	Code string `json:"code"`
	// Severity is the most serious level the rule raises; a signal resting
	// on a low-confidence fact is lowered to info.
	Severity Severity `json:"severity"`
	// Fields are the MRZ and visual-zone fields the rule reads.
	Fields []string `json:"fields"`
	// Message and MessageES are templates: {name} is replaced by the
	// signal's evidence value of that name.
	Message   string `json:"message"`
	MessageES string `json:"message_es"`
	// Rationale says why the rule flags; FalsePositives when a genuine
	// document or an honest traveller would trigger it.
	Rationale      string `json:"rationale"`
	FalsePositives string `json:"false_positives"`
	// Source is the publication the rule rests on (ICAO Doc 9303 section,
	// issuer publication).
	Source string `json:"source"`
	// Heuristic is the row of the project's research table (H1…H35).
	Heuristic string `json:"heuristic"`

	check func(*context) []hit
}

// ruleTable is every rule, in the order docs/heuristics.md lists them.
// Built once from constant data; never written afterwards.
var ruleTable = slices.Concat(
	mrzRules(),
	dateRules(),
	issuerRules(),
	specimenRules(),
	travellerRules(),
	lookoutRules(),
	vizRules(),
	curpRules(),
	inputRules(),
)

// Rules returns the rule table, in documentation order.
func Rules() []Rule {
	out := slices.Clone(ruleTable)
	for i := range out {
		out[i].Fields = slices.Clone(out[i].Fields)
	}
	return out
}

// ev builds an evidence map from name, value pairs.
func ev(kv ...string) map[string]string {
	m := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// one wraps a single hit.
func one(h hit) []hit { return []hit{h} }
