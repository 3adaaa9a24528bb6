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
	f := fg.f
	f.Type = hostType
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	neg := fg.named(wasmbin.I32, "negate")
	r := fg.named(wasmbin.F64, "r")
	ret := func(gen func()) {
		gen()
		fg.emit(wasmbin.OpReturn)
	}
	// odd pushes whether y is an odd integer.
	odd := func() {
		fg.get(y)
		fg.emit(wasmbin.OpF64Abs)
		fg.get(y)
		fg.emit(wasmbin.OpF64Abs)
		fg.f64(0.5)
		fg.emit(wasmbin.OpF64Mul)
		fg.emit(wasmbin.OpF64Trunc)
		fg.f64(2)
		fg.emit(wasmbin.OpF64Mul)
		fg.emit(wasmbin.OpF64Sub)
		fg.f64(1)
		fg.emit(wasmbin.OpF64Eq)
	}
	isInf := func(v uint32) {
		fg.get(v)
		fg.emit(wasmbin.OpF64Abs)
		fg.f64(inf)
		fg.emit(wasmbin.OpF64Eq)
	}
	when := func(cond func(), body func()) {
		cond()
		fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		body()
		fg.end()
	}
	// y == 0
	when(func() { fg.get(y); fg.f64(0); fg.emit(wasmbin.OpF64Eq) }, func() { ret(func() { fg.f64(1) }) })
	// x is NaN
	when(func() { fg.get(x); fg.get(x); fg.emit(wasmbin.OpF64Ne) }, func() { ret(func() { fg.get(x) }) })
	// y is NaN
	when(func() { fg.get(y); fg.get(y); fg.emit(wasmbin.OpF64Ne) }, func() {
		ret(func() {
			fg.f64(1)
			fg.get(y)
			fg.get(x)
			fg.f64(1)
			fg.emit(wasmbin.OpF64Eq)
			fg.emit(wasmbin.OpSelect)
		})
	})
	// y is ±inf
	when(func() { isInf(y) }, func() {
		when(func() { fg.get(x); fg.emit(wasmbin.OpF64Abs); fg.f64(1); fg.emit(wasmbin.OpF64Eq) }, func() { ret(func() { fg.f64(1) }) })
		ret(func() {
			fg.f64(inf)
			fg.f64(0)
			fg.get(y)
			fg.f64(0)
			fg.emit(wasmbin.OpF64Gt)
			fg.get(x)
			fg.emit(wasmbin.OpF64Abs)
			fg.f64(1)
			fg.emit(wasmbin.OpF64Gt)
			fg.emit(wasmbin.OpI32Eq)
			fg.emit(wasmbin.OpSelect)
		})
	})
	// x is ±inf
	when(func() { isInf(x) }, func() {
		when(func() { fg.get(y); fg.f64(0); fg.emit(wasmbin.OpF64Gt) }, func() {
			ret(func() {
				fg.get(x)
				fg.get(x)
				fg.emit(wasmbin.OpF64Abs)
				odd()
				fg.emit(wasmbin.OpSelect)
			})
		})
		ret(func() {
			fg.f64(0)
			fg.get(x)
			fg.emit(wasmbin.OpF64Copysign)
			fg.f64(0)
			odd()
			fg.emit(wasmbin.OpSelect)
		})
	})
	// x == ±0
	when(func() { fg.get(x); fg.f64(0); fg.emit(wasmbin.OpF64Eq) }, func() {
		when(func() { fg.get(y); fg.f64(0); fg.emit(wasmbin.OpF64Lt) }, func() { fg.trap(abi.ErrUnsupported) })
		ret(func() {
			fg.get(x)
			fg.f64(0)
			odd()
			fg.emit(wasmbin.OpSelect)
		})
	})
	// x < 0
	when(func() { fg.get(x); fg.f64(0); fg.emit(wasmbin.OpF64Lt) }, func() {
		when(func() { fg.get(y); fg.get(y); fg.emit(wasmbin.OpF64Floor); fg.emit(wasmbin.OpF64Ne) }, func() { fg.trap(abi.ErrUnsupported) })
		fg.get(x)
		fg.emit(wasmbin.OpF64Neg)
		fg.set(x)
		odd()
		fg.set(neg)
	})
	// |x| == 1
	when(func() { fg.get(x); fg.f64(1); fg.emit(wasmbin.OpF64Eq) }, func() {
		ret(func() {
			fg.f64(-1)
			fg.f64(1)
			fg.get(neg)
			fg.emit(wasmbin.OpSelect)
		})
	})
	// the platform's pow, if the runtime supplied it
	fg.i32(abi.HostPowSlot)
	fg.emitImm(wasmbin.OpTableGet, 0)
	fg.emit(wasmbin.OpRefIsNull)
	fg.trapIf(abi.ErrUnsupported)
	fg.get(x)
	fg.get(y)
	fg.i32(abi.HostPowSlot)
	fg.emitImm(wasmbin.OpCallIndirect, 0)
	fg.tee(r)
	fg.get(r)
	fg.emit(wasmbin.OpF64Ne)
	fg.trapIf(abi.ErrOverflow)
	fg.get(r)
	fg.emit(wasmbin.OpF64Neg)
	fg.get(r)
	fg.get(neg)
	fg.emit(wasmbin.OpSelect)
}
