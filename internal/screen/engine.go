package screen

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/countries"
	"lookout/internal/fraud"
	"lookout/internal/mrz"
	"lookout/internal/watchlist"
)

// StaleAfter is how old a list may be before reports call it stale: still
// used, but the officer is told to fetch a newer one.
const StaleAfter = 72 * time.Hour

// MaxRequest caps the JSON a host may pass to CheckJSON and MatchJSON.
const MaxRequest = 64 << 10

// loaded is one verified, decoded list, switched in atomically.
type loaded struct {
	info    ListInfo
	issued  time.Time
	expires time.Time
	matcher *watchlist.Matcher
	docs    *watchlist.DocIndex
	facts   *bundle.IssuerFacts
	entries *entryTable
	holders *holders
}

// Load verifies data against policy and the rollback floor in store, then
// makes it the list every later call uses. On any failure the previous
// list stays in use and the error (a *bundle.VerifyError for verification
// failures) says which step failed.
//
// The payload is authenticated whole (its SHA-256 against the signed
// header; policy.Digest may hand that to a faster host implementation) but
// used in place: the indexes are opened over the verified bytes and the
// entries are decoded one at a time, with the format's limits, when a hit
// needs one. data must not be modified afterwards.
func (e *Engine) Load(data []byte, policy bundle.Policy, store bundle.RollbackStore, now time.Time) (*ListInfo, error) {
	v, err := bundle.VerifyRaw(data, policy, store, now)
	if err != nil {
		return nil, err
	}
	return e.use(v, now)
}

func (e *Engine) use(v *bundle.Verified, now time.Time) (*ListInfo, error) {
	raw := v.RawPayload
	entries, err := newEntryTable(raw)
	if err != nil {
		return nil, fmt.Errorf("screen: %w", err)
	}
	ni, err := bundle.PayloadField(raw, "name_index")
	if err != nil {
		return nil, fmt.Errorf("screen: %w", err)
	}
	if len(ni) == 0 {
		return nil, fmt.Errorf("screen: %w", errNoIndex)
	}
	ix, err := watchlist.OpenNameIndex(ni)
	if err != nil {
		return nil, fmt.Errorf("screen: name index: %w", err)
	}
	if ix.Entries() != entries.Len() {
		return nil, fmt.Errorf("screen: name index covers %d entries, the payload has %d", ix.Entries(), entries.Len())
	}
	di, err := bundle.PayloadField(raw, "doc_index")
	if err != nil {
		return nil, fmt.Errorf("screen: %w", err)
	}
	docs, err := watchlist.OpenDocIndex(di)
	if err != nil {
		return nil, fmt.Errorf("screen: document index: %w", err)
	}
	hb, err := bundle.PayloadField(raw, "holders")
	if err != nil {
		return nil, fmt.Errorf("screen: %w", err)
	}
	holders, err := openHolders(hb, entries.Len())
	if err != nil {
		return nil, fmt.Errorf("screen: %w", err)
	}
	facts, err := decodeFacts(raw)
	if err != nil {
		return nil, fmt.Errorf("screen: %w", err)
	}
	if facts != nil {
		if err := fraud.CheckFacts(facts); err != nil {
			return nil, fmt.Errorf("screen: issuer facts: %w", err)
		}
	}
	h := v.Header
	l := &loaded{
		issued:  h.Issued,
		expires: h.Expires,
		matcher: watchlist.NewMatcherIndex(ix, entries.get),
		docs:    docs,
		facts:   facts,
		entries: entries,
		holders: holders,
		info: ListInfo{
			Name:          h.List,
			Env:           h.Env,
			Seq:           h.Seq,
			Issued:        h.Issued.UTC().Format(time.RFC3339),
			Expires:       h.Expires.UTC().Format(time.RFC3339),
			Schema:        h.Schema,
			PayloadSHA256: hex.EncodeToString(h.PayloadHash[:]),
			Fingerprint:   v.Fingerprint(),
			Entries:       entries.Len(),
			Documents:     docs.Len(),
		},
	}
	for _, s := range v.Signers {
		l.info.Signers = append(l.info.Signers, Signer{Name: s.Name, Fingerprint: s.Fingerprint})
	}
	e.cur.Store(l)
	return l.infoAt(now), nil
}

// List describes the list in use, or nil when none is loaded.
func (e *Engine) List() *ListInfo {
	l := e.cur.Load()
	if l == nil {
		return nil
	}
	return l.infoAt(e.now())
}

func (l *loaded) infoAt(now time.Time) *ListInfo {
	info := l.info
	switch {
	case !now.Before(l.expires):
		info.State = "expired"
	case now.Sub(l.issued) > StaleAfter:
		info.State = "stale"
	default:
		info.State = "valid"
	}
	return &info
}

// usable is the list matching may use: an expired list is shown but not
// used, so no officer clears a traveler against a list past its date.
func (e *Engine) usable(now time.Time) (*loaded, *ListInfo) {
	l := e.cur.Load()
	if l == nil {
		return nil, nil
	}
	info := l.infoAt(now)
	if info.State == "expired" {
		return nil, info
	}
	return l, info
}

// Check screens one traveler.
func (e *Engine) Check(req Request) *Report {
	now := e.now()
	rep := &Report{
		Schema:       Schema,
		Signals:      []fraud.Signal{},
		Hits:         []watchlist.Hit{},
		DocumentHits: []watchlist.DocHit{},
		Summary:      []string{},
	}
	l, info := e.usable(now)
	rep.List = info
	rep.Matching = "unavailable"
	if l != nil {
		rep.Matching = "available"
	}

	var q watchlist.Query
	var state, number string
	switch {
	case strings.TrimSpace(req.MRZ) != "":
		doc, err := mrz.Parse(req.MRZ, mrz.Options{Now: now})
		if err != nil {
			rep.Error = err.Error()
			rep.Recommendation = Review
			rep.Summary = append(rep.Summary, "the MRZ could not be read: "+err.Error())
			return rep
		}
		rep.Document = doc
		q = queryFromMRZ(doc)
		state, number = doc.Fields.IssuingState, doc.Fields.DocumentNumber
	case req.Person != nil && (strings.TrimSpace(req.Person.Name) != "" || strings.TrimSpace(req.Person.DocumentNumber) != ""):
		p := *req.Person
		rep.Person = &p
		q = watchlist.Query{Name: p.Name, DOB: p.DOB, POB: p.POB, Nationality: p.Nationality}
		state, number = p.IssuingState, p.DocumentNumber
	default:
		rep.Error = "empty request: give an MRZ, or a person with at least a name or a document number"
		rep.Recommendation = Review
		rep.Summary = append(rep.Summary, rep.Error)
		return rep
	}
	if q.POB == "" && req.Visual.PlaceOfBirth != "" {
		q.POB = req.Visual.PlaceOfBirth
	}

	if l != nil {
		if strings.TrimSpace(q.Name) != "" || q.Surname != "" || q.GivenNames != "" {
			rep.Hits = nonNil(l.matcher.Match(q))
		}
		if number != "" {
			var held []watchlist.Hit
			rep.DocumentHits, held = l.lookupDocument(state, number)
			rep.Hits = mergeHits(rep.Hits, held)
		}
	}

	var facts *bundle.IssuerFacts
	if l != nil {
		facts = l.facts
	}
	in := fraud.Input{Doc: rep.Document, Visual: req.Visual, Now: now}
	for _, h := range rep.DocumentHits {
		in.DocLookouts = append(in.DocLookouts, fraud.LookoutHit{State: h.State, Number: h.Number, Reason: h.Reason, Source: h.Source, Range: h.Range})
	}
	rep.Signals = nonNil(fraud.Evaluate(in, facts).Signals)
	rep.Recommendation, rep.Summary = verdict(rep)
	return rep
}

// queryFromMRZ turns the MRZ's holder into a watchlist query: surname and
// given names kept apart (the MRZ knows which is which), the birth date as
// an ISO date when it resolved, nationality as printed.
func queryFromMRZ(doc *mrz.Document) watchlist.Query {
	q := watchlist.Query{
		Surname:     doc.Fields.Surname,
		GivenNames:  doc.Fields.GivenNames,
		Nationality: countries.Normalize(doc.Fields.Nationality),
	}
	q.Name = strings.TrimSpace(q.Surname + " " + q.GivenNames)
	if !doc.Birth.IsZero() {
		q.DOB = doc.Birth.Format("2006-01-02")
	}
	return q
}

// verdict takes the most serious of: watchlist hits (strong → refer,
// possible → review), document lookouts (refer) and fraud signals, and
// writes the reasons a person reads first.
func verdict(rep *Report) (string, []string) {
	rec := Clear
	var why []string
	raise := func(to string) {
		if rank(to) > rank(rec) {
			rec = to
		}
	}
	strong, possible := 0, 0
	for _, h := range rep.Hits {
		if h.Level == "strong" {
			strong++
		} else {
			possible++
		}
	}
	if strong > 0 {
		raise(Refer)
		why = append(why, plural(strong, "strong watchlist hit"))
	}
	if possible > 0 {
		raise(Review)
		why = append(why, plural(possible, "possible watchlist hit"))
	}
	if n := len(rep.DocumentHits); n > 0 {
		raise(Refer)
		why = append(why, fmt.Sprintf("document listed as %s", rep.DocumentHits[0].Reason))
	}
	for _, s := range rep.Signals {
		if s.Severity == Review || s.Severity == Refer {
			raise(string(s.Severity))
			why = append(why, s.Message)
		}
	}
	if rep.Document != nil && !rep.Document.Valid {
		raise(Review)
		why = append(why, "the MRZ is not valid")
	}
	if rep.Matching != "available" {
		why = append(why, "watchlist matching unavailable: no valid list loaded")
	}
	if len(why) == 0 {
		why = append(why, "no hit, no signal")
	}
	return rec, why
}

func rank(r string) int {
	switch r {
	case Refer:
		return 2
	case Review:
		return 1
	}
	return 0
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// CheckJSON is Check for hosts that speak JSON (the page, the edge).
func (e *Engine) CheckJSON(b []byte) ([]byte, error) {
	var req Request
	if err := decodeStrict(b, &req); err != nil {
		return nil, err
	}
	return json.Marshal(e.Check(req))
}

// Match looks a name or a document number up in the list in use.
func (e *Engine) Match(q MatchRequest) *MatchReport {
	now := e.now()
	rep := &MatchReport{Schema: Schema, Hits: []watchlist.Hit{}, DocumentHits: []watchlist.DocHit{}}
	l, info := e.usable(now)
	rep.List = info
	if l == nil {
		rep.Matching = "unavailable"
		rep.Error = "no valid list loaded"
		return rep
	}
	rep.Matching = "available"
	if q.Name != "" || q.Surname != "" || q.GivenNames != "" {
		rep.Hits = nonNil(l.matcher.Match(watchlist.Query{
			Name: q.Name, Surname: q.Surname, GivenNames: q.GivenNames,
			DOB: q.DOB, POB: q.POB, Nationality: q.Nationality, Threshold: q.Threshold,
		}))
	}
	if q.DocumentNumber != "" {
		var held []watchlist.Hit
		rep.DocumentHits, held = l.lookupDocument(q.IssuingState, q.DocumentNumber)
		rep.Hits = mergeHits(rep.Hits, held)
	}
	if q.Name == "" && q.Surname == "" && q.GivenNames == "" && q.DocumentNumber == "" {
		rep.Error = "empty query: give a name or a document number"
	}
	return rep
}

// MatchJSON is Match for hosts that speak JSON.
func (e *Engine) MatchJSON(b []byte) ([]byte, error) {
	var q MatchRequest
	if err := decodeStrict(b, &q); err != nil {
		return nil, err
	}
	return json.Marshal(e.Match(q))
}

// RequestError is a request the engine could not read.
type RequestError struct{ Msg string }

func (e *RequestError) Error() string { return e.Msg }

func decodeStrict(b []byte, v any) error {
	if len(b) > MaxRequest {
		return &RequestError{fmt.Sprintf("request is %d bytes, over the %d-byte limit", len(b), MaxRequest)}
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &RequestError{"bad JSON request: " + err.Error()}
	}
	if dec.More() {
		return &RequestError{"bad JSON request: trailing data after the object"}
	}
	return nil
}
