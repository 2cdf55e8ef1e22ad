package watchlist

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// docBitWriter appends bits least-significant first.
type docBitWriter struct {
	buf  []byte
	acc  uint64
	nacc uint
	n    uint64 // bits written
}

func (w *docBitWriter) write(v uint64, n uint) {
	for n > 0 {
		take := min(n, 64-w.nacc)
		chunk := v
		if take < 64 {
			chunk &= 1<<take - 1
		}
		w.acc |= chunk << w.nacc
		w.nacc += take
		w.n += uint64(take)
		n -= take
		if take < 64 {
			v >>= take
		} else {
			v = 0
		}
		for w.nacc >= 8 {
			w.buf = append(w.buf, byte(w.acc))
			w.acc >>= 8
			w.nacc -= 8
		}
	}
}

// docRiceEscape is the unary run that announces a raw 64-bit gap, so one
// huge gap cannot cost millions of bits.
const docRiceEscape = 48

// writeRice writes gap as a Golomb-Rice code with parameter k: the
// quotient in unary (ones closed by a zero), then k low bits.
func (w *docBitWriter) writeRice(gap uint64, k uint) {
	q := gap >> k
	if q >= docRiceEscape {
		w.write(1<<docRiceEscape-1, docRiceEscape)
		w.write(gap, 64)
		return
	}
	w.write(1<<q-1, uint(q)+1) // q ones then a zero
	w.write(gap, k)
}

func (w *docBitWriter) bytes() []byte {
	b := w.buf
	if w.nacc > 0 {
		b = append(b, byte(w.acc))
	}
	return b
}

// docBits reads bits in place. Reads past the end see zero bits, so a
// corrupt offset yields garbage values, never a panic.
type docBits []byte

// window returns 57 or more bits starting at bit pos.
func (b docBits) window(pos uint64) uint64 {
	i := pos >> 3
	var w uint64
	if i+8 <= uint64(len(b)) {
		w = binary.LittleEndian.Uint64(b[i:])
	} else {
		for j := uint64(0); j < 8 && i+j < uint64(len(b)); j++ {
			w |= uint64(b[i+j]) << (8 * j)
		}
	}
	return w >> (pos & 7)
}

// docBitReader decodes sequentially from docBits through a 64-bit
// buffer refilled about every 57 bits: one load per few numbers instead of
// one per field, which matters under wasm.
type docBitReader struct {
	b   docBits
	pos uint64 // bit position of acc's first bit
	acc uint64
	n   uint // valid bits in acc
}

func (r *docBitReader) refill() {
	r.acc = r.b.window(r.pos)
	r.n = 57 // window guarantees at least 57 bits
}

// take returns the next k ≤ 56 bits.
func (r *docBitReader) take(k uint) uint64 {
	if r.n < k {
		r.refill()
	}
	v := r.acc & (1<<k - 1)
	r.skip(k)
	return v
}

func (r *docBitReader) skip(k uint) {
	r.pos += uint64(k)
	if k < r.n {
		r.acc >>= k
		r.n -= k
	} else {
		r.acc, r.n = 0, 0
	}
}

// rice reads a Golomb-Rice code with parameter k ≤ 56 (see writeRice).
func (r *docBitReader) rice(k uint) uint64 {
	ones := uint(bits.TrailingZeros64(^r.acc))
	if ones >= r.n { // the closing zero is not in the buffer yet
		r.refill()
		ones = uint(bits.TrailingZeros64(^r.acc))
	}
	if ones >= docRiceEscape {
		r.skip(docRiceEscape)
		lo := r.take(32)
		return lo | r.take(32)<<32
	}
	r.skip(ones + 1)
	return uint64(ones)<<k | r.take(k)
}

// docLog is a natural logarithm computed with + - * / only, so the
// filter's sizing (and with it the bundle's bytes) is the same on every
// platform: math.Log has assembly implementations that may differ in the
// last bit.
func docLog(x float64) float64 {
	m, e := math.Frexp(x) // x = m·2^e, m in [0.5, 1)
	z := (m - 1) / (m + 1)
	z2 := z * z
	sum, term := 0.0, z
	for i := 1; i < 60; i += 2 {
		sum += term / float64(i)
		term *= z2
	}
	return 2*sum + float64(e)*math.Ln2
}
