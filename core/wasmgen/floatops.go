package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Float operations that WebAssembly lacks, built from exact steps so that
// the results are CPython's bit for bit.
//
// Why no float `**`? CPython computes it with the platform's libm pow(),
// whose last bit differs between libms and is not correctly rounded in
// general; no fixed WebAssembly sequence reproduces it, and even x ** 2
// computed as x * x can differ from pow(x, 2.0) in the last place on some
// libms. So float ** stays Python-only (core/check says so).

// cmpResult turns the -1/0/1/2 of __ml_cmp_if on the stack into the i32
// truth of `i op x`.
func (fg *fgen) cmpResult(op cmpOpKind) {
	c := fg.Temp(wasmbin.I32)
	fg.Set(c)
	switch op {
	case cmpEq:
		fg.Get(c)
		fg.Emit(wasmbin.OpI32Eqz)
	case cmpNe:
		fg.Get(c)
		fg.I32(0)
		fg.Emit(wasmbin.OpI32Ne)
	case cmpLt:
		fg.Get(c)
		fg.I32(-1)
		fg.Emit(wasmbin.OpI32Eq)
	case cmpLe: // -1 or 0
		fg.Get(c)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32Add)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32LeU)
	case cmpGt:
		fg.Get(c)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32Eq)
	case cmpGe: // 0 or 1
		fg.Get(c)
		fg.I32(1)
		fg.Emit(wasmbin.OpI32LeU)
	}
	fg.Release(wasmbin.I32, c)
}

// cmpOpKind is a comparison without its operand types.
type cmpOpKind int

const (
	cmpEq cmpOpKind = iota
	cmpNe
	cmpLt
	cmpLe
	cmpGt
	cmpGe
)
