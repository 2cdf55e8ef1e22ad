package mrz

import "fmt"

// charValue is the Doc 9303 numeric value of an MRZ character: digits are
// themselves, A–Z are 10–35 and the filler '<' is 0. ok is false for any
// other byte.
func charValue(c byte) (v int, ok bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10, true
	case c == '<':
		return 0, true
	}
	return 0, false
}

var weights = [3]int{7, 3, 1}

// CheckDigit computes the Doc 9303 check digit of s: each character's value
// times the repeating weights 7, 3, 1, summed, modulo 10. The result is an
// ASCII digit. Characters outside A–Z, 0–9 and '<' are an error naming the
// position.
func CheckDigit(s string) (byte, error) {
	sum := 0
	for i := 0; i < len(s); i++ {
		v, ok := charValue(s[i])
		if !ok {
			return 0, fmt.Errorf("mrz: check digit: character %q at position %d is not an MRZ character", s[i], i)
		}
		sum += v * weights[i%3]
	}
	return byte('0' + sum%10), nil
}

// Indistinguishable reports whether no check digit can tell a from b: the
// weights 7, 3 and 1 are all prime to 10, so swapping one character for
// another changes a check digit exactly when their values differ modulo 10.
// Among the usual OCR confusions G/6, U/0, O/4, S/8 and K/< are such pairs:
// a check digit that passes after such a swap proves nothing about it.
func Indistinguishable(a, b byte) bool {
	va, oka := charValue(a)
	vb, okb := charValue(b)
	return oka && okb && va%10 == vb%10
}

// segment is a half-open character range on one line (0-based line index).
type segment struct{ line, start, end int }

// sumSegments computes the check digit over the concatenated segments of
// lines. Bytes that are not MRZ characters count as 0: they are reported
// separately, and the check result must still be computed.
func sumSegments(lines [][]byte, segs []segment) byte {
	sum, k := 0, 0
	for _, s := range segs {
		for _, c := range lines[s.line][s.start:s.end] {
			v, _ := charValue(c)
			sum += v * weights[k%3]
			k++
		}
	}
	return byte('0' + sum%10)
}
