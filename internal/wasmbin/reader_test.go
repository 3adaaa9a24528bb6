package wasmbin

import (
	"errors"
	"reflect"
	"testing"
)

func TestReaderULEB(t *testing.T) {
	tests := []struct {
		in   []byte
		bits uint
		want uint64
		ok   bool
	}{
		{[]byte{0x00}, 32, 0, true},
		{[]byte{0x7F}, 32, 127, true},
		{[]byte{0x80, 0x01}, 32, 128, true},
		{[]byte{0xE5, 0x8E, 0x26}, 32, 624485, true},
		{[]byte{0x80, 0x80, 0x00}, 32, 0, true}, // padded
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, 32, 0xFFFFFFFF, true},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x1F}, 32, 0, false}, // 33 bits
		{[]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 32, 0, false},
		{[]byte{0x80}, 32, 0, false}, // cut
		{[]byte{}, 32, 0, false},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}, 64, 1<<64 - 1, true},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02}, 64, 0, false},
	}
	for _, tc := range tests {
		r := &Reader{b: tc.in}
		got, err := r.Uleb(tc.bits)
		if (err == nil) != tc.ok || (tc.ok && (got != tc.want || r.pos != len(tc.in))) {
			t.Errorf("uleb(% x, %d) = %d, %v (pos %d); want %d, ok %v", tc.in, tc.bits, got, err, r.pos, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrDecode) {
			t.Errorf("uleb(% x): error %v does not wrap ErrDecode", tc.in, err)
		}
	}
}

func TestReaderS33(t *testing.T) {
	tests := []struct {
		in   []byte
		want int64
		ok   bool
	}{
		{[]byte{0x00}, 0, true},
		{[]byte{0x3F}, 63, true},
		{[]byte{0x40}, -64, true},
		{[]byte{0x7F}, -1, true},
		{[]byte{0x80, 0x01}, 128, true},
		{[]byte{0xC0, 0x00}, 64, true},
		{[]byte{0xFF, 0x7E}, -129, true},
		{[]byte{0x80, 0x80, 0x80, 0x80, 0x10}, 1 << 32, true},
		{[]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 0, false},
		{[]byte{0x80}, 0, false},
	}
	for _, tc := range tests {
		r := &Reader{b: tc.in}
		got, n, err := r.S33()
		if (err == nil) != tc.ok || (tc.ok && (got != tc.want || n != len(tc.in))) {
			t.Errorf("s33(% x) = %d, %d, %v; want %d, ok %v", tc.in, got, n, err, tc.want, tc.ok)
		}
	}
}

func TestReaderSLEB(t *testing.T) {
	tests := []struct {
		in   []byte
		max  int
		want int64
		ok   bool
	}{
		{[]byte{0x7F}, 5, -1, true},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x07}, 5, 1<<31 - 1, true},
		{[]byte{0x80, 0x80, 0x80, 0x80, 0x78}, 5, -1 << 31, true},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x07}, 5, 0, false},
		{[]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F}, 10, -1 << 63, true},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00}, 10, 1<<63 - 1, true},
		{[]byte{0x80, 0x80}, 10, 0, false},
	}
	for _, tc := range tests {
		r := &Reader{b: tc.in}
		got, err := r.Sleb(tc.max)
		if (err == nil) != tc.ok || (tc.ok && (r.pos != len(tc.in) || got != tc.want)) {
			t.Errorf("Sleb(% x, %d) = %d, %v at %d; want %d, ok %v", tc.in, tc.max, got, err, r.pos, tc.want, tc.ok)
		}
	}
}

// limitsOnly, valTypeOnly and memargOnly are Reader methods without
// their results.
func limitsOnly(r *Reader) error {
	_, err := r.Limits()
	return err
}

func valTypeOnly(r *Reader) error {
	_, err := r.ValType()
	return err
}

func memargOnly(r *Reader) error {
	_, _, err := r.Memarg()
	return err
}

func TestReaderTypes(t *testing.T) {
	tests := []struct {
		what string
		read func(*Reader) error
		in   []byte
		ok   bool
	}{
		{"block empty", (*Reader).BlockType, []byte{0x40}, true},
		{"block i64", (*Reader).BlockType, []byte{0x7E}, true},
		{"block v128", (*Reader).BlockType, []byte{0x7B}, true},
		{"block type 3", (*Reader).BlockType, []byte{0x03}, true},
		{"block type 200", (*Reader).BlockType, []byte{0xC8, 0x01}, true},
		{"block (ref null func)", (*Reader).BlockType, []byte{0x63, 0x70}, true},
		{"block (ref 5)", (*Reader).BlockType, []byte{0x64, 0x05}, true},
		{"block negative index", (*Reader).BlockType, []byte{0xC0, 0x7F}, false},
		{"block unknown type", (*Reader).BlockType, []byte{0x50}, false},
		{"block cut", (*Reader).BlockType, []byte{}, false},
		{"valtype f32", valTypeOnly, []byte{0x7D}, true},
		{"valtype externref", valTypeOnly, []byte{0x6F}, true},
		{"valtype bad", valTypeOnly, []byte{0x40}, false},
		{"valtype ref cut", valTypeOnly, []byte{0x64}, false},
		{"memarg", memargOnly, []byte{0x03, 0xA0, 0x8D, 0x06}, true},
		{"memarg multi-memory", memargOnly, []byte{0x43, 0x01, 0x00}, true},
		{"memarg 64-bit offset", memargOnly, []byte{0x03, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, true},
		{"memarg cut", memargOnly, []byte{0x43, 0x01}, false},
		{"limits min", limitsOnly, []byte{0x00, 0x01}, true},
		{"limits min max", limitsOnly, []byte{0x01, 0x01, 0x80, 0x02}, true},
		{"limits shared 64", limitsOnly, []byte{0x07, 0x01, 0x02}, true},
		{"limits page size", limitsOnly, []byte{0x08, 0x01, 0x00}, false},
	}
	for _, tc := range tests {
		r := &Reader{b: tc.in}
		err := tc.read(r)
		if (err == nil) != tc.ok || (tc.ok && r.pos != len(tc.in)) {
			t.Errorf("%s (% x): %v at %d, want ok %v", tc.what, tc.in, err, r.pos, tc.ok)
		}
	}
}

func TestReaderValTypes(t *testing.T) {
	tests := []struct {
		in   []byte
		want []ValType // nil: an error
	}{
		{[]byte{0x00}, []ValType{}},
		{[]byte{0x04, 0x7F, 0x7E, 0x7D, 0x7C}, []ValType{I32, I64, F32, F64}},
		{[]byte{0x04, 0x7B, 0x70, 0x6F, 0x63, 0x70}, []ValType{0x7B, 0x70, 0x6F, 0x63}},
		{[]byte{0x03, 0x7B, 0x70, 0x64, 0x02}, []ValType{0x7B, 0x70, 0x64}},
		{[]byte{0x01, 0x40}, nil},
		{[]byte{0x05, 0x7F}, nil},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, nil},
	}
	for _, tc := range tests {
		r := &Reader{b: tc.in}
		got, err := r.valTypes()
		if tc.want == nil {
			if err == nil {
				t.Errorf("valTypes(% x) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) || r.pos != len(tc.in) {
			t.Errorf("valTypes(% x) = %v, %v at %d; want %v", tc.in, got, err, r.pos, tc.want)
		}
	}
}
