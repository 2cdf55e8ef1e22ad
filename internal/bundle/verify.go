package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"
)

// Verified is an accepted bundle.
type Verified struct {
	Header Header
	// HeaderHash is the bundle's identity: SHA-256 of the header text.
	HeaderHash [32]byte
	// Signers are the trusted keys whose signatures verified, in note order.
	Signers []SignerInfo
	// RawPayload is the hash-checked msgpack payload, a view into the
	// bytes passed to Verify: do not modify them while it is in use.
	RawPayload []byte
	// Payload is the decoded payload; nil after VerifyRaw.
	Payload *Payload
}

// SignerInfo names one trusted key that signed the bundle.
type SignerInfo struct {
	Name        string
	KeyHash     uint32
	Fingerprint string // Key.Fingerprint
	Demo        bool
}

// Fingerprint is the short form of the header hash shown to users for
// out-of-band comparison: its first 8 hex digits.
func (v *Verified) Fingerprint() string { return hex.EncodeToString(v.HeaderHash[:4]) }

// Verify checks a bundle against a trust policy and decodes its payload.
// The checks run in the order of the Step constants and stop at the first
// failure, returned as a *VerifyError. store may be nil (no persisted
// rollback state: only Policy.MinSeq applies); when it is not nil, an
// accepted bundle is recorded in it. now is read once by the caller so
// every time check uses the same instant.
func Verify(data []byte, policy Policy, store RollbackStore, now time.Time) (*Verified, error) {
	v, err := verify(data, &policy, store, now, true)
	if err != nil {
		return nil, err
	}
	return v, nil
}

// VerifyRaw runs every check of Verify except the payload decode: the
// payload is authenticated (its SHA-256 matches the signed header) but not
// parsed. Read single fields with PayloadField. An accepted bundle is
// recorded in store as by Verify.
func VerifyRaw(data []byte, policy Policy, store RollbackStore, now time.Time) (*Verified, error) {
	v, err := verify(data, &policy, store, now, false)
	if err != nil {
		return nil, err
	}
	return v, nil
}

func verify(data []byte, p *Policy, store RollbackStore, now time.Time, decode bool) (*Verified, *VerifyError) {
	if err := p.check(); err != nil {
		return nil, failErr(StepPolicy, err)
	}
	// 1. Size caps.
	if int64(len(data)) > p.maxSize() {
		return nil, fail(StepSize, "file is %d bytes, over the %d-byte cap", len(data), p.maxSize())
	}
	if len(data) < EnvelopeSize {
		return nil, fail(StepSize, "file is %d bytes, shorter than the %d-byte envelope", len(data), EnvelopeSize)
	}
	// 2. Envelope.
	env, ferr := parseEnvelope(data)
	if ferr != nil {
		return nil, ferr
	}
	// 3. Signatures.
	text, signers, ferr := checkSignatures(env.note, p)
	if ferr != nil {
		return nil, ferr
	}
	// 4. Header grammar and policy on its values.
	h, err := parseHeader(text)
	if err != nil {
		return nil, failErr(StepHeader, err)
	}
	if !p.envAllowed(h.Env) {
		var ok []string
		for _, e := range []string{EnvDemo, EnvTest, EnvProd} {
			if p.envAllowed(e) {
				ok = append(ok, e)
			}
		}
		what := strings.Join(ok, " or ")
		if p.demoOnly() {
			what += " (the trusted keys are demo keys)"
		} else {
			what += " (a policy with a non-demo key never accepts demo)"
		}
		return nil, failErr(StepHeader, fmt.Errorf("%w: env %q, this policy accepts %s", ErrEnvNotAllowed, h.Env, what))
	}
	if !p.listAllowed(h.List) {
		return nil, failErr(StepHeader, fmt.Errorf("%w: list %q", ErrListNotAllowed, h.List))
	}
	if !p.schemaAllowed(h.Schema) {
		return nil, failErr(StepHeader, fmt.Errorf("%w: schema %d, this build reads schema %d (update the app)", ErrSchema, h.Schema, SchemaVersion))
	}
	if h.PayloadSize > p.maxSize() {
		return nil, fail(StepHeader, "payload size %d is over the %d-byte cap", h.PayloadSize, p.maxSize())
	}
	// 5. Expiry and clock skew.
	if h.Issued.After(now.Add(p.skew())) {
		return nil, failErr(StepExpiry, fmt.Errorf("%w: issued %s, clock says %s", ErrNotYetValid, h.Issued.Format(timeLayout), now.UTC().Format(timeLayout)))
	}
	if !now.Before(h.Expires) {
		return nil, failErr(StepExpiry, fmt.Errorf("%w: expired %s, clock says %s", ErrExpired, h.Expires.Format(timeLayout), now.UTC().Format(timeLayout)))
	}
	// 6. Rollback floor.
	hh := headerHash(text)
	if h.Seq < p.MinSeq {
		return nil, failErr(StepRollback, fmt.Errorf("%w: seq %d, this build requires at least %d", ErrRollback, h.Seq, p.MinSeq))
	}
	if store != nil {
		st, ok, err := store.Get(h.Env, h.List)
		if err != nil {
			return nil, fail(StepRollback, "reading rollback state: %v", err)
		}
		if ok {
			if h.Seq < st.Seq {
				return nil, failErr(StepRollback, fmt.Errorf("%w: seq %d, already accepted seq %d of %s/%s", ErrRollback, h.Seq, st.Seq, h.Env, h.List))
			}
			// A clock behind a bundle already accepted was set back: it
			// could otherwise revive an expired list.
			if now.Add(p.skew()).Before(st.Issued) {
				return nil, failErr(StepRollback, fmt.Errorf("%w: clock says %s, but a bundle issued %s was already accepted", ErrClockBehind, now.UTC().Format(timeLayout), st.Issued.UTC().Format(timeLayout)))
			}
			if h.Seq == st.Seq && hh != st.HeaderHash {
				return nil, failErr(StepRollback, fmt.Errorf("%w: seq %d of %s/%s was accepted with header %x, this one is %x", ErrEquivocation, h.Seq, h.Env, h.List, st.HeaderHash[:4], hh[:4]))
			}
		}
	}
	// 7. Payload length and hash.
	if int64(len(env.rest)) != h.PayloadSize {
		return nil, failErr(StepPayload, fmt.Errorf("%w: %d payload bytes follow the header, it signs %d", ErrPayloadLength, len(env.rest), h.PayloadSize))
	}
	digest := sha256.Sum256
	if p.Digest != nil {
		digest = p.Digest
	}
	if digest(env.rest) != h.PayloadHash {
		return nil, failErr(StepPayload, ErrPayloadHash)
	}
	v := &Verified{Header: *h, HeaderHash: hh, Signers: signers, RawPayload: env.rest}
	// 8. Decode with limits.
	if decode {
		pl, err := decodePayload(env.rest, h.Schema)
		if err != nil {
			return nil, failErr(StepDecode, err)
		}
		v.Payload = pl
	}
	if store != nil {
		if err := store.Put(RollbackState{Env: h.Env, List: h.List, Seq: h.Seq, HeaderHash: hh, Issued: h.Issued}); err != nil {
			return nil, fail(StepRollback, "recording rollback state: %v", err)
		}
	}
	return v, nil
}

// checkSignatures validates the note's form strictly, opens it with the
// policy's keys and counts distinct trusted signers against the threshold.
func checkSignatures(n []byte, p *Policy) (text []byte, signers []SignerInfo, _ *VerifyError) {
	if !utf8.Valid(n) {
		return nil, nil, fail(StepSignature, "signed note is not valid UTF-8")
	}
	text, sigs, ok := splitNote(n)
	if !ok || len(sigs) == 0 || sigs[len(sigs)-1] != '\n' {
		return nil, nil, fail(StepSignature, "signed note has no signature block after a blank line")
	}
	lines := bytes.Split(sigs[:len(sigs)-1], []byte("\n"))
	if len(lines) > MaxSignatures {
		return nil, nil, fail(StepSignature, "%d signature lines, at most %d allowed", len(lines), MaxSignatures)
	}
	for i, line := range lines {
		// note.Open decodes base64 leniently (non-zero padding bits pass),
		// which would let a changed byte keep a valid signature: require
		// the canonical encoding first.
		rest, ok := bytes.CutPrefix(line, []byte("— "))
		if !ok {
			return nil, nil, fail(StepSignature, "signature line %d does not start with \"— \"", i+1)
		}
		name, b64, ok := strings.Cut(string(rest), " ")
		if !ok || name == "" {
			return nil, nil, fail(StepSignature, "signature line %d: want \"— NAME BASE64\"", i+1)
		}
		raw, err := base64.StdEncoding.Strict().DecodeString(b64)
		if err != nil || base64.StdEncoding.EncodeToString(raw) != b64 || len(raw) != 4+64 {
			return nil, nil, fail(StepSignature, "signature line %d (%s): not a canonical base64 Ed25519 signature", i+1, clip(name))
		}
	}
	opened, err := note.Open(n, p.verifiers())
	if err != nil {
		var inv *note.InvalidSignatureError
		var unv *note.UnverifiedNoteError
		switch {
		case errors.As(err, &inv):
			return nil, nil, failErr(StepSignature, fmt.Errorf("%w: key %s+%08x", ErrBadSignature, inv.Name, inv.Hash))
		case errors.As(err, &unv):
			return nil, nil, failErr(StepSignature, fmt.Errorf("%w (signed only by %s)", ErrNoTrustedSigner, sigNames(unv.Note.UnverifiedSigs)))
		default:
			return nil, nil, fail(StepSignature, "signed note: %v", err)
		}
	}
	seen := map[string]bool{}
	for _, s := range opened.Sigs {
		k, ok := p.key(s.Name, s.Hash)
		if !ok || seen[k.Text] {
			continue
		}
		seen[k.Text] = true
		signers = append(signers, SignerInfo{Name: k.Name, KeyHash: k.Hash, Fingerprint: k.Fingerprint(), Demo: k.IsDemo()})
	}
	if len(signers) < p.threshold() {
		return nil, nil, failErr(StepSignature, fmt.Errorf("%w: %d of the %d required", ErrThreshold, len(signers), p.threshold()))
	}
	// note.Open's text is ours up to the split; keep the slice of the
	// original bytes so the hash is over exactly what was signed.
	return text, signers, nil
}

func sigNames(sigs []note.Signature) string {
	if len(sigs) == 0 {
		return "nobody"
	}
	names := make([]string, 0, len(sigs))
	for _, s := range sigs {
		names = append(names, fmt.Sprintf("%s+%08x", s.Name, s.Hash))
	}
	return strings.Join(names, ", ")
}
