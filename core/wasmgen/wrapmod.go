package wasmgen

import (
	"math/bits"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The wrapmod pass: `E % 2**k` and `E & (2**k - 1)` (either side) for
// 1 <= k <= 63, where E is built of int + - * & | ^ ~, unary minus and
// left shifts by a constant, is computed in wrapping arithmetic, without
// any overflow check. Python's result is the residue of the exact E
// modulo 2**k (% by a positive divisor and & with a non-negative mask
// both give the residue in [0, 2**k)), and the residue of a sum,
// difference, product, bitwise operation or left shift depends only on
// the residues of its operands: the wrapped i64 (or, for k <= 32, i32)
// computation has the right residue whatever the size of the exact
// intermediate values, which Python would hold as big ints. The module
// then returns Python's value where it used to trap and re-run the call
// in Python. The leaves (locals, calls, `//`, `%`, `>>`, ...) are
// generated as they always are, in source order, with their own checks,
// and truncated; a constant is truncated at compile time. The hash of
// issue 18, h = (h * 31 + ord(c)) % 2**32, becomes i32 arithmetic, which
// is what C does with a uint32_t; a multiplication by a constant 2**n or
// 2**n +- 1 becomes a shift (and an addition or subtraction), which
// shortens the chain of dependent instructions in such loops.

// wrapOps are the wrapping instructions of each operator, for i32 and i64.
var wrapOps = map[ast.BinaryOp][2]wasmbin.Opcode{
	ast.OpAdd:    {wasmbin.OpI32Add, wasmbin.OpI64Add},
	ast.OpSub:    {wasmbin.OpI32Sub, wasmbin.OpI64Sub},
	ast.OpMul:    {wasmbin.OpI32Mul, wasmbin.OpI64Mul},
	ast.OpBitAnd: {wasmbin.OpI32And, wasmbin.OpI64And},
	ast.OpBitOr:  {wasmbin.OpI32Or, wasmbin.OpI64Or},
	ast.OpBitXor: {wasmbin.OpI32Xor, wasmbin.OpI64Xor},
	ast.OpLShift: {wasmbin.OpI32Shl, wasmbin.OpI64Shl},
}

// wrapMod generates e when the pass is on and e has the shape above; it
// reports whether it did.
func (fg *fgen) wrapMod(e *ast.Binary) bool {
	if !fg.g.on(PassWrapMod) {
		return false
	}
	x, k := fg.PowerOfTwoMod(e) // plan/polyhash.go
	if x == nil || !fg.wrapNode(x) {
		return false
	}
	w := 1
	if k <= 32 {
		w = 0
	}
	fg.wrapTree(x, w) // a mask on the left is a constant: nothing to evaluate first
	mask := int64(1)<<k - 1
	if w == 0 {
		if k < 32 {
			fg.I32(int32(mask))
			fg.Emit(wasmbin.OpI32And)
		}
		fg.Emit(wasmbin.OpI64ExtendI32U)
		return true
	}
	fg.I64(mask)
	fg.Emit(wasmbin.OpI64And)
	return true
}

// wrapNode reports whether e is an operation that wrapTree computes in
// wrapping arithmetic (rather than a leaf).
func (fg *fgen) wrapNode(e ast.Expr) bool {
	if fg.typeOf(e).Kind != check.Int {
		return false
	}
	if _, ok := fg.ConstOf(e); ok {
		return false
	}
	switch e := e.(type) {
	case *ast.Binary:
		if e.Op == ast.OpLShift {
			v, ok := fg.ConstOf(e.Y)
			return ok && v.Kind != check.Float && v.I >= 0 && v.I < 32
		}
		_, ok := wrapOps[e.Op]
		return ok
	case *ast.Unary:
		return e.Op == ast.OpNeg || e.Op == ast.OpInvert || e.Op == ast.OpPos
	}
	return false
}

// wrapTree leaves the residue of the int expression e modulo 2**32 (w 0,
// as an i32) or 2**64 (w 1, as an i64).
func (fg *fgen) wrapTree(e ast.Expr, w int) {
	if !fg.wrapNode(e) {
		if v, ok := fg.ConstOf(e); ok && v.Kind != check.Float {
			fg.wrapConst(v.I, w)
			return
		}
		fg.exprAs(e, check.Int)
		if w == 0 {
			fg.Emit(wasmbin.OpI32WrapI64)
		}
		return
	}
	switch e := e.(type) {
	case *ast.Unary:
		switch e.Op {
		case ast.OpPos:
			fg.wrapTree(e.X, w)
		case ast.OpNeg:
			fg.wrapConst(0, w)
			fg.wrapTree(e.X, w)
			fg.Emit(wrapOps[ast.OpSub][w])
		case ast.OpInvert:
			fg.wrapTree(e.X, w)
			fg.wrapConst(-1, w)
			fg.Emit(wrapOps[ast.OpBitXor][w])
		}
	case *ast.Binary:
		if e.Op == ast.OpMul && fg.wrapShiftMul(e, w) {
			return
		}
		fg.wrapTree(e.X, w)
		fg.wrapTree(e.Y, w)
		fg.Emit(wrapOps[e.Op][w])
	}
}

// wrapShiftMul generates x * c (or c * x) for a constant c = 2**n or
// 2**n +- 1 (n >= 1) as (x << n), (x << n) + x or (x << n) - x; it
// reports whether it did.
func (fg *fgen) wrapShiftMul(e *ast.Binary, w int) bool {
	x, cexpr := e.X, e.Y
	c, ok := fg.ConstOf(cexpr)
	if !ok || c.Kind == check.Float {
		x, cexpr = e.Y, e.X
		if c, ok = fg.ConstOf(cexpr); !ok || c.Kind == check.Float {
			return false
		}
	}
	var n int
	var then wasmbin.Opcode
	switch v := uint64(c.I); {
	case v > 1 && v&(v-1) == 0:
		n = bits.TrailingZeros64(v)
	case v > 2 && (v-1)&(v-2) == 0:
		n, then = bits.TrailingZeros64(v-1), wrapOps[ast.OpAdd][w]
	case v > 2 && (v+1)&v == 0:
		n, then = bits.TrailingZeros64(v+1), wrapOps[ast.OpSub][w]
	default:
		return false
	}
	if n >= 32*(w+1) {
		return false
	}
	vt := []wasmbin.ValType{wasmbin.I32, wasmbin.I64}[w]
	t := fg.Temp(vt)
	defer fg.Release(vt, t)
	fg.wrapTree(x, w)
	fg.Tee(t)
	fg.wrapConst(int64(n), w)
	fg.Emit(wrapOps[ast.OpLShift][w])
	if then != 0 {
		fg.Get(t)
		fg.Emit(then)
	}
	return true
}

// wrapConst pushes the residue of v as an i32 (w 0) or i64 (w 1).
func (fg *fgen) wrapConst(v int64, w int) {
	if w == 0 {
		fg.I32(int32(v))
		return
	}
	fg.I64(v)
}
