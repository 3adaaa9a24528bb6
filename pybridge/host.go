//go:build pyext

package main

// #cgo CFLAGS: -I${SRCDIR}/../wasm
// #include "bridge.h"
import "C"

import (
	"errors"
	"unsafe"

	"github.com/multilingualprogramming/multilingual/wasm"
)

// errHostRaised is the trap message of a Python host function that raised;
// the call re-raises the Python exception itself (see ml_host_call).
var errHostRaised = errors.New("a Python host function raised an exception")

// hostFunc returns the Go host function behind import key of m: it hands
// the raw values to ml_host_call, which takes the GIL and calls fn. fn is
// kept alive by the Python Module (its imports dict). An import the module
// does not have gets a function NewTemplate rejects before it is used.
func hostFunc(m *wasm.Module, key wasm.ImportName, fn *C.PyObject) wasm.HostFunc {
	var im wasm.Import
	for _, i := range m.Imports() {
		if i.Module == key.Module && i.Name == key.Name {
			im = i
		}
	}
	kinds := append(append([]wasm.ValKind{0}, im.Params...), im.Results...)[1:]
	np, nr := len(im.Params), len(im.Results)
	return func(args, results []uint64) error {
		var ap, rp *C.uint64_t
		if np > 0 {
			ap = (*C.uint64_t)(unsafe.Pointer(&args[0]))
		}
		if nr > 0 {
			rp = (*C.uint64_t)(unsafe.Pointer(&results[0]))
		}
		var kp *C.uint8_t
		if len(kinds) > 0 {
			kp = (*C.uint8_t)(unsafe.Pointer(&kinds[0]))
		}
		if C.ml_host_call(fn, kp, C.int(np), C.int(nr), ap, rp) != 0 {
			return errHostRaised
		}
		return nil
	}
}
