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
