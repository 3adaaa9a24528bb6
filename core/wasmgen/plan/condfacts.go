package plan

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Condition facts (the condfacts pass). The body of
//
//	while k < limit and zx * zx + zy * zy <= 4.0:
//
// runs only when k < limit held, so until the body assigns k, k is at
// most hi(limit) - 1 (hi: the upper end of limit's interval when the
// condition was tested) and k + 1 cannot overflow. Likewise the body of
// an if runs with the facts of its condition being true, its else part
// with those of its condition being false.
//
// A fact is a bound on the value a name holds; it stays true as long as
// nothing assigns the name. Lowering (core/wasmgen/condfacts.go:
// factBlock) keeps it for the statements of the
// body up to the first one that assigns the name: a compound statement
// that assigns it anywhere (an if, a loop) gets none of it, a simple
// assignment `k = k + 1` keeps it while its value is computed (the
// value is computed before k changes). The bound itself is a number
// taken from the interval of the other operand at the test, so
// assigning that operand later does not affect it. Facts are only taken
// from the comparisons whose truth follows from the condition's: every
// link of a comparison (or chain) that held, both operands of an `and`
// that held, both of an `or` that failed, and through `not`.

// CondFacts returns the intervals that int locals lie in when the truth
// value of e is when, as computed under the current facts.
func (rg *Func) CondFacts(e ast.Expr, when bool) map[string]Interval {
	if !rg.Passes.Has(PassCondFacts) {
		return nil
	}
	out := map[string]Interval{}
	rg.collectCondFacts(e, when, out)
	return out
}

// collectCondFacts adds the facts of e being when to out.
func (rg *Func) collectCondFacts(e ast.Expr, when bool, out map[string]Interval) {
	switch e := e.(type) {
	case *ast.Unary:
		if e.Op == ast.OpNot {
			rg.collectCondFacts(e.X, !when, out)
		}
	case *ast.Logic:
		if (e.Op == ast.OpAnd) == when {
			// `x and y` held, or `x or y` failed: so did both operands
			rg.collectCondFacts(e.X, when, out)
			rg.collectCondFacts(e.Y, when, out)
		}
	case *ast.Compare:
		if len(e.Ops) > 1 && !when {
			return // some link failed, which one is not known
		}
		for i, op := range e.Ops {
			x, y := e.Operands[i], e.Operands[i+1]
			if !when {
				op = negatedCmp(op)
			}
			rg.linkFact(x, op, y, out)
			rg.linkFact(y, mirror(op), x, out)
		}
	}
}

// negatedCmp is the comparison that holds of two ints when op does not
// (ast.CmpIn and friends have none: 0 is returned, which no case of
// linkFact matches).
func negatedCmp(op ast.CmpOp) ast.CmpOp {
	switch op {
	case ast.CmpLt:
		return ast.CmpGe
	case ast.CmpGe:
		return ast.CmpLt
	case ast.CmpGt:
		return ast.CmpLe
	case ast.CmpLe:
		return ast.CmpGt
	case ast.CmpEq:
		return ast.CmpNe
	case ast.CmpNe:
		return ast.CmpEq
	}
	return 0
}

// linkFact adds to out the bound of the int local x given that `x op y`
// holds, when x is one and y is an int or a bool.
func (rg *Func) linkFact(x ast.Expr, op ast.CmpOp, y ast.Expr, out map[string]Interval) {
	id, ok := x.(*ast.Ident)
	if !ok || !rg.factName(id) {
		return
	}
	if k := rg.typeOf(y).Kind; k != check.Int && k != check.Bool {
		return
	}
	r := rg.RangeOf(y)
	var f Interval
	switch op {
	case ast.CmpLt:
		if r.Hi == math.MinInt64 {
			return
		}
		f = Interval{Lo: math.MinInt64, Hi: r.Hi - 1}
	case ast.CmpLe:
		f = Interval{Lo: math.MinInt64, Hi: r.Hi}
	case ast.CmpGt:
		if r.Lo == math.MaxInt64 {
			return
		}
		f = Interval{Lo: r.Lo + 1, Hi: math.MaxInt64}
	case ast.CmpGe:
		f = Interval{Lo: r.Lo, Hi: math.MaxInt64}
	case ast.CmpEq:
		f = r
	default:
		return
	}
	if old, ok := out[id.Name]; ok {
		f = Interval{Lo: max(f.Lo, old.Lo), Hi: min(f.Hi, old.Hi)}
	}
	out[id.Name] = f
}

// factName reports whether id names an int local of the function (not a
// module constant, not a name bound by an inlined guard).
func (rg *Func) factName(id *ast.Ident) bool {
	if _, isConst := rg.Info.Consts[id]; isConst || rg.Inlined[id.Name] {
		return false
	}
	t, ok := rg.LocalTypes()[id.Name]
	return ok && t.Kind == check.Int
}

// AssignedNames returns the names that s assigns (=, op= and for
// targets, in s or in the statements it holds).
func AssignedNames(s ast.Stmt) map[string]bool {
	out := map[string]bool{}
	ast.InspectStmts([]ast.Stmt{s}, func(n ast.Node) bool {
		if t, ok := check.AssignTarget(n).(*ast.Ident); ok {
			out[t.Name] = true
		}
		if a, ok := n.(*ast.Assign); ok {
			for _, t := range a.Chain {
				if id, ok := t.(*ast.Ident); ok {
					out[id.Name] = true
				}
			}
		}
		return true
	})
	return out
}

// SimpleAssign reports whether s is `name = value` or `name op= value`,
// which computes its value before assigning.
func SimpleAssign(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.Assign:
		_, ok := s.Target.(*ast.Ident)
		return ok
	case *ast.AugAssign:
		_, ok := s.Target.(*ast.Ident)
		return ok
	}
	return false
}

// WithFacts runs gen with each name of facts narrowed to its interval
// (intersected with what is known of it; an empty intersection leaves
// the name as it was), and restores the facts afterwards.
func (rg *Func) WithFacts(facts map[string]Interval, gen func()) {
	type saved struct {
		r   Interval
		had bool
	}
	old := map[string]saved{}
	for name, r := range facts {
		cur := rg.identRange(name)
		n := Interval{Lo: max(r.Lo, cur.Lo), Hi: min(r.Hi, cur.Hi)}
		if n.Lo > n.Hi || n == cur {
			continue
		}
		o, had := rg.facts[name]
		old[name] = saved{o, had}
		rg.facts[name] = n
	}
	rg.memo = nil
	defer func() {
		for name, s := range old {
			if s.had {
				rg.facts[name] = s.r
			} else {
				delete(rg.facts, name)
			}
		}
		rg.memo = nil
	}()
	gen()
}
