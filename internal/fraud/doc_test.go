package fraud

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHeuristicsDocIsCurrent fails when docs/heuristics.md was not
// regenerated after a change to the rule table or the default facts.
func TestHeuristicsDocIsCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "heuristics.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v (run go generate ./internal/fraud)", path, err)
	}
	if want := Markdown(); !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go generate ./internal/fraud", path)
	}
}

func TestHeuristicsDocListsEveryRule(t *testing.T) {
	doc := string(Markdown())
	for _, r := range Rules() {
		if !strings.Contains(doc, "### "+r.Code+"\n") {
			t.Errorf("docs lack a section for %s", r.Code)
		}
	}
}

func TestRuleTableIsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.Code] {
			t.Errorf("code %s listed twice", r.Code)
		}
		seen[r.Code] = true
		if r.Severity.rank() == 0 || r.Message == "" || r.MessageES == "" || r.Rationale == "" ||
			r.FalsePositives == "" || r.Source == "" || len(r.Fields) == 0 || r.Heuristic == "" || r.check == nil {
			t.Errorf("rule %s is incomplete: %+v", r.Code, r)
		}
	}
}
