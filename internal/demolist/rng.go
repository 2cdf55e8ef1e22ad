package demolist

import "math/bits"

// rng is a SplitMix64 generator. The demo list must come out byte for byte
// the same on every platform and Go release, so the package carries its own
// generator and uses only integer arithmetic on its output (no math/rand,
// no floating point in any decision).
type rng struct{ s uint64 }

// newRNG derives an independent stream from a seed and a stream label, so
// that person i is the same person whatever the list size, and the document
// list does not shift when the people count changes.
func newRNG(seed uint64, stream uint64) *rng {
	r := &rng{s: seed ^ mix64(stream+0x9e3779b97f4a7c15)}
	r.next() // decorrelate neighbouring streams once more
	return r
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix64(r.s)
}

// intn returns a uniform integer in [0, n); n must be positive. Lemire's
// multiply-shift keeps it integer-only (the tiny bias is irrelevant here and
// identical everywhere).
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// pct reports true with probability p/100.
func (r *rng) pct(p int) bool { return r.intn(100) < p }

// pick returns a uniform element of s.
func pick[T any](r *rng, s []T) T { return s[r.intn(len(s))] }

// zipf draws ranks with weight proportional to 1/(rank+offset): a few very
// common values and a long tail, the shape of real surname and given-name
// frequencies. Weights are integers so the draw is platform independent.
type zipf struct {
	cum []uint64
}

func newZipf(n, offset int) *zipf {
	z := &zipf{cum: make([]uint64, n)}
	var total uint64
	for i := range n {
		total += 1 << 32 / uint64(i+offset)
		z.cum[i] = total
	}
	return z
}

func (z *zipf) draw(r *rng) int {
	x := uint64(r.intn(int(z.cum[len(z.cum)-1])))
	lo, hi := 0, len(z.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if z.cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// weighted picks an index by explicit integer weights.
type weighted struct{ cum []int }

func newWeighted(w []int) *weighted {
	c := make([]int, len(w))
	t := 0
	for i, x := range w {
		t += x
		c[i] = t
	}
	return &weighted{cum: c}
}

func (w *weighted) draw(r *rng) int {
	x := r.intn(w.cum[len(w.cum)-1])
	for i, c := range w.cum {
		if x < c {
			return i
		}
	}
	return len(w.cum) - 1
}
