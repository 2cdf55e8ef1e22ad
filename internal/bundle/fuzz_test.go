package bundle

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/tinylib/msgp/msgp"
)

// FuzzVerify feeds arbitrary bytes to the verifier under a fixed policy:
// it must never panic, and anything it accepts must be exactly a bundle
// the trusted key signed (the only one in the corpus is the valid seed).
func FuzzVerify(f *testing.F) {
	s, k := testKey(f, "lookout-test-a")
	valid := buildTest(f, samplePayload(), testHeader(EnvTest, 1), s)
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add(append(bytes.Clone(valid), 0))
	f.Add([]byte(Magic + "\x01\x00\x00\x00\xff\xff\xff\xff"))
	f.Add([]byte{})
	pol := policyOf(k)
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Verify(data, pol, nil, testNow)
		if err != nil {
			var ve *VerifyError
			if !errors.As(err, &ve) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if v.Header.Seq != 1 || v.Payload == nil {
			t.Fatalf("accepted something odd: %+v", v.Header)
		}
		// Inspect must cope with the same bytes.
		if _, err := Inspect(data); err != nil {
			t.Fatalf("Inspect failed on a verified bundle: %v", err)
		}
	})
}

// FuzzDecodePayload exercises the structural pass and the generated
// decoder directly (the verifier only reaches them with signed input).
func FuzzDecodePayload(f *testing.F) {
	raw, _ := samplePayload().MarshalMsg(nil)
	f.Add(raw)
	f.Add(payloadWith("entries", []byte{0xdd, 0xff, 0xff, 0xff, 0xff}))
	f.Add(payloadWith("x", deepNesting(100)))
	f.Add([]byte{0xdf, 0xff, 0xff, 0xff, 0xff})
	// Schema 2 entries: one whose full name is omitted (nil) but has no
	// given names to rebuild it from, one over a per-field limit, and a
	// schema-1 map entry.
	badName := msgp.AppendArrayHeader(entryClaiming(2, 1), 4)
	badName = msgp.AppendString(msgp.AppendString(msgp.AppendString(msgp.AppendNil(badName), "GARCIA"), ""), NamePrimary)
	f.Add(payloadWith("entries", append(msgp.AppendArrayHeader(nil, 1), badName...)))
	f.Add(payloadWith("entries", append(msgp.AppendArrayHeader(nil, 1), entryClaiming(6, MaxDocuments+1)...)))
	f.Add(payloadWith("entries", msgp.AppendString(msgp.AppendString(msgp.AppendMapHeader(msgp.AppendArrayHeader(nil, 1), 1), "id"), "csv:1")))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodePayload(data)
		if err != nil {
			return
		}
		// What decodes re-encodes and decodes to the same counts.
		again, err := p.MarshalMsg(nil)
		if err != nil {
			t.Fatal(err)
		}
		q, err := DecodePayload(again)
		if err != nil {
			t.Fatalf("re-encoded payload rejected: %v", err)
		}
		if len(q.Entries) != len(p.Entries) {
			t.Fatal("round trip changed the entries")
		}
		// Every value survives exactly, omitted full names included.
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip changed the payload:\n got %+v\nwant %+v", q, p)
		}
	})
}

// FuzzInspect: Inspect reads untrusted files and must never panic.
func FuzzInspect(f *testing.F) {
	s, _ := testKey(f, "lookout-test-a")
	f.Add(buildTest(f, samplePayload(), testHeader(EnvTest, 1), s))
	f.Fuzz(func(t *testing.T, data []byte) {
		Inspect(data)
	})
}

func TestInspectReportsWithoutTrusting(t *testing.T) {
	s, _ := testKey(t, "lookout-test-a")
	data := buildTest(t, samplePayload(), testHeader(EnvTest, 9), s)
	in, err := Inspect(data)
	if err != nil {
		t.Fatal(err)
	}
	if in.Header == nil || in.Header.Seq != 9 || !in.PayloadHashOK || in.Counts == nil || in.Counts.Entries != 2 || in.Counts.Aliases != 1 || in.Counts.DOBs != 2 || in.Counts.Documents != 1 {
		t.Fatalf("inspection = %+v counts %+v", in, in.Counts)
	}
	if len(in.Signatures) != 1 || in.Signatures[0].Name != "lookout-test-a" {
		t.Errorf("signatures = %+v", in.Signatures)
	}
	bad := flipLast(data)
	in, err = Inspect(bad)
	if err != nil || in.PayloadHashOK {
		t.Errorf("flipped payload: hash ok = %v, err %v", in.PayloadHashOK, err)
	}
}
