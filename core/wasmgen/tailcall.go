package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Additive tail calls: plan/tailcall.go has the analysis (TailSite,
// UsesTailCalls) and the proof; this file lowers a return under the
// transformation.

// tailReturn generates a return statement of a function under the
// transformation (fg.acc is the accumulator).
func (fg *fgen) tailReturn(s *ast.Return) {
	x, call, ok := fg.TailSite(s)
	if !ok {
		if s.Value == nil || fg.typeOf(s.Value).Kind == check.None {
			if s.Value != nil {
				fg.expr(s.Value)
			}
			fg.Trap(abi.ErrUnsupported) // Python returns None from an annotated function
			return
		}
		fg.specRequire(s.Value, "the value returned")
		fg.Get(fg.acc)
		fg.exprAs(s.Value, check.Int)
		fg.intAdd(fg.AccRange(), fg.RangeOf(s.Value))
		fg.leave()
		return
	}
	fg.specRequire(x, "the value added to the accumulator")
	fg.Get(fg.acc)
	fg.exprAs(x, check.Int)
	fg.intAdd(fg.AccRange(), fg.RangeOf(x))
	fg.Set(fg.acc)
	params := fg.fn.Params
	temps := make([]uint32, len(call.Args))
	for i, a := range call.Args {
		if params[i].Kind == check.Int {
			fg.specRequire(a, "the argument of the tail call")
		}
		vt, _ := valType(params[i])
		temps[i] = fg.Temp(vt)
		fg.exprAs(a, params[i].Kind)
		fg.Set(temps[i])
	}
	for i := range call.Args {
		fg.Get(temps[i])
		fg.Set(fg.local[fg.fn.ParamNames[i]])
		vt, _ := valType(params[i])
		fg.Release(vt, temps[i])
	}
	if !fg.TailPassCalls(x, call) {
		fg.interruptCheck() // a pass that made no call of a recursive function (interrupt.go)
	}
	if fg.plan.Rotated != nil {
		fg.retest()
		return
	}
	fg.EmitImm(wasmbin.OpBr, fg.Depth(markTailTop))
}
