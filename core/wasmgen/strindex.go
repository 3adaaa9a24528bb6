package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Indexing a string, s[i] and ord(s[i]). In an ASCII string (its byte
// length equals its code point count) character i is byte i, so both are
// computed in place: the index made non-negative and checked as the
// helper __ml_str_pos does, then the byte read, and for s[i] the static
// one-character string of that byte taken. Any other string goes through
// the helpers (__ml_str_at, __ml_ord_at), which scan for the character.
// A call of the helpers cost about 7 ns (three nested calls, each saving
// and restoring registers), the inline path a few instructions.

// strIndex generates s[i] (asOrd: ord(s[i])) for the str expression s
// and the int expression i, evaluated in that order.
func (fg *fgen) strIndex(s, i ast.Expr, asOrd bool) {
	ir := fg.RangeOf(i)
	str, idx := fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I64)
	defer fg.Release(wasmbin.I32, str)
	defer fg.Release(wasmbin.I64, idx)
	fg.strLook(s)
	fg.Set(str)
	fg.exprAs(i, check.Int)
	fg.Set(idx)
	result := wasmbin.I32
	if asOrd {
		result = wasmbin.I64
	}
	fg.Load(wasmbin.OpI32Load, str, abi.StrLenOffset)
	fg.Get(str)
	fg.strCount()
	fg.Emit(wasmbin.OpI32Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(result))
	// ASCII: byte idx (from the end when negative), IndexError beyond
	n, release := fg.boundIndex(idx, ir, func() { // lists.go
		fg.Get(str)
		fg.strCount()
		fg.Emit(wasmbin.OpI64ExtendI32U)
	})
	fg.Get(str)
	fg.Get(n)
	release()
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.Emit(wasmbin.OpI32Add)
	fg.EmitImm(wasmbin.OpI32Load8U, abi.StrHeaderSize)
	if asOrd {
		fg.Emit(wasmbin.OpI64ExtendI32U)
	} else {
		fg.staticChar()
	}
	fg.Emit(wasmbin.OpElse)
	fg.Get(str)
	fg.Get(idx)
	if asOrd {
		fg.Call(fg.g.rt.OrdAt())
	} else {
		fg.Call(fg.g.rt.StrAt())
	}
	fg.End()
}
