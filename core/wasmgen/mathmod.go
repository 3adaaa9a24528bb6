package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// mathCall generates a call of a function of the math module that the
// checker accepted (core/check/mathmod.go). Each is one IEEE operation,
// which gives CPython's result (its C library's sqrt, floor, ceil, fabs
// and copysign are exact too); where CPython raises (the square root of
// a negative number, the floor of a NaN) the call traps with
// ErrUnsupported, and AUTO re-runs it in Python, which raises CPython's
// own error. An int argument is converted as CPython converts it
// (rounded to nearest, ties to even); floor, ceil and trunc of an int or
// bool are the int itself.
func (fg *fgen) mathCall(name string, args []ast.Expr) {
	switch name {
	case "floor", "ceil", "trunc":
		if fg.typeOf(args[0]).Kind != check.Float {
			fg.exprAs(args[0], check.Int)
			return
		}
		fg.expr(args[0])
		fg.Emit(map[string]wasmbin.Opcode{"floor": wasmbin.OpF64Floor, "ceil": wasmbin.OpF64Ceil,
			"trunc": wasmbin.OpF64Trunc}[name])
		fg.floatToIntNaN(abi.ErrUnsupported) // a NaN: CPython's ValueError
		return
	}
	for _, a := range args {
		fg.exprAs(a, check.Float)
	}
	switch name {
	case "sqrt":
		x := fg.Temp(wasmbin.F64)
		fg.Tee(x)
		fg.F64(0)
		fg.Emit(wasmbin.OpF64Lt) // false for -0.0 and NaN, whose roots CPython returns
		fg.TrapIf(abi.ErrUnsupported)
		fg.Get(x)
		fg.Emit(wasmbin.OpF64Sqrt)
		fg.Release(wasmbin.F64, x)
	case "fabs":
		fg.Emit(wasmbin.OpF64Abs)
	case "copysign":
		fg.Emit(wasmbin.OpF64Copysign)
	case "isnan":
		x := fg.Temp(wasmbin.F64)
		fg.Tee(x)
		fg.Get(x)
		fg.Emit(wasmbin.OpF64Ne)
		fg.Release(wasmbin.F64, x)
	case "isinf":
		fg.Emit(wasmbin.OpF64Abs)
		fg.F64(math.Inf(1))
		fg.Emit(wasmbin.OpF64Eq)
	case "isfinite":
		fg.Emit(wasmbin.OpF64Abs)
		fg.F64(math.Inf(1))
		fg.Emit(wasmbin.OpF64Lt) // false for NaN
	default:
		panic("math." + name + " not compiled")
	}
}
