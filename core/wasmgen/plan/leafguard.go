package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Leading guards of recursive functions. fib begins with
//
//	if n < 2:
//	    return n
//
// and 38% of its calls (fib(30): 514,229 of 1,346,269) only run that
// guard. With the leafguard pass the generator (core/wasmgen/leafguard.go)
// does two things with such a guard
// (whose condition and value are simple: names of int, float or bool
// parameters, literals, + - *, unary operators, comparisons, and/or/not):
//
//   - At a call of the function, it evaluates the arguments into
//     temporaries, then the guard's condition on them, and returns the
//     guard's value without calling when the condition holds; otherwise it
//     calls. The callee would have evaluated the same expressions, in the
//     same order, on the same values: the result, and any trap (an
//     overflow of n - 1 in the value), are the same; only the stack frame
//     is saved.
//
//   - Under the additive tail call transformation (tailcall.go), the
//     guard is tested once before the loop of the body and again after
//     each tail call has rebound the parameters, which is where the
//     recursive call would have tested it, instead of at the top of each
//     turn: the loop's test moves to its bottom, one jump less per turn.
//     The test after a tail call is generated with the parameters'
//     intervals of the function's entry, since the guard's own fact (n >=
//     2 after it) does not hold for the new values.
//
// Only recursive functions are treated, where the calls are many.

// PlanGuards finds the leading guard of each compiled function (see
// above) for the plan: every call site of a function, and its own tail
// call loop, read it there.
func (m *Module) PlanGuards(info *check.Info, passes PassSet, compiled []*check.Func) {
	for _, fn := range compiled {
		if s, ok := FindGuard(info, passes, fn); ok {
			if m.Guards == nil {
				m.Guards = make(map[*check.Func]*ast.If)
			}
			m.Guards[fn] = s
		}
	}
}

// SimpleGuard returns the leading guard of fn, `if C: return E` with C and
// E simple (see above), when fn is recursive, as PlanGuards found it.
func (m *Module) SimpleGuard(fn *check.Func) (*ast.If, bool) {
	s, ok := m.Guards[fn]
	return s, ok
}

// FindGuard works out the leading guard of fn for PlanGuards.
func FindGuard(info *check.Info, passes PassSet, fn *check.Func) (*ast.If, bool) {
	if !passes.Has(PassLeafGuard) || fn == nil || fn.Decl == nil || len(fn.Decl.Body) < 2 || !fn.CallsItself {
		return nil, false
	}
	s, ok := fn.Decl.Body[0].(*ast.If)
	if !ok || len(s.Else) != 0 || len(s.Body) != 1 {
		return nil, false
	}
	r, ok := s.Body[0].(*ast.Return)
	if !ok || r.Value == nil || fn.Result == nil || fn.Result.Kind == check.None {
		return nil, false
	}
	if !simpleExpr(info, fn, s.Cond) || !simpleExpr(info, fn, r.Value) {
		return nil, false
	}
	return s, true
}

// simpleExpr reports whether e, in fn, is made only of fn's int, float and
// bool parameters, literals and the operators a guard may use.
func simpleExpr(info *check.Info, fn *check.Func, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.BoolLit:
		return true
	case *ast.Ident:
		for i, p := range fn.ParamNames {
			if p == e.Name {
				k := fn.Params[i].Kind
				return k == check.Int || k == check.Float || k == check.Bool
			}
		}
		return false
	case *ast.Unary:
		return (e.Op == ast.OpNeg || e.Op == ast.OpPos || e.Op == ast.OpNot) && simpleExpr(info, fn, e.X)
	case *ast.Binary:
		t, ok := info.Types[e]
		return ok && (t.Kind == check.Int || t.Kind == check.Float) &&
			(e.Op == ast.OpAdd || e.Op == ast.OpSub || e.Op == ast.OpMul) &&
			simpleExpr(info, fn, e.X) && simpleExpr(info, fn, e.Y)
	case *ast.Compare:
		for _, op := range e.Ops {
			if op == ast.CmpIn || op == ast.CmpNotIn {
				return false
			}
		}
		for _, x := range e.Operands {
			if t, ok := info.Types[x]; !ok || t.Kind == check.Str || t.Kind == check.List || !simpleExpr(info, fn, x) {
				return false
			}
		}
		return true
	case *ast.Logic:
		return simpleExpr(info, fn, e.X) && simpleExpr(info, fn, e.Y)
	}
	return false
}
