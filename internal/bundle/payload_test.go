package bundle

import (
	"bytes"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tinylib/msgp/msgp"
)

// TestEntryWireLayout pins schema 2's array layout of an entry byte for
// byte, written independently of the generated code from the field order
// in docs/bundle-format.md, section 4: a change to either shows here.
func TestEntryWireLayout(t *testing.T) {
	e := samplePayload().Entries[0]
	e.Names = append(e.Names, Name{Full: "GARCIA, Juan", Surname: "GARCIA LOPEZ", Given: "Juan", Kind: NameFormer})
	e.Documents[0].Note = "expired"
	e.Remarks, e.Program, e.Type = "r", "p", "individual"

	var w []byte
	str := func(s string) { w = msgp.AppendString(w, s) }
	w = msgp.AppendArrayHeader(w, 12)
	str("csv:1")
	str(CatWarrant)
	w = msgp.AppendArrayHeader(w, 3)
	// The canonical "SURNAME, GIVEN" full name is nil; others are written.
	w = msgp.AppendArrayHeader(w, 4)
	w = msgp.AppendNil(w)
	str("GARCIA LOPEZ")
	str("Juan Carlos")
	str(NamePrimary)
	w = msgp.AppendArrayHeader(w, 4)
	str("El Flaco")
	str("")
	str("")
	str(NameWeak)
	w = msgp.AppendArrayHeader(w, 4)
	str("GARCIA, Juan")
	str("GARCIA LOPEZ")
	str("Juan")
	str(NameFormer)
	w = msgp.AppendArrayHeader(w, 2)
	w = msgp.AppendArrayHeader(w, 3)
	str("1980-01-01")
	str("")
	w = msgp.AppendBool(w, false)
	w = msgp.AppendArrayHeader(w, 3)
	str("1979")
	str("1981")
	w = msgp.AppendBool(w, true)
	w = msgp.AppendArrayHeader(w, 1)
	str("Culiacan, Sinaloa, Mexico")
	w = msgp.AppendArrayHeader(w, 1)
	str("MEX")
	w = msgp.AppendArrayHeader(w, 1)
	w = msgp.AppendArrayHeader(w, 4)
	str("passport")
	str("G12345678")
	str("MEX")
	str("expired")
	str("M")
	str("r")
	str("secondary")
	str("p")
	str("individual")

	got, err := e.MarshalMsg(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, w) {
		t.Fatalf("entry encodes as\n% x\nthe documented layout is\n% x", got, w)
	}
	var back Entry
	rest, err := back.UnmarshalMsg(w)
	if err != nil || len(rest) != 0 {
		t.Fatalf("documented layout does not decode: %v (%d bytes left)", err, len(rest))
	}
	if !reflect.DeepEqual(back, e) {
		t.Fatalf("documented layout decodes to\n%+v\nwant\n%+v", back, e)
	}
}

// TestNameFullRoundTripsExactly: Full is left out only when it is exactly
// Surname + ", " + Given with both set, and every Name decodes to itself.
func TestNameFullRoundTripsExactly(t *testing.T) {
	cases := []struct {
		name    string
		in      Name
		omitted bool
	}{
		{"the canonical form is omitted", Name{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: NamePrimary}, true},
		{"non-ASCII canonical names are omitted", Name{Full: "GONZÁLEZ FLORES, PATRICIA", Surname: "GONZÁLEZ FLORES", Given: "PATRICIA", Kind: NameStrong}, true},
		{"a surname that itself holds a comma is still canonical", Name{Full: "A, B, C", Surname: "A, B", Given: "C", Kind: NameStrong}, true},
		{"natural order is written out", Name{Full: "Juan Carlos GARCIA LOPEZ", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: NamePrimary}, false},
		{"a different spelling is written out", Name{Full: "GARCÍA LÓPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: NamePrimary}, false},
		{"two spaces after the comma are written out", Name{Full: "GARCIA,  Juan", Surname: "GARCIA", Given: "Juan", Kind: NamePrimary}, false},
		{"no space after the comma is written out", Name{Full: "GARCIA,Juan", Surname: "GARCIA", Given: "Juan", Kind: NamePrimary}, false},
		{"a name of the same length but another split is written out", Name{Full: "AB, C", Surname: "A", Given: "BC", Kind: NamePrimary}, false},
		{"a surname only is written out", Name{Full: "MADONNA, ", Surname: "MADONNA", Kind: NameWeak}, false},
		{"given names only are written out", Name{Full: ", Cher", Given: "Cher", Kind: NameWeak}, false},
		{"an unsplit name is written out", Name{Full: "El Flaco", Kind: NameWeak}, false},
		{"an empty full name stays empty", Name{Surname: "GARCIA", Given: "Juan", Kind: NamePrimary}, false},
		{"the zero name stays zero", Name{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := c.in.MarshalMsg(nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) > c.in.Msgsize() {
				t.Errorf("encoded %d bytes, Msgsize promised at most %d", len(b), c.in.Msgsize())
			}
			// b[1] is the first element after the fixarray header.
			if omitted := b[1] == 0xc0; omitted != c.omitted {
				t.Errorf("full omitted = %v, want %v (% x)", omitted, c.omitted, b)
			}
			// Decode into a used value: nothing of the old name may survive.
			out := Name{Full: "stale", Surname: "stale", Given: "stale", Kind: "stale"}
			rest, err := out.UnmarshalMsg(b)
			if err != nil || len(rest) != 0 {
				t.Fatalf("decode: %v (%d bytes left)", err, len(rest))
			}
			if out != c.in {
				t.Errorf("round trip gave %+v, want %+v", out, c.in)
			}
		})
	}
}

// TestNameDecoderRejectsBadFullNames: a nil full name needs both parts to
// be rebuilt from; a written-out canonical name (another encoder's
// choice) is accepted as it is.
func TestNameDecoderRejectsBadFullNames(t *testing.T) {
	name := func(full any, sur, given string) []byte {
		b := msgp.AppendArrayHeader(nil, 4)
		switch f := full.(type) {
		case nil:
			b = msgp.AppendNil(b)
		case string:
			b = msgp.AppendString(b, f)
		case int:
			b = msgp.AppendInt(b, f)
		}
		b = msgp.AppendString(b, sur)
		b = msgp.AppendString(b, given)
		return msgp.AppendString(b, NameStrong)
	}
	var n Name
	if _, err := n.UnmarshalMsg(name("A, B", "A", "B")); err != nil || n.Full != "A, B" {
		t.Errorf("a written-out canonical name: %+v, %v", n, err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"nil full name without a surname", name(nil, "", "Juan")},
		{"nil full name without given names", name(nil, "GARCIA", "")},
		{"nil full name without either", name(nil, "", "")},
		{"a full name that is a number", name(7, "GARCIA", "Juan")},
		{"a nil surname", append(append(msgp.AppendString(msgp.AppendArrayHeader(nil, 4), "X"), 0xc0), msgp.AppendString(msgp.AppendString(nil, ""), NameWeak)...)},
		{"a truncated name", name(nil, "GARCIA", "Juan")[:5]},
	} {
		t.Run(c.name, func(t *testing.T) {
			var n Name
			if _, err := n.UnmarshalMsg(c.data); err == nil {
				t.Fatalf("accepted as %+v", n)
			}
		})
	}
}

// TestTupleArityIsExact: each tuple is exactly as long as its struct, so
// a schema-1 (map) entry, a short array and a long one are all errors, and
// none allocates from the claimed length.
func TestTupleArityIsExact(t *testing.T) {
	schema1Entry := msgp.AppendMapHeader(nil, 1)
	schema1Entry = msgp.AppendString(schema1Entry, "id")
	schema1Entry = msgp.AppendString(schema1Entry, "csv:1")
	cases := []struct {
		name string
		data []byte
		into msgp.Unmarshaler
	}{
		{"an entry of 11 fields", msgp.AppendArrayHeader(nil, 11), &Entry{}},
		{"an entry of 13 fields", msgp.AppendArrayHeader(nil, 13), &Entry{}},
		{"an entry claiming 2^32-1 fields", []byte{0xdd, 0xff, 0xff, 0xff, 0xff}, &Entry{}},
		{"a name of 3 fields", msgp.AppendArrayHeader(nil, 3), &Name{}},
		{"a name of 5 fields", msgp.AppendArrayHeader(nil, 5), &Name{}},
		{"a date of birth of 2 fields", msgp.AppendArrayHeader(nil, 2), &DateSpec{}},
		{"a document of 5 fields", msgp.AppendArrayHeader(nil, 5), &DocRef{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			allocs := testing.AllocsPerRun(10, func() { _, err = c.into.UnmarshalMsg(c.data) })
			var ae msgp.ArrayError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %v, want an array length error", err)
			}
			if allocs > 4 {
				t.Errorf("%v allocations", allocs)
			}
		})
	}
	var e Entry
	_, err := e.UnmarshalMsg(schema1Entry)
	var te msgp.TypeError
	if !errors.As(err, &te) {
		t.Errorf("a schema-1 map entry: err = %v, want a type error", err)
	}
}

// TestEntryLimitsAreExact: the encoder's output at each per-field limit
// decodes, one more is refused by the generated decoder (not only by
// Validate), for every bounded field of Entry.
func TestEntryLimitsAreExact(t *testing.T) {
	cases := []struct {
		field string
		limit int
		set   func(e *Entry, n int)
	}{
		{"names", MaxNames, func(e *Entry, n int) {
			e.Names = make([]Name, n)
			for i := range e.Names {
				e.Names[i] = Name{Full: "N", Kind: NameStrong}
			}
		}},
		{"dates of birth", MaxDOBs, func(e *Entry, n int) { e.DOBs = make([]DateSpec, n) }},
		{"places of birth", MaxPOBs, func(e *Entry, n int) { e.POBs = make([]string, n) }},
		{"nationalities", MaxNationalities, func(e *Entry, n int) { e.Nationalities = make([]string, n) }},
		{"documents", MaxDocuments, func(e *Entry, n int) { e.Documents = make([]DocRef, n) }},
	}
	for _, c := range cases {
		t.Run(c.field, func(t *testing.T) {
			for _, n := range []int{c.limit, c.limit + 1} {
				e := Entry{ID: "csv:1", Category: CatOther, Names: []Name{{Full: "X", Kind: NamePrimary}}}
				c.set(&e, n)
				b, err := e.MarshalMsg(nil)
				if err != nil {
					t.Fatal(err)
				}
				var back Entry
				_, err = back.UnmarshalMsg(b)
				switch {
				case n == c.limit && err != nil:
					t.Errorf("%d %s (the limit) refused: %v", n, c.field, err)
				case n == c.limit && !reflect.DeepEqual(back, e):
					t.Errorf("%d %s did not round-trip", n, c.field)
				case n > c.limit && !errors.Is(err, msgp.ErrLimitExceeded):
					t.Errorf("%d %s: err = %v, want ErrLimitExceeded", n, c.field, err)
				}
			}
		})
	}
}

// TestCanonicalNamesShrinkTheBundle is the point of omitting Full: a list
// of "SURNAME, GIVEN" names costs roughly the bytes of its parts once.
func TestCanonicalNamesShrinkTheBundle(t *testing.T) {
	p := &Payload{Schema: SchemaVersion}
	for i := range 100 {
		sur, given := strings.Repeat("S", 10+i%7), strings.Repeat("G", 8+i%5)
		p.Entries = append(p.Entries, Entry{ID: "csv:" + strings.Repeat("1", i+1), Category: CatOther,
			Names: []Name{{Full: sur + ", " + given, Surname: sur, Given: given, Kind: NamePrimary}}})
	}
	raw, err := p.MarshalMsg(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Entries {
		if bytes.Contains(raw, []byte(e.Names[0].Full)) {
			t.Fatalf("the canonical full name %q is on the wire", e.Names[0].Full)
		}
	}
	q, err := DecodePayload(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, q) {
		t.Fatal("payload did not round-trip")
	}
}

// TestDocumentedExampleDecodes reads the example entry's bytes from
// docs/bundle-format.md, so the specification cannot drift from the code.
func TestDocumentedExampleDecodes(t *testing.T) {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var doc []byte
	for {
		if doc, err = os.ReadFile(filepath.Join(dir, "docs", "bundle-format.md")); err == nil {
			break
		}
		if parent := filepath.Dir(dir); parent != dir {
			dir = parent
			continue
		}
		t.Skip("docs/bundle-format.md not found above the package directory")
	}
	const intro = "is these 58 bytes:\n\n```\n"
	i := bytes.Index(doc, []byte(intro))
	if i < 0 {
		t.Fatalf("docs/bundle-format.md has no %q", intro)
	}
	block := doc[i+len(intro):]
	block = block[:bytes.Index(block, []byte("```"))]
	var b []byte
	for _, line := range strings.Split(string(block), "\n") {
		for _, tok := range strings.Fields(line) {
			v, err := hex.DecodeString(tok)
			if err != nil || len(v) != 1 {
				break // the comment column
			}
			b = append(b, v[0])
		}
	}
	if len(b) != 58 {
		t.Fatalf("the example has %d bytes, the text says 58", len(b))
	}
	want := Entry{ID: "csv:2", Category: CatDeported,
		Names: []Name{{Full: "ERIKSSON, Anna", Surname: "ERIKSSON", Given: "Anna", Kind: NamePrimary}},
		DOBs:  []DateSpec{{Date: "1990"}}}
	var got Entry
	if rest, err := got.UnmarshalMsg(b); err != nil || len(rest) != 0 {
		t.Fatalf("the documented example does not decode: %v (%d bytes left)", err, len(rest))
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the documented example decodes to %+v, want %+v", got, want)
	}
	if enc, _ := want.MarshalMsg(nil); !bytes.Equal(enc, b) {
		t.Fatalf("the builder writes\n% x\nthe documentation shows\n% x", enc, b)
	}
}
