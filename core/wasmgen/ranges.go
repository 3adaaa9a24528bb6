package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Value ranges: a small interval analysis that lets the generator drop
// checks it can prove useless. rangeOf(e) is an interval [lo, hi] holding
// every value the int expression e can have when its evaluation does not
// trap. It is sound by construction:
//
//   - a literal is its value; a bool is in [0, 1]; len() is in
//     [0, maxListLen];
//   - a checked operation (+ - * //) either traps or yields its exact
//     result, so its interval is the exact result interval of its operand
//     intervals, clamped to i64 (bounds are computed with saturation);
//   - a local is unknown (the whole i64 range), except a range loop
//     variable (loopFacts).
//
// Loop variables are the only locals tracked, since no flow analysis is
// needed for them: when the only assignment to a name in the whole function
// is one `for name in range(start, stop, step)` with a positive step, every
// value it holds (in the body and after the loop) is some start + k*step
// < stop, so name lies in [lo(start), hi(stop) - 1]; with a negative step,
// in [lo(stop) + 1, hi(start)]. The checker guarantees the name is never
// read before the loop assigns it.
//
// When every assignment to a name is a range loop (`for j in range(n)`
// twice, say), each value it holds was assigned by one of them, so it lies
// in the union (hull) of their intervals. The intervals are computed when
// the first of these loops is met, before the name has a fact of its own:
// a loop bound that reads the name itself (range(j, j + 5)) then counts as
// unknown, which keeps the hull sound even when an outer loop runs the
// loops again; facts of other names are final when read, or absent.

// An interval is a closed range of i64 values.
type interval struct{ lo, hi int64 }

var fullRange = interval{math.MinInt64, math.MaxInt64}

// nonNegRange holds every non-negative i64.
var nonNegRange = interval{0, math.MaxInt64}

// nonNeg reports whether every value of r is >= 0.
func (r interval) nonNeg() bool { return r.lo >= 0 }

// positive reports whether every value of r is > 0.
func (r interval) positive() bool { return r.lo > 0 }

// satAdd returns a + b clamped to i64.
func satAdd(a, b int64) int64 {
	r := a + b
	if (a^r)&(b^r) < 0 {
		if a < 0 {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	return r
}

// satMul returns a * b clamped to i64.
func satMul(a, b int64) int64 {
	if r, ok := mul64(a, b); ok {
		return r
	}
	if (a < 0) != (b < 0) {
		return math.MinInt64
	}
	return math.MaxInt64
}

// satNeg returns -a clamped to i64.
func satNeg(a int64) int64 {
	if a == math.MinInt64 {
		return math.MaxInt64
	}
	return -a
}

// addRange and friends give the exact interval of a checked operation.
func addRange(a, b interval) interval {
	return interval{satAdd(a.lo, b.lo), satAdd(a.hi, b.hi)}
}

func subRange(a, b interval) interval {
	return interval{satSub(a.lo, b.hi), satSub(a.hi, b.lo)}
}

// satSub returns a - b clamped to i64.
func satSub(a, b int64) int64 {
	r := a - b
	if (a^b)&(a^r) < 0 {
		if a < 0 {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	return r
}

// addSafe, subSafe and mulSafe report whether the operation cannot
// overflow for any operands in a and b (the extreme results are corners).
func addSafe(a, b interval) bool {
	return (a.lo^(a.lo+b.lo))&(b.lo^(a.lo+b.lo)) >= 0 && (a.hi^(a.hi+b.hi))&(b.hi^(a.hi+b.hi)) >= 0
}

func subSafe(a, b interval) bool {
	return (a.lo^b.hi)&(a.lo^(a.lo-b.hi)) >= 0 && (a.hi^b.lo)&(a.hi^(a.hi-b.lo)) >= 0
}

func mulSafe(a, b interval) bool {
	for _, x := range [2]int64{a.lo, a.hi} {
		for _, y := range [2]int64{b.lo, b.hi} {
			if _, ok := mul64(x, y); !ok {
				return false
			}
		}
	}
	return true
}

func mulRange(a, b interval) interval {
	c := [4]int64{satMul(a.lo, b.lo), satMul(a.lo, b.hi), satMul(a.hi, b.lo), satMul(a.hi, b.hi)}
	return interval{min(c[0], c[1], c[2], c[3]), max(c[0], c[1], c[2], c[3])}
}

// floorDivRange is the interval of a // b for a positive divisor: a // b
// is monotone in each operand separately, so the corners bound it.
func floorDivRange(a, b interval) interval {
	if !b.positive() {
		return fullRange
	}
	fd := func(x, y int64) int64 {
		q := x / y
		if x%y != 0 && x < 0 {
			q--
		}
		return q
	}
	c := [4]int64{fd(a.lo, b.lo), fd(a.lo, b.hi), fd(a.hi, b.lo), fd(a.hi, b.hi)}
	return interval{min(c[0], c[1], c[2], c[3]), max(c[0], c[1], c[2], c[3])}
}

// rangeOf returns the interval of the int or bool expression e. Answers
// are remembered until the facts change (every write to fg.facts clears
// fg.rangeMemo), so that asking about each node of a long expression costs
// linear time in all.
func (fg *fgen) rangeOf(e ast.Expr) interval {
	if r, ok := fg.rangeMemo[e]; ok {
		return r
	}
	r := fg.computeRange(e)
	if fg.rangeMemo == nil {
		fg.rangeMemo = make(map[ast.Expr]interval)
	}
	fg.rangeMemo[e] = r
	return r
}

// computeRange works out rangeOf(e), asking rangeOf about operands.
func (fg *fgen) computeRange(e ast.Expr) interval {
	t, ok := fg.g.info.Types[e]
	if !ok {
		return fullRange
	}
	if t.Kind == check.Bool {
		return interval{0, 1}
	}
	if t.Kind != check.Int {
		return fullRange
	}
	if v, ok := fg.constOf(e); ok && v.kind != check.Float {
		return interval{v.i, v.i}
	}
	switch e := e.(type) {
	case *ast.Ident:
		return fg.identRange(e.Name)
	case *ast.Unary:
		switch e.Op {
		case ast.OpPos:
			return fg.rangeOf(e.X)
		case ast.OpNeg:
			x := fg.rangeOf(e.X)
			return interval{satNeg(x.hi), satNeg(x.lo)}
		}
	case *ast.Binary:
		x, y := fg.rangeOf(e.X), fg.rangeOf(e.Y)
		switch e.Op {
		case ast.OpAdd:
			return addRange(x, y)
		case ast.OpSub:
			return subRange(x, y)
		case ast.OpMul:
			return mulRange(x, y)
		case ast.OpFloorDiv:
			return floorDivRange(x, y)
		case ast.OpMod:
			if y.positive() {
				if x.nonNeg() {
					return interval{0, min(x.hi, y.hi-1)}
				}
				return interval{0, y.hi - 1}
			}
		case ast.OpBitAnd:
			switch {
			case x.nonNeg() && y.nonNeg():
				return interval{0, min(x.hi, y.hi)}
			case x.nonNeg():
				return interval{0, x.hi}
			case y.nonNeg():
				return interval{0, y.hi}
			}
		case ast.OpRShift:
			if y.nonNeg() {
				s := min(y.lo, 63)
				return interval{min(x.lo>>s, x.lo>>63), max(x.hi>>s, x.hi>>63)}
			}
		}
	case *ast.Call:
		if id, ok := e.Func.(*ast.Ident); ok && fg.g.info.Builtins[id] == "len" {
			return interval{0, maxListLen}
		}
		if id, ok := e.Func.(*ast.Ident); ok && fg.g.info.Builtins[id] == "ord" {
			return interval{0, maxCodePoint} // strloop.go
		}
		if _, ok := fg.specCall(e); ok {
			return nonNegRange
		}
	}
	return fullRange
}

// loopFacts finds the range loop variables of the function (see above)
// and records their intervals in fg.facts, outer loops first so that an
// inner range may use an outer variable; facts starts with those of init
// (the parameters' intervals of a specialization).
func (fg *fgen) loopFacts(init map[string]interval) {
	fg.facts = map[string]interval{}
	fg.rangeMemo = nil
	for name, r := range init {
		fg.facts[name] = r
		fg.rangeMemo = nil
	}
	isParam := map[string]bool{}
	for _, p := range fg.fn.ParamNames {
		isParam[p] = true
	}
	loops := fg.g.funcFactsOf(fg.fn).loops
	byName := map[string][]*ast.For{}
	for _, s := range loops {
		if s.Target != nil {
			byName[s.Var().Name] = append(byName[s.Var().Name], s)
		}
	}
	for _, s := range loops {
		name := s.Var().Name
		ls := byName[name]
		// a parameter holds any value: it is never assigned by loops only
		if _, done := fg.facts[name]; done || isParam[name] || fg.fn.Assigned[name] != len(ls) || ls[0] != s {
			continue
		}
		r, ok := interval{}, true
		for k, l := range ls {
			if _, typed := fg.g.info.Types[l.Iter]; typed {
				// a loop over a list or a string: the checker types only
				// those iterables, not range(...)
				ok = false
				break
			}
			lr, lok := fg.rangeLoopInterval(l)
			if !lok {
				ok = false
				break
			}
			if k == 0 {
				r = lr
			} else {
				r = interval{min(r.lo, lr.lo), max(r.hi, lr.hi)}
			}
		}
		if ok {
			fg.facts[name] = r
			fg.rangeMemo = nil
		}
	}
	fg.assignRanges()
	fg.carriedFacts(isParam) // loopcarried.go
}

// rangeLoopInterval returns the interval of the variable of a range loop.
func (fg *fgen) rangeLoopInterval(s *ast.For) (interval, bool) {
	c, ok := s.Iter.(*ast.Call)
	if !ok || len(c.Args) < 1 || len(c.Args) > 3 {
		return interval{}, false
	}
	start, stop, step := interval{0, 0}, fg.rangeOf(c.Args[0]), interval{1, 1}
	if len(c.Args) >= 2 {
		start, stop = stop, fg.rangeOf(c.Args[1])
	}
	if len(c.Args) == 3 {
		step = fg.rangeOf(c.Args[2])
	}
	switch {
	case step.positive():
		if stop.hi == math.MinInt64 {
			return interval{}, false // the loop never runs
		}
		return interval{start.lo, stop.hi - 1}, start.lo <= stop.hi-1
	case step.hi < 0:
		if stop.lo == math.MaxInt64 {
			return interval{}, false
		}
		return interval{stop.lo + 1, start.hi}, stop.lo+1 <= start.hi
	}
	return interval{}, false
}
