package plan

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/rt"
)

// A Func holds the analyses of one function, the interval analysis
// first: the checker's Info, the function, the facts (the intervals known
// of some names at the point being looked at) and the memo of RangeOf's
// answers under them.
// core/wasmgen's lowering embeds one per function it generates, and
// narrows the facts as it enters guarded blocks and inlined copies
// (WithFact, SetFact).
type Func struct {
	*Consts
	Info *check.Info
	Fn   *check.Func
	// Passes are the passes that run (a switched-off pass proves nothing).
	Passes PassSet
	// Module is what the passes decided about the module: a call goes to
	// a specialization of Module.Specs when its arguments allow.
	Module *Module
	// Spec: the function is analysed as its non-negative specialization
	// (specialize.go): its int parameters are >= 0 (ParamFacts).
	Spec bool
	// Cache holds the facts of the module's functions and loops, shared.
	Cache *FactCache

	// Inlined holds the names bound to a callee's parameters while
	// lowering generates its leading guard in place (core/wasmgen's
	// leafguard.go): they are not the function's locals, whatever their
	// assignments say (counters.go).
	Inlined map[string]bool

	types       map[string]*check.Type // LocalTypes
	assignFacts map[string]Interval    // intervals of locals from their assignments (counters.go)
	elems       map[string]Interval    // intervals of the elements of list locals (elems.go)
	facts       map[string]Interval
	memo        map[ast.Expr]Interval
	lenBounds   map[string][]ast.Expr // LenBounds (listloops.go)
	stable      map[string]bool       // the names whose value LenBounds trusts
}

// MaxCodePoint is the largest code point: ord() of any one-character
// string lies in [0, MaxCodePoint].
const MaxCodePoint = 0x10FFFF

// Fact returns the interval known of name, if any.
func (rg *Func) Fact(name string) (Interval, bool) {
	r, ok := rg.facts[name]
	return r, ok
}

// SetFact records that name lies in r (replacing what was known).
func (rg *Func) SetFact(name string, r Interval) {
	if rg.facts == nil {
		rg.facts = map[string]Interval{}
	}
	rg.facts[name] = r
	rg.memo = nil
}

// DeleteFact forgets what was known of name.
func (rg *Func) DeleteFact(name string) {
	delete(rg.facts, name)
	rg.memo = nil
}

// Facts returns the facts; with SetFacts, it saves and restores them
// around code generated under other facts.
func (rg *Func) Facts() map[string]Interval { return rg.facts }

// SetFacts replaces the facts by m (which the analysis then owns).
func (rg *Func) SetFacts(m map[string]Interval) {
	rg.facts = m
	rg.memo = nil
}

// Value ranges: a small interval analysis that lets the generator drop
// checks it can prove useless. RangeOf(e) is an interval [Lo, Hi] holding
// every value the int expression e can have when its evaluation does not
// trap. It is sound by construction:
//
//   - a literal is its value; a bool is in [0, 1]; len() is in
//     [0, rt.MaxLen];
//   - a checked operation (+ - * //) either traps or yields its exact
//     result, so its interval is the exact result interval of its operand
//     intervals, clamped to i64 (bounds are computed with saturation);
//   - a local is unknown (the whole i64 range), except a range loop
//     variable (LoopFacts), or a parameter narrowed by a guard
//     (guards.go) or by a specialization's hypothesis (Spec).
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

// RangeOf returns the interval of the int or bool expression e. Answers
// are remembered until the facts change (every write to the facts clears
// the memo), so that asking about each node of a long expression costs
// linear time in all.
func (rg *Func) RangeOf(e ast.Expr) Interval {
	if r, ok := rg.memo[e]; ok {
		return r
	}
	r := rg.computeRange(e)
	if rg.memo == nil {
		rg.memo = make(map[ast.Expr]Interval)
	}
	rg.memo[e] = r
	return r
}

// computeRange works out RangeOf(e), asking RangeOf about operands.
func (rg *Func) computeRange(e ast.Expr) Interval {
	t, ok := rg.Info.Types[e]
	if !ok {
		return FullRange
	}
	if t.Kind == check.Bool {
		return Interval{Lo: 0, Hi: 1}
	}
	if t.Kind != check.Int {
		return FullRange
	}
	if v, ok := rg.ConstOf(e); ok && v.Kind != check.Float {
		return Interval{Lo: v.I, Hi: v.I}
	}
	switch e := e.(type) {
	case *ast.Ident:
		return rg.identRange(e.Name)
	case *ast.Unary:
		switch e.Op {
		case ast.OpPos:
			return rg.RangeOf(e.X)
		case ast.OpNeg:
			x := rg.RangeOf(e.X)
			return Interval{Lo: SatNeg(x.Hi), Hi: SatNeg(x.Lo)}
		}
	case *ast.Binary:
		return opRange(e.Op, rg.RangeOf(e.X), rg.RangeOf(e.Y))
	case *ast.Index:
		if l, ok := e.X.(*ast.Ident); ok {
			if r, ok := rg.ElemRange(l.Name); ok {
				return r // an element of a list local (elems.go)
			}
		}
	case *ast.Call:
		if id, ok := e.Func.(*ast.Ident); ok && rg.Info.Builtins[id] == "len" {
			return Interval{Lo: 0, Hi: rt.MaxLen}
		}
		if id, ok := e.Func.(*ast.Ident); ok && rg.Info.Builtins[id] == "ord" {
			return Interval{Lo: 0, Hi: MaxCodePoint} // core/wasmgen/strloop.go
		}
		if _, ok := rg.SpecCall(e); ok {
			return NonNegRange
		}
	}
	return FullRange
}

// LoopFacts finds the range loop variables of the function among its for
// loops (outer loops first, as FuncFacts lists them) and records their
// intervals as the facts, outer loops first so that an inner range may
// use an outer variable; the facts start with those of init (the
// parameters' intervals of a specialization, ParamFacts).
func (rg *Func) LoopFacts(loops []*ast.For, init map[string]Interval) {
	rg.facts = map[string]Interval{}
	rg.memo = nil
	for name, r := range init {
		rg.facts[name] = r
		rg.memo = nil
	}
	isParam := map[string]bool{}
	for _, p := range rg.Fn.ParamNames {
		isParam[p] = true
	}
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
		if _, done := rg.facts[name]; done || isParam[name] || rg.Fn.Assigned[name] != len(ls) || ls[0] != s {
			continue
		}
		r, ok := Interval{}, true
		for k, l := range ls {
			if _, typed := rg.Info.Types[l.Iter]; typed {
				// a loop over a list or a string: the checker types only
				// those iterables, not range(...)
				ok = false
				break
			}
			lr, lok := rg.rangeLoopInterval(l)
			if !lok {
				ok = false
				break
			}
			if k == 0 {
				r = lr
			} else {
				r = Interval{Lo: min(r.Lo, lr.Lo), Hi: max(r.Hi, lr.Hi)}
			}
		}
		if ok {
			rg.facts[name] = r
			rg.memo = nil
		}
	}
	rg.elems = nil
	rg.elemRanges() // elems.go, first with the loop variables' facts
	rg.assignRanges()
	rg.carriedFacts(isParam) // loopcarried.go
	rg.elemRanges()          // then with the locals' intervals
}

// rangeLoopInterval returns the interval of the variable of a range loop.
func (rg *Func) rangeLoopInterval(s *ast.For) (Interval, bool) {
	c, ok := s.Iter.(*ast.Call)
	if !ok || len(c.Args) < 1 || len(c.Args) > 3 {
		return Interval{}, false
	}
	start, stop, step := Interval{Lo: 0, Hi: 0}, rg.RangeOf(c.Args[0]), Interval{Lo: 1, Hi: 1}
	if len(c.Args) >= 2 {
		start, stop = stop, rg.RangeOf(c.Args[1])
	}
	if len(c.Args) == 3 {
		step = rg.RangeOf(c.Args[2])
	}
	switch {
	case step.Positive():
		if stop.Hi == math.MinInt64 {
			return Interval{}, false // the loop never runs
		}
		return Interval{Lo: start.Lo, Hi: stop.Hi - 1}, start.Lo <= stop.Hi-1
	case step.Hi < 0:
		if stop.Lo == math.MaxInt64 {
			return Interval{}, false
		}
		return Interval{Lo: stop.Lo + 1, Hi: start.Hi}, stop.Lo+1 <= start.Hi
	}
	return Interval{}, false
}
