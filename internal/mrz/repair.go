package mrz

import (
	"strings"

	"lookout/internal/countries"
)

// OCR repair.
//
// A character its field forbids (a letter in a date, a digit in a name) is
// usually a misread look-alike. A repair replaces it with the look-alike
// the field allows, and is applied only when
//   - a check digit covers the position,
//   - the check digit fails as read and passes with the repair, and
//   - no other combination of look-alikes for that check's forbidden
//     characters also passes.
// Swaps between characters equal modulo 10 (G/6, U/0, L/1, K/<…) never
// change a check digit, so a passing digit proves nothing about them: they
// are offered as suggestions, never applied. Everything else that cannot
// be confirmed is a suggestion too. Characters their field allows are never
// changed; when a check digit fails over such a field, single look-alike
// swaps that would make it pass are suggested.

// digitFor maps letters to the digits OCR engines commonly mistake them for.
var digitFor = map[byte]byte{
	'O': '0', 'Q': '0', 'D': '0', 'U': '0', 'I': '1', 'L': '1', 'Z': '2',
	'A': '4', 'S': '5', 'G': '6', 'T': '7', 'B': '8',
}

// letterFor maps digits to the letters OCR engines commonly mistake them for.
var letterFor = map[byte]byte{
	'0': 'O', '1': 'I', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '7': 'T', '8': 'B',
}

// candidates lists the look-alikes of the character at (i, k) that its
// field allows.
func (p *parser) candidates(i, k int) []byte {
	b, c := p.lines[i][k], p.cls[i][k]
	if b == invalidByte {
		switch p.orig[[2]int{i, k}] {
		case '«', '‹', '≤', '〈', '＜':
			if c.allows('<') {
				return []byte{'<'}
			}
		}
		return nil
	}
	var out []byte
	if d, ok := digitFor[b]; ok && c.allows(d) {
		out = append(out, d)
	}
	if l, ok := letterFor[b]; ok && c.allows(l) {
		out = append(out, l)
	}
	return out
}

// anyViolation reports whether any character of the zone is one its field
// forbids.
func (p *parser) anyViolation() bool {
	for i, l := range p.lines {
		for k := range l {
			if p.violation(i, k) {
				return true
			}
		}
	}
	return false
}

// coversViolation reports whether a check digit, or any character it
// covers, is a character its field forbids.
func (p *parser) coversViolation(c *check) bool {
	if p.violation(c.line, c.pos) {
		return true
	}
	for _, s := range c.data {
		for k := s.start; k < s.end; k++ {
			if p.violation(s.line, k) {
				return true
			}
		}
	}
	return false
}

type spot struct {
	line, pos int
	from      byte
	cands     []byte
}

// maxCombos bounds the look-alike combinations tried for one check digit.
const maxCombos = 256

func (p *parser) repair() {
	if !p.anyViolation() {
		// The common case: nothing to repair, only swaps to suggest.
		p.suggestSwaps()
		p.suggestFillerK()
		p.suggestCheckDigit()
		return
	}
	handled := map[[2]int]bool{}
	for _, c := range p.checks {
		var spots []spot
		combos := 1
		for j := 0; j <= len(c.data); j++ {
			s := segment{c.line, c.pos, c.pos + 1} // the digit itself, last
			if j < len(c.data) {
				s = c.data[j]
			}
			for k := s.start; k < s.end; k++ {
				key := [2]int{s.line, k}
				if handled[key] || !p.violation(s.line, k) {
					continue
				}
				handled[key] = true
				spots = append(spots, spot{s.line, k, p.lines[s.line][k], p.candidates(s.line, k)})
				combos *= max(1, len(spots[len(spots)-1].cands))
			}
		}
		if len(spots) == 0 {
			continue
		}
		if combos > maxCombos {
			p.suggestAll(spots, "too_many", "too many characters are in doubt to test every repair")
			continue
		}
		p.repairSpots(c, spots)
	}
	// Forbidden characters no check digit covers: suggestions only.
	for i, l := range p.lines {
		for k := range l {
			if handled[[2]int{i, k}] || !p.violation(i, k) {
				continue
			}
			if cands := p.candidates(i, k); len(cands) > 0 {
				reason := "no check digit covers the " + fieldWords(p.fieldAt(i, k)) + ", so the repair cannot be confirmed"
				if f := p.field[i][k]; f == idOf("issuing_state") || f == idOf("nationality") {
					// Say whether the repaired code would be a known one.
					start := k
					for start > 0 && p.field[i][start-1] == f {
						start--
					}
					code := []byte(string(l[start : start+3]))
					code[k-start] = cands[0]
					if _, ok := countries.Lookup(string(code)); ok {
						reason += " (" + strings.TrimRight(string(code), "<") + " is a known code)"
					}
				}
				p.suggestAll([]spot{{i, k, l[k], cands}}, "no_check", reason)
			}
		}
	}
	p.suggestSwaps()
	p.suggestFillerK()
	p.suggestCheckDigit()
}

// digitLookAlikes are digit pairs OCR engines confuse.
var digitLookAlikes = map[[2]byte]bool{
	{'0', '8'}: true, {'8', '0'}: true, {'1', '7'}: true, {'7', '1'}: true,
	{'3', '8'}: true, {'8', '3'}: true, {'5', '6'}: true, {'6', '5'}: true,
	{'6', '8'}: true, {'8', '6'}: true, {'8', '9'}: true, {'9', '8'}: true,
}

// suggestCheckDigit looks at field check digits that fail where the digit
// the data give looks like the digit printed (an 8 read for a 3): the
// printed digit may be the misread character. A digit is allowed where it
// stands, so this is only a suggestion; it says whether the composite check
// digit, which covers the field's check digit, agrees.
func (p *parser) suggestCheckDigit() {
	for _, c := range p.checks {
		if c.name == "composite" {
			continue
		}
		st, expected, _ := p.evaluate(c)
		printed := p.lines[c.line][c.pos]
		if st != "refuted" || !digitLookAlikes[[2]byte{printed, expected}] {
			continue
		}
		reason := "the data give " + string(expected) + " for the " + c.label + " check digit, and " + string(printed) + " and " + string(expected) + " look alike"
		for _, comp := range p.checks {
			if comp.name != "composite" || !comp.covers(c.line, c.pos) {
				continue
			}
			before, _, _ := p.evaluate(comp)
			p.lines[c.line][c.pos] = expected
			after, _, _ := p.evaluate(comp)
			p.lines[c.line][c.pos] = printed
			if before == "refuted" && after == "verified" {
				reason += "; the composite check digit agrees"
			}
		}
		p.suggest(spot{c.line, c.pos, printed, nil}, expected, "digit_lookalike", reason)
	}
}

// covers reports whether a check digit's data include position (i, k).
func (c *check) covers(i, k int) bool {
	for _, s := range c.data {
		if s.line == i && k >= s.start && k < s.end {
			return true
		}
	}
	return false
}

// suggestFillerK flags a K standing alone in a run of fillers in a name or
// optional-data field: OCR engines often read '<' as K, and since K and <
// are equal modulo 10 no check digit can notice. A lone K after a double
// filler is almost never part of a name; it is suggested, never applied.
func (p *parser) suggestFillerK() {
	for i, l := range p.lines {
		for k := 2; k < len(l); k++ {
			id := p.field[i][k]
			name := fieldNames[id]
			if l[k] != 'K' || l[k-1] != '<' || l[k-2] != '<' || p.field[i][k-2] != id {
				continue
			}
			if k+1 < len(l) && p.field[i][k+1] == id && l[k+1] != '<' {
				continue
			}
			start := k
			for start > 0 && p.field[i][start-1] == id {
				start--
			}
			prefix := string(l[start : k-2])
			switch name {
			case "name":
				// Only after the secondary identifiers: "SMITH<<K" is a
				// given name K.
				sep := strings.Index(prefix, "<<")
				if sep < 0 || strings.Trim(prefix[sep+2:], "<") == "" {
					continue
				}
			case "surname", "given_names":
				if strings.Trim(prefix, "<") == "" {
					continue
				}
			}
			switch name {
			case "name", "surname", "given_names", "optional_data", "optional_data_1", "optional_data_2":
				p.suggest(spot{i, k, 'K', nil}, '<', "filler_k", "a lone K among fillers is usually a misread filler, and no check digit can tell K from <")
			}
		}
	}
}

// repairSpots tries every combination of look-alikes for the forbidden
// characters under one check digit.
func (p *parser) repairSpots(c *check, spots []spot) {
	for _, s := range spots {
		if len(s.cands) == 0 {
			// A forbidden character with no look-alike: nothing to try, and
			// the check cannot be repaired.
			p.suggestAll(spots, "unrepairable", "another character under the "+c.label+" check digit cannot be repaired")
			return
		}
	}
	before := p.states()
	asRead, _, _ := p.evaluate(c)
	var passing [][]byte
	choice := make([]byte, len(spots))
	var walk func(n int)
	walk = func(n int) {
		if n == len(spots) {
			for j, s := range spots {
				p.lines[s.line][s.pos] = choice[j]
			}
			if st, _, _ := p.evaluate(c); st != "refuted" {
				passing = append(passing, append([]byte(nil), choice...))
			}
			return
		}
		for _, b := range spots[n].cands {
			choice[n] = b
			walk(n + 1)
		}
	}
	walk(0)
	restore := func() {
		for _, s := range spots {
			p.lines[s.line][s.pos] = s.from
		}
	}
	restore()
	switch {
	case asRead != "refuted":
		p.suggestAll(spots, "passes_as_read", "the "+c.label+" check digit passes as read, so it cannot tell which is right")
		return
	case len(passing) == 0:
		p.suggestAll(spots, "none_passes", "no look-alike makes the "+c.label+" check digit pass")
		return
	case len(passing) > 1:
		p.suggestAll(spots, "ambiguous", "several repairs would make the "+c.label+" check digit pass")
		return
	}
	win := passing[0]
	// A repair must not break a check digit that passed as read, unless
	// that pass is itself suspect: a check over forbidden characters can
	// pass by accident, errors cancelling out.
	for j, s := range spots {
		p.lines[s.line][s.pos] = win[j]
	}
	after := p.states()
	restore()
	for k, other := range p.checks {
		if before[k] != "refuted" && after[k] == "refuted" && !p.coversViolation(other) {
			p.suggestAll(spots, "breaks_other", "the repair the "+c.label+" check digit asks for breaks the "+other.label+" check digit")
			return
		}
	}
	for j, s := range spots {
		to := win[j]
		blind := Indistinguishable(s.from, to) && !(s.line == c.line && s.pos == c.pos)
		if blind {
			p.suggest(s, to, "blind_spot", "no check digit can tell "+string(s.from)+" from "+string(to)+", so the "+c.label+" check digit does not prove it")
			continue
		}
		if p.opts.NoRepair {
			p.suggest(s, to, "repair_off", "the "+c.label+" check digit confirms it, but repair is turned off")
			continue
		}
		p.lines[s.line][s.pos] = to
		p.add(CodeOCRRepaired, p.fieldAt(s.line, s.pos), s.line+1, s.pos, s.pos+1, Params{"line": itoa(s.line + 1), "pos": itoa(s.pos + 1), "from": p.shown(s), "to": string(to), "check": c.label, "check_name": c.name})
	}
}

func (p *parser) states() []string {
	out := make([]string, len(p.checks))
	for k, c := range p.checks {
		out[k], _, _ = p.evaluate(c)
	}
	return out
}

func (p *parser) shown(s spot) string {
	if s.from == invalidByte {
		return quoteRune(p.orig[[2]int{s.line, s.pos}])
	}
	return string(s.from)
}

// suggest reports a repair that was not applied. code is a stable reason
// code (reason_code in the params, listed in docs/mrz.md) for translations;
// reason is its English text.
func (p *parser) suggest(s spot, to byte, code, reason string) {
	// One suggestion per character and look-alike, from the first check
	// digit that gave a reason for it.
	for _, f := range p.doc.Findings {
		if f.Code == CodeOCRSuggestion && f.Line == s.line+1 && f.Start == s.pos && f.Params["to"] == string(to) {
			return
		}
	}
	p.add(CodeOCRSuggestion, p.fieldAt(s.line, s.pos), s.line+1, s.pos, s.pos+1, Params{"line": itoa(s.line + 1), "pos": itoa(s.pos + 1), "from": p.shown(s), "to": string(to), "reason": reason, "reason_code": code})
}

func (p *parser) suggestAll(spots []spot, code, reason string) {
	for _, s := range spots {
		for _, to := range s.cands {
			r := reason
			if Indistinguishable(s.from, to) {
				r += "; no check digit can tell " + string(s.from) + " from " + string(to)
			}
			p.suggest(s, to, code, r)
		}
	}
}

// suggestSwaps looks, under each check digit that still fails and covers no
// forbidden character, for single look-alike swaps that would make it pass
// (an O read for a 0 in a document number, say). The field allows both
// characters, so these are never applied.
func (p *parser) suggestSwaps() {
	for _, c := range p.checks {
		if st, _, _ := p.evaluate(c); st != "refuted" {
			continue
		}
		type hit struct {
			s  spot
			to byte
		}
		var hits []hit
		clean := true
		for _, seg := range c.data {
			for k := seg.start; k < seg.end; k++ {
				if p.violation(seg.line, k) {
					clean = false
				}
			}
		}
		if !clean {
			continue
		}
		before := p.states()
		for _, seg := range c.data {
			for k := seg.start; k < seg.end; k++ {
				from := p.lines[seg.line][k]
				for _, to := range []byte{digitFor[from], letterFor[from]} {
					if to == 0 || !p.cls[seg.line][k].allows(to) {
						continue
					}
					p.lines[seg.line][k] = to
					st, _, _ := p.evaluate(c)
					ok := st != "refuted"
					if ok {
						// The swap must not break another passing check.
						for j, s := range p.states() {
							if before[j] != "refuted" && s == "refuted" {
								ok = false
							}
						}
					}
					p.lines[seg.line][k] = from
					if ok {
						hits = append(hits, hit{spot{seg.line, k, from, nil}, to})
					}
				}
			}
		}
		// Only a single candidate is worth a person's attention: when
		// several swaps would pass, the printed check digit is as likely
		// to be the misread character.
		if len(hits) != 1 {
			continue
		}
		h := hits[0]
		p.suggest(h.s, h.to, "field_allows_both", "the "+c.label+" check digit would then pass; not applied because the "+fieldWords(p.fieldAt(h.s.line, h.s.pos))+" may hold either")
	}
}
