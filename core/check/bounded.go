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
	ast.InspectStmts(st.d.Body, b.node)
}

// node applies the rules to the statement or expression n and says
// whether its children are still to be walked.
func (b *boundedWalk) node(n ast.Node) bool {
	if !b.ok {
		return false
	}
	switch n := n.(type) {
	case *ast.Assign, *ast.AugAssign, *ast.ExprStmt, *ast.If, *ast.Return, *ast.Assert, *ast.Pass:
		return true
	case ast.Expr:
		return b.expr(n)
	}
	// Loops (and anything a compilable function cannot hold anyway).
	b.ok = false
	return false
}

// expr applies the rules to the expression e; its operands are walked
// next when it returns true.
func (b *boundedWalk) expr(e ast.Expr) bool {
	if t, typed := b.c.info.Types[e]; typed && (t == nil || hasHeap(t)) {
		b.ok = false
		return false
	}
	switch e := e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.NoneLit, *ast.StrLit, *ast.Ident:
		// a string literal typed as a value was caught above; an untyped
		// one is a docstring or an assert message
		return true
	case *ast.Binary, *ast.Unary, *ast.Logic, *ast.IfExp, *ast.Compare:
		return true
	case *ast.Call:
		if b.call(e) {
			for _, a := range e.Args {
				ast.Inspect(a, b.node)
			}
		}
		return false // not the callee's name: it is no value
	}
	// List literals, indexing, attributes: lists, or Python-only.
	b.ok = false
	return false
}

// call applies the rules of calls to e and reports whether they allow it.
func (b *boundedWalk) call(e *ast.Call) bool {
	id, isIdent := e.Func.(*ast.Ident)
	if !isIdent {
		b.ok = false // a method call: on a list
		return false
	}
	switch b.c.kinds[id] {
	case kindFunc:
		callee := b.c.info.FuncByName[id.Name]
		if callee == nil {
			b.ok = false
			return false
		}
		b.callees = append(b.callees, callee)
	case kindBuiltin:
		least, allowed := boundedBuiltins[b.c.info.Builtins[id]]
		if !allowed || len(e.Args) < least {
			b.ok = false
			return false
		}
	default:
		b.ok = false
		return false
	}
	return true
}
