package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// fdivBound is the first loop value whose square reaches 2**53
// (94906266**2 > 2**53 > 94906265**2): wasmgen divides k * k in f64 only
// below it (fdiv.go).
const fdivBound = 94906266

// divLoopStmts builds a range loop that accumulates `//` and `%` of its
// variable, the shape wasmgen computes through f64 when the ranges prove
// both operands in [0, 2**53) (fdiv.go):
//
//	for kN in R:
//	    acc += X // Y      (or %, or -=)
//
// where X is kN * kN, kN * v (v an int local or parameter), kN, or
// kN * kN + e % c, and Y is kN + c (c in [1, 4]), v % c + 1 or kN % c + 1.
// R is one of
//
//   - range(a % M) or range(c, c'): kN's interval is known from the
//     constants alone (c may be negative: then so may be X and Y);
//   - range(S, S + e % 40) for an int expression S: the loop versioning
//     tests start >= 0 and stop against the bound at run time (negative
//     or huge starts take the integer copy, where negative dividends and
//     zero divisors raise as in Python);
//   - range(L + e % 5, L + e' % 5 + 1) with L just below the bound where
//     X reaches 2**53 (fdivBound for the squares and products, 2**53 for
//     kN): whether the fast copy runs depends on the arguments, on both
//     sides of the bound; a third of the time L is just above it, where
//     only the integer path is exact.
func (g *Generator) divLoopStmts() []ast.Stmt {
	names := g.locals['i']
	acc := names[g.r.IntN(len(names))]
	v := names[g.r.IntN(len(names))]
	g.nloop++
	k := "k" + strconv.Itoa(g.nloop)
	mod := func(e ast.Expr, c int64) ast.Expr { return &ast.Binary{X: e, Op: ast.OpMod, Y: intLit(c)} }
	add := func(x, y ast.Expr) ast.Expr { return &ast.Binary{X: x, Op: ast.OpAdd, Y: y} }
	mul := func(x, y ast.Expr) ast.Expr { return &ast.Binary{X: x, Op: ast.OpMul, Y: y} }
	var x ast.Expr
	bound := int64(fdivBound)
	switch g.r.IntN(4) {
	case 0:
		x = mul(ident(k), ident(k))
	case 1:
		x = mul(ident(k), ident(v))
		if g.r.IntN(2) == 0 {
			x = mul(ident(v), ident(k))
		}
	case 2:
		x, bound = ident(k), 1<<53-1
	default:
		x = add(mul(ident(k), ident(k)), mod(g.expr('i'), int64(2+g.r.IntN(20))))
		bound = fdivBound - 1 // room for the remainder
	}
	var y ast.Expr
	switch g.r.IntN(4) {
	case 0, 1:
		y = add(ident(k), intLit(int64(1+g.r.IntN(4))))
	case 2:
		y = add(mod(ident(v), int64(2+g.r.IntN(30))), intLit(1))
	default:
		y = add(mod(ident(k), int64(2+g.r.IntN(30))), intLit(1))
	}
	var iter ast.Expr
	switch g.r.IntN(4) {
	case 0:
		iter = call("range", mod(g.expr('i'), []int64{7, 50, 300}[g.r.IntN(3)]))
	case 3:
		// constants, the start sometimes negative: X or Y may be negative
		// or zero, which keeps the integer path
		iter = call("range", intLit(int64(g.r.IntN(10)-6)), intLit(int64(g.r.IntN(13))))
	case 1:
		start := g.expr('i')
		if g.r.IntN(2) == 0 {
			start = ident(names[g.r.IntN(len(names))])
		}
		iter = call("range", start, add(start, mod(g.expr('i'), 40)))
	default:
		l := bound - 3 - int64(g.r.IntN(3))
		if g.r.IntN(3) == 0 {
			l += 6 // beyond: X may exceed 2**53, integer path only
		}
		iter = call("range", add(intLit(l), mod(g.expr('i'), 5)), add(add(intLit(l), mod(g.expr('i'), 5)), intLit(1)))
	}
	op := []ast.BinaryOp{ast.OpFloorDiv, ast.OpMod}[g.r.IntN(2)]
	step := []ast.BinaryOp{ast.OpAdd, ast.OpAdd, ast.OpSub}[g.r.IntN(3)]
	body := []ast.Stmt{&ast.AugAssign{Target: ident(acc), Op: step, Value: &ast.Binary{X: x, Op: op, Y: y}}}
	if acc == v {
		// v is then assigned in the loop, which keeps its division on the
		// integer path: a second accumulator keeps the shape reachable
		body[0].(*ast.AugAssign).Target = ident("b")
		if v == "b" {
			body[0].(*ast.AugAssign).Target = ident("a")
		}
	}
	return []ast.Stmt{&ast.For{Target: ident(k), Iter: iter, Body: body}}
}
