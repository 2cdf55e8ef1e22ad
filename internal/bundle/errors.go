package bundle

import (
	"errors"
	"fmt"
)

// Step names one verification step. Steps run in the order of the
// constants below; a VerifyError names the first one that failed.
type Step string

// Verification steps, in the order Verify runs them.
const (
	StepPolicy    Step = "policy"    // the host's trust policy itself is unusable
	StepSize      Step = "size"      // file smaller than the envelope or over the size cap
	StepEnvelope  Step = "envelope"  // magic, version, reserved bytes, note length
	StepSignature Step = "signature" // signed note, trusted keys, threshold
	StepHeader    Step = "header"    // header grammar, environment, list, schema
	StepExpiry    Step = "expiry"    // expired, or issued in the future
	StepRollback  Step = "rollback"  // sequence number below the floor, or equivocation
	StepPayload   Step = "payload"   // payload length or SHA-256 differs from the header
	StepDecode    Step = "decode"    // msgpack decode, limits, semantic checks
)

// VerifyError reports why a bundle was rejected and at which step.
type VerifyError struct {
	Step Step
	Err  error
}

func (e *VerifyError) Error() string {
	return "bundle rejected at " + string(e.Step) + " check: " + e.Err.Error()
}

func (e *VerifyError) Unwrap() error { return e.Err }

func fail(step Step, format string, args ...any) *VerifyError {
	return &VerifyError{Step: step, Err: fmt.Errorf(format, args...)}
}

func failErr(step Step, err error) *VerifyError {
	return &VerifyError{Step: step, Err: err}
}

// Sentinel causes a host may want to tell apart (errors.Is) beyond the
// step: they call for different messages to the officer.
var (
	ErrBadSignature    = errors.New("a trusted key's signature does not verify")
	ErrNoTrustedSigner = errors.New("no signature from a trusted key")
	ErrThreshold       = errors.New("too few distinct trusted signers")
	ErrEnvNotAllowed   = errors.New("environment not accepted by this trust policy")
	ErrListNotAllowed  = errors.New("list not accepted by this trust policy")
	ErrSchema          = errors.New("payload schema not supported by this build")
	ErrExpired         = errors.New("bundle expired")
	ErrNotYetValid     = errors.New("bundle issued in the future")
	ErrRollback        = errors.New("sequence number below the rollback floor")
	ErrEquivocation    = errors.New("same sequence number with different content")
	ErrClockBehind     = errors.New("the clock is behind the last accepted bundle")
	ErrPayloadHash     = errors.New("payload SHA-256 does not match the signed header")
	ErrPayloadLength   = errors.New("file length does not match the signed header")
)
