package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"math"
)

// float ** float. CPython sorts out the special cases of x ** y itself
// and leaves the rest, a finite positive x other than 1 and a finite
// nonzero y, to the platform's pow(); compiled code does the same, with
// that very pow() supplied by the runtime through the module's host table
// (HostExport in abi.go), so that the results are Python's bit for bit:
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
func (g *gen) useHost() {
	g.mod.Table = &wasmbin.Table{Export: abi.HostExport, Size: abi.HostSlots}
	g.mod.Types = []wasmbin.TypeDecl{{Name: "host", Type: hostType}}
}

// genFloatPow builds __ml_fpow(x, y f64) -> f64 (see above).
func genFloatPow(fg *fgen) {
	fg.g.useHost()
	f := fg.F
	f.Type = hostType
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	neg := fg.Named(wasmbin.I32, "negate")
	r := fg.Named(wasmbin.F64, "r")
	ret := func(gen func()) {
		gen()
		fg.Emit(wasmbin.OpReturn)
	}
	// odd pushes whether y is an odd integer.
	odd := func() {
		fg.Get(y)
		fg.Emit(wasmbin.OpF64Abs)
		fg.Get(y)
		fg.Emit(wasmbin.OpF64Abs)
		fg.F64(0.5)
		fg.Emit(wasmbin.OpF64Mul)
		fg.Emit(wasmbin.OpF64Trunc)
		fg.F64(2)
		fg.Emit(wasmbin.OpF64Mul)
		fg.Emit(wasmbin.OpF64Sub)
		fg.F64(1)
		fg.Emit(wasmbin.OpF64Eq)
	}
	isInf := func(v uint32) {
		fg.Get(v)
		fg.Emit(wasmbin.OpF64Abs)
		fg.F64(inf)
		fg.Emit(wasmbin.OpF64Eq)
	}
	when := func(cond func(), body func()) {
		cond()
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		body()
		fg.End()
	}
	// y == 0
	when(func() { fg.Get(y); fg.F64(0); fg.Emit(wasmbin.OpF64Eq) }, func() { ret(func() { fg.F64(1) }) })
	// x is NaN
	when(func() { fg.Get(x); fg.Get(x); fg.Emit(wasmbin.OpF64Ne) }, func() { ret(func() { fg.Get(x) }) })
	// y is NaN
	when(func() { fg.Get(y); fg.Get(y); fg.Emit(wasmbin.OpF64Ne) }, func() {
		ret(func() {
			fg.F64(1)
			fg.Get(y)
			fg.Get(x)
			fg.F64(1)
			fg.Emit(wasmbin.OpF64Eq)
			fg.Emit(wasmbin.OpSelect)
		})
	})
	// y is ±inf
	when(func() { isInf(y) }, func() {
		when(func() { fg.Get(x); fg.Emit(wasmbin.OpF64Abs); fg.F64(1); fg.Emit(wasmbin.OpF64Eq) }, func() { ret(func() { fg.F64(1) }) })
		ret(func() {
			fg.F64(inf)
			fg.F64(0)
			fg.Get(y)
			fg.F64(0)
			fg.Emit(wasmbin.OpF64Gt)
			fg.Get(x)
			fg.Emit(wasmbin.OpF64Abs)
			fg.F64(1)
			fg.Emit(wasmbin.OpF64Gt)
			fg.Emit(wasmbin.OpI32Eq)
			fg.Emit(wasmbin.OpSelect)
		})
	})
	// x is ±inf
	when(func() { isInf(x) }, func() {
		when(func() { fg.Get(y); fg.F64(0); fg.Emit(wasmbin.OpF64Gt) }, func() {
			ret(func() {
				fg.Bin(wasmbin.OpF64Abs, x, x)
				odd()
				fg.Emit(wasmbin.OpSelect)
			})
		})
		ret(func() {
			fg.F64(0)
			fg.Get(x)
			fg.Emit(wasmbin.OpF64Copysign)
			fg.F64(0)
			odd()
			fg.Emit(wasmbin.OpSelect)
		})
	})
	// x == ±0
	when(func() { fg.Get(x); fg.F64(0); fg.Emit(wasmbin.OpF64Eq) }, func() {
		when(func() { fg.Get(y); fg.F64(0); fg.Emit(wasmbin.OpF64Lt) }, func() { fg.Trap(abi.ErrUnsupported) })
		ret(func() {
			fg.Get(x)
			fg.F64(0)
			odd()
			fg.Emit(wasmbin.OpSelect)
		})
	})
	// x < 0
	when(func() { fg.Get(x); fg.F64(0); fg.Emit(wasmbin.OpF64Lt) }, func() {
		when(func() { fg.Get(y); fg.Get(y); fg.Emit(wasmbin.OpF64Floor); fg.Emit(wasmbin.OpF64Ne) }, func() { fg.Trap(abi.ErrUnsupported) })
		fg.Get(x)
		fg.Emit(wasmbin.OpF64Neg)
		fg.Set(x)
		odd()
		fg.Set(neg)
	})
	// |x| == 1
	when(func() { fg.Get(x); fg.F64(1); fg.Emit(wasmbin.OpF64Eq) }, func() {
		ret(func() {
			fg.F64(-1)
			fg.F64(1)
			fg.Get(neg)
			fg.Emit(wasmbin.OpSelect)
		})
	})
	// the platform's pow, if the runtime supplied it
	fg.I32(abi.HostPowSlot)
	fg.EmitImm(wasmbin.OpTableGet, 0)
	fg.Emit(wasmbin.OpRefIsNull)
	fg.TrapIf(abi.ErrUnsupported)
	fg.Get(x)
	fg.Get(y)
	fg.I32(abi.HostPowSlot)
	fg.EmitImm(wasmbin.OpCallIndirect, 0)
	fg.Tee(r)
	fg.Get(r)
	fg.Emit(wasmbin.OpF64Ne)
	fg.TrapIf(abi.ErrOverflow)
	fg.Get(r)
	fg.Emit(wasmbin.OpF64Neg)
	fg.Bin(wasmbin.OpSelect, r, neg)
}
