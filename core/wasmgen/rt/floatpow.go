package rt

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// float ** float. CPython sorts out the special cases of x ** y itself
// and leaves the rest, a finite positive x other than 1 and a finite
// nonzero y, to the platform's pow(); compiled code does the same, with
// that very pow() supplied by the runtime through the module's host table
// (abi.HostExport), so that the results are Python's bit for bit:
//
//	y == 0                 1.0 (even for a NaN x)
//	x is NaN               x
//	y is NaN               1.0 if x == 1 else y
//	y is ±inf              1.0 if |x| == 1; inf if (y > 0) == (|x| > 1);
//	                       else 0.0
//	x is ±inf              y > 0: x if y is an odd integer else |x|;
//	                       y < 0: copysign(0, x) if y is odd else 0.0
//	x == ±0                y < 0: ZeroDivisionError with CPython's own
//	                       message, which the re-run in Python gives
//	                       (ErrUnsupported); else x if y is odd else 0.0
//	x < 0                  y not an integer: a complex result, which
//	                       compiled code leaves to Python (ErrUnsupported);
//	                       else |x| ** y, negated when y is odd
//	|x| == 1               ±1.0
//	otherwise              pow(x, y); an errno (overflow) comes back as
//	                       NaN, which traps with ErrOverflow: the call is
//	                       re-run in Python, which raises OverflowError
//
// where "y is odd" means fmod(|y|, 2) == 1, computed here exactly as
// |y| - trunc(|y| / 2) * 2 (every step is exact for a finite y).

// inf is +inf; hostType is the type of the host functions, type 0 of a
// module with a host table.
var inf = math.Inf(1)

var hostType = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.F64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.F64}}

// useHost gives the module its host table, abi.HostSlots slots exported
// as abi.HostExport, and the type of the host functions, type 0.
func (r *Runtime) useHost() {
	r.mod.Table = &wasmbin.Table{Export: abi.HostExport, Size: abi.HostSlots}
	r.mod.Types = []wasmbin.TypeDecl{{Name: "host", Type: hostType}}
}

// buildFloatPow builds __ml_fpow(x, y f64) -> f64 (see above).
func buildFloatPow(h *fn) {
	h.r.useHost()
	h.signature(hostType.Params, []string{"x", "y"}, hostType.Results...)
	const x, y = 0, 1
	neg := h.Named(wasmbin.I32, "negate")
	r := h.Named(wasmbin.F64, "r")
	ret := func(gen func()) {
		gen()
		h.Emit(wasmbin.OpReturn)
	}
	// odd pushes whether y is an odd integer.
	odd := func() {
		h.Get(y)
		h.Emit(wasmbin.OpF64Abs)
		h.Get(y)
		h.Emit(wasmbin.OpF64Abs)
		h.F64(0.5)
		h.Emit(wasmbin.OpF64Mul)
		h.Emit(wasmbin.OpF64Trunc)
		h.F64(2)
		h.Emit(wasmbin.OpF64Mul)
		h.Emit(wasmbin.OpF64Sub)
		h.F64(1)
		h.Emit(wasmbin.OpF64Eq)
	}
	isInf := func(v uint32) {
		h.Get(v)
		h.Emit(wasmbin.OpF64Abs)
		h.F64(inf)
		h.Emit(wasmbin.OpF64Eq)
	}
	when := func(cond func(), body func()) {
		cond()
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		body()
		h.End()
	}
	// y == 0
	when(func() { h.Get(y); h.F64(0); h.Emit(wasmbin.OpF64Eq) }, func() { ret(func() { h.F64(1) }) })
	// x is NaN
	when(func() { h.Get(x); h.Get(x); h.Emit(wasmbin.OpF64Ne) }, func() { ret(func() { h.Get(x) }) })
	// y is NaN
	when(func() { h.Get(y); h.Get(y); h.Emit(wasmbin.OpF64Ne) }, func() {
		ret(func() {
			h.F64(1)
			h.Get(y)
			h.BinF64(wasmbin.OpF64Eq, x, 1)
			h.Emit(wasmbin.OpSelect)
		})
	})
	// y is ±inf
	when(func() { isInf(y) }, func() {
		when(func() { h.Get(x); h.Emit(wasmbin.OpF64Abs); h.F64(1); h.Emit(wasmbin.OpF64Eq) }, func() { ret(func() { h.F64(1) }) })
		ret(func() {
			h.F64(inf)
			h.F64(0)
			h.BinF64(wasmbin.OpF64Gt, y, 0)
			h.Get(x)
			h.Emit(wasmbin.OpF64Abs)
			h.F64(1)
			h.Emit(wasmbin.OpF64Gt)
			h.Emit(wasmbin.OpI32Eq)
			h.Emit(wasmbin.OpSelect)
		})
	})
	// x is ±inf
	when(func() { isInf(x) }, func() {
		when(func() { h.Get(y); h.F64(0); h.Emit(wasmbin.OpF64Gt) }, func() {
			ret(func() {
				h.Gets(x, x)
				h.Emit(wasmbin.OpF64Abs)
				odd()
				h.Emit(wasmbin.OpSelect)
			})
		})
		ret(func() {
			h.F64(0)
			h.Get(x)
			h.Emit(wasmbin.OpF64Copysign)
			h.F64(0)
			odd()
			h.Emit(wasmbin.OpSelect)
		})
	})
	// x == ±0
	when(func() { h.Get(x); h.F64(0); h.Emit(wasmbin.OpF64Eq) }, func() {
		when(func() { h.Get(y); h.F64(0); h.Emit(wasmbin.OpF64Lt) }, func() { h.Trap(abi.ErrUnsupported) })
		ret(func() {
			h.Get(x)
			h.F64(0)
			odd()
			h.Emit(wasmbin.OpSelect)
		})
	})
	// x < 0
	when(func() { h.Get(x); h.F64(0); h.Emit(wasmbin.OpF64Lt) }, func() {
		when(func() { h.Get(y); h.Get(y); h.Emit(wasmbin.OpF64Floor); h.Emit(wasmbin.OpF64Ne) }, func() { h.Trap(abi.ErrUnsupported) })
		h.Get(x)
		h.Emit(wasmbin.OpF64Neg)
		h.Set(x)
		odd()
		h.Set(neg)
	})
	// |x| == 1
	when(func() { h.Get(x); h.F64(1); h.Emit(wasmbin.OpF64Eq) }, func() {
		ret(func() {
			h.F64(-1)
			h.F64(1)
			h.Get(neg)
			h.Emit(wasmbin.OpSelect)
		})
	})
	// the platform's pow, if the runtime supplied it
	h.I32(abi.HostPowSlot)
	h.EmitImm(wasmbin.OpTableGet, 0)
	h.Emit(wasmbin.OpRefIsNull)
	h.TrapIf(abi.ErrUnsupported)
	h.Get(x)
	h.Get(y)
	h.I32(abi.HostPowSlot)
	h.EmitImm(wasmbin.OpCallIndirect, 0)
	h.Tee(r)
	h.Get(r)
	h.Emit(wasmbin.OpF64Ne)
	h.TrapIf(abi.ErrOverflow)
	h.Get(r)
	h.Emit(wasmbin.OpF64Neg)
	h.Gets(r, neg)
	h.Emit(wasmbin.OpSelect)
}
