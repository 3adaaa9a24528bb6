package rt

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// buildIPow builds __ml_ipow(base, exp i64) -> i64: base ** exp by repeated
// squaring with overflow checks. A negative exponent traps with
// ErrUnsupported (Python returns a float). The base is squared only while
// bits of the exponent remain, so a squaring that overflows always means
// the result overflows too.
func buildIPow(h *fn) {
	h.signature([]wasmbin.ValType{wasmbin.I64, wasmbin.I64}, []string{"base", "exp"}, wasmbin.I64)
	const base, exp = 0, 1
	result := h.Named(wasmbin.I64, "result")
	t := h.Temp(wasmbin.I64)
	h.Get(exp)
	h.TrapIfNegative(abi.ErrUnsupported)
	h.I64(1)
	h.Set(result)
	h.Until(func() {
		h.Get(exp)
		h.Emit(wasmbin.OpI64Eqz)
	}, func() {
		h.BinI64(wasmbin.OpI64And, exp, 1)
		h.Emit(wasmbin.OpI64Eqz)
		h.Emit(wasmbin.OpI32Eqz) // (exp & 1) != 0
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		h.MulChecked(result, base, t)
		h.Get(t)
		h.Set(result)
		h.End()
		h.BinI64(wasmbin.OpI64ShrS, exp, 1)
		h.Tee(exp)
		h.Emit(wasmbin.OpI64Eqz)
		h.EmitImm(wasmbin.OpBrIf, 1)
		h.MulChecked(base, base, t)
		h.Get(t)
		h.Set(base)
	})
	h.Get(result)
}
