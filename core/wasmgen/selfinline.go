package wasmgen

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Self-inlining: plan/selfinline.go has the pass, its proof and the
// plan (FuncPlan.SelfInline, the levels of copies); this file generates
// the copies.

// canInlineSelf reports whether the call of callee at function index idx,
// whose guard failed, can be replaced by a copy of the function being
// generated: the plan allows another level of copies, and the call is
// the function's call of the very copy being generated.
func (fg *fgen) canInlineSelf(callee *check.Func, idx uint32) bool {
	return fg.inCopy < fg.plan.SelfInline && callee == fg.fn && idx == fg.selfIndex()
}

// markInlineEnd marks the block around a copy: its returns branch there.
const markInlineEnd = markTailBase << 1

// selfIndex returns the function index of the copy being generated: the
// specialization's when it is one.
func (fg *fgen) selfIndex() uint32 {
	if fg.plan.Spec {
		return fg.g.plan.Specs[fg.fn]
	}
	return fg.g.index[fg.fn]
}

// inlineSelf generates the copy of the function being generated in place
// of its call with the arguments in the locals args (see above); it leaves
// the call's result on the stack.
func (fg *fgen) inlineSelf(args []uint32) {
	fn := fg.fn
	rt, _ := valType(fn.Result)
	params := make([]uint32, len(args))
	for i, name := range fn.ParamNames {
		vt, _ := valType(fn.Params[i])
		params[i] = fg.Named(vt, fmt.Sprintf("%s.copy%d", name, fg.inCopy+1))
		fg.Get(args[i])
		fg.Set(params[i])
	}
	entry := fg.ParamFacts()
	fg.withParams(fn, params, func(i int) (plan.Interval, bool) {
		r, ok := entry[fn.ParamNames[i]]
		return r, ok
	}, false, func() {
		outerAcc := fg.acc
		fg.acc = fg.Named(wasmbin.I64, fmt.Sprintf("tail.acc.copy%d", fg.inCopy+1))
		fg.I64(0)
		fg.Set(fg.acc)
		fg.inCopy++
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockType(rt))
		fg.Mark(markInlineEnd)
		if fn.OnCallCycle && fg.plan.CopiesPoll {
			fg.interruptCheck()
		}
		guard := fg.plan.Rotated
		fg.rotatedLoop(guard, fn.Decl.Body[1:])
		fg.block(guard.Body)
		fg.End()
		fg.inCopy--
		fg.Release(wasmbin.I64, fg.acc)
		fg.acc = outerAcc
	})
	for i := range params {
		vt, _ := valType(fn.Params[i])
		fg.Release(vt, params[i])
	}
}

// leave ends a return of the function being generated whose value (acc +
// E under the transformation) is on the stack: a return, or in a copy a
// branch out of it.
func (fg *fgen) leave() {
	if fg.inCopy > 0 {
		fg.EmitImm(wasmbin.OpBr, fg.Depth(markInlineEnd))
		return
	}
	fg.Emit(wasmbin.OpReturn)
}
