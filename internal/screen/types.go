package screen

import (
	"encoding/json"
	"fmt"

	"lookout/internal/fraud"
	"lookout/internal/mrz"
	"lookout/internal/watchlist"
)

// Request is one traveler to screen: an MRZ, or the typed fields of a
// document without one, plus what the officer typed from the visual zone.
type Request struct {
	MRZ    string       `json:"mrz,omitempty"`
	Visual fraud.Visual `json:"visual"`
	Person *Person      `json:"person,omitempty"`
}

// Person holds the fields of a document without an MRZ (or a name query).
type Person struct {
	Name           string `json:"name"`
	DOB            string `json:"dob"`
	POB            string `json:"pob"`
	Nationality    string `json:"nationality"`
	DocumentNumber string `json:"document_number"`
	IssuingState   string `json:"issuing_state"`
	Sex            string `json:"sex"`
}

// Report is the verdict on one Request. The parsed MRZ, when there is one,
// is flattened into the report so `format`, `valid`, `fields` and
// `findings` sit at the top level, as in `lookout check --json`.
type Report struct {
	Schema         int      `json:"schema"`
	Recommendation string   `json:"recommendation"`
	Summary        []string `json:"summary"`
	// Document is the parsed MRZ, flattened into the JSON (MarshalJSON).
	Document     *mrz.Document      `json:"-"`
	Person       *Person            `json:"person,omitempty"`
	Signals      []fraud.Signal     `json:"signals"`
	Hits         []watchlist.Hit    `json:"hits"`
	DocumentHits []watchlist.DocHit `json:"document_hits"`
	List         *ListInfo          `json:"list"`
	Matching     string             `json:"matching"`
	// Error is set when the request itself could not be read (no MRZ and
	// no person, an MRZ over the size cap).
	Error string `json:"error,omitempty"`
}

// MatchRequest is a name (and optional evidence) or a document number to
// look up in the list.
type MatchRequest struct {
	Name           string  `json:"name"`
	Surname        string  `json:"surname"`
	GivenNames     string  `json:"given_names"`
	DOB            string  `json:"dob"`
	POB            string  `json:"pob"`
	Nationality    string  `json:"nationality"`
	DocumentNumber string  `json:"document_number"`
	IssuingState   string  `json:"issuing_state"`
	Threshold      float64 `json:"threshold,omitempty"`
}

// MatchReport answers a MatchRequest.
type MatchReport struct {
	Schema       int                `json:"schema"`
	Hits         []watchlist.Hit    `json:"hits"`
	DocumentHits []watchlist.DocHit `json:"document_hits"`
	List         *ListInfo          `json:"list"`
	Matching     string             `json:"matching"`
	Error        string             `json:"error,omitempty"`
}

// Signer is one trusted key that signed the list in use.
type Signer struct {
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
}

// ListInfo names the list version a report used.
type ListInfo struct {
	Name          string `json:"name"`
	Env           string `json:"env"`
	Seq           uint64 `json:"seq"`
	Issued        string `json:"issued"`
	Expires       string `json:"expires"`
	Schema        int    `json:"schema"`
	PayloadSHA256 string `json:"payload_sha256"`
	// Fingerprint is the short header hash officers compare out of band.
	Fingerprint string   `json:"fingerprint"`
	Signers     []Signer `json:"signers"`
	Entries     int      `json:"entries"`
	Documents   int      `json:"documents"`
	// State is "valid", "stale" (older than StaleAfter) or "expired".
	State string `json:"state"`
}

// MarshalJSON flattens the parsed MRZ into the report. It is needed
// because mrz.Document has its own MarshalJSON, which embedding would
// otherwise promote to the whole report.
func (r *Report) MarshalJSON() ([]byte, error) {
	type plain Report // no methods: marshals the report's own fields
	own, err := json.Marshal((*plain)(r))
	doc := r.Document
	if err != nil || doc == nil {
		return own, err
	}
	d, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	if len(d) < 2 || d[0] != '{' || d[len(d)-1] != '}' || len(own) < 2 {
		return nil, fmt.Errorf("screen: unexpected MRZ document JSON")
	}
	if len(d) == 2 { // empty document object
		return own, nil
	}
	out := make([]byte, 0, len(own)+len(d))
	out = append(out, own[:len(own)-1]...)
	out = append(out, ',')
	out = append(out, d[1:]...)
	return out, nil
}
