package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Slices: x[lo:hi:step] of a list or a str, a new object, as CPython's
// PySlice_Unpack and PySlice_AdjustIndices compute it. The parts that are
// present are flagged in the mask present (SliceLo, SliceHi, SliceStep);
// absent ones take their defaults. A step of 0 traps with ErrValue
// (CPython's ValueError). The step is clamped to -(2**63 - 1), as CPython
// clamps it, so that its negation is exact; then, with n the length:
//
//	start: absent: n - 1 if step < 0 else 0; else lo, + n when negative,
//	       then clamped to [-1, n - 1] if step < 0 else [0, n]
//	stop:  absent: -1 if step < 0 else n; else hi, adjusted alike
//	count: step > 0: (stop - start - 1) / step + 1 when start < stop, else 0
//	       step < 0: (start - stop - 1) / -step + 1 when stop < start, else 0
//
// and the result holds x[start + i * step] for i < count. A str slice
// of an ASCII string copies bytes (one per code point); another string is
// sliced by code points (strSliceWide).

// The flags of a slice's parts (the mask passed to the slice helpers).
const (
	SliceLo   = 1
	SliceHi   = 2
	SliceStep = 4
)

// Slice returns __ml_slice(l i32, lo, hi, step i64, present i32) -> i32
// for slots of width w: the new list l[lo:hi:step].
func (r *Runtime) Slice(w SlotWidth) uint32 { return r.listHelper("__ml_slice", w, buildSlice) }

// StrSlice returns __ml_str_slice(s i32, lo, hi, step i64, present i32)
// -> i32: the new str s[lo:hi:step].
func (r *Runtime) StrSlice() uint32 { return r.str("__ml_str_slice", buildStrSlice) }

// sliceParams are the parameters of both slice helpers.
var sliceParams = []wasmbin.ValType{wasmbin.I32, wasmbin.I64, wasmbin.I64, wasmbin.I64, wasmbin.I32}

// sliceLocals are the locals of a slice helper: the sequence's length n,
// the adjusted start and the element count, and the i32 scratch
// locals of the copy.
type sliceLocals struct {
	n, start, count uint32
	src, dst, end   uint32
}

// Parameter indexes of the slice helpers.
const (
	sliceSeq, sliceLoP, sliceHiP, sliceStepP, slicePresent = 0, 1, 2, 3, 4
)

// sliceBounds emits the step's check and clamp, the adjusted start and
// the count of the slice of a sequence of length in local v.n (see
// above); the step parameter is left normalized (1 when absent).
func (h *fn) sliceBounds(v sliceLocals) {
	stop := h.Named(wasmbin.I64, "stop")
	// step: 1 when absent, ValueError when 0, clamped to -(2**63 - 1)
	h.BinI32(wasmbin.OpI32And, slicePresent, SliceStep)
	h.Emit(wasmbin.OpI32Eqz)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.I64(1)
	h.Set(sliceStepP)
	h.End()
	h.Get(sliceStepP)
	h.Emit(wasmbin.OpI64Eqz)
	h.TrapIf(abi.ErrValue)
	h.BinI64(wasmbin.OpI64Eq, sliceStepP, -1<<63)
	h.When(func() {
		h.I64(-1<<63 + 1)
		h.Set(sliceStepP)
	})
	neg := func() { h.BinI64(wasmbin.OpI64LtS, sliceStepP, 0) }
	// pushes a if step < 0 else b
	bySign := func(a, b func()) {
		a()
		b()
		neg()
		h.Emit(wasmbin.OpSelect)
	}
	nMinus1 := func() { h.Get(v.n); h.I64(1); h.Emit(wasmbin.OpI64Sub) }
	adjust := func(dst, param uint32, flag int32, absent func()) {
		h.BinI32(wasmbin.OpI32And, slicePresent, flag)
		h.Emit(wasmbin.OpI32Eqz)
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		absent()
		h.Set(dst)
		h.Emit(wasmbin.OpElse)
		h.Get(param)
		h.Set(dst)
		h.BinI64(wasmbin.OpI64LtS, dst, 0)
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		h.Bin(wasmbin.OpI64Add, dst, v.n) // dst < 0: no overflow
		h.Set(dst)
		h.BinI64(wasmbin.OpI64LtS, dst, 0)
		h.When(func() {
			bySign(func() { h.I64(-1) }, func() { h.I64(0) })
			h.Set(dst)
		})
		h.Emit(wasmbin.OpElse)
		h.Bin(wasmbin.OpI64GeS, dst, v.n)
		h.When(func() {
			bySign(nMinus1, func() { h.Get(v.n) })
			h.Set(dst)
		})
		h.End()
		h.End()
	}
	adjust(v.start, sliceLoP, SliceLo, func() { bySign(nMinus1, func() { h.I64(0) }) })
	adjust(stop, sliceHiP, SliceHi, func() { bySign(func() { h.I64(-1) }, func() { h.Get(v.n) }) })
	// count
	h.I64(0)
	h.Set(v.count)
	neg()
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Bin(wasmbin.OpI64LtS, stop, v.start)
	h.When(func() {
		h.Bin(wasmbin.OpI64Sub, v.start, stop)
		h.I64(1)
		h.Emit(wasmbin.OpI64Sub)
		h.I64(0)
		h.Get(sliceStepP)
		h.Emit(wasmbin.OpI64Sub)
		h.Emit(wasmbin.OpI64DivU)
		h.I64(1)
		h.Emit(wasmbin.OpI64Add)
		h.Set(v.count)
	})
	h.Emit(wasmbin.OpElse)
	h.Bin(wasmbin.OpI64LtS, v.start, stop)
	h.When(func() {
		h.Bin(wasmbin.OpI64Sub, stop, v.start)
		h.I64(1)
		h.Emit(wasmbin.OpI64Sub)
		h.Get(sliceStepP)
		h.Emit(wasmbin.OpI64DivU)
		h.I64(1)
		h.Emit(wasmbin.OpI64Add)
		h.Set(v.count)
	})
	h.End()
}

// sliceCopy copies v.count slots of width w from the address in v.src
// (slot start of the sequence) to the address in v.dst: one memory.copy
// when the step is 1, else one slot at a time, src advancing by step
// slots (exact: with two or more slots, |step| < n <= MaxLen).
func (h *fn) sliceCopy(v sliceLocals, w SlotWidth) {
	h.BinI64(wasmbin.OpI64Eq, sliceStepP, 1)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Gets(v.dst, v.src)
	h.Get(v.count)
	h.Emit(wasmbin.OpI32WrapI64)
	h.CopyShifted(int32(w))
	h.Emit(wasmbin.OpElse)
	// end = dst + (count << w)
	h.Get(v.dst)
	h.Get(v.count)
	h.Emit(wasmbin.OpI32WrapI64)
	h.ShiftAdd(int32(w))
	h.Set(v.end)
	h.Until(func() { h.Bin(wasmbin.OpI32Eq, v.dst, v.end) }, func() {
		h.Gets(v.dst, v.src)
		if w == ByteSlots {
			h.EmitImm(wasmbin.OpI32Load8U, 0)
			h.EmitImm(wasmbin.OpI32Store8, 0)
		} else {
			h.EmitImm(wasmbin.OpI64Load, 0)
			h.EmitImm(wasmbin.OpI64Store, 0)
		}
		h.AddI32(v.dst, 1<<w)
		h.Get(v.src)
		h.Get(sliceStepP)
		h.Emit(wasmbin.OpI32WrapI64)
		h.I32(int32(w))
		h.Emit(wasmbin.OpI32Shl)
		h.Emit(wasmbin.OpI32Add)
		h.Set(v.src)
	})
	h.End()
}

// newSliceLocals declares a slice helper's signature and locals.
func (h *fn) newSliceLocals() sliceLocals {
	h.signature(sliceParams, []string{"x", "lo", "hi", "step", "present"}, wasmbin.I32)
	return sliceLocals{
		n: h.Named(wasmbin.I64, "n"), start: h.Named(wasmbin.I64, "start"), count: h.Named(wasmbin.I64, "count"),
		src: h.Named(wasmbin.I32, "src"), dst: h.Named(wasmbin.I32, "dst"), end: h.Named(wasmbin.I32, "end"),
	}
}

// buildSlice builds __ml_slice for slots of width w (see above).
func buildSlice(h *fn, w SlotWidth) {
	v := h.newSliceLocals()
	r := h.Named(wasmbin.I32, "r")
	h.listLen64(sliceSeq)
	h.Set(v.n)
	h.sliceBounds(v)
	h.Get(v.count)
	h.Call(h.r.ListNew(w))
	h.Tee(r)
	h.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	h.Set(v.dst)
	h.Get(v.count)
	h.Emit(wasmbin.OpI64Eqz)
	h.Emit(wasmbin.OpI32Eqz)
	h.When(func() {
		h.Load(wasmbin.OpI32Load, sliceSeq, abi.ListDataOffset)
		h.Get(v.start)
		h.Emit(wasmbin.OpI32WrapI64)
		h.ShiftAdd(int32(w))
		h.Set(v.src)
		h.sliceCopy(v, w)
	})
	h.Get(r)
}

// buildStrSlice builds __ml_str_slice (see above). An ASCII string is
// sliced by bytes; another by code points (strSliceWide).
func buildStrSlice(h *fn) {
	v := h.newSliceLocals()
	r := h.Named(wasmbin.I32, "r")
	h.Get(sliceSeq)
	h.strCount()
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Set(v.n)
	h.sliceBounds(v)
	h.Get(sliceSeq)
	h.strLen()
	h.Get(sliceSeq)
	h.strCount()
	h.Emit(wasmbin.OpI32Ne)
	h.ReturnIf(func() { h.strSliceWide(v) })
	// ASCII: one byte per code point
	h.Get(v.count)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Get(v.count)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Set(v.dst)
	h.Get(v.count)
	h.Emit(wasmbin.OpI64Eqz)
	h.Emit(wasmbin.OpI32Eqz)
	h.When(func() {
		h.strBytes(sliceSeq)
		h.Get(v.start)
		h.Emit(wasmbin.OpI32WrapI64)
		h.Emit(wasmbin.OpI32Add)
		h.Set(v.src)
		h.sliceCopy(v, ByteSlots)
	})
	h.Get(r)
}

// strSliceWide pushes the slice of a string with characters beyond ASCII,
// whose start, count and step sliceBounds computed: the characters are
// found by __ml_str_pos (linear over a walk in one direction, from the
// last position it found). With step 1 the slice is the bytes between
// the first character and the one after the last (or the end); with step
// -1 the same bytes, copied character by character from the last
// (strSliceReversed); with another step a first pass sums the selected
// characters' lengths and a second copies them. start + i*step stays within the string for i <
// count (with two or more characters, |step| < n).
func (h *fn) strSliceWide(v sliceLocals) {
	r, nb, k, c := h.Named(wasmbin.I32, "wr"), h.Named(wasmbin.I32, "wnb"), h.Named(wasmbin.I64, "k"), h.Named(wasmbin.I32, "c")
	pos := func(i func()) { // the address of character i
		h.Get(sliceSeq)
		i()
		h.Call(h.r.StrPos())
	}
	alloc := func() {
		h.Get(nb)
		h.Get(v.count)
		h.Emit(wasmbin.OpI32WrapI64)
		h.Call(h.r.StrAlloc())
		h.Tee(r)
		h.I32(abi.StrHeaderSize)
		h.Emit(wasmbin.OpI32Add)
		h.Set(v.dst)
	}
	h.I32(0)
	h.Set(nb)
	h.Get(v.count)
	h.Emit(wasmbin.OpI64Eqz)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	alloc()
	h.Get(r)
	h.Emit(wasmbin.OpReturn)
	h.End()
	h.BinI64(wasmbin.OpI64Eq, sliceStepP, 1)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	pos(func() { h.Get(v.start) })
	h.Set(v.src)
	// the end: the character after the last, or the string's end
	h.Bin(wasmbin.OpI64Add, v.start, v.count)
	h.Get(v.n)
	h.Emit(wasmbin.OpI64Eq)
	h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	h.strBytes(sliceSeq)
	h.Get(sliceSeq)
	h.strLen()
	h.Emit(wasmbin.OpI32Add)
	h.Emit(wasmbin.OpElse)
	pos(func() { h.Bin(wasmbin.OpI64Add, v.start, v.count) })
	h.End()
	h.Get(v.src)
	h.Emit(wasmbin.OpI32Sub)
	h.Set(nb)
	alloc()
	h.copyBytes(v.dst, v.src, nb)
	h.Get(r)
	h.Emit(wasmbin.OpReturn)
	h.End()
	h.BinI64(wasmbin.OpI64Eq, sliceStepP, -1)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.strSliceReversed(v, r, nb, alloc)
	h.Get(r)
	h.Emit(wasmbin.OpReturn)
	h.End()
	// each selected character, in order: k = start + i*step
	each := func(body func()) {
		h.Get(v.start)
		h.Set(k)
		h.Get(v.count)
		h.Set(v.n) // n is no longer needed: the characters left
		h.Until(func() { h.Get(v.n); h.Emit(wasmbin.OpI64Eqz) }, func() {
			pos(func() { h.Get(k) })
			h.Tee(v.src)
			h.EmitImm(wasmbin.OpI32Load8U, 0)
			h.charLen()
			h.Set(c)
			body()
			h.Bin(wasmbin.OpI64Add, k, sliceStepP)
			h.Set(k)
			h.Get(v.n)
			h.I64(1)
			h.Emit(wasmbin.OpI64Sub)
			h.Set(v.n)
		})
	}
	each(func() {
		h.Bin(wasmbin.OpI32Add, nb, c)
		h.Set(nb)
	})
	alloc()
	each(func() {
		h.copyBytes(v.dst, v.src, c)
		h.Bin(wasmbin.OpI32Add, v.dst, c)
		h.Set(v.dst)
	})
	h.Get(r)
}

// strSliceReversed sets r (through alloc, nb its size in bytes) to the
// slice with step -1 of the string with characters beyond ASCII: the
// characters start - count + 1 to start, whose bytes are contiguous,
// copied from the last: each is found by stepping back over its
// continuation bytes (0b10xxxxxx) from the end of the one after it.
func (h *fn) strSliceReversed(v sliceLocals, r, nb uint32, alloc func()) {
	first, p, q := h.Temp(wasmbin.I32), h.Temp(wasmbin.I32), h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, first, p, q)
	h.Get(sliceSeq)
	h.Get(v.start)
	h.Get(v.count)
	h.Emit(wasmbin.OpI64Sub)
	h.I64(1)
	h.Emit(wasmbin.OpI64Add)
	h.Call(h.r.StrPos())
	h.Set(first)
	// p: the end of the last character, start's
	h.Get(sliceSeq)
	h.Get(v.start)
	h.Call(h.r.StrPos())
	h.Tee(p)
	h.Get(p)
	h.EmitImm(wasmbin.OpI32Load8U, 0)
	h.charLen()
	h.Emit(wasmbin.OpI32Add)
	h.Tee(p)
	h.Get(first)
	h.Emit(wasmbin.OpI32Sub)
	h.Set(nb)
	alloc()
	h.Until(func() { h.Bin(wasmbin.OpI32LeU, p, first) }, func() {
		// q: the start of the character ending at p (strwide.go)
		h.charBefore(p, q)
		h.Emit(wasmbin.OpDrop)
		h.Bin(wasmbin.OpI32Sub, p, q)
		h.Set(nb)
		h.copyBytes(v.dst, q, nb)
		h.Bin(wasmbin.OpI32Add, v.dst, nb)
		h.Set(v.dst)
		h.Get(q)
		h.Set(p)
	})
}
