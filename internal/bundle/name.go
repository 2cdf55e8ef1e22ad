package bundle

import (
	"errors"
	"strings"

	"github.com/tinylib/msgp/msgp"
)

// Name is encoded by hand rather than by msgp: most names are written
// "SURNAME, GIVEN" from a surname and given names the source also
// distinguishes, so storing Full next to them would repeat about 2.3 MB of
// the 70,000-entry demo list. The wire form is the array
//
//	[full, sur, given, kind]
//
// where full is nil exactly when Surname and Given are both non-empty and
// Full is Surname + ", " + Given; the decoder rebuilds it. Any other Full,
// the empty string included, is written as a string, so every Name value
// round-trips exactly. TestGeneratedCodeCoversEveryField fails if a field
// is added to Name without being added here.

// errDerivedFull rejects a nil full name that cannot be rebuilt.
var errDerivedFull = errors.New("full name omitted (nil) but the surname or the given names are empty")

// fullIsDerived reports whether Full is the canonical form of Surname and
// Given, and so is left out of the encoding.
func (z *Name) fullIsDerived() bool {
	s, g, f := z.Surname, z.Given, z.Full
	return s != "" && g != "" && len(f) == len(s)+2+len(g) &&
		strings.HasPrefix(f, s) && f[len(s):len(s)+2] == ", " && strings.HasSuffix(f, g)
}

// MarshalMsg implements msgp.Marshaler.
func (z *Name) MarshalMsg(b []byte) (o []byte, err error) {
	o = msgp.Require(b, z.Msgsize())
	o = msgp.AppendArrayHeader(o, 4)
	if z.fullIsDerived() {
		o = msgp.AppendNil(o)
	} else {
		o = msgp.AppendString(o, z.Full)
	}
	o = msgp.AppendString(o, z.Surname)
	o = msgp.AppendString(o, z.Given)
	o = msgp.AppendString(o, z.Kind)
	return o, nil
}

// UnmarshalMsg implements msgp.Unmarshaler. It accepts full written out
// even when it could have been omitted (a second encoder need not omit
// it); it rejects a nil full that has no surname or no given names to be
// rebuilt from.
func (z *Name) UnmarshalMsg(bts []byte) (o []byte, err error) {
	var n uint32
	if n, bts, err = msgp.ReadArrayHeaderBytes(bts); err != nil {
		return nil, msgp.WrapError(err)
	}
	if n != 4 {
		return nil, msgp.ArrayError{Wanted: 4, Got: n}
	}
	derived := msgp.IsNil(bts)
	if derived {
		bts, err = msgp.ReadNilBytes(bts)
	} else {
		z.Full, bts, err = msgp.ReadStringBytes(bts)
	}
	if err != nil {
		return nil, msgp.WrapError(err, "Full")
	}
	if z.Surname, bts, err = msgp.ReadStringBytes(bts); err != nil {
		return nil, msgp.WrapError(err, "Surname")
	}
	if z.Given, bts, err = msgp.ReadStringBytes(bts); err != nil {
		return nil, msgp.WrapError(err, "Given")
	}
	if z.Kind, bts, err = msgp.ReadStringBytes(bts); err != nil {
		return nil, msgp.WrapError(err, "Kind")
	}
	if derived {
		if z.Surname == "" || z.Given == "" {
			return nil, msgp.WrapError(errDerivedFull, "Full")
		}
		z.Full = z.Surname + ", " + z.Given
	}
	return bts, nil
}

// Msgsize implements msgp.Sizer: an upper bound of the encoded size.
func (z *Name) Msgsize() int {
	return 1 + 4*msgp.StringPrefixSize + len(z.Full) + len(z.Surname) + len(z.Given) + len(z.Kind)
}
