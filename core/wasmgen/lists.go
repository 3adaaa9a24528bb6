package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Lists live in linear memory (layout in abi.go): a list value is the i32
// address of its 16-byte header {len, cap, data}, and its elements are
// slots at data: one byte for a bool, eight bytes otherwise. Memory comes from a bump allocator over an arena
// that every exported call resets (see wrapExports), so nothing leaks
// across calls and no free list is needed: garbage lives until the call
// returns. Growth doubles the capacity and copies; the header stays put,
// so every alias of a list sees the change, as in Python.

// Globals of the allocator (after errGlobal).
const (
	heapGlobal   = 1 // next free byte
	argTopGlobal = 2 // end of the arguments the host allocated, or HeapBase
)

// maxListLen bounds the length of a list: 2**28 elements (2 GiB of slots).
// A longer list traps with ErrMemory before any size computation can wrap.
const maxListLen = 1 << 28

// useHeap adds the allocator's globals once.
func (g *gen) useHeap() {
	if g.heap {
		return
	}
	g.heap = true
	g.mod.Globals = append(g.mod.Globals,
		&wasmbin.Global{Name: "__ml_heap", Type: wasmbin.I32, Mutable: true, Init: abi.HeapBase},
		&wasmbin.Global{Name: "__ml_argtop", Type: wasmbin.I32, Mutable: true, Init: abi.HeapBase})
}

// genNew builds __ml_new(n i64) -> i32: n bytes, 8-aligned, from the arena;
// memory grows as needed and ErrMemory traps when it cannot.
func genNew(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"n"}
	const n = 0
	p, end := fg.Named(wasmbin.I32, "p"), fg.Named(wasmbin.I64, "end")
	fg.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	fg.I32(7)
	fg.Emit(wasmbin.OpI32Add)
	fg.I32(-8)
	fg.Emit(wasmbin.OpI32And)
	fg.Tee(p)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Get(n)
	fg.Emit(wasmbin.OpI64Add)
	fg.Tee(end)
	fg.I64(1 << 32)
	fg.Emit(wasmbin.OpI64GtU)
	fg.TrapIf(abi.ErrMemory)
	// pages missing: ceil(end / 65536) - memory.size
	fg.Get(end)
	fg.I64(65535)
	fg.Emit(wasmbin.OpI64Add)
	fg.I64(16)
	fg.Emit(wasmbin.OpI64ShrU)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.Emit(wasmbin.OpMemSize)
	fg.Emit(wasmbin.OpI32Sub)
	need := fg.Named(wasmbin.I32, "need")
	fg.Tee(need)
	fg.I32(0)
	fg.Emit(wasmbin.OpI32GtS)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(need)
	fg.Emit(wasmbin.OpMemGrow)
	fg.I32(-1)
	fg.Emit(wasmbin.OpI32Eq)
	fg.TrapIf(abi.ErrMemory)
	fg.End()
	fg.Get(end)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
	fg.Get(p)
}

// A slot width is the log2 of the size of a list's element slots: 3 (8
// bytes) for int, float, str and list elements, 0 (1 byte) for bool
// (abi.go). List helpers exist once per width they are used with.
type slotWidth int32

const (
	wideSlots slotWidth = 3
	byteSlots slotWidth = 0
)

// widthOf returns the slot width of a list whose elements have kind k.
func widthOf(k check.Kind) slotWidth {
	if k == check.Bool {
		return byteSlots
	}
	return wideSlots
}

// name returns a helper's name for this width: base for 8-byte slots,
// base_b for bytes.
func (w slotWidth) name(base string) string {
	if w == byteSlots {
		return base + "_b"
	}
	return base
}

// listHelper returns the list helper base for width w, built by build.
func (fg *fgen) listHelper(base string, w slotWidth, build func(*fgen, slotWidth)) uint32 {
	fg.g.useHeap()
	return fg.g.helper(w.name(base), func(hg *fgen) { build(hg, w) })
}

// genListNew builds __ml_list(n i64) -> i32: a list of length max(n, 0)
// whose slots the caller fills, header and data in one block.
func genListNew(fg *fgen, w slotWidth) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"n"}
	const n = 0
	p := fg.Named(wasmbin.I32, "p")
	fg.Get(n)
	fg.I64(0)
	fg.Get(n)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64GtS)
	fg.Emit(wasmbin.OpSelect)
	fg.Tee(n)
	fg.I64(maxListLen)
	fg.Emit(wasmbin.OpI64GtS)
	fg.TrapIf(abi.ErrMemory)
	fg.Get(n)
	fg.I64(int64(w))
	fg.Emit(wasmbin.OpI64Shl)
	fg.I64(abi.ListHeaderSize)
	fg.Emit(wasmbin.OpI64Add)
	fg.Call(fg.g.helper("__ml_new", genNew))
	fg.Tee(p)
	fg.Get(n)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.EmitImm(wasmbin.OpI32Store, abi.ListLenOffset)
	fg.Bin(wasmbin.OpI32WrapI64, p, n)
	fg.EmitImm(wasmbin.OpI32Store, abi.ListCapOffset)
	fg.Get(p)
	fg.Get(p)
	fg.I32(abi.ListHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.EmitImm(wasmbin.OpI32Store, abi.ListDataOffset)
	fg.Get(p)
}

// copySlots copies the n slots of width w whose count is on the stack,
// above the destination and source addresses, with memory.copy, which is
// right for overlapping ranges too (memmove). n*8 cannot wrap: a list has
// at most maxListLen slots.
func (fg *fgen) copySlots(w slotWidth) {
	if w != byteSlots {
		fg.I32(int32(w))
		fg.Emit(wasmbin.OpI32Shl)
	}
	fg.Emit(wasmbin.OpMemCopy)
}

// slotAddr turns a list's data address and an i32 index, on the stack,
// into the address of that slot.
func (fg *fgen) slotAddr(w slotWidth) {
	if w != byteSlots {
		fg.I32(int32(w))
		fg.Emit(wasmbin.OpI32Shl)
	}
	fg.Emit(wasmbin.OpI32Add)
}

// normIndex adds len(l) to a negative i and traps with ErrIndex unless
// 0 <= i < len(l) (one unsigned comparison).
func (fg *fgen) normIndex(l, i uint32) {
	fg.Get(i)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(i)
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Add)
	fg.Set(i)
	fg.End()
	fg.Get(i)
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64GeU)
	fg.TrapIf(abi.ErrIndex)
}

// genPush builds __ml_push(l i32) -> i32: appends one slot (growing the
// data to twice its capacity, at least 4, when full) and returns its
// address for the caller to store into.
func genPush(fg *fgen, w slotWidth) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"l"}
	const l = 0
	n, c, d := fg.Named(wasmbin.I32, "n"), fg.Named(wasmbin.I32, "cap"), fg.Named(wasmbin.I32, "data")
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Tee(n)
	fg.Load(wasmbin.OpI32Load, l, abi.ListCapOffset)
	fg.Emit(wasmbin.OpI32Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(n)
	fg.I32(maxListLen)
	fg.Emit(wasmbin.OpI32GeU)
	fg.TrapIf(abi.ErrMemory)
	fg.Get(n)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Shl)
	fg.Tee(c)
	fg.I32(4)
	fg.Get(c)
	fg.I32(4)
	fg.Emit(wasmbin.OpI32GtU)
	fg.Emit(wasmbin.OpSelect)
	fg.Set(c)
	fg.Get(c)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.I64(int64(w))
	fg.Emit(wasmbin.OpI64Shl)
	fg.Call(fg.g.helper("__ml_new", genNew))
	fg.Tee(d)
	fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	fg.Get(n)
	fg.copySlots(w)
	fg.Store(wasmbin.OpI32Store, l, abi.ListDataOffset, d)
	fg.Store(wasmbin.OpI32Store, l, abi.ListCapOffset, c)
	fg.End()
	fg.Get(l)
	fg.Get(n)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.EmitImm(wasmbin.OpI32Store, abi.ListLenOffset)
	fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	fg.Get(n)
	fg.slotAddr(w)
}

// genPop builds __ml_pop(l i32, i i64) -> i64: removes l[i] and returns
// its slot's bits, shifting the later slots down; IndexError when l is
// empty or i out of range.
func genPop(fg *fgen, w slotWidth) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I64}}
	f.ParamNames = []string{"l", "i"}
	const l, i = 0, 1
	a, v := fg.Named(wasmbin.I32, "addr"), fg.Named(wasmbin.I64, "v")
	fg.normIndex(l, i)
	fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.slotAddr(w)
	fg.Tee(a)
	if w == byteSlots {
		fg.EmitImm(wasmbin.OpI32Load8U, 0)
		fg.Emit(wasmbin.OpI64ExtendI32U)
	} else {
		fg.EmitImm(wasmbin.OpI64Load, 0)
	}
	fg.Set(v)
	fg.Get(a)
	fg.Get(a)
	fg.I32(1 << w)
	fg.Emit(wasmbin.OpI32Add)
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.Emit(wasmbin.OpI32Sub)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Sub)
	fg.copySlots(w)
	fg.Get(l)
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Sub)
	fg.EmitImm(wasmbin.OpI32Store, abi.ListLenOffset)
	fg.Get(v)
}

// genRepeat builds __ml_repeat(l i32, n i64) -> i32, the new list l * n
// (empty for n <= 0); ErrMemory beyond maxListLen elements. The first
// copy of l's slots is then doubled with memory.copy until the data is
// full: each copy reads the prefix already written, so the copies never
// overlap, and there are about log2(n) of them. All byte counts are
// unsigned i32 at most maxListLen*8 = 2**31.
func genRepeat(fg *fgen, w slotWidth) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"l", "n"}
	const l, n = 0, 1
	k, r, d := fg.Named(wasmbin.I64, "len"), fg.Named(wasmbin.I32, "r"), fg.Named(wasmbin.I32, "d")
	total, done, c := fg.Named(wasmbin.I32, "total"), fg.Named(wasmbin.I32, "done"), fg.Named(wasmbin.I32, "c")
	fg.Get(n)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I64(0)
	fg.Set(n)
	fg.End()
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Tee(k)
	fg.Emit(wasmbin.OpI64Eqz)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I64(0)
	fg.Set(n)
	fg.End()
	// n > maxListLen / len would exceed the bound (len >= 1 here or n == 0)
	fg.Get(n)
	fg.I64(maxListLen)
	fg.Get(k)
	fg.I64(1)
	fg.Get(k)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64Ne)
	fg.Emit(wasmbin.OpSelect)
	fg.Emit(wasmbin.OpI64DivU)
	fg.Emit(wasmbin.OpI64GtU)
	fg.TrapIf(abi.ErrMemory)
	fg.Bin(wasmbin.OpI64Mul, k, n)
	fg.Call(fg.listHelper("__ml_list", w, genListNew))
	fg.Tee(r)
	fg.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	fg.Set(d)
	fg.Bin(wasmbin.OpI64Mul, k, n)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.I32(int32(w))
	fg.Emit(wasmbin.OpI32Shl)
	fg.Tee(total)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty) // nothing to copy when the result is empty
	fg.Get(d)
	fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	fg.Get(k)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.I32(int32(w))
	fg.Emit(wasmbin.OpI32Shl)
	fg.Tee(done)
	fg.Emit(wasmbin.OpMemCopy)
	fg.doubleCopy(d, done, total, c)
	fg.End()
	fg.Get(r)
}

// doubleCopy emits the doubling loop of repetition: the first done bytes
// at d are copied after themselves, then the doubled prefix, until total
// bytes are written (c is a scratch local). Each copy reads a prefix
// already written, so source and destination never overlap.
func (fg *fgen) doubleCopy(d, done, total, c uint32) {
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI32GeU, done, total)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	// c = min(done, total - done)
	fg.Bin(wasmbin.OpI32Sub, total, done)
	fg.Tee(c)
	fg.Get(done)
	fg.Bin(wasmbin.OpI32GtU, done, c)
	fg.Emit(wasmbin.OpSelect)
	fg.Set(c)
	fg.Bin(wasmbin.OpI32Add, d, done)
	fg.Bin(wasmbin.OpMemCopy, d, c)
	fg.Bin(wasmbin.OpI32Add, done, c)
	fg.Set(done)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
}

// genConcat builds __ml_concat(a, b i32) -> i32, the new list a + b.
func genConcat(fg *fgen, w slotWidth) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"a", "b"}
	const a, b = 0, 1
	r := fg.Named(wasmbin.I32, "r")
	fg.Load(wasmbin.OpI32Load, a, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Load(wasmbin.OpI32Load, b, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Add)
	fg.Call(fg.listHelper("__ml_list", w, genListNew))
	fg.Tee(r)
	fg.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	fg.Load(wasmbin.OpI32Load, a, abi.ListDataOffset)
	fg.Load(wasmbin.OpI32Load, a, abi.ListLenOffset)
	fg.copySlots(w)
	fg.Load(wasmbin.OpI32Load, r, abi.ListDataOffset)
	fg.Load(wasmbin.OpI32Load, a, abi.ListLenOffset)
	fg.slotAddr(w)
	fg.Load(wasmbin.OpI32Load, b, abi.ListDataOffset)
	fg.Load(wasmbin.OpI32Load, b, abi.ListLenOffset)
	fg.copySlots(w)
	fg.Get(r)
}

// load reads the element of kind k at the address on the stack.
func (fg *fgen) load(k check.Kind, off int64) {
	switch k {
	case check.Int:
		fg.EmitImm(wasmbin.OpI64Load, off)
	case check.Float:
		fg.EmitImm(wasmbin.OpF64Load, off)
	case check.Bool: // one byte
		fg.EmitImm(wasmbin.OpI32Load8U, off)
	default: // list, str: the low half of the slot
		fg.EmitImm(wasmbin.OpI32Load, off)
	}
}

// store writes the element of kind k on the stack at the address below it.
// Bools and list addresses are widened so that the slot holds no garbage.
func (fg *fgen) store(k check.Kind, off int64) {
	switch k {
	case check.Int:
		fg.EmitImm(wasmbin.OpI64Store, off)
	case check.Float:
		fg.EmitImm(wasmbin.OpF64Store, off)
	case check.Bool:
		fg.EmitImm(wasmbin.OpI32Store8, off)
	default:
		fg.Emit(wasmbin.OpI64ExtendI32U)
		fg.EmitImm(wasmbin.OpI64Store, off)
	}
}

// fromBits converts the raw i64 slot bits on the stack to kind k.
func (fg *fgen) fromBits(k check.Kind) {
	switch k {
	case check.Float:
		fg.Emit(wasmbin.OpF64ReinterpretI64)
	case check.Bool, check.List, check.Str:
		fg.Emit(wasmbin.OpI32WrapI64)
	}
}

// listLit generates [a, b, ...]: a new list, then each element in order.
func (fg *fgen) listLit(e *ast.ListLit, t *check.Type) {
	l := fg.Temp(wasmbin.I32)
	w := widthOf(t.Elem.Kind)
	fg.I64(int64(len(e.Elems)))
	fg.Call(fg.listHelper("__ml_list", w, genListNew))
	fg.Set(l)
	if len(e.Elems) > 0 {
		d := fg.Temp(wasmbin.I32)
		fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		fg.Set(d)
		for i, x := range e.Elems {
			fg.Get(d)
			fg.expr(x)
			fg.store(t.Elem.Kind, int64(i<<w))
		}
		fg.Release(wasmbin.I32, d)
	}
	fg.Get(l)
	fg.Release(wasmbin.I32, l)
}

// slot leaves the address of x[i] (bounds checked), inline: x and i are
// evaluated in that order (a local is read in place, and a list local
// whose header a loop hoisted is not read at all), then slotAt.
func (fg *fgen) slot(x, i ast.Expr) {
	var ref listRef
	lTemp := false
	if c, ok := fg.cachedOf(x); ok {
		ref = listRef{cache: c, cached: true}
	} else {
		ref.l, lTemp = fg.operandLocal(x, wasmbin.I32, func() { fg.expr(x) })
	}
	ref.w = widthOf(fg.typeOf(x).Elem.Kind)
	ir := fg.rangeOf(i)
	ix, ixTemp := fg.operandLocal(i, wasmbin.I64, func() { fg.exprAs(i, check.Int) })
	if xi, ok := x.(*ast.Ident); ok && ref.cached && fg.loops.proven[xi.Name] != "" {
		if ii, ok := i.(*ast.Ident); ok && ii.Name == fg.loops.proven[xi.Name] {
			ref.inBounds = true
		}
	}
	if row, ok := x.(*ast.Index); ok && fg.loops.provenRows[row] != "" {
		if ii, ok := i.(*ast.Ident); ok && ii.Name == fg.loops.provenRows[row] {
			ref.inBounds = true
		}
	}
	fg.slotAt(ref, ix, ir)
	if lTemp {
		fg.Release(wasmbin.I32, ref.l)
	}
	if ixTemp {
		fg.Release(wasmbin.I64, ix)
	}
}

// operandLocal returns the local holding the value of e: e's own local
// when e is a local variable of type vt, else a temporary (temp is true)
// that gen fills.
func (fg *fgen) operandLocal(e ast.Expr, vt wasmbin.ValType, gen func()) (idx uint32, temp bool) {
	if id, ok := e.(*ast.Ident); ok && fg.g.info.Consts[id] == nil {
		if t, ok := valType(fg.typeOf(e)); ok && t == vt {
			return fg.local[id.Name], false
		}
	}
	idx = fg.Temp(vt)
	gen()
	fg.Set(idx)
	return idx, true
}

// A listRef tells slotAt where a list's length and data pointer are: in
// the header at the address in local l, or, when cached, in the locals a
// loop hoisted them into (hoist.go).
type listRef struct {
	l      uint32
	cache  cachedList
	cached bool
	w      slotWidth // of the list's slots
	// inBounds is set when the index is known to be in bounds (version.go)
	inBounds bool
}

// length leaves the list's length as an i64.
func (fg *fgen) length(r listRef) {
	if r.cached {
		fg.Get(r.cache.len)
		return
	}
	fg.Load(wasmbin.OpI32Load, r.l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
}

// data leaves the list's data pointer.
func (fg *fgen) data(r listRef) {
	if r.cached {
		fg.Get(r.cache.data)
		return
	}
	fg.Load(wasmbin.OpI32Load, r.l, abi.ListDataOffset)
}

// slotAt leaves the address of l[i] for the list r and the i64 index in
// local i, whose values lie in ir. A negative index counts from the end:
// i + ((i >> 63) & len), without a branch, and only when ir admits
// negative values. The bounds check is then one unsigned comparison
// against len, which also rejects an index still negative. The local i
// is not changed (a[i] op= v checks the same i twice).
func (fg *fgen) slotAt(r listRef, i uint32, ir interval) {
	fg.g.useHeap()
	if r.inBounds {
		fg.data(r)
		fg.Get(i)
		fg.Emit(wasmbin.OpI32WrapI64)
		fg.slotAddr(r.w)
		return
	}
	n := i
	if !ir.nonNeg() {
		n = fg.Temp(wasmbin.I64)
		defer fg.Release(wasmbin.I64, n)
		fg.Get(i)
		fg.Get(i)
		fg.I64(63)
		fg.Emit(wasmbin.OpI64ShrS)
		fg.length(r)
		fg.Emit(wasmbin.OpI64And)
		fg.Emit(wasmbin.OpI64Add)
		fg.Set(n)
	}
	fg.Get(n)
	fg.length(r)
	fg.Emit(wasmbin.OpI64GeU)
	fg.TrapIf(abi.ErrIndex)
	fg.data(r)
	fg.Get(n)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.slotAddr(r.w)
}

// index generates x[i].
func (fg *fgen) index(e *ast.Index, t *check.Type) {
	if fg.typeOf(e.X).Kind == check.Str {
		fg.strLook(e.X)
		fg.exprAs(e.Index, check.Int)
		fg.Call(fg.shelper("__ml_str_at", genStrAt))
		return
	}
	fg.slot(e.X, e.Index)
	fg.load(t.Kind, 0)
}

// setIndex generates x[i] = v and x[i] op= v with Python's order: for
// `=`, v then x then i; for `op=`, x, i, the element, v, then the store,
// whose index is checked again (v may have shrunk the list).
func (fg *fgen) setIndex(tg *ast.Index, value ast.Expr, aug *ast.AugAssign) {
	et := fg.typeOf(tg)
	vt, _ := valType(et)
	if aug == nil {
		v := fg.Temp(vt)
		fg.expr(value)
		fg.Set(v)
		fg.slot(tg.X, tg.Index)
		fg.Get(v)
		fg.store(et.Kind, 0)
		fg.Release(vt, v)
		return
	}
	i, r := fg.Temp(wasmbin.I64), fg.Temp(vt)
	ref, lTemp := listRef{}, false
	if c, ok := fg.cachedOf(tg.X); ok {
		ref = listRef{cache: c, cached: true}
	} else {
		ref.l, lTemp = fg.Temp(wasmbin.I32), true
		fg.expr(tg.X)
		fg.Set(ref.l)
	}
	ref.w = widthOf(et.Kind)
	ir := fg.rangeOf(tg.Index)
	fg.exprAs(tg.Index, check.Int)
	fg.Set(i)
	fg.binaryWith(aug.Op, func() {
		fg.slotAt(ref, i, ir)
		fg.load(et.Kind, 0)
	}, et.Kind, fullRange, value, et)
	fg.Set(r)
	fg.slotAt(ref, i, ir)
	fg.Get(r)
	fg.store(et.Kind, 0)
	if lTemp {
		fg.Release(wasmbin.I32, ref.l)
	}
	fg.Release(wasmbin.I64, i)
	fg.Release(vt, r)
}

// method generates lst.append(v) and lst.pop([i]).
func (fg *fgen) method(e *ast.Call, at *ast.Attribute, t *check.Type) {
	lt := fg.typeOf(at.X)
	switch fg.g.info.Methods[at.Name] {
	case "append":
		ek := lt.Elem.Kind
		vt, _ := valType(lt.Elem)
		l, v := fg.Temp(wasmbin.I32), fg.Temp(vt)
		fg.expr(at.X)
		fg.Set(l)
		fg.expr(e.Args[0])
		fg.Set(v)
		fg.Get(l)
		fg.Call(fg.listHelper("__ml_push", widthOf(ek), genPush))
		fg.Get(v)
		fg.store(ek, 0)
		fg.Release(wasmbin.I32, l)
		fg.Release(vt, v)
	case "pop":
		fg.expr(at.X)
		if len(e.Args) == 1 {
			fg.exprAs(e.Args[0], check.Int)
		} else {
			fg.I64(-1)
		}
		fg.Call(fg.listHelper("__ml_pop", widthOf(lt.Elem.Kind), genPop))
		fg.fromBits(t.Kind)
	default:
		panic("method not compiled")
	}
}

// eachElem emits a loop over the elements of the list in local l, from
// index start; body runs with the element (of kind k) on the stack. The
// length is read at every step, as Python's list iterator does.
func (fg *fgen) eachElem(l uint32, start int32, k check.Kind, body func()) {
	i := fg.Temp(wasmbin.I32)
	fg.I32(start)
	fg.Set(i)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markBreak)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Get(i)
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI32GeU)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	fg.Get(i)
	fg.slotAddr(widthOf(k))
	fg.load(k, 0)
	vt, _ := valType(&check.Type{Kind: k})
	v := fg.Temp(vt)
	fg.Set(v)
	fg.Get(i)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(i)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markContinue)
	fg.Get(v) // a block cannot take operands from outside
	body()
	fg.End()
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	fg.Release(wasmbin.I32, i)
	fg.Release(vt, v)
}

// forList generates `for x in lst`.
func (fg *fgen) forList(s *ast.For) {
	lt := fg.typeOf(s.Iter)
	l := fg.Temp(wasmbin.I32)
	fg.expr(s.Iter)
	fg.Set(l)
	fg.eachElem(l, 0, lt.Elem.Kind, func() {
		fg.Set(fg.local[s.Var().Name])
		fg.interruptCheck() // each iteration (interrupt.go)
		fg.block(s.Body)
	})
	fg.Release(wasmbin.I32, l)
}

// listBuiltin generates len, sum, min and max of a list; ok is false for
// other calls.
func (fg *fgen) listBuiltin(name string, args []ast.Expr, t *check.Type) bool {
	if len(args) != 1 || fg.typeOf(args[0]).Kind != check.List {
		return false
	}
	ek := fg.typeOf(args[0]).Elem.Kind
	switch name {
	case "len":
		fg.expr(args[0])
		fg.EmitImm(wasmbin.OpI32Load, abi.ListLenOffset)
		fg.Emit(wasmbin.OpI64ExtendI32U)
	case "sum":
		l, acc := fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I64)
		fg.expr(args[0])
		fg.Set(l)
		fg.I64(0)
		fg.Set(acc)
		fg.eachElem(l, 0, ek, func() {
			fg.promote(ek, check.Int)
			e := fg.Temp(wasmbin.I64)
			fg.Set(e)
			fg.Get(acc)
			fg.Get(e)
			fg.Release(wasmbin.I64, e)
			fg.intAdd(fullRange, fullRange)
			fg.Set(acc)
		})
		fg.Get(acc)
		fg.Release(wasmbin.I32, l)
		fg.Release(wasmbin.I64, acc)
	case "min", "max":
		vt, _ := valType(t)
		l, acc, cur := fg.Temp(wasmbin.I32), fg.Temp(vt), fg.Temp(vt)
		fg.expr(args[0])
		fg.Tee(l)
		fg.EmitImm(wasmbin.OpI32Load, abi.ListLenOffset)
		fg.Emit(wasmbin.OpI32Eqz)
		fg.TrapIf(abi.ErrValue) // max() arg is an empty sequence
		fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		fg.load(ek, 0)
		fg.Set(acc)
		op := cmpOps[t.Kind][ast.CmpGt]
		if name == "min" {
			op = cmpOps[t.Kind][ast.CmpLt]
		}
		fg.eachElem(l, 1, ek, func() {
			fg.Tee(cur)
			fg.Get(acc)
			fg.Get(cur)
			fg.Get(acc)
			fg.Emit(op)
			fg.Emit(wasmbin.OpSelect)
			fg.Set(acc)
		})
		fg.Get(acc)
		fg.Release(wasmbin.I32, l)
		fg.Release(vt, acc, cur)
	default:
		return false
	}
	return true
}

// contains generates `x in lst` (negated for `not in`) as an i32, with
// x's code emitted by needle (of kind nk). Equal elements are found with
// ==; a nan needle meeting a nan element traps with ErrUnsupported, since
// Python would answer by object identity, which compiled floats lack.
func (fg *fgen) contains(needle func(), nk check.Kind, lst func(), ek check.Kind, negate bool) {
	k := nk
	if k == check.Bool && ek == check.Int {
		k = check.Int
	}
	vt, _ := valType(&check.Type{Kind: k})
	x, l, found := fg.Temp(vt), fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32)
	needle()
	fg.promote(nk, k)
	fg.Set(x)
	lst()
	fg.Set(l)
	fg.I32(0)
	fg.Set(found)
	fg.eachElem(l, 0, ek, func() {
		fg.promote(ek, k)
		if k == check.Str {
			fg.Get(x)
			fg.Call(fg.shelper("__ml_str_eq", genStrEq))
			fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
			fg.I32(1)
			fg.Set(found)
			fg.EmitImm(wasmbin.OpBr, fg.Depth(markBreak))
			fg.End()
			return
		}
		e := fg.Temp(vt)
		fg.Tee(e)
		fg.Get(x)
		fg.Emit(cmpOps[k][ast.CmpEq])
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.I32(1)
		fg.Set(found)
		fg.EmitImm(wasmbin.OpBr, fg.Depth(markBreak))
		fg.End()
		if k == check.Float {
			fg.Bin(wasmbin.OpF64Ne, x, x)
			fg.Bin(wasmbin.OpF64Ne, e, e)
			fg.Emit(wasmbin.OpI32And)
			fg.TrapIf(abi.ErrUnsupported)
		}
		fg.Release(vt, e)
	})
	fg.Get(found)
	if negate {
		fg.Emit(wasmbin.OpI32Eqz)
	}
	fg.Release(vt, x)
	fg.Release(wasmbin.I32, l, found)
}

// listBinary generates list * n, n * list and list + list of type t; left
// emits the left operand, of kind xk.
func (fg *fgen) listBinary(op ast.BinaryOp, left func(), xk check.Kind, y ast.Expr, t *check.Type) {
	w := widthOf(t.Elem.Kind)
	if op == ast.OpAdd {
		fg.seqBinary(op, left, xk, y, check.List, fg.listHelper("__ml_concat", w, genConcat), 0)
		return
	}
	fg.seqBinary(op, left, xk, y, check.List, 0, fg.listHelper("__ml_repeat", w, genRepeat))
}

// seqBinary generates a + b, a * n and n * a for sequences of kind k (a
// list or a str): concat or repeat is the helper called, and left emits the
// left operand, of kind xk. Operands are evaluated left to right.
func (fg *fgen) seqBinary(op ast.BinaryOp, left func(), xk check.Kind, y ast.Expr, k check.Kind, concat, repeat uint32) {
	switch {
	case op == ast.OpAdd:
		left()
		fg.expr(y)
		fg.Call(concat)
	case xk == k:
		left()
		fg.exprAs(y, check.Int)
		fg.Call(repeat)
	default: // n * a: n is evaluated first
		n := fg.Temp(wasmbin.I64)
		left()
		fg.promote(xk, check.Int)
		fg.Set(n)
		fg.expr(y)
		fg.Get(n)
		fg.Release(wasmbin.I64, n)
		fg.Call(repeat)
	}
}
