package wasmgen

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

// carriedFacts adds to fg.facts the intervals of the int locals that the
// rule above settles, in name order (the facts of earlier names may serve
// later ones); isParam holds the parameters.
func (fg *fgen) carriedFacts(isParam map[string]bool) {
	if !fg.g.on(PassCarried) {
		return
	}
	assigns := map[string][]ast.Stmt{}
	ast.InspectStmts(fg.fn.Decl.Body, func(n ast.Node) bool {
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
		if _, known := fg.facts[name]; known || isParam[name] {
			continue
		}
		if t, ok := fg.localTypes()[name]; !ok || t.Kind != check.Int {
			continue
		}
		stmts := assigns[name]
		if len(stmts) != fg.fn.Assigned[name] {
			continue
		}
		if r, ok := fg.carriedInterval(name, stmts); ok {
			fg.facts[name] = r
			fg.rangeMemo = nil
		}
	}
}

// carriedInterval returns the interval I of the rule for the local name
// assigned by stmts, or false when there is none (fg.facts is left as it
// was).
func (fg *fgen) carriedInterval(name string, stmts []ast.Stmt) (interval, bool) {
	cand := interval{0, 0}
	for _, s := range stmts {
		r, ok := fg.assignedRange(s)
		if !ok {
			return interval{}, false
		}
		cand = interval{min(cand.lo, r.lo), max(cand.hi, r.hi)}
	}
	if cand == fullRange {
		return interval{}, false
	}
	fg.facts[name] = cand
	fg.rangeMemo = nil
	defer func() {
		delete(fg.facts, name)
		fg.rangeMemo = nil
	}()
	for _, s := range stmts {
		if r, _ := fg.assignedRange(s); r.lo < cand.lo || r.hi > cand.hi {
			return interval{}, false
		}
	}
	return cand, true
}

// assignedRange returns the interval of the value that the assignment s
// stores, under the current facts; false for a statement that is not an
// `=` or `op=` to a name.
func (fg *fgen) assignedRange(s ast.Stmt) (interval, bool) {
	switch s := s.(type) {
	case *ast.Assign:
		return fg.rangeOf(s.Value), true
	case *ast.AugAssign:
		id, ok := s.Target.(*ast.Ident)
		if !ok {
			return interval{}, false
		}
		x, known := fg.facts[id.Name]
		if !known {
			x = fullRange
		}
		return opRange(s.Op, x, fg.rangeOf(s.Value)), true
	}
	return interval{}, false
}

// opRange is the interval of x op y for int operands in x and y, for the
// operators whose intervals ranges.go knows (the whole of i64 for the
// others): the same rules as computeRange.
func opRange(op ast.BinaryOp, x, y interval) interval {
	switch op {
	case ast.OpAdd:
		return addRange(x, y)
	case ast.OpSub:
		return subRange(x, y)
	case ast.OpMul:
		return mulRange(x, y)
	case ast.OpFloorDiv:
		return floorDivRange(x, y)
	case ast.OpMod:
		if y.positive() {
			if x.nonNeg() {
				return interval{0, min(x.hi, y.hi-1)}
			}
			return interval{0, y.hi - 1}
		}
	case ast.OpBitAnd:
		switch {
		case x.nonNeg() && y.nonNeg():
			return interval{0, min(x.hi, y.hi)}
		case x.nonNeg():
			return interval{0, x.hi}
		case y.nonNeg():
			return interval{0, y.hi}
		}
	}
	return fullRange
}
