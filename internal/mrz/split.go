package mrz

import (
	"strings"
	"unicode/utf8"
)

// Split separates text holding several zones into one string per zone, in
// input order. Lines end with LF, CR LF or CR. Zones are separated by blank
// lines; lines are trimmed of white space and control characters. A block
// of consecutive lines that is not one zone is split further when the line
// lengths leave no doubt: runs of 3 lines of about 30 characters (TD1) or 2
// lines of about 36 or 44 (TD2, TD3, visas, French ID). Any other block is
// returned whole, for Parse to report its shape.
func Split(text string) []string {
	var blocks [][]string
	var cur []string
	for _, l := range splitLines(text) {
		l = trimLine(l)
		if l == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	var out []string
	for _, b := range blocks {
		for _, z := range splitBlock(b) {
			out = append(out, strings.Join(z, "\n"))
		}
	}
	return out
}

// splitBlock cuts a block of consecutive lines into zones by their
// lengths, or returns it whole when any line does not fit. A line may be
// one character off its format's width (a reader that dropped or added a
// filler; Parse realigns or reports it): 30, 36 and 44 are far enough apart
// for that not to blur which format a line belongs to.
func splitBlock(b []string) [][]string {
	if len(b) <= 3 {
		return [][]string{b}
	}
	var zones [][]string
	for i := 0; i < len(b); {
		w := nominal(b[i])
		size := 0
		switch w {
		case 30:
			size = 3
		case 36, 44:
			size = 2
		default:
			return [][]string{b}
		}
		if i+size > len(b) {
			return [][]string{b}
		}
		for _, l := range b[i : i+size] {
			if nominal(l) != w {
				return [][]string{b}
			}
		}
		zones = append(zones, b[i:i+size])
		i += size
	}
	return zones
}

// nominal is the format width a line's length is within one of, or 0.
func nominal(l string) int {
	n := utf8.RuneCountInString(l)
	for _, w := range []int{30, 36, 44} {
		if n >= w-1 && n <= w+1 {
			return w
		}
	}
	return 0
}
