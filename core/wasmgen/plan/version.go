package plan

import (
	"slices"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Loop versioning. An innermost loop `for k in range(a, b, c)` with a
// positive step may be emitted twice (core/wasmgen/version.go), behind one test made
// before it: a
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
//     computed through f64 (fdiv.go: FDivPlan chooses B).

// The bounds of accumulators (see LoopAccumulators): the fast copy runs
// when each one's magnitude is at most AccEntry, and each of its
// additions adds at most AccStep in magnitude, at most AccCount of them
// a turn, for at most 2**32 turns (start and stop are at most 2**31 in
// magnitude): so the accumulator stays within AccBound, and adding
// AccStep to it cannot overflow.
const (
	AccEntry = 1 << 61
	AccStep  = 1 << 27
	AccCount = 8
	AccBound = AccEntry + (1<<32)*AccCount*AccStep // 3 * 2**61
)

// LoopAccumulators returns the int locals of the innermost range loop s
// (constant step) that the loop changes only by statements a = a + e,
// a = e + a, a = a - e, a += e or a -= e, at most AccCount of them, where
// e does not read a and its interval lies within [-AccStep, AccStep].
// In the fast copy, such an accumulator a is known to lie within
// [-AccBound, AccBound], so its additions need no overflow check (the
// nested-loop kernel's s = s + (i * j) % 7 ran 7% faster).
func (rg *Func) LoopAccumulators(s *ast.For, step int64) []string {
	if !rg.MagnitudeLoop(s, step) {
		return nil
	}
	return rg.accumulators(s.Body, s.Var().Name)
}

// addedTerms returns the terms e1, ..., ek of a value a + e1 - e2 ... ek
// (a chain of + and - whose leftmost operand is the name a), or [e] for e
// + a; nil for any other value. Each term is one addition to a: in the
// fast copy, where a lies within AccBound, every partial sum stays
// within AccBound + AccCount*AccStep < 2**63.
func addedTerms(v ast.Expr, a string) []ast.Expr {
	b, ok := v.(*ast.Binary)
	if !ok || (b.Op != ast.OpAdd && b.Op != ast.OpSub) {
		return nil
	}
	if y, ok := b.Y.(*ast.Ident); ok && y.Name == a && b.Op == ast.OpAdd {
		if x, ok := b.X.(*ast.Ident); !ok || x.Name != a {
			return []ast.Expr{b.X}
		}
	}
	if x, ok := b.X.(*ast.Ident); ok && x.Name == a {
		return []ast.Expr{b.Y}
	}
	if left := addedTerms(b.X, a); left != nil {
		return append(left, b.Y)
	}
	return nil
}

// ListAccumulators returns the accumulators (as LoopAccumulators defines
// them) of the innermost loop `for x in lst` s that reads the length of
// lst once (StableListLoop): it runs at most rt.MaxLen < 2**32 turns, so
// the bound AccBound holds in its fast copy with no test of its start
// and stop.
func (rg *Func) ListAccumulators(s *ast.For) []string {
	if !rg.Passes.Has(PassVersion) || !rg.StableListLoop(s) || !rg.LoopOf(s).Innermost {
		return nil
	}
	name := ""
	if v := s.Var(); v != nil {
		name = v.Name
	}
	return rg.accumulators(s.Body, name)
}

// accumulators returns the accumulators of an innermost loop whose body
// is body, leaving out its variable or counter loopVar.
func (rg *Func) accumulators(body []ast.Stmt, loopVar string) []string {
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
		if r := rg.RangeOf(e); r.Lo < -AccStep || r.Hi > AccStep {
			bad[name] = true
		}
	}
	ast.InspectStmts(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Assign:
			id, ok := n.Target.(*ast.Ident)
			if !ok {
				return true
			}
			terms := addedTerms(n.Value, id.Name)
			if len(terms) == 0 {
				note(id.Name, nil, false)
			}
			for _, e := range terms {
				note(id.Name, e, true) // one addition each
			}
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
		if bad[name] || count[name] > AccCount || name == loopVar {
			continue
		}
		if _, local := rg.LocalTypes()[name]; !local || rg.LocalType(name).Kind != check.Int {
			continue
		}
		if r, fact := rg.Fact(name); fact && r.Lo >= -AccBound && r.Hi <= AccBound {
			continue // its additions need no more than it knows already
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

// A RowAccess is an access L[k][j] of a versioned loop over k: Row is the
// expression L[k], List L's name and Index j's.
type RowAccess struct {
	Row   *ast.Index
	List  string
	Index string
}

// RowAccesses returns the accesses L[k][j] of the innermost loop s (over
// k) whose bounds the row lengths that lowering caches can prove (those
// of the lists for which rowsCached holds): L is
// among lists (L[k] is in bounds in the fast copy), its rows are stable,
// j is an int local other than k that the loop does not assign, and the
// loop has no break or return, so that it visits every row it scans.
func (rg *Func) RowAccesses(s *ast.For, lists []string, rowsCached func(list string) bool) []RowAccess {
	if len(lists) == 0 {
		return nil
	}
	k := s.Var().Name
	loop := rg.LoopOf(s)
	if loop.Leaves {
		return nil
	}
	var out []RowAccess
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		if n, ok := n.(*ast.Index); ok {
			row, ok := n.X.(*ast.Index)
			j, okJ := n.Index.(*ast.Ident)
			if !ok || !okJ || j.Name == k || loop.Assigned[j.Name] {
				return true
			}
			l, okL := row.X.(*ast.Ident)
			kk, okK := row.Index.(*ast.Ident)
			if !okL || !okK || kk.Name != k || !rowsCached(l.Name) || !slices.Contains(lists, l.Name) {
				return true
			}
			if _, local := rg.LocalTypes()[j.Name]; !local || rg.LocalType(j.Name).Kind != check.Int {
				return true
			}
			out = append(out, RowAccess{Row: row, List: l.Name, Index: j.Name})
		}
		return true
	})
	return out
}

// RowLists returns the distinct lists of rows, in order.
func RowLists(rows []RowAccess) []string {
	var out []string
	for _, r := range rows {
		if !slices.Contains(out, r.List) {
			out = append(out, r.List)
		}
	}
	return out
}

// RangeOfName returns the interval of the int local name.
func (rg *Func) RangeOfName(name string) Interval {
	if r, ok := rg.Fact(name); ok {
		return r
	}
	return FullRange
}

// VersionableLoop reports whether the innermost range loop s (with the
// range's arguments args) can have a fast copy that proves accesses in
// bounds: the pass is on, its variable is assigned by range loops only
// and its start is known to be >= 0.
func (rg *Func) VersionableLoop(s *ast.For, args []ast.Expr) bool {
	if !rg.Passes.Has(PassVersion) || s.Target == nil || !rg.LoopOf(s).Innermost {
		return false
	}
	if _, ok := rg.Fact(s.Var().Name); !ok {
		return false
	}
	return len(args) <= 1 || rg.RangeOf(args[0]).NonNeg()
}

// ProvableLists returns the hoisted lists (those for which hoisted
// holds) that the innermost range loop s indexes by its own variable,
// when it is versionable (VersionableLoop): list locals by name, and
// rows L[i] by their RowKey when the generator holds them (rowhoist.go).
func (rg *Func) ProvableLists(s *ast.For, args []ast.Expr, hoisted func(list string) bool) []string {
	if !rg.VersionableLoop(s, args) {
		return nil
	}
	k := s.Var().Name
	var lists []string
	seen := map[string]bool{}
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		if n, ok := n.(*ast.Index); ok {
			x := ListKey(n.X)
			i, okI := n.Index.(*ast.Ident)
			if x != "" && okI && i.Name == k && !seen[x] && hoisted(x) {
				seen[x] = true
				lists = append(lists, x)
			}
		}
		return true
	})
	return lists
}

// LoopProducts returns the products e * k and k * e of the innermost range
// loop s (variable k, constant step) that it can keep up to date by
// addition: k is assigned by range loops only, e is an int local other
// than k that the loop does not assign.
func (rg *Func) LoopProducts(s *ast.For, step int64) []*ast.Binary {
	if !rg.MagnitudeLoop(s, step) {
		return nil
	}
	k := s.Var().Name
	if _, ok := rg.Fact(k); !ok {
		return nil
	}
	assigned := rg.LoopOf(s).Assigned
	var out []*ast.Binary
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		b, ok := n.(*ast.Binary)
		if !ok || b.Op != ast.OpMul || rg.typeOf(b).Kind != check.Int {
			return true
		}
		e := FactorOf(b, k)
		if e == "" || assigned[e] {
			return true
		}
		if _, local := rg.LocalTypes()[e]; !local || rg.LocalType(e).Kind != check.Int {
			return true
		}
		out = append(out, b)
		return false
	})
	return out
}

// FactorOf returns the name e of a product e * k or k * e, or "".
func FactorOf(b *ast.Binary, k string) string {
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

// MagnitudeLoop reports whether the range loop s, of constant step, may
// have a fast copy behind the magnitude test (products, accumulators): an
// innermost loop with a positive step below 2**31, when optimizing.
func (rg *Func) MagnitudeLoop(s *ast.For, step int64) bool {
	return rg.Passes.Has(PassVersion) && s.Target != nil && step > 0 && step < 1<<31 && rg.LoopOf(s).Innermost
}

// ProductFactors returns the distinct factors e of products (of the loop
// variable k), in order of first use.
func ProductFactors(products []*ast.Binary, k string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range products {
		if e := FactorOf(p, k); !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
