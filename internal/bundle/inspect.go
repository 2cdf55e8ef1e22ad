package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"strings"
)

// Inspection is what can be read from a bundle without trusting it. None
// of it is vouched for by a signature: show it as unverified.
type Inspection struct {
	NoteSize   int
	Header     *Header // nil when the header text does not parse
	HeaderErr  error
	HeaderHash [32]byte
	Signatures []SignatureLine
	// PayloadBytes is how many bytes follow the note; PayloadHashOK says
	// whether they match the header's size and SHA-256.
	PayloadBytes  int
	PayloadHashOK bool
	// Counts summarises the payload when it decodes (with all limits).
	Counts    *Counts
	DecodeErr error
}

// SignatureLine is one signature line as written (unverified).
type SignatureLine struct {
	Name    string
	KeyHash uint32
}

// Counts summarises a payload.
type Counts struct {
	Entries    int
	Names      int // all names, primary included
	Aliases    int // names other than the primary
	DOBs       int
	POBs       int
	Documents  int // identity documents held by listed people
	NameIndex  int // bytes
	DocIndex   int // bytes
	Facts      bool
	Categories map[string]int
}

// Counts summarises the payload.
func (p *Payload) Counts() Counts {
	c := Counts{Entries: len(p.Entries), NameIndex: len(p.NameIndex), DocIndex: len(p.DocIndex), Facts: p.Facts != nil, Categories: map[string]int{}}
	for i := range p.Entries {
		e := &p.Entries[i]
		c.Names += len(e.Names)
		if len(e.Names) > 1 {
			c.Aliases += len(e.Names) - 1
		}
		c.DOBs += len(e.DOBs)
		c.POBs += len(e.POBs)
		c.Documents += len(e.Documents)
		c.Categories[e.Category]++
	}
	return c
}

// Inspect reads a bundle's envelope, header and signature lines and, if
// it can, decodes the payload (with every limit) to count it. It verifies
// no signature and applies no policy: it is for diagnostics ("lookout
// bundle inspect"), never for deciding whether to use a list. An error is
// returned only when the envelope itself is unreadable.
func Inspect(data []byte) (*Inspection, error) {
	env, ferr := parseEnvelope(data)
	if ferr != nil {
		return nil, ferr
	}
	in := &Inspection{NoteSize: len(env.note), PayloadBytes: len(env.rest)}
	text, sigs, ok := splitNote(env.note)
	if !ok {
		text = env.note
	}
	in.HeaderHash = headerHash(text)
	for _, line := range bytes.Split(bytes.TrimSuffix(sigs, []byte("\n")), []byte("\n")) {
		rest, ok := bytes.CutPrefix(line, []byte("— "))
		if !ok {
			continue
		}
		name, b64, _ := strings.Cut(string(rest), " ")
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(raw) < 4 {
			continue
		}
		in.Signatures = append(in.Signatures, SignatureLine{Name: name, KeyHash: binary.BigEndian.Uint32(raw)})
	}
	h, err := parseHeader(text)
	if err != nil {
		in.HeaderErr = err
		return in, nil
	}
	in.Header = h
	in.PayloadHashOK = int64(len(env.rest)) == h.PayloadSize && sha256.Sum256(env.rest) == h.PayloadHash
	p, err := decodePayload(env.rest, h.Schema)
	if err != nil {
		in.DecodeErr = err
		return in, nil
	}
	c := p.Counts()
	in.Counts = &c
	return in, nil
}
