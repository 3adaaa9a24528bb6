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
//   - the interrupt check that the call would have made at its entry,
//     unless CopiesPoll shows it unneeded (see there).
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
// number. (fib(30), side by side in one run, with the copies' entry
// checks that CopiesPoll drops: 1.91 ms with two levels, 1.51 with three,
// 1.51 with four, 1.74 with six; C -O2 1.09. With the checks kept, 1.98,
// 1.65 and 1.58 for two, three and four levels.)
func InlineDepth(sites int) int {
	switch {
	case sites <= 2:
		return 3
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

// CopiesPoll reports whether each copy must check for interruption at its
// entry, as the call it replaces would have. It need not when the
// function is its leading guard `if p < c: return E` (or `p <= c`, p an
// int parameter, c an int literal) followed by the single statement
// `return X + f(args)`, a tail site whose passes TailPassCalls proves
// call a function that checks, through a call (passCall) that is either
// of another function, without a guard (always a real call), or of f
// itself with the arguments p + kc in X and p + kt in the tail call, kt
// <= kc < 0. Then the real calls, which check at their entry, come often
// enough: between two checks the code runs at most a number of
// instructions fixed by the program.
//
// Proof. A copy is a nest of at most D = SelfInline levels, its loops
// being the function's tail call loop: one pass per value of p, which the
// pass lowers by -kt >= 1. Straight-line code and the calls of functions
// that are not on a cycle are bounded; what could run long is a loop
// whose passes make no real call. When passCall is of another function,
// every pass makes a real call, and nothing is left to prove. Otherwise,
// take a pass, on p = v >= c (the guard failed), that makes no real call:
// its passCall f(v + kc) either is answered by the guard in place (and
// then the guard holds on v + kt <= v + kc too, so the loop ends), or is
// a copy, whose first pass makes the call f(v + 2kc), and so on; at the
// last level such a call is a real call. So either the guard holds on
// v + j*kc for some j <= D, that is v < c + D*(-kc) + 1, or the pass makes a
// real call. The passes of one loop on such small values of p are at
// most D + 1, as p falls by -kt >= -kc each pass. So a stretch of
// passes without a real call has, at each of the D + 1 levels, at most
// D + 2 passes (with the ends of the passes before and after), each
// running the copies of the calls of f in X (s of them): at most
// (s * (D + 2))^(D + 1) turns of the body between two checks, for fib
// (s = 1, D = 3) 625 turns of a few instructions each, microseconds. A
// function of any other shape keeps the checks.
func (rg *Func) CopiesPoll() bool {
	body := rg.Fn.Decl.Body
	guard, ok := rg.Module.SimpleGuard(rg.Fn)
	if !ok || len(body) != 2 || body[0] != ast.Stmt(guard) {
		return true
	}
	r, ok := body[1].(*ast.Return)
	if !ok {
		return true
	}
	x, tail, ok := rg.TailSite(r)
	if !ok {
		return true
	}
	pc := rg.passCall(x, tail)
	if pc == nil {
		return true
	}
	if id := pc.Func.(*ast.Ident); rg.Info.FuncByName[id.Name] != rg.Fn {
		return false
	}
	kc, kt, ok := rg.guardOffsets(guard, pc, tail)
	return !ok || kt > kc || kc >= 0
}
