package plan

import (
	"slices"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Pointer induction variables (pass ivptr). In the fast copy of a
// versioned loop `for k in range(a, b, c)` (version.go), every access
// L[k] to a proven list L is in bounds, and its address is
// data(L) + (k << w), w the log2 of L's slot size: recomputed from k at
// each turn, since Cranelift does not strength-reduce. When k is read
// only by such accesses, the loop can run on the addresses themselves
// (core/wasmgen/ivptr.go emits it): one i32 pointer per list, advanced by
// c << w each turn, the first of which also ends the loop; k itself is
// given its last value once, when the loop ends.
//
// Proof. In the fast copy a >= 0, b <= len(L) <= 2**28 for every proven
// L, and c > 0. Every visited k is below b, so each pointer
// data(L) + (k << w) is the true address of an element, below 2**32: the
// pointers are exact while the loop runs. The loop runs in chunks of n
// turns, n at most ChunkIterations, and left = ceil((b - a) / c) in all
// (one division, before the loop); a chunk ends when the first pointer
// equals p + n * (c << w) modulo 2**32, the pointer after n turns,
// whatever wraps past 2**32 beyond the last element (and whatever c << w
// is modulo 2**32 when c >= 2**28: then the loop makes one turn, since
// a + c >= 2**28 >= b). It does not equal it earlier: for 0 < m < n,
// m * c < b - a <= 2**28, so m * (c << w) < 2**31 is not a multiple of
// 2**32. k, which nothing in the body reads, is given its last value,
// a + (left - 1) * c <= b - 1, before the loop, and only when the loop
// runs (a trap or an interruption in the loop abandons the call).

// The loop variable must therefore be read in the body only as the index
// of an access L[k] that is a load or the target of a plain assignment
// (x[k] op= v reads k for its two checks), or inside a product e * k that
// the fast copy keeps up to date by addition (the reduced products): it
// holds no value in the loop. The loop must not be left by break or
// return (the counter would not be exact there), nor assign k.

// PointerLists returns the lists of proven (in order) that the fast copy
// of the innermost range loop s addresses through pointers, or nil when
// the loop cannot run on them (see above). reduced reports the products
// the fast copy keeps in locals.
func (rg *Func) PointerLists(s *ast.For, proven []string, reduced func(*ast.Binary) bool) []string {
	if !rg.Passes.Has(PassIVPtr) || s.Target == nil || len(proven) == 0 {
		return nil
	}
	k := s.Var().Name
	loop := rg.LoopOf(s)
	if loop.Leaves || loop.Assigned[k] || !loop.Innermost {
		return nil
	}
	allowed := map[*ast.Ident]bool{}
	augTargets := map[ast.Expr]bool{}
	used := map[string]bool{}
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AugAssign:
			augTargets[n.Target] = true
		case *ast.Binary:
			if reduced(n) {
				for _, e := range []ast.Expr{n.X, n.Y} {
					if id, ok := e.(*ast.Ident); ok && id.Name == k {
						allowed[id] = true
					}
				}
			}
		case *ast.Index:
			x := ListKey(n.X) // a list local, or a row L[i] (rowhoist.go)
			i, okI := n.Index.(*ast.Ident)
			if x != "" && okI && i.Name == k && slices.Contains(proven, x) && !augTargets[n] {
				allowed[i] = true
				used[x] = true
			}
		}
		return true
	})
	ok := true
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && id.Name == k && !allowed[id] {
			ok = false
		}
		return ok
	})
	if !ok {
		return nil
	}
	var out []string
	for _, name := range proven {
		if used[name] {
			out = append(out, name)
		}
	}
	return out
}
