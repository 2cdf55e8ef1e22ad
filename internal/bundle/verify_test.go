package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tinylib/msgp/msgp"
	"golang.org/x/mod/sumdb/note"
)

func TestVerifyAcceptsAValidBundleAndRecordsIt(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 7), s)
	store := &MemoryStore{}
	v, err := Verify(data, policyOf(k), store, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if v.Header.List != "test-list" || v.Header.Seq != 7 || v.Header.Env != EnvTest || !v.Header.Issued.Equal(t0) {
		t.Errorf("header = %+v", v.Header)
	}
	if len(v.Signers) != 1 || v.Signers[0].Name != "lookout-test-a" || v.Signers[0].Fingerprint != k.Fingerprint() {
		t.Errorf("signers = %+v", v.Signers)
	}
	if len(v.Payload.Entries) != 2 || v.Payload.Entries[0].Names[1].Kind != NameWeak || string(v.Payload.NameIndex) != "name-index-bytes" {
		t.Errorf("payload = %+v", v.Payload)
	}
	st, ok, _ := store.Get(EnvTest, "test-list")
	if !ok || st.Seq != 7 || st.HeaderHash != v.HeaderHash {
		t.Errorf("stored state = %+v, %v", st, ok)
	}
	// Reloading the same bundle is idempotent.
	if _, err := Verify(data, policyOf(k), store, testNow); err != nil {
		t.Errorf("reload of the same bundle: %v", err)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	s, _ := testKey(t, "lookout-test-a")
	a := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	b := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same inputs differ")
	}
}

// TestEverySingleByteFlipIsRejected flips each byte of a small bundle in
// three ways: no change anywhere may survive verification.
func TestEverySingleByteFlipIsRejected(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	pol := policyOf(k)
	for i := range data {
		for _, x := range []byte{0x01, 0x20, 0x80, 0xff} {
			mut := bytes.Clone(data)
			mut[i] ^= x
			_, err := Verify(mut, pol, nil, testNow)
			var ve *VerifyError
			if !errors.As(err, &ve) {
				t.Fatalf("byte %d ^ %#x: accepted or untyped error %v", i, x, err)
			}
		}
	}
}

func TestEveryTruncationAndATrailingByteAreRejected(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	pol := policyOf(k)
	for n := 0; n < len(data); n++ {
		_, err := Verify(data[:n], pol, nil, testNow)
		var ve *VerifyError
		if !errors.As(err, &ve) {
			t.Fatalf("truncated to %d: accepted or untyped error %v", n, err)
		}
		switch ve.Step {
		case StepSize, StepEnvelope, StepSignature, StepPayload:
		default:
			t.Fatalf("truncated to %d: step %s (%v)", n, ve.Step, err)
		}
	}
	_, err := Verify(append(bytes.Clone(data), 0), pol, nil, testNow)
	expectStep(t, err, StepPayload, ErrPayloadLength)
}

func expectStep(t *testing.T, err error, step Step, is error) {
	t.Helper()
	var ve *VerifyError
	if !errors.As(err, &ve) {
		t.Fatalf("want rejection at %s, got %v", step, err)
	}
	if ve.Step != step {
		t.Fatalf("want rejection at %s, got %s: %v", step, ve.Step, err)
	}
	if is != nil && !errors.Is(err, is) {
		t.Fatalf("want %v, got %v", is, err)
	}
}

// withPayload signs a hand-made (hostile) msgpack payload with a trusted
// test key, so the decoder is reached.
func withPayload(t *testing.T, raw []byte, s note.Signer) []byte {
	t.Helper()
	b, err := BuildRaw(raw, SchemaVersion, testHeader(EnvTest, 1), s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// payloadWith returns {"schema": SchemaVersion, key: <value bytes>}.
func payloadWith(key string, value []byte) []byte {
	b := msgp.AppendMapHeader(nil, 2)
	b = msgp.AppendString(b, "schema")
	b = msgp.AppendInt(b, SchemaVersion)
	b = msgp.AppendString(b, key)
	return append(b, value...)
}

func deepNesting(n int) []byte {
	b := bytes.Repeat([]byte{0x91}, n) // fixarray of 1, n times
	return append(b, 0xc0)
}

func TestRejections(t *testing.T) {
	sa, ka := testKey(t, "lookout-test-a")
	sb, kb := testKey(t, "lookout-test-b")
	sc, kc := testKey(t, "lookout-test-c")
	_ = kc
	sd, kd := testKey(t, "lookout-demo-x")
	valid := buildTest(t, samplePayload(), testHeader(EnvTest, 5), sa)

	// A bundle whose second signature is from a trusted key but signs
	// other text: one valid + one bad.
	good := buildTest(t, samplePayload(), testHeader(EnvTest, 5), sa)
	other := buildTest(t, samplePayload(), testHeader(EnvTest, 6), sb)
	oneBad := spliceSignature(t, good, other)

	dup := duplicateSignature(t, valid)

	version := bytes.Clone(valid)
	version[8] = 2
	reserved := bytes.Clone(valid)
	reserved[10] = 1
	hugeNote := bytes.Clone(valid)
	binary.BigEndian.PutUint32(hugeNote[12:], 0xffffffff)
	zeroNote := bytes.Clone(valid)
	binary.BigEndian.PutUint32(zeroNote[12:], 0)

	hugePayloadSize := signText(t, fmt.Sprintf("%s\nenv test\nlist test-list\nseq 1\nissued 2026-11-26T08:00:00Z\nexpires 2026-12-26T08:00:00Z\nschema %d\npayload msgpack 1099511627776 %s\n", FormatLine, SchemaVersion, base64.StdEncoding.EncodeToString(make([]byte, 32))), []byte{0x80}, sa)

	array32 := []byte{0xdd, 0xff, 0xff, 0xff, 0xff}
	map32 := []byte{0xdf, 0xff, 0xff, 0xff, 0xff}
	str32 := []byte{0xdb, 0xff, 0xff, 0xff, 0xff}
	bin32 := []byte{0xc6, 0xff, 0xff, 0xff, 0xff}

	cases := []struct {
		name   string
		data   []byte
		policy Policy
		store  func() RollbackStore
		now    time.Time
		step   Step
		is     error
	}{
		{name: "an empty file", data: nil, step: StepSize},
		{name: "a file over the size cap", data: valid, policy: Policy{Keys: []Key{ka}, MaxSize: 100}, step: StepSize},
		{name: "bad magic", data: append([]byte("\x89LKX"), valid[4:]...), step: StepEnvelope},
		{name: "an unknown envelope version", data: version, step: StepEnvelope},
		{name: "non-zero reserved bytes", data: reserved, step: StepEnvelope},
		{name: "a note length of 0xFFFFFFFF", data: hugeNote, step: StepEnvelope},
		{name: "a note length of zero", data: zeroNote, step: StepEnvelope},
		{name: "a header claiming a 1 TiB payload", data: hugePayloadSize, step: StepHeader},
		{name: "the wrong key", data: valid, policy: policyOf(kb), step: StepSignature, is: ErrNoTrustedSigner},
		{name: "an unknown key only", data: buildTest(t, samplePayload(), testHeader(EnvTest, 5), sc), policy: policyOf(ka, kb), step: StepSignature, is: ErrNoTrustedSigner},
		{name: "one valid and one bad signature from trusted keys", data: oneBad, policy: policyOf(ka, kb), step: StepSignature, is: ErrBadSignature},
		{name: "a duplicate signer for threshold 2", data: dup, policy: Policy{Keys: []Key{ka, kb}, Threshold: 2}, step: StepSignature, is: ErrThreshold},
		{name: "one signer for threshold 2", data: valid, policy: Policy{Keys: []Key{ka, kb}, Threshold: 2}, step: StepSignature, is: ErrThreshold},
		{name: "a threshold above the number of keys", data: valid, policy: Policy{Keys: []Key{ka, ka}, Threshold: 2}, step: StepPolicy},
		{name: "a policy without keys", data: valid, policy: Policy{}, step: StepPolicy},
		{name: "a test bundle under a prod-only policy", data: valid, policy: Policy{Keys: []Key{ka}, AllowedEnvs: []string{EnvProd}}, step: StepHeader, is: ErrEnvNotAllowed},
		{name: "a demo bundle under a non-demo policy", data: buildTest(t, samplePayload(), testHeader(EnvDemo, 1), sa), step: StepHeader, is: ErrEnvNotAllowed},
		{name: "a demo bundle when one trusted key is not a demo key", data: buildTest(t, samplePayload(), testHeader(EnvDemo, 1), sd), policy: policyOf(kd, ka), step: StepHeader, is: ErrEnvNotAllowed},
		{name: "a prod bundle under a demo-key policy", data: buildTest(t, samplePayload(), testHeader(EnvProd, 1), sd), policy: policyOf(kd), step: StepHeader, is: ErrEnvNotAllowed},
		{name: "a list the policy does not name", data: valid, policy: Policy{Keys: []Key{ka}, Lists: []string{"mx-lookouts"}}, step: StepHeader, is: ErrListNotAllowed},
		{name: "an unsupported schema", data: mustBuildRaw(t, payloadWith("x", []byte{0xc0}), SchemaVersion+1, sa), step: StepHeader, is: ErrSchema},
		{name: "a schema-1 bundle even when the policy lists schema 1", data: mustBuildRaw(t, payloadWith("x", []byte{0xc0}), 1, sa), policy: Policy{Keys: []Key{ka}, Schemas: []int{1, SchemaVersion}}, step: StepHeader, is: ErrSchema},
		{name: "an expired bundle", data: valid, now: t0.Add(30 * 24 * time.Hour), step: StepExpiry, is: ErrExpired},
		{name: "a bundle issued beyond the clock skew", data: valid, now: t0.Add(-11 * time.Minute), step: StepExpiry, is: ErrNotYetValid},
		{name: "a seq below the build floor", data: valid, policy: Policy{Keys: []Key{ka}, MinSeq: 6}, step: StepRollback, is: ErrRollback},
		{name: "a seq below the stored floor", data: valid, store: storeWith(EnvTest, "test-list", 6, [32]byte{}), step: StepRollback, is: ErrRollback},
		{name: "the same seq with different content", data: valid, store: storeWith(EnvTest, "test-list", 5, [32]byte{1}), step: StepRollback, is: ErrEquivocation},
		{name: "a clock set back before the last accepted bundle", data: valid, store: storeWithIssued(EnvTest, "test-list", 4, t0.Add(48*time.Hour)), step: StepRollback, is: ErrClockBehind},
		{name: "one trailing byte", data: append(bytes.Clone(valid), 0), step: StepPayload, is: ErrPayloadLength},
		{name: "a truncated payload", data: valid[:len(valid)-1], step: StepPayload, is: ErrPayloadLength},
		{name: "a flipped payload byte", data: flipLast(valid), step: StepPayload, is: ErrPayloadHash},
		{name: "a signed payload claiming 2^32 entries", data: withPayload(t, payloadWith("entries", array32), sa), step: StepDecode},
		{name: "a signed payload claiming a 2^32-entry map", data: withPayload(t, payloadWith("facts", map32), sa), step: StepDecode},
		{name: "a signed payload claiming a 4 GiB string", data: withPayload(t, payloadWith("entries", str32), sa), step: StepDecode},
		{name: "a signed payload claiming a 4 GiB index", data: withPayload(t, payloadWith("name_index", bin32), sa), step: StepDecode},
		{name: "a signed payload nested 10,000 deep", data: withPayload(t, payloadWith("x", deepNesting(10000)), sa), step: StepDecode},
		{name: "a signed payload with trailing bytes", data: withPayload(t, append(payloadWith("x", []byte{0xc0}), 0xc0), sa), step: StepDecode},
		{name: "a signed payload of the wrong type", data: withPayload(t, []byte{0x93, 1, 2, 3}, sa), step: StepDecode},
		{name: "a signed payload whose schema differs from the header", data: withPayload(t, msgp.AppendInt(msgp.AppendString(msgp.AppendMapHeader(nil, 1), "schema"), 9), sa), step: StepDecode},
		{name: "a signed payload with an entry without id", data: withPayload(t, mustMarshal(t, &Payload{Schema: SchemaVersion, Entries: []Entry{{Category: CatOther, Names: []Name{{Full: "X", Kind: NamePrimary}}}}}), sa), step: StepDecode},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pol := c.policy
			if pol.Keys == nil && c.step != StepPolicy {
				pol = policyOf(ka)
			}
			now := c.now
			if now.IsZero() {
				now = testNow
			}
			var store RollbackStore
			if c.store != nil {
				store = c.store()
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			v, err := Verify(c.data, pol, store, now)
			runtime.ReadMemStats(&after)
			if v != nil {
				t.Fatalf("accepted")
			}
			expectStep(t, err, c.step, c.is)
			// Nothing may allocate far beyond the input's size.
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20+4*uint64(len(c.data)) {
				t.Errorf("allocated %d bytes for a %d-byte input", grew, len(c.data))
			}
			if strings.TrimSpace(err.Error()) == "" {
				t.Error("empty error message")
			}
		})
	}
}

func mustBuildRaw(t *testing.T, raw []byte, schema int, s note.Signer) []byte {
	t.Helper()
	b, err := BuildRaw(raw, schema, testHeader(EnvTest, 1), s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustMarshal(t *testing.T, p *Payload) []byte {
	t.Helper()
	b, err := marshalWithOffsets(p) // as Build encodes it
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func storeWith(env, list string, seq uint64, hash [32]byte) func() RollbackStore {
	return func() RollbackStore {
		s := &MemoryStore{}
		s.Put(RollbackState{Env: env, List: list, Seq: seq, HeaderHash: hash, Issued: t0})
		return s
	}
}

func storeWithIssued(env, list string, seq uint64, issued time.Time) func() RollbackStore {
	return func() RollbackStore {
		s := &MemoryStore{}
		s.Put(RollbackState{Env: env, List: list, Seq: seq, Issued: issued})
		return s
	}
}

func flipLast(b []byte) []byte {
	c := bytes.Clone(b)
	c[len(c)-1] ^= 1
	return c
}

// noteParts splits a bundle into envelope-less note text, signature lines
// and payload.
func noteParts(t *testing.T, b []byte) (text string, sigs []string, payload []byte) {
	t.Helper()
	n := binary.BigEndian.Uint32(b[12:16])
	nt := string(b[16 : 16+n])
	i := strings.LastIndex(nt, "\n\n")
	text = nt[:i+1]
	sigs = strings.Split(strings.TrimSuffix(nt[i+2:], "\n"), "\n")
	return text, sigs, b[16+n:]
}

func assemble(text string, sigs []string, payload []byte) []byte {
	nt := text + "\n" + strings.Join(sigs, "\n") + "\n"
	out := appendEnvelope(nil, len(nt))
	out = append(out, nt...)
	return append(out, payload...)
}

// spliceSignature adds other's (valid, but for other text) signature line
// to good.
func spliceSignature(t *testing.T, good, other []byte) []byte {
	text, sigs, payload := noteParts(t, good)
	_, osigs, _ := noteParts(t, other)
	return assemble(text, append(sigs, osigs...), payload)
}

func duplicateSignature(t *testing.T, b []byte) []byte {
	text, sigs, payload := noteParts(t, b)
	return assemble(text, append(sigs, sigs[0]), payload)
}

func TestTwoOfThreeDistinctSignersAreAccepted(t *testing.T) {
	sa, ka := testKey(t, "lookout-test-a")
	sb, kb := testKey(t, "lookout-test-b")
	_, kc := testKey(t, "lookout-test-c")
	su, _ := testKey(t, "someone-else")
	data := buildTest(t, samplePayload(), testHeader(EnvProd, 3), sa, su, sb)
	v, err := Verify(data, Policy{Keys: []Key{ka, kb, kc}, Threshold: 2}, nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Signers) != 2 {
		t.Errorf("signers = %+v", v.Signers)
	}
}

func TestHeaderGrammarRejectsNearMisses(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	raw := mustMarshal(t, samplePayload())
	h := testHeader(EnvTest, 5)
	h.PayloadSize = int64(len(raw))
	h.Schema = 1
	var err error
	data := buildTest(t, samplePayload(), h, s)
	good, _, _ := noteParts(t, data)
	if _, err = Verify(signText(t, good, raw, s), policyOf(k), nil, testNow); err != nil {
		t.Fatalf("re-signed good header rejected: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(good, "\n"), "\n")
	edit := func(f func(l []string) []string) string {
		l := f(append([]string(nil), lines...))
		return strings.Join(l, "\n") + "\n"
	}
	set := func(i int, s string) string { return edit(func(l []string) []string { l[i] = s; return l }) }
	cases := map[string]string{
		"another format line":   set(0, "lookout.dev/list-bundle/v2"),
		"a leading zero in seq": set(3, "seq 05"),
		"a plus sign in seq":    set(3, "seq +5"),
		"seq zero":              set(3, "seq 0"),
		"two spaces":            set(1, "env  test"),
		"a trailing space":      set(1, "env test "),
		"an upper-case env":     set(1, "env TEST"),
		"an unknown env":        set(1, "env staging"),
		"an upper-case list":    set(2, "list Test-list"),
		"a non-UTC time":        set(4, "issued 2026-11-26T08:00:00+01:00"),
		"fractional seconds":    set(4, "issued 2026-11-26T08:00:00.5Z"),
		"February 30":           set(4, "issued 2026-02-30T08:00:00Z"),
		"expiry before issue":   set(5, "expires 2026-11-25T08:00:00Z"),
		"a CR at a line end":    set(1, "env test\r"),
		"swapped lines":         edit(func(l []string) []string { l[1], l[2] = l[2], l[1]; return l }),
		"a duplicate line":      edit(func(l []string) []string { return append(l[:3], append([]string{l[2]}, l[3:]...)...) }),
		"a missing line":        edit(func(l []string) []string { return append(l[:1], l[2:]...) }),
		"an unknown line":       edit(func(l []string) []string { return append(l, "colour blue") }),
		"an extension before prev": edit(func(l []string) []string {
			return append(l, "x-a b", "prev 4 "+base64.StdEncoding.EncodeToString(make([]byte, 32)))
		}),
		"a duplicate extension": edit(func(l []string) []string { return append(l, "x-a b", "x-a c") }),
		"prev not below seq": edit(func(l []string) []string {
			return append(l, "prev 5 "+base64.StdEncoding.EncodeToString(make([]byte, 32)))
		}),
		"non-canonical base64 padding": set(7, strings.Replace(lines[7], "=", "", 1)),
		"another payload encoding":     set(7, strings.Replace(lines[7], "msgpack", "json", 1)),
		"a hash of the wrong length":   set(7, lines[7][:len(lines[7])-4]),
		"a schema with a leading zero": set(6, "schema 01"),
		"an empty value":               set(1, "env "),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Verify(signText(t, text, raw, s), policyOf(k), nil, testNow)
			var ve *VerifyError
			if !errors.As(err, &ve) || (ve.Step != StepHeader && ve.Step != StepSignature) {
				t.Fatalf("want header (or note form) rejection, got %v", err)
			}
		})
	}
	// Extensions and prev in the right place are accepted.
	ok := edit(func(l []string) []string {
		return append(l, "prev 4 "+base64.StdEncoding.EncodeToString(make([]byte, 32)), "x-source ofac-sdn 2023-12-28", "x-b 1")
	})
	v, err := Verify(signText(t, ok, raw, s), policyOf(k), nil, testNow)
	if err != nil {
		t.Fatalf("prev and extensions rejected: %v", err)
	}
	if v.Header.Prev == nil || v.Header.Prev.Seq != 4 || len(v.Header.Extensions) != 2 || v.Header.Extensions[0].Value != "ofac-sdn 2023-12-28" {
		t.Errorf("header = %+v", v.Header)
	}
}

func TestSignatureWithNonCanonicalBase64IsRejected(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	text, sigs, payload := noteParts(t, data)
	// The last base64 character before "=" carries two unused bits.
	sig := sigs[0]
	i := strings.Index(sig, "=") - 1
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	c := strings.IndexByte(alphabet, sig[i])
	sigs[0] = sig[:i] + string(alphabet[c^1]) + sig[i+1:]
	_, err := Verify(assemble(text, sigs, payload), policyOf(k), nil, testNow)
	expectStep(t, err, StepSignature, nil)
}

func TestTheBuildClockIsTheVerifiersClock(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	// The last second before expiry is valid, the expiry second is not.
	exp := t0.Add(30 * 24 * time.Hour)
	if _, err := Verify(data, policyOf(k), nil, exp.Add(-time.Second)); err != nil {
		t.Errorf("one second before expiry: %v", err)
	}
	_, err := Verify(data, policyOf(k), nil, exp)
	expectStep(t, err, StepExpiry, ErrExpired)
	// Issued within the skew is fine.
	if _, err := Verify(data, policyOf(k), nil, t0.Add(-9*time.Minute)); err != nil {
		t.Errorf("issued 9 minutes ahead: %v", err)
	}
}

func TestVerifyRawAndPayloadFieldReadTheIndexesInPlace(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	v, err := VerifyRaw(data, policyOf(k), nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if v.Payload != nil {
		t.Error("VerifyRaw decoded the payload")
	}
	ni, err := PayloadField(v.RawPayload, "name_index")
	if err != nil || string(ni) != "name-index-bytes" {
		t.Fatalf("name_index = %q, %v", ni, err)
	}
	di, err := PayloadField(v.RawPayload, "doc_index")
	if err != nil || string(di) != "doc-index" {
		t.Fatalf("doc_index = %q, %v", di, err)
	}
	// Zero copy: the result points into the bundle bytes.
	if &ni[0] != &data[len(data)-len(v.RawPayload)+bytes.Index(v.RawPayload, []byte("name-index-bytes"))] {
		t.Error("PayloadField copied")
	}
	if got, _ := PayloadField(v.RawPayload, "missing"); got != nil {
		t.Errorf("missing field = %q", got)
	}
	if s, err := PayloadSchema(v.RawPayload); err != nil || s != SchemaVersion {
		t.Errorf("schema = %d, %v", s, err)
	}
	if _, err := PayloadField([]byte{0xdf, 0xff, 0xff, 0xff, 0xff}, "name_index"); err == nil {
		t.Error("a lying map header was accepted")
	}
}

// entryClaiming returns the start of an Entry array whose field at index
// field (2 names, 3 dobs, 4 pobs, 5 nat, 6 docs) claims n elements; the
// fields before it are valid and empty.
func entryClaiming(field int, n uint32) []byte {
	b := msgp.AppendArrayHeader(nil, 12)
	b = msgp.AppendString(b, "csv:1")
	b = msgp.AppendString(b, CatOther)
	for i := 2; i < field; i++ {
		b = msgp.AppendArrayHeader(b, 0)
	}
	return msgp.AppendArrayHeader(b, n)
}

// TestGeneratedDecoderEnforcesLimits checks the generated code itself
// (not only the structural pre-pass): a claimed 2^32-element array fails
// fast with a limit error and without allocating for it.
func TestGeneratedDecoderEnforcesLimits(t *testing.T) {
	entryWithNames := func(n uint32) []byte { return entryClaiming(2, n) }
	cases := []struct {
		name string
		data []byte
		into msgp.Unmarshaler
	}{
		{"entries claiming 2^32-1", payloadWith("entries", []byte{0xdd, 0xff, 0xff, 0xff, 0xff}), &Payload{}},
		{"entries one over the limit", payloadWith("entries", msgp.AppendArrayHeader(nil, MaxEntries+1)), &Payload{}},
		{"names claiming 2^32-1", entryWithNames(0xffffffff), &Entry{}},
		{"names one over 64", entryWithNames(65), &Entry{}},
		{"dates of birth claiming 2^32-1", entryClaiming(3, 0xffffffff), &Entry{}},
		{"dates of birth one over 32", entryClaiming(3, MaxDOBs+1), &Entry{}},
		{"places of birth claiming 2^32-1", entryClaiming(4, 0xffffffff), &Entry{}},
		{"places of birth one over 32", entryClaiming(4, MaxPOBs+1), &Entry{}},
		{"nationalities claiming 2^32-1", entryClaiming(5, 0xffffffff), &Entry{}},
		{"nationalities one over 32", entryClaiming(5, MaxNationalities+1), &Entry{}},
		{"documents claiming 2^32-1", entryClaiming(6, 0xffffffff), &Entry{}},
		{"documents one over 64", entryClaiming(6, MaxDocuments+1), &Entry{}},
		{"a name index over 64 MiB", payloadWith("name_index", []byte{0xc6, 0x04, 0x00, 0x00, 0x01}), &Payload{}},
		{"a struct map with 2^32 fields", []byte{0xdf, 0xff, 0xff, 0xff, 0xff}, &Payload{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			allocs := testing.AllocsPerRun(10, func() { _, err = c.into.UnmarshalMsg(c.data) })
			if !errors.Is(err, msgp.ErrLimitExceeded) {
				t.Fatalf("err = %v, want ErrLimitExceeded", err)
			}
			if allocs > 4 {
				t.Errorf("%v allocations", allocs)
			}
		})
	}
}

func TestFileStoreKeepsStateAcrossOpens(t *testing.T) {
	path := t.TempDir() + "/state/rollback"
	st := RollbackState{Env: EnvProd, List: "mx-lookouts", Seq: 1042, HeaderHash: [32]byte{1, 2, 3}, Issued: t0}
	if err := (FileStore{Path: path}).Put(st); err != nil {
		t.Fatal(err)
	}
	if err := (FileStore{Path: path}).Put(RollbackState{Env: EnvTest, List: "other", Seq: 1, Issued: t0}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := FileStore{Path: path}.Get(EnvProd, "mx-lookouts")
	if err != nil || !ok || got != st {
		t.Fatalf("got %+v, %v, %v", got, ok, err)
	}
	if _, ok, _ := (FileStore{Path: path}).Get(EnvDemo, "mx-lookouts"); ok {
		t.Error("state leaked across environments")
	}
}

func TestParseKeysReadsAFileOfKeys(t *testing.T) {
	_, ka := testKey(t, "lookout-test-a")
	_, kb := testKey(t, "lookout-test-b")
	keys, err := ParseKeys("# trusted\n" + ka.Text + "\n\n  " + kb.Text + "  \n")
	if err != nil || len(keys) != 2 || keys[1].Name != "lookout-test-b" {
		t.Fatalf("keys = %+v, %v", keys, err)
	}
	for _, bad := range []string{"", "# only a comment", "not-a-key", ka.Text + "x", "PRIVATE+KEY+x+00000000+AAAA"} {
		if _, err := ParseKeys(bad); err == nil {
			t.Errorf("ParseKeys(%q) accepted", bad)
		}
	}
}

func TestEmbeddedPayloadReadsAVerifiedBundleWithoutHashing(t *testing.T) {
	s, _ := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 4), s)
	h, raw, err := EmbeddedPayload(data)
	if err != nil || h.Seq != 4 {
		t.Fatalf("header %+v, %v", h, err)
	}
	if ni, _ := PayloadField(raw, "name_index"); string(ni) != "name-index-bytes" {
		t.Errorf("name_index = %q", ni)
	}
	if _, _, err := EmbeddedPayload(data[:len(data)-1]); err == nil {
		t.Error("a truncated bundle was accepted")
	}
}

func TestAHostDigestIsUsedForThePayload(t *testing.T) {
	s, k := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 1), s)
	calls := 0
	pol := policyOf(k)
	pol.Digest = func(b []byte) [32]byte { calls++; return sha256.Sum256(b) }
	if _, err := Verify(data, pol, nil, testNow); err != nil || calls != 1 {
		t.Fatalf("err %v, %d digest calls", err, calls)
	}
	pol.Digest = func(b []byte) [32]byte { return [32]byte{} }
	_, err := Verify(data, pol, nil, testNow)
	expectStep(t, err, StepPayload, ErrPayloadHash)
}
