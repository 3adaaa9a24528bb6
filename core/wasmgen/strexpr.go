package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Expressions and statements on strings; the runtime helpers they call
// are in core/wasmgen/rt.

// strBinary generates s + t, s * n and n * s; left emits the left operand,
// of kind xk.
func (fg *fgen) strBinary(op ast.BinaryOp, left func(), xk check.Kind, y ast.Expr) {
	if op == ast.OpAdd {
		fg.seqBinary(op, left, xk, y, check.Str, fg.g.rt.StrCat(), 0)
		return
	}
	fg.seqBinary(op, left, xk, y, check.Str, 0, fg.g.rt.StrRepeat())
}

// strIn generates `x in s` (negated for `not in`) for strings x and s.
func (fg *fgen) strIn(needle, hay func(), negate bool) {
	needle()
	hay()
	fg.Call(fg.g.rt.StrIn())
	if negate {
		fg.Emit(wasmbin.OpI32Eqz)
	}
}

// strCmpOps compare the result of __ml_str_cmp with zero.
var strCmpOps = map[ast.CmpOp]wasmbin.Opcode{
	ast.CmpLt: wasmbin.OpI32LtS, ast.CmpLe: wasmbin.OpI32LeS, ast.CmpGt: wasmbin.OpI32GtS, ast.CmpGe: wasmbin.OpI32GeS,
}

// strCompare generates `a op b` for two strings: equality by content,
// order by code points.
func (fg *fgen) strCompare(op ast.CmpOp, left, right func()) {
	left()
	right()
	switch op {
	case ast.CmpEq, ast.CmpNe:
		fg.Call(fg.g.rt.StrEq())
		if op == ast.CmpNe {
			fg.Emit(wasmbin.OpI32Eqz)
		}
	default:
		fg.Call(fg.g.rt.StrCmp())
		fg.I32(0)
		fg.Emit(strCmpOps[op])
	}
}

// fstring generates f"...{x}...": each piece in order, a field as str()
// of it (core/check strings.go says why that is its formatting), joined
// by __ml_str_cat.
func (fg *fgen) fstring(e *ast.FString) {
	if len(e.Parts) == 0 {
		fg.I32(int32(fg.g.literal("")))
		return
	}
	for i, part := range e.Parts {
		switch part := part.(type) {
		case *ast.StrLit:
			fg.I32(int32(fg.g.literal(part.Value)))
		case *ast.FormattedValue:
			fg.strBuiltin("str", []ast.Expr{part.X})
		}
		if i > 0 {
			fg.Call(fg.g.rt.StrCat())
		}
	}
}

// strBuiltin generates len(s), ord(s), chr(i) and str(x); ok is false for
// any other call.
func (fg *fgen) strBuiltin(name string, args []ast.Expr) bool {
	var k check.Kind
	if len(args) == 1 {
		k = fg.typeOf(args[0]).Kind
	}
	switch {
	case name == "len" && k == check.Str:
		fg.strLook(args[0])
		fg.strCount()
		fg.Emit(wasmbin.OpI64ExtendI32U)
	case name == "ord":
		if fg.charOrd(args[0]) { // a code point of strloop.go
			break
		}
		if ix, ok := args[0].(*ast.Index); ok && fg.typeOf(ix.X).Kind == check.Str {
			// ord(s[i]): the character's code point, no string made
			fg.strIndex(ix.X, ix.Index, true) // strindex.go
			break
		}
		fg.strLook(args[0])
		fg.Call(fg.g.rt.Ord())
	case name == "chr":
		// an ASCII code point is a static string; the others are made
		// (or refused) by __ml_chr
		v := fg.Temp(wasmbin.I64)
		defer fg.Release(wasmbin.I64, v)
		fg.exprAs(args[0], check.Int)
		fg.Set(v)
		fg.Get(v)
		fg.I64(0x80)
		fg.Emit(wasmbin.OpI64LtU)
		fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
		fg.Get(v)
		fg.Emit(wasmbin.OpI32WrapI64)
		fg.staticChar()
		fg.Emit(wasmbin.OpElse)
		fg.Get(v)
		fg.Call(fg.g.rt.Chr())
		fg.End()
	case name == "str" && len(args) == 0:
		fg.I32(int32(fg.g.literal("")))
	case name == "str" && k == check.Str:
		fg.expr(args[0])
	case name == "str" && k == check.Bool:
		fg.I32(int32(fg.g.literal("True")))
		fg.I32(int32(fg.g.literal("False")))
		fg.expr(args[0])
		fg.Emit(wasmbin.OpSelect)
	case name == "str" && k == check.Int:
		fg.expr(args[0])
		fg.Call(fg.g.rt.StrOfInt())
	default:
		return false
	}
	return true
}

// forStr generates `for c in s`: c takes each character of s in turn (s
// is evaluated once; strings never change). When the body only looks at c
// (pureUses), the non-ASCII characters are written into one scratch
// object made before the loop instead of a new object each.
func (fg *fgen) forStr(s *ast.For) {
	p, end, scratch := fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32)
	defer fg.Release(wasmbin.I32, p, end, scratch)
	reuse := !fg.appended(s.Var().Name) && fg.PureLoopVar(s)
	if reuse {
		fg.I32(4)
		fg.I32(1)
		fg.Call(fg.g.rt.StrAlloc())
		fg.Set(scratch)
	}
	fg.strBytes(s.Iter, p, end)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markBreak)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.interruptCheck() // each iteration (interrupt.go)
	fg.Bin(wasmbin.OpI32GeU, p, end)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	// an ASCII character is its static string; the others are decoded
	// by the helpers
	lead := fg.Temp(wasmbin.I32)
	defer fg.Release(wasmbin.I32, lead)
	fg.Load(wasmbin.OpI32Load8U, p, 0)
	fg.Tee(lead)
	fg.I32(0x80)
	fg.Emit(wasmbin.OpI32LtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
	fg.Get(lead)
	fg.staticChar()
	fg.Emit(wasmbin.OpElse)
	fg.Get(p)
	if reuse {
		fg.Get(scratch)
		fg.Call(fg.g.rt.CharInto())
	} else {
		fg.Call(fg.g.rt.CharAt())
	}
	fg.End()
	fg.Set(fg.local[s.Var().Name])
	fg.Get(p)
	fg.Get(lead)
	fg.charLen()
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(p)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markContinue)
	fg.block(s.Body)
	fg.End()
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
}
