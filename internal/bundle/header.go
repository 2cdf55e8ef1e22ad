package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FormatLine is the first line of every version-1 bundle header. It is
// also the domain separation for the signing keys: a note signed for any
// other purpose has another first line and is rejected.
const FormatLine = "lookout.dev/list-bundle/v1"

// Environments a bundle may be issued for.
const (
	EnvDemo = "demo"
	EnvTest = "test"
	EnvProd = "prod"
)

// Header bounds.
const (
	maxSeq         = 1<<63 - 1
	maxSchema      = 65535
	maxPayloadSize = 1 << 40
	maxExtensions  = 16
	maxExtValue    = 256
	timeLayout     = "2006-01-02T15:04:05Z"
)

// Header is the signed header of a bundle (docs/bundle-format.md, section 3).
type Header struct {
	Env         string
	List        string
	Seq         uint64
	Issued      time.Time
	Expires     time.Time
	Schema      int
	PayloadSize int64
	PayloadHash [32]byte
	Prev        *Prev       // optional link to the previous bundle of the list
	Extensions  []Extension // optional x- lines, in file order
}

// Prev links a bundle to its predecessor: its seq and header hash.
type Prev struct {
	Seq  uint64
	Hash [32]byte
}

// Extension is one "x-NAME VALUE" header line; Name excludes "x-".
type Extension struct {
	Name  string
	Value string
}

// text renders the header in its only valid form.
func (h *Header) text() (string, error) {
	if err := h.check(); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(FormatLine + "\n")
	fmt.Fprintf(&b, "env %s\n", h.Env)
	fmt.Fprintf(&b, "list %s\n", h.List)
	fmt.Fprintf(&b, "seq %d\n", h.Seq)
	fmt.Fprintf(&b, "issued %s\n", h.Issued.UTC().Format(timeLayout))
	fmt.Fprintf(&b, "expires %s\n", h.Expires.UTC().Format(timeLayout))
	fmt.Fprintf(&b, "schema %d\n", h.Schema)
	fmt.Fprintf(&b, "payload msgpack %d %s\n", h.PayloadSize, base64.StdEncoding.EncodeToString(h.PayloadHash[:]))
	if h.Prev != nil {
		fmt.Fprintf(&b, "prev %d %s\n", h.Prev.Seq, base64.StdEncoding.EncodeToString(h.Prev.Hash[:]))
	}
	for _, x := range h.Extensions {
		fmt.Fprintf(&b, "x-%s %s\n", x.Name, x.Value)
	}
	if b.Len() > MaxHeaderText {
		return "", fmt.Errorf("header text is %d bytes, over the %d-byte cap", b.Len(), MaxHeaderText)
	}
	return b.String(), nil
}

// check validates the header's values (what the grammar cannot express
// by syntax alone). Used both when building and after parsing.
func (h *Header) check() error {
	switch h.Env {
	case EnvDemo, EnvTest, EnvProd:
	default:
		return fmt.Errorf("env %q is not demo, test or prod", h.Env)
	}
	if !validList(h.List) {
		return fmt.Errorf("list %q is not 1-64 of [a-z0-9-] without a leading or trailing dash", h.List)
	}
	if h.Seq < 1 || h.Seq > maxSeq {
		return fmt.Errorf("seq %d outside 1..2^63-1", h.Seq)
	}
	for _, t := range []struct {
		name string
		v    time.Time
	}{{"issued", h.Issued}, {"expires", h.Expires}} {
		if y := t.v.UTC().Year(); y < 2000 || y > 9999 {
			return fmt.Errorf("%s year %d outside 2000..9999", t.name, y)
		}
		if t.v.Nanosecond() != 0 {
			return fmt.Errorf("%s has sub-second precision", t.name)
		}
	}
	if !h.Expires.After(h.Issued) {
		return fmt.Errorf("expires %s is not after issued %s", h.Expires.UTC().Format(timeLayout), h.Issued.UTC().Format(timeLayout))
	}
	if h.Schema < 1 || h.Schema > maxSchema {
		return fmt.Errorf("schema %d outside 1..%d", h.Schema, maxSchema)
	}
	if h.PayloadSize < 1 || h.PayloadSize > maxPayloadSize {
		return fmt.Errorf("payload size %d outside 1..2^40", h.PayloadSize)
	}
	if h.Prev != nil && h.Prev.Seq >= h.Seq {
		return fmt.Errorf("prev seq %d is not below seq %d", h.Prev.Seq, h.Seq)
	}
	if len(h.Extensions) > maxExtensions {
		return fmt.Errorf("%d extension lines, at most %d allowed", len(h.Extensions), maxExtensions)
	}
	seen := map[string]bool{}
	for _, x := range h.Extensions {
		if !validExtName(x.Name) {
			return fmt.Errorf("extension name %q is not 1-32 of [a-z0-9-]", x.Name)
		}
		if seen[x.Name] {
			return fmt.Errorf("duplicate extension x-%s", x.Name)
		}
		seen[x.Name] = true
		if !validExtValue(x.Value) {
			return fmt.Errorf("extension x-%s value must be 1-%d bytes of printable UTF-8", x.Name, maxExtValue)
		}
	}
	return nil
}

// parseHeader parses header text (the part of the note before the
// signatures, ending in LF) with the strict grammar of the spec.
func parseHeader(text []byte) (*Header, error) {
	if len(text) > MaxHeaderText {
		return nil, fmt.Errorf("header text is %d bytes, over the %d-byte cap", len(text), MaxHeaderText)
	}
	if !utf8.Valid(text) {
		return nil, errors.New("header text is not valid UTF-8")
	}
	if len(text) == 0 || text[len(text)-1] != '\n' {
		return nil, errors.New("header text does not end with a newline")
	}
	lines := strings.Split(string(text[:len(text)-1]), "\n")
	next := 0
	take := func(key string) (string, error) {
		if next >= len(lines) {
			return "", fmt.Errorf("header line %d: missing %q line", next+1, key)
		}
		line := lines[next]
		k, v, ok := strings.Cut(line, " ")
		if !ok || k != key {
			return "", fmt.Errorf("header line %d: want %q line, found %q", next+1, key, clip(line))
		}
		if v == "" || strings.HasPrefix(v, " ") || strings.HasSuffix(v, " ") || strings.Contains(v, "  ") {
			return "", fmt.Errorf("header line %d (%s): empty value or extra spaces", next+1, key)
		}
		next++
		return v, nil
	}
	if lines[0] != FormatLine {
		return nil, fmt.Errorf("header line 1: format %q, want %q", clip(lines[0]), FormatLine)
	}
	next = 1
	h := &Header{}
	var err error
	var v string
	if v, err = take("env"); err != nil {
		return nil, err
	}
	h.Env = v
	if v, err = take("list"); err != nil {
		return nil, err
	}
	h.List = v
	if v, err = take("seq"); err != nil {
		return nil, err
	}
	if h.Seq, err = parseDecimal(v, maxSeq); err != nil {
		return nil, fmt.Errorf("header line %d (seq): %v", next, err)
	}
	if v, err = take("issued"); err != nil {
		return nil, err
	}
	if h.Issued, err = parseTime(v); err != nil {
		return nil, fmt.Errorf("header line %d (issued): %v", next, err)
	}
	if v, err = take("expires"); err != nil {
		return nil, err
	}
	if h.Expires, err = parseTime(v); err != nil {
		return nil, fmt.Errorf("header line %d (expires): %v", next, err)
	}
	if v, err = take("schema"); err != nil {
		return nil, err
	}
	schema, err := parseDecimal(v, maxSchema)
	if err != nil {
		return nil, fmt.Errorf("header line %d (schema): %v", next, err)
	}
	h.Schema = int(schema)
	if v, err = take("payload"); err != nil {
		return nil, err
	}
	parts := strings.Split(v, " ")
	if len(parts) != 3 || parts[0] != "msgpack" {
		return nil, fmt.Errorf("header line %d (payload): want \"msgpack SIZE SHA256\", found %q", next, clip(v))
	}
	size, err := parseDecimal(parts[1], maxPayloadSize)
	if err != nil {
		return nil, fmt.Errorf("header line %d (payload size): %v", next, err)
	}
	h.PayloadSize = int64(size)
	if h.PayloadHash, err = parseHash(parts[2]); err != nil {
		return nil, fmt.Errorf("header line %d (payload hash): %v", next, err)
	}
	if next < len(lines) && strings.HasPrefix(lines[next], "prev ") {
		v, _ = take("prev")
		seq, hash, ok := strings.Cut(v, " ")
		if !ok {
			return nil, fmt.Errorf("header line %d (prev): want \"SEQ SHA256\"", next)
		}
		p := &Prev{}
		if p.Seq, err = parseDecimal(seq, maxSeq); err != nil {
			return nil, fmt.Errorf("header line %d (prev seq): %v", next, err)
		}
		if p.Hash, err = parseHash(hash); err != nil {
			return nil, fmt.Errorf("header line %d (prev hash): %v", next, err)
		}
		h.Prev = p
	}
	for ; next < len(lines); next++ {
		line := lines[next]
		k, val, ok := strings.Cut(line, " ")
		if !ok || !strings.HasPrefix(k, "x-") {
			return nil, fmt.Errorf("header line %d: unknown or misplaced line %q", next+1, clip(line))
		}
		h.Extensions = append(h.Extensions, Extension{Name: k[2:], Value: val})
		if len(h.Extensions) > maxExtensions {
			return nil, fmt.Errorf("header line %d: more than %d extension lines", next+1, maxExtensions)
		}
	}
	if err := h.check(); err != nil {
		return nil, err
	}
	return h, nil
}

// parseDecimal accepts only the canonical decimal form of 0..max.
func parseDecimal(s string, max uint64) (uint64, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || strconv.FormatUint(n, 10) != s {
		return 0, fmt.Errorf("%q is not a canonical decimal number", clip(s))
	}
	if n > max {
		return 0, fmt.Errorf("%d is over the maximum %d", n, max)
	}
	return n, nil
}

// parseTime accepts exactly YYYY-MM-DDTHH:MM:SSZ and round-trips it, so
// out-of-range fields (Feb 30, hour 24) are rejected.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil || t.Format(timeLayout) != s {
		return time.Time{}, fmt.Errorf("%q is not a UTC time of the form 2006-01-02T15:04:05Z", clip(s))
	}
	return t, nil
}

// parseHash accepts canonical standard base64 of exactly 32 bytes.
func parseHash(s string) ([32]byte, error) {
	var h [32]byte
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil || len(b) != 32 || base64.StdEncoding.EncodeToString(b) != s {
		return h, fmt.Errorf("%q is not canonical base64 of a SHA-256", clip(s))
	}
	copy(h[:], b)
	return h, nil
}

func validList(s string) bool {
	if len(s) < 1 || len(s) > 64 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	return allLowerAlnumDash(s)
}

func validExtName(s string) bool {
	return len(s) >= 1 && len(s) <= 32 && allLowerAlnumDash(s)
}

func allLowerAlnumDash(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func validExtValue(s string) bool {
	if len(s) < 1 || len(s) > maxExtValue || !utf8.ValidString(s) {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return true
}

// clip shortens untrusted text quoted in an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// HeaderHash is a bundle's identity: SHA-256 over its header text.
func headerHash(text []byte) [32]byte { return sha256.Sum256(text) }

// splitNote returns the header text (ending in LF) and the signature block
// of a note, split at the last blank line as signed-note specifies.
func splitNote(note []byte) (text, sigs []byte, ok bool) {
	i := bytes.LastIndex(note, []byte("\n\n"))
	if i < 0 {
		return nil, nil, false
	}
	return note[:i+1], note[i+2:], true
}
