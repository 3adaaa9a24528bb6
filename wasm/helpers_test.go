package wasm

import (
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// testWAT is the module most tests use. fail(code) records code the way
// generated modules do and executes unreachable.
const testWAT = `(module
  (memory (export "memory") 1)
  (global $err (mut i32) (i32.const 0))
  (func (export "add") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
  (func (export "noop"))
  (func (export "div") (param i64 i64) (result i64) local.get 0 local.get 1 i64.div_s)
  (func (export "fail") (param i32) local.get 0 global.set $err unreachable)
  (func (export "__ml_error") (result i32) global.get $err)
  (func $rec (export "recurse") (param i64) (result i64)
    local.get 0 i64.const 1 i64.add call $rec)
  (func (export "fadd") (param f64 f64) (result f64) local.get 0 local.get 1 f64.add)
  (func (export "f32id") (param f32) (result f32) local.get 0)
  (func (export "is_pos") (param i64) (result i32) local.get 0 i64.const 0 i64.gt_s)
  (func (export "load") (param i32) (result i32) local.get 0 i32.load)
  (func (export "pair") (result i64 f64) i64.const 7 f64.const 2.5)
)`

// bareWAT has no __ml_error: its unreachable is a generic trap.
const bareWAT = `(module (func (export "boom") unreachable))`

// importWAT needs a host function and a memory.
const importWAT = `(module
  (import "env" "log" (func (param i32)))
  (import "env" "mem" (memory 1)))`

// wat compiles WebAssembly text for a test.
func wat(t testing.TB, text string) []byte {
	t.Helper()
	b, err := wasmtime.Wat2Wasm(text)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newTestInstance compiles and instantiates text, closing it at cleanup.
func newTestInstance(t testing.TB, text string) *Instance {
	t.Helper()
	m, err := Compile(wat(t, text))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := m.Instantiate()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(inst.Close)
	return inst
}

// newModule compiles wasm and records its exports and imports, bypassing
// both caches.
func newModule(wasm []byte) (*Module, error) {
	mod, err := compileModule(wasm, Interruptible)
	if err != nil {
		return nil, err
	}
	return wrapModule(mod, wasm), nil
}
