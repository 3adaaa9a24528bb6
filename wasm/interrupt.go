package wasm

// #include <stdlib.h>
// #include "fastcall.h"
import "C"

import (
	"runtime"
	"unsafe"
)

// Interruption by SIGINT is driven from C (interrupt.c, and the CPython
// bridge, which arms the calls of Python's main thread); these helpers let
// Go code and tests take the same path.

// armInterrupt arms the calling goroutine's OS thread for calls into inst
// (nil while instantiating) as the main thread, which SIGINT stops, and
// returns the function that disarms it and reports whether a SIGINT came.
// The goroutine stays locked to its thread until then.
func armInterrupt(inst *Instance) (disarm func() (hit bool)) {
	runtime.LockOSThread()
	t := (*C.ml_interrupt_target)(C.calloc(1, C.sizeof_ml_interrupt_target))
	var ci *C.ml_instance
	if inst != nil && inst.c != nil {
		ci = inst.c.ptr
	}
	C.ml_interrupt_arm(t, ci, 1)
	return func() bool {
		C.ml_interrupt_disarm(t)
		hit := t.hit != 0
		C.free(unsafe.Pointer(t))
		runtime.UnlockOSThread()
		return hit
	}
}

// deliverInterrupt does what the SIGINT handler does once Python's handler
// has run: it stops the main thread's armed call.
func deliverInterrupt() { C.ml_interrupt_deliver() }

// GuardSigint puts the extension's SIGINT handler over the one installed
// (Python's, which it calls first), so that Ctrl-C also stops the
// WebAssembly call the main thread runs; see interrupt.c. It returns
// whether it installed the handler now.
func GuardSigint() bool { return C.ml_sigint_guard() != 0 }
