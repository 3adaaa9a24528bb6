package wasm

// #include <stdlib.h>
// #include <string.h>
// #include "fastcall.h"
//
// // ml_call_go calls f for Go and returns NULL, or a malloc'd failure:
// // Go passes no pointer to its own stack, so the call does not allocate.
// // A deadline_ns of 0 means no time limit.
// static ml_failure *ml_call_go(const ml_fastfunc *f, wasmtime_val_raw_t *slots, int64_t deadline_ns) {
//   ml_failure fail;
//   int kind = deadline_ns == 0 ? ml_fastcall(f, slots, &fail)
//                               : ml_fastcall_deadline(f, slots, &fail, deadline_ns);
//   if (kind == ML_OK) {
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
// // ml_instance_funcs returns the funcs array of p (cgo cannot see a
// // flexible array of pointers).
// static ml_fastfunc **ml_instance_funcs(ml_instance *p) { return p->funcs; }
//
// // ml_kind_at reads kind i of f, for tests.
// static int ml_kind_at(const ml_fastfunc *f, int i) { return f->kinds[i]; }
import "C"

import (
	"math"
	"time"
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
// living in store, whose shared state is state.
func newFastFunc(store *wasmtime.Store, f *wasmtime.Func, e FuncExport, state *C.ml_store_state) *FastFunc {
	n := len(e.Params) + len(e.Results)
	p := (*C.ml_fastfunc)(C.calloc(1, C.size_t(C.sizeof_ml_fastfunc+n)))
	if p == nil {
		panic("wasm: out of C memory")
	}
	p.context = (*C.wasmtime_context_t)(unsafe.Pointer(store.Context()))
	p.state = state
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

// A cInstance is the ml_instance (fastcall.h) of an Instance: its store
// context, memory and prepared functions in export order, for C code.
type cInstance struct {
	ptr *C.ml_instance
}

// newCInstance allocates the ml_instance of inst, whose functions are
// prepared.
func newCInstance(inst *Instance) *cInstance {
	exports := inst.module.exports
	n := len(exports)
	p := (*C.ml_instance)(C.calloc(1, C.size_t(C.sizeof_ml_instance+n*int(unsafe.Sizeof(uintptr(0))))))
	if p == nil {
		panic("wasm: out of C memory")
	}
	p.context = (*C.wasmtime_context_t)(unsafe.Pointer(inst.store.Context()))
	if inst.mem != nil {
		// wasmtime.Memory is a struct whose only field is the C
		// wasmtime_memory_t; TestMemoryLayout checks the sizes agree.
		p.memory = *(*C.wasmtime_memory_t)(unsafe.Pointer(inst.mem))
		p.has_memory = 1
		if inst.word >= 0 {
			// The memory never moves (engineFor), so the address stays valid.
			var size C.size_t
			base := C.ml_memory(p, &size)
			p.interrupt_word = (*C.int32_t)(unsafe.Add(unsafe.Pointer(base), inst.word))
		}
	}
	p.state = inst.state
	p.nfuncs = C.uint32_t(n)
	funcs := unsafe.Slice(C.ml_instance_funcs(p), n)
	for i, e := range exports {
		if f := inst.funcs[e.Name]; f != nil {
			funcs[i] = f.ptr
		}
	}
	return &cInstance{ptr: p}
}

// free releases the C struct; nil is allowed.
func (c *cInstance) free() {
	if c != nil && c.ptr != nil {
		C.free(unsafe.Pointer(c.ptr))
		c.ptr = nil
	}
}

// Ptr returns the instance's ml_instance* for C code, valid until Close
// (nil afterwards). Its funcs are in the order of Module.Exports.
func (inst *Instance) Ptr() unsafe.Pointer {
	if inst.c == nil {
		return nil
	}
	return unsafe.Pointer(inst.c.ptr)
}

// cMemory returns the memory as C code sees it through ml_memory, for
// tests.
func (inst *Instance) cMemory() (base unsafe.Pointer, size int) {
	var n C.size_t
	b := C.ml_memory(inst.c.ptr, &n)
	return unsafe.Pointer(b), int(n)
}

// cFuncAt returns entry i of the ml_instance's funcs, for tests.
func (inst *Instance) cFuncAt(i int) unsafe.Pointer {
	funcs := unsafe.Slice(C.ml_instance_funcs(inst.c.ptr), int(inst.c.ptr.nfuncs))
	return unsafe.Pointer(funcs[i])
}

// Export returns the function's name and signature.
func (f *FastFunc) Export() FuncExport { return f.export }

// Slots returns how many 16-byte wasmtime_val_raw_t slots a call needs.
func (f *FastFunc) Slots() int { return max(len(f.export.Params), len(f.export.Results), 1) }

// callSlots calls f through ml_fastcall. slots holds two uint64 words per
// wasmtime_val_raw_t, f.Slots() of them: arguments in, results out.
func (f *FastFunc) callSlots(slots []uint64) *Trap { return f.callSlotsDeadline(slots, 0) }

// callSlotsDeadline is callSlots with a time limit d (none when d <= 0);
// the caller keeps the ticker running (AcquireTicker).
func (f *FastFunc) callSlotsDeadline(slots []uint64, d time.Duration) *Trap {
	if f.ptr == nil {
		return &Trap{Kind: TrapError, Code: -1, Func: f.export.Name, Message: "instance is closed", CodeName: "error"}
	}
	var deadline int64
	if d > 0 {
		deadline = int64(C.ml_now_ns()) + int64(min(d, time.Duration(math.MaxInt64/4)))
	}
	fail := C.ml_call_go(f.ptr, (*C.wasmtime_val_raw_t)(unsafe.Pointer(&slots[0])), C.int64_t(deadline))
	if fail == nil {
		return nil
	}
	msg := C.ml_failure_message(fail)
	bt := C.ml_failure_backtrace(fail)
	t := &Trap{
		Kind:      TrapKind(fail.kind),
		Code:      int(fail.code),
		ErrorCode: int32(fail.ml_code),
		Func:      f.export.Name,
		Message:   C.GoString(msg),
		CodeName:  C.GoString(C.ml_trap_code_name(fail.code)),
		Backtrace: C.GoString(bt),
	}
	C.free(unsafe.Pointer(msg))
	C.free(unsafe.Pointer(bt))
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

// cMemoryLayout exposes the size of C's wasmtime_memory_t, for tests.
func cMemoryLayout() uintptr { return C.sizeof_wasmtime_memory_t }

// cCodeName exposes ml_trap_code_name, for tests.
func cCodeName(code int) string { return C.GoString(C.ml_trap_code_name(C.int(code))) }

// cTrapKinds exposes the ML_TRAP_* constants, in TrapKind order, for tests.
func cTrapKinds() []int {
	return []int{C.ML_OK, C.ML_TRAP_GENERIC, C.ML_TRAP_ZERO_DIVISION, C.ML_TRAP_OVERFLOW,
		C.ML_TRAP_INDEX, C.ML_TRAP_RECURSION, C.ML_TRAP_VALUE, C.ML_TRAP_ASSERTION,
		C.ML_TRAP_MEMORY, C.ML_TRAP_UNSUPPORTED, C.ML_TRAP_ERROR, C.ML_TRAP_TIMEOUT,
		C.ML_TRAP_TYPE, C.ML_TRAP_INTERRUPT}
}

// cValKinds exposes ML_I32..ML_F64 and ML_OTHER, for tests.
func cValKinds() []int {
	return []int{C.ML_I32, C.ML_I64, C.ML_F32, C.ML_F64, C.ML_OTHER}
}
