// Package bundle reads and writes Lookout's signed list bundle: one file
// holding the watchlist entries, the document lookouts, the issuer facts
// and the prebuilt indexes, bound by one Ed25519-signed header. The format
// is specified in docs/bundle-format.md.
//
// # Verifying
//
// Trust comes from the host, never from the bundle: build a Policy from
// the verifier keys the host was configured with, then call Verify.
//
//	keys, err := bundle.ParseKeys(trustText) // "name+hash+base64" lines
//	policy := bundle.Policy{Keys: keys, Threshold: 1}
//	v, err := bundle.Verify(data, policy, store, time.Now())
//	if err != nil {
//		var ve *bundle.VerifyError
//		errors.As(err, &ve) // ve.Step names the failed check
//	}
//	use(v.Header, v.Payload)
//
// Verify checks, in this order, and stops at the first failure: size caps,
// envelope, signatures (a threshold of distinct trusted keys), header
// grammar, expiry, rollback floor, payload hash, and only then decodes the
// msgpack payload with hard limits. Nothing in the payload is parsed
// before its hash matches the signed header.
//
// A host that must answer fast without decoding every entry (the edge
// worker) calls VerifyRaw and reads single payload fields in place with
// PayloadField. A host that compiles a bundle into itself after verifying
// it at deploy time reads it back per request with EmbeddedPayload, which
// skips the signature and hash checks and so must never see other bytes.
// In the page, Policy.Digest can hand the payload hash to WebCrypto.
//
// # Building
//
// Build signs a Payload with one or more note.Signer keys; the same inputs
// always give the same bytes. Inspect reads a bundle's header without
// trusting it, for diagnostics.
//
// # Key management
//
// Keys are golang.org/x/mod/sumdb/note Ed25519 keys: GenerateKey writes a
// "PRIVATE+KEY+name+hash+base64" signer key and a "name+hash+base64"
// verifier key. A key whose name contains "demo" is a demo key: a policy
// made only of demo keys accepts only "demo" bundles, and a policy with any
// other key refuses them, so the demo key shipped in the repository can
// never vouch for a real list.
package bundle
