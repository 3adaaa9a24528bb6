package wasmgen

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
// nothing assigns the name. factBlock keeps it for the statements of the
// body up to the first one that assigns the name: a compound statement
// that assigns it anywhere (an if, a loop) gets none of it, a simple
// assignment `k = k + 1` keeps it while its value is computed (the
// value is computed before k changes). The bound itself is a number
// taken from the interval of the other operand at the test, so
// assigning that operand later does not affect it. Facts are only taken
// from the comparisons whose truth follows from the condition's: every
// link of a comparison (or chain) that held, both operands of an `and`
// that held, both of an `or` that failed, and through `not`.

// condFacts returns the intervals that int locals lie in when the truth
// value of e is when, as computed under the current facts.
func (fg *fgen) condFacts(e ast.Expr, when bool) map[string]interval {
	if !fg.g.on(PassCondFacts) {
		return nil
	}
	out := map[string]interval{}
	fg.collectCondFacts(e, when, out)
	return out
}

// collectCondFacts adds the facts of e being when to out.
func (fg *fgen) collectCondFacts(e ast.Expr, when bool, out map[string]interval) {
	switch e := e.(type) {
	case *ast.Unary:
		if e.Op == ast.OpNot {
			fg.collectCondFacts(e.X, !when, out)
		}
	case *ast.Logic:
		if (e.Op == ast.OpAnd) == when {
			// `x and y` held, or `x or y` failed: so did both operands
			fg.collectCondFacts(e.X, when, out)
			fg.collectCondFacts(e.Y, when, out)
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
			fg.linkFact(x, op, y, out)
			fg.linkFact(y, mirror(op), x, out)
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
func (fg *fgen) linkFact(x ast.Expr, op ast.CmpOp, y ast.Expr, out map[string]interval) {
	id, ok := x.(*ast.Ident)
	if !ok || !fg.factName(id) {
		return
	}
	if k := fg.typeOf(y).Kind; k != check.Int && k != check.Bool {
		return
	}
	r := fg.rangeOf(y)
	var f interval
	switch op {
	case ast.CmpLt:
		if r.hi == math.MinInt64 {
			return
		}
		f = interval{math.MinInt64, r.hi - 1}
	case ast.CmpLe:
		f = interval{math.MinInt64, r.hi}
	case ast.CmpGt:
		if r.lo == math.MaxInt64 {
			return
		}
		f = interval{r.lo + 1, math.MaxInt64}
	case ast.CmpGe:
		f = interval{r.lo, math.MaxInt64}
	case ast.CmpEq:
		f = r
	default:
		return
	}
	if old, ok := out[id.Name]; ok {
		f = interval{max(f.lo, old.lo), min(f.hi, old.hi)}
	}
	out[id.Name] = f
}

// factName reports whether id names an int local of the function (not a
// module constant, not a name bound by an inlined guard).
func (fg *fgen) factName(id *ast.Ident) bool {
	if _, isConst := fg.g.info.Consts[id]; isConst || fg.inlined[id.Name] {
		return false
	}
	if _, local := fg.local[id.Name]; !local {
		return false
	}
	t, ok := fg.localTypes()[id.Name]
	return ok && t.Kind == check.Int
}

// factBlock generates body as block does, with the facts holding until
// the statement that assigns their name (see above), and reports whether
// control can fall off its end.
func (fg *fgen) factBlock(body []ast.Stmt, facts map[string]interval) bool {
	active := map[string]interval{}
	for name, r := range facts {
		active[name] = r
	}
	falls := true
	for len(body) > 0 && len(active) > 0 {
		end, expire := len(body), []string(nil)
		for i, s := range body {
			for name := range assignedNames(s) {
				if _, ok := active[name]; ok {
					expire = append(expire, name)
				}
			}
			if len(expire) > 0 {
				end = i
				if simpleAssign(s) {
					end = i + 1
				}
				break
			}
		}
		if end > 0 {
			part := body[:end]
			fg.withFacts(active, func() { falls = fg.block(part) && falls })
			if !falls && fg.g.on(PassDeadCode) {
				return false
			}
		}
		for _, name := range expire {
			delete(active, name)
		}
		body = body[end:]
	}
	if len(body) > 0 {
		falls = fg.block(body) && falls
	}
	return falls
}

// assignedNames returns the names that s assigns (=, op= and for
// targets, in s or in the statements it holds).
func assignedNames(s ast.Stmt) map[string]bool {
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

// simpleAssign reports whether s is `name = value` or `name op= value`,
// which computes its value before assigning.
func simpleAssign(s ast.Stmt) bool {
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

// withFacts runs gen with each name of facts narrowed to its interval
// (intersected with what is known of it; an empty intersection leaves
// the name as it was), and restores the facts afterwards.
func (fg *fgen) withFacts(facts map[string]interval, gen func()) {
	type saved struct {
		r   interval
		had bool
	}
	old := map[string]saved{}
	for name, r := range facts {
		cur := fg.identRange(name)
		n := interval{max(r.lo, cur.lo), min(r.hi, cur.hi)}
		if n.lo > n.hi || n == cur {
			continue
		}
		o, had := fg.facts[name]
		old[name] = saved{o, had}
		fg.facts[name] = n
	}
	fg.rangeMemo = nil
	defer func() {
		for name, s := range old {
			if s.had {
				fg.facts[name] = s.r
			} else {
				delete(fg.facts, name)
			}
		}
		fg.rangeMemo = nil
	}()
	gen()
}
