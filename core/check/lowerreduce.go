package check

import (
	"slices"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Reductions of a comprehension (part of lower.go): `sum(E for x in A if
// C)`, any, all, min and max of a generator expression or a list
// comprehension, and sum, any and all of any other argument (`sum(xs)`,
// `sum(xs[i:j])`: over its elements). In the value of an assignment, a return, `name op= ...` or
// an if's condition, a reduction or a list comprehension that CPython
// evaluates before anything but names and literals (hoistValue: `x =
// sum(xs) / len(xs)`, `if not any(...)`, `return len([...])`, `a +
// sum(...)`, not `f(a) + sum(...)`) becomes the loops of lowercomp.go,
// before the statement, with a temporary t for its value:
//
//	sum:  t = 0;     ...loops...: t = t + E'
//	any:  t = False; ...loops...: if E': t = True; break
//	all:  t = True;  ...loops...: if not E': t = False; break
//	min:  t = [...as a list comprehension...]; u = min(t)   (max alike)
//
// CPython's order is kept: the generator yields E in the clauses' order
// and sum adds each to the running total, 0 + E1 + E2 ... (an int
// overflow traps and the call re-runs in Python); any and all stop at the
// first element that decides, which the break does (so they are rewritten
// for a generator of one clause only: a break leaves one loop; over a
// list comprehension, every element is computed first, so they never
// break). min and max compare scalars, which evaluates nothing: computing
// every element first, then comparing, gives the same result and the
// same exceptions (an empty sequence: ValueError, from the list's min).
// A sum of floats stays in Python: the temporary starts as the int 0 and
// the checker refuses a float after it (CPython 3.12 sums floats with
// compensated summation, 3.10 and 3.11 do not). Everything evaluated
// before the reduction in its statement is a name or nothing, so moving
// the loops before the statement changes no order: an assignment's
// target element (x[i] = sum(...)) is evaluated after its value in
// CPython too, and `name op= ...` reads name, which the loops cannot
// change.

// reductions are the builtins whose call of a comprehension lowers.
var reductions = []string{"sum", "any", "all", "min", "max"}

// reduction returns the statements that compute e, a reduction of a
// comprehension (see above), into a new temporary, and that temporary;
// ok is false when e is not one lower.go rewrites.
func (lw *lowering) reduction(e ast.Expr) ([]ast.Stmt, *ast.Ident, bool) {
	for _, name := range reductions {
		args, ok := lw.builtinCall(e, name)
		if !ok {
			continue
		}
		if len(args) != 1 {
			return nil, nil, false
		}
		comp, ok := args[0].(*ast.Comp)
		if !ok && name != "min" && name != "max" {
			// sum(xs), any(xs), all(xs) of a list or a str: over its
			// elements, the argument evaluated first as CPython does (min
			// and max of a list compile as they are)
			v := &ast.Ident{Pos: spanOf(args[0]), Name: name + ".item"}
			comp, ok = &ast.Comp{Pos: spanOf(e), Kind: ast.GenExp, Elt: v,
				Fors: []*ast.CompFor{{Pos: spanOf(args[0]), Target: v, Iter: args[0]}}}, true
		}
		if !ok || (comp.Kind != ast.GenExp && comp.Kind != ast.ListComp) {
			return nil, nil, false
		}
		sp := comp.Pos
		switch name {
		case "sum":
			t := lw.temp("sum", sp)
			loops, ok := lw.compLoops(comp, func(elt ast.Expr) []ast.Stmt {
				pre, v, _ := lw.hoistValue(elt) // an element that is a comprehension's value
				return append(pre, &ast.Assign{Target: lw.read(t),
					Value: &ast.Binary{X: lw.read(t), Op: ast.OpAdd, OpPos: sp, Y: v}})
			})
			if !ok {
				return nil, nil, false
			}
			return append([]ast.Stmt{&ast.Assign{Target: t, Value: &ast.IntLit{Pos: sp, Text: "0"}}}, loops...), t, true
		case "any", "all":
			stop := comp.Kind == ast.GenExp
			if stop && len(comp.Fors) != 1 {
				return nil, nil, false
			}
			t := lw.temp(name, sp)
			decided := name == "any" // the value that ends the search
			loops, ok := lw.compLoops(comp, func(elt ast.Expr) []ast.Stmt {
				cond := elt
				if !decided {
					cond = &ast.Unary{Op: ast.OpNot, OpPos: sp, X: elt}
				}
				body := []ast.Stmt{&ast.Assign{Target: lw.read(t), Value: &ast.BoolLit{Pos: sp, Value: decided}}}
				if stop {
					body = append(body, &ast.Break{Pos: sp})
				}
				return []ast.Stmt{&ast.If{Pos: sp, Cond: cond, Body: body}}
			})
			if !ok {
				return nil, nil, false
			}
			init := &ast.Assign{Target: t, Value: &ast.BoolLit{Pos: sp, Value: !decided}}
			return append([]ast.Stmt{init}, loops...), t, true
		default: // min, max
			list := *comp
			list.Kind = ast.ListComp
			pre, l, ok := lw.listComp(&list)
			if !ok {
				return nil, nil, false
			}
			t := lw.temp(name, sp)
			return append(pre, &ast.Assign{Target: t, Value: lw.callBuiltin(name, sp, lw.read(l))}), t, true
		}
	}
	return nil, nil, false
}

// wholeValue returns the statements that compute e, a list comprehension
// or a reduction of one, into a temporary, and that temporary.
func (lw *lowering) wholeValue(e ast.Expr) ([]ast.Stmt, *ast.Ident, bool) {
	if pre, t, ok := lw.listComp(e); ok {
		return pre, t, true
	}
	return lw.reduction(e)
}

// A hoisting is the walk of hoistValue: the statements made so far, and
// whether everything the walk has passed is evaluated without effect
// (names and literals), so that a comprehension met next may still be
// computed before the statement.
type hoisting struct {
	pre     []ast.Stmt
	pure    bool
	changed bool
}

// hoistValue returns e with the comprehensions and reductions it
// evaluates before anything but names and literals replaced by
// temporaries, and the statements that compute them, in order (see the
// package comment of lowerreduce.go); ok is false when there are none.
func (lw *lowering) hoistValue(e ast.Expr) ([]ast.Stmt, ast.Expr, bool) {
	h := &hoisting{pure: true}
	out := lw.hoist(e, h)
	return h.pre, out, h.changed
}

// hoist is hoistValue's walk of e, in CPython's order of evaluation:
// operands left to right, a call's arguments after its function, and of
// a comparison its first two operands only (a chain evaluates the others
// only when the first comparisons hold).
func (lw *lowering) hoist(e ast.Expr, h *hoisting) ast.Expr {
	if !h.pure {
		return e
	}
	if pre, t, ok := lw.wholeValue(e); ok {
		h.pre = append(h.pre, pre...)
		h.changed = true
		return lw.read(t)
	}
	switch x := e.(type) {
	case *ast.Binary:
		nx := lw.hoistOperand(x.X, h)
		ny := lw.hoistOperand(x.Y, h)
		if nx != x.X || ny != x.Y {
			return &ast.Binary{X: nx, Op: x.Op, OpPos: x.OpPos, Y: ny}
		}
	case *ast.Unary:
		if nx := lw.hoistOperand(x.X, h); nx != x.X {
			return &ast.Unary{Op: x.Op, OpPos: x.OpPos, X: nx}
		}
	case *ast.Tuple:
		// `return a, sum(...)`: the values in order, as a call's arguments
		elems := append([]ast.Expr(nil), x.Elems...)
		for i, el := range elems {
			if _, starred := el.(*ast.Starred); starred || isNil(el) {
				h.pure = false
				return e
			}
			elems[i] = lw.hoistOperand(el, h)
		}
		if !slices.Equal(elems, x.Elems) {
			return &ast.Tuple{Pos: x.Pos, Elems: elems, Paren: x.Paren}
		}
	case *ast.Compare:
		ops := append([]ast.Expr(nil), x.Operands...)
		for i := 0; i < len(ops) && i < 2; i++ {
			ops[i] = lw.hoistOperand(ops[i], h)
		}
		if len(ops) >= 2 && (ops[0] != x.Operands[0] || ops[1] != x.Operands[1]) {
			return &ast.Compare{Operands: ops, Ops: x.Ops, OpPos: x.OpPos}
		}
	case *ast.Call:
		if len(x.Keywords) > 0 {
			return e
		}
		args := append([]ast.Expr(nil), x.Args...)
		switch f := x.Func.(type) {
		case *ast.Ident:
		case *ast.Attribute:
			// sep.join(reversed(xs)), sep a name or a literal: join reads
			// the whole iterator into a list first, as the comprehension
			// [v for v in reversed(xs)] does; and xs.append(E), xs a name,
			// whose argument is evaluated right after the lookup of the
			// method, which has no effect on a list
			m := lw.c.info.Methods[f.Name]
			if m != "join" && m != "append" || len(args) != 1 || lw.hoistOperand(f.X, h) != f.X || !h.pure {
				h.pure = false
				return e
			}
			if rev, ok := lw.builtinCall(args[0], "reversed"); ok && len(rev) == 1 && m == "join" {
				v := &ast.Ident{Pos: spanOf(args[0]), Name: "join.item"}
				args[0] = &ast.Comp{Pos: spanOf(args[0]), Kind: ast.ListComp, Elt: v,
					Fors: []*ast.CompFor{{Pos: spanOf(args[0]), Target: v, Iter: args[0]}}}
			}
			// sep.join(E for x in xs): join reads the generator into a
			// list first (PySequence_Fast), exactly as [E for x in xs]
			// does, exceptions included
			if g, ok := args[0].(*ast.Comp); ok && g.Kind == ast.GenExp && m == "join" {
				lc := *g
				lc.Kind = ast.ListComp
				args[0] = &lc
			}
		default:
			return e
		}
		changed := false
		for i, a := range args {
			if _, starred := a.(*ast.Starred); starred || isNil(a) {
				h.pure = false
				return e
			}
			args[i] = lw.hoistOperand(a, h)
			changed = changed || args[i] != a
		}
		if changed || !slices.Equal(args, x.Args) {
			return &ast.Call{Func: x.Func, Args: args, Rparen: x.Rparen}
		}
	}
	return e
}

// hoistOperand hoists inside the operand e, then records whether the
// walk is still pure: e is now a name or a literal.
func (lw *lowering) hoistOperand(e ast.Expr, h *hoisting) ast.Expr {
	out := lw.hoist(e, h)
	switch out.(type) {
	case *ast.Ident, *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BoolLit, *ast.NoneLit:
	default:
		h.pure = false
	}
	return out
}
