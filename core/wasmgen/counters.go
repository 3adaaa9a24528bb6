package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Intervals of assigned locals (the counters pass). An int local that
// only simple statements assign (`name = value`, `name op= value`) lies
// in an interval that holds each value it ever has, found by iterating
// over its assignments:
//
//	k = 0            k starts in [0, 0]
//	k = k + 1        k + 1 for k in [0, 0] is [1, 1]: k grows, so its
//	                 upper end is widened to MAX: [0, MAX]; then k + 1
//	                 for k in [0, MAX] is in [1, MAX] (a checked
//	                 addition traps beyond), inside: stable
//
// The result r is an inductive invariant: the local starts in it (a
// WebAssembly local starts at 0, which r always holds, so even a read
// before the first assignment is covered) and every assignment, given
// that every local read lies in its interval, stores a value of r (or
// traps). So every value the local holds lies in r, wherever it is read.
// Each round computes every assignment's interval under the intervals of
// the last round; an end that moves goes to the end of i64 (widening),
// so that the rounds stop after at most two moves per local; a local
// whose interval is all of i64 gets no fact.
//
// This is what makes k >= 0 and total >= 0 known in the Mandelbrot
// kernel (`total = total + k`): the addition of two non-negative ints
// needs one sign test (arith.go).

// identRange returns the interval of the int local name: its fact, or
// its interval from its assignments, or all of i64.
func (fg *fgen) identRange(name string) interval {
	if r, ok := fg.facts[name]; ok {
		return r
	}
	if r, ok := fg.assignFacts[name]; ok && !fg.inlined[name] {
		return r
	}
	return fullRange
}

// assignRanges computes fg.assignFacts (see above) for the int locals
// that are not parameters, have no fact of their own (range loop
// variables) and are assigned only by simple statements.
func (fg *fgen) assignRanges() {
	fg.assignFacts = nil
	if !fg.g.on(PassCounters) {
		return
	}
	type assign struct {
		op    ast.BinaryOp // of an op= statement
		aug   bool
		value ast.Expr
	}
	params := map[string]bool{}
	for _, p := range fg.fn.ParamNames {
		params[p] = true
	}
	byName := map[string][]assign{}
	bad := map[string]bool{}
	ast.InspectStmts(fg.fn.Decl.Body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.Assign:
			for _, t := range s.Chain {
				if id, ok := t.(*ast.Ident); ok {
					bad[id.Name] = true
				}
			}
			if id, ok := s.Target.(*ast.Ident); ok {
				byName[id.Name] = append(byName[id.Name], assign{value: s.Value})
				return true
			}
		case *ast.AugAssign:
			if id, ok := s.Target.(*ast.Ident); ok {
				byName[id.Name] = append(byName[id.Name], assign{op: s.Op, aug: true, value: s.Value})
				return true
			}
		}
		if t := check.AssignTarget(n); t != nil {
			if _, isIndex := t.(*ast.Index); !isIndex {
				// a for target, or any other form: its names are not
				// candidates
				ast.Inspect(t, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						bad[id.Name] = true
					}
					return true
				})
			}
		}
		return true
	})
	cur := map[string]interval{}
	for name, as := range byName {
		if bad[name] || params[name] || fg.fn.Assigned[name] != len(as) {
			continue
		}
		if _, fact := fg.facts[name]; fact {
			continue
		}
		if t, ok := fg.localTypes()[name]; !ok || t.Kind != check.Int {
			continue
		}
		cur[name] = interval{0, 0} // the local's initial value
	}
	for round := 0; round <= 2*len(cur)+1; round++ {
		fg.assignFacts = cur
		fg.rangeMemo = nil
		next := map[string]interval{}
		changed := false
		for name, r := range cur {
			h := r
			for _, a := range byName[name] {
				v := fg.rangeOf(a.value)
				if a.aug {
					switch a.op {
					case ast.OpAdd:
						v = addRange(r, v)
					case ast.OpSub:
						v = subRange(r, v)
					case ast.OpMul:
						v = mulRange(r, v)
					default:
						v = fullRange
					}
				}
				h = interval{min(h.lo, v.lo), max(h.hi, v.hi)}
			}
			if h.lo < r.lo {
				h.lo, changed = math.MinInt64, true
			}
			if h.hi > r.hi {
				h.hi, changed = math.MaxInt64, true
			}
			next[name] = h
		}
		if !changed {
			for name, r := range cur {
				if r == fullRange {
					delete(cur, name)
				}
			}
			fg.assignFacts = cur
			fg.rangeMemo = nil
			return
		}
		cur = next
	}
	// no invariant found within the rounds (cannot happen: each end
	// moves at most once): no facts
	fg.assignFacts = nil
	fg.rangeMemo = nil
}
