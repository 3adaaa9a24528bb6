package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Row data tables (pass rowdata): plan/rowdata.go has the conditions and
// the proof. hoistLists allocates the table of a list of lists, scanRows
// (version.go) fills it, and the fast copy of a versioned loop reads each
// proven row L[k][j] through it.

// rowTable holds the locals of a table's arena block: mark, the arena's
// next free byte before the table was allocated, and end, after it.
type rowTable struct{ mark, end uint32 }

// newRowTable allocates the table of the hoisted list of lists c (len(L)
// 8-byte slots) into c.tab.
func (fg *fgen) newRowTable(c cachedList) rowTable {
	heap := fg.g.rt.HeapGlobal()
	t := rowTable{mark: fg.Temp(wasmbin.I32), end: fg.Temp(wasmbin.I32)}
	fg.EmitImm(wasmbin.OpGlobalGet, int64(heap))
	fg.Set(t.mark)
	fg.Get(c.len)
	fg.I64(int64(widthOf(check.List)))
	fg.Emit(wasmbin.OpI64Shl)
	fg.Call(fg.g.rt.NewBytes())
	fg.Set(c.tab)
	fg.EmitImm(wasmbin.OpGlobalGet, int64(heap))
	fg.Set(t.end)
	return t
}

// freeRowTable gives the table's block back to the arena when nothing was
// allocated after it, and frees t's locals.
func (fg *fgen) freeRowTable(t rowTable) {
	heap := fg.g.rt.HeapGlobal()
	fg.EmitImm(wasmbin.OpGlobalGet, int64(heap))
	fg.Get(t.end)
	fg.Emit(wasmbin.OpI32Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(t.mark)
	fg.EmitImm(wasmbin.OpGlobalSet, int64(heap))
	fg.End()
	fg.Release(wasmbin.I32, t.mark, t.end)
}

// storeRowData stores the data pointer of the row whose header address
// is in the local row into slot i (an i64 local) of c's table.
func (fg *fgen) storeRowData(c cachedList, i, row uint32) {
	fg.Bin(wasmbin.OpI32WrapI64, c.tab, i)
	fg.slotAddr(widthOf(check.List))
	fg.Load(wasmbin.OpI32Load, row, abi.ListDataOffset)
	fg.EmitImm(wasmbin.OpI32Store, 0)
}

// rowSlot leaves the address of x[i] when x is a row L[k] whose accesses
// x[i] the fast copy being generated proves in bounds and L keeps a
// table: T[k] + (i << w), without reading the row's header. It reports
// whether it did.
func (fg *fgen) rowSlot(x, i ast.Expr) bool {
	row, ok := x.(*ast.Index)
	if !ok || fg.loops.provenRows[row] == "" {
		return false
	}
	j, okJ := i.(*ast.Ident)
	l, okL := row.X.(*ast.Ident)
	k, okK := row.Index.(*ast.Ident)
	if !okJ || !okL || !okK || j.Name != fg.loops.provenRows[row] {
		return false
	}
	c := fg.loops.cache[l.Name]
	if !c.table {
		return false
	}
	fg.g.rt.UseHeap()
	if !fg.ivTableSlot(l.Name, k.Name) { // ivptr.go
		fg.Bin(wasmbin.OpI32WrapI64, c.tab, fg.local[k.Name])
		fg.slotAddr(widthOf(check.List))
	}
	fg.EmitImm(wasmbin.OpI32Load, 0)
	fg.Get(fg.local[j.Name])
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.slotAddr(widthOf(fg.typeOf(x).Elem.Kind))
	return true
}
