package wasmgen

import "math"

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
	f.Type = FuncType{Params: []ValType{F64, F64}, Results: []ValType{F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	r, ay, t := fg.named(F64, "r"), fg.named(F64, "ay"), fg.named(F64, "t")
	// nan operands and an infinite x give nan
	fg.get(x)
	fg.get(x)
	fg.emit(OpF64Ne)
	fg.get(y)
	fg.get(y)
	fg.emit(OpF64Ne)
	fg.emit(OpI32Or)
	fg.get(x)
	fg.emit(OpF64Abs)
	fg.f64(math.Inf(1))
	fg.emit(OpF64Eq)
	fg.emit(OpI32Or)
	fg.begin(OpIf, BlockEmpty)
	fg.f64(math.NaN())
	fg.emit(OpReturn)
	fg.end()
	fg.get(x)
	fg.emit(OpF64Abs)
	fg.set(r)
	fg.get(y)
	fg.emit(OpF64Abs)
	fg.tee(ay)
	fg.set(t)
	// |x| < |y|: x itself (this covers an infinite y and x = ±0)
	fg.get(r)
	fg.get(ay)
	fg.emit(OpF64Lt)
	fg.begin(OpIf, BlockEmpty)
	fg.get(x)
	fg.emit(OpReturn)
	fg.end()
	// double t while t + t <= r
	fg.begin(OpBlock, BlockEmpty)
	fg.begin(OpLoop, BlockEmpty)
	fg.get(t)
	fg.get(t)
	fg.emit(OpF64Add)
	fg.get(r)
	fg.emit(OpF64Le)
	fg.emit(OpI32Eqz)
	fg.emitImm(OpBrIf, 1)
	fg.get(t)
	fg.get(t)
	fg.emit(OpF64Add)
	fg.set(t)
	fg.emitImm(OpBr, 0)
	fg.end()
	fg.end()
	// subtract and halve down to |y|
	fg.begin(OpBlock, BlockEmpty)
	fg.begin(OpLoop, BlockEmpty)
	fg.get(t)
	fg.get(r)
	fg.emit(OpF64Le)
	fg.begin(OpIf, BlockEmpty)
	fg.get(r)
	fg.get(t)
	fg.emit(OpF64Sub)
	fg.set(r)
	fg.end()
	fg.get(t)
	fg.get(ay)
	fg.emit(OpF64Eq)
	fg.emitImm(OpBrIf, 1)
	fg.get(t)
	fg.f64(0.5)
	fg.emit(OpF64Mul)
	fg.set(t)
	fg.emitImm(OpBr, 0)
	fg.end()
	fg.end()
	fg.get(r)
	fg.get(x)
	fg.emit(OpF64Copysign)
}

// named returns a new local of type t called name (for helpers).
func (fg *fgen) named(t ValType, name string) uint32 {
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
	f.Type = FuncType{Params: []ValType{F64, F64}, Results: []ValType{F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	m := fg.named(F64, "m")
	fg.get(y)
	fg.f64(0)
	fg.emit(OpF64Eq)
	fg.trapIf(ErrZeroDivision)
	fg.get(x)
	fg.get(y)
	fg.call(fg.g.helper("__ml_fmod", genFmod))
	fg.tee(m)
	fg.f64(0)
	fg.emit(OpF64Ne)
	fg.begin(OpIf, BlockType(F64))
	fg.get(m)
	fg.get(y)
	fg.emit(OpF64Add)
	fg.get(m)
	fg.signsDiffer(y, m)
	fg.emit(OpSelect)
	fg.emit(OpElse)
	fg.f64(0)
	fg.get(y)
	fg.emit(OpF64Copysign)
	fg.end()
}

// signsDiffer leaves (a < 0) != (b < 0) for the f64 locals a and b.
func (fg *fgen) signsDiffer(a, b uint32) {
	fg.get(a)
	fg.f64(0)
	fg.emit(OpF64Lt)
	fg.get(b)
	fg.f64(0)
	fg.emit(OpF64Lt)
	fg.emit(OpI32Ne)
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
	f.Type = FuncType{Params: []ValType{F64, F64}, Results: []ValType{F64}}
	f.ParamNames = []string{"x", "y"}
	const x, y = 0, 1
	m, div, q := fg.named(F64, "m"), fg.named(F64, "div"), fg.named(F64, "q")
	fg.get(y)
	fg.f64(0)
	fg.emit(OpF64Eq)
	fg.trapIf(ErrZeroDivision)
	fg.get(x)
	fg.get(y)
	fg.call(fg.g.helper("__ml_fmod", genFmod))
	fg.set(m)
	fg.get(x)
	fg.get(m)
	fg.emit(OpF64Sub)
	fg.get(y)
	fg.emit(OpF64Div)
	fg.set(div)
	fg.get(m)
	fg.f64(0)
	fg.emit(OpF64Ne)
	fg.signsDiffer(y, m)
	fg.emit(OpI32And)
	fg.begin(OpIf, BlockEmpty)
	fg.get(div)
	fg.f64(1)
	fg.emit(OpF64Sub)
	fg.set(div)
	fg.end()
	fg.get(div)
	fg.f64(0)
	fg.emit(OpF64Ne)
	fg.begin(OpIf, BlockType(F64))
	fg.get(div)
	fg.emit(OpF64Floor)
	fg.tee(q)
	fg.f64(1)
	fg.emit(OpF64Add)
	fg.get(q)
	fg.get(div)
	fg.get(q)
	fg.emit(OpF64Sub)
	fg.f64(0.5)
	fg.emit(OpF64Gt)
	fg.emit(OpSelect)
	fg.emit(OpElse)
	fg.f64(0)
	fg.get(x)
	fg.get(y)
	fg.emit(OpF64Div)
	fg.emit(OpF64Copysign)
	fg.end()
}

// genCmpIntFloat builds __ml_cmp_if(i i64, x f64) -> i32, the exact
// comparison of an int with a float that Python makes: -1, 0 or 1 as i is
// less than, equal to or greater than x, and 2 when x is nan. A float at or
// beyond ±2**63 is beyond every i64; inside, x is split into its integral
// part (exact in i64) and its fraction, which decides a tie.
func genCmpIntFloat(fg *fgen) {
	f := fg.f
	f.Type = FuncType{Params: []ValType{I64, F64}, Results: []ValType{I32}}
	f.ParamNames = []string{"i", "x"}
	const i, x = 0, 1
	t := fg.named(F64, "t")
	n := fg.named(I64, "n")
	fg.get(x)
	fg.get(x)
	fg.emit(OpF64Ne)
	fg.begin(OpIf, BlockEmpty)
	fg.i32(2)
	fg.emit(OpReturn)
	fg.end()
	fg.get(x)
	fg.f64(twoTo63)
	fg.emit(OpF64Ge)
	fg.begin(OpIf, BlockEmpty)
	fg.i32(-1)
	fg.emit(OpReturn)
	fg.end()
	fg.get(x)
	fg.f64(-twoTo63)
	fg.emit(OpF64Lt)
	fg.begin(OpIf, BlockEmpty)
	fg.i32(1)
	fg.emit(OpReturn)
	fg.end()
	fg.get(x)
	fg.emit(OpF64Trunc)
	fg.tee(t)
	fg.emit(OpI64TruncF64S)
	fg.set(n)
	// i != n decides; else the sign of the fraction 0 - (x - t) does
	fg.get(i)
	fg.get(n)
	fg.emit(OpI64Ne)
	fg.begin(OpIf, BlockType(I32))
	fg.i32(-1)
	fg.i32(1)
	fg.get(i)
	fg.get(n)
	fg.emit(OpI64LtS)
	fg.emit(OpSelect)
	fg.emit(OpElse)
	fg.get(x)
	fg.get(t)
	fg.emit(OpF64Sub)
	fg.set(t)
	fg.get(t)
	fg.f64(0)
	fg.emit(OpF64Lt)
	fg.get(t)
	fg.f64(0)
	fg.emit(OpF64Gt)
	fg.emit(OpI32Sub) // (frac < 0) - (frac > 0)
	fg.end()
}

// cmpResult turns the -1/0/1/2 of __ml_cmp_if on the stack into the i32
// truth of `i op x`.
func (fg *fgen) cmpResult(op cmpOpKind) {
	c := fg.temp(I32)
	fg.set(c)
	switch op {
	case cmpEq:
		fg.get(c)
		fg.emit(OpI32Eqz)
	case cmpNe:
		fg.get(c)
		fg.i32(0)
		fg.emit(OpI32Ne)
	case cmpLt:
		fg.get(c)
		fg.i32(-1)
		fg.emit(OpI32Eq)
	case cmpLe: // -1 or 0
		fg.get(c)
		fg.i32(1)
		fg.emit(OpI32Add)
		fg.i32(1)
		fg.emit(OpI32LeU)
	case cmpGt:
		fg.get(c)
		fg.i32(1)
		fg.emit(OpI32Eq)
	case cmpGe: // 0 or 1
		fg.get(c)
		fg.i32(1)
		fg.emit(OpI32LeU)
	}
	fg.release(I32, c)
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
