package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// String methods: s.lower(), s.upper(), s.strip(), s.split(),
// s.split(sep), sep.join(parts), s.startswith(p) and s.endswith(p). Case
// mapping follows Python's Unicode rules, which for ASCII text are the
// ASCII ones: lower and upper run on ASCII strings (one byte per code
// point) and trap with ErrUnsupported on any other, so AUTO re-runs the
// call in Python. strip and split run on ASCII strings here and on any
// other in strwide.go, which knows Python's whitespace beyond ASCII.
// join, startswith and endswith only copy or compare whole strings, which
// UTF-8 keeps exact for any text. Python's whitespace among ASCII
// characters is \t \n \v \f \r, the separators \x1c to \x1f, and the
// space.

// StrLower returns __ml_str_lower(s i32) -> i32: s.lower() of an ASCII s.
func (r *Runtime) StrLower() uint32 {
	return r.str("__ml_str_lower", func(h *fn) { buildStrCase(h, 'A', 'Z', 'a'-'A') })
}

// StrUpper returns __ml_str_upper(s i32) -> i32: s.upper() of an ASCII s.
func (r *Runtime) StrUpper() uint32 {
	return r.str("__ml_str_upper", func(h *fn) { buildStrCase(h, 'a', 'z', 'A'-'a') })
}

// StrStrip returns __ml_str_strip(s i32) -> i32: s.strip() of an ASCII s.
func (r *Runtime) StrStrip() uint32 { return r.str("__ml_str_strip", buildStrStrip) }

// StrSplit returns __ml_str_split(s i32) -> i32: the list[str]
// s.split() of an ASCII s.
func (r *Runtime) StrSplit() uint32 {
	r.UseHeap()
	return r.str("__ml_str_split", buildStrSplit)
}

// StrSplitSep returns __ml_str_split_sep(s, sep i32) -> i32: the
// list[str] s.split(sep) of ASCII s and sep; an empty sep traps with
// ErrUnsupported (CPython's ValueError comes from the re-run).
func (r *Runtime) StrSplitSep() uint32 {
	r.UseHeap()
	return r.str("__ml_str_split_sep", buildStrSplitSep)
}

// StrJoin returns __ml_str_join(sep, parts i32) -> i32: sep.join(parts)
// of a list[str].
func (r *Runtime) StrJoin() uint32 { return r.str("__ml_str_join", buildStrJoin) }

// StrStartsWith returns __ml_str_startswith(s, p i32) -> i32.
func (r *Runtime) StrStartsWith() uint32 {
	return r.str("__ml_str_startswith", func(h *fn) { buildStrAffix(h, false) })
}

// StrEndsWith returns __ml_str_endswith(s, p i32) -> i32.
func (r *Runtime) StrEndsWith() uint32 {
	return r.str("__ml_str_endswith", func(h *fn) { buildStrAffix(h, true) })
}

// asciiOnly traps with ErrUnsupported unless the string in local s has one
// byte per code point.
func (h *fn) asciiOnly(s uint32) {
	h.Load(wasmbin.OpI32Load, s, abi.StrLenOffset)
	h.Load(wasmbin.OpI32Load, s, abi.StrCountOffset)
	h.Emit(wasmbin.OpI32Ne)
	h.TrapIf(abi.ErrUnsupported)
}

// isIntSpace pushes whether the byte in local c is whitespace int()
// skips around a number: 9 to 13 or 32 (CPython's Py_ISSPACE; the
// separators 28 to 31, which str.strip() removes, make int() fail).
func (h *fn) isIntSpace(c uint32) {
	h.BinI32(wasmbin.OpI32Eq, c, ' ')
	h.Get(c)
	h.I32(9)
	h.Emit(wasmbin.OpI32Sub)
	h.I32(4)
	h.Emit(wasmbin.OpI32LeU)
	h.Emit(wasmbin.OpI32Or)
}

// isSpace pushes whether the byte in local c is ASCII whitespace for
// Python: 9 to 13, 28 to 31, or 32.
func (h *fn) isSpace(c uint32) {
	h.isIntSpace(c)
	h.Get(c)
	h.I32(28)
	h.Emit(wasmbin.OpI32Sub)
	h.I32(3)
	h.Emit(wasmbin.OpI32LeU)
	h.Emit(wasmbin.OpI32Or)
}

// orElse pushes first() || second(), second evaluated only when first
// leaves 0 (it may read past the end of a string otherwise).
func (h *fn) orElse(first, second func()) {
	first()
	h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	h.I32(1)
	h.Emit(wasmbin.OpElse)
	second()
	h.End()
}

// trimmed sets the locals a and b to the first byte of the string in
// local s and past its last, leaving out the bytes at either end for
// which space (of the byte in local c) holds.
func (h *fn) trimmed(s, a, b, c uint32, space func(c uint32)) {
	h.strBytes(s)
	h.Tee(a)
	h.Load(wasmbin.OpI32Load, s, abi.StrLenOffset)
	h.Emit(wasmbin.OpI32Add)
	h.Set(b)
	h.Until(func() {
		h.orElse(func() { h.Bin(wasmbin.OpI32GeU, a, b) }, func() {
			h.Load(wasmbin.OpI32Load8U, a, 0)
			h.Set(c)
			space(c)
			h.Emit(wasmbin.OpI32Eqz)
		})
	}, func() { h.AddI32(a, 1) })
	h.Until(func() {
		h.orElse(func() { h.Bin(wasmbin.OpI32LeU, b, a) }, func() {
			h.Get(b)
			h.I32(1)
			h.Emit(wasmbin.OpI32Sub)
			h.EmitImm(wasmbin.OpI32Load8U, 0)
			h.Set(c)
			space(c)
			h.Emit(wasmbin.OpI32Eqz)
		})
	}, func() { h.AddI32(b, -1) })
}

// allocSized sets r to a new string of nb bytes and nc code points (i64
// locals: ErrMemory past MaxLen code points or 4*MaxLen bytes), and dst
// to the address of its bytes, which the caller writes.
func (h *fn) allocSized(nb, nc, r, dst uint32) {
	h.BinI64(wasmbin.OpI64GtU, nc, MaxLen)
	h.TrapIf(abi.ErrMemory)
	h.BinI64(wasmbin.OpI64GtU, nb, 4*MaxLen)
	h.TrapIf(abi.ErrMemory)
	h.Get(nb)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Get(nc)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Set(dst)
}

// newStrOf pushes a new string holding the n bytes (local) at address p
// (local), ASCII: n code points.
func (h *fn) newStrOf(p, n uint32) {
	r, d := h.Temp(wasmbin.I32), h.Temp(wasmbin.I32)
	h.Gets(n, n)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Set(d)
	h.copyBytes(d, p, n)
	h.Get(r)
	h.Release(wasmbin.I32, r, d)
}

// copyBytes copies n bytes (locals: destination, source, count) that do
// not overlap: fewer than 64 eight at a time, then byte by byte
// (memory.copy is a call into the runtime, dearer than the loops for
// short runs: words, the text between two matches of replace), longer
// runs with memory.copy.
func (h *fn) copyBytes(dst, src, n uint32) {
	i := h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, i)
	h.BinI32(wasmbin.OpI32LtU, n, 64)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.I32(0)
	h.Set(i)
	h.Until(func() { // i + 8 > n
		h.OffsetI32(i, 8)
		h.Get(n)
		h.Emit(wasmbin.OpI32GtU)
	}, func() {
		h.Bin(wasmbin.OpI32Add, dst, i)
		h.Bin(wasmbin.OpI32Add, src, i)
		h.EmitImm(wasmbin.OpI64Load, 0)
		h.EmitImm(wasmbin.OpI64Store, 0)
		h.AddI32(i, 8)
	})
	h.Until(func() { h.Bin(wasmbin.OpI32GeU, i, n) }, func() {
		h.Bin(wasmbin.OpI32Add, dst, i)
		h.Bin(wasmbin.OpI32Add, src, i)
		h.EmitImm(wasmbin.OpI32Load8U, 0)
		h.EmitImm(wasmbin.OpI32Store8, 0)
		h.AddI32(i, 1)
	})
	h.Emit(wasmbin.OpElse)
	h.Gets(dst, src, n)
	h.Emit(wasmbin.OpMemCopy)
	h.End()
}

// buildStrCase builds a case mapping of ASCII strings: the bytes in [lo,
// hi] get delta added; a string beyond ASCII goes to strcase.go's helper.
func buildStrCase(h *fn, lo, hi byte, delta int32) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I32)
	const s = 0
	n, r, src, dst, end, c := h.Named(wasmbin.I32, "n"), h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "src"),
		h.Named(wasmbin.I32, "dst"), h.Named(wasmbin.I32, "end"), h.Named(wasmbin.I32, "c")
	h.wideTo(s, h.r.strCaseWide(lo == 'a')) // strcase.go
	h.Load(wasmbin.OpI32Load, s, abi.StrLenOffset)
	h.Tee(n)
	h.Get(n)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Set(dst)
	h.strBytes(s)
	h.Tee(src)
	h.Get(n)
	h.Emit(wasmbin.OpI32Add)
	h.Set(end)
	h.Until(func() { h.Bin(wasmbin.OpI32Eq, src, end) }, func() {
		h.Load(wasmbin.OpI32Load8U, src, 0)
		h.Tee(c)
		h.I32(int32(lo))
		h.Emit(wasmbin.OpI32Sub)
		h.I32(int32(hi - lo))
		h.Emit(wasmbin.OpI32LeU)
		h.When(func() {
			h.Get(c)
			h.I32(delta)
			h.Emit(wasmbin.OpI32Add)
			h.Set(c)
		})
		h.Store(wasmbin.OpI32Store8, dst, 0, c)
		h.AddI32(src, 1)
		h.AddI32(dst, 1)
	})
	h.Get(r)
}

// buildStrStrip builds __ml_str_strip.
func buildStrStrip(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I32)
	const s = 0
	a, b, c, n := h.Named(wasmbin.I32, "a"), h.Named(wasmbin.I32, "b"), h.Named(wasmbin.I32, "c"), h.Named(wasmbin.I32, "n")
	h.wideTo(s, h.r.strStripWide()) // strwide.go
	h.trimmed(s, a, b, c, h.isSpace)
	h.Bin(wasmbin.OpI32Sub, b, a)
	h.Set(n)
	h.newStrOf(a, n)
}

// splitScan emits the scan of split(): from the address in local p to
// the one in local end, each word (a run of bytes that are not
// whitespace) calls word with its start and length in locals.
func (h *fn) splitScan(p, end uint32, word func(start, n uint32)) {
	c := h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, c)
	step := func() { h.AddI32(p, 1) }
	h.splitScanBy(p, end, func() {
		h.Load(wasmbin.OpI32Load8U, p, 0)
		h.Set(c)
		h.isSpace(c)
	}, step, step, word)
}

// splitScanBy is the loop of splitScan and splitScanWide: space pushes
// whether whitespace starts at p (nonzero), skipSpace moves p past it,
// skipChar past a character that is not whitespace.
func (h *fn) splitScanBy(p, end uint32, space, skipSpace, skipChar func(), word func(start, n uint32)) {
	start, n := h.Temp(wasmbin.I32), h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, start, n)
	h.Until(func() { h.Bin(wasmbin.OpI32GeU, p, end) }, func() {
		space()
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		skipSpace()
		h.Emit(wasmbin.OpElse)
		h.Get(p)
		h.Set(start)
		h.Until(func() {
			h.orElse(func() { h.Bin(wasmbin.OpI32GeU, p, end) }, space)
		}, skipChar)
		h.Bin(wasmbin.OpI32Sub, p, start)
		h.Set(n)
		word(start, n)
		h.End()
	})
}

// buildStrSplit builds __ml_str_split: the words are counted, then the
// list is made and filled (splitWords).
func buildStrSplit(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I32)
	h.wideTo(0, h.r.strSplitWide()) // strwide.go
	h.splitWords(0, h.splitScan, h.newStrOf)
}

// splitWords emits split() of the string in local s: scan finds the words
// (splitScan for ASCII text, splitScanWide beyond), counted first, then
// made by newStr into the new list, which is left on the stack.
func (h *fn) splitWords(s uint32, scan func(p, end uint32, word func(start, n uint32)), newStr func(p, n uint32)) {
	p, end, k, l, slot := h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I32, "end"), h.Named(wasmbin.I32, "k"),
		h.Named(wasmbin.I32, "l"), h.Named(wasmbin.I32, "slot")
	bounds := func() {
		h.strBytes(s)
		h.Tee(p)
		h.Get(s)
		h.strLen()
		h.Emit(wasmbin.OpI32Add)
		h.Set(end)
	}
	bounds()
	h.I32(0)
	h.Set(k)
	scan(p, end, func(_, _ uint32) { h.AddI32(k, 1) })
	h.Get(k)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Call(h.r.ListNew(WideSlots))
	h.Tee(l)
	h.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	h.Set(slot)
	bounds()
	scan(p, end, func(start, n uint32) {
		h.putStr(slot, func() { newStr(start, n) })
	})
	h.Get(l)
}

// putStr writes the string that push leaves into the list slot at the
// address in local slot, and moves slot to the next.
func (h *fn) putStr(slot uint32, push func()) {
	h.Get(slot)
	push()
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.EmitImm(wasmbin.OpI64Store, 0)
	h.AddI32(slot, 8)
}

// buildStrSplitSep builds __ml_str_split_sep: the pieces between the
// occurrences of sep found left to right, without overlap, are counted,
// then the list is made and filled.
func buildStrSplitSep(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"s", "sep"}, wasmbin.I32)
	const s, sep = 0, 1
	p, end, m, start, k, l, slot, n := h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I32, "end"), h.Named(wasmbin.I32, "m"),
		h.Named(wasmbin.I32, "start"), h.Named(wasmbin.I32, "k"), h.Named(wasmbin.I32, "l"),
		h.Named(wasmbin.I32, "slot"), h.Named(wasmbin.I32, "n")
	wide := h.Named(wasmbin.I32, "wide")
	// beyond ASCII, the pieces' code points are counted (strwide.go): a
	// separator matches where a character starts (strsearch.go)
	h.Get(s)
	h.strLen()
	h.Get(s)
	h.strCount()
	h.Emit(wasmbin.OpI32Ne)
	h.Set(wide)
	h.Load(wasmbin.OpI32Load, sep, abi.StrLenOffset)
	h.Tee(m)
	h.Emit(wasmbin.OpI32Eqz)
	h.TrapIf(abi.ErrUnsupported) // an empty separator: CPython's ValueError
	// scan calls piece(start, n) for each piece but the last, then for it
	scan := func(piece func()) {
		h.strBytes(s)
		h.Tee(p)
		h.Tee(start)
		h.Load(wasmbin.OpI32Load, s, abi.StrLenOffset)
		h.Emit(wasmbin.OpI32Add)
		h.Set(end) // the end of s's bytes
		h.Until(func() {
			// p + m > end: sep cannot start at p (in i64: no wrap)
			h.Get(p)
			h.Emit(wasmbin.OpI64ExtendI32U)
			h.Get(m)
			h.Emit(wasmbin.OpI64ExtendI32U)
			h.Emit(wasmbin.OpI64Add)
			h.Get(end)
			h.Emit(wasmbin.OpI64ExtendI32U)
			h.Emit(wasmbin.OpI64GtU)
		}, func() {
			h.Get(p)
			h.strBytes(sep)
			h.Get(m)
			h.Call(h.r.BytesEq())
			h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
			h.Bin(wasmbin.OpI32Sub, p, start)
			h.Set(n)
			piece()
			h.Bin(wasmbin.OpI32Add, p, m)
			h.Tee(p)
			h.Set(start)
			h.Emit(wasmbin.OpElse)
			h.AddI32(p, 1)
			h.End()
		})
		// the last piece: from start to the end of s
		h.Bin(wasmbin.OpI32Sub, end, start)
		h.Set(n)
		piece()
	}
	h.I32(0)
	h.Set(k)
	scan(func() { h.AddI32(k, 1) })
	h.Get(k)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Call(h.r.ListNew(WideSlots))
	h.Tee(l)
	h.EmitImm(wasmbin.OpI32Load, abi.ListDataOffset)
	h.Set(slot)
	scan(func() {
		h.putStr(slot, func() {
			h.Get(wide)
			h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
			h.newStrCounted(start, n)
			h.Emit(wasmbin.OpElse)
			h.newStrOf(start, n)
			h.End()
		})
	})
	h.Get(l)
}

// buildStrJoin builds __ml_str_join: the sizes are summed (ErrMemory past
// MaxLen code points), then the parts and separators are copied.
func buildStrJoin(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"sep", "parts"}, wasmbin.I32)
	const sep, parts = 0, 1
	k, i, item, r, dst := h.Named(wasmbin.I32, "k"), h.Named(wasmbin.I32, "i"), h.Named(wasmbin.I32, "item"),
		h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "dst")
	nb, nc := h.Named(wasmbin.I64, "nbytes"), h.Named(wasmbin.I64, "count")
	data := h.Named(wasmbin.I32, "data")
	h.Load(wasmbin.OpI32Load, parts, abi.ListLenOffset)
	h.Set(k)
	h.Load(wasmbin.OpI32Load, parts, abi.ListDataOffset)
	h.Set(data)
	item32 := func() { // the string in slot i
		h.Get(data)
		h.Get(i)
		h.ShiftAdd(int32(WideSlots))
		h.EmitImm(wasmbin.OpI32Load, 0)
	}
	// nbytes and count: the parts', and the separator's k - 1 times
	h.I64(0)
	h.Set(nb)
	h.I64(0)
	h.Set(nc)
	h.I32(0)
	h.Set(i)
	addSizes := func(str func()) {
		h.Get(nb)
		str()
		h.EmitImm(wasmbin.OpI32Load, abi.StrLenOffset)
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.Emit(wasmbin.OpI64Add)
		h.Set(nb)
		h.Get(nc)
		str()
		h.EmitImm(wasmbin.OpI32Load, abi.StrCountOffset)
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.Emit(wasmbin.OpI64Add)
		h.Set(nc)
	}
	h.Until(func() { h.Bin(wasmbin.OpI32GeU, i, k) }, func() {
		h.Get(i)
		h.When(func() { addSizes(func() { h.Get(sep) }) })
		addSizes(item32)
		h.AddI32(i, 1)
	})
	h.allocSized(nb, nc, r, dst)
	src, n := h.Named(wasmbin.I32, "src"), h.Named(wasmbin.I32, "n")
	copyStr := func(str func()) {
		str()
		h.I32(abi.StrHeaderSize)
		h.Emit(wasmbin.OpI32Add)
		h.Set(src)
		str()
		h.EmitImm(wasmbin.OpI32Load, abi.StrLenOffset)
		h.Set(n)
		h.copyBytes(dst, src, n)
		h.Bin(wasmbin.OpI32Add, dst, n)
		h.Set(dst)
	}
	h.I32(0)
	h.Set(i)
	h.Until(func() { h.Bin(wasmbin.OpI32GeU, i, k) }, func() {
		h.Get(i)
		h.When(func() { copyStr(func() { h.Get(sep) }) })
		item32()
		h.Set(item)
		copyStr(func() { h.Get(item) })
		h.AddI32(i, 1)
	})
	h.Get(r)
}

// buildStrAffix builds startswith (end false) or endswith: whether the
// bytes of p are those at the start (end) of s's.
func buildStrAffix(h *fn, end bool) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"s", "p"}, wasmbin.I32)
	const s, p = 0, 1
	ns, np := h.Named(wasmbin.I32, "ns"), h.Named(wasmbin.I32, "np")
	h.Load(wasmbin.OpI32Load, s, abi.StrLenOffset)
	h.Set(ns)
	h.Load(wasmbin.OpI32Load, p, abi.StrLenOffset)
	h.Set(np)
	h.Bin(wasmbin.OpI32GtU, np, ns)
	h.ReturnIf(func() { h.I32(0) })
	h.strBytes(s)
	if end {
		h.Bin(wasmbin.OpI32Sub, ns, np)
		h.Emit(wasmbin.OpI32Add)
	}
	h.strBytes(p)
	h.Get(np)
	h.Call(h.r.BytesEq())
}

// StrToInt returns __ml_str_to_int(s i32) -> i64: int(s) of an ASCII s in
// base 10 (surrounding whitespace, a sign, digits with single
// underscores between them); text that is not such a number, other text,
// and a value beyond 64 bits trap with ErrUnsupported (CPython's
// ValueError, or its big int, comes from the re-run).
func (r *Runtime) StrToInt() uint32 { return r.str("__ml_str_to_int", buildStrToInt) }

// buildStrToInt builds __ml_str_to_int: the magnitude accumulates below
// 2**63 + 1, checked before each step.
func buildStrToInt(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I64)
	const s = 0
	p, end, c, neg, digits, under := h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I32, "end"), h.Named(wasmbin.I32, "c"),
		h.Named(wasmbin.I32, "neg"), h.Named(wasmbin.I32, "digits"), h.Named(wasmbin.I32, "under")
	acc := h.Named(wasmbin.I64, "acc")
	fail := func() { h.Trap(abi.ErrUnsupported) }
	h.asciiOnly(s)
	h.trimmed(s, p, end, c, h.isIntSpace) // whitespace around
	// a sign
	h.Bin(wasmbin.OpI32LtU, p, end)
	h.When(func() {
		h.Load(wasmbin.OpI32Load8U, p, 0)
		h.Tee(c)
		h.I32('-')
		h.Emit(wasmbin.OpI32Eq)
		h.Tee(neg)
		h.BinI32(wasmbin.OpI32Eq, c, '+')
		h.Emit(wasmbin.OpI32Or)
		h.When(func() { h.AddI32(p, 1) })
	})
	// digits, an underscore only after a digit and before one
	h.Until(func() { h.Bin(wasmbin.OpI32GeU, p, end) }, func() {
		h.Load(wasmbin.OpI32Load8U, p, 0)
		h.Set(c)
		h.BinI32(wasmbin.OpI32Eq, c, '_')
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		h.Get(digits)
		h.Emit(wasmbin.OpI32Eqz)
		h.Get(under)
		h.Emit(wasmbin.OpI32Or)
		h.When(fail)
		h.I32(1)
		h.Set(under)
		h.Emit(wasmbin.OpElse)
		h.Get(c)
		h.I32('0')
		h.Emit(wasmbin.OpI32Sub)
		h.Tee(c)
		h.I32(9)
		h.Emit(wasmbin.OpI32GtU)
		h.When(fail)
		// acc * 10 + c stays at most 2**63 (the magnitude of MIN)
		h.BinI64(wasmbin.OpI64GtU, acc, (1<<63)/10)
		h.When(fail)
		h.Get(acc)
		h.I64(10)
		h.Emit(wasmbin.OpI64Mul)
		h.Get(c)
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.Emit(wasmbin.OpI64Add)
		h.Tee(acc)
		h.I64(-1 << 63) // 2**63 unsigned
		h.Emit(wasmbin.OpI64GtU)
		h.When(fail)
		h.AddI32(digits, 1)
		h.I32(0)
		h.Set(under)
		h.End()
		h.AddI32(p, 1)
	})
	// at least one digit, no underscore last
	h.Get(digits)
	h.Emit(wasmbin.OpI32Eqz)
	h.Get(under)
	h.Emit(wasmbin.OpI32Or)
	h.When(fail)
	h.Get(neg)
	h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I64))
	h.I64(0)
	h.Get(acc)
	h.Emit(wasmbin.OpI64Sub) // 2**63 wraps to MIN, as it should
	h.Emit(wasmbin.OpElse)
	h.BinI64(wasmbin.OpI64LtS, acc, 0) // 2**63 is no int64
	h.When(fail)
	h.Get(acc)
	h.End()
}
