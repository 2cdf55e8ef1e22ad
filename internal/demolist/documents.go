package demolist

import (
	"fmt"
	"hash/fnv"

	"lookout/internal/bundle"
)

// Document lookout sources: the national passport office's own feed for
// Mexican documents, an SLTD-style international feed for the rest.
const (
	SourceNational      = "demo:sre"
	SourceInternational = "demo:sltd"
)

// docIssuers weighs the issuing states of lost and stolen documents, shaped
// like what a Mexican border post would hold: its own documents, then its
// neighbours' and the main travel partners'.
var docIssuers = []struct {
	state string
	w     int
}{
	{"MEX", 300}, {"USA", 120}, {"GTM", 50}, {"HND", 40}, {"SLV", 30}, {"COL", 55}, {"VEN", 40}, {"CUB", 15},
	{"ESP", 40}, {"GBR", 40}, {"CAN", 35}, {"DEU", 30}, {"FRA", 30}, {"CHN", 35}, {"IND", 30}, {"BRA", 25},
	{"ARG", 15}, {"PER", 15}, {"ECU", 15}, {"DOM", 12}, {"NIC", 8}, {"ITA", 12}, {"NLD", 6}, {"RUS", 12},
	{"UKR", 10}, {"TUR", 10}, {"IRN", 6}, {"IRQ", 6}, {"SYR", 6}, {"NGA", 10}, {"GHA", 4}, {"PAK", 8},
	{"BGD", 4}, {"VNM", 6}, {"PRT", 6}, {"EGY", 5}, {"MAR", 6}, {"DZA", 4}, {"AUS", 6}, {"IRL", 3}, {"CHE", 3},
	{"AUT", 3}, {"POL", 4}, {"BEL", 3}, {"KEN", 3}, {"JAM", 3}, {"SAU", 3}, {"LBN", 3}, {"AFG", 3}, {"PHL", 8}, {"KOR", 5}, {"SOM", 2},
}

// documents draws n individual lost, stolen and revoked documents, then
// appends the stolen-blank and fraud series.
func documents(seed uint64, n int) []bundle.DocLookout {
	r := newRNG(seed, streamDocuments)
	w := make([]int, len(docIssuers))
	for i, d := range docIssuers {
		w[i] = d.w
	}
	wi := newWeighted(w)
	out := make([]bundle.DocLookout, 0, n+300)
	seen := make(map[uint64]struct{}, n)
	h := fnv.New64a()
	for len(out) < n {
		st := docIssuers[wi.draw(r)].state
		typ := "P"
		pat := issuerPattern(r, st)
		if is := issuers[st]; len(is.ids) > 0 && r.pct(25) {
			typ = "I"
			pat = pick(r, is.ids)
		}
		num := fillPattern(r, pat)
		h.Reset()
		h.Write([]byte(st))
		h.Write([]byte{0})
		h.Write([]byte(num))
		k := h.Sum64()
		if _, dup := seen[k]; dup {
			continue
		}
		seen[k] = struct{}{}
		reason := bundle.ReasonLost
		switch x := r.intn(100); {
		case x < 22:
			reason = bundle.ReasonStolen
		case x < 31:
			reason = bundle.ReasonRevoked
		}
		src := SourceInternational
		if st == "MEX" {
			src = SourceNational
		}
		out = append(out, bundle.DocLookout{State: st, Type: typ, Number: num, Reason: reason, Source: src})
	}
	return append(out, series(seed)...)
}

// knownSeries are the large series: blank books stolen before issue (the
// Syrian case: 18,002 blanks, serials held by the German authorities) and
// series an issuer no longer honours (Iraq's S series, 2003–06, "large
// numbers … stolen and forged"). The numbers are the demo's own.
var knownSeries = []bundle.DocLookout{
	{State: "SYR", Type: "P", Number: "N08800001", End: "N08807500", Reason: bundle.ReasonStolenBlank},
	{State: "SYR", Type: "P", Number: "N09100001", End: "N09106000", Reason: bundle.ReasonStolenBlank},
	{State: "SYR", Type: "P", Number: "N10200001", End: "N10204000", Reason: bundle.ReasonStolenBlank},
	{State: "SYR", Type: "P", Number: "N10350001", End: "N10350502", Reason: bundle.ReasonStolenBlank},
	{State: "IRQ", Type: "P", Number: "S0000000", End: "S9999999", Reason: bundle.ReasonFraudSeries},
	{State: "MEX", Type: "P", Number: "G15300001", End: "G15300500", Reason: bundle.ReasonStolenBlank},
	{State: "MEX", Type: "P", Number: "N04711001", End: "N04712000", Reason: bundle.ReasonStolenBlank},
	{State: "GTM", Type: "P", Number: "200012001", End: "200014000", Reason: bundle.ReasonStolenBlank},
	{State: "HND", Type: "P", Number: "E0090001", End: "E0091500", Reason: bundle.ReasonStolenBlank},
	{State: "VEN", Type: "P", Number: "125000001", End: "125005000", Reason: bundle.ReasonStolenBlank},
	{State: "ESP", Type: "P", Number: "XDA000001", End: "XDA009999", Reason: bundle.ReasonFraudSeries},
	{State: "CAN", Type: "P", Number: "GA000001", End: "GA000250", Reason: bundle.ReasonStolenBlank},
	{State: "FRA", Type: "P", Number: "21AA00001", End: "21AA01000", Reason: bundle.ReasonStolenBlank},
	{State: "LBY", Type: "P", Number: "AB000001", End: "AB020000", Reason: bundle.ReasonStolenBlank},
}

// seriesStates are the issuers of the smaller stolen-blank batches
// (consulate and printer thefts) generated on top of knownSeries.
var seriesStates = []string{"MEX", "GTM", "HND", "SLV", "COL", "VEN", "ECU", "PER", "DOM", "NGA", "GHA", "PAK", "IND", "BRA", "USA", "GBR"}

func series(seed uint64) []bundle.DocLookout {
	out := make([]bundle.DocLookout, 0, len(knownSeries)+200)
	for _, s := range knownSeries {
		s.Source = SourceInternational
		if s.State == "MEX" {
			s.Source = SourceNational
		}
		out = append(out, s)
	}
	r := newRNG(seed, streamSeries)
	for len(out) < len(knownSeries)+200 {
		st := pick(r, seriesStates)
		num := fillPattern(r, issuerPattern(r, st))
		// Batches of 25 to 2,000 books: the last four digits run from a
		// round start.
		tail := 4
		if len(num) < tail+1 || !isDigits(num[len(num)-tail:]) {
			continue
		}
		size := 25 * (1 + r.intn(80))
		start := 1 + r.intn(10000-size-1)
		prefix := num[:len(num)-tail]
		d := bundle.DocLookout{
			State:  st,
			Type:   "P",
			Number: prefix + fmt.Sprintf("%04d", start),
			End:    prefix + fmt.Sprintf("%04d", start+size-1),
			Reason: bundle.ReasonStolenBlank,
			Source: SourceInternational,
		}
		if st == "MEX" {
			d.Source = SourceNational
		}
		out = append(out, d)
	}
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
