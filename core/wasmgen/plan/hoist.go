package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Loop-invariant list headers. Every access x[i] reads x's length (for
// the bounds check) and data pointer from its header in linear memory, and
// Cranelift does not move these loads out of a loop: they may trap, and
// stores in the loop may alias them. So the generator (core/wasmgen/hoist.go) does it where it can
// prove that the loop cannot change them: before a range or while loop,
// the length (widened to i64) and the data pointer of each list local
// that the loop indexes are loaded once into locals, and the loop's
// accesses read those locals instead of the header.
//
// Proof. A list's length and data pointer change only when its header is
// written, and compiled code writes an existing header only in
// append (inline, with __ml_grow) and __ml_pop (growth and removal). Element
// stores x[i] = v and x[i] op= v write one slot inside x's data, after a
// bounds check, and slots never overlap a header (headers are allocated
// separately or just before their own data); a new list (literal,
// repetition, concatenation) writes only its own fresh header. So the
// header of list x is unchanged across a loop when:
//
//   - the local x is not assigned in the loop (no `x = ...`, `x op= ...`
//     or `for x in ...`), so it denotes the same header all along;
//   - the loop (condition and body, nested loops included) contains no
//     method call (append and pop on any list, which might alias x) and
//     no call of a compiled function (which might append to or pop from
//     x); builtins are allowed when they only read lists (len, sum, min,
//     max) or take no list (abs, int, round, float, bool, range);
//   - the loop holds no statement or expression the analysis does not
//     know (conservatively).
//
// The loads happen once before the loop even if the loop runs zero times
// or x is read only on some paths. That is harmless: x is a list local, so
// it holds either a list's address or, if not yet assigned, 0; either way
// the loads read inside the first memory page, which always exists, so
// they cannot trap, and the values are used only where the loop itself
// reads x[...]. A nested loop reuses the locals of an enclosing loop, whose
// proof covers the nested loop as part of its body.

// loopSafeBuiltins are the builtins a loop may call and still keep list
// headers unchanged: none of them writes a list.
var loopSafeBuiltins = map[string]bool{
	"len": true, "sum": true, "min": true, "max": true, "abs": true,
	"int": true, "round": true, "float": true, "bool": true, "range": true,
}

// InvariantLists returns, in order of first use, the list locals indexed
// in the loop made of cond (nil for a range loop) and body whose headers
// the loop cannot change (see above); none when the loop may change any.
func (rg *Func) InvariantLists(cond ast.Expr, body []ast.Stmt) []string {
	used, assigned, safe := rg.listWalk(cond, body)
	if !safe {
		return nil
	}
	out := used[:0]
	for _, n := range used {
		if !assigned[n] {
			out = append(out, n)
		}
	}
	return out
}

// listWalk returns the list locals indexed in the loop made of cond and
// body, in order of first use, the names it assigns, and whether it
// cannot change any list header (see above).
func (rg *Func) listWalk(cond ast.Expr, body []ast.Stmt) (used []string, assigned map[string]bool, safe bool) {
	seen := map[string]bool{}
	assigned = map[string]bool{}
	safe = true
	var expr func(ast.Expr)
	var stmts func([]ast.Stmt)
	useList := func(e ast.Expr) {
		id, ok := e.(*ast.Ident)
		if !ok || seen[id.Name] {
			return
		}
		if t, ok := rg.Info.Types[e]; ok && t.Kind == check.List {
			if _, local := rg.LocalTypes()[id.Name]; local {
				seen[id.Name] = true
				used = append(used, id.Name)
			}
		}
	}
	target := func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Ident:
			assigned[e.Name] = true
		case *ast.Index:
			useList(e.X)
			expr(e.X)
			expr(e.Index)
		default:
			safe = false
		}
	}
	expr = func(e ast.Expr) {
		switch e := e.(type) {
		case nil:
		case *ast.Index:
			useList(e.X)
			expr(e.X)
			expr(e.Index)
		case *ast.Binary:
			expr(e.X)
			expr(e.Y)
		case *ast.Unary:
			expr(e.X)
		case *ast.Logic:
			expr(e.X)
			expr(e.Y)
		case *ast.IfExp:
			expr(e.Cond)
			expr(e.Body)
			expr(e.Else)
		case *ast.Compare:
			for _, x := range e.Operands {
				expr(x)
			}
		case *ast.ListLit:
			for _, x := range e.Elems {
				expr(x)
			}
		case *ast.Call:
			id, ok := e.Func.(*ast.Ident)
			if !ok || !loopSafeBuiltins[rg.Info.Builtins[id]] {
				safe = false
			}
			for _, x := range e.Args {
				expr(x)
			}
		case *ast.Ident, *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.NoneLit, *ast.StrLit:
		default:
			safe = false // an expression this analysis does not know
		}
	}
	stmts = func(ss []ast.Stmt) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.Assign:
				expr(s.Value)
				target(s.Target)
			case *ast.AugAssign:
				expr(s.Value)
				target(s.Target)
			case *ast.ExprStmt:
				expr(s.X)
			case *ast.If:
				expr(s.Cond)
				stmts(s.Body)
				stmts(s.Else)
			case *ast.While:
				expr(s.Cond)
				stmts(s.Body)
			case *ast.For:
				assigned[s.Var().Name] = true
				expr(s.Iter)
				stmts(s.Body)
			case *ast.Return:
				expr(s.Value)
			case *ast.Assert:
				expr(s.Cond)
				expr(s.Msg)
			case *ast.Pass, *ast.Break, *ast.Continue:
			default:
				safe = false
			}
		}
	}
	expr(cond)
	stmts(body)
	return used, assigned, safe
}
