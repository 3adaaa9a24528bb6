package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Lists live in linear memory (layout in core/abi): a list value is the i32
// address of its 16-byte header {len, cap, data}, and its elements are
// slots at data: one byte for a bool, eight bytes otherwise. Memory comes
// from a bump allocator over an arena that every exported call resets
// (WrapExports), so nothing leaks across calls and no free list is
// needed: garbage lives until the call returns. Growth doubles the
// capacity and copies; the header stays put, so every alias of a list
// sees the change, as in Python.

// MaxLen bounds the length of a list and the code point count of a
// string: 2**28 (2 GiB of list slots). A longer one traps with ErrMemory
// before any size computation can wrap.
const MaxLen = 1 << 28

// A SlotWidth is the log2 of the size of a list's element slots: 3 (8
// bytes) for int, float, str and list elements, 0 (1 byte) for bool
// (core/abi). List helpers exist once per width they are used with.
type SlotWidth int32

// The slot widths.
const (
	WideSlots SlotWidth = 3 // 8-byte slots
	ByteSlots SlotWidth = 0 // 1-byte slots (list[bool])
)

// name returns a helper's name for this width: base for 8-byte slots,
// base_b for bytes.
func (w SlotWidth) name(base string) string {
	if w == ByteSlots {
		return base + "_b"
	}
	return base
}

// listHelper returns the list helper base for width w, built by build.
func (r *Runtime) listHelper(base string, w SlotWidth, build func(*fn, SlotWidth)) uint32 {
	r.UseHeap()
	return r.helper(w.name(base), func(h *fn) { build(h, w) })
}

// buildNew builds __ml_new(n i64) -> i32: n bytes, 8-aligned, from the arena;
// memory grows as needed and ErrMemory traps when it cannot.
func buildNew(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I64}, []string{"n"}, wasmbin.I32)
	const n = 0
	p, end := h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I64, "end")
	h.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	h.I32(7)
	h.Emit(wasmbin.OpI32Add)
	h.I32(-8)
	h.Emit(wasmbin.OpI32And)
	h.Tee(p)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Get(n)
	h.Emit(wasmbin.OpI64Add)
	h.Tee(end)
	h.I64(1 << 32)
	h.Emit(wasmbin.OpI64GtU)
	h.TrapIf(abi.ErrMemory)
	// pages missing: ceil(end / 65536) - memory.size
	h.BinI64(wasmbin.OpI64Add, end, 65535)
	h.I64(16)
	h.Emit(wasmbin.OpI64ShrU)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Emit(wasmbin.OpMemSize)
	h.Emit(wasmbin.OpI32Sub)
	need := h.Named(wasmbin.I32, "need")
	h.Tee(need)
	h.I32(0)
	h.Emit(wasmbin.OpI32GtS)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(need)
	h.Emit(wasmbin.OpMemGrow)
	h.I32(-1)
	h.Emit(wasmbin.OpI32Eq)
	h.TrapIf(abi.ErrMemory)
	h.End()
	h.Get(end)
	h.Emit(wasmbin.OpI32WrapI64)
	h.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
	h.Get(p)
}

// buildListNew builds __ml_list(n i64) -> i32: a list of length max(n, 0)
// whose slots the caller fills, header and data in one block.
func buildListNew(h *fn, w SlotWidth) {
	h.signature([]wasmbin.ValType{wasmbin.I64}, []string{"n"}, wasmbin.I32)
	const n = 0
	p := h.Named(wasmbin.I32, "p")
	h.Get(n)
	h.I64(0)
	h.BinI64(wasmbin.OpI64GtS, n, 0)
	h.Emit(wasmbin.OpSelect)
	h.Tee(n)
	h.I64(MaxLen)
	h.Emit(wasmbin.OpI64GtS)
	h.TrapIf(abi.ErrMemory)
	h.BinI64(wasmbin.OpI64Shl, n, int64(w))
	h.I64(abi.ListHeaderSize)
	h.Emit(wasmbin.OpI64Add)
	h.Call(h.r.NewBytes())
	h.Tee(p)
	h.Get(n)
	h.Emit(wasmbin.OpI32WrapI64)
	h.EmitImm(wasmbin.OpI32Store, abi.ListLenOffset)
	h.Gets(p, n)
	h.Emit(wasmbin.OpI32WrapI64)
	h.EmitImm(wasmbin.OpI32Store, abi.ListCapOffset)
	h.Get(p)
	h.OffsetI32(p, abi.ListHeaderSize)
	h.EmitImm(wasmbin.OpI32Store, abi.ListDataOffset)
	h.Get(p)
}

// normIndex adds len(l) to a negative i and traps with ErrIndex unless
// 0 <= i < len(l) (one unsigned comparison).
func (h *fn) normIndex(l, i uint32) {
	h.BinI64(wasmbin.OpI64LtS, i, 0)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(i)
	h.listLen64(l)
	h.Emit(wasmbin.OpI64Add)
	h.Set(i)
	h.End()
	h.Get(i)
	h.listLen64(l)
	h.Emit(wasmbin.OpI64GeU)
	h.TrapIf(abi.ErrIndex)
}

// buildGrow builds __ml_grow(l i32): grows the data of the full list l
// (len == cap) to twice its capacity, at least 4, copying its slots;
// ErrMemory when the list holds MaxLen elements already. Appending
// (core/wasmgen's lists.go) calls it when the list is full and writes the
// new slot itself, so that the common case costs no call.
func buildGrow(h *fn, w SlotWidth) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"l"})
	const l = 0
	n, c, d := h.Named(wasmbin.I32, "n"), h.Named(wasmbin.I32, "cap"), h.Named(wasmbin.I32, "data")
	h.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	h.Set(n)
	h.BinI32(wasmbin.OpI32GeU, n, MaxLen)
	h.TrapIf(abi.ErrMemory)
	h.BinI32(wasmbin.OpI32Shl, n, 1)
	h.Tee(c)
	h.I32(4)
	h.BinI32(wasmbin.OpI32GtU, c, 4)
	h.Emit(wasmbin.OpSelect)
	h.Set(c)
	h.regrow(l, n, c, d, w)
}

// regrow gives the list in local l new data of c slots of width w (local
// d gets its address), holding its first n slots.
func (h *fn) regrow(l, n, c, d uint32, w SlotWidth) {
	h.Get(c)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.I64(int64(w))
	h.Emit(wasmbin.OpI64Shl)
	h.Call(h.r.NewBytes())
	h.Tee(d)
	h.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	h.Get(n)
	h.CopyShifted(int32(w))
	h.Store(wasmbin.OpI32Store, l, abi.ListDataOffset, d)
	h.Store(wasmbin.OpI32Store, l, abi.ListCapOffset, c)
}

// buildExtend builds __ml_extend(a, b i32): appends b's slots to a. The
// count of b is read first and a's data grown to hold them (to twice its
// capacity at least, as appends grow it); b's data is read after, so that
// a.extend(a), whose data may have moved, copies a's first len(a) slots
// after them, as CPython doubles the list; ErrMemory past MaxLen.
func buildExtend(h *fn, w SlotWidth) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"a", "b"})
	const a, b = 0, 1
	n, m, c, d := h.Named(wasmbin.I32, "n"), h.Named(wasmbin.I32, "m"), h.Named(wasmbin.I32, "cap"), h.Named(wasmbin.I32, "data")
	h.Load(wasmbin.OpI32Load, a, abi.ListLenOffset)
	h.Set(n)
	h.Load(wasmbin.OpI32Load, b, abi.ListLenOffset)
	h.Tee(m)
	h.Emit(wasmbin.OpI32Eqz)
	h.ReturnIf(func() {})
	h.Get(n)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Get(m)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Emit(wasmbin.OpI64Add)
	h.I64(MaxLen)
	h.Emit(wasmbin.OpI64GtU)
	h.TrapIf(abi.ErrMemory)
	h.Bin(wasmbin.OpI32Add, n, m)
	h.Load(wasmbin.OpI32Load, a, abi.ListCapOffset)
	h.Emit(wasmbin.OpI32GtU)
	h.When(func() {
		// cap = max(n + m, 2 * cap, 4)
		h.Bin(wasmbin.OpI32Add, n, m)
		h.Tee(c)
		h.Load(wasmbin.OpI32Load, a, abi.ListCapOffset)
		h.I32(1)
		h.Emit(wasmbin.OpI32Shl)
		h.Tee(d)
		h.Get(c)
		h.Get(d)
		h.Emit(wasmbin.OpI32GtU)
		h.Emit(wasmbin.OpSelect)
		h.Tee(c)
		h.I32(4)
		h.BinI32(wasmbin.OpI32GtU, c, 4)
		h.Emit(wasmbin.OpSelect)
		h.Set(c)
		h.regrow(a, n, c, d, w)
	})
	// b's slots (read now: b may be a) after a's
	h.Load(wasmbin.OpI32Load, a, abi.ListDataOffset)
	h.Get(n)
	h.ShiftAdd(int32(w))
	h.Load(wasmbin.OpI32Load, b, abi.ListDataOffset)
	h.Get(m)
	h.CopyShifted(int32(w))
	h.Bin(wasmbin.OpI32Add, n, m)
	h.Set(n)
	h.Store(wasmbin.OpI32Store, a, abi.ListLenOffset, n)
}

// buildPop builds __ml_pop(l i32, i i64) -> i64: removes l[i] and returns
// its slot's bits, shifting the later slots down; IndexError when l is
// empty or i out of range.
func buildPop(h *fn, w SlotWidth) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I64}, []string{"l", "i"}, wasmbin.I64)
	const l, i = 0, 1
	a, v := h.Named(wasmbin.I32, "addr"), h.Named(wasmbin.I64, "v")
	h.normIndex(l, i)
	h.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.ShiftAdd(int32(w))
	h.Tee(a)
	if w == ByteSlots {
		h.EmitImm(wasmbin.OpI32Load8U, 0)
		h.Emit(wasmbin.OpI64ExtendI32U)
	} else {
		h.EmitImm(wasmbin.OpI64Load, 0)
	}
	h.Set(v)
	h.Get(a)
	h.OffsetI32(a, 1<<w)
	h.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Emit(wasmbin.OpI32Sub)
	h.I32(1)
	h.Emit(wasmbin.OpI32Sub)
	h.CopyShifted(int32(w))
	h.Get(l)
	h.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	h.I32(1)
	h.Emit(wasmbin.OpI32Sub)
	h.EmitImm(wasmbin.OpI32Store, abi.ListLenOffset)
	h.Get(v)
}

// buildRepeat builds __ml_repeat(l i32, n i64) -> i32, the new list l * n
// (empty for n <= 0); ErrMemory beyond MaxLen elements. The first
// copy of l's slots is then doubled with memory.copy until the data is
// full: each copy reads the prefix already written, so the copies never
// overlap, and there are about log2(n) of them. All byte counts are
// unsigned i32 at most MaxLen*8 = 2**31.
func buildRepeat(h *fn, w SlotWidth) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I64}, []string{"l", "n"}, wasmbin.I32)
	const l, n = 0, 1
	k, r, d := h.Named(wasmbin.I64, "len"), h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "d")
	total, done, c := h.Named(wasmbin.I32, "total"), h.Named(wasmbin.I32, "done"), h.Named(wasmbin.I32, "c")
	h.BinI64(wasmbin.OpI64LtS, n, 0)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.I64(0)
	h.Set(n)
	h.End()
	h.listLen64(l)
	h.Tee(k)
	h.Emit(wasmbin.OpI64Eqz)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.I64(0)
	h.Set(n)
	h.End()
	// n > MaxLen / len would exceed the bound (len >= 1 here or n == 0)
	h.Get(n)
	h.I64(MaxLen)
	h.Get(k)
	h.I64(1)
	h.BinI64(wasmbin.OpI64Ne, k, 0)
	h.Emit(wasmbin.OpSelect)
	h.Emit(wasmbin.OpI64DivU)
	h.Emit(wasmbin.OpI64GtU)
	h.TrapIf(abi.ErrMemory)
	h.Bin(wasmbin.OpI64Mul, k, n)
	h.Call(h.r.ListNew(w))
	h.Tee(r)
	h.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	h.Set(d)
	h.Bin(wasmbin.OpI64Mul, k, n)
	h.Emit(wasmbin.OpI32WrapI64)
	h.I32(int32(w))
	h.Emit(wasmbin.OpI32Shl)
	h.Tee(total)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty) // nothing to copy when the result is empty
	h.Get(d)
	h.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	h.Get(k)
	h.Emit(wasmbin.OpI32WrapI64)
	h.I32(int32(w))
	h.Emit(wasmbin.OpI32Shl)
	h.Tee(done)
	h.Emit(wasmbin.OpMemCopy)
	h.doubleCopy(d, done, total, c)
	h.End()
	h.Get(r)
}

// doubleCopy emits the doubling loop of repetition: the first done bytes
// at d are copied after themselves, then the doubled prefix, until total
// bytes are written (c is a scratch local). Each copy reads a prefix
// already written, so source and destination never overlap.
func (h *fn) doubleCopy(d, done, total, c uint32) {
	h.Until(func() {
		h.Bin(wasmbin.OpI32GeU, done, total)
	}, func() {
		// c = min(done, total - done)
		h.Bin(wasmbin.OpI32Sub, total, done)
		h.Tee(c)
		h.Get(done)
		h.Bin(wasmbin.OpI32GtU, done, c)
		h.Emit(wasmbin.OpSelect)
		h.Set(c)
		h.Bin(wasmbin.OpI32Add, d, done)
		h.Gets(d, c)
		h.Emit(wasmbin.OpMemCopy)
		h.Bin(wasmbin.OpI32Add, done, c)
		h.Set(done)
	})
}

// buildConcat builds __ml_concat(a, b i32) -> i32, the new list a + b.
func buildConcat(h *fn, w SlotWidth) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"a", "b"}, wasmbin.I32)
	const a, b = 0, 1
	r := h.Named(wasmbin.I32, "r")
	h.listLen64(a)
	h.listLen64(b)
	h.Emit(wasmbin.OpI64Add)
	h.Call(h.r.ListNew(w))
	h.Tee(r)
	h.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	h.Load(wasmbin.OpI32Load, a, abi.ListDataOffset)
	h.Load(wasmbin.OpI32Load, a, abi.ListLenOffset)
	h.CopyShifted(int32(w))
	h.Load(wasmbin.OpI32Load, r, abi.ListDataOffset)
	h.Load(wasmbin.OpI32Load, a, abi.ListLenOffset)
	h.ShiftAdd(int32(w))
	h.Load(wasmbin.OpI32Load, b, abi.ListDataOffset)
	h.Load(wasmbin.OpI32Load, b, abi.ListLenOffset)
	h.CopyShifted(int32(w))
	h.Get(r)
}

// listLen64 pushes the length of the list in local l as an i64.
func (h *fn) listLen64(l uint32) {
	h.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	h.Emit(wasmbin.OpI64ExtendI32U)
}
