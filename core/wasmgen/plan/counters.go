package plan

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Intervals of assigned locals (the counters pass). An int local that
// only simple statements (`name = value`, `name op= value`), range loops
// (`for name in range(...)`, whose values lie in the interval of
// LoopFacts' rangeLoopInterval) and loops over a list local whose
// elements have an interval (elems.go) assign lies
// in an Interval that holds each value it ever has, found by iterating
// over its assignments:
//
//	k = 0            k starts in [0, 0]
//	k = k + 1        k + 1 for k in [0, 0] is [1, 1]: the first round
//	                 gives [0, 1]; in the next k still grows, so its
//	                 upper end is widened to MAX: [0, MAX]; then k + 1
//	                 for k in [0, MAX] is in [1, MAX] (a checked
//	                 addition traps beyond), inside: stable
//
// The result r is an inductive invariant: the local starts in it (a
// WebAssembly local starts at 0, which r always holds, so even a read
// before the first assignment is covered) and every assignment, given
// that every local read lies in its Interval, stores a value of r (or
// traps). So every value the local holds lies in r, wherever it is read.
// Each round computes every assignment's Interval under the intervals of
// the last round. The first round takes the hull of the local's initial
// 0 and the values of its assignments, which is exact for a local whose
// assignments do not read locals that move (`i = 20` after range loops:
// [-4, 20], not all of i64); after it, an end that moves goes to the end
// of i64 (widening), so that the rounds stop after at most two more
// moves per local; a local whose Interval is all of i64 gets no fact.
//
// This is what makes k >= 0 and total >= 0 known in the Mandelbrot
// kernel (`total = total + k`): the addition of two non-negative ints
// needs one sign test (arith.go).

// identRange returns the Interval of the int local name: its fact, or
// its Interval from its assignments, or all of i64.
func (rg *Func) identRange(name string) Interval {
	if r, ok := rg.facts[name]; ok {
		return r
	}
	if r, ok := rg.assignFacts[name]; ok && !rg.Inlined[name] {
		return r
	}
	return FullRange
}

// assignRanges computes rg.assignFacts (see above) for the int locals
// that are not parameters, have no fact of their own (range loop
// variables) and are assigned only by simple statements.
func (rg *Func) assignRanges() {
	rg.assignFacts = nil
	if !rg.Passes.Has(PassCounters) {
		return
	}
	type assign struct {
		op    ast.BinaryOp // of an op= statement
		aug   bool
		value ast.Expr
		loop  *ast.For   // a range loop assigning its variable
		trip  *tripBound // the increment of a turn counter (trips.go)
	}
	trips := rg.tripCounters()
	params := map[string]bool{}
	for _, p := range rg.Fn.ParamNames {
		params[p] = true
	}
	byName := map[string][]assign{}
	bad := map[string]bool{}
	ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.Assign:
			for _, t := range s.Chain {
				if id, ok := t.(*ast.Ident); ok {
					bad[id.Name] = true
				}
			}
			if id, ok := s.Target.(*ast.Ident); ok {
				a := assign{value: s.Value}
				if tb, ok := trips[s]; ok {
					a.trip = &tb
				}
				byName[id.Name] = append(byName[id.Name], a)
				return true
			}
		case *ast.AugAssign:
			if id, ok := s.Target.(*ast.Ident); ok {
				a := assign{op: s.Op, aug: true, value: s.Value}
				if tb, ok := trips[s]; ok {
					a = assign{trip: &tb}
				}
				byName[id.Name] = append(byName[id.Name], a)
				return true
			}
		case *ast.For:
			if id, ok := s.Target.(*ast.Ident); ok {
				if _, followed := rg.forValues(s); followed {
					byName[id.Name] = append(byName[id.Name], assign{loop: s})
					return true
				}
			}
		}
		if t := check.AssignTarget(n); t != nil {
			if _, isIndex := t.(*ast.Index); !isIndex {
				// a loop over a list or string, or any other form: its
				// names are not candidates
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
	cur := map[string]Interval{}
	for name, as := range byName {
		if bad[name] || params[name] || rg.Fn.Assigned[name] != len(as) {
			continue
		}
		if _, fact := rg.facts[name]; fact {
			continue
		}
		if t, ok := rg.LocalTypes()[name]; !ok || t.Kind != check.Int {
			continue
		}
		cur[name] = Interval{Lo: 0, Hi: 0} // the local's initial value
	}
	for round := 0; round <= 2*len(cur)+2; round++ {
		rg.assignFacts = cur
		rg.memo = nil
		next := map[string]Interval{}
		changed := false
		for name, r := range cur {
			h := r
			for _, a := range byName[name] {
				var v Interval
				switch {
				case a.trip != nil:
					v = tripRange(rg.RangeOf(a.trip.start), a.trip.step)
				case a.loop != nil:
					v, _ = rg.forValues(a.loop)
				default:
					v = rg.RangeOf(a.value)
				}
				if a.aug && a.trip == nil {
					v = opRange(a.op, r, v)
				}
				h = Interval{Lo: min(h.Lo, v.Lo), Hi: max(h.Hi, v.Hi)}
			}
			var moved bool
			next[name], moved = widened(round, r, h)
			changed = changed || moved
		}
		if !changed {
			for name, r := range cur {
				if r == FullRange {
					delete(cur, name)
				}
			}
			rg.assignFacts = cur
			rg.memo = nil
			return
		}
		cur = next
	}
	// no invariant found within the rounds (cannot happen: each end
	// moves at most once after the first round): no facts
	rg.assignFacts = nil
	rg.memo = nil
}

// forValues returns an interval holding every value the for loop s gives
// its variable, and whether counters follows the loop: a range loop (the
// checker types the other iterables), whose interval is LoopFacts'
// rangeLoopInterval, or all of i64 when that is unknown (a step of
// unknown sign, or a loop that never runs and so assigns nothing); a loop
// over a list local whose elements have an interval (elems.go).
func (rg *Func) forValues(s *ast.For) (Interval, bool) {
	if _, typed := rg.Info.Types[s.Iter]; !typed {
		if r, ok := rg.rangeLoopInterval(s); ok {
			return r, true
		}
		return FullRange, true
	}
	if l, ok := s.Iter.(*ast.Ident); ok {
		return rg.ElemRange(l.Name)
	}
	return Interval{}, false
}

// widened returns the interval of a local (or of a list's elements) for
// the next round of assignRanges (elemRanges), from its interval r in
// this round and the hull h of r and of its assignments' values, and
// whether it moved: an end that moved stays where it went in the first
// round, and goes to the end of i64 after it.
func widened(round int, r, h Interval) (Interval, bool) {
	moved := false
	if h.Lo < r.Lo {
		moved = true
		if round > 0 {
			h.Lo = math.MinInt64
		}
	}
	if h.Hi > r.Hi {
		moved = true
		if round > 0 {
			h.Hi = math.MaxInt64
		}
	}
	return h, moved
}
