package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Self-inlining. Under the tail call transformation (tailcall.go) with a
// rotated leading guard (leafguard.go), fib is a loop that makes one call
// per turn, fib(n - 1), whose guard is already tested in place. With the
// selfinline pass (core/wasmgen/selfinline.go) that call, when the guard does not return, is replaced
// by a copy of the function's own loop, two levels deep (see InlineDepth):
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
// at most InlineDepth levels.

// InlineDepth is how many levels of copies are nested, by the number of
// calls of itself the body makes: each level multiplies the code by that
// number. (fib(30): 3.6 ms without copies, 2.6 with one level, 2.3 with
// two, 2.3 with three; C -O2 1.5, in one run.)
func InlineDepth(sites int) int {
	switch {
	case sites <= 2:
		return 2
	case sites <= 4:
		return 1
	}
	return 0
}

// SelfCalls counts the calls of the function in its body.
func (rg *Func) SelfCalls() int {
	n := 0
	ast.InspectStmts(rg.Fn.Decl.Body, func(x ast.Node) bool {
		if c, ok := x.(*ast.Call); ok {
			if id, ok := c.Func.(*ast.Ident); ok && rg.Info.FuncByName[id.Name] == rg.Fn {
				if _, builtin := rg.Info.Builtins[id]; !builtin {
					n++
				}
			}
		}
		return true
	})
	return n
}

// SelfInline returns the levels of copies of the function that may
// replace its calls of itself (see above; 0 for none), given the plan of
// the tail call transformation: tail, and the rotated guard.
func (rg *Func) SelfInline(tail bool, rotated *ast.If) int {
	if !rg.Passes.Has(PassSelfInline) || !tail || rotated == nil {
		return 0
	}
	for _, p := range rg.Fn.Params {
		if p.Kind != check.Int && p.Kind != check.Float && p.Kind != check.Bool {
			return 0
		}
	}
	for _, l := range rg.Info.Locals[rg.Fn.Decl] {
		if !l.Param {
			return 0
		}
	}
	return InlineDepth(rg.SelfCalls())
}
