package wasmgen

import (
	"math/bits"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The polyhash pass: a polynomial hash over the code points of a string,
//
//	for c in s:
//	    h = (h * K + ord(c)) % 2**w        (or & (2**w - 1))
//
// and every loop whose one statement assigns h an expression that is,
// modulo 2**64, K*h + A*ord(c) + D (plan/polyhash.go), runs eight
// characters per step where it can. Reduction modulo 2**w is a ring
// homomorphism and h is read nowhere else in the loop, so after m
// characters c0..c(m-1)
//
//	h ≡ h*K**m + A*(c0*K**(m-1) + ... + c(m-1)) + D*(K**(m-1) + ... + 1)   (mod 2**w)
//
// exactly, whatever the sizes Python's intermediate values reach: the
// chain from one value of h to the next is one multiply-add per eight
// characters instead of one per character. The loop keeps the residue of
// h modulo 2**32 (w <= 32, in an i32) or 2**64 (in an i64) and stores
// h = residue mod 2**w once, after the last character (an empty string
// leaves h as it was, unreduced, as Python does).
//
// Each step loads the next eight bytes when the chunk (below) has eight
// left. When none has its top bit set they are eight ASCII characters;
// their combination c0*K**7 + ... + c7 is computed apart from h: for a
// small K (each 16-bit lane of b*K + b' and each 32-bit lane of the next
// level stays below its size for bytes below 0x80, checked at compile
// time) in three multiplications of lanes, otherwise byte by byte with
// the constant powers. Otherwise the n bytes before the first one with
// its top bit set (0 <= n < 8, i64.ctz) are n ASCII characters, combined
// the same way after a shift that makes them the last n of the eight
// (zeros before them add nothing), with K**n and the geometric sum read
// from constant tables indexed by n; then the character at the byte with
// the top bit set is decoded as strchars does (strloop.go) and taken one
// step. The last bytes of a chunk go one character at a time. Strings
// hold well-formed UTF-8 (surrogates encoded like other code points), so
// a byte below 0x80 is exactly one character with that code point.
//
// The loop checks for interruption once per chunk of at most
// plan.ChunkIterations bytes, as strchars' light loops do: the chunk's
// characters all start below its limit, so there are at most that many.

// polyLoop generates s when the pass is on and s is such a loop; it
// reports whether it did.
func (fg *fgen) polyLoop(s *ast.For) bool {
	if !fg.g.on(PassPolyHash) {
		return false
	}
	ph, ok := fg.PolyHashLoop(s) // plan/polyhash.go
	if !ok {
		return false
	}
	hl, ok := fg.local[ph.H]
	if !ok {
		return false
	}
	pg := newPolyGen(fg, ph)
	defer pg.release()
	p, end, lim := pg.p, pg.end, pg.lim
	fg.strBytes(s.Iter, p, end)
	fg.Bin(wasmbin.OpI32LtU, p, end)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty) // at least one character
	fg.Get(hl)
	if pg.w == 0 {
		fg.Emit(wasmbin.OpI32WrapI64)
	}
	fg.Set(pg.acc)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.interruptCheck()
	fg.Bin(wasmbin.OpI32GeU, p, end)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	// lim = min(end, p + chunk)
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
	// eight bytes left before lim? (lim - p lies in [-3, chunk]: a
	// sequence that starts below lim may end past it)
	fg.Bin(wasmbin.OpI32Sub, lim, p)
	fg.I32(8)
	fg.Emit(wasmbin.OpI32GeS)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	pg.group()
	fg.Emit(wasmbin.OpElse)
	pg.step(false)
	fg.End()
	fg.Bin(wasmbin.OpI32LtU, p, lim)
	fg.EmitImm(wasmbin.OpBrIf, 0)
	fg.End()
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	// h = the residue modulo 2**w
	fg.Get(pg.acc)
	mask := uint64(1)<<ph.W - 1
	if pg.w == 0 {
		if ph.W < 32 {
			fg.I32(int32(mask))
			fg.Emit(wasmbin.OpI32And)
		}
		fg.Emit(wasmbin.OpI64ExtendI32U)
	} else {
		fg.I64(int64(mask))
		fg.Emit(wasmbin.OpI64And)
	}
	fg.Set(hl)
	fg.End()
	return true
}

// asciiBits has the top bit of each byte of an i64 (0x8080808080808080).
const asciiBits = -0x7F7F7F7F7F7F7F80

// A polyGen generates the parts of one polyhash loop.
type polyGen struct {
	fg *fgen
	ph plan.PolyHash
	w  int    // 0: the residue is kept in an i32 (W <= 32), 1: in an i64
	k  uint64 // K modulo the size of the residue's integer
	// pow[i] is k**i and geo[i] is 1 + k + ... + k**(i-1), as uint64
	pow, geo [9]uint64
	// lanes: the combination of eight ASCII bytes fits the lanes
	lanes bool
	// the locals: the string's cursor, end and chunk limit, a scratch
	// byte, the count of ASCII bytes (i32); the eight bytes (i64); the
	// residue of h (i32 or i64)
	p, end, lim, b, n, x, acc uint32
}

// newPolyGen allocates the locals of a loop with plan ph.
func newPolyGen(fg *fgen, ph plan.PolyHash) *polyGen {
	pg := &polyGen{fg: fg, ph: ph, k: ph.K}
	if ph.W > 32 {
		pg.w = 1
	} else {
		pg.k = uint64(uint32(ph.K))
	}
	pg.pow[0] = 1
	for i := 1; i <= 8; i++ {
		pg.pow[i] = pg.pow[i-1] * pg.k
		pg.geo[i] = pg.geo[i-1] + pg.pow[i-1]
	}
	pg.lanes = lanesFit(pg.k)
	pg.p, pg.end, pg.lim = fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32)
	pg.b, pg.n = fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32)
	pg.x = fg.Temp(wasmbin.I64)
	pg.acc = fg.Temp(pg.vt())
	return pg
}

// release gives the locals back.
func (pg *polyGen) release() {
	pg.fg.Release(wasmbin.I32, pg.p, pg.end, pg.lim, pg.b, pg.n)
	pg.fg.Release(wasmbin.I64, pg.x)
	pg.fg.Release(pg.vt(), pg.acc)
}

// vt is the type of the residue.
func (pg *polyGen) vt() wasmbin.ValType {
	return []wasmbin.ValType{wasmbin.I32, wasmbin.I64}[pg.w]
}

// lanesFit reports whether, for bytes below 0x80, a*k + b fits 16 bits
// and (a*k + b)*k**2 + (c*k + d) fits 32: then the lanes of combine never
// carry into each other.
func lanesFit(k uint64) bool {
	if k > 1<<16 {
		return false
	}
	l1 := 127 * (k + 1)
	if l1 >= 1<<16 {
		return false
	}
	hi, lo := bits.Mul64(l1, k*k+1)
	return hi == 0 && lo < 1<<32
}

// konst pushes v as a constant of the residue's type.
func (pg *polyGen) konst(v uint64) {
	if pg.w == 0 {
		pg.fg.I32(int32(uint32(v)))
		return
	}
	pg.fg.I64(int64(v))
}

// op emits the i32 or i64 form of an operation on the residue.
func (pg *polyGen) op(ops [2]wasmbin.Opcode) { pg.fg.Emit(ops[pg.w]) }

var (
	polyAdd = [2]wasmbin.Opcode{wasmbin.OpI32Add, wasmbin.OpI64Add}
	polySub = [2]wasmbin.Opcode{wasmbin.OpI32Sub, wasmbin.OpI64Sub}
	polyMul = [2]wasmbin.Opcode{wasmbin.OpI32Mul, wasmbin.OpI64Mul}
	polyShl = [2]wasmbin.Opcode{wasmbin.OpI32Shl, wasmbin.OpI64Shl}
)

// step takes one character: decodes the sequence at p (advancing p) and
// sets acc = acc*K + A*cp + D; multi tells that the byte at p is at least
// 0x80.
func (pg *polyGen) step(multi bool) {
	fg := pg.fg
	pg.mulAcc(pg.k)
	if multi {
		fg.Load(wasmbin.OpI32Load8U, pg.p, 0)
		fg.Set(pg.b)
		fg.decodeMulti(pg.p, pg.b) // strloop.go
	} else {
		fg.decodeAt(pg.p, pg.b)
	}
	if pg.w == 1 {
		fg.Emit(wasmbin.OpI64ExtendI32U)
	}
	pg.scaleAdd(pg.ph.A, pg.ph.D)
	pg.op(polyAdd)
	fg.Set(pg.acc)
}

// scaleAdd turns the value v on the stack into v*a + d.
func (pg *polyGen) scaleAdd(a, d uint64) {
	if pg.w == 0 {
		a, d = uint64(uint32(a)), uint64(uint32(d))
	}
	if a != 1 {
		pg.konst(a)
		pg.op(polyMul)
	}
	if d != 0 {
		pg.konst(d)
		pg.op(polyAdd)
	}
}

// mulAcc pushes acc*k: a shift, or a shift and a subtraction or an
// addition, for k = 2**n or 2**n +- 1, else a multiplication.
func (pg *polyGen) mulAcc(k uint64) {
	fg := pg.fg
	if pg.w == 0 {
		k = uint64(uint32(k))
	}
	fg.Get(pg.acc)
	var n int
	var then [2]wasmbin.Opcode
	switch {
	case k > 1 && k&(k-1) == 0:
		n = bits.TrailingZeros64(k)
	case k > 2 && (k-1)&(k-2) == 0:
		n, then = bits.TrailingZeros64(k-1), polyAdd
	case k > 2 && (k+1)&k == 0:
		n, then = bits.TrailingZeros64(k+1), polySub
	}
	if n == 0 || n >= 32*(pg.w+1) {
		pg.konst(k)
		pg.op(polyMul)
		return
	}
	pg.konst(uint64(n))
	pg.op(polyShl)
	if then[0] != 0 {
		fg.Get(pg.acc)
		pg.op(then)
	}
}

// group takes the next eight bytes: all ASCII, eight characters at once;
// else the n ASCII ones before the first that is not, then the character
// that starts there.
func (pg *polyGen) group() {
	fg := pg.fg
	fg.Load(wasmbin.OpI64Load, pg.p, 0)
	fg.Tee(pg.x)
	fg.I64(asciiBits)
	fg.Emit(wasmbin.OpI64And)
	fg.Emit(wasmbin.OpI64Eqz)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// acc = acc*K**8 + A*S + D*geo8
	pg.mulAcc(pg.pow[8])
	pg.combine()
	pg.scaleAdd(pg.ph.A, 0)
	if d := pg.ph.D * pg.geo[8]; d != 0 {
		pg.konst(d)
		pg.op(polyAdd)
	}
	pg.op(polyAdd)
	fg.Set(pg.acc)
	fg.advance(pg.p, 8) // strloop.go
	fg.Emit(wasmbin.OpElse)
	// n = ctz(x & asciiBits) / 8
	fg.Get(pg.x)
	fg.I64(asciiBits)
	fg.Emit(wasmbin.OpI64And)
	fg.Emit(wasmbin.OpI64Ctz)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.I32(3)
	fg.Emit(wasmbin.OpI32ShrU)
	fg.Tee(pg.n)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// x <<= 8*(8 - n): the n ASCII bytes become the last ones
	fg.Get(pg.x)
	fg.I32(8)
	fg.Get(pg.n)
	fg.Emit(wasmbin.OpI32Sub)
	fg.I32(3)
	fg.Emit(wasmbin.OpI32Shl)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Shl)
	fg.Set(pg.x)
	// acc = acc*K**n + A*S + D*geo[n]
	fg.Get(pg.acc)
	pg.choose(pg.pow[:8])
	pg.op(polyMul)
	pg.combine()
	pg.scaleAdd(pg.ph.A, 0)
	if pg.ph.D != 0 {
		var dg [8]uint64
		for i := range dg {
			dg[i] = pg.ph.D * pg.geo[i]
		}
		pg.choose(dg[:])
		pg.op(polyAdd)
	}
	pg.op(polyAdd)
	fg.Set(pg.acc)
	fg.Get(pg.p)
	fg.Get(pg.n)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(pg.p)
	fg.End()
	pg.step(true) // the byte at p has its top bit set: a sequence starts there
	fg.End()
}

// choose pushes table[n] (n in the local pg.n, 0 <= n < 8) modulo the
// residue's size, loaded from a constant table of the module's static
// data (four or eight bytes an entry).
func (pg *polyGen) choose(table []uint64) {
	fg := pg.fg
	size := 4 << pg.w
	b := make([]byte, size*len(table))
	for i, v := range table {
		for j := 0; j < size; j++ {
			b[size*i+j] = byte(v >> (8 * j))
		}
	}
	addr := fg.g.rt.Table(b) // rt/tables.go
	fg.Get(pg.n)
	fg.I32(int32(2 + pg.w))
	fg.Emit(wasmbin.OpI32Shl)
	fg.EmitImm([2]wasmbin.Opcode{wasmbin.OpI32Load, wasmbin.OpI64Load}[pg.w], int64(addr))
}

// combine pushes, as the residue's type, c0*K**7 + ... + c7 for the bytes
// c0 (lowest) .. c7 of the local x, each below 0x80.
func (pg *polyGen) combine() {
	fg := pg.fg
	if pg.lanes {
		// y = (x & M1)*k + ((x >> 8) & M1): 16-bit lanes c(2j)*k + c(2j+1)
		const m1, m2 = 0x00FF00FF00FF00FF, 0x0000FFFF0000FFFF
		pg.pairLanes(m1, int64(pg.k), 8) // x is not read again
		// z = (y & M2)*k**2 + ((y >> 16) & M2): 32-bit lanes
		pg.pairLanes(m2, int64(pg.pow[2]), 16)
		// S = (z & 0xFFFFFFFF)*k**4 + (z >> 32), wrapping
		fg.Get(pg.x)
		fg.I64(0xFFFFFFFF)
		fg.Emit(wasmbin.OpI64And)
		fg.I64(int64(pg.pow[4]))
		fg.Emit(wasmbin.OpI64Mul)
		fg.Get(pg.x)
		fg.I64(32)
		fg.Emit(wasmbin.OpI64ShrU)
		fg.Emit(wasmbin.OpI64Add)
	} else {
		for i := 0; i < 8; i++ {
			fg.Get(pg.x)
			if i > 0 {
				fg.I64(int64(8 * i))
				fg.Emit(wasmbin.OpI64ShrU)
			}
			if i < 7 {
				fg.I64(0xFF)
				fg.Emit(wasmbin.OpI64And)
			}
			if p := pg.pow[7-i]; p != 1 {
				fg.I64(int64(p))
				fg.Emit(wasmbin.OpI64Mul)
			}
			if i > 0 {
				fg.Emit(wasmbin.OpI64Add)
			}
		}
	}
	if pg.w == 0 {
		fg.Emit(wasmbin.OpI32WrapI64)
	}
}

// pairLanes sets x to (x & mask)*mul + ((x >> shift) & mask): each pair
// of adjacent lanes of x combined into one lane twice as wide.
func (pg *polyGen) pairLanes(mask, mul, shift int64) {
	fg := pg.fg
	fg.Get(pg.x)
	fg.I64(mask)
	fg.Emit(wasmbin.OpI64And)
	fg.I64(mul)
	fg.Emit(wasmbin.OpI64Mul)
	fg.Get(pg.x)
	fg.I64(shift)
	fg.Emit(wasmbin.OpI64ShrU)
	fg.I64(mask)
	fg.Emit(wasmbin.OpI64And)
	fg.Emit(wasmbin.OpI64Add)
	fg.Set(pg.x)
}
