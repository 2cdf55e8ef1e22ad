package bundle

import (
	"encoding/binary"
	"fmt"
)

// Structural bounds checked before the generated decoder runs.
const (
	// maxDepth is far above the schema's real depth (payload → facts →
	// issuers → issuer → validity → rule → months is 7) and far below
	// anything that strains a stack.
	maxDepth = 16
	// maxString bounds every msgpack string in the payload.
	maxString = 64 << 10
	// maxBin bounds every binary field (the index blobs).
	maxBin = 64 << 20
)

// checkStructure walks one msgpack object without allocating and checks
// that it is exactly the whole of b, that no container claims more
// elements than bytes remain (so the generated decoder can never size an
// allocation from a lie), that nesting stays within maxDepth, that strings
// and binaries stay within their caps, and that no extension types occur.
func checkStructure(b []byte) error {
	var stack [maxDepth + 1]uint64 // items still to read at each level
	depth := 1
	stack[0] = 1
	pos := 0
	for depth > 0 {
		if stack[depth-1] == 0 {
			depth--
			continue
		}
		stack[depth-1]--
		if pos >= len(b) {
			return fmt.Errorf("msgpack: data ends early at byte %d", pos)
		}
		at := pos
		c := b[pos]
		pos++
		var skip, items uint64
		container := false
		// Lengths of str8/16/32, bin8/16/32, array16/32 and map16/32
		// follow the type byte in 1, 2 or 4 bytes.
		lenBytes := 0
		switch {
		case c <= 0x7f || c >= 0xe0, c == 0xc0, c == 0xc2, c == 0xc3:
		case c&0xf0 == 0x80:
			items, container = uint64(c&0x0f)*2, true
		case c&0xf0 == 0x90:
			items, container = uint64(c&0x0f), true
		case c&0xe0 == 0xa0:
			skip = uint64(c & 0x1f)
		case c == 0xcc, c == 0xd0:
			skip = 1
		case c == 0xcd, c == 0xd1:
			skip = 2
		case c == 0xce, c == 0xd2, c == 0xca:
			skip = 4
		case c == 0xcf, c == 0xd3, c == 0xcb:
			skip = 8
		case c == 0xd9, c == 0xc4:
			lenBytes = 1
		case c == 0xda, c == 0xc5, c == 0xdc, c == 0xde:
			lenBytes = 2
		case c == 0xdb, c == 0xc6, c == 0xdd, c == 0xdf:
			lenBytes = 4
		default:
			return fmt.Errorf("msgpack: type byte 0x%02x at byte %d is not allowed in a bundle payload", c, at)
		}
		if lenBytes > 0 {
			if len(b)-pos < lenBytes {
				return fmt.Errorf("msgpack: length field at byte %d runs past the end", at)
			}
			var n uint64
			switch lenBytes {
			case 1:
				n = uint64(b[pos])
			case 2:
				n = uint64(binary.BigEndian.Uint16(b[pos:]))
			default:
				n = uint64(binary.BigEndian.Uint32(b[pos:]))
			}
			pos += lenBytes
			switch c {
			case 0xdc, 0xdd:
				items, container = n, true
			case 0xde, 0xdf:
				items, container = 2*n, true
			default:
				skip = n
			}
		}
		isStr := c&0xe0 == 0xa0 || c == 0xd9 || c == 0xda || c == 0xdb
		isBin := c == 0xc4 || c == 0xc5 || c == 0xc6
		if isStr && skip > maxString {
			return fmt.Errorf("msgpack: string of %d bytes at byte %d is over the %d-byte cap", skip, at, maxString)
		}
		if isBin && skip > maxBin {
			return fmt.Errorf("msgpack: binary of %d bytes at byte %d is over the %d-byte cap", skip, at, maxBin)
		}
		if skip > uint64(len(b)-pos) {
			return fmt.Errorf("msgpack: value at byte %d claims %d bytes, only %d remain", at, skip, len(b)-pos)
		}
		pos += int(skip)
		if container {
			// Every element takes at least one byte.
			if items > uint64(len(b)-pos) {
				return fmt.Errorf("msgpack: container at byte %d claims %d elements, only %d bytes remain", at, items, len(b)-pos)
			}
			if depth > maxDepth {
				return fmt.Errorf("msgpack: nesting deeper than %d at byte %d", maxDepth, at)
			}
			stack[depth] = items
			depth++
		}
	}
	if pos != len(b) {
		return fmt.Errorf("msgpack: %d trailing bytes after the payload object", len(b)-pos)
	}
	return nil
}
