package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Searching in strings: s.find(sub), s.count(sub) and s.replace(old,
// new), for any text. Strings hold UTF-8, and a valid UTF-8 needle can
// only match valid UTF-8 text where a character starts (its first byte
// is never a continuation byte 0b10xxxxxx): so the byte matches, found
// left to right without overlapping, are CPython's matches of code
// points, and only find's index needs counting in code points (the lead
// bytes before the match). An empty needle is apart: it matches between
// every two code points (find: 0, count: len(s) + 1); replace with an
// empty old, which inserts new between them, traps with ErrUnsupported
// and re-runs in Python.

// StrFind returns __ml_str_find(s, sub i32) -> i64: s.find(sub), the
// index in code points of the first match, or -1.
func (r *Runtime) StrFind() uint32 { return r.str("__ml_str_find", buildStrFindIndex) }

// StrCount returns __ml_str_count(s, sub i32) -> i64: s.count(sub), the
// matches that do not overlap.
func (r *Runtime) StrCount() uint32 { return r.str("__ml_str_count", buildStrCountSub) }

// StrReplace returns __ml_str_replace(s, old, new i32) -> i32:
// s.replace(old, new), every match replaced (ErrUnsupported for an empty
// old, ErrMemory past MaxLen code points).
func (r *Runtime) StrReplace() uint32 { return r.str("__ml_str_replace", buildStrReplace) }

// strNext returns __ml_str_next(p, last, needle i32) -> i32: the first
// address q in [p, last] where the bytes of needle (not empty) start, or
// last + 1.
func (r *Runtime) strNext() uint32 { return r.str("__ml_str_next", buildStrNext) }

// buildStrNext builds __ml_str_next. While eight bytes of the text are
// left, it looks for the needle's first byte in a word at a time: with x
// the word xor the byte repeated, (x - 0x0101...) & ^x & 0x8080... has
// its lowest set bit in the first byte of x that is zero, that is the
// first candidate (the bits above it may be false), which __ml_bytes_eq
// then checks. The last bytes go one at a time. A word never reads past
// the text's own bytes (which end at last + len(needle)).
func buildStrNext(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32, wasmbin.I32}, []string{"p", "last", "needle"}, wasmbin.I32)
	const p, last, needle = 0, 1, 2
	first, m, nb := h.Named(wasmbin.I32, "first"), h.Named(wasmbin.I32, "m"), h.Named(wasmbin.I32, "nb")
	end, pattern, t := h.Named(wasmbin.I32, "end"), h.Named(wasmbin.I64, "pattern"), h.Named(wasmbin.I64, "t")
	h.strBytes(needle)
	h.Tee(nb)
	h.EmitImm(wasmbin.OpI32Load8U, 0)
	h.Set(first)
	h.Get(needle)
	h.strLen()
	h.Set(m)
	h.Bin(wasmbin.OpI32Add, last, m)
	h.Set(end)
	h.Get(first)
	h.Emit(wasmbin.OpI64ExtendI32U)
	h.I64(0x0101010101010101)
	h.Emit(wasmbin.OpI64Mul)
	h.Set(pattern)
	candidate := func() { // p is a candidate: return it if it is the match
		h.Gets(p, nb, m)
		h.Call(h.r.BytesEq())
		h.ReturnIf(func() { h.Get(p) })
	}
	h.Until(func() { // fewer than eight bytes left (p + 8 > end, without overflow)
		h.Bin(wasmbin.OpI32GtU, p, end)
		h.Get(end)
		h.Get(p)
		h.Emit(wasmbin.OpI32Sub)
		h.I32(8)
		h.Emit(wasmbin.OpI32LtU)
		h.Emit(wasmbin.OpI32Or)
	}, func() {
		h.Get(p)
		h.EmitImm(wasmbin.OpI64Load, 0)
		h.Get(pattern)
		h.Emit(wasmbin.OpI64Xor)
		h.Tee(t)
		h.I64(0x0101010101010101)
		h.Emit(wasmbin.OpI64Sub)
		h.Get(t)
		h.I64(-1)
		h.Emit(wasmbin.OpI64Xor)
		h.Emit(wasmbin.OpI64And)
		h.I64(-0x7f7f7f7f7f7f7f80) // 0x8080808080808080
		h.Emit(wasmbin.OpI64And)
		h.Tee(t)
		h.Emit(wasmbin.OpI64Eqz)
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		h.AddI32(p, 8)
		h.EmitImm(wasmbin.OpBr, 1) // the next word
		h.End()
		// p += the index of the first candidate byte
		h.Get(p)
		h.Get(t)
		h.Emit(wasmbin.OpI64Ctz)
		h.Emit(wasmbin.OpI32WrapI64)
		h.I32(3)
		h.Emit(wasmbin.OpI32ShrU)
		h.Emit(wasmbin.OpI32Add)
		h.Tee(p)
		h.Get(last)
		h.Emit(wasmbin.OpI32GtU)
		h.ReturnIf(func() { h.Get(p) }) // past the last start: none
		candidate()
		h.AddI32(p, 1)
	})
	h.Until(func() { h.Bin(wasmbin.OpI32GtU, p, last) }, func() {
		h.Get(p)
		h.EmitImm(wasmbin.OpI32Load8U, 0)
		h.Get(first)
		h.Emit(wasmbin.OpI32Eq)
		h.When(candidate)
		h.AddI32(p, 1)
	})
	h.Get(p)
}

// needleCases sets m to the length of needle in bytes and returns what
// longer pushes when needle is longer than hay (no match), or what empty
// pushes when it is empty (a match at the start).
func (h *fn) needleCases(needle, hay, m uint32, longer, empty func()) {
	h.Get(needle)
	h.strLen()
	h.Tee(m)
	h.Get(hay)
	h.strLen()
	h.Emit(wasmbin.OpI32GtU)
	h.ReturnIf(longer)
	h.Get(m)
	h.Emit(wasmbin.OpI32Eqz)
	h.ReturnIf(empty)
}

// searchSpan sets base to the address of the bytes of s and last to the
// last address where a needle of m bytes can start (below base when m >
// len(s): no match).
func (h *fn) searchSpan(s, m, base, last uint32) {
	h.strBytes(s)
	h.Tee(base)
	h.Get(s)
	h.strLen()
	h.Emit(wasmbin.OpI32Add)
	h.Get(m)
	h.Emit(wasmbin.OpI32Sub)
	h.Set(last)
}

// buildStrFindIndex builds __ml_str_find: the byte offset of the match,
// then, for text beyond ASCII, the lead bytes before it.
func buildStrFindIndex(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"s", "sub"}, wasmbin.I64)
	const s, sub = 0, 1
	m, base, last, q, k := h.Named(wasmbin.I32, "m"), h.Named(wasmbin.I32, "base"), h.Named(wasmbin.I32, "last"),
		h.Named(wasmbin.I32, "q"), h.Named(wasmbin.I32, "k")
	h.needleCases(sub, s, m, func() { h.I64(-1) }, func() { h.I64(0) })
	h.searchSpan(s, m, base, last)
	h.Gets(base, last, sub)
	h.Call(h.r.strNext())
	h.Tee(q)
	h.Get(last)
	h.Emit(wasmbin.OpI32GtU)
	h.ReturnIf(func() { h.I64(-1) })
	h.Get(s)
	h.strLen()
	h.Get(s)
	h.strCount()
	h.Emit(wasmbin.OpI32Eq)
	h.ReturnIf(func() { // ASCII: bytes are code points
		h.Bin(wasmbin.OpI32Sub, q, base)
		h.Emit(wasmbin.OpI64ExtendI32U)
	})
	// the code points before the match (strwide.go)
	n, i := h.Named(wasmbin.I32, "n"), h.Named(wasmbin.I32, "i")
	h.Bin(wasmbin.OpI32Sub, q, base)
	h.Set(n)
	h.leads(base, n, i, k)
	h.Get(k)
	h.Emit(wasmbin.OpI64ExtendI32U)
}

// matches emits the loop over the matches of needle (m bytes, not
// empty) in s, left to right without overlapping: each turn sets q to
// the match's address and runs each, then goes on after the match; p is
// left after the last match.
func (h *fn) matches(s, needle, m, p, q uint32, each func()) {
	last := h.Temp(wasmbin.I32)
	defer h.Release(wasmbin.I32, last)
	h.searchSpan(s, m, p, last)
	h.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	h.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	h.Gets(p, last, needle)
	h.Call(h.r.strNext())
	h.Tee(q)
	h.Get(last)
	h.Emit(wasmbin.OpI32GtU)
	h.EmitImm(wasmbin.OpBrIf, 1)
	each()
	h.Bin(wasmbin.OpI32Add, q, m)
	h.Set(p)
	h.EmitImm(wasmbin.OpBr, 0)
	h.End()
	h.End()
}

// buildStrCountSub builds __ml_str_count.
func buildStrCountSub(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32}, []string{"s", "sub"}, wasmbin.I64)
	const s, sub = 0, 1
	m, p, q, c := h.Named(wasmbin.I32, "m"), h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I32, "q"), h.Named(wasmbin.I64, "c")
	h.Get(sub)
	h.strLen()
	h.Tee(m)
	h.Emit(wasmbin.OpI32Eqz)
	h.ReturnIf(func() { // between every two code points, and at both ends
		h.Get(s)
		h.strCount()
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.I64(1)
		h.Emit(wasmbin.OpI64Add)
	})
	h.I64(0)
	h.Set(c)
	h.matches(s, sub, m, p, q, func() {
		h.Get(c)
		h.I64(1)
		h.Emit(wasmbin.OpI64Add)
		h.Set(c)
	})
	h.Get(c)
}

// buildStrReplace builds __ml_str_replace: the matches are counted, the
// result's size computed from the count (ErrMemory past MaxLen code
// points or 4*MaxLen bytes), then the text between the matches and new
// are copied in turn.
func buildStrReplace(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I32, wasmbin.I32, wasmbin.I32}, []string{"s", "old", "new"}, wasmbin.I32)
	const s, old, repl = 0, 1, 2
	m, p, q, n := h.Named(wasmbin.I32, "m"), h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I32, "q"), h.Named(wasmbin.I32, "n")
	c, nb, nc := h.Named(wasmbin.I64, "c"), h.Named(wasmbin.I64, "nbytes"), h.Named(wasmbin.I64, "count")
	r, dst, src, nn := h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "dst"), h.Named(wasmbin.I32, "src"), h.Named(wasmbin.I32, "nn")
	h.Get(old)
	h.strLen()
	h.Tee(m)
	h.Emit(wasmbin.OpI32Eqz)
	h.TrapIf(abi.ErrUnsupported) // new between every two code points: Python's
	h.Gets(s, old)
	h.Call(h.r.StrCount())
	h.Tee(c)
	h.Emit(wasmbin.OpI64Eqz)
	h.ReturnIf(func() { h.Get(s) }) // nothing replaced: s itself, as CPython returns
	// size = len(s) + c * (len(new) - len(old)), in bytes and in code points
	size := func(total uint32, field func()) {
		h.Get(s)
		field()
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.Get(c)
		h.Get(repl)
		field()
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.Get(old)
		field()
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.Emit(wasmbin.OpI64Sub)
		h.Emit(wasmbin.OpI64Mul)
		h.Emit(wasmbin.OpI64Add)
		h.Set(total)
	}
	size(nb, h.strLen)
	size(nc, h.strCount)
	h.allocSized(nb, nc, r, dst)
	h.Get(repl)
	h.strLen()
	h.Set(nn)
	h.strBytes(repl)
	h.Set(src)
	// copy copies n bytes from local from to dst, and moves dst on
	copyOn := func(from uint32) {
		h.copyBytes(dst, from, n)
		h.Bin(wasmbin.OpI32Add, dst, n)
		h.Set(dst)
	}
	start := h.Named(wasmbin.I32, "start")
	h.strBytes(s)
	h.Set(start)
	h.matches(s, old, m, p, q, func() {
		// the text before the match, from where the last one ended
		h.Bin(wasmbin.OpI32Sub, q, p)
		h.Set(n)
		copyOn(p)
		h.Get(nn)
		h.Set(n)
		copyOn(src)
	})
	// the rest after the last match
	h.Get(start)
	h.Get(s)
	h.strLen()
	h.Emit(wasmbin.OpI32Add)
	h.Get(p)
	h.Emit(wasmbin.OpI32Sub)
	h.Set(n)
	copyOn(p)
	h.Get(r)
}
