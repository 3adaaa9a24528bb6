package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// strip(), split() and split(sep) of text beyond ASCII. Python's
// whitespace (str.isspace, the same 29 code points in CPython 3.10 to
// 3.13) is the ASCII set (9 to 13, 28 to 31, 32) and U+0085, U+00A0,
// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000:
// in UTF-8, C2 85, C2 A0, E1 9A 80, E2 80 80 to E2 80 8A, E2 80 A8, E2 80
// A9, E2 80 AF, E2 81 9F and E3 80 80, which __ml_space_len recognizes
// from the bytes. A separator of split(sep) matches where a character
// starts (strsearch.go), so only the new strings' counts of code points
// need counting.

// spaceLen returns __ml_space_len(p i32) -> i32: the length in bytes of
// the character at p when it is whitespace (see above), else 0. The
// bytes after a lead byte belong to its character: reading them stays
// within the string.
func (r *Runtime) spaceLen() uint32 { return r.str("__ml_space_len", buildSpaceLen) }

// strStripWide returns __ml_str_strip_wide(s i32) -> i32: strip() of any
// text.
func (r *Runtime) strStripWide() uint32 { return r.str("__ml_str_strip_wide", buildStrStripWide) }

// strSplitWide returns __ml_str_split_wide(s i32) -> i32: split() of any
// text.
func (r *Runtime) strSplitWide() uint32 { return r.str("__ml_str_split_wide", buildStrSplitWide) }

// buildSpaceLen builds __ml_space_len.
func buildSpaceLen(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"p"}, wasmbin.I32)
	const p = 0
	b0, b1, b2 := h.Named(wasmbin.I32, "b0"), h.Named(wasmbin.I32, "b1"), h.Named(wasmbin.I32, "b2")
	h.Load(wasmbin.OpI32Load8U, p, 0)
	h.Tee(b0)
	h.I32(0x80)
	h.Emit(wasmbin.OpI32LtU)
	h.ReturnIf(func() { h.isSpace(b0) }) // 1 or 0
	h.Load(wasmbin.OpI32Load8U, p, 1)
	h.Set(b1)
	// C2 85, C2 A0
	h.BinI32(wasmbin.OpI32Eq, b0, 0xC2)
	h.ReturnIf(func() {
		h.BinI32(wasmbin.OpI32Eq, b1, 0x85)
		h.BinI32(wasmbin.OpI32Eq, b1, 0xA0)
		h.Emit(wasmbin.OpI32Or)
		h.I32(1)
		h.Emit(wasmbin.OpI32Shl) // 2 or 0
	})
	// the three-byte ones: E1 9A 80, E2 80 xx, E2 81 9F, E3 80 80
	h.Get(b0)
	h.I32(0xE1)
	h.Emit(wasmbin.OpI32Sub)
	h.I32(2)
	h.Emit(wasmbin.OpI32GtU)
	h.ReturnIf(func() { h.I32(0) })
	h.Load(wasmbin.OpI32Load8U, p, 2)
	h.Set(b2)
	// E1 9A 80
	h.BinI32(wasmbin.OpI32Eq, b0, 0xE1)
	h.BinI32(wasmbin.OpI32Eq, b1, 0x9A)
	h.Emit(wasmbin.OpI32And)
	h.BinI32(wasmbin.OpI32Eq, b2, 0x80)
	h.Emit(wasmbin.OpI32And)
	// E3 80 80
	h.BinI32(wasmbin.OpI32Eq, b0, 0xE3)
	h.BinI32(wasmbin.OpI32Eq, b1, 0x80)
	h.Emit(wasmbin.OpI32And)
	h.BinI32(wasmbin.OpI32Eq, b2, 0x80)
	h.Emit(wasmbin.OpI32And)
	h.Emit(wasmbin.OpI32Or)
	// E2 80 80..8A, A8, A9, AF
	h.BinI32(wasmbin.OpI32Eq, b0, 0xE2)
	h.BinI32(wasmbin.OpI32Eq, b1, 0x80)
	h.Emit(wasmbin.OpI32And)
	h.Get(b2)
	h.I32(0x80)
	h.Emit(wasmbin.OpI32Sub)
	h.I32(0x0A)
	h.Emit(wasmbin.OpI32LeU)
	h.BinI32(wasmbin.OpI32Eq, b2, 0xA8)
	h.Emit(wasmbin.OpI32Or)
	h.BinI32(wasmbin.OpI32Eq, b2, 0xA9)
	h.Emit(wasmbin.OpI32Or)
	h.BinI32(wasmbin.OpI32Eq, b2, 0xAF)
	h.Emit(wasmbin.OpI32Or)
	h.Emit(wasmbin.OpI32And)
	h.Emit(wasmbin.OpI32Or)
	// E2 81 9F
	h.BinI32(wasmbin.OpI32Eq, b0, 0xE2)
	h.BinI32(wasmbin.OpI32Eq, b1, 0x81)
	h.Emit(wasmbin.OpI32And)
	h.BinI32(wasmbin.OpI32Eq, b2, 0x9F)
	h.Emit(wasmbin.OpI32And)
	h.Emit(wasmbin.OpI32Or)
	h.I32(3)
	h.Emit(wasmbin.OpI32Mul) // 3 or 0
}

// wideTo returns helper(s) when the string in local s has characters
// beyond ASCII.
func (h *fn) wideTo(s, helper uint32) {
	h.Get(s)
	h.strLen()
	h.Get(s)
	h.strCount()
	h.Emit(wasmbin.OpI32Ne)
	h.ReturnIf(func() {
		h.Get(s)
		h.Call(helper)
	})
}

// newStrCounted pushes a new string holding the n bytes (local) at
// address p (local), its code points counted: the bytes that are not
// continuation bytes (0b10xxxxxx).
func (h *fn) newStrCounted(p, n uint32) {
	i, k, r, d := h.Temp(wasmbin.I32), h.Temp(wasmbin.I32), h.Temp(wasmbin.I32), h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, i, k, r, d)
	h.leads(p, n, i, k)
	h.Gets(n, k)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Set(d)
	h.copyBytes(d, p, n)
	h.Get(r)
}

// leads sets k to the code points of the n bytes (local) at address p
// (local): the bytes that are not continuation bytes (0b10xxxxxx); i is
// scratch.
func (h *fn) leads(p, n, i, k uint32) {
	h.I32(0)
	h.Set(i)
	h.I32(0)
	h.Set(k)
	h.Until(func() { h.Bin(wasmbin.OpI32GeU, i, n) }, func() {
		h.Get(k)
		h.Bin(wasmbin.OpI32Add, p, i)
		h.EmitImm(wasmbin.OpI32Load8U, 0)
		h.isLead()
		h.Emit(wasmbin.OpI32Add)
		h.Set(k)
		h.AddI32(i, 1)
	})
}

// charBefore pushes the address of the first byte of the character that
// ends at the address in local b (stepping back over continuation
// bytes); q is scratch.
func (h *fn) charBefore(b, q uint32) {
	h.Get(b)
	h.I32(1)
	h.Emit(wasmbin.OpI32Sub)
	h.Set(q)
	h.Until(func() {
		h.Get(q)
		h.EmitImm(wasmbin.OpI32Load8U, 0)
		h.isLead()
	}, func() { h.AddI32(q, -1) })
	h.Get(q)
}

// buildStrStripWide builds __ml_str_strip_wide: whitespace characters are
// passed from the front, then from the back.
func buildStrStripWide(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I32)
	const s = 0
	a, b, w, q, n := h.Named(wasmbin.I32, "a"), h.Named(wasmbin.I32, "b"), h.Named(wasmbin.I32, "w"),
		h.Named(wasmbin.I32, "q"), h.Named(wasmbin.I32, "n")
	h.strBytes(s)
	h.Tee(a)
	h.Get(s)
	h.strLen()
	h.Emit(wasmbin.OpI32Add)
	h.Set(b)
	h.Until(func() {
		h.orElse(func() { h.Bin(wasmbin.OpI32GeU, a, b) }, func() {
			h.Get(a)
			h.Call(h.r.spaceLen())
			h.Tee(w)
			h.Emit(wasmbin.OpI32Eqz)
		})
	}, func() {
		h.Bin(wasmbin.OpI32Add, a, w)
		h.Set(a)
	})
	h.Until(func() {
		h.orElse(func() { h.Bin(wasmbin.OpI32LeU, b, a) }, func() {
			h.charBefore(b, q)
			h.Call(h.r.spaceLen())
			h.Emit(wasmbin.OpI32Eqz)
		})
	}, func() {
		h.Get(q)
		h.Set(b)
	})
	h.Bin(wasmbin.OpI32Sub, b, a)
	h.Set(n)
	h.newStrCounted(a, n)
}

// splitScanWide is splitScan for any text: whitespace characters
// (__ml_space_len) separate the words, which are runs of other
// characters.
func (h *fn) splitScanWide(p, end uint32, word func(start, n uint32)) {
	w := h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, w)
	h.splitScanBy(p, end, func() { // the whitespace's length, 0 for none
		h.Get(p)
		h.Call(h.r.spaceLen())
		h.Tee(w)
	}, func() {
		h.Bin(wasmbin.OpI32Add, p, w)
		h.Set(p)
	}, func() { // on by the character's length
		h.Get(p)
		h.Get(p)
		h.EmitImm(wasmbin.OpI32Load8U, 0)
		h.charLen()
		h.Emit(wasmbin.OpI32Add)
		h.Set(p)
	}, word)
}

// buildStrSplitWide builds __ml_str_split_wide (splitWords with the
// scan of whitespace beyond ASCII and counted code points).
func buildStrSplitWide(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I32)
	h.splitWords(0, h.splitScanWide, h.newStrCounted)
}
