package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Loop versioning: plan/version.go has the conditions, their proofs and
// the analyses (ProvableLists, LoopProducts, RowAccesses,
// LoopAccumulators; plan/fdiv.go FDivPlan); this file emits the test and
// the two copies.

// advance is one addition made after each turn of a loop's fast copy:
// product += by.
type advance struct{ product, by uint32 }

// versioned emits the range loop s (emitLoop generates it; args are the
// range's arguments, the local cur holds its start before it runs and
// stop its end, step is its constant step or 0) in two versions when
// some of its checks can be proved useless, else once.
func (fg *fgen) versioned(s *ast.For, args []ast.Expr, cur, stop uint32, step int64, emitLoop func()) {
	dropRows := fg.loadRows(fg.InvariantRows(s, args, fg.hoisted)) // rowhoist.go
	lists := fg.ProvableLists(s, args, fg.hoisted)
	products := fg.LoopProducts(s, step)
	rows := fg.RowAccesses(s, lists, fg.rowsCached)
	accs := fg.LoopAccumulators(s, step)
	div := fg.FDivPlan(s, args) // fdiv.go
	if len(lists) == 0 && len(products) == 0 && len(accs) == 0 && div == nil {
		dropRows()
		emitLoop()
		return
	}
	for _, name := range plan.RowLists(rows) {
		fg.scanRows(name, cur, stop)
	}
	for i, name := range lists {
		fg.Bin(wasmbin.OpI64LeS, stop, fg.loops.cache[name].len)
		if i > 0 {
			fg.Emit(wasmbin.OpI32And)
		}
	}
	for _, r := range rows {
		c := fg.loops.cache[r.List]
		fg.Bin(wasmbin.OpI64GeS, cur, c.rowsFrom)
		fg.Emit(wasmbin.OpI32And)
		fg.Bin(wasmbin.OpI64LeS, stop, c.rowsDone)
		fg.Emit(wasmbin.OpI32And)
		fg.Bin(wasmbin.OpI64LtU, fg.local[r.Index], c.rowsMin)
		fg.Emit(wasmbin.OpI32And)
	}
	factors := plan.ProductFactors(products, s.Var().Name)
	if len(products) > 0 || len(accs) > 0 {
		// (|a| | |b| | |e|...) <= 2**31, with |x| taken as x ^ (x >> 63),
		// which is |x| - 1 for a negative x, where the sign may be negative
		startR, stopR := plan.Interval{Lo: 0, Hi: 0}, fg.RangeOf(args[0])
		if len(args) > 1 {
			startR, stopR = stopR, fg.RangeOf(args[1])
		}
		fg.magnitude(cur, startR)
		fg.magnitude(stop, stopR)
		fg.Emit(wasmbin.OpI64Or)
		for _, name := range factors {
			fg.magnitude(fg.local[name], fg.RangeOfName(name))
			fg.Emit(wasmbin.OpI64Or)
		}
		fg.I64(1 << 31)
		fg.Emit(wasmbin.OpI64LeU)
		if len(lists) > 0 {
			fg.Emit(wasmbin.OpI32And)
		}
	}
	if len(accs) > 0 {
		fg.accTest(accs)
		fg.Emit(wasmbin.OpI32And)
	}
	if div != nil {
		fg.fdivTest(div, cur, stop, len(lists) > 0 || len(products) > 0 || len(accs) > 0)
	}
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	old := fg.loops.proven
	fg.loops.proven = map[string]string{}
	for name, v := range old {
		fg.loops.proven[name] = v
	}
	for _, name := range lists {
		fg.loops.proven[name] = s.Var().Name
	}
	fg.loops.provenRows = map[*ast.Index]string{}
	for _, r := range rows {
		fg.loops.provenRows[r.Row] = r.Index
	}
	fg.loops.reduced = map[*ast.Binary]uint32{}
	byFactor := map[string]advance{}
	for _, name := range factors {
		a := advance{product: fg.Temp(wasmbin.I64), by: fg.Temp(wasmbin.I64)}
		fg.Bin(wasmbin.OpI64Mul, fg.local[name], cur)
		fg.Set(a.product)
		fg.Get(fg.local[name])
		fg.I64(step)
		fg.Emit(wasmbin.OpI64Mul)
		fg.Set(a.by)
		byFactor[name] = a
		fg.loops.advances = append(fg.loops.advances, a)
	}
	for _, p := range products {
		fg.loops.reduced[p] = byFactor[plan.FactorOf(p, s.Var().Name)].product
	}
	oldIV := fg.loops.iv
	fg.loops.iv = fg.pointerPlan(s, lists) // ivptr.go
	gen := emitLoop
	if div != nil {
		gen = fg.fdivFacts(div, gen)
	}
	fg.withAccFacts(accs, gen)
	fg.releasePointers(fg.loops.iv)
	fg.loops.iv = nil
	for _, a := range fg.loops.advances {
		fg.Release(wasmbin.I64, a.product, a.by)
	}
	fg.loops.reduced, fg.loops.advances, fg.loops.provenRows = nil, nil, nil
	fg.loops.proven = old
	dropRows() // the usual copy reads the rows at each turn
	fg.Emit(wasmbin.OpElse)
	emitLoop()
	fg.End()
	fg.loops.iv = oldIV
}

// hoisted reports whether the loops being generated keep the header of
// the list name in locals (hoist.go): ProvableLists asks.
func (fg *fgen) hoisted(name string) bool {
	_, ok := fg.loops.cache[name]
	return ok
}

// rowsCached reports whether they also cache the smallest row length of
// the list of lists name: RowAccesses asks.
func (fg *fgen) rowsCached(name string) bool { return fg.loops.cache[name].rows }

// scanRows extends the smallest row length cached for the list of lists
// name to the rows below stop, when the loop about to run covers them:
// stop <= len(L) (the rows exist) and rowsFrom <= start <= rowsDone (the
// rows scanned are rows the loop visits, so the scan costs at most one
// step per turn of the loop; a loop that starts elsewhere leaves the
// cache as it is and runs its checked copy). Before the first scan, the
// cache starts at the loop's start. Where the list keeps a table of its
// rows' data pointers (rowdata.go), the scan stores them too.
func (fg *fgen) scanRows(name string, cur, stop uint32) {
	c := fg.loops.cache[name]
	fg.Bin(wasmbin.OpI64LeS, stop, c.len)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// nothing scanned yet: start there
	fg.Bin(wasmbin.OpI64Eq, c.rowsFrom, c.rowsDone)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(cur)
	fg.Tee(c.rowsFrom)
	fg.Set(c.rowsDone)
	fg.End()
	fg.Bin(wasmbin.OpI64GeS, cur, c.rowsFrom)
	fg.Bin(wasmbin.OpI64LeS, cur, c.rowsDone)
	fg.Emit(wasmbin.OpI32And)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI64GeS, c.rowsDone, stop)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	n, row := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I32)
	fg.Bin(wasmbin.OpI32WrapI64, c.data, c.rowsDone)
	fg.slotAddr(widthOf(check.List))
	fg.load(check.List, 0)
	fg.Set(row)
	if c.table {
		fg.storeRowData(c, c.rowsDone, row) // rowdata.go
	}
	fg.Load(wasmbin.OpI32Load, row, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Tee(n)
	fg.Get(c.rowsMin)
	fg.Bin(wasmbin.OpI64LtS, n, c.rowsMin)
	fg.Emit(wasmbin.OpSelect)
	fg.Set(c.rowsMin)
	fg.Release(wasmbin.I64, n)
	fg.Release(wasmbin.I32, row)
	fg.Get(c.rowsDone)
	fg.I64(1)
	fg.Emit(wasmbin.OpI64Add)
	fg.Set(c.rowsDone)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	fg.End()
	fg.End()
}

// versionedAccumulators emits loop twice when accs, the accumulators of
// an innermost loop (plan.LoopAccumulators), are not empty: a fast copy,
// where each is known to lie within AccBound and so adds without overflow
// checks, behind the test that each starts within AccEntry in magnitude
// and that turns (when not nil) pushes true, proving the loop runs at
// most 2**32 turns; and the usual copy.
func (fg *fgen) versionedAccumulators(accs []string, turns func(), loop func()) {
	if len(accs) == 0 {
		loop()
		return
	}
	fg.accTest(accs)
	if turns != nil {
		turns()
		fg.Emit(wasmbin.OpI32And)
	}
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.withAccFacts(accs, loop)
	fg.Emit(wasmbin.OpElse)
	loop()
	fg.End()
}

// accTest pushes whether each accumulator of accs lies within AccEntry
// in magnitude (plan.LoopAccumulators: the fast copy's condition).
func (fg *fgen) accTest(accs []string) {
	for i, name := range accs {
		fg.magnitude(fg.local[name], plan.FullRange)
		if i > 0 {
			fg.Emit(wasmbin.OpI64Or)
		}
	}
	fg.I64(plan.AccEntry)
	fg.Emit(wasmbin.OpI64LeU)
}

// withAccFacts runs gen, which emits a fast copy, knowing each
// accumulator of accs within AccBound.
func (fg *fgen) withAccFacts(accs []string, gen func()) {
	for _, name := range accs {
		inner := gen
		gen = func() { fg.WithFact(name, plan.Interval{Lo: -plan.AccBound, Hi: plan.AccBound}, inner) }
	}
	gen()
}

// magnitude pushes x ^ (x >> 63) for the i64 local x, or x itself when r
// shows it is >= 0.
func (fg *fgen) magnitude(x uint32, r plan.Interval) {
	fg.Get(x)
	if r.NonNeg() {
		return
	}
	fg.Get(x)
	fg.I64(63)
	fg.Emit(wasmbin.OpI64ShrS)
	fg.Emit(wasmbin.OpI64Xor)
}

// advanceProducts adds to each product the fast copy keeps by addition
// its step, at the end of an iteration (exact: the version test proved
// the products' range).
func (fg *fgen) advanceProducts() {
	for _, a := range fg.loops.advances {
		fg.Get(a.product)
		fg.Get(a.by)
		fg.Emit(wasmbin.OpI64Add)
		fg.Set(a.product)
	}
}
