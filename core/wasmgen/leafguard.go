package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Leading guards of recursive functions: plan/leafguard.go has the pass,
// its proof and the plan (Module.Guards); this file lowers a call with
// the callee's guard in place and the rotated tail call loop.

// inlinedCall generates the call e of callee (function index idx) with
// callee's leading guard evaluated in place (see above).
func (fg *fgen) inlinedCall(e *ast.Call, callee *check.Func, idx uint32, guard *ast.If) {
	ranges := make([]plan.Interval, len(e.Args))
	temps := make([]uint32, len(e.Args))
	vts := make([]wasmbin.ValType, len(e.Args))
	for i, a := range e.Args {
		ranges[i] = fg.RangeOf(a)
		vts[i], _ = valType(callee.Params[i])
		temps[i] = fg.Temp(vts[i])
		fg.exprAs(a, callee.Params[i].Kind)
		fg.Set(temps[i])
	}
	value := guard.Body[0].(*ast.Return).Value
	rt, _ := valType(callee.Result)
	fg.asParams(callee, temps, ranges, func() {
		fg.cond(guard.Cond)
		fg.Begin(wasmbin.OpIf, wasmbin.BlockType(rt))
		fg.exprAs(value, callee.Result.Kind)
	})
	fg.Emit(wasmbin.OpElse)
	if fg.canInlineSelf(callee, idx) {
		fg.inlineSelf(temps)
	} else {
		for _, t := range temps {
			fg.Get(t)
		}
		fg.Call(idx)
	}
	fg.End()
	for i, t := range temps {
		fg.Release(vts[i], t)
	}
}

// asParams runs gen with the names of callee's parameters bound to the
// locals temps, whose values lie in ranges (for the int ones), and
// restores the caller's names afterwards.
func (fg *fgen) asParams(callee *check.Func, temps []uint32, ranges []plan.Interval, gen func()) {
	fg.withParams(callee, temps, func(i int) (plan.Interval, bool) {
		return ranges[i], callee.Params[i].Kind == check.Int
	}, true, gen)
}

// withParams runs gen with the names of callee's parameters bound to the
// locals, each with the interval fact(i) when it reports one (and none
// otherwise), marked as an inlined callee's parameters when inlined (or
// as the function's own), and restores the caller's names afterwards.
func (fg *fgen) withParams(callee *check.Func, locals []uint32, fact func(i int) (plan.Interval, bool), inlined bool, gen func()) {
	type saved struct {
		local            uint32
		hasLocal         bool
		fact             plan.Interval
		hasFact, inlined bool
	}
	old := make([]saved, len(locals))
	for i, name := range callee.ParamNames {
		var s saved
		s.local, s.hasLocal = fg.local[name]
		s.fact, s.hasFact = fg.Fact(name)
		s.inlined = fg.Inlined[name]
		old[i] = s
		fg.local[name] = locals[i]
		if r, ok := fact(i); ok {
			fg.SetFact(name, r)
		} else {
			fg.DeleteFact(name)
		}
		if inlined {
			if fg.Inlined == nil {
				fg.Inlined = map[string]bool{}
			}
			fg.Inlined[name] = true
		} else {
			delete(fg.Inlined, name)
		}
	}
	gen()
	for i := len(locals) - 1; i >= 0; i-- {
		name, s := callee.ParamNames[i], old[i]
		if s.hasLocal {
			fg.local[name] = s.local
		} else {
			delete(fg.local, name)
		}
		if s.hasFact {
			fg.SetFact(name, s.fact)
		} else {
			fg.DeleteFact(name)
		}
		if s.inlined {
			fg.Inlined[name] = true
		} else {
			delete(fg.Inlined, name)
		}
	}
}

// rotatedTail generates the body of a function under the tail call
// transformation whose first statement is the simple guard g (see
// above):
//
//	if C: the guard's body
//	block $base
//	  loop $top
//	    rest of the body (a tail call: rebind, br_if $top (not C), br $base)
//	  end
//	end
//	the guard's body
//
// (The guard's body, a return of a simple value, is emitted twice: with
// the guard as an if at the entry, Cranelift lays the loop out on the
// path that does not branch: fib(30) took 2.97 ms instead of 3.39 with a
// branch over the guard.)
// It reports whether control may fall off the end (never: the guard's
// body returns, and a rest that falls through traps as Python's None).
func (fg *fgen) rotatedTail(g *ast.If, rest []ast.Stmt) bool {
	fg.cond(g.Cond)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.block(g.Body)
	fg.End()
	fg.rotatedLoop(g, rest)
	return fg.block(g.Body)
}

// rotatedLoop generates the block and loop of rotatedTail, entered when
// the guard g does not hold.
func (fg *fgen) rotatedLoop(g *ast.If, rest []ast.Stmt) {
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markTailBase)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Mark(markTailTop)
	falls := true
	if name, r, ok := fg.GuardFact(g); ok {
		fg.WithFact(name, r, func() { falls = fg.block(rest) })
	} else {
		falls = fg.block(rest)
	}
	fg.End()
	if falls {
		fg.Trap(abi.ErrUnsupported) // Python would return None
	}
	fg.End()
}

// retest generates, after a tail call rebound the parameters, the jump
// back to the top of the loop unless the guard's condition holds, and
// else to the guard's body; the condition is generated with the
// parameters' intervals of the function's entry.
func (fg *fgen) retest() {
	saved := fg.Facts()
	fg.SetFacts(map[string]plan.Interval{})
	for name, r := range saved {
		fg.SetFact(name, r)
	}
	for _, name := range fg.fn.ParamNames {
		fg.DeleteFact(name)
	}
	for name, r := range fg.ParamFacts() {
		fg.SetFact(name, r)
	}
	fg.cond(fg.plan.Rotated.Cond)
	fg.SetFacts(saved)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.EmitImm(wasmbin.OpBrIf, fg.Depth(markTailTop))
	fg.EmitImm(wasmbin.OpBr, fg.Depth(markTailBase))
}
