package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Loops over lists (the listloops pass): plan/listloops.go has the
// analyses and their proofs; this file emits `for x in lst` with its
// header read once, and the blocks where bounds i < len(L) hold.

// forListStable generates `for x in lst`, whose list is in local l, when
// the loop cannot change any list header (plan.StableListLoop): the
// length and data pointer are read once and the loop runs like a range
// loop over the indexes, checking for interruption once per chunk when
// its body is light (interrupt.go), each iteration otherwise.
func (fg *fgen) forListStable(s *ast.For, l uint32) {
	ek := fg.typeOf(s.Iter).Elem.Kind
	w := widthOf(ek)
	cur, stop, data := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I32)
	defer fg.Release(wasmbin.I64, cur, stop)
	defer fg.Release(wasmbin.I32, data)
	fg.g.rt.UseHeap()
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Set(stop)
	fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	fg.Set(data)
	fg.I64(0)
	fg.Set(cur)
	defer fg.hoistLists(s)() // the lists its body indexes (hoist.go)
	exitTest := func() { fg.Bin(wasmbin.OpI64GeS, cur, stop) }
	bodyAndAdvance := func() {
		fg.Get(data)
		fg.Get(cur)
		fg.Emit(wasmbin.OpI32WrapI64)
		fg.slotAddr(w)
		fg.load(ek, 0)
		fg.Set(fg.local[s.Var().Name])
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.Mark(markContinue)
		fg.block(s.Body)
		fg.End()
		fg.Get(cur)
		fg.I64(1)
		fg.Emit(wasmbin.OpI64Add) // below stop <= MaxLen: exact
		fg.Set(cur)
	}
	loop := func() { fg.testedLoop(true, exitTest, bodyAndAdvance) }
	if interruptChecks && (fg.LightLoop(s) || fg.ChunkableNest(s)) {
		loop = func() { fg.chunkedLoop(s, cur, stop, 1, true, 0, 1, exitTest, bodyAndAdvance) }
	}
	fg.versionedAccumulators(fg.ListAccumulators(s), nil, loop)
}

// inNest runs gen, which emits the chunked loop s, with the loops nested
// in s made to check for interruption before their first iteration even
// when they are provably short (plan.ChunkableNest relies on it).
func (fg *fgen) inNest(s ast.Stmt, gen func()) {
	if fg.LoopOf(s).Innermost {
		gen()
		return
	}
	old := fg.loops.nest
	fg.loops.nest = true
	gen()
	fg.loops.nest = old
}

// cachedLen pushes the hoisted length of the list e, when the pass runs
// and an enclosing loop holds it; ok is false otherwise.
func (fg *fgen) cachedLen(e ast.Expr) bool {
	if !fg.g.on(PassListLoops) {
		return false
	}
	c, ok := fg.cachedOf(e)
	if ok {
		fg.Get(c.len)
	}
	return ok
}

// bounded reports whether the access x[i], whose index lies in ir, is
// known to be in bounds by a Bound holding where it is generated. No
// Bound holds where a compiled function is called (a Bound needs a loop
// or a function with no compiled call), so the names of a callee's copy
// (leafguard, selfinline) never meet one; an inlined name is refused all
// the same.
func (fg *fgen) bounded(x, i ast.Expr, ir plan.Interval) bool {
	xi, ok1 := x.(*ast.Ident)
	ii, ok2 := i.(*ast.Ident)
	return ok1 && ok2 && ir.NonNeg() && !fg.Inlined[xi.Name] && !fg.Inlined[ii.Name] &&
		fg.loops.bounds[plan.Bound{List: xi.Name, Index: ii.Name}]
}

// condBlock generates the body of a while or if whose condition cond
// held: with the interval facts yes and the bounds of cond.
func (fg *fgen) condBlock(cond ast.Expr, body []ast.Stmt, yes map[string]plan.Interval) bool {
	return fg.boundsBlock(body, yes, fg.CondBounds(cond, fg.hoisted))
}

// boundsBlock generates body as block does, with the interval facts and
// the bounds holding until the statement that assigns their name (a
// bound's index or list), and reports whether control can fall off its
// end (plan/condfacts.go has the rule).
func (fg *fgen) boundsBlock(body []ast.Stmt, facts map[string]plan.Interval, bounds []plan.Bound) bool {
	active := map[string]plan.Interval{}
	for name, r := range facts {
		active[name] = r
	}
	held := map[plan.Bound]bool{}
	for _, b := range bounds {
		held[b] = true
	}
	touches := func(names map[string]bool) bool {
		for name := range names {
			if _, ok := active[name]; ok {
				return true
			}
		}
		for b := range held {
			if names[b.List] || names[b.Index] {
				return true
			}
		}
		return false
	}
	falls := true
	for len(body) > 0 && (len(active) > 0 || len(held) > 0) {
		end, at := len(body), -1
		for i, s := range body {
			if touches(plan.AssignedNames(s)) {
				at, end = i, i
				if plan.SimpleAssign(s) {
					end = i + 1 // its value is computed under the facts
				}
				break
			}
		}
		if end > 0 {
			part := body[:end]
			fg.withBounds(held, func() {
				fg.WithFacts(active, func() { falls = fg.block(part) && falls })
			})
			if !falls && fg.g.on(PassDeadCode) {
				return false
			}
		}
		if at >= 0 {
			names := plan.AssignedNames(body[at])
			for name := range names {
				delete(active, name)
			}
			for b := range held {
				if names[b.List] || names[b.Index] {
					delete(held, b)
				}
			}
		}
		body = body[end:]
	}
	if len(body) > 0 {
		falls = fg.block(body) && falls
	}
	return falls
}

// withBounds runs gen with the bounds held added to those that hold.
func (fg *fgen) withBounds(held map[plan.Bound]bool, gen func()) {
	if len(held) == 0 {
		gen()
		return
	}
	old := fg.loops.bounds
	fg.loops.bounds = map[plan.Bound]bool{}
	for b := range old {
		fg.loops.bounds[b] = true
	}
	for b := range held {
		fg.loops.bounds[b] = true
	}
	gen()
	fg.loops.bounds = old
}
