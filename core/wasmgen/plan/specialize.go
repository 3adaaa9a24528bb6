package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Non-negative specializations. A recursive int function such as fib
// spends its time in calls whose arguments are never negative, and whose
// results then never are either; knowing that, `acc + fib(n - 1)` needs
// one comparison for its overflow check instead of the sign formula (fib
// ran 20% faster). The generator proves it with a second copy of the
// function, name.nonneg (core/wasmgen/specialize.go), compiled under the hypothesis that its int
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

// SpecCandidate reports whether fn may get a non-negative
// specialization: an int function with an int parameter that nothing
// assigns, and that calls itself.
func SpecCandidate(fn *check.Func) bool {
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

// ParamFacts returns the intervals of the int parameters of a
// specialization (none for a generic function).
func (rg *Func) ParamFacts() map[string]Interval {
	if !rg.Spec {
		return nil
	}
	facts := map[string]Interval{}
	for i, p := range rg.Fn.Params {
		if p.Kind == check.Int {
			facts[rg.Fn.ParamNames[i]] = NonNegRange
		}
	}
	return facts
}

// SpecCall returns the index of the specialization that the call e goes
// to: the callee has one and every int argument is >= 0.
func (rg *Func) SpecCall(e *ast.Call) (uint32, bool) {
	id, ok := e.Func.(*ast.Ident)
	if !ok || rg.Module.Specs == nil {
		return 0, false
	}
	if _, builtin := rg.Info.Builtins[id]; builtin {
		return 0, false
	}
	callee := rg.Info.FuncByName[id.Name]
	idx, ok := rg.Module.Specs[callee]
	if !ok || len(e.Args) != len(callee.Params) {
		return 0, false
	}
	for i, a := range e.Args {
		if callee.Params[i].Kind == check.Int && !rg.RangeOf(a).NonNeg() {
			return 0, false
		}
	}
	return idx, true
}

// AccRange returns the interval of the tail call accumulator: >= 0 in a
// specialization (specHolds checks every addition to it).
func (rg *Func) AccRange() Interval {
	if rg.Spec {
		return NonNegRange
	}
	return FullRange
}
