package plan

import (
	"slices"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Floor division through the float unit (pass "fdiv"). A 64-bit integer
// division is one of the slowest instructions of a processor, several
// times slower than a 64-bit float division (core/wasmgen/fdiv.go lowers
// it), and it bounds loops such as
// the guide's sum of (i * i) // (i + 1). When the ranges (plan/ranges.go) prove
// both operands of an int `a // b` or `a % b` to lie in [0, 2**53), with
// b >= 1, they are computed as
//
//	q = trunc(f64(a) / f64(b))    (a // b)
//	r = a - q*b                   (a % b)
//
// and both are exact: q is Python's floor quotient Q = floor(a / b), with
// no correction step. Proof. The conversions are exact, since every
// integer of magnitude at most 2**53 is an f64. The division returns
// fl(x), the real x = a / b rounded to nearest (WebAssembly's f64.div is
// IEEE 754's, correctly rounded), and rounding is monotone with fl(y) = y
// for every f64 y. Q <= x < Q + 1, and Q <= a < 2**53 and Q + 1 <= 2**53
// are f64s, so Q <= fl(x) <= Q + 1. Suppose fl(x) = Q + 1: x, below Q + 1,
// is then within half a gap of it, where the gap is the distance from
// Q + 1 down to the f64 below it. For Q = 0 that gap is 2**-53; for
// 2**e <= Q < 2**(e+1) the f64 below Q + 1 lies in [2**e, 2**(e+1)), where
// f64s are 2**(e-52) apart. And Q + 1 - x = ((Q+1)*b - a) / b >= 1/b,
// since (Q+1)*b - a is a positive integer. For Q = 0, 1/b <= 2**-54
// contradicts b < 2**53; otherwise 1/b <= 2**(e-53) gives b >= 2**(53-e),
// and then a >= Q*b >= 2**e * 2**(53-e) = 2**53, a contradiction. So
// Q <= fl(x) < Q + 1, and its truncation is Q. The truncation cannot
// trap (fl(x) is finite, in [0, 2**53)), and r = a - Q*b is the exact
// remainder, computed without overflow (0 <= Q*b <= a). Above 2**53 this
// fails (a float quotient can round up to Q + 1 there, and the operands
// are no longer exact): core/wasmgen/fdiv_test.go checks the argument
// exhaustively in a model with a p-bit significand, where the same proof
// holds with 53 replaced by p and the round-ups it excludes do appear
// beyond 2**p.
//
// Everything else keeps the integer path (core/wasmgen/arith.go):
// operands that may be negative or reach 2**53, a divisor that may be
// zero (i64.div traps there, and the call re-runs in Python, which
// raises), and a divisor known to be one constant, which the compiler
// turns into a multiplication (cheaper than either division).
//
// The ranges usually come from loop variables. When they are too wide
// only because a loop's bounds or an int local that the loop reads are
// unknown, as in `for i in range(n * n): s += (i * i) // (i + 1)` (i * i
// is below 2**53 only when i < 94906266), the loop versioning
// (version.go, core/wasmgen/version.go) adds to its test that these
// values lie in [0, B) for the largest B that makes such divisions
// provable (FDivPlan): the fast copy of the loop is generated under those
// narrower facts, and the other copy, which runs where the test fails,
// keeps the integer division.

// FDivLimit is 2**53: every integer in [0, FDivLimit] is exact in f64.
const FDivLimit = 1 << 53

// FDivFits reports whether a // b and a % b for a in xr and b in yr take
// the float path: the pass is on, 0 <= a < 2**53, 1 <= b < 2**53, and b
// is not known to be one constant.
func (rg *Func) FDivFits(xr, yr Interval) bool {
	return rg.Passes.Has(PassFDiv) && xr.Lo >= 0 && xr.Hi < FDivLimit &&
		yr.Lo >= 1 && yr.Hi < FDivLimit && yr.Lo != yr.Hi
}

// An FDivVersion is what the versioned loop's test must prove for the
// divisions of its fast copy to take the float path: every value of the
// names lies in [0, Bound), the loop variable's because start >= 0 (when
// StartTest) and stop <= Bound, the others' (int locals that the loop
// does not assign) by a test each.
type FDivVersion struct {
	Bound     int64
	LoopVar   string
	StartTest bool
	StopTest  bool
	Locals    []string
}

// FDivPlan returns what the test of the innermost range loop s (positive
// step; args are the range's arguments) must check for some of its
// divisions to take the float path in the fast copy, or nil when none
// would. The candidates are the loop's int divisions that do not take
// the float path already; the names of one are those its operands read
// that the test can bound: the loop variable (when only range loops
// assign it) and the int locals that the loop does not assign. For a
// bound B, each name is narrowed to [max(lo, 0), min(hi, B - 1)] of its
// interval; since the interval arithmetic of plan/ranges.go is monotone, a
// division that fits for some B fits for every smaller one, and a binary
// search finds the largest B for each (fdivBound). The plan takes the
// smallest of them, so that every candidate that can fit does in the
// fast copy, and bounds the names of those candidates only. The test
// joins the loop's other versioning conditions (bounds, products,
// accumulators): a loop that reaches B runs the checked copy, exact and
// only slower.
func (rg *Func) FDivPlan(s *ast.For, args []ast.Expr) *FDivVersion {
	if !rg.Passes.Has(PassFDiv) || !rg.Passes.Has(PassVersion) || s.Target == nil || !rg.LoopOf(s).Innermost {
		return nil
	}
	k := s.Var().Name
	assigned := rg.LoopOf(s).Assigned
	names := map[string]bool{}
	var order []string
	best := int64(0)
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		var x, y ast.Expr
		switch n := n.(type) {
		case *ast.Binary:
			if (n.Op == ast.OpFloorDiv || n.Op == ast.OpMod) && rg.typeOf(n).Kind == check.Int {
				x, y = n.X, n.Y
			}
		case *ast.AugAssign:
			if (n.Op == ast.OpFloorDiv || n.Op == ast.OpMod) && rg.typeOf(n.Target).Kind == check.Int {
				x, y = n.Target, n.Value
			}
		}
		if x == nil || rg.FDivFits(rg.RangeOf(x), rg.RangeOf(y)) {
			return true
		}
		var own []string
		for _, e := range []ast.Expr{x, y} {
			ast.Inspect(e, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && !slices.Contains(own, id.Name) && rg.fdivNarrowable(id.Name, k, assigned) {
					own = append(own, id.Name)
				}
				return true
			})
		}
		if len(own) == 0 {
			return true
		}
		b := rg.fdivBound(x, y, own)
		if b == 0 {
			return true
		}
		if best == 0 || b < best {
			best = b
		}
		for _, name := range own {
			if !names[name] {
				names[name] = true
				order = append(order, name)
			}
		}
		return true
	})
	if best == 0 || !rg.WithNarrowed(order, best, func() {}) {
		return nil // (an interval narrowed to nothing: not worth a copy)
	}
	v := &FDivVersion{Bound: best}
	for _, name := range order {
		r := rg.RangeOfName(name)
		if name == k {
			v.LoopVar = k
			v.StartTest = r.Lo < 0
			v.StopTest = r.Hi > best-1
			continue
		}
		if r.Lo < 0 || r.Hi > best-1 {
			v.Locals = append(v.Locals, name)
		}
	}
	start, stop := Interval{Lo: 0, Hi: 0}, rg.RangeOf(args[0])
	if len(args) > 1 {
		start, stop = stop, rg.RangeOf(args[1])
	}
	if v.StartTest && start.Hi < 0 || v.StopTest && stop.Lo > best {
		return nil // the test would always fail
	}
	if !v.StartTest && !v.StopTest && len(v.Locals) == 0 {
		// not reached: the names' intervals already lie in [0, best), so
		// the candidates would have fit without the test
		return nil
	}
	return v
}

// fdivNarrowable reports whether the loop's test can bound the name: the
// loop variable k when it has a fact (only range loops assign it), or an
// int local that the loop does not assign.
func (rg *Func) fdivNarrowable(name, k string, assigned map[string]bool) bool {
	if name == k {
		_, ok := rg.Fact(k)
		return ok
	}
	if assigned[name] {
		return false
	}
	if _, local := rg.LocalTypes()[name]; !local {
		return false
	}
	return rg.LocalType(name).Kind == check.Int
}

// fdivBound returns the largest B in [2, 2**53] such that x // y takes the
// float path when each of the names is narrowed by B, or 0 when none
// does.
func (rg *Func) fdivBound(x, y ast.Expr, names []string) int64 {
	fits := func(b int64) bool {
		ok := false
		if rg.WithNarrowed(names, b, func() { ok = rg.FDivFits(rg.RangeOf(x), rg.RangeOf(y)) }) {
			return ok
		}
		return false
	}
	lo, hi := int64(2), int64(FDivLimit)
	if !fits(lo) {
		return 0
	}
	for lo < hi { // fits(lo) holds; find the largest
		mid := lo + (hi-lo+1)/2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// WithNarrowed runs gen with each of the names narrowed to [0, bound - 1]
// (intersected with its interval) and reports true, or reports false
// without running it when some name's interval has no value there.
func (rg *Func) WithNarrowed(names []string, bound int64, gen func()) bool {
	for _, name := range names {
		r := rg.RangeOfName(name)
		if max(r.Lo, 0) > min(r.Hi, bound-1) {
			return false
		}
	}
	run := gen
	for _, name := range names {
		inner := run
		run = func() { rg.WithFact(name, Interval{Lo: 0, Hi: bound - 1}, inner) }
	}
	run()
	return true
}
