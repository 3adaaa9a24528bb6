package wasm

// #include <stdlib.h>
// #include <string.h>
// #include "fastcall.h"
//
// // ml_call_go calls f for Go and returns NULL, or a malloc'd failure:
// // Go passes no pointer to its own stack, so the call does not allocate.
// static ml_failure *ml_call_go(const ml_fastfunc *f, wasmtime_val_raw_t *slots) {
//   ml_failure fail;
//   if (ml_fastcall(f, slots, &fail) == ML_OK) {
//     return NULL;
//   }
//   ml_failure *out = malloc(sizeof fail);
//   if (out == NULL) {
//     ml_failure_clear(&fail);
//     return NULL;
//   }
//   *out = fail;
//   return out;
// }
//
// // ml_kind_at reads kind i of f, for tests.
// static int ml_kind_at(const ml_fastfunc *f, int i) { return f->kinds[i]; }
import "C"

import (
	"unsafe"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// A FastFunc is an exported function prepared for the direct call path: a
// C-allocated ml_fastfunc (fastcall.h) that C code passes to ml_fastcall.
// It belongs to its Instance and is freed by Instance.Close.
type FastFunc struct {
	ptr    *C.ml_fastfunc
	export FuncExport
}

// newFastFunc allocates the ml_fastfunc for f, an export of the instance
// living in store.
func newFastFunc(store *wasmtime.Store, f *wasmtime.Func, e FuncExport) *FastFunc {
	n := len(e.Params) + len(e.Results)
	p := (*C.ml_fastfunc)(C.calloc(1, C.size_t(C.sizeof_ml_fastfunc+n)))
	if p == nil {
		panic("wasm: out of C memory")
	}
	p.context = (*C.wasmtime_context_t)(unsafe.Pointer(store.Context()))
	// wasmtime.Func is a struct whose only field is the C wasmtime_func_t;
	// TestFuncLayout checks the sizes agree.
	p._func = *(*C.wasmtime_func_t)(unsafe.Pointer(f))
	p.nparams = C.uint32_t(len(e.Params))
	p.nresults = C.uint32_t(len(e.Results))
	p.nslots = C.uint32_t(max(len(e.Params), len(e.Results), 1))
	kinds := unsafe.Slice((*ValKind)(unsafe.Pointer(&p.kinds)), n)
	copy(kinds, e.Params)
	copy(kinds[len(e.Params):], e.Results)
	return &FastFunc{ptr: p, export: e}
}

// free releases the C struct. The FastFunc must not be used afterwards.
func (f *FastFunc) free() {
	if f.ptr != nil {
		C.free(unsafe.Pointer(f.ptr))
		f.ptr = nil
	}
}

// setErrorFunc makes traps of f consult ef (the instance's __ml_error).
func (f *FastFunc) setErrorFunc(ef *FastFunc) {
	f.ptr.error_fn = ef.ptr
}

// Ptr returns the ml_fastfunc* for C code, valid until the instance is
// closed (nil afterwards).
func (f *FastFunc) Ptr() unsafe.Pointer { return unsafe.Pointer(f.ptr) }

// Export returns the function's name and signature.
func (f *FastFunc) Export() FuncExport { return f.export }

// Slots returns how many 16-byte wasmtime_val_raw_t slots a call needs.
func (f *FastFunc) Slots() int { return max(len(f.export.Params), len(f.export.Results), 1) }

// callSlots calls f through ml_fastcall. slots holds two uint64 words per
// wasmtime_val_raw_t, f.Slots() of them: arguments in, results out.
func (f *FastFunc) callSlots(slots []uint64) *Trap {
	if f.ptr == nil {
		return &Trap{Kind: TrapError, Code: -1, Func: f.export.Name, Message: "instance is closed"}
	}
	fail := C.ml_call_go(f.ptr, (*C.wasmtime_val_raw_t)(unsafe.Pointer(&slots[0])))
	if fail == nil {
		return nil
	}
	msg := C.ml_failure_message(fail)
	t := &Trap{
		Kind:      TrapKind(fail.kind),
		Code:      int(fail.code),
		ErrorCode: int32(fail.ml_code),
		Func:      f.export.Name,
		Message:   C.GoString(msg),
	}
	C.free(unsafe.Pointer(msg))
	C.ml_failure_clear(fail)
	C.free(unsafe.Pointer(fail))
	return t
}

// cKindFor exposes ml_kind_for to tests.
func cKindFor(code int, mlCode int32) TrapKind {
	return TrapKind(C.ml_kind_for(C.int(code), C.int32_t(mlCode)))
}

// kindsSeenByC returns the kinds of f as C code reads them, for tests.
func (f *FastFunc) kindsSeenByC() []ValKind {
	n := int(f.ptr.nparams + f.ptr.nresults)
	out := make([]ValKind, n)
	for i := range out {
		out[i] = ValKind(C.ml_kind_at(f.ptr, C.int(i)))
	}
	return out
}

// cLayout exposes the C sizes the fast path relies on, for tests.
func cLayout() (funcSize, rawSize, rawAlign uintptr) {
	return C.sizeof_wasmtime_func_t, C.sizeof_wasmtime_val_raw_t, unsafe.Alignof(C.wasmtime_val_raw_t{})
}

// cTrapKinds exposes the ML_TRAP_* constants, in TrapKind order, for tests.
func cTrapKinds() []int {
	return []int{C.ML_OK, C.ML_TRAP_GENERIC, C.ML_TRAP_ZERO_DIVISION, C.ML_TRAP_OVERFLOW,
		C.ML_TRAP_INDEX, C.ML_TRAP_RECURSION, C.ML_TRAP_VALUE, C.ML_TRAP_ASSERTION,
		C.ML_TRAP_MEMORY, C.ML_TRAP_UNSUPPORTED, C.ML_TRAP_ERROR}
}

// cValKinds exposes ML_I32..ML_F64 and ML_OTHER, for tests.
func cValKinds() []int {
	return []int{C.ML_I32, C.ML_I64, C.ML_F32, C.ML_F64, C.ML_OTHER}
}
