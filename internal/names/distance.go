package names

// EditDistance returns the optimal-string-alignment distance between a and
// b (insertions, deletions, substitutions and transpositions of adjacent
// letters each cost 1), or max+1 when it exceeds max. Bounding keeps it
// cheap: only a diagonal band of width 2·max+1 is computed.
func EditDistance(a, b string, max int) int {
	if a == b {
		return 0
	}
	la, lb := len(a), len(b)
	if d := la - lb; d > max || -d > max {
		return max + 1
	}
	if la == 0 || lb == 0 {
		if la+lb > max {
			return max + 1
		}
		return la + lb
	}
	const maxLen = 64
	if la > maxLen || lb > maxLen {
		a, b = a[:min(la, maxLen)], b[:min(lb, maxLen)]
		la, lb = len(a), len(b)
	}
	// Three rolling rows suffice for transpositions.
	var r0, r1, r2 [maxLen + 1]int
	prev2, prev, cur := &r0, &r1, &r2
	big := max + 1
	for j := 0; j <= lb; j++ {
		prev[j] = min(j, big)
		prev2[j] = big
	}
	for i := 1; i <= la; i++ {
		lo, hi := i-max, i+max
		if lo < 1 {
			lo = 1
		}
		if hi > lb {
			hi = lb
		}
		// Only the band and its two edges are written: cells outside it
		// stand for "more than max" and are never read.
		if lo == 1 {
			cur[0] = i
		} else {
			cur[lo-1] = big
		}
		if hi < lb {
			cur[hi+1] = big
		}
		rowMin := big
		if lo == 1 {
			rowMin = i
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := prev[j-1] + cost
			if d := prev[j] + 1; d < v {
				v = d
			}
			if d := cur[j-1] + 1; d < v {
				v = d
			}
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				if d := prev2[j-2] + 1; d < v {
					v = d
				}
			}
			if v > big {
				v = big
			}
			cur[j] = v
			if v < rowMin {
				rowMin = v
			}
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[lb] > max {
		return max + 1
	}
	return prev[lb]
}

// JaroWinkler returns the Jaro-Winkler similarity of a and b in [0,1]
// (prefix scale 0.1 over at most 4 letters, applied when Jaro ≥ 0.7), as
// watchman and OFAC's tool use it; the evaluation baseline relies on it.
func JaroWinkler(a, b string) float64 {
	if a == b {
		if a == "" {
			return 1
		}
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	window := max(la, lb)/2 - 1
	if window < 0 {
		window = 0
	}
	var am, bm [64]bool
	if la > 64 {
		a, la = a[:64], 64
	}
	if lb > 64 {
		b, lb = b[:64], 64
	}
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-window), min(lb-1, i+window)
		for j := lo; j <= hi; j++ {
			if !bm[j] && a[i] == b[j] {
				am[i], bm[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := 0; i < la; i++ {
		if !am[i] {
			continue
		}
		for !bm[k] {
			k++
		}
		if a[i] != b[k] {
			t++
		}
		k++
	}
	fm := float64(m)
	jaro := (fm/float64(la) + fm/float64(lb) + (fm-float64(t)/2)/fm) / 3
	if jaro < 0.7 {
		return jaro
	}
	p := 0
	for p < 4 && p < la && p < lb && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}
