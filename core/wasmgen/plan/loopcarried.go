package plan

import (
	"sort"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// The carried pass: intervals of int locals that loops carry from one
// iteration to the next. In
//
//	h = 0
//	for c in s:
//	    h = (h * 31 + ord(c)) % 2**32
//
// h is in [0, 2**32) whatever it held before, so h * 31 + ord(c) cannot
// overflow and needs no check. The rule, for an int local v that is not a
// parameter and that only `=` and `op=` statements assign (no loop
// target): let I be the hull of 0 and of the intervals of the values of
// its assignments computed knowing nothing of v. If, knowing v in I, the
// value of every assignment is again in I, then v is in I wherever it is
// read: by induction on the run, the local starts at 0 (a WebAssembly
// local's initial value, in I, even if the checker ever let a read come
// first), and each assignment, reading v in I, stores a value in I. The
// other facts used (range loop variables, locals that earlier rounds of
// this rule settled) hold throughout the function, so the induction may
// lean on them. A local whose candidate I is the whole of i64 gets no
// fact. Assignments are counted against the checker's Assigned, so that
// a kind of assignment this file does not know keeps the local unknown.

// carriedFacts adds to rg.facts the intervals of the int locals that the
// rule above settles, in name order (the facts of earlier names may serve
// later ones); isParam holds the parameters.
func (rg *Func) carriedFacts(isParam map[string]bool) {
	if !rg.Passes.Has(PassCarried) {
		return
	}
	assigns := map[string][]ast.Stmt{}
	ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
		if id, ok := check.AssignTarget(n).(*ast.Ident); ok {
			assigns[id.Name] = append(assigns[id.Name], n.(ast.Stmt))
		}
		return true
	})
	names := make([]string, 0, len(assigns))
	for name := range assigns {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, known := rg.facts[name]; known || isParam[name] {
			continue
		}
		if t, ok := rg.LocalTypes()[name]; !ok || t.Kind != check.Int {
			continue
		}
		stmts := assigns[name]
		if len(stmts) != rg.Fn.Assigned[name] {
			continue
		}
		if r, ok := rg.carriedInterval(name, stmts); ok {
			rg.facts[name] = r
			rg.memo = nil
		}
	}
}

// carriedInterval returns the Interval I of the rule for the local name
// assigned by stmts, or false when there is none (rg.facts is left as it
// was).
func (rg *Func) carriedInterval(name string, stmts []ast.Stmt) (Interval, bool) {
	cand := Interval{Lo: 0, Hi: 0}
	for _, s := range stmts {
		r, ok := rg.assignedRange(s)
		if !ok {
			return Interval{}, false
		}
		cand = Interval{Lo: min(cand.Lo, r.Lo), Hi: max(cand.Hi, r.Hi)}
	}
	if cand == FullRange {
		return Interval{}, false
	}
	rg.facts[name] = cand
	rg.memo = nil
	defer func() {
		delete(rg.facts, name)
		rg.memo = nil
	}()
	for _, s := range stmts {
		if r, _ := rg.assignedRange(s); r.Lo < cand.Lo || r.Hi > cand.Hi {
			return Interval{}, false
		}
	}
	return cand, true
}

// assignedRange returns the Interval of the value that the assignment s
// stores, under the current facts; false for a statement that is not an
// `=` or `op=` to a name.
func (rg *Func) assignedRange(s ast.Stmt) (Interval, bool) {
	switch s := s.(type) {
	case *ast.Assign:
		return rg.RangeOf(s.Value), true
	case *ast.AugAssign:
		id, ok := s.Target.(*ast.Ident)
		if !ok {
			return Interval{}, false
		}
		return opRange(s.Op, rg.identRange(id.Name), rg.RangeOf(s.Value)), true
	}
	return Interval{}, false
}

// opRange is the Interval of x op y for int operands in x and y (the
// whole of i64 for the operators it does not know): the one rule of
// computeRange for binary expressions and of the loop-carried updates.
func opRange(op ast.BinaryOp, x, y Interval) Interval {
	switch op {
	case ast.OpAdd:
		return AddRange(x, y)
	case ast.OpSub:
		return SubRange(x, y)
	case ast.OpMul:
		return MulRange(x, y)
	case ast.OpFloorDiv:
		return FloorDivRange(x, y)
	case ast.OpMod:
		if y.Positive() {
			if x.NonNeg() {
				return Interval{Lo: 0, Hi: min(x.Hi, y.Hi-1)}
			}
			return Interval{Lo: 0, Hi: y.Hi - 1}
		}
	case ast.OpBitAnd:
		switch {
		case x.NonNeg() && y.NonNeg():
			return Interval{Lo: 0, Hi: min(x.Hi, y.Hi)}
		case x.NonNeg():
			return Interval{Lo: 0, Hi: x.Hi}
		case y.NonNeg():
			return Interval{Lo: 0, Hi: y.Hi}
		}
	case ast.OpRShift:
		if y.NonNeg() {
			s := min(y.Lo, 63)
			return Interval{Lo: min(x.Lo>>s, x.Lo>>63), Hi: max(x.Hi>>s, x.Hi>>63)}
		}
	}
	return FullRange
}
