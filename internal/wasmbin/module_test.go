package wasmbin

import (
	"bytes"
	"testing"
)

// A tiny module encoded byte for byte: (func $add (export "add") (param i64
// i64) (result i64) local.get 0 local.get 1 i64.add) with memory and a
// global, checked against a hand-written expectation.
func TestEncodeTiny(t *testing.T) {
	m := &Module{
		MemoryPages: 1, MemoryExport: "memory",
		Globals: []*Global{{Name: "g", Type: I32, Mutable: true}},
		Funcs: []*Func{{
			Name: "add", Export: true,
			Type:       FuncType{Params: []ValType{I64, I64}, Results: []ValType{I64}},
			ParamNames: []string{"a", "b"},
			Locals:     []ValType{I64, I64, F64}, LocalNames: []string{"t", "u", "v"},
			Body: []Instr{{Op: OpLocalGet, Imm: 0}, {Op: OpLocalGet, Imm: 1}, {Op: OpI64Add}},
		}},
	}
	want := []byte{
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
		0x01, 0x07, 0x01, 0x60, 0x02, 0x7e, 0x7e, 0x01, 0x7e, // type: (i64 i64) -> i64
		0x03, 0x02, 0x01, 0x00, // function: type 0
		0x05, 0x03, 0x01, 0x00, 0x01, // memory: min 1
		0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x00, 0x0b, // global: mut i32 = 0
		0x07, 0x10, 0x02, // export, 2 entries
		0x03, 'a', 'd', 'd', 0x00, 0x00,
		0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00,
		0x0a, 0x0d, 0x01, 0x0b, // code: 1 body of 11 bytes
		0x02, 0x02, 0x7e, 0x01, 0x7c, // locals: 2 x i64, 1 x f64
		0x20, 0x00, 0x20, 0x01, 0x7c, 0x0b,
		// name section
		0x00, 0x21, 0x04, 'n', 'a', 'm', 'e',
		0x01, 0x06, 0x01, 0x00, 0x03, 'a', 'd', 'd',
		0x02, 0x12, 0x01, 0x00, 0x05,
		0x00, 0x01, 'a', 0x01, 0x01, 'b', 0x02, 0x01, 't', 0x03, 0x01, 'u', 0x04, 0x01, 'v',
	}
	if got := m.Encode(); !bytes.Equal(got, want) {
		t.Errorf("Encode:\n got %x\nwant %x", got, want)
	}
}

// Signatures that differ only in where params end get distinct type keys
// (f64's byte, 0x7c, is also '|').
func TestFuncTypeKey(t *testing.T) {
	a := FuncType{Params: []ValType{I32, F64}}
	b := FuncType{Params: []ValType{I32}, Results: []ValType{F64}}
	if a.key() == b.key() {
		t.Errorf("%v and %v share the key %q", a, b, a.key())
	}
	if a.key() != (FuncType{Params: []ValType{I32, F64}}).key() {
		t.Error("equal types have different keys")
	}
}
