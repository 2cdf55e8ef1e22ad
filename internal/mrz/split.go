package mrz

import "strings"

// Split separates text holding several zones into one string per zone, in
// input order. Zones are separated by blank lines; lines are trimmed of
// spaces, tabs, carriage returns and other control characters. A block of consecutive lines that is
// not one zone is split further when the line lengths leave no doubt: runs
// of 3 lines of 30 characters (TD1) or 2 lines of 36 or 44 characters
// (TD2, TD3, visas, French ID). Any other block is returned whole, for
// Parse to report its shape.
func Split(text string) []string {
	var blocks [][]string
	var cur []string
	for _, l := range strings.Split(text, "\n") {
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
// lengths, or returns it whole when any line does not fit.
func splitBlock(b []string) [][]string {
	if len(b) <= 3 {
		return [][]string{b}
	}
	var zones [][]string
	for i := 0; i < len(b); {
		n := len([]rune(b[i]))
		size := 0
		switch n {
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
			if len([]rune(l)) != n {
				return [][]string{b}
			}
		}
		zones = append(zones, b[i:i+size])
		i += size
	}
	return zones
}
