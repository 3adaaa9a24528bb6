package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// While loops that count (the whilerange pass). The loop
//
//	while i < E:
//	    ...
//	    i = i + c          (or i += c), its last statement
//
// runs like `for i in range(i, E, c)` when nothing else in it changes i
// or E: each turn that reaches the end adds c to i, and the condition
// compares i with the same E every time. So lowering may give it what
// range loops have: an interruption check once per chunk of iterations
// (core/wasmgen/interrupt.go) instead of one per iteration, and a fast
// copy for its sums (version.go's accumulators). The rules, each needed:
//
//   - the condition is exactly `i < E`, i an int local, and E an int
//     constant, an int local the loop does not assign (no call can
//     assign a local), or len(L) with L's header kept in locals by this
//     loop or an enclosing one (hoist.go proves the loop cannot change
//     it, and L itself is not assigned in it); the condition has no
//     effect, so evaluating E once before the loop gives the value every
//     test would read;
//   - the last statement of the body is `i = i + c` or `i += c` for a
//     constant 1 <= c < 2**31, and no other statement of the body
//     assigns i;
//   - the body holds no `continue` (it would skip the step, and a turn
//     could repeat with the same i), and the loop has no else branch.
//
// A `break`, a return or an exception leave as they would. Between two
// tests, i grows by exactly c, as the chunked loop of a range expects.
//
// The condition may also be `i < E and R`, the loop then leaving when R
// is false: the chunked loop tests i < E where the loop did, then R at
// the top of the turn, which is where the loop evaluated it (only when
// i < E held). R must bind no name (no `:=`) and call nothing but
// builtins (no method, no function of the program), so that it changes
// neither i, E, nor the list whose length E may be.

// A CountedLoop is a while loop that counts (see above).
type CountedLoop struct {
	Index string   // the counter i
	Stop  ast.Expr // E
	Step  int64    // c
	Rest  ast.Expr // R of `i < E and R`, or nil
}

// CountedWhile returns the counter of the while loop s, if it counts
// (see above); cached reports whether a list's header is kept in locals.
func (rg *Func) CountedWhile(s *ast.While, cached func(list string) bool) (CountedLoop, bool) {
	if !rg.Passes.Has(PassWhileRange) || len(rg.Inlined) > 0 || len(s.Else) > 0 || len(s.Body) == 0 {
		return CountedLoop{}, false
	}
	cond, rest := s.Cond, ast.Expr(nil)
	if l, ok := cond.(*ast.Logic); ok && l.Op == ast.OpAnd && rg.inertExpr(l.Y) {
		cond, rest = l.X, l.Y
	}
	cmp, ok := cond.(*ast.Compare)
	if !ok || len(cmp.Ops) != 1 || cmp.Ops[0] != ast.CmpLt {
		return CountedLoop{}, false
	}
	id, ok := cmp.Operands[0].(*ast.Ident)
	if !ok || !rg.intLocal(id) {
		return CountedLoop{}, false
	}
	li := rg.LoopOf(s)
	stop := cmp.Operands[1]
	if !rg.invariantStop(stop, id.Name, li, cached) {
		return CountedLoop{}, false
	}
	step, ok := rg.stepOf(s.Body[len(s.Body)-1], id.Name)
	if !ok {
		return CountedLoop{}, false
	}
	assigns, cont := 0, false
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Continue:
			cont = true
		case *ast.Assign:
			for _, t := range n.Chain {
				if binds(t, id.Name) {
					assigns++
				}
			}
		case *ast.NamedExpr:
			if n.Target.Name == id.Name {
				assigns++
			}
		}
		if t := check.AssignTarget(n); t != nil && binds(t, id.Name) {
			assigns++
		}
		return true
	})
	if cont || assigns != 1 {
		return CountedLoop{}, false
	}
	return CountedLoop{Index: id.Name, Stop: stop, Step: step, Rest: rest}, true
}

// inertExpr reports whether e binds no name and calls nothing but
// builtins (see above).
func (rg *Func) inertExpr(e ast.Expr) bool {
	inert := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.NamedExpr, *ast.Lambda, *ast.Comp:
			inert = false
		case *ast.Call:
			id, ok := n.Func.(*ast.Ident)
			if !ok {
				inert = false
			} else if _, builtin := rg.Info.Builtins[id]; !builtin {
				inert = false
			}
		}
		return inert
	})
	return inert
}

// binds reports whether the target t binds name: it is the name, or a
// tuple, list or starred target holding it (an element or attribute
// target binds no name).
func binds(t ast.Expr, name string) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name == name
	case *ast.Tuple:
		for _, e := range t.Elems {
			if binds(e, name) {
				return true
			}
		}
	case *ast.ListLit:
		for _, e := range t.Elems {
			if binds(e, name) {
				return true
			}
		}
	case *ast.Starred:
		return binds(t.X, name)
	}
	return false
}

// invariantStop reports whether the stop e of the condition `i < e` of a
// loop (li) has the same value at every test (see above).
func (rg *Func) invariantStop(e ast.Expr, index string, li *LoopInfo, cached func(list string) bool) bool {
	if v, ok := rg.ConstOf(e); ok {
		return v.Kind != check.Float
	}
	if id, ok := e.(*ast.Ident); ok {
		return rg.intLocal(id) && id.Name != index && !li.Assigned[id.Name]
	}
	l, ok := rg.lenOf(e)
	return ok && cached(l) && !li.Assigned[l]
}

// stepOf returns c when the statement s is `name = name + c` or
// `name += c` for an int constant 1 <= c < 2**31.
func (rg *Func) stepOf(s ast.Stmt, name string) (int64, bool) {
	var value ast.Expr
	switch s := s.(type) {
	case *ast.Assign:
		t, ok := s.Target.(*ast.Ident)
		b, isBin := s.Value.(*ast.Binary)
		if !ok || t.Name != name || len(s.Chain) > 0 || !isBin || b.Op != ast.OpAdd {
			return 0, false
		}
		if x, ok := b.X.(*ast.Ident); !ok || x.Name != name {
			return 0, false
		}
		value = b.Y
	case *ast.AugAssign:
		t, ok := s.Target.(*ast.Ident)
		if !ok || t.Name != name || s.Op != ast.OpAdd {
			return 0, false
		}
		value = s.Value
	default:
		return 0, false
	}
	v, ok := rg.ConstOf(value)
	if !ok || v.Kind == check.Float || v.I < 1 || v.I >= 1<<31 {
		return 0, false
	}
	return v.I, true
}

// WhileAccumulators returns the accumulators (as LoopAccumulators defines
// them) of the innermost counting while loop s whose counter is c; the
// fast copy that knows them within AccBound must also test that the
// counter and the stop lie within 2**31 in magnitude, so that the loop
// runs at most 2**32 turns.
func (rg *Func) WhileAccumulators(s *ast.While, c CountedLoop) []string {
	if !rg.Passes.Has(PassVersion) || !rg.LoopOf(s).Innermost {
		return nil
	}
	return rg.accumulators(s.Body, c.Index)
}
