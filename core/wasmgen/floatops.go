package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"math"
)

// Float operations that WebAssembly lacks, built from exact steps so that
// the results are CPython's bit for bit.
//
// Why no float `**`? CPython computes it with the platform's libm pow(),
// whose last bit differs between libms and is not correctly rounded in
// general; no fixed WebAssembly sequence reproduces it, and even x ** 2
// computed as x * x can differ from pow(x, 2.0) in the last place on some
// libms. So float ** stays Python-only (core/check says so).

// genFmod builds __ml_fmod(x, y f64) -> f64, C's fmod for y != 0: the
// exact remainder of x / y truncated toward zero, with x's sign. Every
// step is exact: it is long division in binary. t starts at |y| and doubles
// (exactly, or to inf, which stops the loop) while 2t <= r; then, halving t
// back down to |y|, t is subtracted from r whenever t <= r. Since r < 2t at
// each subtraction, r - t is exact (Sterbenz's lemma), and halving undoes
// an exact doubling. The result keeps x's sign, including -0.0.
func genFmod(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.F64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	r, ay, t := fg.Named(wasmbin.F64, "r"), fg.Named(wasmbin.F64, "ay"), fg.Named(wasmbin.F64, "t")
	// nan operands and an infinite x give nan
	fg.Bin(wasmbin.OpF64Ne, x, x)
	fg.Bin(wasmbin.OpF64Ne, y, y)
	fg.Emit(wasmbin.OpI32Or)
	fg.Get(x)
	fg.Emit(wasmbin.OpF64Abs)
	fg.F64(math.Inf(1))
	fg.Emit(wasmbin.OpF64Eq)
	fg.Emit(wasmbin.OpI32Or)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.F64(math.NaN())
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(x)
	fg.Emit(wasmbin.OpF64Abs)
	fg.Set(r)
	fg.Get(y)
	fg.Emit(wasmbin.OpF64Abs)
	fg.Tee(ay)
	fg.Set(t)
	// |x| < |y|: x itself (this covers an infinite y and x = ±0)
	fg.Bin(wasmbin.OpF64Lt, r, ay)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(x)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	// double t while t + t <= r
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpF64Add, t, t)
	fg.Get(r)
	fg.Emit(wasmbin.OpF64Le)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Bin(wasmbin.OpF64Add, t, t)
	fg.Set(t)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	// subtract and halve down to |y|
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpF64Le, t, r)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpF64Sub, r, t)
	fg.Set(r)
	fg.End()
	fg.Bin(wasmbin.OpF64Eq, t, ay)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Get(t)
	fg.F64(0.5)
	fg.Emit(wasmbin.OpF64Mul)
	fg.Set(t)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	fg.Bin(wasmbin.OpF64Copysign, r, x)
}

// genFloatMod builds __ml_fmod_py(x, y f64) -> f64, Python's x % y
// (CPython's float_rem): ZeroDivisionError for y == ±0; otherwise
// m = fmod(x, y), plus y when m is nonzero and its sign differs from y's;
// a zero result takes y's sign.
func genFloatMod(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.F64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	m := fg.Named(wasmbin.F64, "m")
	fg.Get(y)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Eq)
	fg.TrapIf(abi.ErrZeroDivision)
	fg.Get(x)
	fg.Get(y)
	fg.Call(fg.g.helper("__ml_fmod", genFmod))
	fg.Tee(m)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Ne)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.F64))
	fg.Bin(wasmbin.OpF64Add, m, y)
	fg.Get(m)
	fg.signsDiffer(y, m)
	fg.Emit(wasmbin.OpSelect)
	fg.Emit(wasmbin.OpElse)
	fg.F64(0)
	fg.Get(y)
	fg.Emit(wasmbin.OpF64Copysign)
	fg.End()
}

// signsDiffer leaves (a < 0) != (b < 0) for the f64 locals a and b.
func (fg *fgen) signsDiffer(a, b uint32) {
	fg.Get(a)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Lt)
	fg.Get(b)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Lt)
	fg.Emit(wasmbin.OpI32Ne)
}

// genFloatFloorDiv builds __ml_ffloordiv(x, y f64) -> f64, Python's x // y
// (CPython's float_floor_div through _float_div_mod):
//
//	m = fmod(x, y); div = (x - m) / y
//	if m != 0 and (y < 0) != (m < 0): div -= 1
//	if div != 0: q = floor(div), plus 1 if div - q > 0.5
//	else:        q = copysign(0, x / y)
func genFloatFloorDiv(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.F64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	m, div, q := fg.Named(wasmbin.F64, "m"), fg.Named(wasmbin.F64, "div"), fg.Named(wasmbin.F64, "q")
	fg.Get(y)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Eq)
	fg.TrapIf(abi.ErrZeroDivision)
	fg.Get(x)
	fg.Get(y)
	fg.Call(fg.g.helper("__ml_fmod", genFmod))
	fg.Set(m)
	fg.Bin(wasmbin.OpF64Sub, x, m)
	fg.Get(y)
	fg.Emit(wasmbin.OpF64Div)
	fg.Set(div)
	fg.Get(m)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Ne)
	fg.signsDiffer(y, m)
	fg.Emit(wasmbin.OpI32And)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(div)
	fg.F64(1)
	fg.Emit(wasmbin.OpF64Sub)
	fg.Set(div)
	fg.End()
	fg.Get(div)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Ne)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.F64))
	fg.Get(div)
	fg.Emit(wasmbin.OpF64Floor)
	fg.Tee(q)
	fg.F64(1)
	fg.Emit(wasmbin.OpF64Add)
	fg.Get(q)
	fg.Bin(wasmbin.OpF64Sub, div, q)
	fg.F64(0.5)
	fg.Emit(wasmbin.OpF64Gt)
	fg.Emit(wasmbin.OpSelect)
	fg.Emit(wasmbin.OpElse)
	fg.F64(0)
	fg.Bin(wasmbin.OpF64Div, x, y)
	fg.Emit(wasmbin.OpF64Copysign)
	fg.End()
}

// genCmpIntFloat builds __ml_cmp_if(i i64, x f64) -> i32, the exact
// comparison of an int with a float that Python makes: -1, 0 or 1 as i is
// less than, equal to or greater than x, and 2 when x is nan. A float at or
// beyond ±2**63 is beyond every i64; inside, x is split into its integral
// part (exact in i64) and its fraction, which decides a tie.
func genCmpIntFloat(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"i", "x"}
	const i, x = 0, 1
	t := fg.Named(wasmbin.F64, "t")
	n := fg.Named(wasmbin.I64, "n")
	fg.Bin(wasmbin.OpF64Ne, x, x)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(2)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(x)
	fg.F64(twoTo63)
	fg.Emit(wasmbin.OpF64Ge)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(-1)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(x)
	fg.F64(-twoTo63)
	fg.Emit(wasmbin.OpF64Lt)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(1)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(x)
	fg.Emit(wasmbin.OpF64Trunc)
	fg.Tee(t)
	fg.Emit(wasmbin.OpI64TruncF64S)
	fg.Set(n)
	// i != n decides; else the sign of the fraction 0 - (x - t) does
	fg.Bin(wasmbin.OpI64Ne, i, n)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	fg.I32(-1)
	fg.I32(1)
	fg.Bin(wasmbin.OpI64LtS, i, n)
	fg.Emit(wasmbin.OpSelect)
	fg.Emit(wasmbin.OpElse)
	fg.Bin(wasmbin.OpF64Sub, x, t)
	fg.Set(t)
	fg.Get(t)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Lt)
	fg.Get(t)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Gt)
	fg.Emit(wasmbin.OpI32Sub) // (frac < 0) - (frac > 0)
	fg.End()
}

// cmpResult turns the -1/0/1/2 of __ml_cmp_if on the stack into the i32
// truth of `i op x`.
func (fg *fgen) cmpResult(op cmpOpKind) {
	c := fg.Temp(wasmbin.I32)
	fg.Set(c)
	switch op {
	case cmpEq:
		fg.Get(c)
		fg.Emit(wasmbin.OpI32Eqz)
	case cmpNe:
		fg.Get(c)
		fg.I32(0)
		fg.Emit(wasmbin.OpI32Ne)
	case cmpLt:
		fg.Get(c)
		fg.I32(-1)
		fg.Emit(wasmbin.OpI32Eq)
	case cmpLe: // -1 or 0
		fg.Get(c)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32Add)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32LeU)
	case cmpGt:
		fg.Get(c)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32Eq)
	case cmpGe: // 0 or 1
		fg.Get(c)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32LeU)
	}
	fg.Release(wasmbin.I32, c)
}

// cmpOpKind is a comparison without its operand types.
type cmpOpKind int

const (
	cmpEq cmpOpKind = iota
	cmpNe
	cmpLt
	cmpLe
	cmpGt
	cmpGe
)
