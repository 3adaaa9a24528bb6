package wasmgen

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Non-negative specializations. A recursive int function such as fib
// spends its time in calls whose arguments are never negative, and whose
// results then never are either; knowing that, `acc + fib(n - 1)` needs
// one comparison for its overflow check instead of the sign formula (fib
// ran 20% faster). The generator proves it with a second copy of the
// function, name.nonneg, compiled under the hypothesis that its int
// parameters and the results of its calls to itself are >= 0, and keeps
// the copy only when the hypothesis checks out:
//
//   - every value it returns has an interval (ranges.go) that is >= 0;
//   - under the additive tail call transformation (tailcall.go), every X
//     added to the accumulator is >= 0 (so the accumulator, which starts
//     at 0, stays >= 0), and every argument of the tail call that rebinds
//     an int parameter is >= 0;
//   - no statement assigns an int parameter (they keep their entry values
//     but for the tail call's rebinding).
//
// Proof. Take a call of name.nonneg with int arguments >= 0 that returns.
// By induction on the number of calls it makes: its parameters are >= 0
// at entry and stay so (only the checked tail rebinding assigns them);
// each call it makes to itself has arguments >= 0 (that is what sends a
// call there, below) and returns, with fewer calls, a value >= 0; so the
// facts the intervals were computed from hold, and the value returned is
// >= 0. Every other check of the copy is the generic function's, dropped
// only where the same intervals prove it useless, so the copy computes
// what the function computes, for the arguments it receives.
//
// A call f(args) in any compiled function goes to f.nonneg when f has one
// and every int argument has an interval >= 0 at that point; its result
// then has the interval [0, MAX]. Only functions that call themselves get
// a copy: that is where the hypothesis pays.

// specSuffix ends the name of a specialization in the module.
const specSuffix = ".nonneg"

// specCandidate reports whether fn may get a non-negative
// specialization: an int function with an int parameter that nothing
// assigns, and that calls itself.
func (g *gen) specCandidate(fn *check.Func) bool {
	if fn.Result == nil || fn.Result.Kind != check.Int {
		return false
	}
	ints := 0
	for i, p := range fn.Params {
		if p.Kind != check.Int {
			continue
		}
		if fn.Assigned[fn.ParamNames[i]] != 0 {
			return false
		}
		ints++
	}
	if ints == 0 {
		return false
	}
	return fn.CallsItself
}

// planSpecs decides which compiled functions get a specialization: each
// candidate whose hypothesis specHolds proves. The kept copies get
// function indices after the ones already in the module; specFunctions
// fills them in.
func (g *gen) planSpecs(compiled []*check.Func) {
	var kept []*check.Func
	for _, fn := range compiled {
		if g.specCandidate(fn) && g.specHolds(fn) == "" {
			kept = append(kept, fn)
		}
	}
	for _, fn := range kept {
		if g.plan.specs == nil {
			g.plan.specs = make(map[*check.Func]uint32)
		}
		g.plan.specs[fn] = uint32(len(g.mod.Funcs))
		g.mod.Funcs = append(g.mod.Funcs, nil) // filled by specFunctions
	}
}

// specFunctions generates the specializations planSpecs kept. Knowing
// more specializations than specHolds did can only narrow intervals, so
// each hypothesis still holds (specRequire checks it as the code is
// generated: a failure is a bug).
func (g *gen) specFunctions(compiled []*check.Func) {
	for _, fn := range compiled {
		if idx, ok := g.plan.specs[fn]; ok {
			g.mod.Funcs[idx] = g.genFunc(fn, true)
		}
	}
}

// paramFacts returns the intervals of the int parameters of a
// specialization (none for a generic function).
func (fg *fgen) paramFacts() map[string]plan.Interval {
	if !fg.plan.spec {
		return nil
	}
	facts := map[string]plan.Interval{}
	for i, p := range fg.fn.Params {
		if p.Kind == check.Int {
			facts[fg.fn.ParamNames[i]] = plan.NonNegRange
		}
	}
	return facts
}

// specCall returns the index of the specialization that the call e goes
// to: the callee has one and every int argument is >= 0.
func (fg *fgen) specCall(e *ast.Call) (uint32, bool) {
	id, ok := e.Func.(*ast.Ident)
	if !ok || fg.g.plan.specs == nil {
		return 0, false
	}
	if _, builtin := fg.g.info.Builtins[id]; builtin {
		return 0, false
	}
	callee := fg.g.info.FuncByName[id.Name]
	idx, ok := fg.g.plan.specs[callee]
	if !ok || len(e.Args) != len(callee.Params) {
		return 0, false
	}
	for i, a := range e.Args {
		if callee.Params[i].Kind == check.Int && !fg.rangeOf(a).NonNeg() {
			return 0, false
		}
	}
	return idx, true
}

// specRequire checks, in a specialization, that the interval of e is >= 0
// (what says which value e is), as specHolds proved before generating it:
// a failure is a bug of the generator, not a reason to drop the copy.
func (fg *fgen) specRequire(e ast.Expr, what string) {
	if fg.plan.spec && !fg.rangeOf(e).NonNeg() {
		panic(fmt.Sprintf("specialization of %s: %s at %v may be negative, after specHolds proved it was not",
			fg.fn.Name, what, e.Span().Start))
	}
}

// accRange returns the interval of the tail call accumulator: >= 0 in a
// specialization (specHolds checks every addition to it).
func (fg *fgen) accRange() plan.Interval {
	if fg.plan.spec {
		return plan.NonNegRange
	}
	return plan.FullRange
}
