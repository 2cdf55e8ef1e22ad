package bundle

import (
	"fmt"

	"github.com/tinylib/msgp/msgp"
)

// PayloadField returns the raw bytes of one top-level binary field of an
// authenticated payload ("name_index" or "doc_index") without decoding
// the rest: the result is a view into raw (zero copy) and nil when the
// field is absent or nil. It walks the top-level map, skipping the values
// before the field; the index blobs are written first, so this is a few
// header reads, not a walk over the entries.
func PayloadField(raw []byte, name string) ([]byte, error) {
	n, b, err := msgp.ReadMapHeaderBytes(raw)
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	for i := uint32(0); i < n; i++ {
		var key []byte
		key, b, err = msgp.ReadMapKeyZC(b)
		if err != nil {
			return nil, fmt.Errorf("payload key %d: %w", i, err)
		}
		if string(key) != name {
			if b, err = msgp.Skip(b); err != nil {
				return nil, fmt.Errorf("payload field %q: %w", key, err)
			}
			continue
		}
		if msgp.IsNil(b) {
			return nil, nil
		}
		v, _, err := msgp.ReadBytesZC(b)
		if err != nil {
			return nil, fmt.Errorf("payload field %q: %w", name, err)
		}
		return v, nil
	}
	return nil, nil
}

// PayloadSchema reads the payload's schema field without decoding the rest.
func PayloadSchema(raw []byte) (int, error) {
	n, b, err := msgp.ReadMapHeaderBytes(raw)
	if err != nil {
		return 0, fmt.Errorf("payload: %w", err)
	}
	for i := uint32(0); i < n; i++ {
		var key []byte
		key, b, err = msgp.ReadMapKeyZC(b)
		if err != nil {
			return 0, fmt.Errorf("payload key %d: %w", i, err)
		}
		if string(key) == "schema" {
			s, _, err := msgp.ReadIntBytes(b)
			if err != nil {
				return 0, fmt.Errorf("payload field schema: %w", err)
			}
			return s, nil
		}
		if b, err = msgp.Skip(b); err != nil {
			return 0, fmt.Errorf("payload field %q: %w", key, err)
		}
	}
	return 0, fmt.Errorf("payload has no schema field")
}

// EmbeddedPayload returns the header and the raw payload of a bundle that
// was fully verified before it was compiled into the host (the edge worker
// embeds its bundle at deploy time and starts a fresh instance per request,
// where hashing tens of megabytes would blow the CPU budget). It checks the
// envelope, the header grammar and the exact length, but NOT the
// signatures or the payload hash: never call it on bytes that arrived over
// a network or from storage — use Verify or VerifyRaw for those.
func EmbeddedPayload(data []byte) (*Header, []byte, error) {
	env, ferr := parseEnvelope(data)
	if ferr != nil {
		return nil, nil, ferr
	}
	text, _, ok := splitNote(env.note)
	if !ok {
		return nil, nil, fail(StepSignature, "signed note has no signature block")
	}
	h, err := parseHeader(text)
	if err != nil {
		return nil, nil, failErr(StepHeader, err)
	}
	if int64(len(env.rest)) != h.PayloadSize {
		return nil, nil, failErr(StepPayload, fmt.Errorf("%w: %d payload bytes follow the header, it signs %d", ErrPayloadLength, len(env.rest), h.PayloadSize))
	}
	return h, env.rest, nil
}
