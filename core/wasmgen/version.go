package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
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
	if len(lists) == 0 && len(products) == 0 {
		emitLoop()
		return
	}
	for i, name := range lists {
		fg.get(stop)
		fg.get(fg.cache[name].len)
		fg.emit(OpI64LeS)
		if i > 0 {
			fg.emit(OpI32And)
		}
	}
	factors := productFactors(products, s.Target.Name)
	if len(products) > 0 {
		// (|a| | |b| | |e|...) <= 2**31, with |x| taken as x ^ (x >> 63),
		// which is |x| - 1 for a negative x, where the sign may be negative
		startR, stopR := interval{0, 0}, fg.rangeOf(args[0])
		if len(args) > 1 {
			startR, stopR = stopR, fg.rangeOf(args[1])
		}
		fg.magnitude(cur, startR)
		fg.magnitude(stop, stopR)
		fg.emit(OpI64Or)
		for _, name := range factors {
			fg.magnitude(fg.local[name], fg.rangeOfName(name))
			fg.emit(OpI64Or)
		}
		fg.i64(1 << 31)
		fg.emit(OpI64LeU)
		if len(lists) > 0 {
			fg.emit(OpI32And)
		}
	}
	fg.begin(OpIf, BlockEmpty)
	old := fg.proven
	fg.proven = map[string]string{}
	for name, v := range old {
		fg.proven[name] = v
	}
	for _, name := range lists {
		fg.proven[name] = s.Target.Name
	}
	fg.reduced = map[*ast.Binary]uint32{}
	byFactor := map[string]advance{}
	for _, name := range factors {
		a := advance{product: fg.temp(I64), by: fg.temp(I64)}
		fg.get(fg.local[name])
		fg.get(cur)
		fg.emit(OpI64Mul)
		fg.set(a.product)
		fg.get(fg.local[name])
		fg.i64(step)
		fg.emit(OpI64Mul)
		fg.set(a.by)
		byFactor[name] = a
		fg.advances = append(fg.advances, a)
	}
	for _, p := range products {
		fg.reduced[p] = byFactor[factorOf(p, s.Target.Name)].product
	}
	emitLoop()
	for _, a := range fg.advances {
		fg.release(I64, a.product, a.by)
	}
	fg.reduced, fg.advances = nil, nil
	fg.proven = old
	fg.emit(OpElse)
	emitLoop()
	fg.end()
}

// magnitude pushes x ^ (x >> 63) for the i64 local x, or x itself when r
// shows it is >= 0.
func (fg *fgen) magnitude(x uint32, r interval) {
	fg.get(x)
	if r.nonNeg() {
		return
	}
	fg.get(x)
	fg.i64(63)
	fg.emit(OpI64ShrS)
	fg.emit(OpI64Xor)
}

// rangeOfName returns the interval of the int local name.
func (fg *fgen) rangeOfName(name string) interval {
	if r, ok := fg.facts[name]; ok {
		return r
	}
	return fullRange
}

// provableLists returns the hoisted lists that the innermost range loop s
// indexes by its own variable, when its start is known to be >= 0 and the
// variable is assigned by range loops only.
func (fg *fgen) provableLists(s *ast.For, args []ast.Expr) []string {
	if !fg.g.opt.Optimize || s.Target == nil {
		return nil
	}
	k := s.Target.Name
	if _, ok := fg.facts[k]; !ok {
		return nil
	}
	if len(args) > 1 && !fg.rangeOf(args[0]).nonNeg() {
		return nil
	}
	var lists []string
	seen := map[string]bool{}
	if !innermost(s) {
		return nil
	}
	for _, st := range s.Body {
		ast.Inspect(st, func(n ast.Node) bool {
			if n, ok := n.(*ast.Index); ok {
				x, okX := n.X.(*ast.Ident)
				i, okI := n.Index.(*ast.Ident)
				if okX && okI && i.Name == k && !seen[x.Name] {
					if _, cached := fg.cache[x.Name]; cached {
						seen[x.Name] = true
						lists = append(lists, x.Name)
					}
				}
			}
			return true
		})
	}
	return lists
}

// innermost reports whether the loop s holds no loop.
func innermost(s *ast.For) bool {
	inner := false
	for _, st := range s.Body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.For, *ast.While:
				inner = true
			}
			return !inner
		})
	}
	return !inner
}

// loopProducts returns the products e * k and k * e of the innermost range
// loop s (variable k, constant step) that it can keep up to date by
// addition: k is assigned by range loops only, e is an int local other
// than k that the loop does not assign.
func (fg *fgen) loopProducts(s *ast.For, step int64) []*ast.Binary {
	if !fg.g.opt.Optimize || s.Target == nil || step <= 0 || step >= 1<<31 || !innermost(s) {
		return nil
	}
	k := s.Target.Name
	if _, ok := fg.facts[k]; !ok {
		return nil
	}
	assigned := assignedNames(s.Body)
	var out []*ast.Binary
	for _, st := range s.Body {
		ast.Inspect(st, func(n ast.Node) bool {
			b, ok := n.(*ast.Binary)
			if !ok || b.Op != ast.OpMul || fg.typeOf(b).Kind != check.Int {
				return true
			}
			e := factorOf(b, k)
			if e == "" || assigned[e] {
				return true
			}
			if _, local := fg.local[e]; !local || fg.localType(e).Kind != check.Int {
				return true
			}
			out = append(out, b)
			return false
		})
	}
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

// assignedNames returns the names that statements ss assign (targets of
// =, op= and for).
func assignedNames(ss []ast.Stmt) map[string]bool {
	out := map[string]bool{}
	for _, st := range ss {
		ast.Inspect(st, func(n ast.Node) bool {
			var tg ast.Expr
			switch n := n.(type) {
			case *ast.Assign:
				tg = n.Target
			case *ast.AugAssign:
				tg = n.Target
			case *ast.For:
				if n.Target != nil {
					tg = n.Target
				}
			}
			if id, ok := tg.(*ast.Ident); ok {
				out[id.Name] = true
			}
			return true
		})
	}
	return out
}
