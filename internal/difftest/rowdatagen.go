package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The row table family: loop nests over lists of lists, the shapes whose
// fast copies wasmgen's rowdata pass serves from a table of the rows'
// data pointers (plan/rowdata.go), around its edges:
//
//	gN = []                          (int or bool rows, ragged or not)
//	for qN in range(R): gN.append([e] * (qN % 3 + W))   (or [e, e, e])
//	vN = [e] * V                     (a vector: the product shape)
//	for iN in range(A):              (the loop that hoists gN: its table)
//	    tN = [e] * iN                (sometimes: an allocation after the
//	                                  table, shown after the nests)
//	    if e: break                  (sometimes)
//	    for jN in range(J):
//	        sN = 0
//	        for kN in range(S, E):   (E is len(gN), or a constant)
//	            sN += vN[kN] * gN[kN][jN]    (or gN[kN][jN] alone, or a
//	                                          bool row tested, or a store
//	                                          gN[kN][jN] += e)
//	        a += sN
//	    (or, walking rows: rN = jN (or jN - 1, or jN % 2 - 1) before the
//	     loop over kN, which reads gN[rN][kN] up to len(gN[rN]) or a
//	     constant: the row the rowhoist pass reads once)
//	(sometimes the nest runs twice inside `for rN in range(2)`, which
//	 appends to gN[0] after it: the nest makes a new table each time)
//
// Rows too short for some jN (ragged, or pairs) make both backends raise
// IndexError at the same row; a stop beyond the rows raises it too.

// RowDataProgram returns a function of one to three loop nests over
// lists of lists (see above), whose result combines their accumulators
// and the lists' lengths.
func (g *Generator) RowDataProgram() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal, g.nloop, g.recBound, g.consts, g.counters, g.seen = 0, 0, 0, nil, nil, nil
	var body []ast.Stmt
	shown := []ast.Expr{ident("a"), ident("b")}
	for c := 1 + g.r.IntN(3); c > 0; c-- {
		stmts, more := g.rowDataNest()
		body = append(body, stmts...)
		shown = append(shown, more...)
	}
	shown = append(shown, ident("a"), ident("b"))
	return g.reducedProgram(body, shown, false)
}

// rowDataNest returns one grid, its vector and a loop nest over them
// (see above), and the int expressions that show what they hold after it.
func (g *Generator) rowDataNest() ([]ast.Stmt, []ast.Expr) {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	grid, q, vec, i, j, k, s, tmp := "g"+n, "q"+n, "v"+n, "i"+n, "j"+n, "k"+n, "s"+n, "t"+n
	boolRows := g.r.IntN(4) == 0
	et := byte('i')
	if boolRows {
		et = 'b'
	}
	// row lengths: W to W + 2, W from 2 to 6 (1 now and then: too short
	// for most columns); columns up to W, now and then W + 2
	width := int64(2 + g.r.IntN(5))
	if g.r.IntN(6) == 0 {
		width = 1
	}
	cols := int64(1 + g.r.IntN(int(width)))
	if g.r.IntN(6) == 0 {
		cols = width + 2
	}
	var row ast.Expr = &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.rowElem(et)}}, Op: ast.OpMul,
		Y: &ast.Binary{X: &ast.Binary{X: ident(q), Op: ast.OpMod, Y: intLit(3)}, Op: ast.OpAdd, Y: intLit(width)}}
	if cols <= 3 && g.r.IntN(4) == 0 {
		row = &ast.ListLit{Elems: []ast.Expr{g.rowElem(et), g.rowElem(et), g.rowElem(et)}}
	}
	rows := g.r.IntN(9)
	var stop ast.Expr = call("len", ident(grid))
	if g.r.IntN(4) == 0 {
		// a constant stop, beyond the rows now and then
		stop = intLit(int64(g.r.IntN(rows + 1)))
		if g.r.IntN(4) == 0 {
			stop = intLit(int64(rows + 1))
		}
	}
	start := intLit(int64(g.r.IntN(3)))
	cell := &ast.Index{X: &ast.Index{X: ident(grid), Index: ident(k)}, Index: ident(j)}
	target := func() ast.Expr { return &ast.Index{X: &ast.Index{X: ident(grid), Index: ident(k)}, Index: ident(j)} }
	// half of the nests walk rows instead of columns: gN[rN][kN] with rN
	// set from jN before the inner loop (one less than jN, or -1 now and
	// then: negative indexing), jN over the rows and one past them now
	// and then, kN up to the row's length, a constant, or beyond it
	walk := g.r.IntN(2) == 0
	var pre []ast.Stmt
	if walk {
		r := "r" + n
		var rv ast.Expr = ident(j)
		switch g.r.IntN(4) {
		case 0:
			rv = &ast.Binary{X: ident(j), Op: ast.OpSub, Y: intLit(1)}
		case 1:
			rv = &ast.Binary{X: &ast.Binary{X: ident(j), Op: ast.OpMod, Y: intLit(2)}, Op: ast.OpSub, Y: intLit(1)}
		}
		pre = []ast.Stmt{&ast.Assign{Target: ident(r), Value: rv}}
		cols = int64(rows)
		if g.r.IntN(5) == 0 {
			cols++
		}
		switch g.r.IntN(3) {
		case 0:
			stop = call("len", &ast.Index{X: ident(grid), Index: ident(r)})
		case 1:
			stop = intLit(width)
		default:
			stop = intLit(int64(g.r.IntN(int(width) + 1)))
			if g.r.IntN(5) == 0 {
				stop = intLit(width + 2) // beyond the shortest rows
			}
		}
		cell = &ast.Index{X: &ast.Index{X: ident(grid), Index: ident(r)}, Index: ident(k)}
		target = func() ast.Expr { return &ast.Index{X: &ast.Index{X: ident(grid), Index: ident(r)}, Index: ident(k)} }
	}
	var inner ast.Stmt
	switch {
	case boolRows:
		inner = &ast.If{Cond: cell, Body: []ast.Stmt{
			&ast.AugAssign{Target: ident(s), Op: ast.OpAdd, Value: ident(k)}}}
	case g.r.IntN(4) == 0:
		inner = &ast.AugAssign{Target: target(),
			Op: ast.OpAdd, Value: &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(5)}}
	case g.r.IntN(2) == 0:
		inner = &ast.AugAssign{Target: ident(s), Op: ast.OpAdd,
			Value: &ast.Binary{X: &ast.Index{X: ident(vec), Index: ident(k)}, Op: ast.OpMul, Y: cell}}
	default:
		inner = &ast.Assign{Target: ident(s), Value: &ast.Binary{X: ident(s), Op: ast.OpAdd, Y: cell}}
	}
	acc := []string{"a", "b"}[g.r.IntN(2)]
	outer := []ast.Stmt{}
	shown := []ast.Expr{call("len", ident(grid)), call("sum", ident(vec))}
	var before []ast.Stmt
	if g.r.IntN(4) == 0 {
		// a list made after the table, shown after the nest (after the
		// next nests' allocations)
		before = []ast.Stmt{&ast.Assign{Target: ident(tmp), Value: &ast.ListLit{}}}
		outer = append(outer, &ast.Assign{Target: ident(tmp),
			Value: &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.rowElem('i')}}, Op: ast.OpMul, Y: ident(i)}})
		shown = append(shown, call("sum", ident(tmp)), call("len", ident(tmp)))
	}
	if g.r.IntN(5) == 0 {
		outer = append(outer, &ast.If{Cond: &ast.Compare{Operands: []ast.Expr{ident(i), intLit(int64(g.r.IntN(3)))},
			Ops: []ast.CmpOp{ast.CmpEq}}, Body: []ast.Stmt{&ast.Break{}}})
	}
	outer = append(outer, &ast.For{Target: ident(j), Iter: call("range", intLit(cols)), Body: append(pre,
		&ast.Assign{Target: ident(s), Value: intLit(0)},
		&ast.For{Target: ident(k), Iter: call("range", start, stop), Body: []ast.Stmt{inner}},
		&ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: ident(s)},
	)})
	var nest ast.Stmt = &ast.For{Target: ident(i), Iter: call("range", intLit(int64(1+g.r.IntN(3)))), Body: outer}
	if rows > 0 && g.r.IntN(3) == 0 {
		// the nest runs twice, a row growing in between: the enclosing
		// loop appends, so the nest hoists the grid (and makes its table)
		// at each run
		nest = &ast.For{Target: ident("r" + n), Iter: call("range", intLit(2)), Body: []ast.Stmt{nest,
			&ast.ExprStmt{X: &ast.Call{
				Func: &ast.Attribute{X: &ast.Index{X: ident(grid), Index: intLit(0)}, Name: ident("append")},
				Args: []ast.Expr{g.rowElem(et)}}}}}
	}
	out := append(before,
		&ast.Assign{Target: ident(grid), Value: &ast.ListLit{}},
		&ast.For{Target: ident(q), Iter: call("range", intLit(int64(rows))), Body: []ast.Stmt{
			&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(grid), Name: ident("append")}, Args: []ast.Expr{row}}},
		}},
		&ast.Assign{Target: ident(vec), Value: &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.rowElem('i')}},
			Op: ast.OpMul, Y: intLit(int64(max(rows, int(width)+3) + 1))}},
		nest,
	)
	return out, shown
}

// rowElem returns an element of a row of kind et ('i': a small int, or
// now and then any int expression; 'b': a bool).
func (g *Generator) rowElem(et byte) ast.Expr {
	if et == 'i' && g.r.IntN(5) > 0 {
		return &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(int64(2 + g.r.IntN(50)))}
	}
	return g.expr(et)
}
