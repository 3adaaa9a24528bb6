package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Invariant rows (pass rowhoist): plan/rowhoist.go has the conditions and
// the proof. Before the test of a versioned loop, each row L[i] it reads
// as L[i][k] gets its length and data pointer in locals, cached under its
// key like a hoisted list's header, so that ProvableLists proves it and
// the fast copy (and its pointers) address it like a list local.

// loadRows loads the length and data pointer of each row into fresh
// locals (the length -1 when i is not an index of L, which fails the
// fast copy's test) and caches them under the row's key; the returned
// function forgets them, before the usual copy is generated, and frees
// the locals. It may be called more than once.
func (fg *fgen) loadRows(rows []plan.InvariantRow) func() {
	if len(rows) == 0 {
		return func() {}
	}
	if fg.loops.rows == nil {
		fg.loops.rows = map[string]plan.InvariantRow{}
	}
	row := fg.Temp(wasmbin.I32)
	for _, r := range rows {
		l := fg.loops.cache[r.List]
		c := cachedList{len: fg.Temp(wasmbin.I64), data: fg.Temp(wasmbin.I32)}
		// if 0 <= i < len(L): the row's header, else len -1
		fg.Bin(wasmbin.OpI64LtU, fg.local[r.Index], l.len)
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.Bin(wasmbin.OpI32WrapI64, l.data, fg.local[r.Index])
		fg.slotAddr(widthOf(check.List))
		fg.load(check.List, 0)
		fg.Tee(row)
		fg.EmitImm(wasmbin.OpI32Load, abi.ListLenOffset)
		fg.Emit(wasmbin.OpI64ExtendI32U)
		fg.Set(c.len)
		fg.Load(wasmbin.OpI32Load, row, abi.ListDataOffset)
		fg.Set(c.data)
		fg.Emit(wasmbin.OpElse)
		fg.I64(-1)
		fg.Set(c.len)
		fg.I32(0)
		fg.Set(c.data)
		fg.End()
		fg.loops.cache[r.Key] = c
		fg.loops.rows[r.Key] = r
	}
	fg.Release(wasmbin.I32, row)
	done := false
	return func() {
		if done {
			return
		}
		done = true
		for _, r := range rows {
			c := fg.loops.cache[r.Key]
			delete(fg.loops.cache, r.Key)
			delete(fg.loops.rows, r.Key)
			fg.Release(wasmbin.I64, c.len)
			fg.Release(wasmbin.I32, c.data)
		}
	}
}
