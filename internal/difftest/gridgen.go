package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// gridStmts builds a ragged list of int rows and sums one column of it in
// a loop nest, the shape whose row bounds wasmgen proves from cached row
// lengths (version.go):
//
//	gN = []
//	for qN in range(R):
//	    gN.append([e] * (qN % 3 + 3))   (or + 1, or [e, e, e], or [e, e])
//	jN = e % 3                   (or e % 3 - 1: sometimes negative)
//	for tN in range(2):
//	    for kN in range(S, E):    (E is len(gN) or a small constant)
//	        acc += gN[kN][jN]
//
// A third of the time, rows of one to three elements or pairs make jN out
// of range for some of them: both backends then raise IndexError at the
// same row (as they do when a constant E is beyond the rows).
func (g *Generator) gridStmts() []ast.Stmt {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	grid, q, j, t, k := "g"+n, "q"+n, "j"+n, "t"+n, "k"+n
	// rows of one to three elements or pairs (some too short for jN) a
	// third of the time, else of three to five or triples (long enough)
	short := g.r.IntN(3) == 0
	shortest := int64(3)
	if short {
		shortest = 1
	}
	rowLen := &ast.Binary{X: &ast.Binary{X: ident(q), Op: ast.OpMod, Y: intLit(3)}, Op: ast.OpAdd, Y: intLit(shortest)}
	var row ast.Expr = &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.expr('i')}}, Op: ast.OpMul, Y: rowLen}
	if g.r.IntN(3) == 0 {
		elems := []ast.Expr{g.expr('i'), g.expr('i')}
		if !short {
			elems = append(elems, g.expr('i'))
		}
		row = &ast.ListLit{Elems: elems}
	}
	var col ast.Expr = &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(3)}
	if g.r.IntN(3) == 0 {
		col = &ast.Binary{X: col, Op: ast.OpSub, Y: intLit(1)}
	}
	rows := g.r.IntN(6)
	var stop ast.Expr = call("len", ident(grid))
	if g.r.IntN(3) == 0 {
		// a constant stop: beyond the rows (IndexError) now and then
		stop = intLit(int64(g.r.IntN(rows + 1)))
		if g.r.IntN(4) == 0 {
			stop = intLit(int64(g.r.IntN(7)))
		}
	}
	acc := []string{"a", "b"}[g.r.IntN(2)]
	sum := &ast.AugAssign{Target: ident(acc), Op: ast.OpAdd,
		Value: &ast.Index{X: &ast.Index{X: ident(grid), Index: ident(k)}, Index: ident(j)}}
	return []ast.Stmt{
		&ast.Assign{Target: ident(grid), Value: &ast.ListLit{}},
		&ast.For{Target: ident(q), Iter: call("range", intLit(int64(rows))), Body: []ast.Stmt{
			&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(grid), Name: ident("append")}, Args: []ast.Expr{row}}},
		}},
		&ast.Assign{Target: ident(j), Value: col},
		&ast.For{Target: ident(t), Iter: call("range", intLit(2)), Body: []ast.Stmt{
			&ast.For{Target: ident(k), Iter: call("range", intLit(int64(g.r.IntN(3))), stop), Body: []ast.Stmt{sum}},
		}},
	}
}
