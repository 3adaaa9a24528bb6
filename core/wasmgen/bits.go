package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The bitwise operators. Python's ints are two's complement numbers of
// unbounded width, so & | ^ ~ of values that fit in i64 are exactly the
// i64 operations, and so is >> (an arithmetic shift rounds toward minus
// infinity, as Python's does). Only << can leave i64, and only the shift
// counts can raise:
//
//   - a negative count raises ValueError ("negative shift count") for both
//     shifts, before anything else: ErrValue;
//   - a >> n for n >= 64 is 0 or -1, the same as a >> 63;
//   - a << n overflows i64 unless (a << n) >> n == a for n < 64, or a == 0
//     for n >= 64: ErrOverflow, and AUTO re-runs the call in Python, which
//     computes the big int.
//
// bool & | ^ bool stays a bool (i32); every other mix is computed in i64.

// bitOps maps each of & | ^ to its instruction, by operand kind.
var bitOps = map[check.Kind]map[ast.BinaryOp]wasmbin.Opcode{
	check.Int:  {ast.OpBitAnd: wasmbin.OpI64And, ast.OpBitOr: wasmbin.OpI64Or, ast.OpBitXor: wasmbin.OpI64Xor},
	check.Bool: {ast.OpBitAnd: wasmbin.OpI32And, ast.OpBitOr: wasmbin.OpI32Or, ast.OpBitXor: wasmbin.OpI32Xor},
}

// bitwise emits `x op y` where x, of kind k (int or bool), is already on
// the stack: it generates y, then the operation. A shift by a constant
// count (an expression of literals, which has no effect) is specialized
// and y is not generated.
func (fg *fgen) bitwise(op ast.BinaryOp, k check.Kind, y ast.Expr) {
	if ins, ok := bitOps[k][op]; ok {
		fg.exprAs(y, k)
		fg.Emit(ins)
		return
	}
	n, isConst := fg.ConstOf(y)
	isConst = isConst && n.Kind != check.Float
	if !isConst {
		fg.exprAs(y, check.Int)
	}
	switch {
	case op == ast.OpLShift && isConst:
		fg.shlConst(n.I)
	case op == ast.OpLShift:
		fg.intShl()
	case op == ast.OpRShift && isConst:
		fg.shrConst(n.I)
	case op == ast.OpRShift:
		fg.intShr()
	default:
		panic("bitwise operator not compiled")
	}
}

// intInvert: ~a is a ^ -1, which never overflows.
func (fg *fgen) intInvert() {
	fg.I64(-1)
	fg.Emit(wasmbin.OpI64Xor)
}

// intShr: a >> n. A negative n raises ValueError; n >= 64 shifts by 63
// (i64.shr_s alone would take n modulo 64).
func (fg *fgen) intShr() {
	n := fg.Temp(wasmbin.I64)
	fg.Tee(n)
	fg.TrapIfNegative(abi.ErrValue)
	fg.Get(n)
	fg.I64(63)
	fg.Get(n)
	fg.I64(64)
	fg.Emit(wasmbin.OpI64LtU)
	fg.Emit(wasmbin.OpSelect)
	fg.Emit(wasmbin.OpI64ShrS)
	fg.Release(wasmbin.I64, n)
}

// shrConst: a >> c for a constant c.
func (fg *fgen) shrConst(c int64) {
	switch {
	case c < 0:
		fg.Emit(wasmbin.OpDrop)
		fg.Trap(abi.ErrValue)
		fg.I64(0) // unreachable; keeps the stack typed for the reader
	case c == 0:
	default:
		fg.I64(min(c, 63))
		fg.Emit(wasmbin.OpI64ShrS)
	}
}

// intShl: a << n. For 0 <= n < 64 the result is r = a << n, exact iff
// r >> n == a (the shift lost no bit and the sign is kept). Otherwise a
// negative n raises ValueError, and n >= 64 gives 0 for a == 0 and
// overflows for any other a.
func (fg *fgen) intShl() {
	a, n, r := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.Set(n)
	fg.Set(a)
	fg.Get(n)
	fg.I64(64)
	fg.Emit(wasmbin.OpI64LtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I64))
	fg.Bin(wasmbin.OpI64Shl, a, n)
	fg.Tee(r)
	fg.Get(n)
	fg.Emit(wasmbin.OpI64ShrS)
	fg.Get(a)
	fg.Emit(wasmbin.OpI64Ne)
	fg.TrapIf(abi.ErrOverflow)
	fg.Get(r)
	fg.Emit(wasmbin.OpElse)
	fg.Get(n)
	fg.TrapIfNegative(abi.ErrValue)
	fg.Get(a)
	fg.Emit(wasmbin.OpI64Eqz)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.TrapIf(abi.ErrOverflow)
	fg.I64(0)
	fg.End()
	fg.Release(wasmbin.I64, a, n, r)
}

// shlConst: a << c for a constant c, with the checks of intShl decided
// at compile time.
func (fg *fgen) shlConst(c int64) {
	switch {
	case c < 0:
		fg.Emit(wasmbin.OpDrop)
		fg.Trap(abi.ErrValue)
		fg.I64(0)
	case c == 0:
	case c >= 64:
		a := fg.Temp(wasmbin.I64)
		fg.Tee(a)
		fg.Emit(wasmbin.OpI64Eqz)
		fg.Emit(wasmbin.OpI32Eqz)
		fg.TrapIf(abi.ErrOverflow)
		fg.Get(a)
		fg.Release(wasmbin.I64, a)
	default:
		// exact iff a lies in [-2**(63-c), 2**(63-c)): one unsigned
		// comparison of a + 2**(63-c) against 2**(64-c).
		a := fg.Temp(wasmbin.I64)
		fg.Tee(a)
		fg.I64(int64(uint64(1) << (63 - c)))
		fg.Emit(wasmbin.OpI64Add)
		fg.I64(int64(uint64(1) << (64 - c)))
		fg.Emit(wasmbin.OpI64GeU)
		fg.TrapIf(abi.ErrOverflow)
		fg.Get(a)
		fg.I64(c)
		fg.Emit(wasmbin.OpI64Shl)
		fg.Release(wasmbin.I64, a)
	}
}
