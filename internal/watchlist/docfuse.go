package watchlist

import (
	"errors"
	"math/bits"
)

// The document index's fast negative: a 3-wise binary fuse filter with 8-bit
// fingerprints (Graf and Lemire, "Binary Fuse Filters: Fast and Smaller
// Than Xor Filters", 2022). About 9 bits per number and a false-positive
// rate of 1/256; a query reads three bytes.

type docFuse struct {
	seed     uint64
	segLen   uint32
	segCount uint32
	fp       []byte // (segCount+2)·segLen fingerprints
}

const docFuseMaxSegLen = 1 << 18

func docMix(h, seed uint64) uint64 {
	h += seed
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func docFingerprint(h uint64) byte { return byte(h ^ h>>32) }

func (f *docFuse) positions(h uint64) (uint32, uint32, uint32) {
	hi, _ := bits.Mul64(h, uint64(f.segCount)*uint64(f.segLen))
	mask := f.segLen - 1
	h0 := uint32(hi)
	h1 := h0 + f.segLen
	h2 := h1 + f.segLen
	h1 ^= uint32(h>>18) & mask
	h2 ^= uint32(h) & mask
	return h0, h1, h2
}

// contains reports whether key may be in the set (false: surely not).
func (f *docFuse) contains(key uint64) bool {
	if len(f.fp) == 0 {
		return false
	}
	h := docMix(key, f.seed)
	h0, h1, h2 := f.positions(h)
	n := uint32(len(f.fp))
	if h0 >= n || h1 >= n || h2 >= n { // only a corrupt header gets here
		return false
	}
	return docFingerprint(h)^f.fp[h0]^f.fp[h1]^f.fp[h2] == 0
}

// docFuseParams sizes the filter for n keys as the reference
// implementation does (segment length and size factor), with docLog.
func docFuseParams(n int) (segLen, segCount uint32) {
	if n <= 1 {
		return 4, 1
	}
	l := docLog(float64(n))
	e := int(l/docLog(3.33) + 2.25)
	segLen = uint32(1) << max(e, 2)
	if segLen > docFuseMaxSegLen {
		segLen = docFuseMaxSegLen
	}
	factor := max(1.125, 0.875+0.25*docLog(1000000)/l)
	capacity := uint32(float64(n)*factor + 0.5)
	initSeg := (capacity+segLen-1)/segLen - 2
	if int32(initSeg) < 1 {
		initSeg = 1
	}
	arrayLen := (initSeg + 2) * segLen
	segCount = (arrayLen + segLen - 1) / segLen
	if segCount <= 2 {
		segCount = 1
	} else {
		segCount -= 2
	}
	return segLen, segCount
}

// buildDocFuse builds the filter over distinct keys. Construction peels the
// 3-hypergraph; on the rare failure it retries with the next seed, so the
// result is deterministic.
func buildDocFuse(keys []uint64) (*docFuse, error) {
	if len(keys) == 0 {
		return &docFuse{}, nil
	}
	segLen, segCount := docFuseParams(len(keys))
	size := (segCount + 2) * segLen
	count := make([]uint32, size)
	xor := make([]uint64, size)
	queue := make([]uint32, 0, size)
	type peeled struct {
		h   uint64
		pos uint32
	}
	stack := make([]peeled, 0, len(keys))
	for attempt := range uint64(128) {
		f := &docFuse{seed: 0x6c6f6f6b6f757400 + attempt, segLen: segLen, segCount: segCount}
		clear(count)
		clear(xor)
		queue, stack = queue[:0], stack[:0]
		for _, k := range keys {
			h := docMix(k, f.seed)
			h0, h1, h2 := f.positions(h)
			count[h0]++
			xor[h0] ^= h
			count[h1]++
			xor[h1] ^= h
			count[h2]++
			xor[h2] ^= h
		}
		for i, c := range count {
			if c == 1 {
				queue = append(queue, uint32(i))
			}
		}
		for len(queue) > 0 {
			pos := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			if count[pos] != 1 {
				continue
			}
			h := xor[pos]
			stack = append(stack, peeled{h, pos})
			h0, h1, h2 := f.positions(h)
			for _, p := range [3]uint32{h0, h1, h2} {
				count[p]--
				xor[p] ^= h
				if count[p] == 1 {
					queue = append(queue, p)
				}
			}
		}
		if len(stack) != len(keys) {
			continue // a cycle (or two equal hashes): try the next seed
		}
		f.fp = make([]byte, size)
		for i := len(stack) - 1; i >= 0; i-- {
			s := stack[i]
			h0, h1, h2 := f.positions(s.h)
			f.fp[s.pos] = docFingerprint(s.h) ^ f.fp[h0] ^ f.fp[h1] ^ f.fp[h2]
		}
		return f, nil
	}
	return nil, errors.New("watchlist: document filter construction failed 128 times")
}
