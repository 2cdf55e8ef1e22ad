// Package watchlist screens travelers against a signed list: names (this
// file, score.go and the index in nameindex.go) and document numbers
// (doc*.go).
//
// # Names
//
// [BuildNameIndex] runs at bundle-build time and stores a compact index in
// bundle.Payload.NameIndex: token postings, phonetic, particle and
// spelling keys, reversed tokens for typo search, and per-entry token
// lists, dates of birth and nationalities. [NewMatcher] opens it in place,
// in constant time, so a fresh edge instance can answer its first query at
// once. [Matcher.Match] normalises the query (package names), finds the
// list tokens each query token may stand for, walks their postings to a
// few dozen candidate entries, aligns name parts in any order, weighs them
// by rarity, adds date-of-birth, place-of-birth and nationality evidence,
// and returns hits with a score, a level and reasons a person can read.
// docs/matching.md describes the format, the scoring and its evaluation.
package watchlist

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"lookout/internal/bundle"
	"lookout/internal/names"
)

// Operating thresholds. A hit is reported at or above DefaultThreshold
// ("possible": an officer should look) and is "strong" at or above
// StrongThreshold (the name and the other evidence agree so well that a
// mistaken identity needs a coincidence).
const (
	DefaultThreshold = 0.80
	StrongThreshold  = 0.92
)

// Hit levels.
const (
	LevelStrong   = "strong"
	LevelPossible = "possible"
)

// Query is one traveler to screen. Give Name (natural order, any script,
// or an MRZ name field SURNAME<<GIVEN<NAMES), or Surname and GivenNames.
type Query struct {
	Name       string `json:"name,omitempty"`
	Surname    string `json:"surname,omitempty"`
	GivenNames string `json:"given_names,omitempty"`
	// DOB is YYYY-MM-DD, YYYY-MM, YYYY or the MRZ's YYMMDD.
	DOB string `json:"dob,omitempty"`
	// POB is a place of birth as written (city, country or both).
	POB string `json:"pob,omitempty"`
	// Nationality is an ICAO/ISO code or an English country name.
	Nationality string `json:"nationality,omitempty"`
	// Threshold overrides DefaultThreshold when > 0.
	Threshold float64 `json:"threshold,omitempty"`
}

// Reason is one piece of evidence behind a hit.
type Reason struct {
	Kind   string `json:"kind"` // name, dob, pob, nationality
	Detail string `json:"detail"`
	Query  string `json:"query,omitempty"`
	List   string `json:"list,omitempty"`
	// How: exact, variant, typo, phonetic, initial, partial, missing,
	// agree, conflict.
	How string `json:"how"`
}

// Hit is a listed entry that matches a query.
type Hit struct {
	ID          string   `json:"id"`
	Score       float64  `json:"score"`
	Level       string   `json:"level"`
	Name        string   `json:"name"`
	PrimaryName string   `json:"primary_name"`
	Category    string   `json:"category"`
	Action      string   `json:"action,omitempty"`
	DOB         string   `json:"dob,omitempty"`
	POB         string   `json:"pob,omitempty"`
	Nationality string   `json:"nationality,omitempty"`
	Reasons     []Reason `json:"reasons"`
	// Entry is the entry's position in the bundle's entry list.
	Entry   int `json:"-"`
	nameIdx int
}

// Matcher screens queries against one list. It is safe for concurrent use.
type Matcher struct {
	ix      *Index
	entry   func(i int) *bundle.Entry
	scratch sync.Pool
}

// NewMatcher opens the payload's prebuilt name index over its entries.
// Opening is constant-time: nothing proportional to the list is decoded.
func NewMatcher(p *bundle.Payload) (*Matcher, error) {
	if p == nil {
		return nil, errors.New("watchlist: no payload")
	}
	if len(p.NameIndex) == 0 {
		return nil, errors.New("watchlist: the bundle has no name index (rebuild it with a current lookout)")
	}
	ix, err := OpenNameIndex(p.NameIndex)
	if err != nil {
		return nil, fmt.Errorf("watchlist: %w", err)
	}
	if ix.Entries() != len(p.Entries) {
		return nil, fmt.Errorf("watchlist: name index covers %d entries, the payload has %d", ix.Entries(), len(p.Entries))
	}
	return NewMatcherIndex(ix, func(i int) *bundle.Entry { return &p.Entries[i] }), nil
}

// NewMatcherIndex makes a matcher from an opened index and a function that
// returns entry i (for hosts that decode entries lazily). entry is called
// only for hits.
func NewMatcherIndex(ix *Index, entry func(i int) *bundle.Entry) *Matcher {
	m := &Matcher{ix: ix, entry: entry}
	m.scratch.New = func() any {
		return &scratch{slots: make([]slot, ix.n)}
	}
	return m
}

// scratch is per-query accumulation space, reused through a pool so a
// query allocates nothing proportional to the list.
type scratch struct {
	gen     uint32
	sess    *session
	slots   []slot
	touched []uint32
}

// slot is one entry's accumulator: a stamp says which query wrote it
// last, so nothing is cleared between queries; one cache line holds it.
type slot struct {
	stamp uint32
	bits  uint32
	acc   float32
}

// qtok is one query token with what the matcher learns about it.
type qtok struct {
	text     string
	alts     []string
	particle bool
	script   bool // romanised from Arabic script: no short vowels
	trunc    bool // may be cut short by MRZ truncation
	df       int
	w        float64
	matches  []tokMatch
}

type tokMatch struct {
	ord uint32
	sim float64
	how string
	// nbIDF is the rarity of the neighbourhood this match lies in: the
	// IDF of all list tokens matching the query token at least this well.
	// A typo match of ANDREY is less specific than an exact one, because
	// ANDREW, ANDREI and ANDRES all lie as close.
	nbIDF float64
}

// qsim is one query token's similarity to a list token.
type qsim struct {
	qi  int
	sim float64
	how string
}

// ltok is a list token as the scorer needs it.
type ltok struct {
	// mask has bit i set when query token i matched this token during
	// candidate generation; sims holds how well, in query-token order.
	mask     uint32
	sims     []qsim
	ord      uint32
	text     string
	df       int
	w        float64
	particle bool
}

// session is the state of one Match call.
type session struct {
	m     *Matcher
	sc    *scratch
	q     []qtok
	toks  map[uint32]*ltok
	keys  map[string]tokKeys
	base  map[uint32]tokBase // token ordinal → text and document frequency
	hit   map[uint32]bool    // list tokens some query token matched
	nb    map[uint64]float64 // (query token, list token) → neighbourhood IDF
	trunc bool
	// Buffers reused across candidates and queries.
	rec       entryRec
	ltPool    []ltok
	ltBuf     []*ltok
	pairBuf   []pair
	chosenBuf []pair
}

// tokBase is what the index says about a token.
type tokBase struct {
	text string
	df   int
}

// maxCachedKeys bounds the per-scratch caches of token texts and keys.
const maxCachedKeys = 1 << 16

// tokKeys are a token's derived keys, computed once.
type tokKeys struct {
	spell, phon, strip string
}

func (s *session) keysOf(t string) tokKeys {
	if k, ok := s.keys[t]; ok {
		return k
	}
	k := tokKeys{spell: names.SpellKey(t), phon: names.PhoneticKey(t)}
	k.strip, _ = names.StripParticle(t)
	s.keys[t] = k
	return k
}

func (s *session) listTok(ord uint32) *ltok {
	if t, ok := s.toks[ord]; ok {
		return t
	}
	if len(s.ltPool) == cap(s.ltPool) {
		s.ltPool = append(s.ltPool, ltok{})[:len(s.ltPool)]
	}
	s.ltPool = s.ltPool[:len(s.ltPool)+1]
	t := &s.ltPool[len(s.ltPool)-1]
	*t = ltok{ord: ord, sims: t.sims[:0]}
	if b, ok := s.base[ord]; ok {
		t.text, t.df = b.text, b.df
	} else if k, v, ok := s.m.ix.tokens.at(int(ord), nil); ok {
		t.text = string(k)
		t.df, _ = s.m.ix.postings(v, nil)
		s.base[ord] = tokBase{t.text, t.df}
	}
	t.w = s.m.ix.idf(t.df)
	t.particle = names.IsParticle(t.text)
	s.toks[ord] = t
	return t
}

// spellOf returns a list token's spelling key and text, from the caches.
func (s *session) spellOf(ord uint32) (string, string) {
	lt := s.listTok(ord)
	return s.keysOf(lt.text).spell, lt.text
}

// queryTokens turns a query into tokens, surname first when it is known.
func queryTokens(q Query) (toks []names.Token, raw string) {
	name := strings.TrimSpace(q.Name)
	if name == "" {
		raw = strings.TrimSpace(q.Surname + " " + q.GivenNames)
		return append(names.Tokenize(q.Surname), names.Tokenize(q.GivenNames)...), raw
	}
	if sur, given, ok := names.SplitMRZ(name); ok {
		return append(names.Tokenize(sur), names.Tokenize(given)...), name
	}
	return names.Tokenize(name), name
}

// truncatable reports whether a name may have been cut to fit an MRZ: the
// name fields of TD1, TD2 and TD3 documents hold 30, 31 and 39 characters,
// so a name filling 28 or more may have lost its end.
func truncatable(toks []names.Token, raw string) bool {
	if strings.Contains(raw, "<") && len(strings.TrimRight(raw, "<")) >= 28 {
		return true
	}
	n := 0
	for _, t := range toks {
		n += len(t.Text) + 1
	}
	return n >= 29
}

// Match screens one query and returns the hits at or above the threshold,
// best first.
func (m *Matcher) Match(q Query) []Hit {
	toks, raw := queryTokens(q)
	if len(toks) == 0 {
		return nil
	}
	if len(toks) > maxQueryTokens {
		toks = toks[:maxQueryTokens]
	}
	sc := m.scratch.Get().(*scratch)
	defer m.scratch.Put(sc)
	s := sc.sess
	if s == nil {
		s = &session{toks: map[uint32]*ltok{}, keys: map[string]tokKeys{}, base: map[uint32]tokBase{}, hit: map[uint32]bool{}, nb: map[uint64]float64{}}
		sc.sess = s
	}
	// The session's maps and buffers are reused: cleared, not reallocated.
	// Token texts and keys depend only on the index, so they stay cached
	// from query to query (bounded): a page or server that keeps the
	// matcher warms up; a fresh edge instance pays once.
	clear(s.toks)
	if len(s.keys) > maxCachedKeys {
		clear(s.keys)
	}
	if len(s.base) > maxCachedKeys {
		clear(s.base)
	}
	clear(s.hit)
	clear(s.nb)
	s.m, s.sc, s.q, s.trunc = m, sc, s.q[:0], false
	s.ltPool = s.ltPool[:0]
	s.trunc = truncatable(toks, raw)
	for i, t := range toks {
		qt := qtok{text: t.Text, alts: t.Alts, particle: t.Particle, script: t.Script}
		if len(qt.text) > maxTokenLen {
			qt.text = qt.text[:maxTokenLen]
		}
		// In an MRZ the end of the field is where truncation bites: the
		// last token of the surname-first sequence.
		qt.trunc = s.trunc && i == len(toks)-1
		s.q = append(s.q, qt)
	}
	for i := range s.q {
		s.findTokens(&s.q[i])
		for _, tm := range s.q[i].matches {
			s.hit[tm.ord] = true
			lt := s.listTok(tm.ord)
			lt.mask |= 1 << i
			lt.sims = append(lt.sims, qsim{i, tm.sim, tm.how})
			s.nb[uint64(i)<<32|uint64(tm.ord)] = tm.nbIDF
		}
	}
	threshold := q.Threshold
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	cands := s.candidates(threshold)
	ev := parseEvidence(q)
	var hits []Hit
	for _, e := range cands {
		h, ok := s.score(int(e), ev, threshold)
		if ok {
			hits = append(hits, h)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Entry < hits[j].Entry
	})
	for i := range hits {
		m.fill(&hits[i])
	}
	return hits
}

// findTokens collects the list tokens a query token may stand for, with
// the similarity of each, from the exact, spelling, phonetic and particle
// keys, a typo neighbourhood and (for a truncatable last token) a prefix
// range.
func (s *session) findTokens(qt *qtok) {
	ix := s.m.ix
	var buf []byte // iterators own their key buffers: consider() reads the table too
	seen := map[uint32]bool{}
	consider := func(ord uint32) {
		if seen[ord] {
			return
		}
		seen[ord] = true
		lt := s.listTok(ord)
		sim, how := s.sim(qt, lt.text)
		if sim >= minTokenSim {
			qt.matches = append(qt.matches, tokMatch{ord: ord, sim: sim, how: how})
		}
	}
	forms := append([]string{qt.text}, qt.alts...)
	if r, ok := names.StripParticle(qt.text); ok {
		forms = append(forms, r)
	}
	for fi, f := range forms {
		if v, o, ok := ix.tokens.get(f, buf); ok {
			if fi == 0 {
				qt.df, _ = ix.postings(v, nil)
			}
			consider(uint32(o))
		}
		k := s.keysOf(f)
		keys := []string{"T" + f, "Q" + k.spell}
		// A phonetic key says something only with three consonants (or for
		// unvocalised script): shorter keys would fetch hundreds of tokens
		// that the similarity test then rejects.
		if c := len(strings.TrimPrefix(k.phon, "*")); c >= 3 || (qt.script && c >= 2) {
			keys = append(keys, "P"+k.phon)
			if qt.script { // unwritten vowels: a Latin spelling may start with one
				keys = append(keys, "P*"+strings.TrimPrefix(k.phon, "*"), "P"+strings.TrimPrefix(k.phon, "*"))
			}
		}
		for _, key := range keys {
			if v, _, ok := ix.keys.get(key, buf); ok {
				ix.ordinals(v, consider)
			}
		}
		ix.permScan(ix.spell, permSpell, k.spell, true, typoScan, s.spellOf, func(o uint32, _ string) { consider(o) })
	}
	// Typos: a token within one edit of q shares q's first half or its
	// last half; within two edits (long tokens), its first or last third.
	L := len(qt.text)
	// A token common on the list (more than one entry in 2,000) is taken
	// as written: its typo neighbours are other real names (JOHN/JOAN),
	// and skipping the scan saves most of the cost of the commonest
	// queries, unlisted travelers with ordinary names. A rarer token may
	// itself be a misspelling, so its neighbours are tried.
	if L >= 3 && qt.df <= max(1, ix.n/2000) {
		pre := max(2, L/2)
		suf := max(2, L-pre-1)
		maxEd := 1
		if L >= 8 {
			pre, suf, maxEd = L/3, L/3, 2
		}
		// Check the distance on the key bytes first: only near tokens are
		// decoded and compared in full.
		// Keys in a prefix range share the prefix, so only the rest is
		// compared (a common prefix never changes an edit distance).
		ix.tokens.prefix(qt.text[:pre], typoScan, buf, func(k []byte, o int, _ []byte) bool {
			if d := len(k) - L; d <= maxEd && d >= -maxEd && names.EditDistance(qt.text[pre:], string(k[pre:]), maxEd) <= maxEd {
				consider(uint32(o))
			}
			return true
		})
		rq := reverse(qt.text)
		ix.keys.prefix("R"+rq[:suf], typoScan, buf, func(k []byte, _ int, _ []byte) bool {
			if d := len(k) - 1 - L; d <= maxEd && d >= -maxEd && names.EditDistance(rq[suf:], string(k[1+suf:]), maxEd) <= maxEd {
				// R keys carry no value: the token is the key reversed.
				if _, o, ok := ix.tokens.get(reverse(string(k[1:])), nil); ok {
					consider(uint32(o))
				}
			}
			return true
		})
	}
	if qt.trunc && L >= 3 {
		ix.tokens.prefix(qt.text, typoScan, buf, func(_ []byte, o int, _ []byte) bool {
			consider(uint32(o))
			return true
		})
	}
	slices.SortFunc(qt.matches, func(a, b tokMatch) int {
		if a.sim != b.sim {
			return cmp.Compare(b.sim, a.sim)
		}
		return cmp.Compare(a.ord, b.ord)
	})
	if len(qt.matches) > maxTokenMatches {
		qt.matches = qt.matches[:maxTokenMatches]
	}
	cum := 0
	for i := 0; i < len(qt.matches); {
		j := i
		for j < len(qt.matches) && qt.matches[j].sim == qt.matches[i].sim {
			cum += s.listTok(qt.matches[j].ord).df
			j++
		}
		for k := i; k < j; k++ {
			qt.matches[k].nbIDF = ix.idf(cum)
		}
		i = j
	}
	qt.w = ix.idf(qt.df)
	if qt.df == 0 && len(qt.matches) > 0 {
		// A spelling the list does not have: as rare as what it matches.
		qt.w = s.listTok(qt.matches[0].ord).w
	}
	if qt.particle {
		qt.w *= particleWeight
	}
}

const (
	maxQueryTokens  = 16
	minTokenSim     = 0.75
	typoScan        = 600 // keys visited per typo range
	maxTokenMatches = 64
	particleWeight  = 0.2
	maxCandidates   = 150
	// candidateFloor caps the pruning floor for low thresholds.
	candidateFloor = 0.6
	boundSlack     = 0.1
)

// candidates walks the postings of the matched list tokens and returns the
// entries worth scoring, best first.
func (s *session) candidates(threshold float64) []uint32 {
	sc := s.sc
	sc.gen++
	if sc.gen == 0 { // wrapped: clear stamps once every 4 billion queries
		clear(sc.slots)
		sc.gen = 1
	}
	sc.touched = sc.touched[:0]
	ix := s.m.ix
	// Walking postings is cheap (a few ns each) next to scoring; the
	// budget bounds a query made only of the list's commonest names.
	budget := max(20000, ix.n/4)
	walkCap := budget
	// Query tokens are grouped by text (MOHAMED OMAR MOHAMED has two
	// distinct parts), and each group's walking cost is the postings it
	// would read. Rare parts are walked; common ones (whose postings would
	// touch a large share of the list) are left to scoring, unless the
	// query has nothing rarer.
	type group struct {
		bit  uint32
		cost int
		qis  []int
	}
	var groups []*group
	byText := map[string]*group{}
	for qi, qt := range s.q {
		if qt.particle || len(qt.text) == 1 {
			continue
		}
		g := byText[qt.text]
		if g == nil {
			g = &group{bit: 1 << len(groups)}
			byText[qt.text] = g
			groups = append(groups, g)
		}
		g.qis = append(g.qis, qi)
		for _, tm := range qt.matches {
			g.cost += s.listTok(tm.ord).df
		}
	}
	order := append([]*group(nil), groups...)
	sort.SliceStable(order, func(i, j int) bool { return order[i].cost < order[j].cost })
	walked := 0
	var walkedBits uint32
	for _, g := range order {
		if g.cost == 0 || (walked >= 1 && g.cost > walkCap) {
			continue
		}
		walkCap -= g.cost
		walked++
		walkedBits |= g.bit
		for _, qi := range g.qis {
			for _, tm := range s.q[qi].matches {
				lt := s.listTok(tm.ord)
				_, v, ok := ix.tokens.at(int(tm.ord), nil)
				if !ok {
					continue
				}
				add := float32(tm.sim * lt.w)
				bit := g.bit
				ix.postings(v, func(e uint32) {
					sl := &sc.slots[e]
					if sl.stamp != sc.gen {
						*sl = slot{stamp: sc.gen}
						sc.touched = append(sc.touched, e)
					}
					if sl.bits&bit == 0 {
						sl.bits |= bit
						sl.acc += add
					}
				})
			}
		}
	}
	need := min(2, walked)
	// An upper bound of each entry's name score from what candidate
	// generation saw: the matched weight against it plus the cost of the
	// query tokens it did not match. Entries that cannot reach the name
	// floor are not scored.
	var qw [32]float64
	for gi, g := range groups {
		if walkedBits&g.bit != 0 {
			qw[gi] = s.q[g.qis[0]].w
		}
	}
	// Other evidence adds at most maxEvidence; the bound mixes query and
	// list weights, so it gets slack too.
	floor := math.Min(candidateFloor, threshold-maxEvidence-boundSlack)
	out := make([]uint32, 0, 64)
	ub := make(map[uint32]float32, len(sc.touched)/4)
	for _, e := range sc.touched {
		if popcount(sc.slots[e].bits) < need {
			continue
		}
		var free float64
		for gi := range groups {
			if sc.slots[e].bits&(1<<gi) == 0 {
				free += qw[gi]
			}
		}
		a := float64(sc.slots[e].acc)
		u := a / (a + queryExtra*free)
		if u < floor {
			continue
		}
		ub[e] = float32(u)
		out = append(out, e)
	}
	if len(out) == 0 && need == 2 {
		// One token matched: still worth scoring the best few (a list name
		// may be a single token, or the rest may be initials).
		out = append(out, sc.touched...)
	}
	slices.SortFunc(out, func(a, b uint32) int {
		if ub[a] != ub[b] {
			return cmp.Compare(ub[b], ub[a])
		}
		if sc.slots[a].acc != sc.slots[b].acc {
			return cmp.Compare(sc.slots[b].acc, sc.slots[a].acc)
		}
		return cmp.Compare(a, b)
	})
	if len(out) > maxCandidates {
		out = out[:maxCandidates]
	}
	return out
}

func popcount(x uint32) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// sim compares a query token with a list token.
func (s *session) sim(qt *qtok, l string) (float64, string) {
	best, how := s.simPair(qt.text, l, qt.trunc)
	if qt.script && best < simPhonetic {
		// Unvocalised Arabic-script spellings meet Latin ones only by
		// their consonants.
		// The leading-vowel mark is dropped: script does not write it.
		if pq, pl := strings.TrimPrefix(s.keysOf(qt.text).phon, "*"), strings.TrimPrefix(s.keysOf(l).phon, "*"); pq == pl && len(pq) >= 2 {
			best, how = simPhonetic, "phonetic"
		}
	}
	for _, a := range qt.alts {
		if v, h := s.simPair(a, l, qt.trunc); v > best {
			best, how = v, h
			if h == "exact" {
				best, how = 0.98, "variant"
			}
		}
	}
	return best, how
}

// genderForm recognises the masculine and feminine forms of one name:
// Slavic and Baltic surnames (SMIRNOV/SMIRNOVA, KOWALSKI/KOWALSKA,
// VOLKOVSKIY/VOLKOVSKAYA) and given names (YEVGENIY/YEVGENIYA,
// ALEKSANDR/ALEKSANDRA, DANIEL/DANIELA, ANTONIO/ANTONIA): the same family or
// name, but usually not the same person.
func genderForm(a, b string) (float64, bool) {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch {
	case len(a) >= 4 && b == a+"A":
		return simGender, true
	case len(a) >= 5 && len(b) == len(a) && a[:len(a)-1] == b[:len(b)-1] &&
		(a[len(a)-1] == 'O' && b[len(b)-1] == 'A' || a[len(a)-1] == 'A' && b[len(b)-1] == 'O' ||
			strings.HasSuffix(a, "SKI") && strings.HasSuffix(b, "SKA") || strings.HasSuffix(a, "SKA") && strings.HasSuffix(b, "SKI")):
		return simGender, true
	case len(a) >= 5 && strings.HasSuffix(b, "SKAYA") && (strings.HasSuffix(a, "SKIY") || strings.HasSuffix(a, "SKY") || strings.HasSuffix(a, "SKII")):
		if strings.TrimSuffix(b, "SKAYA") == a[:strings.LastIndex(a, "SK")] {
			return simGender, true
		}
	}
	return 0, false
}

// Token similarity levels.
const (
	simExact    = 1.0
	simVariant  = 0.94 // same spelling key or family, or a glued particle
	simTypo1    = 0.9
	simGender   = 0.76
	simTypo6    = 0.88
	simTypo5    = 0.84
	simTypo4    = 0.78
	simTypoTiny = 0.76 // three letters against four: SAH/SHAH, CHO/CHOL
	simTypo2    = 0.8
	simKeyTypo  = 0.85
	simPhonetic = 0.8
	simTrunc    = 0.9
	simInitial  = 0.8
)

// simPair is the similarity of two tokens and how they met.
func (s *session) simPair(q, l string, trunc bool) (float64, string) {
	if q == l {
		return simExact, "exact"
	}
	if q == "" || l == "" {
		return 0, ""
	}
	if len(q) == 1 || len(l) == 1 {
		if q[0] == l[0] {
			return simInitial, "initial"
		}
		return 0, ""
	}
	kq, kl := s.keysOf(q), s.keysOf(l)
	if kq.spell == kl.spell {
		return simVariant, "variant"
	}
	if kq.strip != "" && (kq.strip == l || s.keysOf(kq.strip).spell == kl.spell) ||
		kl.strip != "" && (kl.strip == q || s.keysOf(kl.strip).spell == kq.spell) {
		return simVariant, "variant"
	}
	if sim, ok := genderForm(q, l); ok {
		return sim, "variant" // not a typo: the other gender's form
	}
	short := min(len(q), len(l))
	best, how := 0.0, ""
	if short >= 3 && max(len(q), len(l)) >= 4 {
		switch names.EditDistance(q, l, 2) {
		case 1:
			// One edit in a short token is a larger share of it, and in
			// Korean or Chinese syllables (SONG/TONG, CHUN/CHUL) makes
			// another real name; so does a changed first letter.
			switch {
			case short >= 7:
				best, how = simTypo1, "typo"
			case short == 6:
				best, how = simTypo6, "typo"
			case q[0] != l[0]:
				best, how = simTypoTiny, "typo"
			case short == 5:
				best, how = simTypo5, "typo"
			case short == 4:
				best, how = simTypo4, "typo"
			default:
				best, how = simTypoTiny, "typo"
			}
		case 2:
			if short >= 7 {
				best, how = simTypo2, "typo"
			}
		}
	}
	if best < simKeyTypo && short >= 6 && names.EditDistance(kq.spell, kl.spell, 1) == 1 {
		best, how = simKeyTypo, "variant"
	}
	// A phonetic key needs three consonants to say something: two-consonant
	// keys (HASAN, HUSSEIN, HOSNI are all S-N) join different names.
	if best < simPhonetic && short >= 5 && kq.phon == kl.phon && len(strings.TrimPrefix(kq.phon, "*")) >= 3 {
		best, how = simPhonetic, "phonetic"
	}
	if best < simTrunc && trunc && len(q) >= 3 && strings.HasPrefix(l, q) {
		best, how = simTrunc, "partial"
	}
	return best, how
}
