package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// whileStmts returns a while loop of the Mandelbrot kind, the shapes of
// wasmgen's branches, condfacts, counters and cse passes:
//
//	kN = <start>
//	wN = 0
//	tN = 0.0
//	while kN < L and u * u + v * v <= 4.0:   (and/or/not mixed)
//	    wN = wN + 1
//	    if wN > 12:
//	        break
//	    tN = u * u - v * v + e                 (repeated subexpressions,
//	    v = 2.0 * u * v + e                     some after an assignment
//	    u = tN                                  of their operands)
//	    kN = kN + 1                            (after k < L: no overflow;
//	acc = acc + kN                              after k <= L: maybe)
//
// wN bounds the loop whatever its condition, so that every program ends.
// The counter starts anywhere, near the ends of i64 included, and L is
// any int, so that k + 1 overflows exactly when the comparison allows.
//
// With edge, the limit is an end of i64 (the counter usually starts a
// few steps short of it) and the counter often decides alone: the
// loop kernels of Program, whose int result reads the counter.
func (g *Generator) whileStmts(edge bool) []ast.Stmt {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	k, w, t := "k"+n, "w"+n, "t"+n
	fl := g.locals['f']
	u := fl[g.r.IntN(len(fl))]
	v := fl[g.r.IntN(len(fl))]
	mul := func(a, b string) ast.Expr { return &ast.Binary{X: ident(a), Op: ast.OpMul, Y: ident(b)} }
	// the comparison of the counter with a limit: a name, an int of
	// small interval, or an edge of i64 that the counter starts just
	// short of, so that k + 1 (or k - 1, counting down) meets the edge
	// exactly when the comparison lets it
	down := g.r.IntN(3) == 0
	var limit ast.Expr = ident(g.locals['i'][g.r.IntN(2)])
	var start ast.Expr
	switch g.r.IntN(8) {
	case 0, 1, 2:
		start = intLit(0)
	case 3:
		start = intLit(intEdges[g.r.IntN(len(intEdges))] - int64(g.r.IntN(3)))
	case 4, 5:
		start = &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(int64(1 + g.r.IntN(9)))}
	default:
		start = g.expr('i')
	}
	limitCase := g.r.IntN(5)
	if edge {
		limitCase = 0
	}
	switch limitCase {
	case 0:
		edges := []int64{1<<63 - 1, 1<<63 - 1, 1<<63 - 2, 0}
		if down {
			edges = []int64{-1 << 63, -1 << 63, -1<<63 + 1, 0}
		}
		e := edges[g.r.IntN(len(edges))]
		if g.r.IntN(5) == 0 {
			e = intEdges[g.r.IntN(len(intEdges))]
		}
		limit = intLit(e)
		d := int64(g.r.IntN(4))
		if edge {
			e = edges[g.r.IntN(2)]
		}
		if down && e+d >= e && g.r.IntN(4) > 0 {
			start = intLit(e + d)
		} else if !down && e-d <= e && g.r.IntN(4) > 0 {
			start = intLit(e - d)
		}
	case 1:
		limit = &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(int64(2 + g.r.IntN(12)))}
	}
	out := []ast.Stmt{
		&ast.Assign{Target: ident(k), Value: start},
		&ast.Assign{Target: ident(w), Value: intLit(0)},
		&ast.Assign{Target: ident(t), Value: &ast.FloatLit{Text: "0.0"}},
	}
	g.locals['i'] = append(g.locals['i'], k)
	g.locals['f'] = append(g.locals['f'], t)
	g.counters = append(g.counters, k)
	// k < L (strict: the step cannot overflow) or k <= L (it can), in
	// one of its spellings; counting down, k > L or k >= L
	strict, loose, flipStrict, flipLoose := ast.CmpLt, ast.CmpLe, ast.CmpGt, ast.CmpGe
	if down {
		strict, loose, flipStrict, flipLoose = ast.CmpGt, ast.CmpGe, ast.CmpLt, ast.CmpLe
	}
	cmp := func(x ast.Expr, op ast.CmpOp, y ast.Expr) ast.Expr {
		return &ast.Compare{Operands: []ast.Expr{x, y}, Ops: []ast.CmpOp{op}}
	}
	var count ast.Expr
	switch g.r.IntN(6) {
	case 0, 1:
		count = cmp(ident(k), loose, limit)
	case 2:
		count = cmp(limit, flipStrict, ident(k))
	case 3:
		count = &ast.Unary{Op: ast.OpNot, X: cmp(ident(k), flipLoose, limit)}
	case 4:
		count = &ast.Unary{Op: ast.OpNot, X: cmp(limit, strict, ident(k))} // k <= L, counting up
	default:
		count = cmp(ident(k), strict, limit)
	}
	// the float test, on the same products as the body
	bound := []string{"4.0", "2.5", "100.0", "0.0"}[g.r.IntN(4)]
	bv, _ := strconv.ParseFloat(bound, 64)
	var escape ast.Expr = &ast.Compare{
		Operands: []ast.Expr{&ast.Binary{X: mul(u, u), Op: ast.OpAdd, Y: mul(v, v)}, &ast.FloatLit{Text: bound, Value: bv}},
		Ops:      []ast.CmpOp{[]ast.CmpOp{ast.CmpLe, ast.CmpLt, ast.CmpGt}[g.r.IntN(3)]},
	}
	switch g.r.IntN(8) {
	case 0:
		escape = g.expr('b')
	case 1, 2:
		escape = &ast.BoolLit{Value: true} // the counter alone decides
	}
	if edge && g.r.IntN(2) == 0 {
		escape = &ast.BoolLit{Value: true}
	}
	var cond ast.Expr
	switch g.r.IntN(6) {
	case 0:
		cond = &ast.Logic{X: escape, Op: ast.OpAnd, Y: count}
	case 1:
		cond = &ast.Logic{X: count, Op: ast.OpOr, Y: escape}
	case 2:
		cond = &ast.Unary{Op: ast.OpNot, X: &ast.Logic{X: &ast.Unary{Op: ast.OpNot, X: count}, Op: ast.OpOr, Y: &ast.Unary{Op: ast.OpNot, X: escape}}}
	case 3:
		cond = count
	default:
		cond = &ast.Logic{X: count, Op: ast.OpAnd, Y: escape}
	}
	body := []ast.Stmt{
		&ast.Assign{Target: ident(w), Value: &ast.Binary{X: ident(w), Op: ast.OpAdd, Y: intLit(1)}},
		&ast.If{Cond: &ast.Compare{Operands: []ast.Expr{ident(w), intLit(12)}, Ops: []ast.CmpOp{ast.CmpGt}}, Body: []ast.Stmt{&ast.Break{}}},
	}
	// the statements: the iteration of z -> z*z + c, or shapes where an
	// operand is assigned between two occurrences of a product
	step := ast.OpAdd
	if down {
		step = ast.OpSub
	}
	var incr ast.Stmt = &ast.Assign{Target: ident(k), Value: &ast.Binary{X: ident(k), Op: step, Y: intLit(1)}}
	switch g.r.IntN(3) {
	case 0:
		incr = &ast.AugAssign{Target: ident(k), Op: step, Value: intLit(1)}
	case 1:
		if !down {
			incr = &ast.Assign{Target: ident(k), Value: &ast.Binary{X: intLit(1), Op: ast.OpAdd, Y: ident(k)}}
		}
	}
	var steps []ast.Stmt
	switch g.r.IntN(3) {
	case 0:
		steps = []ast.Stmt{
			&ast.Assign{Target: ident(u), Value: &ast.Binary{X: mul(u, u), Op: ast.OpSub, Y: mul(v, v)}},
			&ast.Assign{Target: ident(t), Value: &ast.Binary{X: mul(u, u), Op: ast.OpAdd, Y: mul(v, v)}},
		}
	case 1:
		steps = []ast.Stmt{
			&ast.Assign{Target: ident(t), Value: &ast.Binary{X: mul(v, v), Op: ast.OpMul, Y: mul(v, v)}},
			&ast.AugAssign{Target: ident(v), Op: ast.OpAdd, Value: mul(u, v)},
			&ast.Assign{Target: ident(u), Value: &ast.Binary{X: mul(u, v), Op: ast.OpSub, Y: g.floatOperand()}},
		}
	default:
		steps = []ast.Stmt{
			&ast.Assign{Target: ident(t), Value: &ast.Binary{X: &ast.Binary{X: mul(u, u), Op: ast.OpSub, Y: mul(v, v)}, Op: ast.OpAdd, Y: g.floatOperand()}},
			&ast.Assign{Target: ident(v), Value: &ast.Binary{X: &ast.Binary{X: &ast.FloatLit{Text: "2.0", Value: 2}, Op: ast.OpMul, Y: mul(u, v)}, Op: ast.OpAdd, Y: g.floatOperand()}},
			&ast.Assign{Target: ident(u), Value: ident(t)},
		}
	}
	// the counter's increment somewhere among them, and an int reading
	// it before or after (k + 1, k * k twice)
	at := g.r.IntN(len(steps) + 1)
	steps = append(steps[:at], append([]ast.Stmt{incr}, steps[at:]...)...)
	if g.r.IntN(2) == 0 {
		acc := g.locals['i'][g.r.IntN(2)]
		km := func() ast.Expr { return &ast.Binary{X: ident(k), Op: ast.OpSub, Y: intLit(5)} }
		mod := func(e ast.Expr) ast.Expr { return &ast.Binary{X: e, Op: ast.OpMod, Y: intLit(1000)} }
		read := &ast.Assign{Target: ident(acc), Value: &ast.Binary{
			X: mod(km()), Op: ast.OpAdd, Y: mod(&ast.Binary{X: ident(k), Op: ast.OpAdd, Y: intLit(1)})}}
		at = g.r.IntN(len(steps) + 1)
		steps = append(steps[:at], append([]ast.Stmt{read, &ast.AugAssign{Target: ident(acc), Op: ast.OpSub, Value: mod(km())}}, steps[at:]...)...)
	}
	body = append(body, steps...)
	out = append(out, &ast.While{Cond: cond, Body: body})
	if g.r.IntN(3) == 0 {
		acc := g.locals['i'][g.r.IntN(2)]
		out = append(out, &ast.Assign{Target: ident(acc), Value: &ast.Binary{X: ident(acc), Op: ast.OpAdd, Y: ident(k)}})
	}
	return out
}

// floatOperand returns a float operand of the loop's statements: mostly
// a name or a literal, sometimes any float expression.
func (g *Generator) floatOperand() ast.Expr {
	if g.r.IntN(8) == 0 {
		return g.expr('f')
	}
	return g.leaf('f')
}
