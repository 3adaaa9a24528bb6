package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Floor division through the float unit: plan/fdiv.go has the pass, its
// proof and the plan of a versioned loop (FDivFits, FDivPlan); this file
// emits the divisions and the loop's test.

// fdivQuotient leaves q = trunc(f64(a) / f64(b)) for the operands a and
// b on the stack, which it stores in the locals a and b.
func (fg *fgen) fdivQuotient(a, b uint32) {
	fg.Set(b)
	fg.Tee(a)
	fg.Emit(wasmbin.OpF64ConvertI64S)
	fg.Get(b)
	fg.Emit(wasmbin.OpF64ConvertI64S)
	fg.Emit(wasmbin.OpF64Div)
	fg.Emit(wasmbin.OpI64TruncF64S)
}

// fdivFloor replaces the operands a and b on the stack by a // b computed
// through f64 and reports true, when fdivFits(xr, yr); otherwise it emits
// nothing and reports false.
func (fg *fgen) fdivFloor(xr, yr plan.Interval) bool {
	if !fg.FDivFits(xr, yr) {
		return false
	}
	a, b := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.fdivQuotient(a, b)
	fg.Release(wasmbin.I64, a, b)
	return true
}

// fdivMod replaces the operands a and b on the stack by a % b computed
// through f64 (a - q*b) and reports true, when fdivFits(xr, yr);
// otherwise it emits nothing and reports false.
func (fg *fgen) fdivMod(xr, yr plan.Interval) bool {
	if !fg.FDivFits(xr, yr) {
		return false
	}
	a, b, q := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	fg.fdivQuotient(a, b)
	fg.Set(q)
	fg.Get(a)
	fg.Bin(wasmbin.OpI64Mul, q, b)
	fg.Emit(wasmbin.OpI64Sub)
	fg.Release(wasmbin.I64, a, b, q)
	return true
}

// fdivTest pushes the i32 test of v: start >= 0 and stop <= bound for the
// loop variable (cur holds the start, stop the end), each local < bound
// as unsigned (which is also >= 0); and it with the test below it when
// and is true. A plan has at least one test (fdivPlan).
func (fg *fgen) fdivTest(v *plan.FDivVersion, cur, stop uint32, and bool) {
	pushed := false
	push := func() {
		if and || pushed {
			fg.Emit(wasmbin.OpI32And)
		}
		pushed = true
	}
	if v.StartTest {
		fg.Get(cur)
		fg.I64(0)
		fg.Emit(wasmbin.OpI64GeS)
		push()
	}
	if v.StopTest {
		fg.Get(stop)
		fg.I64(v.Bound)
		fg.Emit(wasmbin.OpI64LeS)
		push()
	}
	for _, name := range v.Locals {
		fg.Get(fg.local[name])
		fg.I64(v.Bound)
		fg.Emit(wasmbin.OpI64LtU)
		push()
	}
}

// fdivFacts returns gen run with the facts of v's fast copy.
func (fg *fgen) fdivFacts(v *plan.FDivVersion, gen func()) func() {
	names := append([]string{}, v.Locals...)
	if v.LoopVar != "" {
		names = append(names, v.LoopVar)
	}
	return func() {
		if !fg.WithNarrowed(names, v.Bound, gen) {
			gen() // not reached: fdivPlan checked the intervals
		}
	}
}
