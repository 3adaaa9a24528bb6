package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Sorting: l.sort() and sorted(l) of a list of ints, floats, bools or
// strs, ascending. Strs compare by their UTF-8 bytes (__ml_str_cmp), whose
// order is the code points' order, as CPython compares them. CPython's sort is stable, and so is this one (a bottom-up
// merge sort through a scratch copy from the arena, which takes an
// element from the right run only when it is strictly smaller): for a
// total order every stable sort gives the same list, equal elements in
// their first order (0.0 and -0.0 stay as they were). NaN makes float
// comparisons no order at all, and then the result depends on the
// algorithm: a list holding one traps with ErrUnsupported, and AUTO
// re-runs the call in Python.

// A SortKind is how the elements of a sorted list compare.
type SortKind int

// The element kinds a sort compares.
const (
	SortInts   SortKind = iota // i64, signed
	SortFloats                 // f64
	SortBools                  // one byte, 0 < 1
	SortStrs                   // the address of a str in a wide slot, by __ml_str_cmp
)

// name returns the helper's name for the kind.
func (k SortKind) name(base string) string {
	return base + [...]string{"_i", "_f", "_b", "_s"}[k]
}

// width returns the slot width of the kind's lists.
func (k SortKind) width() SlotWidth {
	if k == SortBools {
		return ByteSlots
	}
	return WideSlots
}

// Sort returns __ml_sort_K(l i32): sorts the list l in place.
func (r *Runtime) Sort(k SortKind) uint32 {
	r.UseHeap()
	return r.helper(k.name("__ml_sort"), func(h *fn) { buildSort(h, k) })
}

// Sorted returns __ml_sorted_K(l i32) -> i32: a sorted copy of l.
func (r *Runtime) Sorted(k SortKind) uint32 {
	r.UseHeap()
	return r.helper(k.name("__ml_sorted"), func(h *fn) { buildSorted(h, k) })
}

// SortDesc returns __ml_sort_desc_K(l i32): l.sort(reverse=True), as
// CPython does it: the list reversed, sorted, and reversed again, which
// keeps equal elements (0.0 and -0.0) in their first order.
func (r *Runtime) SortDesc(k SortKind) uint32 {
	r.UseHeap()
	return r.helper(k.name("__ml_sort_desc"), func(h *fn) {
		h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"l"})
		for _, f := range []uint32{h.r.reverseList(k), h.r.Sort(k), h.r.reverseList(k)} {
			h.Get(0)
			h.Call(f)
		}
	})
}

// SortedDesc returns __ml_sorted_desc_K(l i32) -> i32: sorted(l,
// reverse=True), a copy sorted by SortDesc.
func (r *Runtime) SortedDesc(k SortKind) uint32 {
	r.UseHeap()
	return r.helper(k.name("__ml_sorted_desc"), func(h *fn) { buildSortedWith(h, k, h.r.SortDesc(k)) })
}

// reverseList returns __ml_reverse_K(l i32): reverses the slots of l in
// place.
func (r *Runtime) reverseList(k SortKind) uint32 {
	return r.helper(k.name("__ml_reverse"), func(h *fn) {
		h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"l"})
		const l = 0
		a, b, t := h.Named(wasmbin.I32, "a"), h.Named(wasmbin.I32, "b"), h.Named(wasmbin.I64, "t")
		w := int32(k.width())
		h.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		h.Tee(a)
		h.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
		h.ShiftAdd(w)
		h.Set(b) // past the last slot
		load, store := wasmbin.OpI64Load, wasmbin.OpI64Store
		if k == SortBools {
			load, store = wasmbin.OpI32Load8U, wasmbin.OpI32Store8
		}
		h.Until(func() {
			h.OffsetI32(a, 1<<w)
			h.Get(b)
			h.Emit(wasmbin.OpI32GtU) // a + 1 slot > b: fewer than two slots left
		}, func() {
			h.AddI32(b, -(1 << w))
			h.Get(a)
			h.EmitImm(load, 0)
			if k == SortBools {
				h.Emit(wasmbin.OpI64ExtendI32U)
			}
			h.Set(t)
			h.Get(a)
			h.Get(b)
			h.EmitImm(load, 0)
			h.EmitImm(store, 0)
			h.Get(b)
			h.Get(t)
			if k == SortBools {
				h.Emit(wasmbin.OpI32WrapI64)
			}
			h.EmitImm(store, 0)
			h.AddI32(a, 1<<w)
		})
	})
}

// buildSorted builds __ml_sorted: a copy, sorted in place.
func buildSorted(h *fn, k SortKind) { buildSortedWith(h, k, h.r.Sort(k)) }

// buildSortedWith builds a copy of the list sorted in place by sort.
func buildSortedWith(h *fn, k SortKind, sort uint32) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"l"}, wasmbin.I32)
	const l = 0
	r := h.Named(wasmbin.I32, "r")
	h.listLen64(l)
	h.Call(h.r.ListNew(k.width()))
	h.Tee(r)
	h.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	h.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	h.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	h.CopyShifted(int32(k.width()))
	h.Get(r)
	h.Call(sort)
	h.Get(r)
}

// buildSort builds __ml_sort (see above): runs of width 1, 2, 4 ... are
// merged from src into dst, which then swap; the sorted slots end in the
// list's data, copied there when the last pass wrote the scratch copy.
func buildSort(h *fn, k SortKind) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"l"})
	const l = 0
	w := int32(k.width())
	i32 := func(name string) uint32 { return h.Named(wasmbin.I32, name) }
	n, data, src, dst, width, i, lo, mid, hi, a, b, c, t := i32("n"), i32("data"), i32("src"), i32("dst"),
		i32("width"), i32("i"), i32("lo"), i32("mid"), i32("hi"), i32("a"), i32("b"), i32("c"), i32("t")
	h.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	h.Set(n)
	h.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	h.Tee(data)
	h.Set(src)
	h.BinI32(wasmbin.OpI32LtU, n, 2)
	h.ReturnIf(func() {})
	slot := func(base, idx uint32) { // pushes the address of slot idx of base
		h.Get(base)
		h.Get(idx)
		h.ShiftAdd(w)
	}
	load := func(base, idx uint32) {
		slot(base, idx)
		switch k {
		case SortInts:
			h.EmitImm(wasmbin.OpI64Load, 0)
		case SortFloats:
			h.EmitImm(wasmbin.OpF64Load, 0)
		case SortStrs:
			h.EmitImm(wasmbin.OpI32Load, 0)
		default:
			h.EmitImm(wasmbin.OpI32Load8U, 0)
		}
	}
	if k == SortFloats {
		// NaN: no order; the call re-runs in Python
		h.I32(0)
		h.Set(i)
		h.Until(func() { h.Bin(wasmbin.OpI32GeU, i, n) }, func() {
			load(src, i)
			load(src, i)
			h.Emit(wasmbin.OpF64Ne)
			h.TrapIf(abi.ErrUnsupported)
			h.AddI32(i, 1)
		})
	}
	// the scratch copy
	h.Get(n)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.I64(int64(w))
	h.Emit(wasmbin.OpI64Shl)
	h.Call(h.r.NewBytes())
	h.Set(dst)
	// copies slot a of src to slot c of dst
	move := func(from uint32) {
		slot(dst, c)
		slot(src, from)
		if k == SortBools {
			h.EmitImm(wasmbin.OpI32Load8U, 0)
			h.EmitImm(wasmbin.OpI32Store8, 0)
		} else {
			h.EmitImm(wasmbin.OpI64Load, 0)
			h.EmitImm(wasmbin.OpI64Store, 0)
		}
		h.AddI32(c, 1)
		h.AddI32(from, 1)
	}
	minN := func(x func()) { // pushes min(x, n)
		x()
		h.Get(n)
		x()
		h.Get(n)
		h.Emit(wasmbin.OpI32LtU)
		h.Emit(wasmbin.OpSelect)
	}
	h.I32(1)
	h.Set(width)
	h.Until(func() { h.Bin(wasmbin.OpI32GeU, width, n) }, func() {
		h.I32(0)
		h.Set(i)
		h.Until(func() { h.Bin(wasmbin.OpI32GeU, i, n) }, func() {
			h.Get(i)
			h.Tee(lo)
			h.Tee(a)
			h.Set(c)
			minN(func() { h.Bin(wasmbin.OpI32Add, i, width) })
			h.Tee(mid)
			h.Set(b)
			minN(func() {
				h.Get(i)
				h.Get(width)
				h.I32(1)
				h.Emit(wasmbin.OpI32Shl)
				h.Emit(wasmbin.OpI32Add)
			})
			h.Set(hi)
			// both runs: the right one's element first only when smaller
			h.Until(func() {
				h.Bin(wasmbin.OpI32GeU, a, mid)
				h.Bin(wasmbin.OpI32GeU, b, hi)
				h.Emit(wasmbin.OpI32Or)
			}, func() {
				load(src, b)
				load(src, a)
				switch k {
				case SortInts:
					h.Emit(wasmbin.OpI64LtS)
				case SortFloats:
					h.Emit(wasmbin.OpF64Lt)
				case SortStrs:
					h.Call(h.r.StrCmp())
					h.I32(0)
					h.Emit(wasmbin.OpI32LtS)
				default:
					h.Emit(wasmbin.OpI32LtU)
				}
				h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
				move(b)
				h.Emit(wasmbin.OpElse)
				move(a)
				h.End()
			})
			h.Until(func() { h.Bin(wasmbin.OpI32GeU, a, mid) }, func() { move(a) })
			h.Until(func() { h.Bin(wasmbin.OpI32GeU, b, hi) }, func() { move(b) })
			h.Get(hi)
			h.Set(i)
		})
		// swap src and dst; double the width
		h.Get(src)
		h.Set(t)
		h.Get(dst)
		h.Set(src)
		h.Get(t)
		h.Set(dst)
		h.Get(width)
		h.I32(1)
		h.Emit(wasmbin.OpI32Shl)
		h.Set(width)
	})
	h.Bin(wasmbin.OpI32Ne, src, data)
	h.When(func() {
		h.Gets(data, src, n)
		h.CopyShifted(w)
	})
}
