package wasm

import (
	"reflect"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// interfaceCases are modules whose interface the decoder must read, beside
// those of the other tests: every kind of import and export, signatures of
// every value type, memories that are imported, 64-bit or re-exported.
var interfaceCases = []string{
	`(module
  (import "env" "f" (func $f (param i32 i64 f32 f64) (result f64)))
  (import "env" "t" (table 2 10 funcref))
  (import "env" "g" (global (mut i64)))
  (import "env" "mem" (memory 3 9))
  (import "other" "h" (func (result i32 i32)))
  (import "" "" (func))
  (global $gl (export "gl") i32 (i32.const 1))
  (table $tb (export "tb") 1 externref)
  (func (export "refs") (param funcref externref v128) (result v128) local.get 2)
  (export "f_again" (func $f))
  (export "memory" (memory 0))
  (export "mem2" (memory 0))
  (func (export "multi") (param i32) (result i32 i64 f32 f64)
    local.get 0 i64.const 1 f32.const 2 f64.const 3))`,
	`(module (memory (export "memory") i64 70000))`,
	`(module (memory (export "other") 2) (func (export "f")))`,
	`(module (memory 1) (memory (export "memory") 5) (memory 2))`,
	`(module (import "a" "m" (memory 4)) (memory 6) (export "memory" (memory 1)))`,
	`(module (type (func)) (type (func (param i32))) (func (type 1)) (export "second" (func 0)) (export "also" (func 0)))`,
	`(module)`,
	`(module (import "a" "b" (global i32)) (export "g" (global 0)))`,
	`(module (func (export "héllo wörld ☃")))`,
}

// interfaceModules returns the WebAssembly of every test module.
func interfaceModules(t testing.TB) [][]byte {
	var texts []string
	texts = append(texts, testWAT, bareWAT, importWAT, manyFuncsWAT(50))
	for _, tc := range boundedCases {
		texts = append(texts, tc.wat)
	}
	texts = append(texts, interfaceCases...)
	var out [][]byte
	for _, text := range texts {
		out = append(out, wat(t, text))
	}
	return out
}

// checkInterface compares the decoder's interface of wasm with
// Wasmtime's; it reports whether the decoder answered.
func checkInterface(t *testing.T, wasm []byte) bool {
	t.Helper()
	mod, err := wasmtime.NewModule(engine(), wasm)
	if err != nil {
		return false
	}
	got, bounded, _ := analyzeModule(wasm)
	want := wasmtimeInterface(mod, bounded)
	if got == nil {
		return false
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded interface differs from Wasmtime's:\n got  %+v\n want %+v", got, want)
	}
	return true
}

// TestInterfaceMatchesWasmtime checks that the decoder lists exactly the
// exports and imports Wasmtime lists, for every module of the tests.
func TestInterfaceMatchesWasmtime(t *testing.T) {
	decoded, compiled := 0, 0
	for i, b := range interfaceModules(t) {
		if _, err := wasmtime.NewModule(engine(), b); err != nil {
			continue // features the engine leaves off
		}
		compiled++
		if checkInterface(t, b) {
			decoded++
		} else {
			t.Logf("module %d: decoder fell back to Wasmtime", i)
		}
	}
	// Only the module with a GC type may fall back.
	if decoded < compiled-1 || decoded < 15 {
		t.Errorf("decoded %d of the %d modules Wasmtime compiles", decoded, compiled)
	}
}

// TestInterfaceFallback checks that modules the decoder cannot vouch for
// are left to Wasmtime, and that Load still lists them right.
func TestInterfaceFallback(t *testing.T) {
	for _, text := range []string{
		`(module (type $s (struct (field i32))) (func (export "f") (param i32) (result i32) local.get 0))`,
		`(module (tag $e (export "e")) (func (export "f")))`,
		`(module (import "a" "e" (tag)) (func (export "f")))`,
	} {
		b := wat(t, text)
		if iface, _, _ := analyzeModule(b); iface != nil {
			t.Errorf("%s: decoded %+v, want a fallback", text, iface)
		}
	}
	// A module whose interface decodes but whose sections do not add up.
	s := &wasmbin.Sections{Funcs: 1, Types: []wasmbin.FuncSig{{}}, FuncTypes: []uint32{3}}
	if _, err := readInterface(s, nil); err == nil {
		t.Error("readInterface accepted a type index out of range")
	}
	s = &wasmbin.Sections{Funcs: 1, Types: []wasmbin.FuncSig{{}}, FuncTypes: []uint32{0},
		FuncExports: []wasmbin.Export{{Name: "x", Index: 1}}}
	if _, err := readInterface(s, nil); err == nil {
		t.Error("readInterface accepted a function index out of range")
	}
	s = &wasmbin.Sections{MemExports: []wasmbin.Export{{Name: "memory", Index: 0}}}
	if _, err := readInterface(s, nil); err == nil {
		t.Error("readInterface accepted a memory index out of range")
	}
}

// TestInterfaceSlicesApart checks that no two signatures share elements,
// so that appending to one cannot change another.
func TestInterfaceSlicesApart(t *testing.T) {
	iface, _, _ := analyzeModule(wat(t, manyFuncsWAT(3)))
	if iface == nil {
		t.Fatal("no interface")
	}
	e := iface.exports
	_ = append(e[0].Params, KindF64)
	if e[0].Results[0] != KindI64 {
		t.Errorf("appending to Params changed Results: %v", e[0].Results)
	}
}

// FuzzInterface decodes arbitrary bytes: for any module Wasmtime accepts
// whose interface the decoder reads, both must agree.
func FuzzInterface(f *testing.F) {
	for _, b := range interfaceModules(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if wasmtime.ModuleValidate(engine(), data) != nil {
			analyzeModule(data) // must not panic
			return
		}
		checkInterface(t, data)
	})
}
