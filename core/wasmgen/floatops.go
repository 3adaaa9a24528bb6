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
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.F64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	r, ay, t := fg.named(wasmbin.F64, "r"), fg.named(wasmbin.F64, "ay"), fg.named(wasmbin.F64, "t")
	// nan operands and an infinite x give nan
	fg.get(x)
	fg.get(x)
	fg.emit(wasmbin.OpF64Ne)
	fg.get(y)
	fg.get(y)
	fg.emit(wasmbin.OpF64Ne)
	fg.emit(wasmbin.OpI32Or)
	fg.get(x)
	fg.emit(wasmbin.OpF64Abs)
	fg.f64(math.Inf(1))
	fg.emit(wasmbin.OpF64Eq)
	fg.emit(wasmbin.OpI32Or)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.f64(math.NaN())
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(x)
	fg.emit(wasmbin.OpF64Abs)
	fg.set(r)
	fg.get(y)
	fg.emit(wasmbin.OpF64Abs)
	fg.tee(ay)
	fg.set(t)
	// |x| < |y|: x itself (this covers an infinite y and x = ±0)
	fg.get(r)
	fg.get(ay)
	fg.emit(wasmbin.OpF64Lt)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(x)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	// double t while t + t <= r
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(t)
	fg.get(t)
	fg.emit(wasmbin.OpF64Add)
	fg.get(r)
	fg.emit(wasmbin.OpF64Le)
	fg.emit(wasmbin.OpI32Eqz)
	fg.emitImm(wasmbin.OpBrIf, 1)
	fg.get(t)
	fg.get(t)
	fg.emit(wasmbin.OpF64Add)
	fg.set(t)
	fg.emitImm(wasmbin.OpBr, 0)
	fg.end()
	fg.end()
	// subtract and halve down to |y|
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(t)
	fg.get(r)
	fg.emit(wasmbin.OpF64Le)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(r)
	fg.get(t)
	fg.emit(wasmbin.OpF64Sub)
	fg.set(r)
	fg.end()
	fg.get(t)
	fg.get(ay)
	fg.emit(wasmbin.OpF64Eq)
	fg.emitImm(wasmbin.OpBrIf, 1)
	fg.get(t)
	fg.f64(0.5)
	fg.emit(wasmbin.OpF64Mul)
	fg.set(t)
	fg.emitImm(wasmbin.OpBr, 0)
	fg.end()
	fg.end()
	fg.get(r)
	fg.get(x)
	fg.emit(wasmbin.OpF64Copysign)
}

// named returns a new local of type t called name (for helpers).
func (fg *fgen) named(t wasmbin.ValType, name string) uint32 {
	idx := fg.temp(t)
	fg.f.LocalNames[len(fg.f.LocalNames)-1] = name
	return idx
}

// genFloatMod builds __ml_fmod_py(x, y f64) -> f64, Python's x % y
// (CPython's float_rem): ZeroDivisionError for y == ±0; otherwise
// m = fmod(x, y), plus y when m is nonzero and its sign differs from y's;
// a zero result takes y's sign.
func genFloatMod(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.F64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	m := fg.named(wasmbin.F64, "m")
	fg.get(y)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Eq)
	fg.trapIf(abi.ErrZeroDivision)
	fg.get(x)
	fg.get(y)
	fg.call(fg.g.helper("__ml_fmod", genFmod))
	fg.tee(m)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Ne)
	fg.begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.F64))
	fg.get(m)
	fg.get(y)
	fg.emit(wasmbin.OpF64Add)
	fg.get(m)
	fg.signsDiffer(y, m)
	fg.emit(wasmbin.OpSelect)
	fg.emit(wasmbin.OpElse)
	fg.f64(0)
	fg.get(y)
	fg.emit(wasmbin.OpF64Copysign)
	fg.end()
}

// signsDiffer leaves (a < 0) != (b < 0) for the f64 locals a and b.
func (fg *fgen) signsDiffer(a, b uint32) {
	fg.get(a)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Lt)
	fg.get(b)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Lt)
	fg.emit(wasmbin.OpI32Ne)
}

// genFloatFloorDiv builds __ml_ffloordiv(x, y f64) -> f64, Python's x // y
// (CPython's float_floor_div through _float_div_mod):
//
//	m = fmod(x, y); div = (x - m) / y
//	if m != 0 and (y < 0) != (m < 0): div -= 1
//	if div != 0: q = floor(div), plus 1 if div - q > 0.5
//	else:        q = copysign(0, x / y)
func genFloatFloorDiv(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.F64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	m, div, q := fg.named(wasmbin.F64, "m"), fg.named(wasmbin.F64, "div"), fg.named(wasmbin.F64, "q")
	fg.get(y)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Eq)
	fg.trapIf(abi.ErrZeroDivision)
	fg.get(x)
	fg.get(y)
	fg.call(fg.g.helper("__ml_fmod", genFmod))
	fg.set(m)
	fg.get(x)
	fg.get(m)
	fg.emit(wasmbin.OpF64Sub)
	fg.get(y)
	fg.emit(wasmbin.OpF64Div)
	fg.set(div)
	fg.get(m)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Ne)
	fg.signsDiffer(y, m)
	fg.emit(wasmbin.OpI32And)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(div)
	fg.f64(1)
	fg.emit(wasmbin.OpF64Sub)
	fg.set(div)
	fg.end()
	fg.get(div)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Ne)
	fg.begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.F64))
	fg.get(div)
	fg.emit(wasmbin.OpF64Floor)
	fg.tee(q)
	fg.f64(1)
	fg.emit(wasmbin.OpF64Add)
	fg.get(q)
	fg.get(div)
	fg.get(q)
	fg.emit(wasmbin.OpF64Sub)
	fg.f64(0.5)
	fg.emit(wasmbin.OpF64Gt)
	fg.emit(wasmbin.OpSelect)
	fg.emit(wasmbin.OpElse)
	fg.f64(0)
	fg.get(x)
	fg.get(y)
	fg.emit(wasmbin.OpF64Div)
	fg.emit(wasmbin.OpF64Copysign)
	fg.end()
}

// genCmpIntFloat builds __ml_cmp_if(i i64, x f64) -> i32, the exact
// comparison of an int with a float that Python makes: -1, 0 or 1 as i is
// less than, equal to or greater than x, and 2 when x is nan. A float at or
// beyond ±2**63 is beyond every i64; inside, x is split into its integral
// part (exact in i64) and its fraction, which decides a tie.
func genCmpIntFloat(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64, wasmbin.F64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"i", "x"}
	const i, x = 0, 1
	t := fg.named(wasmbin.F64, "t")
	n := fg.named(wasmbin.I64, "n")
	fg.get(x)
	fg.get(x)
	fg.emit(wasmbin.OpF64Ne)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(2)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(x)
	fg.f64(twoTo63)
	fg.emit(wasmbin.OpF64Ge)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(-1)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(x)
	fg.f64(-twoTo63)
	fg.emit(wasmbin.OpF64Lt)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(1)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(x)
	fg.emit(wasmbin.OpF64Trunc)
	fg.tee(t)
	fg.emit(wasmbin.OpI64TruncF64S)
	fg.set(n)
	// i != n decides; else the sign of the fraction 0 - (x - t) does
	fg.get(i)
	fg.get(n)
	fg.emit(wasmbin.OpI64Ne)
	fg.begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	fg.i32(-1)
	fg.i32(1)
	fg.get(i)
	fg.get(n)
	fg.emit(wasmbin.OpI64LtS)
	fg.emit(wasmbin.OpSelect)
	fg.emit(wasmbin.OpElse)
	fg.get(x)
	fg.get(t)
	fg.emit(wasmbin.OpF64Sub)
	fg.set(t)
	fg.get(t)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Lt)
	fg.get(t)
	fg.f64(0)
	fg.emit(wasmbin.OpF64Gt)
	fg.emit(wasmbin.OpI32Sub) // (frac < 0) - (frac > 0)
	fg.end()
}

// cmpResult turns the -1/0/1/2 of __ml_cmp_if on the stack into the i32
// truth of `i op x`.
func (fg *fgen) cmpResult(op cmpOpKind) {
	c := fg.temp(wasmbin.I32)
	fg.set(c)
	switch op {
	case cmpEq:
		fg.get(c)
		fg.emit(wasmbin.OpI32Eqz)
	case cmpNe:
		fg.get(c)
		fg.i32(0)
		fg.emit(wasmbin.OpI32Ne)
	case cmpLt:
		fg.get(c)
		fg.i32(-1)
		fg.emit(wasmbin.OpI32Eq)
	case cmpLe: // -1 or 0
		fg.get(c)
		fg.i32(1)
		fg.emit(wasmbin.OpI32Add)
		fg.i32(1)
		fg.emit(wasmbin.OpI32LeU)
	case cmpGt:
		fg.get(c)
		fg.i32(1)
		fg.emit(wasmbin.OpI32Eq)
	case cmpGe: // 0 or 1
		fg.get(c)
		fg.i32(1)
		fg.emit(wasmbin.OpI32LeU)
	}
	fg.release(wasmbin.I32, c)
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
