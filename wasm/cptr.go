package wasm

import (
	"reflect"
	"unsafe"
)

// cPointer returns the C pointer that a wasmtime-go object (a *Config,
// *Engine or *Store) keeps in its unexported field _ptr: the C API has
// calls that wasmtime-go does not wrap (the epoch deadline callback,
// memory_may_move, incrementing the epoch from a signal handler).
// TestCPointers checks the field of each type we use. It panics when the
// field is missing (exported functions recover).
func cPointer(obj any) unsafe.Pointer {
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		panic("wasm: cPointer needs a non-nil pointer")
	}
	f := v.Elem().FieldByName("_ptr")
	if !f.IsValid() || f.Kind() != reflect.Pointer {
		panic("wasm: wasmtime-go's " + v.Elem().Type().Name() + " has no C pointer field _ptr")
	}
	return *(*unsafe.Pointer)(unsafe.Pointer(f.UnsafeAddr()))
}
