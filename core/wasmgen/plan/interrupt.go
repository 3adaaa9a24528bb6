package plan

import (
	"math/big"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// The analyses of the interrupt checks (core/wasmgen/interrupt.go has
// where the checks go and why that bounds the time between two).

// ChunkIterations is how many iterations of a light range loop run between
// two checks: a light body is at most a few hundred instructions, so a
// chunk takes well under a millisecond.
const ChunkIterations = 1024

// ShortRange reports whether a range loop with these arguments provably
// runs at most ChunkIterations times: its start and stop have known
// intervals and its step is the constant step.
func (rg *Func) ShortRange(args []ast.Expr, step int64) bool {
	if step == 0 {
		return false
	}
	start := Interval{Lo: 0, Hi: 0}
	if len(args) > 1 {
		start = rg.RangeOf(args[0])
	}
	stop := rg.RangeOf(args[min(1, len(args)-1)])
	// The most iterations: from the lowest start to the highest stop for
	// a positive step, the other way round for a negative one.
	var span *big.Int
	if step > 0 {
		span = new(big.Int).Sub(big.NewInt(stop.Hi), big.NewInt(start.Lo))
	} else {
		span = new(big.Int).Sub(big.NewInt(start.Hi), big.NewInt(stop.Lo))
	}
	if span.Sign() <= 0 {
		return true
	}
	limit := new(big.Int).Mul(big.NewInt(ChunkIterations), new(big.Int).Abs(big.NewInt(step)))
	return span.Cmp(limit) <= 0
}

// TailPassCalls reports whether a pass of the tail call loop that ends in
// the tail call X + call certainly calls a function that checks for
// interruption at its entry (a function on a cycle of calls), or else
// leaves the loop at the next test of the guard. A call counts when X
// makes it whatever the values (not under a conditional expression or the
// right operand of and/or). A call whose callee's leading guard is tested
// in place (leafguard.go) is made only when the guard fails on its
// arguments; it counts when the guard holding on them implies that it
// holds on the tail call's arguments too (guardImplies).
func (rg *Func) TailPassCalls(x ast.Expr, call *ast.Call) bool {
	return rg.passCall(x, call) != nil
}

// passCall returns the call by which TailPassCalls holds: the first call
// of X, in the order of evaluation, made whatever the values, of a
// function on a cycle of calls that either has no leading guard or is the
// function itself with a guard that guardImplies carries to the tail
// call; nil when there is none.
func (rg *Func) passCall(x ast.Expr, call *ast.Call) *ast.Call {
	var found *ast.Call
	var visit func(e ast.Expr)
	visit = func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.IfExp:
				visit(n.Cond) // only the condition is certain to run
				return false
			case *ast.Logic:
				visit(n.X)
				return false
			case *ast.Lambda, *ast.Comp:
				return false
			case *ast.Call:
				id, ok := n.Func.(*ast.Ident)
				if !ok {
					return true
				}
				if _, builtin := rg.Info.Builtins[id]; builtin {
					return true
				}
				callee := rg.Info.FuncByName[id.Name]
				if callee == nil || !callee.OnCallCycle {
					return true
				}
				guard, guarded := rg.Module.SimpleGuard(callee)
				if !guarded || (callee == rg.Fn && rg.guardImplies(guard, n, call)) {
					found = n
					return false
				}
			}
			return true
		})
	}
	visit(x)
	return found
}

// guardImplies reports whether fn's leading guard holding on the
// arguments of call implies that it holds on those of tail (both calls of
// fn). It knows the guards `p < c` and `p <= c` on an int parameter p and
// an int literal c, with arguments p + k (k a literal, possibly negative,
// or 0): the guard is downward closed in p, so it suffices that tail's
// argument is at most call's, whatever p is.
func (rg *Func) guardImplies(guard *ast.If, call, tail *ast.Call) bool {
	kc, kt, ok := rg.guardOffsets(guard, call, tail)
	return ok && kt <= kc
}

// guardOffsets returns, when fn's leading guard is `p < c` or `p <= c`
// on an int parameter p and an int literal c, and the arguments of call
// and tail (both calls of fn) for p are p + kc and p + kt (see
// paramOffset), the two offsets.
func (rg *Func) guardOffsets(guard *ast.If, call, tail *ast.Call) (kc, kt int64, ok bool) {
	cmp, ok := guard.Cond.(*ast.Compare)
	if !ok || len(cmp.Ops) != 1 || (cmp.Ops[0] != ast.CmpLt && cmp.Ops[0] != ast.CmpLe) || len(cmp.Operands) != 2 {
		return 0, 0, false
	}
	p, ok := cmp.Operands[0].(*ast.Ident)
	if c, lit := rg.ConstOf(cmp.Operands[1]); !ok || !lit || c.Kind != check.Int {
		return 0, 0, false
	}
	idx := -1
	for i, name := range rg.Fn.ParamNames {
		if name == p.Name && rg.Fn.Params[i].Kind == check.Int {
			idx = i
		}
	}
	if idx < 0 || idx >= len(call.Args) || idx >= len(tail.Args) {
		return 0, 0, false
	}
	kc, ok1 := rg.paramOffset(call.Args[idx], p.Name)
	kt, ok2 := rg.paramOffset(tail.Args[idx], p.Name)
	return kc, kt, ok1 && ok2
}

// paramOffset returns k when e is `name`, `name + k` or `name - k` with k
// an int constant small enough that the comparison of offsets is exact.
func (rg *Func) paramOffset(e ast.Expr, name string) (int64, bool) {
	if id, ok := e.(*ast.Ident); ok && id.Name == name {
		return 0, true
	}
	b, ok := e.(*ast.Binary)
	if !ok || (b.Op != ast.OpAdd && b.Op != ast.OpSub) {
		return 0, false
	}
	id, ok := b.X.(*ast.Ident)
	c, ok2 := rg.ConstOf(b.Y)
	if !ok || !ok2 || id.Name != name || c.Kind != check.Int {
		return 0, false
	}
	k := c.I
	if k > 1<<40 || k < -(1<<40) {
		return 0, false
	}
	if b.Op == ast.OpSub {
		k = -k
	}
	return k, true
}
