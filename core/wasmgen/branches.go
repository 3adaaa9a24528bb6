package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Conditions lowered to branches (the branches pass). A condition that is
// only tested (of an if, a while, an assert or a conditional expression)
// never needs its truth value as a 0/1: `x and y`, `x or y` and `not x`
// become jumps on the truth of their operands, and a comparison of ints
// becomes the opposite comparison when the branch is taken on false (the
// negation of an int comparison is exact; a float one is not, because of
// nan, so a float comparison is followed by i32.eqz, which Cranelift
// folds into the branch).
//
// The operands are evaluated exactly as Python evaluates them: in order,
// the right operand of `and` only when the left one is true, of `or` only
// when it is false, each once; what changes is only that no 0/1 is built
// and tested again. Without the pass a condition is computed as a value
// (expr.go: logic, unary, compare) and tested with one br_if or if.

// branchIf emits code that branches to the label at relative depth depth
// when the truth value of e is when, and falls through otherwise.
func (fg *fgen) branchIf(e ast.Expr, when bool, depth int64) {
	if !fg.g.on(PassBranches) {
		fg.cond(e)
		if !when {
			fg.Emit(wasmbin.OpI32Eqz)
		}
		fg.EmitImm(wasmbin.OpBrIf, depth)
		return
	}
	if fg.g.on(PassFold) {
		if v, ok := fg.ConstOf(e); ok && (v.Kind == check.Bool || v.Kind == check.Int) {
			if (v.I != 0) == when {
				fg.EmitImm(wasmbin.OpBr, depth)
			}
			return
		}
	}
	switch e := e.(type) {
	case *ast.Unary:
		if e.Op == ast.OpNot {
			fg.branchIf(e.X, !when, depth)
			return
		}
	case *ast.Logic:
		// `x and y` is true when both are; `x or y` when either is
		both := e.Op == ast.OpAnd
		if both != when {
			// and, on false: leave when x is false, else when y is; or,
			// on true: leave when x is true, else when y is
			fg.branchIf(e.X, when, depth)
			fg.branchIf(e.Y, when, depth)
			return
		}
		// and, on true: skip y when x is false; or, on false: skip y when
		// x is true
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.branchIf(e.X, !when, 0)
		fg.branchIf(e.Y, when, depth+1)
		fg.End()
		return
	case *ast.Compare:
		if fg.branchCompare(e, when, depth) {
			return
		}
	}
	fg.cond(e)
	if !when {
		fg.Emit(wasmbin.OpI32Eqz)
	}
	fg.EmitImm(wasmbin.OpBrIf, depth)
}

// negatedInt maps each int or bool comparison to its negation.
var negatedInt = map[wasmbin.Opcode]wasmbin.Opcode{
	wasmbin.OpI64Eq: wasmbin.OpI64Ne, wasmbin.OpI64Ne: wasmbin.OpI64Eq,
	wasmbin.OpI64LtS: wasmbin.OpI64GeS, wasmbin.OpI64GeS: wasmbin.OpI64LtS,
	wasmbin.OpI64GtS: wasmbin.OpI64LeS, wasmbin.OpI64LeS: wasmbin.OpI64GtS,
	wasmbin.OpI32Eq: wasmbin.OpI32Ne, wasmbin.OpI32Ne: wasmbin.OpI32Eq,
	wasmbin.OpI32LtU: wasmbin.OpI32GeU, wasmbin.OpI32GeU: wasmbin.OpI32LtU,
	wasmbin.OpI32GtU: wasmbin.OpI32LeU, wasmbin.OpI32LeU: wasmbin.OpI32GtU,
}

// branchCompare emits the branch of a single comparison of ints, bools
// or floats (no chain, no str, no `in`, no int against float) and
// reports whether it did.
func (fg *fgen) branchCompare(e *ast.Compare, when bool, depth int64) bool {
	if len(e.Ops) != 1 {
		return false
	}
	x, y := e.Operands[0], e.Operands[1]
	lk, rk := fg.typeOf(x).Kind, fg.typeOf(y).Kind
	if !plan.NumericKind(lk) || !plan.NumericKind(rk) || mixedIntFloat(lk, rk) {
		return false
	}
	op, ok := cmpOps[cmpKind(lk, rk)][e.Ops[0]]
	if !ok {
		return false
	}
	k := cmpKind(lk, rk)
	fg.exprAs(x, k)
	fg.exprAs(y, k)
	if neg, exact := negatedInt[op]; exact && !when {
		fg.Emit(neg)
	} else {
		fg.Emit(op)
		if !when {
			fg.Emit(wasmbin.OpI32Eqz)
		}
	}
	fg.EmitImm(wasmbin.OpBrIf, depth)
	return true
}

// branchy reports whether the condition e gains from the branch form of
// an if (a comparison or a plain value is tested as well by `if`): it
// is an `and` or an `or`, possibly under `not`.
func (fg *fgen) branchy(e ast.Expr) bool {
	if !fg.g.on(PassBranches) {
		return false
	}
	for {
		switch x := e.(type) {
		case *ast.Unary:
			if x.Op != ast.OpNot {
				return false
			}
			e = x.X
		case *ast.Logic:
			return true
		default:
			return false
		}
	}
}

// ifBranches generates `if Cond: Body else: Else` in the branch form:
//
//	block                 ;; the end
//	  block               ;; the else part
//	    (branch to 0 when Cond is false)
//	    Body
//	    br 1
//	  end
//	  Else
//	end
//
// (without an else part, one block). It reports whether control can
// fall through, as stmt does; body and orElse generate the two parts.
func (fg *fgen) ifBranches(cond ast.Expr, hasElse bool, body, orElse func() bool) bool {
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	if !hasElse {
		fg.branchIf(cond, false, 0)
		body()
		fg.End()
		return true
	}
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.branchIf(cond, false, 0)
	f1 := body()
	if f1 {
		fg.EmitImm(wasmbin.OpBr, 1)
	}
	fg.End()
	f2 := orElse()
	fg.End()
	return f1 || f2
}

// ifExpBranches generates `Body if Cond else Else` of value type vt in
// the branch form (as ifBranches, with a result).
func (fg *fgen) ifExpBranches(e *ast.IfExp, vt wasmbin.ValType) {
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockType(vt))
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.branchIf(e.Cond, false, 0)
	fg.expr(e.Body)
	fg.EmitImm(wasmbin.OpBr, 1)
	fg.End()
	fg.expr(e.Else)
	fg.End()
}
