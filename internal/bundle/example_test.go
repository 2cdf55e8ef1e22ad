package bundle_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"golang.org/x/mod/sumdb/note"

	"lookout/internal/bundle"
)

func Example() {
	// A list owner's key (normally made once with "lookout keygen").
	seed := sha256.Sum256([]byte("example"))
	skey, vkey, _ := note.GenerateKey(bytes.NewReader(seed[:]), "list-signer-a")
	signer, _ := note.NewSigner(skey)

	issued := time.Date(2026, 11, 26, 6, 0, 0, 0, time.UTC)
	payload := &bundle.Payload{Entries: []bundle.Entry{{
		ID:       "csv:1",
		Category: bundle.CatWarrant,
		Names:    []bundle.Name{{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: bundle.NamePrimary}},
		DOBs:     []bundle.DateSpec{{Date: "1980-01-01"}},
	}}}
	data, _ := bundle.Build(payload, bundle.Header{Env: bundle.EnvProd, List: "mx-lookouts", Seq: 42, Issued: issued, Expires: issued.Add(14 * 24 * time.Hour)}, signer)

	// A host: trust comes from its own configuration, never the bundle.
	keys, _ := bundle.ParseKeys(vkey)
	policy := bundle.Policy{Keys: keys, Threshold: 1}
	store := &bundle.MemoryStore{}
	v, err := bundle.Verify(data, policy, store, issued.Add(time.Hour))
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Header.List, v.Header.Seq, v.Signers[0].Name, len(v.Payload.Entries), v.Payload.Entries[0].Names[0].Full)

	// The same bundle with one payload byte changed is rejected, and the
	// error names the step.
	data[len(data)-1] ^= 1
	_, err = bundle.Verify(data, policy, store, issued.Add(time.Hour))
	var ve *bundle.VerifyError
	if errors.As(err, &ve) {
		fmt.Println("rejected at", ve.Step, "check:", errors.Is(err, bundle.ErrPayloadHash))
	}
	// Output:
	// mx-lookouts 42 list-signer-a 1 GARCIA LOPEZ, Juan Carlos
	// rejected at payload check: true
}
