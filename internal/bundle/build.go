package bundle

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"golang.org/x/mod/sumdb/note"
)

// Build encodes the payload, writes a header for it and signs the header
// with every signer. h's PayloadSize, PayloadHash and Schema are filled in
// from the payload (Schema is set to SchemaVersion when zero). The output
// depends only on the arguments: msgp writes struct fields in declaration
// order and Ed25519 signatures are deterministic.
func Build(p *Payload, h Header, signers ...note.Signer) ([]byte, error) {
	if len(signers) == 0 {
		return nil, errors.New("bundle: no signing key")
	}
	if p.Schema == 0 {
		p.Schema = SchemaVersion
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("bundle: payload: %w", err)
	}
	raw, err := marshalWithOffsets(p)
	if err != nil {
		return nil, fmt.Errorf("bundle: encoding payload: %w", err)
	}
	// The builder must never write what the verifier refuses.
	if err := checkStructure(raw); err != nil {
		return nil, fmt.Errorf("bundle: payload exceeds the format's limits: %w", err)
	}
	return BuildRaw(raw, p.Schema, h, signers...)
}

// BuildRaw signs an already-encoded payload. It exists for tests and tools
// that need bundles whose payload the encoder would never produce (hostile
// inputs signed by a test key); Build is the normal way in.
func BuildRaw(raw []byte, schema int, h Header, signers ...note.Signer) ([]byte, error) {
	if len(signers) == 0 {
		return nil, errors.New("bundle: no signing key")
	}
	h.Schema = schema
	h.PayloadSize = int64(len(raw))
	h.PayloadHash = sha256.Sum256(raw)
	text, err := h.text()
	if err != nil {
		return nil, fmt.Errorf("bundle: header: %w", err)
	}
	signed, err := note.Sign(&note.Note{Text: text}, signers...)
	if err != nil {
		return nil, fmt.Errorf("bundle: signing: %w", err)
	}
	if len(signed) > MaxNoteSize {
		return nil, fmt.Errorf("bundle: signed note is %d bytes, over the %d-byte cap", len(signed), MaxNoteSize)
	}
	out := make([]byte, 0, EnvelopeSize+len(signed)+len(raw))
	out = appendEnvelope(out, len(signed))
	out = append(out, signed...)
	return append(out, raw...), nil
}

// HeaderHashOf returns the identity (SHA-256 of the header text) of an
// unverified bundle, for building a "prev" link. It checks only the form.
func HeaderHashOf(data []byte) ([32]byte, error) {
	env, ferr := parseEnvelope(data)
	if ferr != nil {
		return [32]byte{}, ferr
	}
	text, _, ok := splitNote(env.note)
	if !ok {
		return [32]byte{}, fail(StepSignature, "signed note has no signature block")
	}
	return headerHash(text), nil
}

// marshalWithOffsets encodes the payload with its entry_offsets table
// (the caller's Payload is left as it was).
func marshalWithOffsets(p *Payload) ([]byte, error) {
	offs, err := entryOffsets(p.Entries)
	if err != nil {
		return nil, err
	}
	q := *p
	q.EntryOffsets = offs
	return q.MarshalMsg(nil)
}

// entryOffsets encodes each entry once to learn where it will start in the
// entries array (docs/bundle-format.md, entry_offsets).
func entryOffsets(entries []Entry) ([]byte, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	out := make([]byte, 0, 4*len(entries))
	var buf []byte
	off := uint64(0)
	for i := range entries {
		if off > math.MaxUint32 {
			return nil, fmt.Errorf("entry %d starts past 4 GiB", i)
		}
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
		var err error
		if buf, err = entries[i].MarshalMsg(buf[:0]); err != nil {
			return nil, fmt.Errorf("entry %d: %w", i, err)
		}
		off += uint64(len(buf))
	}
	return out, nil
}
