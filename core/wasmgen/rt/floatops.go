package rt

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// buildFmod builds __ml_fmod(x, y f64) -> f64, C's fmod for y != 0: the
// exact remainder of x / y truncated toward zero, with x's sign. Every
// step is exact: it is long division in binary. t starts at |y| and doubles
// (exactly, or to inf, which stops the loop) while 2t <= r; then, halving t
// back down to |y|, t is subtracted from r whenever t <= r. Since r < 2t at
// each subtraction, r - t is exact (Sterbenz's lemma), and halving undoes
// an exact doubling. The result keeps x's sign, including -0.0.
func buildFmod(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.F64, wasmbin.F64}, []string{"x", "y"}, wasmbin.F64)
	const x, y = 0, 1
	r, ay, t := h.Named(wasmbin.F64, "r"), h.Named(wasmbin.F64, "ay"), h.Named(wasmbin.F64, "t")
	// nan operands and an infinite x give nan
	h.Bin(wasmbin.OpF64Ne, x, x)
	h.Bin(wasmbin.OpF64Ne, y, y)
	h.Emit(wasmbin.OpI32Or)
	h.Get(x)
	h.Emit(wasmbin.OpF64Abs)
	h.F64(math.Inf(1))
	h.Emit(wasmbin.OpF64Eq)
	h.Emit(wasmbin.OpI32Or)
	h.ReturnIf(func() { h.F64(math.NaN()) })
	h.Get(x)
	h.Emit(wasmbin.OpF64Abs)
	h.Set(r)
	h.Get(y)
	h.Emit(wasmbin.OpF64Abs)
	h.Tee(ay)
	h.Set(t)
	// |x| < |y|: x itself (this covers an infinite y and x = ±0)
	h.Bin(wasmbin.OpF64Lt, r, ay)
	h.ReturnIf(func() { h.Get(x) })
	// double t while t + t <= r
	h.Until(func() {
		h.Bin(wasmbin.OpF64Add, t, t)
		h.Get(r)
		h.Emit(wasmbin.OpF64Le)
		h.Emit(wasmbin.OpI32Eqz)
	}, func() {
		h.Bin(wasmbin.OpF64Add, t, t)
		h.Set(t)
	})
	// subtract and halve down to |y|
	h.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	h.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	h.Bin(wasmbin.OpF64Le, t, r)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Bin(wasmbin.OpF64Sub, r, t)
	h.Set(r)
	h.End()
	h.Bin(wasmbin.OpF64Eq, t, ay)
	h.EmitImm(wasmbin.OpBrIf, 1)
	h.BinF64(wasmbin.OpF64Mul, t, 0.5)
	h.Set(t)
	h.EmitImm(wasmbin.OpBr, 0)
	h.End()
	h.End()
	h.Bin(wasmbin.OpF64Copysign, r, x)
}

// buildFloatMod builds __ml_fmod_py(x, y f64) -> f64, Python's x % y
// (CPython's float_rem): ZeroDivisionError for y == ±0; otherwise
// m = fmod(x, y), plus y when m is nonzero and its sign differs from y's;
// a zero result takes y's sign.
func buildFloatMod(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.F64, wasmbin.F64}, []string{"x", "y"}, wasmbin.F64)
	const x, y = 0, 1
	m := h.Named(wasmbin.F64, "m")
	h.fmodChecked(x, y)
	h.Tee(m)
	h.F64(0)
	h.Emit(wasmbin.OpF64Ne)
	h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.F64))
	h.Bin(wasmbin.OpF64Add, m, y)
	h.Get(m)
	h.signsDiffer(y, m)
	h.Emit(wasmbin.OpSelect)
	h.Emit(wasmbin.OpElse)
	h.F64(0)
	h.Get(y)
	h.Emit(wasmbin.OpF64Copysign)
	h.End()
}

// fmodChecked pushes fmod(x, y) of the f64 locals x and y, trapping with
// ErrZeroDivision when y is ±0, as Python's // and % do.
func (h *fn) fmodChecked(x, y uint32) {
	h.BinF64(wasmbin.OpF64Eq, y, 0)
	h.TrapIf(abi.ErrZeroDivision)
	h.Get(x)
	h.Get(y)
	h.Call(h.r.Fmod())
}

// signsDiffer leaves (a < 0) != (b < 0) for the f64 locals a and b.
func (h *fn) signsDiffer(a, b uint32) {
	h.BinF64(wasmbin.OpF64Lt, a, 0)
	h.BinF64(wasmbin.OpF64Lt, b, 0)
	h.Emit(wasmbin.OpI32Ne)
}

// buildFloatFloorDiv builds __ml_ffloordiv(x, y f64) -> f64, Python's x // y
// (CPython's float_floor_div through _float_div_mod):
//
//	m = fmod(x, y); div = (x - m) / y
//	if m != 0 and (y < 0) != (m < 0): div -= 1
//	if div != 0: q = floor(div), plus 1 if div - q > 0.5
//	else:        q = copysign(0, x / y)
func buildFloatFloorDiv(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.F64, wasmbin.F64}, []string{"x", "y"}, wasmbin.F64)
	const x, y = 0, 1
	m, div, q := h.Named(wasmbin.F64, "m"), h.Named(wasmbin.F64, "div"), h.Named(wasmbin.F64, "q")
	h.fmodChecked(x, y)
	h.Set(m)
	h.Bin(wasmbin.OpF64Sub, x, m)
	h.Get(y)
	h.Emit(wasmbin.OpF64Div)
	h.Set(div)
	h.BinF64(wasmbin.OpF64Ne, m, 0)
	h.signsDiffer(y, m)
	h.Emit(wasmbin.OpI32And)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.BinF64(wasmbin.OpF64Sub, div, 1)
	h.Set(div)
	h.End()
	h.BinF64(wasmbin.OpF64Ne, div, 0)
	h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.F64))
	h.Get(div)
	h.Emit(wasmbin.OpF64Floor)
	h.Tee(q)
	h.F64(1)
	h.Emit(wasmbin.OpF64Add)
	h.Get(q)
	h.Bin(wasmbin.OpF64Sub, div, q)
	h.F64(0.5)
	h.Emit(wasmbin.OpF64Gt)
	h.Emit(wasmbin.OpSelect)
	h.Emit(wasmbin.OpElse)
	h.F64(0)
	h.Bin(wasmbin.OpF64Div, x, y)
	h.Emit(wasmbin.OpF64Copysign)
	h.End()
}

// buildCmpIntFloat builds __ml_cmp_if(i i64, x f64) -> i32, the exact
// comparison of an int with a float that Python makes: -1, 0 or 1 as i is
// less than, equal to or greater than x, and 2 when x is nan. A float at or
// beyond ±2**63 is beyond every i64; inside, x is split into its integral
// part (exact in i64) and its fraction, which decides a tie.
func buildCmpIntFloat(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I64, wasmbin.F64}, []string{"i", "x"}, wasmbin.I32)
	const i, x = 0, 1
	t := h.Named(wasmbin.F64, "t")
	n := h.Named(wasmbin.I64, "n")
	h.Bin(wasmbin.OpF64Ne, x, x)
	h.ReturnIf(func() { h.I32(2) })
	h.BinF64(wasmbin.OpF64Ge, x, twoTo63)
	h.ReturnIf(func() { h.I32(-1) })
	h.BinF64(wasmbin.OpF64Lt, x, -twoTo63)
	h.ReturnIf(func() { h.I32(1) })
	h.Get(x)
	h.Emit(wasmbin.OpF64Trunc)
	h.Tee(t)
	h.Emit(wasmbin.OpI64TruncF64S)
	h.Set(n)
	// i != n decides; else the sign of the fraction 0 - (x - t) does
	h.Bin(wasmbin.OpI64Ne, i, n)
	h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	h.I32(-1)
	h.I32(1)
	h.Bin(wasmbin.OpI64LtS, i, n)
	h.Emit(wasmbin.OpSelect)
	h.Emit(wasmbin.OpElse)
	h.Bin(wasmbin.OpF64Sub, x, t)
	h.Set(t)
	h.BinF64(wasmbin.OpF64Lt, t, 0)
	h.BinF64(wasmbin.OpF64Gt, t, 0)
	h.Emit(wasmbin.OpI32Sub) // (frac < 0) - (frac > 0)
	h.End()
}

// twoTo63 is 2**63, the first float beyond every i64.
const twoTo63 = float64(math.MaxInt64) + 1
