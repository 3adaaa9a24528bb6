package wasm

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
		r := &reader{b: tc.in}
		got, err := r.uleb(tc.bits)
		if (err == nil) != tc.ok || (tc.ok && (got != tc.want || r.pos != len(tc.in))) {
			t.Errorf("uleb(% x, %d) = %d, %v (pos %d); want %d, ok %v", tc.in, tc.bits, got, err, r.pos, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, errDecode) {
			t.Errorf("uleb(% x): error %v does not wrap errDecode", tc.in, err)
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
		r := &reader{b: tc.in}
		got, n, err := r.s33()
		if (err == nil) != tc.ok || (tc.ok && (got != tc.want || n != len(tc.in))) {
			t.Errorf("s33(% x) = %d, %d, %v; want %d, ok %v", tc.in, got, n, err, tc.want, tc.ok)
		}
	}
}

func TestReaderSLEB(t *testing.T) {
	tests := []struct {
		in  []byte
		max int
		ok  bool
	}{
		{[]byte{0x7F}, 5, true},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x07}, 5, true},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x07}, 5, false},
		{[]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F}, 10, true},
		{[]byte{0x80, 0x80}, 10, false},
	}
	for _, tc := range tests {
		r := &reader{b: tc.in}
		if err := r.sleb(tc.max); (err == nil) != tc.ok || (tc.ok && r.pos != len(tc.in)) {
			t.Errorf("sleb(% x, %d) = %v at %d; want ok %v", tc.in, tc.max, err, r.pos, tc.ok)
		}
	}
}

// limitsOnly is reader.limits without its result.
func limitsOnly(r *reader) error {
	_, err := r.limits()
	return err
}

func TestReaderTypes(t *testing.T) {
	tests := []struct {
		what string
		read func(*reader) error
		in   []byte
		ok   bool
	}{
		{"block empty", (*reader).blockType, []byte{0x40}, true},
		{"block i64", (*reader).blockType, []byte{0x7E}, true},
		{"block v128", (*reader).blockType, []byte{0x7B}, true},
		{"block type 3", (*reader).blockType, []byte{0x03}, true},
		{"block type 200", (*reader).blockType, []byte{0xC8, 0x01}, true},
		{"block (ref null func)", (*reader).blockType, []byte{0x63, 0x70}, true},
		{"block (ref 5)", (*reader).blockType, []byte{0x64, 0x05}, true},
		{"block negative index", (*reader).blockType, []byte{0xC0, 0x7F}, false},
		{"block unknown type", (*reader).blockType, []byte{0x50}, false},
		{"block cut", (*reader).blockType, []byte{}, false},
		{"valtype f32", (*reader).valType, []byte{0x7D}, true},
		{"valtype externref", (*reader).valType, []byte{0x6F}, true},
		{"valtype bad", (*reader).valType, []byte{0x40}, false},
		{"valtype ref cut", (*reader).valType, []byte{0x64}, false},
		{"memarg", (*reader).memarg, []byte{0x03, 0xA0, 0x8D, 0x06}, true},
		{"memarg multi-memory", (*reader).memarg, []byte{0x43, 0x01, 0x00}, true},
		{"memarg 64-bit offset", (*reader).memarg, []byte{0x03, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, true},
		{"memarg cut", (*reader).memarg, []byte{0x43, 0x01}, false},
		{"limits min", limitsOnly, []byte{0x00, 0x01}, true},
		{"limits min max", limitsOnly, []byte{0x01, 0x01, 0x80, 0x02}, true},
		{"limits shared 64", limitsOnly, []byte{0x07, 0x01, 0x02}, true},
		{"limits page size", limitsOnly, []byte{0x08, 0x01, 0x00}, false},
	}
	for _, tc := range tests {
		r := &reader{b: tc.in}
		err := tc.read(r)
		if (err == nil) != tc.ok || (tc.ok && r.pos != len(tc.in)) {
			t.Errorf("%s (% x): %v at %d, want ok %v", tc.what, tc.in, err, r.pos, tc.ok)
		}
	}
}

func TestReaderValKinds(t *testing.T) {
	tests := []struct {
		in   []byte
		want []ValKind // nil: an error
	}{
		{[]byte{0x00}, []ValKind{}},
		{[]byte{0x04, 0x7F, 0x7E, 0x7D, 0x7C}, []ValKind{KindI32, KindI64, KindF32, KindF64}},
		{[]byte{0x04, 0x7B, 0x70, 0x6F, 0x63, 0x70}, []ValKind{KindOther, KindOther, KindOther, KindOther}},
		{[]byte{0x03, 0x7B, 0x70, 0x64, 0x02}, []ValKind{KindOther, KindOther, KindOther}},
		{[]byte{0x01, 0x40}, nil},
		{[]byte{0x05, 0x7F}, nil},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, nil},
	}
	for _, tc := range tests {
		r := &reader{b: tc.in}
		got, err := r.valKinds()
		if tc.want == nil {
			if err == nil {
				t.Errorf("valKinds(% x) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) || r.pos != len(tc.in) {
			t.Errorf("valKinds(% x) = %v, %v at %d; want %v", tc.in, got, err, r.pos, tc.want)
		}
	}
}

func TestReadSections(t *testing.T) {
	m, err := readSections(wat(t, `(module
  (import "a" "f" (func))
  (import "a" "m" (memory 1))
  (import "a" "g" (func (param i32)))
  (memory (export "memory") 1)
  (func (export "x"))
  (func)
  (export "y" (func 3))
  (export "imp" (func 0)))`))
	if err != nil {
		t.Fatal(err)
	}
	if m.imports != 2 || m.funcs != 2 || len(m.bodies) != 2 {
		t.Errorf("imports %d, funcs %d, bodies %d; want 2, 2, 2", m.imports, m.funcs, len(m.bodies))
	}
	want := []funcIndexExport{{"x", 2}, {"y", 3}, {"imp", 0}}
	if len(m.exports) != len(want) {
		t.Fatalf("exports %v, want %v", m.exports, want)
	}
	for i := range want {
		if m.exports[i] != want[i] {
			t.Errorf("export %d = %v, want %v", i, m.exports[i], want[i])
		}
	}
	if m.ifaceErr != nil {
		t.Errorf("ifaceErr = %v", m.ifaceErr)
	}
	wantTypes := []funcSig{{params: []ValKind{}, results: []ValKind{}}, {params: []ValKind{KindI32}, results: []ValKind{}}}
	if !reflect.DeepEqual(m.types, wantTypes) || !reflect.DeepEqual(m.funcTypes, []uint32{0, 0}) {
		t.Errorf("types %v, function types %v", m.types, m.funcTypes)
	}
	if !reflect.DeepEqual(m.memories, []uint64{1, 1}) || !reflect.DeepEqual(m.memExports, []funcIndexExport{{"memory", 1}}) {
		t.Errorf("memories %v, memory exports %v", m.memories, m.memExports)
	}
	wantImports := []importEntry{{"a", "f", externFunc, 0}, {"a", "m", externMemory, 0}, {"a", "g", externFunc, 1}}
	if !reflect.DeepEqual(m.importList, wantImports) {
		t.Errorf("imports %v, want %v", m.importList, wantImports)
	}
	for _, bad := range [][]byte{
		nil,
		[]byte("\x00asm\x02\x00\x00\x00"),
		[]byte("\x00asm\x01\x00\x00\x00\x0a\x05\x01"),             // section longer than the module
		[]byte("\x00asm\x01\x00\x00\x00\x03\x01\x00\x03\x01\x00"), // function section twice
		[]byte("\x00asm\x01\x00\x00\x00\x03\x02\x00\x00"),         // section longer than its content
		[]byte("\x00asm\x01\x00\x00\x00\x02\x05\x01\x00\x00\x09\x00"),
		[]byte("\x00asm\x01\x00\x00\x00\x07\x05\x01\x01\xff\x00\x00"), // name not UTF-8
	} {
		if _, err := readSections(bad); !errors.Is(err, errDecode) {
			t.Errorf("readSections(% x) = %v, want errDecode", bad, err)
		}
	}
}
