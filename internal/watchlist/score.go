package watchlist

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"lookout/internal/countries"
	"lookout/internal/names"
)

// Name-score weights. An unmatched query token costs queryExtra of its
// weight (a traveler's name part the list does not know is real evidence
// of another person); an unmatched list token costs listExtra (lists carry
// patronymics, maternal surnames and middle names that passports and
// travelers drop).
const (
	queryExtra = 0.8
	listExtra  = 0.15
	// conflictExtra is added when both sides keep unmatched substantive
	// tokens: each has a name part the other lacks, the pattern of two
	// people who share a surname.
	conflictExtra = 1.0
	weakNameCap   = 0.9
)

// pair is one aligned piece: query tokens qi..qi+qn-1 with list tokens
// lj..lj+ln-1 (1 or 2 tokens on either side, for glued compounds).
type pair struct {
	qi, qn, lj, ln int
	sim            float64
	how            string
	w              float64
}

type nameScore struct {
	score    float64
	spec     float64 // nats of identifying information in the matched parts
	complete bool    // every part on both sides met, none as an initial
	pairs    []pair
	qFree    []int
	lFree    []int
	listToks []*ltok
	name     int
}

// scoreName aligns the query with one list name and scores it in [0,1].
func (s *session) scoreName(lt []*ltok, weak bool) nameScore {
	q := s.q
	cands := s.pairBuf[:0]
	for i := range q {
		for j := range lt {
			var sim float64
			var how string
			switch {
			case lt[j].mask&(1<<i) != 0:
				for _, x := range lt[j].sims {
					if x.qi == i {
						sim, how = x.sim, x.how
					}
				}
			case len(q[i].text) == 1 || len(lt[j].text) == 1:
				sim, how = s.simPair(q[i].text, lt[j].text, false)
			default:
				continue // candidate generation found every pair above minTokenSim
			}
			if weak && sim < simVariant {
				continue // weak a.k.a.s match only as written (OFAC FAQ 1646)
			}
			if sim >= minTokenSim {
				cands = append(cands, pair{qi: i, qn: 1, lj: j, ln: 1, sim: sim, how: how, w: pairWeight(q[i].w, lt[j].w, q[i].text, lt[j].text)})
			}
		}
	}
	// Glued and split compounds: AL ZAWAHIRI ↔ ALZAWAHIRI, VAN DYKE ↔ VANDYKE.
	for i := 0; i+1 < len(q); i++ {
		for j := range lt {
			if !gluable(q[i].text, q[i+1].text, lt[j].text) {
				continue
			}
			joined := q[i].text + q[i+1].text
			if sim, how := s.simPair(joined, lt[j].text, false); sim >= simTypo1 && how != "initial" {
				cands = append(cands, pair{qi: i, qn: 2, lj: j, ln: 1, sim: sim, how: how, w: q[i].w + q[i+1].w})
			}
		}
	}
	for j := 0; j+1 < len(lt); j++ {
		for i := range q {
			if !gluable(lt[j].text, lt[j+1].text, q[i].text) {
				continue
			}
			joined := lt[j].text + lt[j+1].text
			if sim, how := s.simPair(q[i].text, joined, false); sim >= simTypo1 && how != "initial" {
				cands = append(cands, pair{qi: i, qn: 1, lj: j, ln: 2, sim: sim, how: how, w: lt[j].w + lt[j+1].w})
			}
		}
	}
	// Greedy alignment, best similarity first (exact before variant before
	// typo), then the weightier pair.
	slices.SortStableFunc(cands, func(a, b pair) int {
		if a.sim != b.sim {
			return cmp.Compare(b.sim, a.sim)
		}
		return cmp.Compare(b.w, a.w)
	})
	var qUsedA [maxQueryTokens]bool
	var lUsedA [maxTokensPerName]bool
	qUsed, lUsed := qUsedA[:len(q)], lUsedA[:len(lt)]
	s.pairBuf = cands[:0]
	ns := nameScore{pairs: s.chosenBuf[:0]}
	for _, c := range cands {
		free := true
		for k := 0; k < c.qn; k++ {
			free = free && !qUsed[c.qi+k]
		}
		for k := 0; k < c.ln; k++ {
			free = free && !lUsed[c.lj+k]
		}
		if !free {
			continue
		}
		for k := 0; k < c.qn; k++ {
			qUsed[c.qi+k] = true
		}
		for k := 0; k < c.ln; k++ {
			lUsed[c.lj+k] = true
		}
		ns.pairs = append(ns.pairs, c)
	}
	var matched, denom, spec float64
	subst, initials := 0, 0
	for _, p := range ns.pairs {
		matched += p.sim * p.w
		denom += p.w
		switch {
		case p.how == "initial":
			// An initial says little: first letters of names crowd on a
			// few letters (J, M, A, S…), about one chance in eight.
			initials++
			spec += math.Min(p.w, math.Log(8))
		case !(p.qn == 1 && q[p.qi].particle):
			subst++
			w := math.Min(q[p.qi].w, lt[p.lj].w)
			if nb, ok := s.nb[uint64(p.qi)<<32|uint64(lt[p.lj].ord)]; ok && p.qn == 1 && p.ln == 1 {
				w = math.Min(w, nb)
			}
			spec += w
		}
	}
	var qFreeW, lFreeW float64
	qSub, lSub := 0, 0
	for i := range q {
		if !q[i].particle && len(q[i].text) > 1 {
			qSub++
		}
		if !qUsed[i] {
			ns.qFree = append(ns.qFree, i)
			qFreeW += s.freeWeight(q[i].w, q[i].particle, len(q[i].text))
		}
	}
	qFreeSub, lFreeSub := 0.0, 0.0
	for i := range q {
		if !qUsed[i] && !q[i].particle && len(q[i].text) > 1 {
			qFreeSub += s.freeWeight(q[i].w, false, len(q[i].text))
		}
	}
	for j := range lt {
		if !lt[j].particle && len(lt[j].text) > 1 {
			lSub++
		}
		if !lUsed[j] {
			ns.lFree = append(ns.lFree, j)
			lFreeW += lt[j].w
			if !lt[j].particle && len(lt[j].text) > 1 {
				lFreeSub += lt[j].w
			}
		}
	}
	denom += queryExtra*qFreeW + listExtra*lFreeW
	if qFreeSub > 0 && lFreeSub > 0 {
		denom += conflictExtra * math.Min(qFreeSub, lFreeSub)
	}
	s.chosenBuf = ns.pairs[:0]
	if denom <= 0 || matched <= 0 {
		return ns
	}
	score := matched / denom
	// At least two name parts must meet (one when either side has only
	// one): a shared surname or a shared common given name is no hit.
	if subst < min(2, qSub, lSub) || subst == 0 {
		score *= 0.6
	}
	if weak {
		score *= weakNameCap
	}
	ns.score = math.Min(1, score)
	ns.spec = spec
	ns.complete = len(ns.qFree) == 0 && len(ns.lFree) == 0 && initials == 0
	ns.listToks = lt
	return ns
}

// specificity scales a name score by how identifying the agreeing evidence
// is: ln(expected chance coincidences in the list) = ln N − Σ idf of the
// matched name parts − the information in an agreeing date of birth,
// place of birth or nationality. Names made only of common parts
// (MOHAMMED ALI, JOSE GARCIA) with nothing else agreeing fall below a hit;
// the same names with the listed date of birth do not.
//
// A name matched completely (every part on both sides) is penalised less:
// it is the listed name, however common, and an officer must look at it.
func (s *session) specificity(spec float64, complete bool) float64 {
	lnE := s.m.ix.logN - spec
	if lnE <= 0 {
		return 1
	}
	c := specificityCap
	if complete {
		c = specificityCapComplete
	}
	return 1 - c*math.Min(1, lnE/math.Log(10))
}

const (
	specificityCap         = 0.25
	specificityCapComplete = 0.1
)

// freeWeight is what an unmatched query token costs: its weight, but not
// less than a floor for substantive tokens. A traveler's name part the
// list name lacks is evidence of another person even when the part is
// common on this list (Korean syllables on a list full of DPRK officials).
func (s *session) freeWeight(w float64, particle bool, n int) float64 {
	if particle || n == 1 {
		return w
	}
	return math.Max(w, s.m.ix.logN/3)
}

// gluable is a cheap test before comparing a glued pair of tokens with a
// single token: same first letter, lengths within one, no initials.
func gluable(a, b, single string) bool {
	if len(a) < 2 || len(b) < 2 || single == "" {
		return false // an initial is not half of a compound
	}
	d := len(a) + len(b) - len(single)
	return d >= -1 && d <= 1 && a[0] == single[0]
}

// pairWeight weighs an aligned pair by the rarer-side information, except
// that an initial carries at most what one letter can.
func pairWeight(wq, wl float64, q, l string) float64 {
	if len(q) == 1 || len(l) == 1 {
		return math.Min(math.Min(wq, wl), math.Log(26))
	}
	return (wq + wl) / 2
}

// score scores entry e and builds its hit (without the entry's display
// fields, which fill adds for hits only).
func (s *session) score(e int, ev evidence, threshold float64) (Hit, bool) {
	rec, ok := s.m.ix.decodeEntryInto(e, s.rec)
	s.rec = rec
	if !ok {
		return Hit{}, false
	}
	best := nameScore{name: -1}
	for ni, nm := range rec.names {
		if len(nm.toks) == 0 || !s.touches(nm.toks) {
			continue
		}
		lt := s.ltBuf[:0]
		for _, o := range nm.toks {
			lt = append(lt, s.listTok(o))
		}
		s.ltBuf = lt
		ns := s.scoreName(lt, nm.kind == kindWeak)
		ns.name = ni
		if ns.score > best.score {
			// The best name keeps its own copies: the buffers are reused.
			ns.listToks = append([]*ltok(nil), ns.listToks...)
			ns.pairs = append([]pair(nil), ns.pairs...)
			best = ns
		}
	}
	if best.name < 0 || best.score < nameFloor {
		return Hit{}, false
	}
	h := Hit{Entry: e}
	if len(ev.pob) > 0 {
		if ent := s.m.entry(e); ent != nil {
			for _, p := range ent.POBs {
				if n := names.Normalize(p); n != "" {
					rec.pobs = append(rec.pobs, n)
				}
			}
		}
	}
	adj, info, reasons := ev.apply(rec)
	h.Score = best.score*s.specificity(best.spec+info, best.complete) + adj
	h.Score = math.Max(0, math.Min(1, h.Score))
	h.Score = math.Round(h.Score*1000) / 1000
	if h.Score < threshold {
		return Hit{}, false
	}
	// Reasons are written for hits only.
	h.Reasons = append(s.nameReasons(best), reasons...)
	h.Level = LevelPossible
	if h.Score >= StrongThreshold && strongEvidence(h.Reasons, s.cleanName(best)) {
		h.Level = LevelStrong
	}
	h.nameIdx = best.name
	return h, true
}

// strongEvidence reports whether a hit's reasons may make it "strong"
// (an officer refers the traveler) rather than "possible" (an officer
// looks): never when the date of birth disagrees — a namesake must first
// be ruled out — and, when no date of birth agrees, only if every name
// part met exactly or as a spelling variant of itself, with none missing
// on either side. A fuzzy name (a typo, a sound-alike, an initial, a
// dropped part) with nothing else behind it is a reason to look, not to
// refer.
func strongEvidence(reasons []Reason, cleanName bool) bool {
	dobAgrees := false
	for _, r := range reasons {
		switch {
		case r.Kind == "dob" && r.How == "conflict":
			return false
		case r.Kind == "dob" && (r.How == "agree" || r.How == "partial"):
			dobAgrees = true
		}
	}
	return dobAgrees || cleanName
}

// cleanName reports whether every name part met exactly or as a spelling
// variant, and no part is missing on either side (particles aside: AL,
// BIN, DE… may be dropped by either).
func (s *session) cleanName(ns nameScore) bool {
	for _, p := range ns.pairs {
		if p.how != "exact" && p.how != "variant" {
			return false
		}
	}
	for _, i := range ns.qFree {
		if !s.q[i].particle {
			return false
		}
	}
	for _, j := range ns.lFree {
		if !ns.listToks[j].particle {
			return false
		}
	}
	return true
}

// touches reports whether a list name has a token some query token
// matched, or an initial; other names cannot reach the name floor.
func (s *session) touches(toks []uint32) bool {
	for _, o := range toks {
		if s.hit[o] {
			return true
		}
	}
	return false
}

// nameFloor is the name score below which no other evidence can make a
// hit: a matching date of birth does not make a different name the same.
const nameFloor = 0.6

var howWords = map[string]string{
	"exact":    "is the same as",
	"variant":  "is a spelling variant of",
	"typo":     "is a likely misspelling of",
	"phonetic": "sounds like",
	"initial":  "is the initial of",
	"partial":  "is the start of (truncated)",
}

func (s *session) nameReasons(ns nameScore) []Reason {
	var out []Reason
	for _, p := range ns.pairs {
		qs := make([]string, p.qn)
		for k := range qs {
			qs[k] = s.q[p.qi+k].text
		}
		ls := make([]string, p.ln)
		for k := range ls {
			ls[k] = ns.listToks[p.lj+k].text
		}
		qj, lj := strings.Join(qs, " "), strings.Join(ls, " ")
		how := p.how
		if (p.qn > 1 || p.ln > 1) && how == "exact" {
			how = "variant"
		}
		out = append(out, Reason{Kind: "name", Query: qj, List: lj, How: how,
			Detail: fmt.Sprintf("%s in the query %s %s on the list", qj, howWords[p.how], lj)})
	}
	for _, i := range ns.qFree {
		out = append(out, Reason{Kind: "name", Query: s.q[i].text, How: "missing",
			Detail: fmt.Sprintf("%s in the query is not in the list name", s.q[i].text)})
	}
	for _, j := range ns.lFree {
		out = append(out, Reason{Kind: "name", List: ns.listToks[j].text, How: "missing",
			Detail: fmt.Sprintf("%s on the list is not in the query", ns.listToks[j].text)})
	}
	return out
}

// fill adds the entry's display fields to a hit.
func (m *Matcher) fill(h *Hit) {
	e := m.entry(h.Entry)
	if e == nil {
		return
	}
	h.ID, h.Category, h.Action = e.ID, e.Category, e.Action
	if len(e.Names) > 0 {
		h.PrimaryName = e.Names[0].Full
	}
	if ni := h.nameIdx; ni >= 0 && ni < len(e.Names) {
		h.Name = e.Names[ni].Full
	}
	var dobs []string
	for _, d := range e.DOBs {
		t := d.Date
		if d.To != "" {
			t += " to " + d.To
		}
		if d.Circa {
			t = "circa " + t
		}
		dobs = append(dobs, t)
	}
	h.DOB = strings.Join(dobs, "; ")
	h.POB = strings.Join(e.POBs, "; ")
	h.Nationality = strings.Join(e.Nationalities, "; ")
}

// natCode resolves a nationality given as a code or an English name to an
// ISO alpha-3 code ("" when unknown).
func natCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	up := strings.ToUpper(strings.TrimRight(s, "<"))
	if len(up) <= 3 {
		if c, ok := countries.Lookup(up); ok {
			if c.Alpha3 != "" {
				return c.Alpha3
			}
			return c.Code
		}
	}
	if c, ok := countries.ByName(s); ok {
		if c.Alpha3 != "" {
			return c.Alpha3
		}
		return c.Code
	}
	return ""
}

// evidence is the non-name part of a query.
type evidence struct {
	dobs    []dateSpan // alternatives (an MRZ YYMMDD has two centuries)
	dobText string
	nat     string
	natText string
	pob     []string
	pobText string
}

func parseEvidence(q Query) evidence {
	ev := evidence{dobText: strings.TrimSpace(q.DOB), natText: strings.TrimSpace(q.Nationality), pobText: strings.TrimSpace(q.POB)}
	ev.dobs = parseQueryDOB(ev.dobText)
	ev.nat = natCode(ev.natText)
	for _, t := range names.Tokenize(ev.pobText) {
		if !t.Particle && len(t.Text) > 1 {
			ev.pob = append(ev.pob, t.Text)
		}
	}
	return ev
}

// parseQueryDOB reads YYYY-MM-DD, YYYY-MM, YYYY or MRZ YYMMDD (both
// centuries; an MRZ does not say which).
func parseQueryDOB(s string) []dateSpan {
	if s == "" {
		return nil
	}
	if len(s) == 6 && digits(s) {
		var out []dateSpan
		for _, c := range []string{"19", "20"} {
			if d, ok := parsePartial(c + s[:2] + "-" + s[2:4] + "-" + s[4:]); ok {
				out = append(out, d)
			}
		}
		return out
	}
	if d, ok := parsePartial(s); ok {
		return []dateSpan{d}
	}
	return nil
}

// DOB score adjustments.
const (
	dobExact  = 0.06
	dobWithin = 0.03
	dobNear   = 0.015
	// A date of birth that disagrees is evidence of another person: a
	// traveler who shares a listed name but not its date must not be
	// referred on the name alone. Full dates in the same year, or a year
	// apart, can still be a clerical slip and leave an exact name a
	// "possible" hit; two years or more drop it below the threshold.
	dobSameYear     = -0.10
	dobYearOff1     = -0.12
	dobConflictNear = -0.28 // two to four years: a wrong year, or a wrong person
	dobConflict     = -0.35 // five years or more: another person
	// maxEvidence is the most date, place and nationality can add.
	maxEvidence  = dobExact + natAgree + pobAgree
	natAgree     = 0.03
	natConflict  = -0.04
	pobAgree     = 0.02
	pobDisagree  = -0.01
	circaWidenDy = 2 * 366
)

// Information (nats) an agreeing piece of evidence adds to a name: a full
// date of birth is one day in some 40 years of birth dates, a year one in
// 40, a month-year one in 480; a nationality or birthplace shared with
// the list is worth a few nats (lists concentrate on a few countries).
var (
	infoDay   = math.Log(40 * 365)
	infoMonth = math.Log(40 * 12)
	infoYear  = math.Log(40)
	infoNear  = math.Log(40 * 365 / 10)
	natInfo   = math.Log(8)
	pobInfo   = math.Log(10)
)

// apply weighs the query's date, place of birth and nationality against
// the entry's: the best agreement among the entry's dates counts.
func (ev evidence) apply(rec entryRec) (adj, info float64, out []Reason) {
	if len(ev.dobs) > 0 && len(rec.dobs) > 0 {
		bestAdj, bestInfo, bestR := math.Inf(-1), 0.0, Reason{}
		for _, q := range ev.dobs {
			for _, l := range rec.dobs {
				a, i, r := compareDOB(q, l)
				if a > bestAdj {
					bestAdj, bestInfo, bestR = a, i, r
				}
			}
		}
		bestR.Kind, bestR.Query = "dob", ev.dobText
		adj += bestAdj
		info += bestInfo
		out = append(out, bestR)
	}
	if ev.nat != "" && len(rec.nats) > 0 {
		agree := false
		for _, n := range rec.nats {
			if natCode(n) == ev.nat || n == ev.nat {
				agree = true
			}
		}
		if agree {
			adj += natAgree
			info += natInfo
			out = append(out, Reason{Kind: "nationality", How: "agree", Query: ev.natText, List: strings.Join(rec.nats, ", "),
				Detail: fmt.Sprintf("nationality %s is one the list gives", ev.nat)})
		} else {
			adj += natConflict
			out = append(out, Reason{Kind: "nationality", How: "conflict", Query: ev.natText, List: strings.Join(rec.nats, ", "),
				Detail: fmt.Sprintf("nationality %s is not among the list's (%s)", ev.nat, strings.Join(rec.nats, ", "))})
		}
	}
	if len(ev.pob) > 0 && len(rec.pobs) > 0 {
		agree := ""
		for _, p := range rec.pobs {
			for _, lt := range strings.Fields(p) {
				for _, qt := range ev.pob {
					if qt == lt || (min(len(qt), len(lt)) >= 5 && names.EditDistance(qt, lt, 1) <= 1) || names.SpellKey(qt) == names.SpellKey(lt) {
						agree = lt
					}
				}
			}
		}
		if agree != "" {
			adj += pobAgree
			info += pobInfo
			out = append(out, Reason{Kind: "pob", How: "agree", Query: ev.pobText, List: strings.Join(rec.pobs, "; "),
				Detail: fmt.Sprintf("place of birth shares %s with the list", agree)})
		} else {
			adj += pobDisagree
			out = append(out, Reason{Kind: "pob", How: "conflict", Query: ev.pobText, List: strings.Join(rec.pobs, "; "),
				Detail: "place of birth differs from the list's"})
		}
	}
	return adj, info, out
}

func fmtSpan(d dateSpan) string {
	y, m, dd := dayDate(d.lo)
	var s string
	switch d.flags & dobPrec {
	case dobYear:
		s = fmt.Sprintf("%04d", y)
	case dobMonth:
		s = fmt.Sprintf("%04d-%02d", y, m)
	default:
		s = fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
	}
	if d.flags&dobRange != 0 {
		y2, m2, d2 := dayDate(d.hi)
		s += fmt.Sprintf(" to %04d-%02d-%02d", y2, m2, d2)
	}
	if d.flags&dobCirca != 0 {
		s = "circa " + s
	}
	return s
}

// compareDOB weighs a query date against one list date.
func compareDOB(q, l dateSpan) (float64, float64, Reason) {
	ls := fmtSpan(l)
	r := Reason{List: ls}
	lo, hi := l.lo, l.hi
	circa := l.flags&dobCirca != 0
	if circa {
		lo, hi = lo-circaWidenDy, hi+circaWidenDy
	}
	qy, qm, qd := dayDate(q.lo)
	ly, lm, ld := dayDate(l.lo)
	qp, lp := q.flags&dobPrec, l.flags&dobPrec
	if qp == dobDay && lp == dobDay && l.flags&dobRange == 0 {
		switch {
		case q.lo == l.lo:
			r.How, r.Detail = "agree", "date of birth is the same as the list's "+ls
			return dobExact, infoDay, r
		case qy == ly && qm == ld && qd == lm:
			r.How, r.Detail = "partial", "date of birth has day and month swapped against the list's "+ls
			return dobNear, infoNear, r
		case abs(q.lo-l.lo) == 1 || (qy == ly && oneDigit(qm*100+qd, lm*100+ld)):
			r.How, r.Detail = "partial", "date of birth is one day or one digit off the list's "+ls
			return dobNear, infoNear, r
		case circa && q.lo >= lo && q.lo <= hi:
			r.How, r.Detail = "agree", "date of birth is within the list's approximate date "+ls
			return dobWithin, infoYear, r
		case qy == ly:
			r.How, r.Detail = "conflict", "date of birth has the list's year but not its day and month ("+ls+")"
			return dobSameYear, 0, r
		}
	} else if q.hi >= lo && q.lo <= hi {
		r.How = "agree"
		r.Detail = "date of birth is consistent with the list's " + ls
		switch {
		case lp == dobDay && qp == dobDay && l.flags&dobRange != 0:
			return dobWithin, infoYear, r
		case (lp == dobMonth && qp >= dobMonth) || (qp == dobMonth && lp >= dobMonth):
			return dobWithin + 0.01, infoMonth, r
		case l.flags&(dobRange|dobCirca) != 0:
			return dobWithin, infoYear / 2, r
		}
		return dobWithin, infoYear, r
	}
	// Disjoint: how far apart in years?
	gap := q.lo - hi
	if lo-q.hi > gap {
		gap = lo - q.hi
	}
	if gap <= 366 {
		r.How, r.Detail = "conflict", "date of birth is about a year off the list's "+ls
		return dobYearOff1, 0, r
	}
	years := (gap + 182) / 365
	r.How, r.Detail = "conflict", fmt.Sprintf("date of birth is %d years off the list's %s", years, ls)
	if years < 5 {
		return dobConflictNear, 0, r
	}
	return dobConflict, 0, r
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// oneDigit reports whether two numbers differ in exactly one decimal digit.
func oneDigit(a, b int) bool {
	diff := 0
	for a > 0 || b > 0 {
		if a%10 != b%10 {
			diff++
		}
		a, b = a/10, b/10
	}
	return diff == 1
}
