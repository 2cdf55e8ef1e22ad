package bundle

import (
	"errors"
	"fmt"
)

// Semantic bounds checked after decoding.
// They mirror the limit= tags in payload.go: the encoder does not enforce
// them, so Validate does, and the builder never signs what the decoder
// would refuse.
const (
	MaxEntries       = 200000 // entries per payload
	MaxNames         = 64     // names per entry, primary included
	MaxDOBs          = 32     // dates of birth per entry
	MaxPOBs          = 32     // places of birth per entry
	MaxNationalities = 32     // nationalities per entry
	MaxDocuments     = 64     // documents per entry
)

// DecodePayload decodes an authenticated payload with every limit of the
// format: a structural pass rejects lying length prefixes, deep nesting
// and trailing bytes before the generated decoder allocates anything, and
// the decoded values are checked against the schema. Verify calls it; it is
// exported for tools and tests that already hold trusted bytes.
func DecodePayload(raw []byte) (*Payload, error) {
	return decodePayload(raw, SchemaVersion)
}

func decodePayload(raw []byte, schema int) (*Payload, error) {
	if err := checkStructure(raw); err != nil {
		return nil, err
	}
	p := new(Payload)
	rest, err := p.UnmarshalMsg(raw)
	if err != nil {
		return nil, fmt.Errorf("msgpack: %w", err)
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("msgpack: %d trailing bytes after the payload", len(rest))
	}
	if p.Schema != schema {
		return nil, fmt.Errorf("payload schema %d differs from the header's %d", p.Schema, schema)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// Validate checks the decoded payload's meaning: every entry has an id and
// a name, ids are unique, and enumerated fields hold known values. The
// builder runs it too, so a bad source never becomes a signed bundle.
func (p *Payload) Validate() error {
	if len(p.Entries) > MaxEntries {
		return fmt.Errorf("%d entries, at most %d allowed", len(p.Entries), MaxEntries)
	}
	ids := make(map[string]struct{}, len(p.Entries))
	for i := range p.Entries {
		e := &p.Entries[i]
		if e.ID == "" {
			return fmt.Errorf("entry %d has no id", i)
		}
		if _, dup := ids[e.ID]; dup {
			return fmt.Errorf("entry %d: duplicate id %q", i, e.ID)
		}
		ids[e.ID] = struct{}{}
		if err := e.validate(); err != nil {
			return fmt.Errorf("entry %d (%s): %w", i, e.ID, err)
		}
	}
	return nil
}

func (e *Entry) validate() error {
	if len(e.Names) == 0 || e.Names[0].Full == "" {
		return errors.New("no primary name")
	}
	if len(e.Names) > MaxNames || len(e.DOBs) > MaxDOBs || len(e.POBs) > MaxPOBs ||
		len(e.Nationalities) > MaxNationalities || len(e.Documents) > MaxDocuments {
		return fmt.Errorf("more than %d names, %d dates of birth, %d places of birth, %d nationalities or %d documents",
			MaxNames, MaxDOBs, MaxPOBs, MaxNationalities, MaxDocuments)
	}
	switch e.Category {
	case CatTerrorist, CatSanctions, CatWarrant, CatDeported, CatDocumentFraud, CatOther:
	default:
		return fmt.Errorf("unknown category %q", e.Category)
	}
	for j, n := range e.Names {
		if n.Full == "" {
			return fmt.Errorf("name %d is empty", j)
		}
		switch n.Kind {
		case NamePrimary, NameStrong, NameWeak, NameFormer:
		default:
			return fmt.Errorf("name %d: unknown kind %q", j, n.Kind)
		}
	}
	for j, d := range e.DOBs {
		if !validPartialDate(d.Date) || (d.To != "" && !validPartialDate(d.To)) {
			return fmt.Errorf("date of birth %d: %q..%q is not YYYY, YYYY-MM or YYYY-MM-DD", j, d.Date, d.To)
		}
	}
	switch e.Sex {
	case "", "M", "F":
	default:
		return fmt.Errorf("sex %q is not M, F or empty", e.Sex)
	}
	return nil
}

// validPartialDate accepts YYYY, YYYY-MM and YYYY-MM-DD with in-range
// month and day (the day is checked against the month, leap years too).
func validPartialDate(s string) bool {
	digits := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, len(t) > 0
	}
	switch len(s) {
	case 4:
		_, ok := digits(s)
		return ok
	case 7:
		if s[4] != '-' {
			return false
		}
		_, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:])
		return ok1 && ok2 && m >= 1 && m <= 12
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return false
		}
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:])
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
			return false
		}
		mdays := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
		if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
			mdays = 29
		}
		return d <= mdays
	}
	return false
}

// ValidPartialDate reports whether s is "YYYY", "YYYY-MM" or "YYYY-MM-DD"
// with an existing month and day. Importers use it.
func ValidPartialDate(s string) bool { return validPartialDate(s) }
