package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
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

// rangeOf returns the interval of the int or bool expression e. Answers
// are remembered until the facts change (every write to fg.facts clears
// fg.rangeMemo), so that asking about each node of a long expression costs
// linear time in all.
func (fg *fgen) rangeOf(e ast.Expr) plan.Interval {
	if r, ok := fg.rangeMemo[e]; ok {
		return r
	}
	r := fg.computeRange(e)
	if fg.rangeMemo == nil {
		fg.rangeMemo = make(map[ast.Expr]plan.Interval)
	}
	fg.rangeMemo[e] = r
	return r
}

// computeRange works out rangeOf(e), asking rangeOf about operands.
func (fg *fgen) computeRange(e ast.Expr) plan.Interval {
	t, ok := fg.g.info.Types[e]
	if !ok {
		return plan.FullRange
	}
	if t.Kind == check.Bool {
		return plan.Interval{Lo: 0, Hi: 1}
	}
	if t.Kind != check.Int {
		return plan.FullRange
	}
	if v, ok := fg.ConstOf(e); ok && v.Kind != check.Float {
		return plan.Interval{Lo: v.I, Hi: v.I}
	}
	switch e := e.(type) {
	case *ast.Ident:
		if r, ok := fg.facts[e.Name]; ok {
			return r
		}
	case *ast.Unary:
		switch e.Op {
		case ast.OpPos:
			return fg.rangeOf(e.X)
		case ast.OpNeg:
			x := fg.rangeOf(e.X)
			return plan.Interval{Lo: plan.SatNeg(x.Hi), Hi: plan.SatNeg(x.Lo)}
		}
	case *ast.Binary:
		x, y := fg.rangeOf(e.X), fg.rangeOf(e.Y)
		switch e.Op {
		case ast.OpAdd:
			return plan.AddRange(x, y)
		case ast.OpSub:
			return plan.SubRange(x, y)
		case ast.OpMul:
			return plan.MulRange(x, y)
		case ast.OpFloorDiv:
			return plan.FloorDivRange(x, y)
		case ast.OpMod:
			if y.Positive() {
				if x.NonNeg() {
					return plan.Interval{Lo: 0, Hi: min(x.Hi, y.Hi-1)}
				}
				return plan.Interval{Lo: 0, Hi: y.Hi - 1}
			}
		case ast.OpBitAnd:
			switch {
			case x.NonNeg() && y.NonNeg():
				return plan.Interval{Lo: 0, Hi: min(x.Hi, y.Hi)}
			case x.NonNeg():
				return plan.Interval{Lo: 0, Hi: x.Hi}
			case y.NonNeg():
				return plan.Interval{Lo: 0, Hi: y.Hi}
			}
		case ast.OpRShift:
			if y.NonNeg() {
				s := min(y.Lo, 63)
				return plan.Interval{Lo: min(x.Lo>>s, x.Lo>>63), Hi: max(x.Hi>>s, x.Hi>>63)}
			}
		}
	case *ast.Call:
		if id, ok := e.Func.(*ast.Ident); ok && fg.g.info.Builtins[id] == "len" {
			return plan.Interval{Lo: 0, Hi: maxListLen}
		}
		if _, ok := fg.specCall(e); ok {
			return plan.NonNegRange
		}
	}
	return plan.FullRange
}

// loopFacts finds the range loop variables of the function (see above)
// and records their intervals in fg.facts, outer loops first so that an
// inner range may use an outer variable; facts starts with those of init
// (the parameters' intervals of a specialization).
func (fg *fgen) loopFacts(init map[string]plan.Interval) {
	fg.facts = map[string]plan.Interval{}
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
		r, ok := plan.Interval{}, true
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
				r = plan.Interval{Lo: min(r.Lo, lr.Lo), Hi: max(r.Hi, lr.Hi)}
			}
		}
		if ok {
			fg.facts[name] = r
			fg.rangeMemo = nil
		}
	}
}

// rangeLoopInterval returns the interval of the variable of a range loop.
func (fg *fgen) rangeLoopInterval(s *ast.For) (plan.Interval, bool) {
	c, ok := s.Iter.(*ast.Call)
	if !ok || len(c.Args) < 1 || len(c.Args) > 3 {
		return plan.Interval{}, false
	}
	start, stop, step := plan.Interval{Lo: 0, Hi: 0}, fg.rangeOf(c.Args[0]), plan.Interval{Lo: 1, Hi: 1}
	if len(c.Args) >= 2 {
		start, stop = stop, fg.rangeOf(c.Args[1])
	}
	if len(c.Args) == 3 {
		step = fg.rangeOf(c.Args[2])
	}
	switch {
	case step.Positive():
		if stop.Hi == math.MinInt64 {
			return plan.Interval{}, false // the loop never runs
		}
		return plan.Interval{Lo: start.Lo, Hi: stop.Hi - 1}, start.Lo <= stop.Hi-1
	case step.Hi < 0:
		if stop.Lo == math.MaxInt64 {
			return plan.Interval{}, false
		}
		return plan.Interval{Lo: stop.Lo + 1, Hi: start.Hi}, stop.Lo+1 <= start.Hi
	}
	return plan.Interval{}, false
}
