//go:generate go tool msgp -io=false -tests=false
//msgp:limit arrays:200000 maps:64
//msgp:ignore DocLookout Source Name
//msgp:tuple Entry DateSpec DocRef

package bundle

// This file is the bundle payload's contract with the importers, the demo
// list, the matcher and the heuristics: the exported names below are relied
// upon. Fields may be added (bump SchemaVersion); none may change meaning.

// SchemaVersion is the payload schema this build writes and reads.
//
// Schema 2 encodes Entry, Name, DateSpec and DocRef as msgpack arrays in
// field order (//msgp:tuple above; Name by hand in name.go) instead of
// maps with string keys: the entries are most of a bundle's bytes, and
// hosts walk and hash them on every load. A field added to one of them
// changes the array's length and so needs a new schema.
const SchemaVersion = 2

// Entry categories.
const (
	CatTerrorist     = "terrorist"
	CatSanctions     = "sanctions"
	CatWarrant       = "warrant"
	CatDeported      = "deported"
	CatDocumentFraud = "document-fraud"
	CatOther         = "other"
)

// Name kinds.
const (
	NamePrimary = "primary"
	NameStrong  = "strong" // a.k.a. of good quality
	NameWeak    = "weak"   // low-quality a.k.a.
	NameFormer  = "former" // f.k.a.
)

// Document lookout reasons.
const (
	ReasonLost        = "lost"
	ReasonStolen      = "stolen"
	ReasonRevoked     = "revoked"
	ReasonStolenBlank = "stolen-blank" // a series of blank books stolen before issue
	ReasonFraudSeries = "fraud-series"
)

// Payload is everything one signed bundle carries, bound by one hash.
//
// The field order is the wire order: the index blobs come before the
// entries so a host can read them in place (PayloadField) without walking
// 70,000 entries first. The limit= tags bound every allocation the decoder
// makes from a length prefix (docs/bundle-format.md, section 4).
type Payload struct {
	Schema int `msg:"schema"`
	// NameIndex is the prebuilt match index over Entries (internal/watchlist).
	NameIndex []byte `msg:"name_index,limit=67108864,omitempty"`
	// DocIndex is the compact lost/stolen/revoked document structure
	// (internal/watchlist), built from DocLookouts at bundle-build time.
	DocIndex []byte `msg:"doc_index,limit=67108864,omitempty"`
	// Holders finds listed persons by the identity documents they hold
	// (internal/screen), built from Entries at bundle-build time.
	Holders []byte `msg:"holders,limit=67108864,omitempty"`
	// EntryOffsets locates each entry in the encoded entries array
	// without walking it: 4 bytes (u32 little-endian) per entry, the
	// offset of entry i from the first byte after the array's header.
	// Build writes it; hosts that use a list in place read it to decode
	// one entry at a time. Optional: a reader walks the array without it.
	EntryOffsets []byte `msg:"entry_offsets,limit=800000,omitempty"`
	// Facts are the issuer facts the heuristics use; nil means "use the
	// built-in defaults".
	Facts   *IssuerFacts `msg:"facts,omitempty"`
	Entries []Entry      `msg:"entries,limit=200000"`
}

// Entry is one listed person (or, with --all-types, organisation).
type Entry struct {
	ID            string     `msg:"id"` // "source:source-id", e.g. "ofac-sdn:12345"
	Category      string     `msg:"cat"`
	Names         []Name     `msg:"names,limit=64"` // Names[0] is the primary name
	DOBs          []DateSpec `msg:"dobs,limit=32,omitempty"`
	POBs          []string   `msg:"pobs,limit=32,omitempty"`
	Nationalities []string   `msg:"nat,limit=32,omitempty"` // ICAO/ISO alpha-3 codes where resolvable
	Documents     []DocRef   `msg:"docs,limit=64,omitempty"`
	Sex           string     `msg:"sex,omitempty"` // "M", "F" or ""
	Remarks       string     `msg:"remarks,omitempty"`
	Action        string     `msg:"action,omitempty"` // recommended action for the officer
	Program       string     `msg:"program,omitempty"`
	Type          string     `msg:"type,omitempty"` // "individual" (default when empty), "entity", "vessel", "aircraft"
}

// Name is one name of an entry. Full is always set; Surname and Given are
// set when the source distinguishes them.
//
// On the wire a Name is [full, sur, given, kind], with full nil when it is
// exactly Surname + ", " + Given (most names): see name.go.
type Name struct {
	Full    string `msg:"full"`
	Surname string `msg:"sur,omitempty"`
	Given   string `msg:"given,omitempty"`
	Kind    string `msg:"kind"`
}

// DateSpec is a full or partial date of birth, or a range. Date is
// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; To, when set, closes a range (same
// forms). Circa marks an approximate date.
type DateSpec struct {
	Date  string `msg:"date"`
	To    string `msg:"to,omitempty"`
	Circa bool   `msg:"circa,omitempty"`
}

// DocRef is an identity document a listed person is known to hold.
type DocRef struct {
	Type   string `msg:"type,omitempty"` // "passport", "national-id", "other"
	Number string `msg:"num"`
	State  string `msg:"state,omitempty"` // issuing state, alpha-3 where resolvable
	Note   string `msg:"note,omitempty"`
}

// DocLookout is one lost, stolen or revoked document, or a range of them
// (Number..End inclusive, same length and prefix). It is the importers'
// and the demo list's output; the bundle stores lookouts compactly in
// Payload.DocIndex.
type DocLookout struct {
	State  string // issuing state (alpha-3)
	Type   string // document type code, e.g. "P"; "" for any
	Number string
	End    string // optional: last number of a range
	Reason string
	Source string // e.g. "demo:123"
}

// Source is what an importer produces.
type Source struct {
	Entries     []Entry
	DocLookouts []DocLookout
}
