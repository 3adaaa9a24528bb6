package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// While loops that count (the whilerange pass; plan/whilerange.go has the
// rules and why they suffice): `while i < E: ...; i += c` (or `while i <
// E and R:`, R tested at the top of each turn) runs as the
// chunked loop of a range, its stop E read once, checking for interruption
// once per chunk when its body is light, and with a fast copy for its
// sums when it is innermost.

// countedWhile emits the while loop s, which counts with c, and reports
// whether it did (the body must be light for chunks; otherwise the loop
// is left to the usual lowering, which checks in every iteration).
func (fg *fgen) countedWhile(s *ast.While, c plan.CountedLoop) bool {
	if !interruptChecks || !fg.LightLoop(s) || (c.Rest != nil && !fg.LightExpr(c.Rest)) {
		return false
	}
	stop := fg.Temp(wasmbin.I64)
	defer fg.Release(wasmbin.I64, stop)
	fg.exprAs(c.Stop, check.Int)
	fg.Set(stop)
	cur := fg.local[c.Index]
	exitTest := func() { fg.Bin(wasmbin.OpI64GeS, cur, stop) }
	bodyAndAdvance := func() {
		if c.Rest != nil { // `i < E and R`: leave when R is false
			fg.cond(c.Rest)
			fg.Emit(wasmbin.OpI32Eqz)
			fg.EmitImm(wasmbin.OpBrIf, fg.Depth(markBreak))
		}
		// the condition holds: i < lim <= E (the step is its last
		// statement, and the body has no continue)
		fg.condBlock(s.Cond, s.Body, fg.CondFacts(s.Cond, true))
	}
	loop := func() { fg.chunkedLoop(s, cur, stop, c.Step, true, 0, 1, exitTest, bodyAndAdvance) }
	accs := fg.WhileAccumulators(s, c)
	if len(accs) == 0 {
		loop()
		return true
	}
	// at most 2**32 turns: |i| and |E| at most 2**31 (the step is >= 1)
	fg.versionedAccumulators(accs, func() {
		fg.magnitude(cur, fg.RangeOfName(c.Index))
		fg.magnitude(stop, fg.RangeOf(c.Stop))
		fg.Emit(wasmbin.OpI64Or)
		fg.I64(1 << 31)
		fg.Emit(wasmbin.OpI64LeU)
	}, loop)
	return true
}
