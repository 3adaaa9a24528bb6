package check

import "github.com/multilingualprogramming/multilingual/core/ast"

// A compiled call releases the GIL so that a long call does not freeze the
// other Python threads; releasing and retaking it costs about as much as a
// tiny call itself. A function whose running time is bounded by a small
// constant cannot freeze anything, so the bridge keeps the GIL for it.
//
// The test is syntactic and conservative. A function is Bounded when it is
// Compilable and
//
//   - it has no while or for loop;
//   - no parameter, local, result or expression of it is a list or a str,
//     and it writes no list literal (list and string operations take time
//     proportional to their length);
//   - it calls only builtins that take constant time on scalars (abs,
//     int, float, bool, round, and min or max of two or more arguments)
//     and top-level functions that are themselves Bounded.
//
// The last rule is a least fixpoint: a function starts unbounded and
// becomes Bounded once all its callees are, so recursion, direct or
// mutual, never is. Integer ** is a helper loop of at most 64 rounds, a
// constant: it is allowed.

// boundedBuiltins are the builtins allowed in a Bounded function, by
// canonical name, with the least number of arguments each needs to run in
// constant time (min and max of one argument iterate over it).
var boundedBuiltins = map[string]int{
	"abs": 0, "int": 0, "float": 0, "bool": 0, "round": 0, "min": 2, "max": 2,
}

// markBounded sets Func.Bounded; it runs after markInternal, when
// Compilable is final.
func (c *checker) markBounded() {
	type candidate struct {
		fn      *Func
		callees []*Func
	}
	var cands []candidate
	for _, st := range c.states {
		if !st.fn.Compilable {
			continue
		}
		b := &boundedWalk{c: c, ok: true}
		b.function(st)
		if b.ok {
			cands = append(cands, candidate{st.fn, b.callees})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, cd := range cands {
			if cd.fn.Bounded {
				continue
			}
			all := true
			for _, callee := range cd.callees {
				all = all && callee.Bounded
			}
			if all {
				cd.fn.Bounded = true
				changed = true
			}
		}
	}
}

// boundedWalk checks one function body for the local rules of Bounded and
// collects the top-level functions it calls.
type boundedWalk struct {
	c       *checker
	ok      bool
	callees []*Func
}

func (b *boundedWalk) function(st *fstate) {
	if hasHeap(st.fn.Result) {
		b.ok = false
	}
	for _, loc := range st.order {
		if loc.Type == nil || hasHeap(loc.Type) {
			b.ok = false
		}
	}
	b.stmts(st.d.Body)
}

func (b *boundedWalk) stmts(body []ast.Stmt) {
	for _, s := range body {
		if !b.ok {
			return
		}
		b.stmt(s)
	}
}

func (b *boundedWalk) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Assign:
		b.expr(s.Target)
		b.expr(s.Value)
	case *ast.AugAssign:
		b.expr(s.Target)
		b.expr(s.Value)
	case *ast.ExprStmt:
		b.expr(s.X)
	case *ast.If:
		b.expr(s.Cond)
		b.stmts(s.Body)
		b.stmts(s.Else)
	case *ast.Return:
		if s.Value != nil {
			b.expr(s.Value)
		}
	case *ast.Assert:
		b.expr(s.Cond)
		if s.Msg != nil {
			b.expr(s.Msg)
		}
	case *ast.Pass:
	default:
		// Loops (and anything a compilable function cannot hold anyway).
		b.ok = false
	}
}

func (b *boundedWalk) exprs(es []ast.Expr) {
	for _, e := range es {
		b.expr(e)
	}
}

func (b *boundedWalk) expr(e ast.Expr) {
	if !b.ok {
		return
	}
	if t, typed := b.c.info.Types[e]; typed && (t == nil || hasHeap(t)) {
		b.ok = false
		return
	}
	switch e := e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.NoneLit, *ast.StrLit, *ast.Ident:
		// a string literal typed as a value was caught above; an untyped
		// one is a docstring or an assert message
	case *ast.Binary:
		b.expr(e.X)
		b.expr(e.Y)
	case *ast.Unary:
		b.expr(e.X)
	case *ast.Logic:
		b.expr(e.X)
		b.expr(e.Y)
	case *ast.Compare:
		b.exprs(e.Operands)
	case *ast.Call:
		b.call(e)
	default:
		// List literals, indexing, attributes: lists, or Python-only.
		b.ok = false
	}
}

func (b *boundedWalk) call(e *ast.Call) {
	id, isIdent := e.Func.(*ast.Ident)
	if !isIdent {
		b.ok = false // a method call: on a list
		return
	}
	switch b.c.kinds[id] {
	case kindFunc:
		callee := b.c.info.FuncByName[id.Name]
		if callee == nil {
			b.ok = false
			return
		}
		b.callees = append(b.callees, callee)
	case kindBuiltin:
		least, allowed := boundedBuiltins[b.c.info.Builtins[id]]
		if !allowed || len(e.Args) < least {
			b.ok = false
			return
		}
	default:
		b.ok = false
		return
	}
	b.exprs(e.Args)
}
