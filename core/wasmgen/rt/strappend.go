package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/emit"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// buildStrAppend builds __ml_str_append(r, x, fresh i32) -> i32, the string
// r + x for an append statement (`r += x`, core/wasmgen/strappend.go has
// when that is exact): r itself extended in place when r carries StrMark
// and is last in the arena, else a new marked copy. With
// fresh set, x's object may be absorbed when it lies right after r at the
// end of the arena.
func buildStrAppend(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32, wasmbin.I32}, []string{"r", "x", "fresh"}, wasmbin.I32)
	const r, x, fresh = 0, 1, 2
	nb, m, count, end, n := h.Named(wasmbin.I32, "nb"), h.Named(wasmbin.I32, "m"), h.Named(wasmbin.I32, "count"),
		h.Named(wasmbin.I64, "end"), h.Named(wasmbin.I32, "n")
	h.Get(x)
	h.strLen()
	h.Tee(m)
	h.Emit(wasmbin.OpI32Eqz)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(r)
	h.Emit(wasmbin.OpReturn) // r + "" is r
	h.End()
	h.Get(r)
	h.strLen()
	h.Set(nb)
	// count of the result, checked like any new string's
	h.Get(r)
	h.strCount()
	h.Get(x)
	h.strCount()
	h.Emit(wasmbin.OpI32Add)
	h.Tee(count)
	h.I32(MaxLen)
	h.Emit(wasmbin.OpI32GtU)
	h.TrapIf(abi.ErrMemory)
	h.Load(wasmbin.OpI32Load, r, abi.StrCountOffset)
	h.I32(StrMark)
	h.Emit(wasmbin.OpI32And)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty) // r is marked
	// absorb a fresh x that was allocated right after r, last
	h.Get(fresh)
	h.Get(r)
	h.Get(nb)
	h.objEnd()
	h.align8()
	h.Get(x)
	h.Emit(wasmbin.OpI32Eq)
	h.Emit(wasmbin.OpI32And)
	h.Get(x)
	h.Get(m)
	h.objEnd()
	h.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	h.Emit(wasmbin.OpI32Eq)
	h.Emit(wasmbin.OpI32And)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.copyAfter(r, nb, x, m) // overlapping, downwards: memmove
	h.Get(r)
	h.Bin(wasmbin.OpI32Add, nb, m)
	h.objEnd()
	h.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
	h.finishAppend(r, nb, m, count)
	h.Get(r)
	h.Emit(wasmbin.OpReturn)
	h.End()
	// in place: nothing allocated after r's object (the arena's end and
	// r's end round up to the same 8-byte boundary)
	h.Get(r)
	h.Get(nb)
	h.objEnd()
	h.align8()
	h.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	h.align8()
	h.Emit(wasmbin.OpI32Eq)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// make the arena end at r's new end E: past the 8-byte boundary the
	// arena reaches, through __ml_new (which grows memory); else in place
	h.Get(r)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Get(nb)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Emit(wasmbin.OpI64Add)
	h.Get(m)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Emit(wasmbin.OpI64Add)
	h.I64(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI64Add)
	h.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	h.align8()
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Emit(wasmbin.OpI64Sub)
	h.Tee(end)
	h.I64(0)
	h.Emit(wasmbin.OpI64GtS)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(end)
	h.Call(h.r.NewBytes())
	h.Emit(wasmbin.OpDrop)
	h.Emit(wasmbin.OpElse)
	h.Get(r)
	h.Bin(wasmbin.OpI32Add, nb, m)
	h.objEnd()
	h.Tee(n)
	h.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	h.Emit(wasmbin.OpI32GtU)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(n)
	h.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
	h.End()
	h.End()
	h.copyAfter(r, nb, x, m)
	h.finishAppend(r, nb, m, count)
	h.Get(r)
	h.Emit(wasmbin.OpReturn)
	h.End()
	h.End()
	// a new marked object holding r then x
	h.Bin(wasmbin.OpI32Add, nb, m)
	h.Get(count)
	h.Call(h.r.StrAlloc())
	h.Tee(n)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.strBytes(r)
	h.Get(nb)
	h.Emit(wasmbin.OpMemCopy)
	h.Bin(wasmbin.OpI32Add, n, nb)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.strBytes(x)
	h.Get(m)
	h.Emit(wasmbin.OpMemCopy)
	h.Get(n)
	h.BinI32(wasmbin.OpI32Or, count, StrMark)
	h.EmitImm(wasmbin.OpI32Store, abi.StrCountOffset)
	h.Get(n)
}

// objEnd turns the address of a string and its byte length, on the
// stack of b, into the end of its object (where the allocator left the
// arena).
func objEnd(b *emit.Builder) {
	b.Emit(wasmbin.OpI32Add)
	b.I32(abi.StrHeaderSize)
	b.Emit(wasmbin.OpI32Add)
}

// align8 rounds the address on the stack of b up to a multiple of 8.
func align8(b *emit.Builder) {
	b.I32(7)
	b.Emit(wasmbin.OpI32Add)
	b.I32(-8)
	b.Emit(wasmbin.OpI32And)
}

// objEnd is objEnd in the helper being built.
func (h *fn) objEnd() { objEnd(h.Builder) }

// align8 is align8 in the helper being built.
func (h *fn) align8() { align8(h.Builder) }

// copyAfter copies the m bytes of string x right after the nb bytes of
// string r (memory.copy, so the ranges may overlap).
func (h *fn) copyAfter(r, nb, x, m uint32) {
	// up to four bytes (one character), byte by byte upwards: memmove's
	// result when the bytes move down or do not overlap, without the call
	// that memory.copy costs
	h.Get(m)
	h.I32(4)
	h.Emit(wasmbin.OpI32LeU)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	d, s, e := h.Temp(wasmbin.I32), h.Temp(wasmbin.I32), h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, d, s, e)
	h.Get(r)
	h.Get(nb)
	h.objEnd()
	h.Set(d)
	h.strBytes(x)
	h.Tee(s)
	h.Get(m)
	h.Emit(wasmbin.OpI32Add)
	h.Set(e)
	h.Until(func() {
		h.Bin(wasmbin.OpI32GeU, s, e)
	}, func() {
		h.Get(d)
		h.Load(wasmbin.OpI32Load8U, s, 0)
		h.EmitImm(wasmbin.OpI32Store8, 0)
		h.BinI32(wasmbin.OpI32Add, d, 1)
		h.Set(d)
		h.BinI32(wasmbin.OpI32Add, s, 1)
		h.Set(s)
	})
	h.Emit(wasmbin.OpElse)
	h.Get(r)
	h.Get(nb)
	h.objEnd()
	h.strBytes(x)
	h.Get(m)
	h.Emit(wasmbin.OpMemCopy)
	h.End()
}

// finishAppend writes r's new length nb + m and count, keeping the mark.
func (h *fn) finishAppend(r, nb, m, count uint32) {
	h.Get(r)
	h.Bin(wasmbin.OpI32Add, nb, m)
	h.EmitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	h.Get(r)
	h.BinI32(wasmbin.OpI32Or, count, StrMark)
	h.EmitImm(wasmbin.OpI32Store, abi.StrCountOffset)
}

// AppendInline emits the append statement's r + x (r and x are i32 locals
// of b holding the two strings; the new value of r is left on the stack)
// with the common case of __ml_str_append written in place: x of one
// byte (an ASCII character) appended to a marked r whose object ends
// inside the arena's last 8-byte block, so that the byte fits before the
// block's end without allocating. The arena's end moves past the byte,
// and r's length and count grow by one, as the helper's in-place path
// does; every other case calls the helper (fresh as it takes it).
// Appending one character a step cost about 10 ns through the call.
func (r *Runtime) AppendInline(b *emit.Builder, rs, xs uint32, fresh bool) {
	r.UseStrings()
	end, count := b.Temp(wasmbin.I32), b.Temp(wasmbin.I32)
	defer b.Release(wasmbin.I32, end, count)
	// end = r + 8 + nbytes(r); the case: nbytes(x) == 1, r marked, and
	// end in (A - 8, A) for A the arena's end rounded up to 8
	b.Get(rs)
	StrLen(b)
	b.Get(rs)
	objEnd(b)
	b.Set(end)
	b.Get(xs)
	StrLen(b)
	b.I32(1)
	b.Emit(wasmbin.OpI32Eq)
	b.Load(wasmbin.OpI32Load, rs, abi.StrCountOffset)
	b.I32(StrMark)
	b.Emit(wasmbin.OpI32And)
	b.I32(0)
	b.Emit(wasmbin.OpI32Ne)
	b.Emit(wasmbin.OpI32And)
	// A - 1 - end <u 7
	b.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	align8(b)
	b.I32(1)
	b.Emit(wasmbin.OpI32Sub)
	b.Get(end)
	b.Emit(wasmbin.OpI32Sub)
	b.I32(7)
	b.Emit(wasmbin.OpI32LtU)
	b.Emit(wasmbin.OpI32And)
	b.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	// the count of the result, checked like any new string's
	b.Get(rs)
	StrCount(b)
	b.I32(1)
	b.Emit(wasmbin.OpI32Add)
	b.Tee(count)
	b.I32(MaxLen)
	b.Emit(wasmbin.OpI32GtU)
	b.TrapIf(abi.ErrMemory)
	b.Get(end)
	b.Load(wasmbin.OpI32Load8U, xs, abi.StrHeaderSize)
	b.EmitImm(wasmbin.OpI32Store8, 0)
	// the arena ends after the byte (it may have ended there already)
	b.OffsetI32(end, 1)
	b.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	b.OffsetI32(end, 1)
	b.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	b.Emit(wasmbin.OpI32GtU)
	b.Emit(wasmbin.OpSelect)
	b.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
	b.Get(rs)
	b.Get(rs)
	StrLen(b)
	b.I32(1)
	b.Emit(wasmbin.OpI32Add)
	b.EmitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	b.Get(rs)
	b.BinI32(wasmbin.OpI32Or, count, StrMark)
	b.EmitImm(wasmbin.OpI32Store, abi.StrCountOffset)
	b.Get(rs)
	b.Emit(wasmbin.OpElse)
	b.Get(rs)
	b.Get(xs)
	if fresh {
		b.I32(1)
	} else {
		b.I32(0)
	}
	b.Call(r.StrAppend())
	b.End()
}
