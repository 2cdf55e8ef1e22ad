package bundle

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
)

// DefaultSkew is the default tolerance for a bundle issued slightly in
// the future of the verifier's clock.
const DefaultSkew = 10 * time.Minute

// Key is one trusted verifier key.
type Key struct {
	Name string
	Hash uint32 // the 4-byte key hash of the signed-note format
	// Text is the verifier key string "name+hash+base64".
	Text     string
	verifier note.Verifier
	public   []byte
}

// Fingerprint is a short, human-comparable identity of the public key:
// the first 16 hex digits of SHA-256 over the 32-byte Ed25519 key.
func (k Key) Fingerprint() string {
	sum := sha256.Sum256(k.public)
	return hex.EncodeToString(sum[:8])
}

// IsDemo reports whether the key is a demo key (its name contains "demo").
func (k Key) IsDemo() bool { return strings.Contains(strings.ToLower(k.Name), "demo") }

// ParseKey parses one verifier key "name+hash+base64" (Ed25519 only).
func ParseKey(vkey string) (Key, error) {
	vkey = strings.TrimSpace(vkey)
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return Key{}, fmt.Errorf("verifier key %q: %v", clip(vkey), err)
	}
	// NewVerifier already checked the layout; keep the raw public key
	// for the fingerprint.
	parts := strings.SplitN(vkey, "+", 3)
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 33 || raw[0] != 1 {
		return Key{}, fmt.Errorf("verifier key %q: not an Ed25519 key", clip(vkey))
	}
	return Key{Name: v.Name(), Hash: v.KeyHash(), Text: vkey, verifier: v, public: raw[1:]}, nil
}

// ParseKeys parses verifier keys, one per line; blank lines and lines
// starting with # are ignored. It is how a host reads a --trust file, the
// LOOKOUT_TRUST variable or a compiled-in key list.
func ParseKeys(text string) ([]Key, error) {
	var keys []Key
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, err := ParseKey(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, errors.New("no verifier keys found")
	}
	return keys, nil
}

// Policy is what a host trusts. It is never read from a bundle.
type Policy struct {
	// Keys are the trusted verifier keys.
	Keys []Key
	// Threshold is how many distinct Keys must sign; 0 means 1.
	Threshold int
	// AllowedEnvs restricts the environments accepted; empty means
	// "demo" for a policy of demo keys only, "test" and "prod" otherwise.
	// Either way a demo-only policy never accepts test/prod and a policy
	// with any non-demo key never accepts demo.
	AllowedEnvs []string
	// Lists restricts the list names accepted; empty accepts any.
	Lists []string
	// MinSeq is a build-time rollback floor, enforced even when the
	// host's rollback store was wiped.
	MinSeq uint64
	// Skew is how far in the future "issued" may be; 0 means DefaultSkew.
	Skew time.Duration
	// MaxSize caps the bundle file; 0 means DefaultMaxSize.
	MaxSize int64
	// Schemas lists the payload schemas accepted; empty means exactly
	// SchemaVersion. This build decodes only SchemaVersion (schema 1's
	// map-encoded entries no longer decode, and a list whose entries do not
	// decode would silently lose its hits), so a listed schema other than
	// SchemaVersion is never accepted: the list can only narrow.
	Schemas []int
	// Digest, when set, computes the payload's SHA-256 instead of
	// crypto/sha256: the page can hand the work to WebCrypto, which hashes
	// tens of megabytes several times faster than Go compiled to wasm. It
	// must return the true SHA-256 of its argument.
	Digest func([]byte) [32]byte
}

func (p *Policy) threshold() int {
	if p.Threshold <= 0 {
		return 1
	}
	return p.Threshold
}

func (p *Policy) skew() time.Duration {
	if p.Skew <= 0 {
		return DefaultSkew
	}
	return p.Skew
}

func (p *Policy) maxSize() int64 {
	if p.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return p.MaxSize
}

// demoOnly reports whether every key is a demo key.
func (p *Policy) demoOnly() bool {
	for _, k := range p.Keys {
		if !k.IsDemo() {
			return false
		}
	}
	return true
}

// envAllowed applies the demo rule on top of AllowedEnvs.
func (p *Policy) envAllowed(env string) bool {
	if p.demoOnly() != (env == EnvDemo) {
		return false
	}
	if len(p.AllowedEnvs) == 0 {
		return true
	}
	for _, e := range p.AllowedEnvs {
		if e == env {
			return true
		}
	}
	return false
}

func (p *Policy) listAllowed(list string) bool {
	if len(p.Lists) == 0 {
		return true
	}
	for _, l := range p.Lists {
		if l == list {
			return true
		}
	}
	return false
}

func (p *Policy) schemaAllowed(s int) bool {
	if len(p.Schemas) == 0 {
		return s == SchemaVersion
	}
	for _, v := range p.Schemas {
		if v == s && v == SchemaVersion {
			return true
		}
	}
	return false
}

// check rejects a policy that could not verify anything safely.
func (p *Policy) check() error {
	if len(p.Keys) == 0 {
		return errors.New("trust policy has no keys")
	}
	seen := map[string]bool{}
	distinct := 0
	for _, k := range p.Keys {
		if k.verifier == nil {
			return fmt.Errorf("trust policy key %q was not made by ParseKey", k.Name)
		}
		if !seen[k.Text] {
			seen[k.Text] = true
			distinct++
		}
	}
	if p.threshold() > distinct {
		return fmt.Errorf("threshold %d is more than the %d distinct trusted keys", p.threshold(), distinct)
	}
	return nil
}

// verifiers adapts the policy keys for note.Open. Two configured keys
// sharing name and hash would be ambiguous; note reports that as an error.
func (p *Policy) verifiers() note.Verifiers {
	vs := make([]note.Verifier, 0, len(p.Keys))
	seen := map[string]bool{}
	for _, k := range p.Keys {
		if seen[k.Text] {
			continue
		}
		seen[k.Text] = true
		vs = append(vs, k.verifier)
	}
	return note.VerifierList(vs...)
}

func (p *Policy) key(name string, hash uint32) (Key, bool) {
	for _, k := range p.Keys {
		if k.Name == name && k.Hash == hash {
			return k, true
		}
	}
	return Key{}, false
}
