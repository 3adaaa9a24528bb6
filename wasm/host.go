package wasm

// #include "host.h"
import "C"

import (
	"sync/atomic"
	"unsafe"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
)

// BindHost fills the host table of a generated module's instance (the
// table it exports as abi.HostExport, if any) with the host functions:
// slot abi.HostPowSlot gets the platform's pow(), the one CPython's float
// ** calls; and sets its abi.FloatSumExport global, if any, to the way
// of summing floats SetFloatSum chose. Instantiate does it for every instance; BindHost is for code that
// instantiates modules with wasmtime-go directly (tests).
func BindHost(store *wasmtime.Store, inst *wasmtime.Instance) (err error) {
	defer recoverTo(&err)
	if err := setFloatSum(store, inst); err != nil {
		return err
	}
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

// floatSum is the way of summing floats that instances are given
// (abi.FloatSumExport): abi.FloatSumUnset until SetFloatSum.
var floatSum atomic.Int32

// SetFloatSum sets the way of summing floats of the CPython the runtime
// serves (abi.FloatSumPlain or abi.FloatSumCompensated, abi.FloatSumFor
// gives it), which every instance made afterwards gets. The extension
// sets it when it is imported; unset, a module's float sums trap with
// abi.ErrUnsupported (AUTO re-runs the call in Python).
func SetFloatSum(mode int32) { floatSum.Store(mode) }

// setFloatSum sets inst's abi.FloatSumExport global, when it exports one
// (a mutable i32), to floatSum.
func setFloatSum(store *wasmtime.Store, inst *wasmtime.Instance) error {
	ext := inst.GetExport(store, abi.FloatSumExport)
	if ext == nil {
		return nil
	}
	g := ext.Global()
	if g == nil || !g.Type(store).Mutable() || g.Type(store).Content().Kind() != wasmtime.KindI32 {
		return nil
	}
	return g.Set(store, wasmtime.ValI32(floatSum.Load()))
}
