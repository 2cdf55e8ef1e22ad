package bundle

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
)

// testKey makes a deterministic key pair from a name, so test bundles and
// fuzz seeds are stable across runs.
func testKey(t testing.TB, name string) (note.Signer, Key) {
	t.Helper()
	seed := sha256.Sum256([]byte("lookout test key " + name))
	skey, vkey, err := note.GenerateKey(bytes.NewReader(seed[:]), name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParseKey(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return s, k
}

var (
	t0      = time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	testNow = t0.Add(time.Hour)
)

func testHeader(env string, seq uint64) Header {
	return Header{Env: env, List: "test-list", Seq: seq, Issued: t0, Expires: t0.Add(30 * 24 * time.Hour)}
}

func samplePayload() *Payload {
	return &Payload{
		Schema:    SchemaVersion,
		NameIndex: []byte("name-index-bytes"),
		DocIndex:  []byte("doc-index"),
		Entries: []Entry{
			{
				ID:       "csv:1",
				Category: CatWarrant,
				Names: []Name{
					{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: NamePrimary},
					{Full: "El Flaco", Kind: NameWeak},
				},
				DOBs:          []DateSpec{{Date: "1980-01-01"}, {Date: "1979", To: "1981", Circa: true}},
				POBs:          []string{"Culiacan, Sinaloa, Mexico"},
				Nationalities: []string{"MEX"},
				Documents:     []DocRef{{Type: "passport", Number: "G12345678", State: "MEX"}},
				Sex:           "M",
				Action:        "secondary",
			},
			{ID: "csv:2", Category: CatDeported, Names: []Name{{Full: "Anna Eriksson", Kind: NamePrimary}}},
		},
	}
}

// buildTest builds a valid bundle signed by the given signers.
func buildTest(t testing.TB, p *Payload, h Header, signers ...note.Signer) []byte {
	t.Helper()
	b, err := Build(p, h, signers...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// signText wraps arbitrary header text and payload in an envelope, so
// tests can present a validly signed but malformed header.
func signText(t testing.TB, text string, payload []byte, signers ...note.Signer) []byte {
	t.Helper()
	signed, err := note.Sign(&note.Note{Text: text}, signers...)
	if err != nil {
		t.Fatal(err)
	}
	out := appendEnvelope(nil, len(signed))
	out = append(out, signed...)
	return append(out, payload...)
}

func policyOf(keys ...Key) Policy { return Policy{Keys: keys, Threshold: 1} }
