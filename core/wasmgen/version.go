package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"slices"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Loop versioning. An innermost loop `for k in range(a, b, c)` with a
// positive step may be emitted twice, behind one test made before it: a
// fast copy, where that test proves some checks useless, and the usual
// one, which raises or re-runs exactly where Python would. Only innermost
// loops are versioned, so the code grows by one copy of each such loop at
// most. The test combines:
//
//   - Bounds. An access L[k] to a list whose header the loop keeps in
//     locals (hoist.go) is in bounds on every iteration when a >= 0 and
//     b <= len(L): k runs from a up to at most b - 1, and len(L) cannot
//     change in the loop. The fast copy skips those bounds checks.
//
//   - Products. A product e * k (or k * e) of the loop variable k, which
//     nothing else assigns, and an int local e that the loop does not
//     assign, is kept in a local p instead: p = e * a before the loop and
//     p += e * c after each turn, when c is a constant with |c| < 2**31
//     and |e|, |a| and |b| are at most 2**31. Then every k lies between a
//     and b, so every product (and p after the last turn, e * (b' + c)
//     with |b' + c| < 2**32) is below 2**63 in magnitude: the additions
//     are exact, p always equals e * k, and the multiplication it replaces
//     could not have overflowed. A multiplication per turn becomes an
//     addition (the nested-loop kernel's i * j ran 12% faster).
//
//   - Divisions. start >= 0, stop <= B and x <u B for int locals x that
//     the loop reads and does not assign, when under those facts some
//     int // or % of the body has both operands in [0, 2**53) and can be
//     computed through f64 (fdiv.go: fdivPlan chooses B).

// The bounds of accumulators (see loopAccumulators): the fast copy runs
// when each one's magnitude is at most accEntry, and each of its
// additions adds at most accStep in magnitude, at most accCount of them
// a turn, for at most 2**32 turns (start and stop are at most 2**31 in
// magnitude): so the accumulator stays within accBound, and adding
// accStep to it cannot overflow.
const (
	accEntry = 1 << 61
	accStep  = 1 << 27
	accCount = 8
	accBound = accEntry + (1<<32)*accCount*accStep // 3 * 2**61
)

// loopAccumulators returns the int locals of the innermost range loop s
// (constant step) that the loop changes only by statements a = a + e,
// a = e + a, a = a - e, a += e or a -= e, at most accCount of them, where
// e does not read a and its interval lies within [-accStep, accStep].
// In the fast copy, such an accumulator a is known to lie within
// [-accBound, accBound], so its additions need no overflow check (the
// nested-loop kernel's s = s + (i * j) % 7 ran 7% faster).
func (fg *fgen) loopAccumulators(s *ast.For, step int64) []string {
	if !fg.magnitudeLoop(s, step) {
		return nil
	}
	count := map[string]int{}
	bad := map[string]bool{}
	var order []string
	note := func(name string, e ast.Expr, ok bool) {
		if _, seen := count[name]; !seen {
			order = append(order, name)
		}
		count[name]++
		if !ok || e == nil || mentions(e, name) {
			bad[name] = true
			return
		}
		if r := fg.RangeOf(e); r.Lo < -accStep || r.Hi > accStep {
			bad[name] = true
		}
	}
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Assign:
			id, ok := n.Target.(*ast.Ident)
			if !ok {
				return true
			}
			b, isBin := n.Value.(*ast.Binary)
			var e ast.Expr
			if isBin && (b.Op == ast.OpAdd || b.Op == ast.OpSub) {
				if x, ok := b.X.(*ast.Ident); ok && x.Name == id.Name {
					e = b.Y
				} else if y, ok := b.Y.(*ast.Ident); ok && y.Name == id.Name && b.Op == ast.OpAdd {
					e = b.X
				}
			}
			note(id.Name, e, e != nil)
		case *ast.AugAssign:
			if id, ok := n.Target.(*ast.Ident); ok {
				note(id.Name, n.Value, n.Op == ast.OpAdd || n.Op == ast.OpSub)
			}
		case *ast.For:
			if n.Target != nil {
				note(n.Var().Name, nil, false)
			}
		}
		return true
	})
	var out []string
	for _, name := range order {
		if bad[name] || count[name] > accCount || name == s.Var().Name {
			continue
		}
		if _, local := fg.local[name]; !local || fg.LocalType(name).Kind != check.Int {
			continue
		}
		if _, fact := fg.Fact(name); fact {
			continue
		}
		out = append(out, name)
	}
	return out
}

// mentions reports whether e reads the name.
func mentions(e ast.Expr, name string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// advance is one addition made after each turn of a loop's fast copy:
// product += by.
type advance struct{ product, by uint32 }

// versioned emits the range loop s (emitLoop generates it; args are the
// range's arguments, the local cur holds its start before it runs and
// stop its end, step is its constant step or 0) in two versions when
// some of its checks can be proved useless, else once.
func (fg *fgen) versioned(s *ast.For, args []ast.Expr, cur, stop uint32, step int64, emitLoop func()) {
	lists := fg.provableLists(s, args)
	products := fg.loopProducts(s, step)
	rows := fg.rowAccesses(s, lists)
	accs := fg.loopAccumulators(s, step)
	div := fg.fdivPlan(s, args) // fdiv.go
	if len(lists) == 0 && len(products) == 0 && len(accs) == 0 && div == nil {
		emitLoop()
		return
	}
	for _, name := range rowLists(rows) {
		fg.scanRows(name, cur, stop)
	}
	for i, name := range lists {
		fg.Bin(wasmbin.OpI64LeS, stop, fg.loops.cache[name].len)
		if i > 0 {
			fg.Emit(wasmbin.OpI32And)
		}
	}
	for _, r := range rows {
		c := fg.loops.cache[r.list]
		fg.Bin(wasmbin.OpI64GeS, cur, c.rowsFrom)
		fg.Emit(wasmbin.OpI32And)
		fg.Bin(wasmbin.OpI64LeS, stop, c.rowsDone)
		fg.Emit(wasmbin.OpI32And)
		fg.Bin(wasmbin.OpI64LtU, fg.local[r.index], c.rowsMin)
		fg.Emit(wasmbin.OpI32And)
	}
	factors := productFactors(products, s.Var().Name)
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
			fg.magnitude(fg.local[name], fg.rangeOfName(name))
			fg.Emit(wasmbin.OpI64Or)
		}
		fg.I64(1 << 31)
		fg.Emit(wasmbin.OpI64LeU)
		if len(lists) > 0 {
			fg.Emit(wasmbin.OpI32And)
		}
	}
	if len(accs) > 0 {
		for i, name := range accs {
			fg.magnitude(fg.local[name], plan.FullRange)
			if i > 0 {
				fg.Emit(wasmbin.OpI64Or)
			}
		}
		fg.I64(accEntry)
		fg.Emit(wasmbin.OpI64LeU)
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
		fg.loops.provenRows[r.row] = r.index
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
		fg.loops.reduced[p] = byFactor[factorOf(p, s.Var().Name)].product
	}
	gen := emitLoop
	if div != nil {
		gen = fg.fdivFacts(div, gen)
	}
	for _, name := range accs {
		inner := gen
		gen = func() { fg.WithFact(name, plan.Interval{Lo: -accBound, Hi: accBound}, inner) }
	}
	gen()
	for _, a := range fg.loops.advances {
		fg.Release(wasmbin.I64, a.product, a.by)
	}
	fg.loops.reduced, fg.loops.advances, fg.loops.provenRows = nil, nil, nil
	fg.loops.proven = old
	fg.Emit(wasmbin.OpElse)
	emitLoop()
	fg.End()
}

// A rowAccess is an access L[k][j] of a versioned loop over k: row is the
// expression L[k], list L's name and index j's.
type rowAccess struct {
	row   *ast.Index
	list  string
	index string
}

// rowAccesses returns the accesses L[k][j] of the innermost loop s (over
// k) whose bounds the row lengths cached by hoistLists can prove: L is
// among lists (L[k] is in bounds in the fast copy), its rows are stable,
// j is an int local other than k that the loop does not assign, and the
// loop has no break or return, so that it visits every row it scans.
func (fg *fgen) rowAccesses(s *ast.For, lists []string) []rowAccess {
	if len(lists) == 0 {
		return nil
	}
	k := s.Var().Name
	loop := fg.LoopOf(s)
	if loop.Leaves {
		return nil
	}
	var out []rowAccess
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		if n, ok := n.(*ast.Index); ok {
			row, ok := n.X.(*ast.Index)
			j, okJ := n.Index.(*ast.Ident)
			if !ok || !okJ || j.Name == k || loop.Assigned[j.Name] {
				return true
			}
			l, okL := row.X.(*ast.Ident)
			kk, okK := row.Index.(*ast.Ident)
			if !okL || !okK || kk.Name != k || !fg.loops.cache[l.Name].rows || !slices.Contains(lists, l.Name) {
				return true
			}
			if _, local := fg.local[j.Name]; !local || fg.LocalType(j.Name).Kind != check.Int {
				return true
			}
			out = append(out, rowAccess{row: row, list: l.Name, index: j.Name})
		}
		return true
	})
	return out
}

// rowLists returns the distinct lists of rows, in order.
func rowLists(rows []rowAccess) []string {
	var out []string
	for _, r := range rows {
		if !slices.Contains(out, r.list) {
			out = append(out, r.list)
		}
	}
	return out
}

// scanRows extends the smallest row length cached for the list of lists
// name to the rows below stop, when the loop about to run covers them:
// stop <= len(L) (the rows exist) and rowsFrom <= start <= rowsDone (the
// rows scanned are rows the loop visits, so the scan costs at most one
// step per turn of the loop; a loop that starts elsewhere leaves the
// cache as it is and runs its checked copy). Before the first scan, the
// cache starts at the loop's start.
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
	n := fg.Temp(wasmbin.I64)
	fg.Bin(wasmbin.OpI32WrapI64, c.data, c.rowsDone)
	fg.slotAddr(widthOf(check.List))
	fg.load(check.List, 0)
	fg.EmitImm(wasmbin.OpI32Load, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Tee(n)
	fg.Get(c.rowsMin)
	fg.Bin(wasmbin.OpI64LtS, n, c.rowsMin)
	fg.Emit(wasmbin.OpSelect)
	fg.Set(c.rowsMin)
	fg.Release(wasmbin.I64, n)
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

// rangeOfName returns the interval of the int local name.
func (fg *fgen) rangeOfName(name string) plan.Interval {
	if r, ok := fg.Fact(name); ok {
		return r
	}
	return plan.FullRange
}

// provableLists returns the hoisted lists that the innermost range loop s
// indexes by its own variable, when its start is known to be >= 0 and the
// variable is assigned by range loops only.
func (fg *fgen) provableLists(s *ast.For, args []ast.Expr) []string {
	if !fg.g.on(PassVersion) || s.Target == nil {
		return nil
	}
	k := s.Var().Name
	if _, ok := fg.Fact(k); !ok {
		return nil
	}
	if len(args) > 1 && !fg.RangeOf(args[0]).NonNeg() {
		return nil
	}
	var lists []string
	seen := map[string]bool{}
	if !fg.LoopOf(s).Innermost {
		return nil
	}
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		if n, ok := n.(*ast.Index); ok {
			x, okX := n.X.(*ast.Ident)
			i, okI := n.Index.(*ast.Ident)
			if okX && okI && i.Name == k && !seen[x.Name] {
				if _, cached := fg.loops.cache[x.Name]; cached {
					seen[x.Name] = true
					lists = append(lists, x.Name)
				}
			}
		}
		return true
	})
	return lists
}

// loopProducts returns the products e * k and k * e of the innermost range
// loop s (variable k, constant step) that it can keep up to date by
// addition: k is assigned by range loops only, e is an int local other
// than k that the loop does not assign.
func (fg *fgen) loopProducts(s *ast.For, step int64) []*ast.Binary {
	if !fg.magnitudeLoop(s, step) {
		return nil
	}
	k := s.Var().Name
	if _, ok := fg.Fact(k); !ok {
		return nil
	}
	assigned := fg.LoopOf(s).Assigned
	var out []*ast.Binary
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		b, ok := n.(*ast.Binary)
		if !ok || b.Op != ast.OpMul || fg.typeOf(b).Kind != check.Int {
			return true
		}
		e := factorOf(b, k)
		if e == "" || assigned[e] {
			return true
		}
		if _, local := fg.local[e]; !local || fg.LocalType(e).Kind != check.Int {
			return true
		}
		out = append(out, b)
		return false
	})
	return out
}

// factorOf returns the name e of a product e * k or k * e, or "".
func factorOf(b *ast.Binary, k string) string {
	x, okX := b.X.(*ast.Ident)
	y, okY := b.Y.(*ast.Ident)
	switch {
	case !okX || !okY || x.Name == y.Name:
		return ""
	case y.Name == k:
		return x.Name
	case x.Name == k:
		return y.Name
	}
	return ""
}

// magnitudeLoop reports whether the range loop s, of constant step, may
// have a fast copy behind the magnitude test (products, accumulators): an
// innermost loop with a positive step below 2**31, when optimizing.
func (fg *fgen) magnitudeLoop(s *ast.For, step int64) bool {
	return fg.g.on(PassVersion) && s.Target != nil && step > 0 && step < 1<<31 && fg.LoopOf(s).Innermost
}

// productFactors returns the distinct factors e of products (of the loop
// variable k), in order of first use.
func productFactors(products []*ast.Binary, k string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range products {
		if e := factorOf(p, k); !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
