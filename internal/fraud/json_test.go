package fraud

import (
	"encoding/json"
	"strings"
	"testing"
)

// The screen layer, the CLI and the page read these names: they are API.
func TestJSONNamesAreStable(t *testing.T) {
	for _, c := range []struct {
		name string
		v    any
		keys []string
	}{
		{"Visual", Visual{}, []string{"issue_date", "place_of_birth", "issuing_office", "prior_losses", "first_trip", "surname",
			"given_names", "birth_date", "expiry_date", "document_number", "sex", "curp"}},
		{"Signal", Signal{Evidence: map[string]string{"a": "b"}}, []string{"code", "severity", "message", "message_es", "fields", "source", "evidence"}},
		{"LookoutHit", LookoutHit{}, []string{"state", "number", "reason", "source", "range"}},
		{"Result", Result{}, []string{"signals", "recommendation"}},
	} {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range c.keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%s JSON lacks %q: %s", c.name, k, b)
			}
		}
		if len(m) != len(c.keys) {
			t.Errorf("%s JSON has %d keys, want %d: %s", c.name, len(m), len(c.keys), b)
		}
	}
	var v Visual
	if err := json.Unmarshal([]byte(`{"issue_date":"2021-05-10","prior_losses":2,"first_trip":true,"curp":"X"}`), &v); err != nil ||
		v.IssueDate != "2021-05-10" || v.PriorLosses != 2 || !v.FirstTrip || v.CURP != "X" {
		t.Errorf("Visual from JSON = %+v, %v", v, err)
	}
	if !strings.Contains(string(must(json.Marshal(SevRefer))), `"refer"`) {
		t.Error("severity does not marshal as a string")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
