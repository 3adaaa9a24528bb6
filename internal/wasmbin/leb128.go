package wasmbin

// AppendUleb128 appends v in unsigned LEB128: seven bits a byte, low
// groups first, the high bit set on every byte but the last.
// https://webassembly.github.io/spec/core/binary/values.html#integers
func AppendUleb128(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// AppendSleb128 appends v in signed LEB128: like AppendUleb128, stopping
// once the remaining bits are all copies of the sign bit already written
// (bit 6 of the last byte).
// https://webassembly.github.io/spec/core/binary/values.html#integers
func AppendSleb128(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7 // arithmetic shift keeps the sign
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// ulebLen returns the number of bytes AppendUleb128 writes for v.
func ulebLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}
