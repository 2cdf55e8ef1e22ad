package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/screen"
)

// Set at link time by scripts/edge.sh (-X): the verifier keys the worker
// trusts (comma-separated "name+hash+base64"), and the SHA-256 of the
// signed header of the bundle that `lookout-edge verify` accepted.
var (
	trustedKeys  string
	pinnedHeader string
)

// openEmbedded makes the engine the worker serves: always an engine (MRZ
// checks and heuristics work without a list), with the embedded list when
// it is the one verified at build time and still within its dates.
func openEmbedded(data []byte, now time.Time) (*screen.Engine, error) {
	e := screen.New()
	keys, err := bundle.ParseKeys(strings.ReplaceAll(trustedKeys, ",", "\n"))
	if err != nil {
		return e, fmt.Errorf("trusted keys compiled into the worker: %w", err)
	}
	if err := checkPin(data, pinnedHeader); err != nil {
		return e, err
	}
	h, _, err := bundle.EmbeddedPayload(data)
	if err != nil {
		return e, fmt.Errorf("embedded list: %w", err)
	}
	// The payload was hashed against this very header when the build
	// verified the file, and it is compiled into the same wasm as the pin:
	// re-hashing megabytes on every cold isolate buys nothing, so the
	// digest step is handed the header's own value. Signatures, header
	// grammar and dates are still checked here, and the list is used in
	// place (screen.Engine.Load decodes no entry until a hit needs it).
	pol := bundle.Policy{Keys: keys, Digest: func([]byte) [32]byte { return h.PayloadHash }}
	if _, err := e.Load(data, pol, nil, now); err != nil {
		return e, err
	}
	return e, nil
}

// checkPin confirms that data carries the signed header whose SHA-256 the
// build recorded after verifying the whole file, so a bundle swapped in
// after verification is refused. It reads only the envelope and hashes the
// header text, a few hundred bytes.
func checkPin(data []byte, pin string) error {
	want, err := hex.DecodeString(pin)
	if err != nil || len(want) != sha256.Size {
		return fmt.Errorf("no valid pinned header hash compiled into the worker (%q): build it with scripts/edge.sh", pin)
	}
	got, err := bundle.HeaderHashOf(data)
	if err != nil {
		return fmt.Errorf("embedded list: %w", err)
	}
	if !bytes.Equal(got[:], want) {
		return fmt.Errorf("embedded list: header %x is not the verified header %x", got[:4], want[:4])
	}
	return nil
}
