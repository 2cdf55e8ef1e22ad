package bundle

import (
	"encoding/binary"
)

// Envelope constants (docs/bundle-format.md, section 1).
const (
	// Magic starts every bundle; like PNG's, it is non-ASCII and holds
	// CR LF, SUB and LF so text-mode transfers corrupt it visibly.
	Magic = "\x89LKB\r\n\x1a\n"
	// EnvelopeVersion is the only envelope version this package reads.
	EnvelopeVersion = 1
	// EnvelopeSize is the fixed part before the signed note.
	EnvelopeSize = 16
	// MaxNoteSize caps the signed note (header text and signatures).
	MaxNoteSize = 64 << 10
	// MaxHeaderText caps the header text inside the note.
	MaxHeaderText = 8 << 10
	// DefaultMaxSize is the default cap on a whole bundle file.
	DefaultMaxSize = 256 << 20
	// MaxSignatures is the most signature lines a note may carry.
	MaxSignatures = 16
	// FileExtension is the bundle file name extension.
	FileExtension = ".lkb"
)

// envelope is the part of a bundle located by the fixed-size prefix: the
// signed note and everything after it (the claimed payload, not yet
// length-checked against the header).
type envelope struct {
	note []byte
	rest []byte
}

// parseEnvelope checks the fixed prefix and slices out the note. It
// trusts nothing it reads: the note length is bounded before use.
func parseEnvelope(data []byte) (envelope, *VerifyError) {
	if len(data) < EnvelopeSize {
		return envelope{}, fail(StepEnvelope, "file is %d bytes, shorter than the %d-byte envelope", len(data), EnvelopeSize)
	}
	if string(data[:8]) != Magic {
		return envelope{}, fail(StepEnvelope, "not a Lookout list bundle (bad magic bytes % x)", data[:8])
	}
	if data[8] != EnvelopeVersion {
		return envelope{}, fail(StepEnvelope, "unknown envelope version %d (this build reads version %d)", data[8], EnvelopeVersion)
	}
	if data[9] != 0 || data[10] != 0 || data[11] != 0 {
		return envelope{}, fail(StepEnvelope, "reserved bytes 9-11 are % x, must be zero", data[9:12])
	}
	n := binary.BigEndian.Uint32(data[12:16])
	if n == 0 || n > MaxNoteSize {
		return envelope{}, fail(StepEnvelope, "signed note length %d outside 1..%d", n, MaxNoteSize)
	}
	if uint64(len(data)-EnvelopeSize) < uint64(n) {
		return envelope{}, fail(StepEnvelope, "signed note length %d runs past the end of the %d-byte file", n, len(data))
	}
	end := EnvelopeSize + int(n)
	return envelope{note: data[EnvelopeSize:end:end], rest: data[end:]}, nil
}

// appendEnvelope writes the fixed prefix for a note of length n.
func appendEnvelope(b []byte, n int) []byte {
	b = append(b, Magic...)
	b = append(b, EnvelopeVersion, 0, 0, 0)
	return binary.BigEndian.AppendUint32(b, uint32(n))
}
