package wasm

import "fmt"

// A PanicError is a Go panic caught at the package boundary.
type PanicError struct {
	Value any
}

// Error returns "wasm: internal error: " and the panic value.
func (e *PanicError) Error() string { return fmt.Sprintf("wasm: internal error: %v", e.Value) }

// recoverTo turns a panic into *err. Deferred by every exported function
// that can reach wasmtime-go, which panics on misuse.
func recoverTo(err *error) {
	if r := recover(); r != nil {
		*err = &PanicError{Value: r}
	}
}
