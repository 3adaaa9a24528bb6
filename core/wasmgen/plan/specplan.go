package plan

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// SpecHolds decides, before any code is generated, whether the
// hypothesis of the non-negative specialization of rg's function holds
// (specialize.go),
// and returns why not ("" when it holds). It walks the statements that
// the specialization would generate, in the order block generates them
// and under the same facts (the parameters >= 0, the range loop
// variables, the guards that narrow parameters for the rest of their
// block), and asks the interval analysis about every value returned,
// added to the tail call accumulator or rebinding an int parameter.
//
// Calls count as going to a specialization only when they call fn
// itself: the others are not decided yet. The facts a versioned loop adds
// in its fast copy only narrow intervals, and the loop's other copy is
// generated under the facts checked here, so they change nothing.
func (rg *Func) SpecHolds() string {
	sp := &Func{Consts: rg.Consts, Info: rg.Info, Fn: rg.Fn, Passes: rg.Passes, Cache: rg.Cache, Spec: true,
		Module: &Module{Specs: map[*check.Func]uint32{rg.Fn: 0}, Guards: rg.Module.Guards}} // calls to itself
	sp.LoopFacts(sp.FuncFacts().Loops, sp.ParamFacts())
	_, why := sp.specBlock(rg.Fn.Decl.Body)
	return why
}

// specBlock is block's walk for SpecHolds: whether control may fall off
// the end of body, and the first value that may be negative.
func (rg *Func) specBlock(body []ast.Stmt) (falls bool, why string) {
	falls = true
	for i, s := range body {
		if !falls && rg.Passes.Has(PassDeadCode) {
			break
		}
		f, why := rg.specStmt(s)
		if why != "" {
			return false, why
		}
		if !f {
			falls = false
			continue
		}
		if gd, ok := s.(*ast.If); ok && falls && !BodyFalls(gd) {
			if name, r, ok := rg.GuardFact(gd); ok {
				rest := true
				rg.WithFact(name, r, func() { rest, why = rg.specBlock(body[i+1:]) })
				return rest, why
			}
		}
	}
	return falls, ""
}

// specStmt is stmt's walk for SpecHolds.
func (rg *Func) specStmt(s ast.Stmt) (falls bool, why string) {
	switch s := s.(type) {
	case *ast.If:
		f1, why := rg.specBlock(s.Body)
		if why != "" {
			return false, why
		}
		f2 := true
		if len(s.Else) > 0 {
			if f2, why = rg.specBlock(s.Else); why != "" {
				return false, why
			}
		}
		return f1 || f2, ""
	case *ast.While:
		_, why := rg.specBlock(s.Body)
		return true, why
	case *ast.For:
		if rg.zeroStepRange(s) {
			return true, "" // the loop traps before its body (forRange)
		}
		_, why := rg.specBlock(s.Body)
		return true, why
	case *ast.Break, *ast.Continue, *ast.Raise:
		return false, ""
	case *ast.Return:
		return false, rg.specReturn(s)
	}
	return true, ""
}

// zeroStepRange reports whether s is a range loop with a constant step of
// zero, whose body forRange does not generate.
func (rg *Func) zeroStepRange(s *ast.For) bool {
	if t, ok := rg.Info.Types[s.Iter]; ok && (t.Kind == check.List || t.Kind == check.Str) {
		return false
	}
	args := s.Iter.(*ast.Call).Args
	if len(args) != 3 {
		return false
	}
	v, ok := rg.ConstOf(args[2])
	return ok && v.Kind != check.Float && v.I == 0
}

// specReturn checks the values of the return statement s that ret or
// tailReturn require to be >= 0 in a specialization.
func (rg *Func) specReturn(s *ast.Return) string {
	var need []ast.Expr
	var what []string
	if x, call, ok := rg.TailSite(s); ok && rg.FuncFacts().Tail {
		need, what = append(need, x), append(what, "the value added to the accumulator")
		for i, a := range call.Args {
			if rg.Fn.Params[i].Kind == check.Int {
				need, what = append(need, a), append(what, "the argument of the tail call")
			}
		}
	} else if rg.Fn.Result.Kind != check.None && s.Value != nil && rg.typeOf(s.Value).Kind != check.None {
		need, what = append(need, s.Value), append(what, "the value returned")
	}
	for i, e := range need {
		if !rg.RangeOf(e).NonNeg() {
			return fmt.Sprintf("%s at %v may be negative", what[i], e.Span().Start)
		}
	}
	return ""
}

// typeOf returns the checked type of e (every expression the lowering
// generates has one: a missing type is a bug of the generator).
func (rg *Func) typeOf(e ast.Expr) *check.Type {
	t, ok := rg.Info.Types[e]
	if !ok {
		panic(fmt.Sprintf("no type for expression at %v", e.Span().Start))
	}
	return t
}
