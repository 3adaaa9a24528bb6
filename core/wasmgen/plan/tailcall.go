package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Additive tail calls. An int function f with a statement
// `return X + f(args)` (fib's `return fib(n - 1) + fib(n - 2)`) spends
// most of its time in calls; C compilers turn the last call into a jump
// with an accumulator, and so does the generator, with the tailcall pass (core/wasmgen/tailcall.go lowers it):
//
//   - the body runs inside a loop, with a hidden i64 accumulator acc that
//     starts at 0 (locals start at zero);
//   - `return X + f(args)` evaluates X, adds it to acc (checked), evaluates
//     the arguments into temporaries, assigns them to the parameters and
//     jumps back to the top of the body;
//   - every other `return E` returns acc + E (checked).
//
// Proof. Python evaluates X, then the arguments, then calls f, then adds;
// the loop does the same in the same order, except that the addition of X
// moves before the call. The value returned is acc plus the sum of the Xs
// and the final E, the same integers the recursive code adds, only
// associated differently, so when no addition overflows the result is
// Python's exact sum. An addition may overflow in one form and not in the
// other; either way it traps with ErrOverflow, and the call is re-run in
// Python, which gives the exact answer (and raises whatever the call
// raises): an ErrOverflow never reaches the user as a different value.
// Other traps happen at the same point of the same evaluation order. The
// locals other than the parameters keep their values from one turn to the
// next instead of starting at zero; that is unobservable, since the checker
// rejects (leaves in Python) a function that may read a local before
// assigning it. Only int functions are transformed: float addition is not
// associative.

// TailSite reports whether s is `return X + f(args)` with f the function
// being generated, X and the result int, and returns the two operands.
func (rg *Func) TailSite(s *ast.Return) (x ast.Expr, call *ast.Call, ok bool) {
	b, isBin := s.Value.(*ast.Binary)
	if !isBin || b.Op != ast.OpAdd {
		return nil, nil, false
	}
	c, isCall := b.Y.(*ast.Call)
	if !isCall {
		return nil, nil, false
	}
	id, isID := c.Func.(*ast.Ident)
	if !isID || rg.Info.FuncByName[id.Name] != rg.Fn || len(c.Args) != len(rg.Fn.Params) {
		return nil, nil, false
	}
	if _, builtin := rg.Info.Builtins[id]; builtin {
		return nil, nil, false
	}
	if t, ok := rg.Info.Types[b.X]; !ok || t.Kind != check.Int {
		return nil, nil, false
	}
	if t, ok := rg.Info.Types[b]; !ok || t.Kind != check.Int {
		return nil, nil, false
	}
	return b.X, c, true
}

// UsesTailCalls reports whether the function being generated has an
// additive tail call and can take the transformation.
func (rg *Func) UsesTailCalls() bool {
	if !rg.Passes.Has(PassTailCall) || rg.Fn == nil || rg.Fn.Result == nil || rg.Fn.Result.Kind != check.Int {
		return false
	}
	found := false
	ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
		if s, ok := n.(*ast.Return); ok && s.Value != nil {
			if _, _, ok := rg.TailSite(s); ok {
				found = true
			}
		}
		_, isExpr := n.(ast.Expr)
		return !found && !isExpr // returns are statements
	})
	return found
}
