package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Loops over lists (the listloops pass). hoist.go keeps the headers of
// the lists a while or range loop indexes in locals when the loop cannot
// change them; this pass carries the same proof to the other loops over
// lists and uses what it gives:
//
//   - `for x in lst`. Python's list iterator reads the length at every
//     step, and so does the plain lowering. When the loop cannot change
//     any list header (HeadersStable: the proof of hoist.go, no method
//     call, no compiled call, nothing unknown), the length and data
//     pointer of the iterated list are those it had when the loop began,
//     so they are loaded once, and the loop runs like `for k in
//     range(len)`: with a light body, it checks for interruption once
//     per chunk of ChunkIterations elements (core/wasmgen/interrupt.go).
//     A body that appends to or pops from any list, or calls a compiled
//     function, keeps reading the length at every step.
//
//   - Bounds. An access L[i] needs no bounds check where i >= 0 (the
//     interval of i at the access) and i < len(L) is known. The second
//     is a Bound {L, i}, taken from:
//       - a condition `i < len(L)` (while, if; `len(L) > i` too) held,
//         when L's header is hoisted: its length is then the same all
//         through the loop that hoisted it, which holds the condition
//         and the body;
//       - a condition `i < E`, or a range loop `for i in range(..., E)`
//         with a positive step, where E is a lower bound of len(L) for
//         the whole function (LenBounds);
//       - a range loop `for i in range(..., len(L))` with a positive
//         step when L is hoisted (the stop is evaluated just before the
//         loop, its length does not change during it).
//     As with the condition facts (condfacts.go), a Bound holds from the
//     top of the body up to the first statement that assigns i (or L): a
//     compound statement that assigns it anywhere gets none of it, a
//     simple assignment keeps it while its value is computed. The range
//     loop's bound holds because the stop is evaluated once and each
//     value of the loop variable lies below it.
//
// LenBounds. In a function with no pop() (on any list: another name may
// alias L, a list of lists may hold it) and no call of a compiled
// function (which may pop), no list ever gets shorter. Then:
//   - `n = len(L)`, n's only assignment, at the top level of the body,
//     with L a parameter the function never assigns or a list local
//     whose only assignment is at the top level, makes n a lower bound
//     of len(L) wherever n is read (definite assignment: n is read only
//     after the statement ran, and it runs once).
// `L = [v] * E` would make E such a bound too, and was one: it proved the
// sieve's `flags[i]` in bounds, and the sieve ran 20% slower for it
// (Cranelift then kept the count in a stack slot that every composite
// went through), so it is not taken (RATIONALE.md, listloops).

// A Bound is a fact i < len(L): Index i, List L.
type Bound struct{ List, Index string }

// HeadersStable reports whether the loop s (a while or for loop) cannot
// change the header of any list (hoist.go's proof).
func (rg *Func) HeadersStable(s ast.Stmt) bool {
	li := rg.LoopOf(s)
	_, _, safe := rg.listWalk(li.Cond, li.Body)
	return safe
}

// StableListLoop reports whether the loop `for x in lst` s reads the
// length and data pointer of lst once (see above).
func (rg *Func) StableListLoop(s *ast.For) bool {
	return rg.Passes.Has(PassListLoops) && rg.HeadersStable(s)
}

// CondBounds returns the bounds that the condition e holding gives (see
// above): cached reports whether a list's header is hoisted.
func (rg *Func) CondBounds(e ast.Expr, cached func(list string) bool) []Bound {
	if !rg.Passes.Has(PassListLoops) || len(rg.Inlined) > 0 {
		return nil
	}
	var out []Bound
	var visit func(e ast.Expr)
	visit = func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Logic:
			if e.Op == ast.OpAnd {
				visit(e.X)
				visit(e.Y)
			}
		case *ast.Compare:
			for k, op := range e.Ops {
				x, y := e.Operands[k], e.Operands[k+1]
				switch op {
				case ast.CmpLt:
					out = append(out, rg.boundsBelow(x, y, cached)...)
				case ast.CmpGt:
					out = append(out, rg.boundsBelow(y, x, cached)...)
				}
			}
		}
	}
	visit(e)
	return out
}

// RangeBounds returns the bounds of the body of the range loop s, whose
// arguments are args and step positive (see above).
func (rg *Func) RangeBounds(s *ast.For, args []ast.Expr, cached func(list string) bool) []Bound {
	if !rg.Passes.Has(PassListLoops) || s.Target == nil || len(rg.Inlined) > 0 {
		return nil
	}
	stop := args[0]
	if len(args) > 1 {
		stop = args[1]
	}
	if len(args) == 3 {
		// the step is evaluated after the stop: a positive constant or
		// local, whose evaluation changes nothing
		v, isConst := rg.ConstOf(args[2])
		id, isName := args[2].(*ast.Ident)
		switch {
		case isConst && v.Kind != check.Float && v.I > 0:
		case !isConst && isName && rg.intLocal(id) && rg.RangeOf(id).Positive():
		default:
			return nil
		}
	}
	return rg.boundsBelow(s.Var(), stop, cached)
}

// boundsBelow returns the bounds of x < y: x is an int local and y is
// len(L) with L hoisted, or a lower bound of len(L).
func (rg *Func) boundsBelow(x, y ast.Expr, cached func(list string) bool) []Bound {
	id, ok := x.(*ast.Ident)
	if !ok || !rg.intLocal(id) {
		return nil
	}
	if l, ok := rg.lenOf(y); ok && cached(l) {
		return []Bound{{List: l, Index: id.Name}}
	}
	var out []Bound
	for l, es := range rg.LenBounds() {
		for _, e := range es {
			if rg.sameValue(e, y) {
				out = append(out, Bound{List: l, Index: id.Name})
				break
			}
		}
	}
	return out
}

// intLocal reports whether e is a local of type int.
func (rg *Func) intLocal(e *ast.Ident) bool {
	if rg.Info.Consts[e] != nil {
		return false
	}
	t, ok := rg.LocalTypes()[e.Name]
	return ok && t.Kind == check.Int
}

// lenOf returns L when e is len(L) for a list local L.
func (rg *Func) lenOf(e ast.Expr) (string, bool) {
	c, ok := e.(*ast.Call)
	if !ok || len(c.Args) != 1 {
		return "", false
	}
	f, ok := c.Func.(*ast.Ident)
	if !ok || rg.Info.Builtins[f] != "len" {
		return "", false
	}
	l, ok := c.Args[0].(*ast.Ident)
	if !ok || rg.Info.Consts[l] != nil {
		return "", false
	}
	if t, ok := rg.LocalTypes()[l.Name]; !ok || t.Kind != check.List {
		return "", false
	}
	return l.Name, true
}

// LenBounds returns, for each list local L, the expressions whose value
// is at most len(L) wherever they are read (see above); computed once
// per function.
func (rg *Func) LenBounds() map[string][]ast.Expr {
	if rg.lenBounds != nil {
		return rg.lenBounds
	}
	rg.lenBounds = map[string][]ast.Expr{}
	body := rg.Fn.Decl.Body
	shrinks := false
	count := map[string]int{}
	ast.InspectStmts(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok {
			switch f := c.Func.(type) {
			case *ast.Attribute:
				if rg.Info.Methods[f.Name] != "append" {
					shrinks = true // pop, or anything not known
				}
			case *ast.Ident:
				if _, builtin := rg.Info.Builtins[f]; !builtin {
					shrinks = true // a compiled function may pop
				}
			default:
				shrinks = true
			}
		}
		if t, ok := check.AssignTarget(n).(*ast.Ident); ok {
			count[t.Name]++
		}
		if a, ok := n.(*ast.Assign); ok {
			for _, t := range a.Chain {
				if id, ok := t.(*ast.Ident); ok {
					count[id.Name] += 2 // not compiled; never stable
				}
			}
		}
		return true
	})
	if shrinks {
		return rg.lenBounds
	}
	params := map[string]bool{}
	for _, p := range rg.Fn.ParamNames {
		params[p] = true
	}
	top := map[string]*ast.Assign{} // the names assigned once, at the top level
	for _, s := range body {
		if a, ok := s.(*ast.Assign); ok && len(a.Chain) == 0 {
			if id, ok := a.Target.(*ast.Ident); ok && count[id.Name] == 1 && !params[id.Name] {
				top[id.Name] = a
			}
		}
	}
	rg.stable = map[string]bool{}
	for name := range params {
		if count[name] == 0 {
			rg.stable[name] = true
		}
	}
	for name := range top {
		rg.stable[name] = true
	}
	stableName := func(name string) bool { return rg.stable[name] }
	for name, a := range top {
		if l, ok := rg.lenOf(a.Value); ok && stableName(l) {
			rg.lenBounds[l] = append(rg.lenBounds[l], &ast.Ident{Name: name})
		}
	}
	return rg.lenBounds
}

// sameValue reports whether y, read anywhere in the function, has the
// value of e, a name of LenBounds: y is that name (an int local whose
// value LenBounds trusts).
func (rg *Func) sameValue(e, y ast.Expr) bool {
	x, ok1 := e.(*ast.Ident)
	z, ok2 := y.(*ast.Ident)
	return ok1 && ok2 && z.Name == x.Name && rg.intLocal(z) && rg.stable[z.Name]
}

// ChunkableNest reports whether the range loop s, whose body holds
// loops, may check for interruption once per chunk (interrupt.go): its
// body is light apart from the loops nested in it, whose headers are
// light, and each nested loop checks before its first iteration (a while
// loop, a loop over a list, or a range loop, which lowering makes check
// even when it is provably short; a loop over a str may not). Between two checks then run at most a
// chunk of the outer loop's light iterations and one nested loop's
// iterations after its last check, itself bounded the same way.
func (rg *Func) ChunkableNest(s *ast.For) bool {
	if !rg.Passes.Has(PassListLoops) || rg.LoopOf(s).Innermost {
		return false
	}
	ok := true
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.While:
			ok = rg.LightExpr(n.Cond)
			return false
		case *ast.For:
			ok = rg.checksOnEntry(n)
			return false
		case ast.Expr:
			ok = rg.LightExpr(n)
			return false
		}
		return true
	})
	return ok
}

// checksOnEntry reports whether the nested loop s has a light header
// and checks for interruption before its first iteration.
func (rg *Func) checksOnEntry(s *ast.For) bool {
	if t, ok := rg.Info.Types[s.Iter]; ok && t.Kind == check.List {
		return rg.LightExpr(s.Iter)
	} else if ok && t.Kind == check.Str {
		return false
	}
	c, ok := s.Iter.(*ast.Call)
	if f, isIdent := c.Func.(*ast.Ident); !ok || !isIdent || rg.Info.Builtins[f] != "range" {
		return false
	}
	for _, a := range c.Args {
		if !rg.LightExpr(a) {
			return false
		}
	}
	return true
}
