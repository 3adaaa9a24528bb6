package wasmgen

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// specHolds decides, before any code is generated, whether the
// hypothesis of fn's non-negative specialization holds (specialize.go),
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
func (g *gen) specHolds(fn *check.Func) string {
	sg := newGen(g.info, g.opt)
	sg.index = g.index
	sg.plan.Guards = g.plan.Guards
	sg.plan.Specs = map[*check.Func]uint32{fn: 0} // calls to itself
	sg.facts = g.facts
	fg := &fgen{Func: sg.analyses(fn, true), g: sg, fn: fn, plan: sg.planFunc(fn, true)}
	fg.LoopFacts(fg.FuncFacts().Loops, fg.ParamFacts())
	_, why := fg.specBlock(fn.Decl.Body)
	return why
}

// specBlock is block's walk for specHolds: whether control may fall off
// the end of body, and the first value that may be negative.
func (fg *fgen) specBlock(body []ast.Stmt) (falls bool, why string) {
	falls = true
	for i, s := range body {
		if !falls && fg.g.on(PassDeadCode) {
			break
		}
		f, why := fg.specStmt(s)
		if why != "" {
			return false, why
		}
		if !f {
			falls = false
			continue
		}
		if gd, ok := s.(*ast.If); ok && falls && !plan.BodyFalls(gd) {
			if name, r, ok := fg.GuardFact(gd); ok {
				rest := true
				fg.WithFact(name, r, func() { rest, why = fg.specBlock(body[i+1:]) })
				return rest, why
			}
		}
	}
	return falls, ""
}

// specStmt is stmt's walk for specHolds.
func (fg *fgen) specStmt(s ast.Stmt) (falls bool, why string) {
	switch s := s.(type) {
	case *ast.If:
		f1, why := fg.specBlock(s.Body)
		if why != "" {
			return false, why
		}
		f2 := true
		if len(s.Else) > 0 {
			if f2, why = fg.specBlock(s.Else); why != "" {
				return false, why
			}
		}
		return f1 || f2, ""
	case *ast.While:
		_, why := fg.specBlock(s.Body)
		return true, why
	case *ast.For:
		if fg.zeroStepRange(s) {
			return true, "" // the loop traps before its body (forRange)
		}
		_, why := fg.specBlock(s.Body)
		return true, why
	case *ast.Break, *ast.Continue, *ast.Raise:
		return false, ""
	case *ast.Return:
		return false, fg.specReturn(s)
	}
	return true, ""
}

// zeroStepRange reports whether s is a range loop with a constant step of
// zero, whose body forRange does not generate.
func (fg *fgen) zeroStepRange(s *ast.For) bool {
	if t, ok := fg.g.info.Types[s.Iter]; ok && (t.Kind == check.List || t.Kind == check.Str) {
		return false
	}
	args := s.Iter.(*ast.Call).Args
	if len(args) != 3 {
		return false
	}
	v, ok := fg.ConstOf(args[2])
	return ok && v.Kind != check.Float && v.I == 0
}

// specReturn checks the values of the return statement s that ret or
// tailReturn require to be >= 0 in a specialization.
func (fg *fgen) specReturn(s *ast.Return) string {
	var need []ast.Expr
	var what []string
	if x, call, ok := fg.TailSite(s); ok && fg.plan.Tail {
		need, what = append(need, x), append(what, "the value added to the accumulator")
		for i, a := range call.Args {
			if fg.fn.Params[i].Kind == check.Int {
				need, what = append(need, a), append(what, "the argument of the tail call")
			}
		}
	} else if fg.fn.Result.Kind != check.None && s.Value != nil && fg.typeOf(s.Value).Kind != check.None {
		need, what = append(need, s.Value), append(what, "the value returned")
	}
	for i, e := range need {
		if !fg.RangeOf(e).NonNeg() {
			return fmt.Sprintf("%s at %v may be negative", what[i], e.Span().Start)
		}
	}
	return ""
}
