package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The mulconst pass: `x * k` for a known k (an operand whose interval is
// one value, a literal most often) is checked for overflow against bounds
// computed at compile time instead of dividing the wrapped product by x.
// The exact product x * k lies in i64 iff x lies in [lo, hi] (mulBounds),
// which costs one comparison, or two instructions when both bounds may be
// crossed: (x - lo) as unsigned > hi - lo.

// Float doubling: `2.0 * x` and `x * 2.0` (or 2 for 2.0), x a float, an
// int or a bool, are computed as x + x. The sum is the product exactly:
// doubling a finite float is exact unless it overflows, and both round
// an overflow to the same infinity; infinities, zeros of either sign and
// NaNs come out the same (the constant has no effect, so evaluating x
// alone keeps the order). gcc does the same at -O2. In the Mandelbrot
// kernel's `zy = 2.0 * zx * zy + y0`, the multiplication by a constant
// that Cranelift materializes in every turn was 11% of the time (2.34 ms
// against 2.08 side by side).

// floatDouble generates the float product x * y as a sum when one operand
// is the constant 2 (see above) and the pass is on; it reports whether it
// did.
func (fg *fgen) floatDouble(x, y ast.Expr) bool {
	if !fg.g.on(PassMulConst) {
		return false
	}
	two := func(e ast.Expr) bool {
		c, ok := fg.ConstOf(e)
		return ok && ((c.Kind == check.Float && c.F == 2) || (c.Kind == check.Int && c.I == 2))
	}
	other := y
	if !two(x) {
		if !two(y) {
			return false
		}
		other = x
	}
	if k := fg.typeOf(other).Kind; k != check.Float && k != check.Int && k != check.Bool {
		return false
	}
	fg.exprAs(other, check.Float)
	t := fg.Temp(wasmbin.F64)
	fg.Tee(t)
	fg.Get(t)
	fg.Release(wasmbin.F64, t)
	fg.Emit(wasmbin.OpF64Add)
	return true
}

// mulBounds returns the interval of the x whose product x * k fits in
// i64, for k not in {0, 1} (whose products always fit). Go's division
// truncates toward zero, which rounds MIN/k (k > 1) and MAX/k (k < -1),
// negative, up, and MAX/k (k > 1) and MIN/k (k < -1), positive, down:
// exactly the bounds of x*k <= MAX and x*k >= MIN. -1 is apart, since
// MIN / -1 overflows: its products fit for every x but MIN.
func mulBounds(k int64) (lo, hi int64) {
	switch {
	case k == -1:
		return math.MinInt64 + 1, math.MaxInt64
	case k > 0:
		return math.MinInt64 / k, math.MaxInt64 / k
	}
	return math.MaxInt64 / k, math.MinInt64 / k
}

// mulConst generates the checked product of the two int operands on the
// stack (left below right, of intervals xr and yr) when one of them is a
// known value k and the pass is on; it reports whether it did. The known
// operand is dropped (it has been evaluated) and pushed again as a
// constant, which lets the engine turn the product into shifts.
func (fg *fgen) mulConst(xr, yr plan.Interval) bool {
	if !fg.g.on(PassMulConst) {
		return false
	}
	var k int64
	var xRange plan.Interval
	constRight := yr.Lo == yr.Hi
	switch {
	case constRight:
		k, xRange = yr.Lo, xr
	case xr.Lo == xr.Hi:
		k, xRange = xr.Lo, yr
	default:
		return false
	}
	if k == 0 || k == 1 {
		return false // mulSafe has taken these
	}
	a := fg.Temp(wasmbin.I64)
	defer fg.Release(wasmbin.I64, a)
	if constRight {
		fg.Emit(wasmbin.OpDrop)
		fg.Set(a)
	} else {
		fg.Set(a)
		fg.Emit(wasmbin.OpDrop)
	}
	lo, hi := mulBounds(k)
	fg.Get(a)
	switch {
	case xRange.Lo >= lo:
		fg.I64(hi)
		fg.Emit(wasmbin.OpI64GtS)
	case xRange.Hi <= hi:
		fg.I64(lo)
		fg.Emit(wasmbin.OpI64LtS)
	default:
		fg.I64(lo)
		fg.Emit(wasmbin.OpI64Sub)
		fg.I64(int64(uint64(hi) - uint64(lo)))
		fg.Emit(wasmbin.OpI64GtU)
	}
	fg.TrapIf(abi.ErrOverflow)
	fg.Get(a)
	fg.I64(k)
	fg.Emit(wasmbin.OpI64Mul)
	return true
}
