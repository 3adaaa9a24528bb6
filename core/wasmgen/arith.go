package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The instruction sequences of checked arithmetic. Each takes its operands
// from the stack (left below right) and leaves the result, using
// temporaries only inside the sequence.

// intAdd: r = a + b for a in xr and b in yr. When the ranges prove that
// no overflow can happen, a plain i64.add; when b is a constant c, one
// comparison (a > MAX - c for c > 0, a < MIN - c for c < 0); otherwise
// overflow iff a and b share a sign that r lacks, that is
// ((a ^ r) & (b ^ r)) < 0.
func (fg *fgen) intAdd(xr, yr plan.Interval) {
	if plan.AddSafe(xr, yr) {
		fg.Emit(wasmbin.OpI64Add)
		return
	}
	if yr.Lo == yr.Hi {
		fg.addConst(yr.Lo)
		return
	}
	if yr.NonNeg() || yr.Hi <= 0 || xr.NonNeg() || xr.Hi <= 0 {
		fg.addSigned(xr, yr)
		return
	}
	a, b, r := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Spill(a, b)
	fg.Emit(wasmbin.OpI64Add)
	fg.Set(r)
	fg.Bin(wasmbin.OpI64Xor, a, r)
	fg.Bin(wasmbin.OpI64Xor, b, r)
	fg.Emit(wasmbin.OpI64And)
	fg.TrapIfNegative(abi.ErrOverflow)
	fg.Get(r)
	fg.Release(wasmbin.I64, a, b, r)
}

// addSigned: a + b when the sign of one operand is known, with one
// comparison of the wrapped sum r against the other operand. For b >= 0
// the exact sum lies in [a, a + MAX]: without overflow r >= a, and with
// overflow r = a + b - 2**64 < a since b < 2**64; so it overflows iff
// r < a. For b <= 0, symmetrically, iff r > a. When only a's sign is
// known, the roles swap (addition commutes). When both are >= 0, it
// overflowed iff r < 0, which needs no copy of either operand.
func (fg *fgen) addSigned(xr, yr plan.Interval) {
	if xr.NonNeg() && yr.NonNeg() {
		// the exact sum lies in [0, 2**64 - 2]: it overflowed iff the
		// wrapped one is negative
		r := fg.Temp(wasmbin.I64)
		fg.Emit(wasmbin.OpI64Add)
		fg.Tee(r)
		fg.TrapIfNegative(abi.ErrOverflow)
		fg.Get(r)
		fg.Release(wasmbin.I64, r)
		return
	}
	a, b, r := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Spill(a, b)
	fg.Emit(wasmbin.OpI64Add)
	fg.Tee(r)
	switch {
	case yr.NonNeg():
		fg.Get(a)
		fg.Emit(wasmbin.OpI64LtS)
	case yr.Hi <= 0:
		fg.Get(a)
		fg.Emit(wasmbin.OpI64GtS)
	case xr.NonNeg():
		fg.Get(b)
		fg.Emit(wasmbin.OpI64LtS)
	default: // xr.hi <= 0
		fg.Get(b)
		fg.Emit(wasmbin.OpI64GtS)
	}
	fg.TrapIf(abi.ErrOverflow)
	fg.Get(r)
	fg.Release(wasmbin.I64, a, b, r)
}

// addConst: a + c where c, a constant, is already on the stack above a:
// it traps when a lies beyond MAX - c (c > 0) or below MIN - c (c < 0).
func (fg *fgen) addConst(c int64) {
	a := fg.Temp(wasmbin.I64)
	fg.Emit(wasmbin.OpDrop)
	fg.Tee(a)
	switch {
	case c > 0:
		fg.I64(math.MaxInt64 - c)
		fg.Emit(wasmbin.OpI64GtS)
		fg.TrapIf(abi.ErrOverflow)
	case c < 0:
		fg.I64(math.MinInt64 - c)
		fg.Emit(wasmbin.OpI64LtS)
		fg.TrapIf(abi.ErrOverflow)
	default:
		fg.Emit(wasmbin.OpDrop)
	}
	fg.Get(a)
	fg.I64(c)
	fg.Emit(wasmbin.OpI64Add)
	fg.Release(wasmbin.I64, a)
}

// intSub: r = a - b for a in xr and b in yr: a plain i64.sub when the
// ranges prove it exact, a + (-c) for a constant c > MIN, else overflow
// iff a and b differ in sign and r's sign differs from a's:
// ((a ^ b) & (a ^ r)) < 0.
func (fg *fgen) intSub(xr, yr plan.Interval) {
	if plan.SubSafe(xr, yr) {
		fg.Emit(wasmbin.OpI64Sub)
		return
	}
	if yr.Lo == yr.Hi && yr.Lo != math.MinInt64 {
		fg.addConst(-yr.Lo)
		return
	}
	if yr.NonNeg() || yr.Hi <= 0 {
		// a - b for b >= 0 lies in [a - MAX, a]: it overflows iff the
		// wrapped r = a - b + 2**64 > a; for b <= 0, iff r < a.
		a, b, r := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
		fg.Spill(a, b)
		fg.Emit(wasmbin.OpI64Sub)
		fg.Tee(r)
		fg.Get(a)
		if yr.NonNeg() {
			fg.Emit(wasmbin.OpI64GtS)
		} else {
			fg.Emit(wasmbin.OpI64LtS)
		}
		fg.TrapIf(abi.ErrOverflow)
		fg.Get(r)
		fg.Release(wasmbin.I64, a, b, r)
		return
	}
	a, b, r := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Spill(a, b)
	fg.Emit(wasmbin.OpI64Sub)
	fg.Set(r)
	fg.Bin(wasmbin.OpI64Xor, a, b)
	fg.Bin(wasmbin.OpI64Xor, a, r)
	fg.Emit(wasmbin.OpI64And)
	fg.TrapIfNegative(abi.ErrOverflow)
	fg.Get(r)
	fg.Release(wasmbin.I64, a, b, r)
}

// intMul: r = a * b; a plain i64.mul when the ranges of the operands
// prove it exact. Otherwise r is the wrapping product, and overflow iff a == -1 and b == MIN, or
// a is neither 0 nor -1 and r / a != b; the division is never MIN / -1 and
// never by zero, so it cannot trap.
func (fg *fgen) intMul(xr, yr plan.Interval) {
	if plan.MulSafe(xr, yr) {
		fg.Emit(wasmbin.OpI64Mul)
		return
	}
	if fg.mulConst(xr, yr) {
		return
	}
	a, b, r := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Set(b)
	fg.Set(a)
	if xr.NonNeg() && yr.NonNeg() {
		fg.mulNonNeg(a, b, r)
	} else {
		fg.MulChecked(a, b, r)
	}
	fg.Get(r)
	fg.Release(wasmbin.I64, a, b, r)
}

// mulNonNeg stores a * b in r for a, b >= 0, trapping with ErrOverflow if
// it overflows. When both are below 2**31 ((a | b) >> 31 == 0) the product
// is below 2**62 and exact; otherwise a is 0 (no overflow) or positive,
// hence neither 0 nor -1, and then the product overflows iff the wrapped
// r / a != b (the division cannot trap).
func (fg *fgen) mulNonNeg(a, b, r uint32) {
	fg.Bin(wasmbin.OpI64Mul, a, b)
	fg.Set(r)
	fg.Bin(wasmbin.OpI64Or, a, b)
	fg.I64(31)
	fg.Emit(wasmbin.OpI64ShrU)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64Ne)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(a)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64Ne)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI64DivS, r, a)
	fg.Get(b)
	fg.Emit(wasmbin.OpI64Ne)
	fg.TrapIf(abi.ErrOverflow)
	fg.End()
	fg.End()
}

// intFloorDiv: q = a div_s b (which traps natively on b == 0 and on
// MIN / -1), minus one when the remainder r = a - q*b is nonzero and the
// signs of a and b differ, so that the quotient rounds toward minus
// infinity. r is computed with a multiplication rather than a second
// division (q*b never wraps: |q*b| <= |a|). With a positive divisor the
// adjustment is just r < 0; with a non-negative dividend too, none, and
// the division is i64.div_u.
func (fg *fgen) intFloorDiv(xr, yr plan.Interval) {
	if fg.fdivFloor(xr, yr) { // through f64 when proved exact (fdiv.go)
		return
	}
	if yr.NonNeg() && xr.NonNeg() {
		// both operands are the same as unsigned, and the quotient of
		// non-negative numbers needs no floor adjustment; the unsigned
		// division is the cheaper one (and by a constant, a
		// multiplication without sign fix-up). A divisor of 0 traps in
		// either division.
		fg.Emit(wasmbin.OpI64DivU)
		return
	}
	a, b, q := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Spill(a, b)
	fg.Emit(wasmbin.OpI64DivS)
	fg.Tee(q)
	fg.Get(a)
	fg.Bin(wasmbin.OpI64Mul, q, b)
	fg.Emit(wasmbin.OpI64Sub) // r
	if yr.NonNeg() {
		// positive: a divisor of 0 has trapped
		fg.I64(0)
		fg.Emit(wasmbin.OpI64LtS)
	} else {
		fg.I64(0)
		fg.Emit(wasmbin.OpI64Ne)
		fg.Bin(wasmbin.OpI64Xor, a, b)
		fg.I64(0)
		fg.Emit(wasmbin.OpI64LtS)
		fg.Emit(wasmbin.OpI32And)
	}
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Sub)
	fg.Release(wasmbin.I64, a, b, q)
}

// intMod: r = a rem_s b (which traps natively on b == 0 and gives 0 for
// MIN % -1, as Python), plus b when r is nonzero and its sign differs from
// b's, so that the result takes the divisor's sign. r + b cannot overflow
// since r and b then have opposite signs. With a positive divisor the
// adjustment is r + (b & (r >> 63)), without a branch; with a
// non-negative dividend too, none, and the remainder is i64.rem_u.
func (fg *fgen) intMod(xr, yr plan.Interval) {
	if fg.fdivMod(xr, yr) { // through f64 when proved exact (fdiv.go)
		return
	}
	if yr.NonNeg() && xr.NonNeg() {
		fg.Emit(wasmbin.OpI64RemU) // as for intFloorDiv: signed and unsigned agree, 0 traps
		return
	}
	b, r := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Set(b)
	fg.Get(b)
	fg.Emit(wasmbin.OpI64RemS)
	fg.Tee(r)
	if yr.NonNeg() {
		// positive: a divisor of 0 has trapped
		fg.Get(b)
		fg.Get(r)
		fg.I64(63)
		fg.Emit(wasmbin.OpI64ShrS)
		fg.Emit(wasmbin.OpI64And)
		fg.Emit(wasmbin.OpI64Add)
		fg.Release(wasmbin.I64, b, r)
		return
	}
	fg.Get(b)
	fg.Emit(wasmbin.OpI64Add)
	fg.Get(r)
	fg.Get(r)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64Ne)
	fg.Bin(wasmbin.OpI64Xor, r, b)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.Emit(wasmbin.OpI32And)
	fg.Emit(wasmbin.OpSelect)
	fg.Release(wasmbin.I64, b, r)
}

// intNeg: -a, overflowing only for MIN.
func (fg *fgen) intNeg() {
	a := fg.Temp(wasmbin.I64)
	fg.Tee(a)
	fg.I64(math.MinInt64)
	fg.Emit(wasmbin.OpI64Eq)
	fg.TrapIf(abi.ErrOverflow)
	fg.I64(0)
	fg.Get(a)
	fg.Emit(wasmbin.OpI64Sub)
	fg.Release(wasmbin.I64, a)
}

// intAbs: abs(a), overflowing only for MIN.
func (fg *fgen) intAbs() {
	a := fg.Temp(wasmbin.I64)
	fg.Tee(a)
	fg.I64(math.MinInt64)
	fg.Emit(wasmbin.OpI64Eq)
	fg.TrapIf(abi.ErrOverflow)
	fg.I64(0)
	fg.Get(a)
	fg.Emit(wasmbin.OpI64Sub)
	fg.Get(a)
	fg.Get(a)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.Emit(wasmbin.OpSelect)
	fg.Release(wasmbin.I64, a)
}

// inF64Range leaves 1 when the i64 in local x is within ±2**53, where the
// conversion to f64 is exact: (x + 2**53) as unsigned <= 2**54.
func (fg *fgen) inF64Range(x uint32) {
	fg.Get(x)
	fg.I64(1 << 53)
	fg.Emit(wasmbin.OpI64Add)
	fg.I64(1 << 54)
	fg.Emit(wasmbin.OpI64GtU)
	fg.Emit(wasmbin.OpI32Eqz)
}

// intTrueDiv: a / b for ints. Division by zero raises ZeroDivisionError;
// when both operands are exact in f64 the f64 quotient is Python's
// correctly rounded one; otherwise ErrUnsupported lets Python compute it.
func (fg *fgen) intTrueDiv() {
	a, b := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Set(b)
	fg.Set(a)
	fg.Get(b)
	fg.Emit(wasmbin.OpI64Eqz)
	fg.TrapIf(abi.ErrZeroDivision)
	fg.inF64Range(a)
	fg.inF64Range(b)
	fg.Emit(wasmbin.OpI32And)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.TrapIf(abi.ErrUnsupported)
	fg.Get(a)
	fg.Emit(wasmbin.OpF64ConvertI64S)
	fg.Get(b)
	fg.Emit(wasmbin.OpF64ConvertI64S)
	fg.Emit(wasmbin.OpF64Div)
	fg.Release(wasmbin.I64, a, b)
}

// floatDiv: a / b for floats, ZeroDivisionError when b is ±0.
func (fg *fgen) floatDiv() {
	b := fg.Temp(wasmbin.F64)
	fg.Tee(b)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Eq)
	fg.TrapIf(abi.ErrZeroDivision)
	fg.Get(b)
	fg.Emit(wasmbin.OpF64Div)
	fg.Release(wasmbin.F64, b)
}

// floatToInt converts an integral f64 to i64: nan raises ValueError, and a
// value outside i64 (including ±inf) ErrOverflow, since Python would give a
// big int or raise OverflowError; re-running in Python does either.
func (fg *fgen) floatToInt() { fg.floatToIntNaN(abi.ErrValue) }

// floatToIntNaN is floatToInt with the trap of a NaN: ErrValue for int()
// and round(), ErrUnsupported for math.floor() and the like (mathmod.go).
func (fg *fgen) floatToIntNaN(nan abi.ErrorCode) {
	x := fg.Temp(wasmbin.F64)
	fg.Tee(x)
	fg.Get(x)
	fg.Emit(wasmbin.OpF64Ne)
	fg.TrapIf(nan)
	fg.Get(x)
	fg.F64(-twoTo63)
	fg.Emit(wasmbin.OpF64Ge)
	fg.Get(x)
	fg.F64(twoTo63)
	fg.Emit(wasmbin.OpF64Lt)
	fg.Emit(wasmbin.OpI32And)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.TrapIf(abi.ErrOverflow)
	fg.Get(x)
	fg.Emit(wasmbin.OpI64TruncF64S)
	fg.Release(wasmbin.F64, x)
}
