package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Row data tables (pass rowdata). In the fast copy of a versioned loop
// over k (version.go), an access L[k][j] to a row of a list of lists L
// loads L's slot k (the row's header), the row's data pointer from that
// header, then the element: three dependent loads where C's double**
// makes two. In a matrix product's inner loop, s = s + a[k] * b[k][j],
// the extra load cost 17% of the time (6.3 ms against 5.2 with the data
// pointer taken from a table, measured on the module edited by hand).
//
// So while a loop that hoists the header of L (hoist.go) runs, the
// generator (core/wasmgen/rowdata.go) keeps a table T of len(L) 8-byte
// slots, allocated from the arena when the header is hoisted: the scan
// that finds the smallest length of the rows [rowsFrom, rowsDone)
// before a versioned loop (core/wasmgen/version.go, scanRows) also stores
// each scanned row's data pointer in its slot, T[k] = data(L[k]). The
// fast copy reads L[k][j] at T[k] + (j << w): the address of T[k] is
// computed from k like the address of L[k] (or from the pointer of
// ivptr.go, T and L having slots of the same width), and the row's
// header is not read.
//
// Proof. The table exists only for a list L whose header the loop
// hoists, in a loop whose rows are stable (LoopInfo.RowsStable): the loop
// writes no header (hoist.go's proof: no append, pop or compiled call)
// and stores no element into a list of lists, so L[k] is the same row,
// with the same data pointer, for the whole loop, and each T[k], stored
// during the loop from L[k]'s header, stays that row's data pointer. The
// fast copy runs only when start >= rowsFrom and stop <= rowsDone (its
// test, which also proves the row accesses in bounds), so every k it
// visits has its slot stored; rowsDone <= len(L), so the scan stores
// inside T. T takes len(L) * 8 bytes, len(L) <= 2**28: where the arena
// cannot grow, the allocation traps with ErrMemory and the call re-runs
// in Python. When the loop ends and nothing was allocated after T, the
// arena takes T back, so a loop nest run many times uses one table's
// memory, not one per run; the loop must hold no return, which would
// leave it without giving the table back.

// RowTable reports whether the loop s, which hoists the header of the
// list of lists name, keeps a table of its rows' data pointers (see
// above): the pass is on, the loop's rows are stable, it holds no return
// and an innermost range loop in it, over k, reads an element name[k][j]
// with j a name: the form whose fast copy reads the table
// (RowAccesses).
func (rg *Func) RowTable(s ast.Stmt, name string) bool {
	if !rg.Passes.Has(PassRowData) || !rg.Passes.Has(PassVersion) || !rg.LoopOf(s).RowsStable {
		return false
	}
	if t, ok := rg.LocalTypes()[name]; !ok || t.Kind != check.List || t.Elem.Kind != check.List {
		return false
	}
	found, returns := false, false
	ast.InspectStmts(rg.LoopOf(s).Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Return:
			returns = true
		case *ast.For:
			if n.Var() != nil && rg.LoopOf(n).Innermost && readsColumn(n.Body, name, n.Var().Name) {
				found = true
			}
		}
		return !returns
	})
	return found && !returns
}

// readsColumn reports whether body reads an element name[k][j], j a name.
func readsColumn(body []ast.Stmt, name, k string) bool {
	found := false
	ast.InspectStmts(body, func(n ast.Node) bool {
		if e, ok := n.(*ast.Index); ok && !found {
			row, okRow := e.X.(*ast.Index)
			_, okJ := e.Index.(*ast.Ident)
			if okRow && okJ {
				l, okL := row.X.(*ast.Ident)
				kk, okK := row.Index.(*ast.Ident)
				found = okL && okK && l.Name == name && kk.Name == k
			}
		}
		return !found
	})
	return found
}
