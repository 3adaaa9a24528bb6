package plan

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Guards narrow a parameter's interval for the statements that follow
// them. After
//
//	if n < 2:
//	    return n
//
// every later statement of the same block runs with n >= 2, so fib's
// n - 1 and n - 2 need no overflow check. The rule holds when the if has
// no else branch, its body cannot fall through (it returns, breaks or
// continues), its condition is one comparison of an int parameter with an
// integer literal, and no statement of the function assigns the
// parameter (the tail call transformation rebinds parameters only where a
// body returns, after everything that the guard covers).

// GuardFact returns the interval the parameter of the guard s holds after
// it, and the parameter's name; ok is false when s is not a guard.
func (rg *Func) GuardFact(s *ast.If) (name string, r Interval, ok bool) {
	if !rg.Passes.Has(PassGuards) || len(s.Else) > 0 {
		return "", Interval{}, false
	}
	c, isCmp := s.Cond.(*ast.Compare)
	if !isCmp || len(c.Ops) != 1 || len(c.Operands) != 2 {
		return "", Interval{}, false
	}
	op := c.Ops[0]
	id, lit := c.Operands[0], c.Operands[1]
	if _, isID := id.(*ast.Ident); !isID {
		id, lit = lit, id
		op = mirror(op)
	}
	x, isID := id.(*ast.Ident)
	v, isConst := rg.ConstOf(lit)
	if !isID || !isConst || v.Kind != check.Int || !rg.unassignedParam(x.Name) {
		return "", Interval{}, false
	}
	// The guard's body leaves the block when `x op v` holds: afterwards
	// the opposite holds.
	switch {
	case op == ast.CmpLt: // x >= v
		r = Interval{Lo: v.I, Hi: math.MaxInt64}
	case op == ast.CmpLe && v.I < math.MaxInt64: // x >= v + 1
		r = Interval{Lo: v.I + 1, Hi: math.MaxInt64}
	case op == ast.CmpGt: // x <= v
		r = Interval{Lo: math.MinInt64, Hi: v.I}
	case op == ast.CmpGe && v.I > math.MinInt64: // x <= v - 1
		r = Interval{Lo: math.MinInt64, Hi: v.I - 1}
	default:
		return "", Interval{}, false
	}
	return x.Name, r, true
}

// mirror is op with its operands swapped: c < x is x > c.
func mirror(op ast.CmpOp) ast.CmpOp {
	switch op {
	case ast.CmpLt:
		return ast.CmpGt
	case ast.CmpGt:
		return ast.CmpLt
	case ast.CmpLe:
		return ast.CmpGe
	case ast.CmpGe:
		return ast.CmpLe
	}
	return op
}

// unassignedParam reports whether name is an int parameter of the
// function that no statement assigns.
func (rg *Func) unassignedParam(name string) bool {
	idx := -1
	for i, p := range rg.Fn.ParamNames {
		if p == name {
			idx = i
		}
	}
	if idx < 0 || rg.Fn.Params[idx].Kind != check.Int {
		return false
	}
	return rg.Fn.Assigned[name] == 0
}

// WithFact runs gen with the interval of name narrowed to r (intersected
// with what was known), and restores the facts afterwards.
func (rg *Func) WithFact(name string, r Interval, gen func()) {
	old, had := rg.facts[name]
	if had {
		r = Interval{Lo: max(r.Lo, old.Lo), Hi: min(r.Hi, old.Hi)}
	}
	rg.facts[name] = r
	rg.memo = nil
	defer func() {
		if had {
			rg.facts[name] = old
			rg.memo = nil
		} else {
			delete(rg.facts, name)
			rg.memo = nil
		}
	}()
	gen()
}

// BodyFalls reports whether control may reach the end of the body of g:
// unless its last statement is a return, break, continue or raise.
func BodyFalls(g *ast.If) bool {
	if len(g.Body) == 0 {
		return true
	}
	switch g.Body[len(g.Body)-1].(type) {
	case *ast.Return, *ast.Break, *ast.Continue, *ast.Raise:
		return false
	}
	return true
}
