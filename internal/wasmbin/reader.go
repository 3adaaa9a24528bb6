package wasmbin

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrDecode is wrapped by every decoding error: bytes that are not a
// module the decoder can read.
var ErrDecode = errors.New("wasm: cannot decode module")

// A Reader decodes the values of the binary format from a byte slice:
// LEB128 integers, value and block types, memargs, limits and names
// (https://webassembly.github.io/spec/core/binary/values.html). Every
// read checks its bounds and reports running out of bytes as an error
// wrapping ErrDecode; nothing panics.
type Reader struct {
	b   []byte
	pos int
}

// NewReader returns a Reader at the start of b.
func NewReader(b []byte) Reader { return Reader{b: b} }

// Pos returns the offset of the next byte to read.
func (r *Reader) Pos() int { return r.pos }

// AtEnd reports whether every byte has been read.
func (r *Reader) AtEnd() bool { return r.pos == len(r.b) }

// errAt returns a decoding error at the reader's position.
func (r *Reader) errAt(what string) error {
	return fmt.Errorf("%w: %s at byte %d", ErrDecode, what, r.pos)
}

// Byte reads one byte.
func (r *Reader) Byte() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, r.errAt("unexpected end")
	}
	c := r.b[r.pos]
	r.pos++
	return c, nil
}

// Skip skips n bytes.
func (r *Reader) Skip(n int) error {
	if n < 0 || n > len(r.b)-r.pos {
		return r.errAt("unexpected end")
	}
	r.pos += n
	return nil
}

// Bytes reads n bytes, which alias the reader's slice.
func (r *Reader) Bytes(n int) ([]byte, error) {
	start := r.pos
	if err := r.Skip(n); err != nil {
		return nil, err
	}
	return r.b[start:r.pos], nil
}

// Uleb reads an unsigned LEB128 integer of at most bits bits (32 or 64).
// Its encoding may not be longer than ceil(bits/7) bytes, and the unused
// bits of the last byte must be zero.
func (r *Reader) Uleb(bits uint) (uint64, error) {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		c, err := r.Byte()
		if err != nil {
			return 0, err
		}
		if shift+7 > bits && c>>(bits-shift) != 0 {
			// The last byte allowed: only bits-shift payload bits, and no
			// continuation.
			return 0, r.errAt("integer too large")
		}
		v |= uint64(c&0x7F) << shift
		if c&0x80 == 0 {
			return v, nil
		}
	}
}

// U32 reads an unsigned 32-bit LEB128 integer.
func (r *Reader) U32() (uint32, error) {
	v, err := r.Uleb(32)
	return uint32(v), err
}

// S33 reads a signed LEB128 integer of at most 33 bits (block types and
// heap types), returning it with the number of bytes it took.
func (r *Reader) S33() (int64, int, error) {
	start := r.pos
	var v int64
	shift := uint(0)
	for {
		c, err := r.Byte()
		if err != nil {
			return 0, 0, err
		}
		if r.pos-start > 5 {
			return 0, 0, r.errAt("integer too long")
		}
		v |= int64(c&0x7F) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, r.pos - start, nil
		}
	}
}

// Sleb reads a signed LEB128 integer of at most maxLen bytes (5 for i32,
// 10 for i64). The unused bits of the last byte are not checked (the
// validator of the engine does).
func (r *Reader) Sleb(maxLen int) (int64, error) {
	var v int64
	shift := uint(0)
	for n := 1; ; n++ {
		c, err := r.Byte()
		if err != nil {
			return 0, err
		}
		if shift < 64 {
			v |= int64(c&0x7F) << shift
		}
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, nil
		}
		if n == maxLen {
			return 0, r.errAt("integer too long")
		}
	}
}

// HeapType reads a heap type: an abstract type (one negative byte) or a
// type index.
func (r *Reader) HeapType() error {
	v, n, err := r.S33()
	if err == nil && v < 0 && n != 1 {
		return r.errAt("bad heap type")
	}
	return err
}

// ValType reads a value type: a number, vector or reference type in one
// byte (0x69-0x7F), or (ref ht) / (ref null ht). It returns the first
// byte, which is the type itself for the number types.
func (r *Reader) ValType() (ValType, error) {
	c, err := r.Byte()
	if err != nil {
		return 0, err
	}
	switch {
	case c == 0x63 || c == 0x64:
		return ValType(c), r.HeapType()
	case c >= 0x69 && c <= 0x7F:
		return ValType(c), nil
	}
	return 0, r.errAt("unknown value type")
}

// BlockType reads the type of a block, loop or if: empty (0x40), one
// value type, or a type index (a non-negative s33).
func (r *Reader) BlockType() error {
	if r.pos >= len(r.b) {
		return r.errAt("unexpected end")
	}
	switch c := r.b[r.pos]; {
	case c == byte(BlockEmpty):
		r.pos++
		return nil
	case c == 0x63 || c == 0x64 || (c >= 0x69 && c <= 0x7F):
		_, err := r.ValType()
		return err
	}
	v, _, err := r.S33()
	if err == nil && v < 0 {
		return r.errAt("bad block type")
	}
	return err
}

// Memarg reads the immediate of a load or store: alignment (whose bit 6
// says a memory index follows, for multi-memory), then the offset (64
// bits wide for memory64). It returns the alignment, without bit 6, and
// the offset.
func (r *Reader) Memarg() (align uint32, offset uint64, err error) {
	align, err = r.U32()
	if err != nil {
		return 0, 0, err
	}
	if align&0x40 != 0 {
		if _, err := r.U32(); err != nil {
			return 0, 0, err
		}
		align &^= 0x40
	}
	offset, err = r.Uleb(64)
	return align, offset, err
}

// Limits reads the limits of a memory or table: flags (bit 0: a maximum
// follows; bit 1: shared; bit 2: 64-bit), then the minimum and maximum.
// It returns the minimum. Other flags (custom page sizes) are not
// understood.
func (r *Reader) Limits() (uint64, error) {
	flags, err := r.Byte()
	if err != nil {
		return 0, err
	}
	if flags > 0x07 {
		return 0, r.errAt("unknown limits")
	}
	least, err := r.Uleb(64)
	if err != nil {
		return 0, err
	}
	if flags&1 != 0 {
		_, err = r.Uleb(64)
	}
	return least, err
}

// Name reads a UTF-8 name.
func (r *Reader) Name() (string, error) {
	n, err := r.U32()
	if err != nil {
		return "", err
	}
	b, err := r.Bytes(int(n))
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", r.errAt("name is not UTF-8")
	}
	return string(b), nil
}
