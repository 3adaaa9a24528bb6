package plan

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Counters of the turns of a loop over a list or a str (part of the
// counters pass). In
//
//	i = 0
//	for x in xs:
//	    ...
//	    i += 1
//
// (and in the loop that `for i, x in enumerate(xs)` becomes, core/check's
// lower.go) i grows by 1 at most once per turn, and the loop turns at most
// once per element: fewer than maxTurns times, since a list's slots and a
// str's bytes lie in a WebAssembly memory of 4 GiB. Widening would take
// i's upper end to the end of i64, which keeps the increment's overflow
// check and every product with i; the turns bound it instead: i stays in
// [lo, hi + c*maxTurns] where [lo, hi] holds the value assigned before the
// loop and c the increment. The rule, checked on the syntax:
//
//   - the increment `i += c` or `i = i + c`, c an int literal in [1,
//     2**20], is a statement of the loop's body or of an if inside it,
//     not inside a loop nested in it;
//   - nothing else in the loop assigns i (the loop's variable is not i);
//   - the loop iterates a list or a str (its iterable's type), and in
//     its block an assignment `i = e` comes before it with no statement
//     between them assigning i: each time the loop starts, i holds e's
//     value.
//
// The loop may sit in other loops: each time it starts, i starts again
// from e. i's other assignments keep their values, in the usual rounds.

// maxTurns bounds the turns of a loop over a list or a str: fewer
// elements than 4 GiB of memory holds (8-byte slots, 1-byte chars).
const maxTurns = int64(1) << 32

// A tripBound is what a recognized increment of a turn counter stores:
// at most its start's value plus step times maxTurns.
type tripBound struct {
	start ast.Expr // the value assigned right before the loop
	step  int64
}

// tripCounters returns the increments of the function's turn counters
// (see above).
func (rg *Func) tripCounters() map[ast.Stmt]tripBound {
	out := map[ast.Stmt]tripBound{}
	var blocks func(body []ast.Stmt)
	blocks = func(body []ast.Stmt) {
		for j, s := range body {
			switch s := s.(type) {
			case *ast.If:
				blocks(s.Body)
				blocks(s.Else)
			case *ast.While:
				blocks(s.Body)
			case *ast.For:
				blocks(s.Body)
				rg.turnCounters(body[:j], s, out)
			}
		}
	}
	blocks(rg.Fn.Decl.Body)
	return out
}

// turnCounters adds to out the increments of the turn counters of loop s,
// which comes after the statements before in its block.
func (rg *Func) turnCounters(before []ast.Stmt, s *ast.For, out map[ast.Stmt]tripBound) {
	t, typed := rg.Info.Types[s.Iter]
	if !typed || (t.Kind != check.List && t.Kind != check.Str) || s.Var() == nil {
		return
	}
	incs := map[string][]ast.Stmt{}
	steps := map[ast.Stmt]int64{}
	var direct func(body []ast.Stmt)
	direct = func(body []ast.Stmt) {
		for _, st := range body {
			switch st := st.(type) {
			case *ast.If:
				direct(st.Body)
				direct(st.Else)
			default:
				if name, c, ok := increment(st); ok {
					incs[name] = append(incs[name], st)
					steps[st] = c
				}
			}
		}
	}
	direct(s.Body)
	for name, is := range incs {
		if len(is) != 1 || name == s.Var().Name || assignCount(s.Body, name) != 1 {
			continue
		}
		// the last statement before the loop that assigns name must be
		// `name = e`
		for k := len(before) - 1; k >= 0; k-- {
			if assignCount(before[k:k+1], name) == 0 {
				continue
			}
			if a, ok := before[k].(*ast.Assign); ok && len(a.Chain) == 0 {
				if id, ok := a.Target.(*ast.Ident); ok && id.Name == name {
					out[is[0]] = tripBound{start: a.Value, step: steps[is[0]]}
				}
			}
			break
		}
	}
}

// increment recognizes `name += c` and `name = name + c`, c an int
// literal in [1, 2**20].
func increment(s ast.Stmt) (string, int64, bool) {
	var target, x, y ast.Expr
	switch s := s.(type) {
	case *ast.AugAssign:
		if s.Op != ast.OpAdd {
			return "", 0, false
		}
		target, x, y = s.Target, s.Target, s.Value
	case *ast.Assign:
		b, ok := s.Value.(*ast.Binary)
		if !ok || b.Op != ast.OpAdd || len(s.Chain) > 0 {
			return "", 0, false
		}
		target, x, y = s.Target, b.X, b.Y
	default:
		return "", 0, false
	}
	id, ok1 := target.(*ast.Ident)
	xid, ok2 := x.(*ast.Ident)
	lit, ok3 := y.(*ast.IntLit)
	if !ok1 || !ok2 || !ok3 || id.Name != xid.Name {
		return "", 0, false
	}
	c, err := strconv.ParseInt(lit.Text, 10, 64)
	if err != nil || c < 1 || c > 1<<20 {
		return "", 0, false
	}
	return id.Name, c, true
}

// assignCount counts the statements of body (nested ones included) that
// assign name: assignments, op= and loops whose targets hold it.
func assignCount(body []ast.Stmt, name string) int {
	n := 0
	ast.InspectStmts(body, func(nd ast.Node) bool {
		if t := check.AssignTarget(nd); t != nil {
			if _, isIndex := t.(*ast.Index); isIndex {
				return true
			}
			found := false
			ast.Inspect(t, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && id.Name == name {
					found = true
				}
				return true
			})
			if found {
				n++
			}
		}
		return true
	})
	return n
}

// tripRange is the interval of the values a turn counter's increment
// stores, given the interval of its start.
func tripRange(start Interval, step int64) Interval {
	return Interval{Lo: start.Lo, Hi: SatAdd(start.Hi, SatMul(step, maxTurns))}
}
