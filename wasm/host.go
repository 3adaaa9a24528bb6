package wasm

// #include "host.h"
import "C"

import (
	"unsafe"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
)

// BindHost fills the host table of a generated module's instance (the
// table it exports as abi.HostExport, if any) with the host functions:
// slot abi.HostPowSlot gets the platform's pow(), the one CPython's float
// ** calls. Instantiate does it for every instance; BindHost is for code that
// instantiates modules with wasmtime-go directly (tests).
func BindHost(store *wasmtime.Store, inst *wasmtime.Instance) (err error) {
	defer recoverTo(&err)
	ext := inst.GetExport(store, abi.HostExport)
	if ext == nil {
		return nil
	}
	table := ext.Table()
	if table == nil {
		return nil
	}
	var cf C.wasmtime_func_t
	C.ml_new_host_pow((*C.wasmtime_context_t)(unsafe.Pointer(store.Context())), &cf)
	// wasmtime.Func is a struct whose only field is the C wasmtime_func_t
	// (TestFuncLayout).
	fn := new(wasmtime.Func)
	*(*C.wasmtime_func_t)(unsafe.Pointer(fn)) = cf
	return table.Set(store, abi.HostPowSlot, wasmtime.ValFuncref(fn))
}

// hostPow is the value the host pow gives for x and y, for tests: pow(x,
// y), or NaN when pow reported an error.
func hostPow(x, y float64) float64 { return float64(C.ml_host_pow_value(C.double(x), C.double(y))) }
