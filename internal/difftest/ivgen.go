package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// ivStmts builds two lists of one element kind and a range loop whose
// variable only indexes them, the shape whose fast copy wasmgen runs on
// element pointers (pass ivptr, ivptr.go):
//
//	xN = [e] * L            (or a literal of one to three elements)
//	yN = [e] * M            (or [e] * (len(xN) + c), c in [0, 2])
//	for kN in range(S, E, C):
//	    yN[kN] = xN[kN] + e      (or an accumulation of xN[kN], a store
//	    acc += yN[kN]             of e, a continue on xN[kN])
//
// S is 0, a small constant or e % 3; E is len(xN), len(yN), len - 1, a
// constant in [0, 7] or e % 8 (beyond a list now and then: IndexError,
// or the checked copy); C is absent, a constant of 1 to 5, 2**28 or more
// (one turn at most: the clamped step), or a positive expression e % 4 + 1
// (the step of unknown value). Bool lists use one-byte slots, the others
// eight-byte ones; two lists of one width share one pointer.
func (g *Generator) ivStmts() []ast.Stmt {
	et := []byte{'i', 'f', 'b'}[g.r.IntN(3)]
	lt := map[byte]byte{'i': 'I', 'f': 'F', 'b': 'B'}[et]
	elem := func() ast.Expr { return g.expr(et) }
	build := func() ast.Expr {
		if g.r.IntN(4) == 0 {
			el := []ast.Expr{elem()}
			for n := g.r.IntN(3); n > 0; n-- {
				el = append(el, elem())
			}
			return &ast.ListLit{Elems: el}
		}
		return &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{elem()}}, Op: ast.OpMul, Y: intLit(int64(g.r.IntN(7)))}
	}
	mod := func(e ast.Expr, c int64) ast.Expr { return &ast.Binary{X: e, Op: ast.OpMod, Y: intLit(c)} }
	// the loop's expressions are built before its lists are in scope
	var start ast.Expr
	switch g.r.IntN(4) {
	case 0:
		start = mod(g.expr('i'), 3)
	case 1:
		start = intLit(int64(1 + g.r.IntN(3)))
	}
	var step ast.Expr
	switch g.r.IntN(8) {
	case 0, 1:
		step = intLit(int64(1 + g.r.IntN(5)))
	case 2:
		step = intLit([]int64{1 << 28, 1<<28 + 1, 1 << 40, 1<<63 - 1}[g.r.IntN(4)])
	case 3, 4:
		step = &ast.Binary{X: mod(g.expr('i'), 4), Op: ast.OpAdd, Y: intLit(1)}
	}
	value := g.expr(et)
	x, y := g.newLocal(lt), g.newLocal(lt)
	out := []ast.Stmt{
		&ast.Assign{Target: ident(x), Value: build()},
		&ast.Assign{Target: ident(y), Value: build()},
	}
	if g.r.IntN(2) == 0 {
		// yN at least as long as xN: stop = len(xN) takes the fast copy
		out[1].(*ast.Assign).Value = &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{elem()}}, Op: ast.OpMul,
			Y: &ast.Binary{X: call("len", ident(x)), Op: ast.OpAdd, Y: intLit(int64(g.r.IntN(3)))}}
	}
	var stop ast.Expr
	switch g.r.IntN(6) {
	case 0, 1:
		stop = call("len", ident(x))
	case 2:
		stop = call("len", ident(y))
	case 3:
		stop = &ast.Binary{X: call("len", ident(x)), Op: ast.OpSub, Y: intLit(1)}
	case 4:
		stop = intLit(int64(g.r.IntN(8)))
	default:
		stop = mod(g.expr('i'), 8)
	}
	if start == nil {
		start = intLit(0)
	}
	args := []ast.Expr{start, stop}
	if step != nil {
		args = append(args, step)
	}
	g.nloop++
	k := "k" + strconv.Itoa(g.nloop)
	at := func(l string) ast.Expr { return &ast.Index{X: ident(l), Index: ident(k)} }
	var body []ast.Stmt
	acc := ""
	if et != 'b' && len(g.locals[et]) > 0 {
		acc = g.locals[et][g.r.IntN(len(g.locals[et]))]
	}
	switch n := g.r.IntN(4); {
	case n == 0 && et != 'b':
		// yN[kN] = xN[kN] + e: a load and a store through two pointers
		body = append(body, &ast.Assign{Target: at(y), Value: &ast.Binary{X: at(x), Op: ast.OpAdd, Y: value}})
	case n == 1 && acc != "":
		// acc = acc + xN[kN] * yN[kN]: two loads, as matmul's inner loop
		body = append(body, &ast.Assign{Target: ident(acc),
			Value: &ast.Binary{X: ident(acc), Op: ast.OpAdd, Y: &ast.Binary{X: at(x), Op: ast.OpMul, Y: at(y)}}})
	case n == 2:
		// a store of a value the loop does not change, as the sieve's
		body = append(body, &ast.Assign{Target: at(y), Value: value})
	default:
		// continue on the element, then a store
		var cond ast.Expr = at(x)
		if et != 'b' {
			cond = &ast.Compare{Operands: []ast.Expr{at(x), g.expr(et)}, Ops: []ast.CmpOp{ast.CmpLt}}
		}
		body = append(body, &ast.If{Cond: cond, Body: []ast.Stmt{&ast.Continue{}}},
			&ast.Assign{Target: at(y), Value: at(x)})
	}
	out = append(out, &ast.For{Target: ident(k), Iter: call("range", args...), Body: body})
	if et != 'f' {
		// the stores are seen: the sum of yN, in an int result
		s := g.newLocal('i')
		g.seen = append(g.seen, s)
		out = append(out, &ast.Assign{Target: ident(s), Value: call("sum", ident(y))})
	}
	return out
}
