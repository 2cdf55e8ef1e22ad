package mrz

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxInput is the largest text Parse accepts, in bytes. One zone is at
// most 3×44 characters; the cap leaves room for stray whitespace while
// bounding the work done on hostile input.
const MaxInput = 4096

// ErrEmpty is returned by Parse for input with no characters other than
// whitespace.
var ErrEmpty = errors.New("mrz: empty input")

// class is what a position of the zone may hold.
type class uint8

const (
	clsAlnum   class = iota // A–Z, 0–9, <
	clsAlpha                // A–Z, <
	clsNum                  // 0–9
	clsNumFill              // 0–9, < (dates that may be partly unknown, check digits)
)

func (c class) allows(b byte) bool {
	return allowTable[c][b]
}

// allowTable answers class.allows by lookup: it is asked for every
// character of every zone.
var allowTable = func() (t [4][256]bool) {
	for c := range t {
		for b := range 256 {
			t[c][b] = class(c).allowsSlow(byte(b))
		}
	}
	return t
}()

func (c class) allowsSlow(b byte) bool {
	switch c {
	case clsAlpha:
		return b == '<' || (b >= 'A' && b <= 'Z')
	case clsNum:
		return b >= '0' && b <= '9'
	case clsNumFill:
		return b == '<' || (b >= '0' && b <= '9')
	}
	_, ok := charValue(b)
	return ok
}

func (c class) String() string {
	switch c {
	case clsAlpha:
		return "letters and < only"
	case clsNum:
		return "digits only"
	case clsNumFill:
		return "digits or < only"
	}
	return "letters, digits and <"
}

// invalidByte stands in the working lines for a character that is not an
// MRZ character; the original is kept in parser.orig for messages.
const invalidByte = 0

// check is one check digit of a layout.
type check struct {
	name     string    // CheckResult.Name and Finding.Field
	label    string    // words for messages
	data     []segment // characters the digit covers, in order
	line     int       // 0-based line of the digit
	pos      int       // 0-based position of the digit
	fillerOK bool      // '<' is legal when the data are all fillers
	// variant is the BEL/PRT long-number computation (filler included).
	variant []segment
	marker  segment // the '<' that announces a long number
	// buf holds data and variant without separate allocations.
	buf [6]segment
}

type parser struct {
	opts   Options
	now    time.Time
	doc    *Document
	format Format
	width  int
	lines  [][]byte
	orig   map[[2]int]rune
	cls    [][]class
	field  [][]fieldID
	checks []*check
	// checkBuf holds the checks of one layout (at most 5) in the parser's
	// own allocation.
	checkBuf [5]check
	// overflow is the part of a long TD1/TD2 document number printed in
	// the optional data (nil for ordinary numbers).
	overflow *segment
}

// Parse reads one machine readable zone of 2 or 3 lines. Spaces, tabs,
// carriage returns and other control characters around lines, and blank
// lines, are ignored. It returns an error only for input that is empty or
// longer than MaxInput; every other problem is a Finding on the returned Document, whose format is then the
// best guess from the line count, lengths and document code.
func Parse(text string, opts Options) (*Document, error) {
	if len(text) > MaxInput {
		return nil, fmt.Errorf("mrz: input is %d bytes, over the %d-byte limit for one zone", len(text), MaxInput)
	}
	raw := readLines(text)
	if len(raw) == 0 {
		return nil, ErrEmpty
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	p := &parser{opts: opts, now: now, doc: &Document{Lines: raw, Checks: []CheckResult{}, Findings: make([]Finding, 0, 8)}}
	p.run(raw)
	return p.doc, nil
}

// readLines splits text into lines, trims each and drops blank lines.
func readLines(text string) []string {
	var out []string
	for _, l := range splitLines(text) {
		if l = trimLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// splitLines splits at LF, CR LF and lone CR: keyboard-wedge readers end
// each line with the Enter key's CR.
func splitLines(text string) []string {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return strings.Split(text, "\n")
}

// trimLine removes white space (Unicode's, so no-break spaces pasted from a
// document go too), control characters and byte-order marks around a line:
// keyboard-wedge readers frame their output with STX/ETX or end lines with
// CR, editors add a BOM. Characters inside the line are kept and judged.
func trimLine(l string) string {
	return strings.TrimFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF'
	})
}

func (p *parser) add(code, field string, line, start, end int, params Params) {
	p.doc.Findings = append(p.doc.Findings, newFinding(code, field, line, start, end, params))
}

func (p *parser) run(raw []string) {
	runes := make([][]rune, len(raw))
	for i, l := range raw {
		runes[i] = []rune(l)
	}
	runes = p.unjoin(runes)
	p.detect(runes)
	p.load(runes)
	p.layout()
	p.repair()
	p.finishChecks()
	p.fields()
	p.doc.Format = p.format
	p.doc.Repaired = p.render()
	sortFindings(p.doc.Findings)
	p.doc.Valid = true
	for _, f := range p.doc.Findings {
		if f.Severity == SevError {
			p.doc.Valid = false
			break
		}
	}
}

// unjoin splits lines that hold several lines of a zone: some
// keyboard-wedge readers drop some or all line breaks. It applies when the
// characters add up to exactly one zone (90, 72 or 88) in fewer lines than
// the zone has, and every line is a whole number of lines of that width.
func (p *parser) unjoin(runes [][]rune) [][]rune {
	total := 0
	for _, r := range runes {
		total += len(r)
	}
	var n, w int
	switch total {
	case 90:
		n, w = 3, 30
	case 72:
		n, w = 2, 36
	case 88:
		n, w = 2, 44
	default:
		return runes
	}
	if len(runes) >= n {
		return runes
	}
	for _, r := range runes {
		if len(r)%w != 0 {
			return runes
		}
	}
	out := make([][]rune, 0, n)
	for _, r := range runes {
		for len(r) > 0 {
			out = append(out, r[:w])
			r = r[w:]
		}
	}
	p.add(CodeLinesJoined, "", 0, 0, 0, Params{"length": itoa(total), "count": itoa(n), "expected": itoa(w)})
	return out
}

// detect chooses the format from the line count, the line lengths and the
// document code, and reports a wrong shape.
func (p *parser) detect(runes [][]rune) {
	n := len(runes)
	defer func() {
		want := 2
		if p.format == TD1 {
			want = 3
		}
		if n != want {
			p.add(CodeLineCount, "", 0, 0, 0, Params{"count": itoa(n), "format": string(p.format), "expected": itoa(want)})
		}
	}()
	first := runes[0]
	startsWith := func(s string) bool { return strings.HasPrefix(strings.ToUpper(string(first)), s) }
	switch {
	case n >= 3 && !near(len(first), 44, 30), near(len(first), 30, 36):
		// Three lines, or a first line of about 30 characters: TD1, even
		// with a line missing.
		p.format, p.width = TD1, 30
	default:
		// Two-line formats: pick the width closest to both lines.
		total := func(w int) int {
			d := 0
			for _, l := range runes[:min(n, 2)] {
				d += abs(len(l) - w)
			}
			return d
		}
		if total(36) < total(44) {
			p.width = 36
			switch {
			case startsWith("IDFRA"):
				p.format = FrenchID
			case startsWith("V"):
				p.format = MRVB
			default:
				p.format = TD2
			}
		} else {
			p.width = 44
			if startsWith("V") {
				p.format = MRVA
			} else {
				p.format = TD3
			}
		}
	}
}

// near reports whether n is closer to a than to b.
func near(n, a, b int) bool { return abs(n-a) < abs(n-b) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }

// load turns the read lines into working lines of exactly the format's
// width: lower case is folded, characters that are not MRZ characters are
// reported and replaced by a marker, short lines are padded with fillers
// and long ones cut, each with a line_length error.
func (p *parser) load(runes [][]rune) {
	want := 2
	if p.format == TD1 {
		want = 3
	}
	folded := make([][]rune, want)
	for i := range min(want, len(runes)) {
		r := runes[i] // our own copy, folded in place
		first, last := -1, -1
		for k, c := range r {
			if c >= 'a' && c <= 'z' {
				if first < 0 {
					first = k
				}
				last = k + 1
				r[k] = c - ('a' - 'A')
			}
		}
		if first >= 0 {
			p.add(CodeLowercase, "", i+1, first, last, Params{"line": itoa(i + 1)})
		}
		folded[i] = r
	}
	for i := range min(want, len(runes)) {
		r := folded[i]
		if len(r) == p.width {
			continue
		}
		if fixed, pos, ok := p.realign(folded, i); ok && !p.opts.NoRepair {
			action := "missing"
			if len(r) > p.width {
				action = "extra"
			}
			p.add(CodeLineRealigned, "", i+1, pos, pos+1, Params{"line": itoa(i + 1), "length": itoa(len(r)), "format": string(p.format), "expected": itoa(p.width), "action": action, "pos": itoa(pos + 1)})
			folded[i] = fixed
			continue
		}
		p.add(CodeLineLength, "", i+1, 0, len(r), Params{"line": itoa(i + 1), "length": itoa(len(r)), "format": string(p.format), "expected": itoa(p.width)})
	}
	p.lines = make([][]byte, want)
	for i := range want {
		p.lines[i] = p.toBytes(i, folded[i], true)
	}
}

// toBytes makes a working line of exactly the format's width from read
// characters: short lines are padded with fillers, long ones cut, and
// characters that are not MRZ characters become invalidByte. With report
// set it records those characters and reports them, by run.
func (p *parser) toBytes(i int, r []rune, report bool) []byte {
	line := make([]byte, p.width)
	for k := range line {
		line[k] = '<'
	}
	badStart := -1
	flushBad := func(end int) {
		if badStart < 0 || !report {
			badStart = -1
			return
		}
		var chars []string
		for _, c := range r[badStart:end] {
			chars = append(chars, quoteRune(c))
		}
		p.add(CodeInvalidCharacter, "", i+1, badStart, end, Params{"line": itoa(i + 1), "pos": posText(badStart, end), "char": strings.Join(chars, " ")})
		badStart = -1
	}
	for k, c := range r {
		b := byte(invalidByte)
		if c < utf8.RuneSelf && (c == '<' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
			b = byte(c)
			flushBad(k)
		} else if badStart < 0 {
			badStart = k
		}
		if k < p.width {
			line[k] = b
			if b == invalidByte && report {
				if p.orig == nil {
					p.orig = map[[2]int]rune{}
				}
				p.orig[[2]int{i, k}] = c
			}
		}
	}
	flushBad(len(r))
	return line
}

// realign handles readers that drop or add one filler: when line i is one
// character short or long, it tries every way of inserting one '<' next to
// another filler (or at the end) or removing one '<'. A way is accepted
// only when it is the only one under which every check digit of the zone
// passes (checks over characters their field forbids are left out: repair
// deals with them), and some check digit covers the characters the change
// moved; it returns the realigned line and the 0-based position of the
// change.
func (p *parser) realign(folded [][]rune, i int) ([]rune, int, bool) {
	r := folded[i]
	var cands [][]rune
	var at []int
	seen := map[string]bool{}
	addCand := func(c []rune, k int) {
		if s := string(c); !seen[s] {
			seen[s] = true
			cands, at = append(cands, c), append(at, k)
		}
	}
	switch len(r) - p.width {
	case 1:
		for k, c := range r {
			if c == '<' {
				addCand(append(append([]rune(nil), r[:k]...), r[k+1:]...), k)
			}
		}
	case -1:
		// Readers lose count in runs of fillers; a lone filler between two
		// other characters is rarely the one dropped, and allowing it
		// would make most realignments ambiguous.
		for k := 0; k <= len(r); k++ {
			if (k > 0 && r[k-1] == '<') || (k < len(r) && r[k] == '<') || k == len(r) {
				addCand(append(append(append([]rune(nil), r[:k]...), '<'), r[k:]...), k)
			}
		}
	default:
		return nil, 0, false
	}
	var found []rune
	foundAt, n := 0, 0
	for j, c := range cands {
		q := &parser{format: p.format, width: p.width, doc: &Document{}}
		q.lines = make([][]byte, len(folded))
		for l := range folded {
			if l == i {
				q.lines[l] = q.toBytes(l, c, false)
			} else {
				q.lines[l] = q.toBytes(l, folded[l], false)
			}
		}
		q.layout()
		pass, tested := len(q.checks) > 0, false
		for _, ch := range q.checks {
			// A check over a forbidden character (an O in a date) is left
			// to repair, later; it neither passes nor fails a placement.
			if q.coversViolation(ch) {
				continue
			}
			if st, _, v := q.evaluate(ch); st == "refuted" || v == "filler_as_zero" {
				pass = false
				break
			}
			if ch.line == i && ch.pos >= at[j] {
				tested = true
			}
			for _, s := range ch.data {
				if s.line == i && s.end > at[j] {
					tested = true
				}
			}
		}
		if pass && tested {
			found, foundAt = c, at[j]
			n++
		}
	}
	if n != 1 {
		return nil, 0, false
	}
	return found, foundAt, true
}

// quoteRune shows a character in a message: printable ones quoted, others
// as U+XXXX.
func quoteRune(r rune) string {
	if r == ' ' {
		return "space"
	}
	if r < ' ' || r == utf8.RuneError || r == 0x7f {
		return fmt.Sprintf("U+%04X", r)
	}
	return "'" + string(r) + "'"
}

// posText shows a 0-based half-open range as 1-based positions for people.
func posText(start, end int) string {
	if end-start <= 1 {
		return itoa(start + 1)
	}
	return itoa(start+1) + "–" + itoa(end)
}

// fieldID numbers the field names of all layouts, so the per-position
// table holds no pointers.
type fieldID uint8

// fieldNames are the names fieldID numbers; 0 is no field (filler).
var fieldNames = []string{"", "document_type", "issuing_state", "document_number", "optional_data_1",
	"birth_date", "sex", "expiry_date", "nationality", "optional_data_2", "name", "optional_data",
	"surname", "given_names", "composite"}

func idOf(name string) fieldID {
	for i, n := range fieldNames {
		if n == name {
			return fieldID(i)
		}
	}
	panic("mrz: unknown field " + name) // a layout bug, caught by every test
}

// fieldAt is the name of the field at (i, k), "" for none.
func (p *parser) fieldAt(i, k int) string { return fieldNames[p.field[i][k]] }

// def declares a field: its class and name for every position.
func (p *parser) def(name string, line, start, end int, c class) segment {
	id := idOf(name)
	for k := start; k < end; k++ {
		p.cls[line][k] = c
		p.field[line][k] = id
	}
	return segment{line, start, end}
}

var checkLabels = map[string]string{
	"document_number": "document number",
	"birth_date":      "birth date",
	"expiry_date":     "expiry date",
	"optional_data":   "optional data",
	"composite":       "composite",
}

func (p *parser) addCheck(name string, line, pos int, data ...segment) *check {
	p.cls[line][pos] = clsNumFill
	p.field[line][pos] = idOf(name)
	var c *check
	if n := len(p.checks); n < len(p.checkBuf) {
		c = &p.checkBuf[n]
	} else {
		c = new(check)
	}
	*c = check{name: name, label: checkLabels[name], line: line, pos: pos}
	c.data = append(c.buf[:0:4], data...)
	p.checks = append(p.checks, c)
	return c
}

// layout declares the fields and check digits of the detected format,
// following Doc 9303 Parts 4–7 and the French ID card layout.
func (p *parser) layout() {
	// One backing array each: the per-position tables are read often and
	// allocated once per parse.
	n := len(p.lines)
	cls, field := make([]class, n*p.width), make([]fieldID, n*p.width)
	p.cls, p.field = make([][]class, n), make([][]fieldID, n)
	for i := range n {
		p.cls[i] = cls[i*p.width : (i+1)*p.width : (i+1)*p.width]
		p.field[i] = field[i*p.width : (i+1)*p.width : (i+1)*p.width]
	}
	p.checks = p.checks[:0]
	switch p.format {
	case TD1:
		p.def("document_type", 0, 0, 2, clsAlpha)
		p.def("issuing_state", 0, 2, 5, clsAlpha)
		num := p.def("document_number", 0, 5, 14, clsAlnum)
		p.def("optional_data_1", 0, 15, 30, clsAlnum)
		birth := p.def("birth_date", 1, 0, 6, clsNumFill)
		p.def("sex", 1, 7, 8, clsAlnum)
		expiry := p.def("expiry_date", 1, 8, 14, clsNumFill)
		p.def("nationality", 1, 15, 18, clsAlpha)
		p.def("optional_data_2", 1, 18, 29, clsAlnum)
		p.def("name", 2, 0, 30, clsAlpha)
		p.numberCheck(num, 0, 14, segment{0, 15, 30})
		p.addCheck("birth_date", 1, 6, birth)
		p.addCheck("expiry_date", 1, 14, expiry)
		p.addCheck("composite", 1, 29, segment{0, 5, 30}, segment{1, 0, 7}, segment{1, 8, 15}, segment{1, 18, 29})
	case TD2, TD3, MRVA, MRVB:
		p.def("document_type", 0, 0, 2, clsAlpha)
		p.def("issuing_state", 0, 2, 5, clsAlpha)
		p.def("name", 0, 5, p.width, clsAlpha)
		num := p.def("document_number", 1, 0, 9, clsAlnum)
		p.def("nationality", 1, 10, 13, clsAlpha)
		birth := p.def("birth_date", 1, 13, 19, clsNumFill)
		p.def("sex", 1, 20, 21, clsAlnum)
		expiry := p.def("expiry_date", 1, 21, 27, clsNumFill)
		optEnd := p.width
		switch p.format {
		case TD2:
			optEnd = 35
		case TD3:
			optEnd = 42
		}
		opt := p.def("optional_data", 1, 28, optEnd, clsAlnum)
		if p.format == TD2 {
			p.numberCheck(num, 1, 9, opt)
		} else {
			p.addCheck("document_number", 1, 9, num)
		}
		p.addCheck("birth_date", 1, 19, birth)
		p.addCheck("expiry_date", 1, 27, expiry)
		switch p.format {
		case TD3:
			p.addCheck("optional_data", 1, 42, opt).fillerOK = true
			p.addCheck("composite", 1, 43, segment{1, 0, 10}, segment{1, 13, 20}, segment{1, 21, 43})
		case TD2:
			p.addCheck("composite", 1, 35, segment{1, 0, 10}, segment{1, 13, 20}, segment{1, 21, 35})
		}
	case FrenchID:
		p.def("document_type", 0, 0, 2, clsAlpha)
		p.def("issuing_state", 0, 2, 5, clsAlpha)
		p.def("surname", 0, 5, 30, clsAlpha)
		p.def("optional_data", 0, 30, 36, clsAlnum)
		num := p.def("document_number", 1, 0, 12, clsAlnum)
		p.def("given_names", 1, 13, 27, clsAlpha)
		birth := p.def("birth_date", 1, 27, 33, clsNumFill)
		p.def("sex", 1, 34, 35, clsAlnum)
		p.addCheck("document_number", 1, 12, num)
		p.addCheck("birth_date", 1, 33, birth)
		p.addCheck("composite", 1, 35, segment{0, 0, 36}, segment{1, 0, 35})
	}
}

// numberCheck declares the document-number check digit of TD1 and TD2,
// where a number longer than 9 characters continues into the optional
// data: the check-digit position then holds '<', the optional data start
// with the rest of the number followed by its check digit (Doc 9303 Part 5
// §4.2.4 and Part 6 §4.2.4).
func (p *parser) numberCheck(num segment, line, pos int, opt segment) {
	l := p.lines[line]
	if l[pos] != '<' || l[num.end-1] == '<' {
		p.addCheck("document_number", line, pos, num)
		return
	}
	// The first filler of the optional data ends the overflow; the
	// character before it is the check digit.
	f := opt.start
	for f < opt.end && l[f] != '<' {
		f++
	}
	if f-opt.start < 2 {
		if sumSegments(p.lines, []segment{num}) == '0' {
			// A 9-character number whose check digit 0 is printed as '<'
			// (reported as check_digit_filler_zero), not a long number.
			p.addCheck("document_number", line, pos, num)
			return
		}
		p.add(CodeLongNumberMalformed, "document_number", line+1, pos, f+1, Params{"reason": "no digits and check digit follow the < at position " + itoa(pos+1)})
		p.addCheck("document_number", line, pos, num)
		return
	}
	p.def("document_number", line, opt.start, f-1, clsAlnum)
	p.cls[line][pos] = clsAlpha // the '<' marker
	c := p.addCheck("document_number", line, f-1, num, segment{line, opt.start, f - 1})
	c.variant = append(c.buf[4:4:6], segment{line, num.start, pos + 1}, segment{line, opt.start, f - 1})
	c.marker = segment{line, pos, pos + 1}
	p.overflow = &segment{line, opt.start, f - 1}
}

// violation reports whether the character at (i, k) is one its field
// forbids (or not an MRZ character at all).
func (p *parser) violation(i, k int) bool {
	b := p.lines[i][k]
	return b == invalidByte || !p.cls[i][k].allows(b)
}

// allFiller reports whether every character of segs is '<'.
func allFiller(lines [][]byte, segs []segment) bool {
	for _, s := range segs {
		for _, c := range lines[s.line][s.start:s.end] {
			if c != '<' {
				return false
			}
		}
	}
	return true
}

// evaluate computes a check's state on the working lines. variant names a
// non-ICAO computation that was needed to verify: "filler_included" (the
// BEL/PRT long number) or "filler_as_zero" (a '<' printed where the data
// give 0: it has the value 0, but Doc 9303 prints the digit).
func (p *parser) evaluate(c *check) (state string, expected byte, variant string) {
	printed := p.lines[c.line][c.pos]
	expected = sumSegments(p.lines, c.data)
	if printed == '<' && c.fillerOK && allFiller(p.lines, c.data) {
		return "not_printed", expected, ""
	}
	if printed == expected {
		return "verified", expected, ""
	}
	if c.variant != nil && printed == sumSegments(p.lines, c.variant) {
		return "verified", expected, "filler_included"
	}
	if printed == '<' && expected == '0' && !allFiller(p.lines, c.data) {
		return "verified", expected, "filler_as_zero"
	}
	return "refuted", expected, ""
}

func (p *parser) printable(i, k int) string {
	b := p.lines[i][k]
	if b == invalidByte {
		return quoteRune(p.orig[[2]int{i, k}])
	}
	return string(b)
}

// finishChecks records every check's evidence and reports the failures.
func (p *parser) finishChecks() {
	p.doc.Checks = make([]CheckResult, 0, len(p.checks))
	for _, c := range p.checks {
		state, expected, variant := p.evaluate(c)
		printed := p.printable(c.line, c.pos)
		res := CheckResult{Name: c.name, State: state, Printed: printed, Line: c.line + 1, Pos: c.pos}
		if state != "not_printed" {
			res.Expected = string(expected)
		}
		res.Variant = variant
		switch variant {
		case "filler_included":
			p.add(CodeLongNumberVariant, c.name, c.line+1, c.pos, c.pos+1, Params{"printed": printed, "expected": string(expected), "line": itoa(c.marker.line + 1), "pos": itoa(c.marker.start + 1)})
		case "filler_as_zero":
			p.add(CodeCheckDigitFillerZero, c.name, c.line+1, c.pos, c.pos+1, Params{"check": c.label})
		}
		p.doc.Checks = append(p.doc.Checks, res)
		if state != "refuted" {
			continue
		}
		params := Params{"check": c.label, "printed": printed, "expected": string(expected)}
		if p.lines[c.line][c.pos] == '<' {
			p.add(CodeCheckDigitFiller, c.name, c.line+1, c.pos, c.pos+1, params)
		} else {
			p.add(CodeCheckDigitMismatch, c.name, c.line+1, c.pos, c.pos+1, params)
		}
	}
	// Characters their field forbids, left after repair.
	for i, l := range p.lines {
		for k := range l {
			if l[k] == invalidByte || !p.violation(i, k) {
				continue
			}
			name := p.fieldAt(i, k)
			p.add(CodeCharacterNotAllowed, name, i+1, k, k+1, Params{"line": itoa(i + 1), "pos": itoa(k + 1), "char": "'" + string(l[k]) + "'", "field": fieldWords(name), "allowed": p.cls[i][k].String()})
		}
	}
}

// fieldWords names a field for people.
func fieldWords(name string) string {
	if name == "" {
		return "filler position"
	}
	if l, ok := checkLabels[name]; ok && name != "composite" {
		return l
	}
	return strings.ReplaceAll(name, "_", " ")
}

// render returns the working lines, invalid characters shown as read.
func (p *parser) render() []string {
	out := make([]string, len(p.lines))
	for i, l := range p.lines {
		var b strings.Builder
		for k, c := range l {
			if c == invalidByte {
				b.WriteRune(p.orig[[2]int{i, k}])
			} else {
				b.WriteByte(c)
			}
		}
		out[i] = b.String()
	}
	return out
}
