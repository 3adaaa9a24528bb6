package difftest

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
)

// recursive returns a recursive helper
//
//	def r(n: int, m: int) -> int:
//	    if n < K:            (or <=, or K > n)
//	        return BASE
//	    return X + r(n - d, M)     (or r(n - d, M) + X, r(n - d, M) - X,
//	                                or r(n - d, M) + r(n - e, M'))
//
// with K in [-2, 3], d and e in [1, 3], and BASE, X, M int expressions of
// n and m: additive tail calls (wasmgen's tailcall.go) and, when the
// values stay >= 0, non-negative specializations (specialize.go), which
// the calls of f reach with first arguments in [0, bound) or below zero.
// The recursion ends within bound + 2 levels; with two calls, bound is
// small so that the call tree stays small.
func (g *Generator) recursive() *ast.FuncDef {
	g.locals = map[byte][]string{'i': {"n", "m"}}
	k := intLit(int64(g.r.IntN(6) - 2))
	var cond ast.Expr
	switch g.r.IntN(3) {
	case 0:
		cond = &ast.Compare{Operands: []ast.Expr{ident("n"), k}, Ops: []ast.CmpOp{ast.CmpLt}}
	case 1:
		cond = &ast.Compare{Operands: []ast.Expr{ident("n"), k}, Ops: []ast.CmpOp{ast.CmpLe}}
	default:
		cond = &ast.Compare{Operands: []ast.Expr{k, ident("n")}, Ops: []ast.CmpOp{ast.CmpGt}}
	}
	base := g.recOperand()
	self := func() ast.Expr {
		d := intLit(int64(1 + g.r.IntN(3)))
		m := ast.Expr(ident("m"))
		if g.r.IntN(2) == 0 {
			m = g.recOperand()
		}
		return call("r", &ast.Binary{X: ident("n"), Op: ast.OpSub, Y: d}, m)
	}
	bound := int64(40)
	var ret ast.Expr
	switch g.r.IntN(4) {
	case 0:
		ret = &ast.Binary{X: g.recOperand(), Op: ast.OpAdd, Y: self()}
	case 1:
		ret = &ast.Binary{X: self(), Op: ast.OpAdd, Y: g.recOperand()}
	case 2:
		ret = &ast.Binary{X: self(), Op: ast.OpSub, Y: g.recOperand()}
	default:
		bound = 12
		ret = &ast.Binary{X: self(), Op: ast.OpAdd, Y: self()}
	}
	g.recBound = bound // from here on, f's expressions may call r
	intType := func() *ast.TypeExpr { return &ast.TypeExpr{Name: ident("int")} }
	return &ast.FuncDef{
		Name:   ident("r"),
		Params: []*ast.Param{{Name: ident("n"), Type: intType()}, {Name: ident("m"), Type: intType()}},
		Result: intType(),
		Body: []ast.Stmt{
			&ast.If{Cond: cond, Body: []ast.Stmt{&ast.Return{Value: base}}},
			&ast.Return{Value: ret},
		},
	}
}

// recOperand returns an int expression of n and m: often a name or a
// small non-negative constant, which keeps the specialization's
// hypothesis true, else any expression.
func (g *Generator) recOperand() ast.Expr {
	switch g.r.IntN(6) {
	case 0, 1:
		return ident([]string{"n", "m"}[g.r.IntN(2)])
	case 2, 3:
		return intLit(int64(g.r.IntN(4)))
	case 4:
		return &ast.Binary{X: ident("n"), Op: []ast.BinaryOp{ast.OpAdd, ast.OpMul, ast.OpFloorDiv}[g.r.IntN(3)], Y: ident("m")}
	}
	return g.expr('i')
}

// recCall returns a call of the helper r whose first argument is in
// [0, recBound) (x % bound), below zero, or anywhere in [-12, recBound).
func (g *Generator) recCall() ast.Expr {
	n := &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(g.recBound)}
	var first ast.Expr = n
	switch g.r.IntN(3) {
	case 0:
		first = &ast.Binary{X: n, Op: ast.OpSub, Y: intLit(12)}
	case 1:
		first = intLit(-int64(1 + g.r.IntN(5)))
	}
	return call("r", first, g.expr('i'))
}
