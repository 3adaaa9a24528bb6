package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Loop-invariant list headers: plan/hoist.go has the analysis
// (InvariantLists) and its proof; this file loads the headers before a
// loop and serves the accesses from them.

// cachedList holds the locals with the hoisted length (i64) and data
// pointer (i32) of a list local; for a list of lists whose rows the loop
// cannot change either, rows is set and the local rowsMin holds the
// smallest length of its rows [rowsFrom, rowsDone) (version.go); when
// table is also set, the local tab holds the address of the table of
// those rows' data pointers (rowdata.go).
type cachedList struct {
	len, data                   uint32
	rows                        bool
	rowsFrom, rowsDone, rowsMin uint32
	table                       bool
	tab                         uint32
}

// hoistLists loads the headers of the invariant lists of the loop s (a
// while or for loop) into locals and records them in fg.loops.cache; the
// returned function, called after the loop, forgets them and frees the
// locals.
func (fg *fgen) hoistLists(s ast.Stmt) func() {
	if !fg.g.on(PassHoist) {
		return func() {}
	}
	var added []string
	var tables []rowTable
	for _, name := range fg.InvariantOf(s) {
		if _, ok := fg.loops.cache[name]; ok {
			continue // an enclosing loop holds it already
		}
		fg.g.rt.UseHeap()
		c := cachedList{len: fg.Temp(wasmbin.I64), data: fg.Temp(wasmbin.I32)}
		l := fg.local[name]
		fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
		fg.Emit(wasmbin.OpI64ExtendI32U)
		fg.Set(c.len)
		fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		fg.Set(c.data)
		if fg.LocalType(name).Elem.Kind == check.List && fg.LoopOf(s).RowsStable {
			c.rows = true
			c.rowsFrom, c.rowsDone, c.rowsMin = fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
			fg.I64(0)
			fg.Tee(c.rowsFrom)
			fg.Set(c.rowsDone)
			fg.I64(math.MaxInt64)
			fg.Set(c.rowsMin)
			if fg.RowTable(s, name) {
				c.table, c.tab = true, fg.Temp(wasmbin.I32)
				tables = append(tables, fg.newRowTable(c))
			}
		}
		if fg.loops.cache == nil {
			fg.loops.cache = map[string]cachedList{}
		}
		fg.loops.cache[name] = c
		added = append(added, name)
	}
	return func() {
		for i := len(tables) - 1; i >= 0; i-- {
			fg.freeRowTable(tables[i])
		}
		for _, name := range added {
			c := fg.loops.cache[name]
			delete(fg.loops.cache, name)
			fg.Release(wasmbin.I64, c.len)
			fg.Release(wasmbin.I32, c.data)
			if c.rows {
				fg.Release(wasmbin.I64, c.rowsFrom, c.rowsDone, c.rowsMin)
			}
			if c.table {
				fg.Release(wasmbin.I32, c.tab)
			}
		}
	}
}

// cachedOf returns the hoisted header of e when e is a list local whose
// header the enclosing loops hold in locals, or a row L[i] whose header
// the fast copy being generated holds (rowhoist.go).
func (fg *fgen) cachedOf(e ast.Expr) (cachedList, bool) {
	key := plan.ListKey(e)
	if key == "" {
		return cachedList{}, false
	}
	c, ok := fg.loops.cache[key]
	return c, ok
}
