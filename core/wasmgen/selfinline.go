package wasmgen

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Self-inlining. Under the tail call transformation (tailcall.go) with a
// rotated leading guard (leafguard.go), fib is a loop that makes one call
// per turn, fib(n - 1), whose guard is already tested in place. With the
// selfinline pass that call, when the guard does not return, is replaced
// by a copy of the function's own loop, two levels deep (see inlineDepth):
// the calls the innermost copy makes are real calls again. Half the calls of fib become jumps
// within the caller, which is what C compilers do when they inline a
// recursive function into itself, and what Cranelift (in Wasmtime 39) does
// not: it inlines nothing, and the C API of Wasmtime has no switch for
// its inliner.
//
// The copy is the function's body generated a second time, with
//
//   - the parameters bound to fresh locals holding the arguments, and
//     the intervals the function itself knows of its parameters at entry
//     (those of the non-negative specialization for its copy), not those
//     of the arguments: the tail calls rebind them;
//   - a fresh accumulator set to 0, as a call's accumulator starts;
//   - every return of the body a branch out of the copy with the value
//     the call would have returned, acc + E (checked as in the call);
//   - the interrupt check that the call would have made at its entry.
//
// Proof. The copy runs the instructions the callee would run, in the same
// order, on the same values, on locals of its own (the function has no
// locals besides its parameters, the condition below, so nothing of the
// caller is shared), and leaves with the value the callee would return or
// traps where it would trap. The leading guard is not tested at the
// copy's entry: the caller just tested it on the same values and it did
// not hold, which is why the call was going to be made. The only
// difference is the stack: a frame less, so a recursion that would
// overflow Wasmtime's stack overflows later or not at all, which changes
// no result (a stack overflow is an error the call re-runs in Python).
//
// Conditions: the callee is the function being generated (the same copy:
// the generic one calling itself, or the specialization calling itself),
// it runs under the transformation with a rotated guard, its parameters
// are int, float or bool, it has no other locals, and the copies nest
// at most inlineDepth levels.

// inlineDepth is how many levels of copies are nested, by the number of
// calls of itself the body makes: each level multiplies the code by that
// number. (fib(30): 3.6 ms without copies, 2.6 with one level, 2.3 with
// two, 2.3 with three; C -O2 1.5, in one run.)
func inlineDepth(sites int) int {
	switch {
	case sites <= 2:
		return 2
	case sites <= 4:
		return 1
	}
	return 0
}

// selfCalls counts the calls of fn in its body.
func (g *gen) selfCalls(fn *check.Func) int {
	n := 0
	ast.InspectStmts(fn.Decl.Body, func(x ast.Node) bool {
		if c, ok := x.(*ast.Call); ok {
			if id, ok := c.Func.(*ast.Ident); ok && g.info.FuncByName[id.Name] == fn {
				if _, builtin := g.info.Builtins[id]; !builtin {
					n++
				}
			}
		}
		return true
	})
	return n
}

// markInlineEnd marks the block around a copy: its returns branch there.
const markInlineEnd = markTailBase << 1

// canInlineSelf reports whether the call of callee at function index idx,
// whose guard failed, can be replaced by a copy of the function being
// generated (see above).
func (fg *fgen) canInlineSelf(callee *check.Func, idx uint32) bool {
	if !fg.g.on(PassSelfInline) || fg.inCopy >= inlineDepth(fg.g.selfCalls(fg.fn)) || callee != fg.fn || !fg.plan.Tail || fg.plan.Rotated == nil {
		return false
	}
	if idx != fg.selfIndex() {
		return false
	}
	for _, p := range callee.Params {
		if p.Kind != check.Int && p.Kind != check.Float && p.Kind != check.Bool {
			return false
		}
	}
	for _, l := range fg.g.info.Locals[callee.Decl] {
		if !l.Param {
			return false
		}
	}
	return true
}

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
	type saved struct {
		local    uint32
		fact     plan.Interval
		hasFact  bool
		wasInlin bool
	}
	params := make([]uint32, len(args))
	old := make([]saved, len(args))
	entry := fg.ParamFacts()
	for i, name := range fn.ParamNames {
		vt, _ := valType(fn.Params[i])
		params[i] = fg.Named(vt, fmt.Sprintf("%s.copy%d", name, fg.inCopy+1))
		fg.Get(args[i])
		fg.Set(params[i])
		s := saved{local: fg.local[name]}
		s.fact, s.hasFact = fg.Fact(name)
		s.wasInlin = fg.inlined[name]
		old[i] = s
		fg.local[name] = params[i]
		if r, ok := entry[name]; ok {
			fg.SetFact(name, r)
		} else {
			fg.DeleteFact(name)
		}
		delete(fg.inlined, name)
	}
	outerAcc := fg.acc
	fg.acc = fg.Named(wasmbin.I64, fmt.Sprintf("tail.acc.copy%d", fg.inCopy+1))
	fg.I64(0)
	fg.Set(fg.acc)
	fg.inCopy++

	fg.Begin(wasmbin.OpBlock, wasmbin.BlockType(rt))
	fg.Mark(markInlineEnd)
	if fn.OnCallCycle {
		fg.interruptCheck()
	}
	guard := fg.plan.Rotated
	fg.rotatedLoop(guard, fn.Decl.Body[1:])
	fg.block(guard.Body)
	fg.End()

	fg.inCopy--
	fg.Release(wasmbin.I64, fg.acc)
	fg.acc = outerAcc
	for i, name := range fn.ParamNames {
		s := old[i]
		fg.local[name] = s.local
		if s.hasFact {
			fg.SetFact(name, s.fact)
		} else {
			fg.DeleteFact(name)
		}
		if s.wasInlin {
			fg.inlined[name] = true
		}
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
