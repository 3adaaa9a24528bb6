package wasm

import (
	"reflect"
	"testing"

	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// TestDecodeWAT checks the decoder (internal/wasmbin) on a module that
// Wasmtime's text parser wrote: imports of two kinds, exports of imported
// and defined functions, memories.
func TestDecodeWAT(t *testing.T) {
	m, err := wasmbin.Decode(wat(t, `(module
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
	if m.FuncImports != 2 || m.Funcs != 2 || len(m.Bodies) != 2 {
		t.Errorf("imports %d, funcs %d, bodies %d; want 2, 2, 2", m.FuncImports, m.Funcs, len(m.Bodies))
	}
	want := []wasmbin.Export{{Name: "x", Index: 2}, {Name: "y", Index: 3}, {Name: "imp", Index: 0}}
	if len(m.FuncExports) != len(want) {
		t.Fatalf("exports %v, want %v", m.FuncExports, want)
	}
	for i := range want {
		if m.FuncExports[i] != want[i] {
			t.Errorf("export %d = %v, want %v", i, m.FuncExports[i], want[i])
		}
	}
	if m.InterfaceErr != nil {
		t.Errorf("ifaceErr = %v", m.InterfaceErr)
	}
	wantTypes := []wasmbin.FuncSig{{Params: []wasmbin.ValType{}, Results: []wasmbin.ValType{}}, {Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{}}}
	if !reflect.DeepEqual(m.Types, wantTypes) || !reflect.DeepEqual(m.FuncTypes, []uint32{0, 0}) {
		t.Errorf("types %v, function types %v", m.Types, m.FuncTypes)
	}
	if !reflect.DeepEqual(m.Memories, []uint64{1, 1}) || !reflect.DeepEqual(m.MemExports, []wasmbin.Export{{Name: "memory", Index: 1}}) {
		t.Errorf("memories %v, memory exports %v", m.Memories, m.MemExports)
	}
	wantImports := []wasmbin.Import{{Module: "a", Name: "f", Kind: wasmbin.ExternFunc}, {Module: "a", Name: "m", Kind: wasmbin.ExternMemory}, {Module: "a", Name: "g", Kind: wasmbin.ExternFunc, TypeIndex: 1}}
	if !reflect.DeepEqual(m.Imports, wantImports) {
		t.Errorf("imports %v, want %v", m.Imports, wantImports)
	}
}
