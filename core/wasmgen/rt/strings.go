package rt

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/emit"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Strings are immutable objects {nbytes, count, UTF-8 bytes} (core/abi).
// Literals and the 128 one-character ASCII strings are static (the data
// segment, below the arena), so comparing with a literal, indexing an
// ASCII string, iterating over one and chr() of an ASCII code allocate
// nothing. Other results are new objects from the arena, like lists.
//
// Python counts, indexes and compares code points. The count is kept in
// the object, so len() is a load. Indexing an ASCII string (count ==
// nbytes) is a byte load; any other string is scanned to the code point,
// as UTF-8 has no index: from the last position found in the same string,
// forward or back (three globals remember it, and every exported call
// forgets it), so s[i] in a loop over i, either way, stays linear.
// Comparison is bytewise, which in UTF-8 is code point order, and `in` is
// a bytewise substring search, which UTF-8 makes exact (no code point's
// encoding starts inside another's).

// StrMark is the owned mark in a string's count field (counts are at most
// MaxLen): only __ml_str_append sets it, on the objects it may extend in
// place; StrCount masks it.
const StrMark = 1 << 30

// UseStrings gives the module the string position globals and lays out
// the static one-character strings at abi.HeapBase, once (after the
// allocator's globals).
func (r *Runtime) UseStrings() {
	if r.strs != nil {
		return
	}
	r.UseHeap()
	r.strs = make(map[string]uint32)
	r.posGlobal = uint32(len(r.mod.Globals))
	r.mod.Globals = append(r.mod.Globals,
		&wasmbin.Global{Name: "__ml_pos_str", Type: wasmbin.I32, Mutable: true},
		&wasmbin.Global{Name: "__ml_pos_idx", Type: wasmbin.I32, Mutable: true},
		&wasmbin.Global{Name: "__ml_pos_off", Type: wasmbin.I32, Mutable: true})
	for c := 0; c < 128; c++ {
		rec := make([]byte, abi.StaticCharSize)
		binary.LittleEndian.PutUint32(rec[abi.StrLenOffset:], 1)
		binary.LittleEndian.PutUint32(rec[abi.StrCountOffset:], 1)
		rec[abi.StrHeaderSize] = byte(c)
		r.data = append(r.data, rec...)
	}
}

// charAddr is the address of the static string chr(c) for c < 128.
func charAddr(c int64) int64 { return abi.HeapBase + abi.StaticCharSize*c }

// Literal returns the address of the static string s, laying it out on
// first use (8-aligned, like every object).
func (r *Runtime) Literal(s string) uint32 {
	r.UseStrings()
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		return uint32(charAddr(int64(s[0])))
	}
	if a, ok := r.strs[s]; ok {
		return a
	}
	addr := uint32(abi.HeapBase + len(r.data))
	rec := make([]byte, (abi.StrHeaderSize+len(s)+7)&^7)
	binary.LittleEndian.PutUint32(rec[abi.StrLenOffset:], uint32(len(s)))
	binary.LittleEndian.PutUint32(rec[abi.StrCountOffset:], uint32(utf8.RuneCountInString(s)))
	copy(rec[abi.StrHeaderSize:], s)
	r.data = append(r.data, rec...)
	r.strs[s] = addr
	return addr
}

// StrLen turns the address of a string on the stack into its byte length.
func StrLen(b *emit.Builder) { b.EmitImm(wasmbin.OpI32Load, abi.StrLenOffset) }

// StrCount turns the address of a string on the stack into its code point
// count, without the owned mark.
func StrCount(b *emit.Builder) {
	b.EmitImm(wasmbin.OpI32Load, abi.StrCountOffset)
	b.I32(StrMark - 1)
	b.Emit(wasmbin.OpI32And)
}

// CharLen turns the lead byte of a UTF-8 sequence, on the stack, into the
// sequence's length in bytes: 1 below 0xC0 (ASCII), 2 below 0xE0, 3 below
// 0xF0, else 4. Without branches: the count of thresholds the byte
// reaches.
func CharLen(b *emit.Builder) {
	t := b.Temp(wasmbin.I32)
	b.Tee(t)
	b.I32(0xC0)
	b.Emit(wasmbin.OpI32GeU)
	b.I32(1)
	b.Emit(wasmbin.OpI32Add)
	b.Get(t)
	b.I32(0xE0)
	b.Emit(wasmbin.OpI32GeU)
	b.Emit(wasmbin.OpI32Add)
	b.Get(t)
	b.I32(0xF0)
	b.Emit(wasmbin.OpI32GeU)
	b.Emit(wasmbin.OpI32Add)
	b.Release(wasmbin.I32, t)
}

// strLen, strCount and charLen are StrLen, StrCount and CharLen in a
// helper.
func (h *fn) strLen()   { StrLen(h.Builder) }
func (h *fn) strCount() { StrCount(h.Builder) }
func (h *fn) charLen()  { CharLen(h.Builder) }

// strBytes pushes the address of the bytes of the string in local s.
func (h *fn) strBytes(s uint32) { h.OffsetI32(s, abi.StrHeaderSize) }

// buildStrAlloc builds __ml_str_alloc(nbytes, count i32) -> i32: a new string
// object whose bytes the caller writes; ErrMemory beyond 2**28 code points.
func buildStrAlloc(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"nbytes", "count"}, wasmbin.I32)
	const nbytes, count = 0, 1
	p := h.Named(wasmbin.I32, "p")
	h.BinI32(wasmbin.OpI32GtU, count, MaxLen)
	h.TrapIf(abi.ErrMemory)
	h.Get(nbytes)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.I64(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI64Add)
	h.Call(h.r.NewBytes())
	h.Tee(p)
	h.Get(nbytes)
	h.EmitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	h.Store(wasmbin.OpI32Store, p, abi.StrCountOffset, count)
	h.Get(p)
}

// buildStrCat builds __ml_str_cat(a, b i32) -> i32, the string a + b (a or b
// itself when the other is empty).
func buildStrCat(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"a", "b"}, wasmbin.I32)
	const a, b = 0, 1
	r, na := h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "na")
	for _, x := range [][2]uint32{{b, a}, {a, b}} {
		h.Get(x[0])
		h.strLen()
		h.Emit(wasmbin.OpI32Eqz)
		h.ReturnIf(func() { h.Get(x[1]) })
	}
	h.Get(a)
	h.strLen()
	h.Tee(na)
	h.Get(b)
	h.strLen()
	h.Emit(wasmbin.OpI32Add)
	h.Get(a)
	h.strCount()
	h.Get(b)
	h.strCount()
	h.Emit(wasmbin.OpI32Add)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.strBytes(a)
	h.Get(na)
	h.Emit(wasmbin.OpMemCopy)
	h.strBytes(r)
	h.Get(na)
	h.Emit(wasmbin.OpI32Add)
	h.strBytes(b)
	h.Get(b)
	h.strLen()
	h.Emit(wasmbin.OpMemCopy)
	h.Get(r)
}

// buildStrRepeat builds __ml_str_repeat(s i32, n i64) -> i32, the string
// s * n: "" for n <= 0 or an empty s, s itself for n == 1; ErrMemory when
// the result would pass 2**28 code points. The first copy is then doubled
// with memory.copy, as list repetition does.
func buildStrRepeat(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I64}, []string{"s", "n"}, wasmbin.I32)
	const s, n = 0, 1
	r, d := h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "d")
	total, done, c := h.Named(wasmbin.I32, "total"), h.Named(wasmbin.I32, "done"), h.Named(wasmbin.I32, "c")
	h.BinI64(wasmbin.OpI64LeS, n, 0)
	h.Get(s)
	h.strLen()
	h.Emit(wasmbin.OpI32Eqz)
	h.Emit(wasmbin.OpI32Or)
	h.ReturnIf(func() { h.I32(int32(h.r.Literal(""))) })
	h.BinI64(wasmbin.OpI64Eq, n, 1)
	h.ReturnIf(func() { h.Get(s) })
	// n > MaxLen / count: too long (count >= 1 since s is not empty)
	h.Get(n)
	h.I64(MaxLen)
	h.Get(s)
	h.strCount()
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Emit(wasmbin.OpI64DivU)
	h.Emit(wasmbin.OpI64GtU)
	h.TrapIf(abi.ErrMemory)
	h.Get(s)
	h.strLen()
	h.Get(n)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Emit(wasmbin.OpI32Mul)
	h.Tee(total)
	h.Get(s)
	h.strCount()
	h.Get(n)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Emit(wasmbin.OpI32Mul)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Tee(d)
	h.strBytes(s)
	h.Get(s)
	h.strLen()
	h.Tee(done)
	h.Emit(wasmbin.OpMemCopy)
	h.doubleCopy(d, done, total, c)
	h.Get(r)
}

// buildBytesEq builds __ml_bytes_eq(p, q, n i32) -> i32: whether the n bytes
// at p and q are equal, eight at a time, then one at a time.
func buildBytesEq(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32, wasmbin.I32}, []string{"p", "q", "n"}, wasmbin.I32)
	const p, q, n = 0, 1, 2
	for _, wide := range []bool{true, false} {
		width, load, ne := int32(1), wasmbin.OpI32Load8U, wasmbin.OpI32Ne
		if wide {
			width, load, ne = 8, wasmbin.OpI64Load, wasmbin.OpI64Ne
		}
		h.Until(func() {
			h.BinI32(wasmbin.OpI32LtU, n, width)
		}, func() {
			h.Get(p)
			h.EmitImm(load, 0)
			h.Get(q)
			h.EmitImm(load, 0)
			h.Emit(ne)
			h.ReturnIf(func() { h.I32(0) })
			for _, x := range []uint32{p, q} {
				h.AddI32(x, width)
			}
			h.BinI32(wasmbin.OpI32Sub, n, width)
			h.Set(n)
		})
	}
	h.I32(1)
}

// buildStrEq builds __ml_str_eq(a, b i32) -> i32: a == b.
func buildStrEq(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"a", "b"}, wasmbin.I32)
	const a, b = 0, 1
	h.Bin(wasmbin.OpI32Eq, a, b)
	h.ReturnIf(func() { h.I32(1) })
	h.Get(a)
	h.strLen()
	h.Get(b)
	h.strLen()
	h.Emit(wasmbin.OpI32Ne)
	h.ReturnIf(func() { h.I32(0) })
	h.strBytes(a)
	h.strBytes(b)
	h.Get(a)
	h.strLen()
	h.Call(h.r.BytesEq())
}

// buildStrCmp builds __ml_str_cmp(a, b i32) -> i32: negative, zero or
// positive as a is below, equal to or above b in code point order (the
// first differing byte decides, then the length).
func buildStrCmp(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"a", "b"}, wasmbin.I32)
	const a, b = 0, 1
	i, n, x, y := h.Named(wasmbin.I32, "i"), h.Named(wasmbin.I32, "n"), h.Named(wasmbin.I32, "x"), h.Named(wasmbin.I32, "y")
	// n = min(len(a), len(b)) in bytes
	h.Get(a)
	h.strLen()
	h.Get(b)
	h.strLen()
	h.Get(a)
	h.strLen()
	h.Get(b)
	h.strLen()
	h.Emit(wasmbin.OpI32LtU)
	h.Emit(wasmbin.OpSelect)
	h.Set(n)
	h.Until(func() {
		h.Bin(wasmbin.OpI32GeU, i, n)
	}, func() {
		h.Bin(wasmbin.OpI32Add, a, i)
		h.EmitImm(wasmbin.OpI32Load8U, abi.StrHeaderSize)
		h.Tee(x)
		h.Bin(wasmbin.OpI32Add, b, i)
		h.EmitImm(wasmbin.OpI32Load8U, abi.StrHeaderSize)
		h.Tee(y)
		h.Emit(wasmbin.OpI32Ne)
		h.ReturnIf(func() { h.Bin(wasmbin.OpI32Sub, x, y) })
		h.AddI32(i, 1)
	})
	// equal prefixes: the shorter string is smaller (lengths < 2**31)
	h.Get(a)
	h.strLen()
	h.Get(b)
	h.strLen()
	h.Emit(wasmbin.OpI32Sub)
}

// returnStaticChar returns, from the helper being built, the static
// one-character string of the code point in local c when it is ASCII.
func (h *fn) returnStaticChar(c uint32) {
	h.BinI32(wasmbin.OpI32LtU, c, 0x80)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.BinI32(wasmbin.OpI32Mul, c, abi.StaticCharSize)
	h.I32(abi.HeapBase)
	h.Emit(wasmbin.OpI32Add)
	h.Emit(wasmbin.OpReturn)
	h.End()
}

// isLead turns the byte on the stack into 1 when it starts a UTF-8
// sequence and 0 when it continues one (0b10xxxxxx).
func (h *fn) isLead() {
	h.I32(0xC0)
	h.Emit(wasmbin.OpI32And)
	h.I32(0x80)
	h.Emit(wasmbin.OpI32Ne)
}

// buildCharAt builds __ml_char_at(p i32) -> i32: the one-character string
// whose UTF-8 sequence starts at address p; static for ASCII.
func buildCharAt(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"p"}, wasmbin.I32)
	const p = 0
	c, k, r := h.Named(wasmbin.I32, "c"), h.Named(wasmbin.I32, "k"), h.Named(wasmbin.I32, "r")
	h.Load(wasmbin.OpI32Load8U, p, 0)
	h.Set(c)
	h.returnStaticChar(c)
	h.Get(c)
	h.charLen()
	h.Tee(k)
	h.I32(1)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Gets(p, k)
	h.Emit(wasmbin.OpMemCopy)
	h.Get(r)
}

// buildStrPos builds __ml_str_pos(s i32, i i64) -> i32, the address of the
// first byte of the character s[i]: a negative i counts from the end,
// IndexError out of range. ASCII strings are indexed by byte; others are
// scanned for the i-th lead byte (one that is not 0b10xxxxxx).
func buildStrPos(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I64}, []string{"s", "i"}, wasmbin.I32)
	const s, i = 0, 1
	p, k := h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I32, "k")
	h.BinI64(wasmbin.OpI64LtS, i, 0)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(i)
	h.Get(s)
	h.strCount()
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Emit(wasmbin.OpI64Add)
	h.Set(i)
	h.End()
	h.Get(i)
	h.Get(s)
	h.strCount()
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.Emit(wasmbin.OpI64GeU)
	h.TrapIf(abi.ErrIndex)
	h.strBytes(s)
	h.Set(p)
	h.Get(s)
	h.strLen()
	h.Get(s)
	h.strCount()
	h.Emit(wasmbin.OpI32Eq)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Gets(p, i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Emit(wasmbin.OpI32Add)
	h.Emit(wasmbin.OpReturn)
	h.End()
	// k = i + 1 lead bytes still to pass; stop on the last one. Going on
	// from the last position found in the same string, forward or back
	// (s[i] in a loop over i), makes a pass over the string linear
	// instead of quadratic.
	ps, pi, po := int64(h.r.posGlobal), int64(h.r.posGlobal+1), int64(h.r.posGlobal+2)
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.I32(1)
	h.Emit(wasmbin.OpI32Add)
	h.Set(k)
	h.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty) // found
	h.Get(s)
	h.EmitImm(wasmbin.OpGlobalGet, ps)
	h.Emit(wasmbin.OpI32Eq)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(p)
	h.EmitImm(wasmbin.OpGlobalGet, po)
	h.Emit(wasmbin.OpI32Add)
	h.Set(p)
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.EmitImm(wasmbin.OpGlobalGet, pi)
	h.Emit(wasmbin.OpI32GeU)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// forward: i - pi + 1 lead bytes from the remembered one
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.EmitImm(wasmbin.OpGlobalGet, pi)
	h.Emit(wasmbin.OpI32Sub)
	h.I32(1)
	h.Emit(wasmbin.OpI32Add)
	h.Set(k)
	h.Emit(wasmbin.OpElse)
	// back: step over pi - i lead bytes before the remembered one
	h.EmitImm(wasmbin.OpGlobalGet, pi)
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Emit(wasmbin.OpI32Sub)
	h.Set(k)
	h.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	h.Get(k)
	h.BinI32(wasmbin.OpI32Sub, p, 1)
	h.Tee(p)
	h.EmitImm(wasmbin.OpI32Load8U, 0)
	h.isLead()
	h.Emit(wasmbin.OpI32Sub)
	h.Tee(k)
	h.EmitImm(wasmbin.OpBrIf, 0)
	h.End()
	h.EmitImm(wasmbin.OpBr, 2) // found
	h.End()
	h.End()
	h.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	h.Get(k)
	h.Load(wasmbin.OpI32Load8U, p, 0)
	h.isLead()
	h.Emit(wasmbin.OpI32Sub)
	h.Tee(k)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.AddI32(p, 1)
	h.EmitImm(wasmbin.OpBr, 1)
	h.End()
	h.End()
	h.End()
	h.Get(s)
	h.EmitImm(wasmbin.OpGlobalSet, ps)
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.EmitImm(wasmbin.OpGlobalSet, pi)
	h.Bin(wasmbin.OpI32Sub, p, s)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Sub)
	h.EmitImm(wasmbin.OpGlobalSet, po)
	h.Get(p)
}

// buildCharInto builds __ml_char_into(p, scratch i32) -> i32: the
// one-character string whose UTF-8 sequence starts at p, static for ASCII,
// else written into the string object scratch (which has room for four
// bytes) and returned.
func buildCharInto(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"p", "scratch"}, wasmbin.I32)
	const p, scratch = 0, 1
	c, k := h.Named(wasmbin.I32, "c"), h.Named(wasmbin.I32, "k")
	h.Load(wasmbin.OpI32Load8U, p, 0)
	h.Set(c)
	h.returnStaticChar(c)
	h.Get(scratch)
	h.Get(c)
	h.charLen()
	h.Tee(k)
	h.EmitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	h.strBytes(scratch)
	h.Gets(p, k)
	h.Emit(wasmbin.OpMemCopy)
	h.Get(scratch)
}

// buildAtPos returns the builder of a helper (s i32, i i64) -> result
// that finds the character s[i] with __ml_str_pos and hands its address
// to the helper that then returns.
func buildAtPos(result wasmbin.ValType, then func(*Runtime) uint32) func(*fn) {
	return func(h *fn) {
		h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I64}, []string{"s", "i"}, result)
		h.Get(0)
		h.Get(1)
		h.Call(h.r.StrPos())
		h.Call(then(h.r))
	}
}

// buildStrFind builds __ml_str_in(needle, hay i32) -> i32: whether needle
// occurs in hay (the empty string occurs everywhere), by the word-wise
// search of strsearch.go.
func buildStrFind(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"needle", "hay"}, wasmbin.I32)
	const needle, hay = 0, 1
	m, base, last := h.Named(wasmbin.I32, "m"), h.Named(wasmbin.I32, "base"), h.Named(wasmbin.I32, "last")
	h.needleCases(needle, hay, m, func() { h.I32(0) }, func() { h.I32(1) })
	h.searchSpan(hay, m, base, last)
	h.Gets(base, last, needle)
	h.Call(h.r.strNext())
	h.Get(last)
	h.Emit(wasmbin.OpI32LeU)
}

// buildOrd builds __ml_ord(s i32) -> i64, the code point of a
// one-character string. Any other length traps with ErrType (TypeError,
// as in Python).
func buildOrd(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I64)
	const s = 0
	h.Get(s)
	h.strCount()
	h.I32(1)
	h.Emit(wasmbin.OpI32Ne)
	h.TrapIf(abi.ErrType)
	h.strBytes(s)
	h.Call(h.r.Decode())
}

// buildDecode builds __ml_decode(p i32) -> i64, the code point whose UTF-8
// sequence starts at address p.
func buildDecode(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"p"}, wasmbin.I64)
	const p = 0
	b0, k, cp, j := h.Named(wasmbin.I32, "b0"), h.Named(wasmbin.I32, "k"), h.Named(wasmbin.I32, "cp"), h.Named(wasmbin.I32, "j")
	h.Load(wasmbin.OpI32Load8U, p, 0)
	h.Tee(b0)
	h.charLen()
	h.Set(k)
	// the lead byte keeps 7, 5, 4 or 3 bits: 0xFF >> (k + (k > 1))
	h.Get(b0)
	h.I32(0xFF)
	h.Get(k)
	h.BinI32(wasmbin.OpI32GtU, k, 1)
	h.Emit(wasmbin.OpI32Add)
	h.Emit(wasmbin.OpI32ShrU)
	h.Emit(wasmbin.OpI32And)
	h.Set(cp)
	h.I32(1)
	h.Set(j)
	h.Until(func() {
		h.Bin(wasmbin.OpI32GeU, j, k)
	}, func() {
		h.BinI32(wasmbin.OpI32Shl, cp, 6)
		h.Bin(wasmbin.OpI32Add, p, j)
		h.EmitImm(wasmbin.OpI32Load8U, 0)
		h.I32(0x3F)
		h.Emit(wasmbin.OpI32And)
		h.Emit(wasmbin.OpI32Or)
		h.Set(cp)
		h.AddI32(j, 1)
	})
	h.Get(cp)
	h.Emit(wasmbin.OpI64ExtendI32U)
}

// buildChr builds __ml_chr(i i64) -> i32, the string of code point i.
// Beyond the range of a C int it traps with ErrOverflow (Python raises
// OverflowError), outside 0..0x10FFFF with ErrValue. Surrogates are
// encoded like other code points, as core/abi says.
func buildChr(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I64}, []string{"i"}, wasmbin.I32)
	const i = 0
	c, k, r, j := h.Named(wasmbin.I32, "c"), h.Named(wasmbin.I32, "k"), h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "j")
	// i + 2**31 >= 2**32 (unsigned) iff i is outside [-2**31, 2**31)
	h.BinI64(wasmbin.OpI64Add, i, 1<<31)
	h.I64(1 << 32)
	h.Emit(wasmbin.OpI64GeU)
	h.TrapIf(abi.ErrOverflow)
	h.Get(i)
	h.I64(0x10FFFF)
	h.Emit(wasmbin.OpI64GtU) // also every negative i
	h.TrapIf(abi.ErrValue)
	h.Get(i)
	h.Emit(wasmbin.OpI32WrapI64)
	h.Set(c)
	h.returnStaticChar(c)
	// k = 2, 3 or 4 bytes
	h.I32(2)
	h.BinI32(wasmbin.OpI32GeU, c, 0x800)
	h.Emit(wasmbin.OpI32Add)
	h.BinI32(wasmbin.OpI32GeU, c, 0x10000)
	h.Emit(wasmbin.OpI32Add)
	h.Tee(k)
	h.I32(1)
	h.Call(h.r.StrAlloc())
	h.Set(r)
	// continuation bytes from the last: 0x80 | (c & 0x3F), c >>= 6
	h.Get(k)
	h.Set(j)
	h.Until(func() {
		h.BinI32(wasmbin.OpI32Sub, j, 1)
		h.Tee(j)
		h.Emit(wasmbin.OpI32Eqz)
	}, func() {
		h.Bin(wasmbin.OpI32Add, r, j)
		h.BinI32(wasmbin.OpI32And, c, 0x3F)
		h.I32(0x80)
		h.Emit(wasmbin.OpI32Or)
		h.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
		h.BinI32(wasmbin.OpI32ShrU, c, 6)
		h.Set(c)
	})
	// lead byte: 0xC0, 0xE0 or 0xF0 (0xF0 << (4 - k) & 0xFF) with the rest of c
	h.Get(r)
	h.I32(0xF00)
	h.I32(4)
	h.Get(k)
	h.Emit(wasmbin.OpI32Sub)
	h.Emit(wasmbin.OpI32Shl)
	h.I32(4)
	h.Emit(wasmbin.OpI32ShrU)
	h.I32(0xF0)
	h.Emit(wasmbin.OpI32And)
	h.Get(c)
	h.Emit(wasmbin.OpI32Or)
	h.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	h.Get(r)
}

// buildStrOfInt builds __ml_str_int(v i64) -> i32, str(v) in decimal. The
// magnitude is taken as unsigned, so that the smallest i64 needs no care.
func buildStrOfInt(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I64}, []string{"v"}, wasmbin.I32)
	const v = 0
	u, t := h.Named(wasmbin.I64, "u"), h.Named(wasmbin.I64, "t")
	n, r, p := h.Named(wasmbin.I32, "n"), h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "p")
	// u = |v| as unsigned; n = digits + sign
	h.I64(0)
	h.Get(v)
	h.Emit(wasmbin.OpI64Sub)
	h.Get(v)
	h.BinI64(wasmbin.OpI64LtS, v, 0)
	h.Emit(wasmbin.OpSelect)
	h.Tee(u)
	h.Set(t)
	h.BinI64(wasmbin.OpI64LtS, v, 0)
	h.I32(1)
	h.Emit(wasmbin.OpI32Add)
	h.Set(n)
	h.Until(func() {
		h.BinI64(wasmbin.OpI64LtU, t, 10)
	}, func() {
		h.BinI64(wasmbin.OpI64DivU, t, 10)
		h.Set(t)
		h.AddI32(n, 1)
	})
	h.Get(n)
	h.Get(n)
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.Get(n)
	h.Emit(wasmbin.OpI32Add)
	h.Set(p)
	// digits from the last
	h.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	h.BinI32(wasmbin.OpI32Sub, p, 1)
	h.Tee(p)
	h.BinI64(wasmbin.OpI64RemU, u, 10)
	h.Emit(wasmbin.OpI32WrapI64)
	h.I32('0')
	h.Emit(wasmbin.OpI32Add)
	h.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	h.BinI64(wasmbin.OpI64DivU, u, 10)
	h.Tee(u)
	h.I64(0)
	h.Emit(wasmbin.OpI64Ne)
	h.EmitImm(wasmbin.OpBrIf, 0)
	h.End()
	h.BinI64(wasmbin.OpI64LtS, v, 0)
	h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	h.Get(r)
	h.I32('-')
	h.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	h.End()
	h.Get(r)
}
