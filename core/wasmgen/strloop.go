package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The strchars pass: `for c in s` iterated over code points. When the
// loop variable c is read only as the argument of ord() in the loop's
// body (nothing else in the function reads it, and only this loop assigns
// it), the loop never needs the one-character string: it decodes the
// UTF-8 sequence at its position inline (one byte below 0x80 on the ASCII
// fast path; two, three or four bytes otherwise, as strings hold them:
// well-formed, surrogates encoded like other code points) into an i64
// local, and each ord(c) reads that local. The string local c is never
// set; ord(c) cannot raise (c has one character), which is why it is
// exact. Any other use of c keeps forStr's lowering.

// charLoop generates s as a loop over code points when the pass is on and
// the loop variable qualifies (see above); it reports whether it did.
func (fg *fgen) charLoop(s *ast.For) bool {
	if !fg.g.on(PassStrChars) {
		return false
	}
	ords, ok := fg.OrdOnlyUses(s)
	if !ok {
		return false
	}
	name := s.Var().Name
	p, end, b := fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32)
	defer fg.Release(wasmbin.I32, p, end, b)
	cp := fg.Named(wasmbin.I64, name+".cp")
	fg.strBytes(s.Iter, p, end)
	if fg.chars == nil {
		fg.chars = map[*ast.Ident]uint32{}
	}
	for _, id := range ords {
		fg.chars[id] = cp
	}
	// one iteration: decode, then the body
	iteration := func() {
		fg.decodeAt(p, b)
		fg.Emit(wasmbin.OpI64ExtendI32U)
		fg.Set(cp)
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.Mark(markContinue)
		fg.block(s.Body)
		fg.End()
	}
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markBreak)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.interruptCheck()
	fg.Bin(wasmbin.OpI32GeU, p, end)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	if interruptChecks && fg.LightChars(s.Body, ords) {
		// a light body checks for interruption once per chunk of at
		// most chunkIterations bytes (so as many iterations at most):
		// lim = min(end, p + chunk), an inner loop runs while p < lim
		// (the first iteration is certain: p < end); a sequence that
		// starts below lim ends at most at end, strings being
		// well-formed UTF-8
		lim := fg.Temp(wasmbin.I32)
		defer fg.Release(wasmbin.I32, lim)
		fg.Get(p)
		fg.I32(plan.ChunkIterations)
		fg.Emit(wasmbin.OpI32Add)
		fg.Get(end)
		fg.Bin(wasmbin.OpI32Sub, end, p)
		fg.I32(plan.ChunkIterations)
		fg.Emit(wasmbin.OpI32GtU)
		fg.Emit(wasmbin.OpSelect)
		fg.Set(lim)
		fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
		iteration()
		fg.Bin(wasmbin.OpI32LtU, p, lim)
		fg.EmitImm(wasmbin.OpBrIf, 0)
		fg.End()
	} else {
		iteration() // each iteration checks
	}
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	for _, id := range ords {
		delete(fg.chars, id)
	}
	return true
}

// charOrd generates ord(c) for an argument that charLoop keeps as a code
// point; it reports whether it did.
func (fg *fgen) charOrd(arg ast.Expr) bool {
	id, ok := arg.(*ast.Ident)
	if !ok {
		return false
	}
	cp, ok := fg.chars[id]
	if ok {
		fg.Get(cp)
	}
	return ok
}

// decodeAt leaves the code point of the UTF-8 sequence at the address in
// local p (i32) and advances p past it; b is a scratch i32 local. The
// lead byte gives the length: below 0x80 one byte, else decodeMulti.
func (fg *fgen) decodeAt(p, b uint32) {
	fg.Load(wasmbin.OpI32Load8U, p, 0)
	fg.Tee(b)
	fg.I32(0x80)
	fg.Emit(wasmbin.OpI32LtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	fg.advance(p, 1)
	fg.Get(b)
	fg.Emit(wasmbin.OpElse)
	fg.decodeMulti(p, b)
	fg.End()
}

// decodeMulti is decodeAt for a sequence whose lead byte, in b, is at
// least 0x80: below 0xE0 two bytes, below 0xF0 three, else four; each
// continuation byte adds its low six bits.
func (fg *fgen) decodeMulti(p, b uint32) {
	fg.Get(b)
	fg.I32(0xE0)
	fg.Emit(wasmbin.OpI32LtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	fg.sequence(p, b, 0x1F, 2)
	fg.Emit(wasmbin.OpElse)
	fg.Get(b)
	fg.I32(0xF0)
	fg.Emit(wasmbin.OpI32LtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	fg.sequence(p, b, 0x0F, 3)
	fg.Emit(wasmbin.OpElse)
	fg.sequence(p, b, 0x07, 4)
	fg.End()
	fg.End()
}

// sequence leaves the code point of the n-byte sequence at p whose lead
// byte, in b, keeps the bits of mask, and advances p by n.
func (fg *fgen) sequence(p, b uint32, mask int32, n int) {
	fg.Get(b)
	fg.I32(mask)
	fg.Emit(wasmbin.OpI32And)
	for k := 1; k < n; k++ {
		fg.I32(6)
		fg.Emit(wasmbin.OpI32Shl)
		fg.Load(wasmbin.OpI32Load8U, p, int64(k))
		fg.I32(0x3F)
		fg.Emit(wasmbin.OpI32And)
		fg.Emit(wasmbin.OpI32Or)
	}
	fg.advance(p, int32(n))
}

// advance adds n to the i32 local p.
func (fg *fgen) advance(p uint32, n int32) {
	fg.Get(p)
	fg.I32(n)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(p)
}

// strBytes evaluates the str expression e and sets p to the address of
// its first UTF-8 byte and end to the address just past its last one.
func (fg *fgen) strBytes(e ast.Expr, p, end uint32) {
	fg.strLook(e)
	fg.Tee(p)
	fg.strLen()
	fg.Get(p)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Tee(p)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(end)
}
