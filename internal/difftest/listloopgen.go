package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The list loop part of the generator: loops over lists of the shapes of
// wasmgen's listloops pass, which reads a list's length once and drops
// bounds checks where it proves that the loop cannot change the list:
//
//	lN = [e] * (a % 7 + k)        (or [e, e, e], or [] and appends)
//	nN = len(lN)                  (sometimes: a lower bound of len(lN))
//	for eN in lN: ...             (or nested over a list of lists, its
//	                                rows read and stored by index, or;
//	    if wN < len(lN): ... lN[wN] ...    now and then)
//	while iN < len(lN): ... lN[iN] ... iN += 1    (or iN < nN)
//	for iN in range(S, E): ... lN[iN] ...; for jN in range(2): ...
//	sieve: cN = a % 40; fN = [True] * (cN + 1); for iN in range(2, cN + 1) ...
//
// Half of the loops change a list in their body: append to the list
// iterated (bounded by a counter wN and a break), pop from it, append
// through another name for it (mN = lN) or to a row of a list of lists,
// store an element. CPython then reads the new length at the next step,
// and so must the compiled loop. Indexes start at 0, a small remainder,
// or -1 (negative indexing), and stops are sometimes one past the end
// (IndexError on both sides).

// listLoopStmts returns one list and a loop over it (see above), and the
// expressions that show what the loop did (its accumulator, the list's
// length); the accumulator it declares is an int local, the list a list
// local.
func (g *Generator) listLoopStmts() ([]ast.Stmt, []ast.Expr) {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	l, al, idx, el, w, s, nn := "l"+n, "m"+n, "i"+n, "e"+n, "w"+n, "s"+n, "n"+n
	et := []byte{'i', 'i', 'f', 'b'}[g.r.IntN(4)]
	lt := map[byte]byte{'i': 'I', 'f': 'F', 'b': 'B'}[et]
	var init ast.Expr
	var fill []ast.Stmt
	switch g.r.IntN(5) {
	case 0:
		init = &ast.ListLit{Elems: []ast.Expr{g.expr(et), g.expr(et), g.expr(et)}}
	case 4:
		// long enough, now and then, to span chunks of the interrupt checks
		count := &ast.Binary{X: ident("a"), Op: ast.OpMod, Y: intLit(2500)}
		init = &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.expr(et)}}, Op: ast.OpMul, Y: count}
	case 1:
		init = &ast.ListLit{}
		q := "q" + n
		fill = []ast.Stmt{&ast.For{Target: ident(q), Iter: call("range", intLit(int64(g.r.IntN(6)))), Body: []ast.Stmt{
			&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("append")}, Args: []ast.Expr{g.expr(et)}}},
		}}}
	default:
		count := &ast.Binary{X: &ast.Binary{X: ident("a"), Op: ast.OpMod, Y: intLit(7)}, Op: ast.OpAdd, Y: intLit(int64(g.r.IntN(4)))}
		init = &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.expr(et)}}, Op: ast.OpMul, Y: count}
	}
	out := append([]ast.Stmt{&ast.Assign{Target: ident(l), Value: init}}, fill...)
	out = append(out,
		&ast.Assign{Target: ident(s), Value: intLit(0)},
		&ast.Assign{Target: ident(w), Value: intLit(0)})
	withN := g.r.IntN(2) == 0
	if withN {
		out = append(out, &ast.Assign{Target: ident(nn), Value: call("len", ident(l))})
	}
	// the accumulation of an element: ints reduced, floats and bools
	// compared, so that the result shows every element read
	acc := func(e ast.Expr) ast.Stmt {
		var v ast.Expr
		switch et {
		case 'i':
			v = &ast.Binary{X: e, Op: ast.OpMod, Y: intLit(1000)}
		case 'f':
			v = &ast.IfExp{Cond: &ast.Compare{Operands: []ast.Expr{e, ident("y")}, Ops: []ast.CmpOp{ast.CmpLt}}, Body: intLit(3), Else: intLit(1)}
		default:
			v = &ast.IfExp{Cond: e, Body: intLit(5), Else: intLit(2)}
		}
		if g.r.IntN(2) == 0 {
			return &ast.AugAssign{Target: ident(s), Op: ast.OpAdd, Value: v}
		}
		h := &ast.Binary{X: &ast.Binary{X: ident(s), Op: ast.OpMul, Y: intLit(3)}, Op: ast.OpAdd, Y: v}
		return &ast.Assign{Target: ident(s), Value: &ast.Binary{X: h, Op: ast.OpMod, Y: intLit(1000003)}}
	}
	// the guard that ends a loop whose body may grow the list
	guard := []ast.Stmt{
		&ast.AugAssign{Target: ident(w), Op: ast.OpAdd, Value: intLit(1)},
		&ast.If{Cond: &ast.Compare{Operands: []ast.Expr{ident(w), intLit(int64(8 + g.r.IntN(8)))}, Ops: []ast.CmpOp{ast.CmpGt}}, Body: []ast.Stmt{&ast.Break{}}},
	}
	// a change of the list in the body, or none
	var mut []ast.Stmt
	grows := false
	appendTo := func(target ast.Expr) ast.Stmt {
		grows = true
		return &ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: target, Name: ident("append")}, Args: []ast.Expr{g.expr(et)}}}
	}
	switch g.r.IntN(8) {
	case 0:
		mut = []ast.Stmt{appendTo(ident(l))}
	case 1, 4:
		mut = []ast.Stmt{&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("pop")}}}}
	case 2:
		out = append(out, &ast.Assign{Target: ident(al), Value: ident(l)})
		mut = []ast.Stmt{appendTo(ident(al))}
		if g.r.IntN(2) == 0 {
			mut = []ast.Stmt{&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(al), Name: ident("pop")}}}}
		}
	case 3:
		mut = []ast.Stmt{&ast.Assign{Target: &ast.Index{X: ident(l), Index: intLit(0)}, Value: g.expr(et)}}
	}
	if len(mut) > 0 && g.r.IntN(2) == 0 {
		// only on some iterations
		mut = []ast.Stmt{&ast.If{Cond: &ast.Compare{Operands: []ast.Expr{&ast.Binary{X: ident(w), Op: ast.OpMod, Y: intLit(3)}, intLit(1)}, Ops: []ast.CmpOp{ast.CmpEq}}, Body: mut}}
	}
	// the body: the guard when it may grow a list (or now and then), the
	// accumulation and the change in either order
	body := func(read ast.Expr) []ast.Stmt {
		var b []ast.Stmt
		if grows || g.r.IntN(4) == 0 {
			b = append(b, guard...)
		}
		a := acc(read)
		if g.r.IntN(2) == 0 {
			return append(append(b, a), mut...)
		}
		return append(append(b, mut...), a)
	}
	var loop []ast.Stmt
	switch g.r.IntN(5) {
	case 0, 1:
		// for eN in lN, reading lN[wN] under `if wN < len(lN)` now and then
		b := body(ident(el))
		if g.r.IntN(3) == 0 {
			b = append(b, &ast.If{Cond: &ast.Compare{Operands: []ast.Expr{ident(w), call("len", ident(l))}, Ops: []ast.CmpOp{ast.CmpLt}},
				Body: []ast.Stmt{acc(&ast.Index{X: ident(l), Index: ident(w)})}})
		}
		loop = []ast.Stmt{&ast.For{Target: ident(el), Iter: ident(l), Body: b}}
	case 2:
		// while iN < len(lN) (or nN, or len(lN) > iN)
		var start ast.Expr = intLit(0)
		switch g.r.IntN(4) {
		case 0:
			start = &ast.Binary{X: ident("b"), Op: ast.OpMod, Y: intLit(3)}
		case 1:
			start = intLit(-1)
		}
		var lim ast.Expr = call("len", ident(l))
		if withN && g.r.IntN(2) == 0 {
			lim = ident(nn)
		}
		cond := &ast.Compare{Operands: []ast.Expr{ident(idx), lim}, Ops: []ast.CmpOp{ast.CmpLt}}
		if g.r.IntN(4) == 0 {
			cond = &ast.Compare{Operands: []ast.Expr{lim, ident(idx)}, Ops: []ast.CmpOp{ast.CmpGt}}
		}
		b := body(&ast.Index{X: ident(l), Index: ident(idx)})
		var step ast.Stmt = &ast.AugAssign{Target: ident(idx), Op: ast.OpAdd, Value: intLit(int64(1 + g.r.IntN(2)))}
		if g.r.IntN(2) == 0 {
			step = &ast.Assign{Target: ident(idx), Value: &ast.Binary{X: ident(idx), Op: ast.OpAdd, Y: intLit(1)}}
		}
		b = append(b, step)
		loop = []ast.Stmt{&ast.Assign{Target: ident(idx), Value: start}, &ast.While{Cond: cond, Body: b}}
	case 3:
		// an outer range loop indexing lN by its variable
		var stop ast.Expr = call("len", ident(l))
		switch g.r.IntN(4) {
		case 0:
			if withN {
				stop = ident(nn)
			}
		case 1:
			stop = &ast.Binary{X: call("len", ident(l)), Op: ast.OpAdd, Y: intLit(1)} // one too far
		}
		j := "j" + n
		b := body(&ast.Index{X: ident(l), Index: ident(idx)})
		b = append(b, &ast.For{Target: ident(j), Iter: call("range", intLit(int64(1+g.r.IntN(2)))), Body: []ast.Stmt{
			&ast.AugAssign{Target: ident(s), Op: ast.OpAdd, Value: ident(j)},
		}})
		args := []ast.Expr{stop}
		if g.r.IntN(2) == 0 {
			args = []ast.Expr{intLit(int64(g.r.IntN(2))), stop}
		}
		loop = []ast.Stmt{&ast.For{Target: ident(idx), Iter: call("range", args...), Body: b}}
	default:
		// a list of lists, its rows iterated in a nested loop; the change
		// may hit a row, through the outer list
		rows, r := "r"+n, "o"+n
		other := &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.expr(et)}}, Op: ast.OpMul, Y: intLit(int64(g.r.IntN(4)))}
		out = append(out, &ast.Assign{Target: ident(rows), Value: &ast.ListLit{Elems: []ast.Expr{ident(l), other, ident(l)}}})
		if g.r.IntN(3) == 0 {
			mut = append(mut, appendTo(&ast.Index{X: ident(rows), Index: intLit(int64(g.r.IntN(3)))}))
		}
		var nested ast.Stmt = &ast.For{Target: ident(el), Iter: ident(r), Body: body(ident(el))}
		if g.r.IntN(2) == 0 {
			// the row indexed by a range over its length (its rows are
			// aliases of lN: an element store changes them all)
			ix := &ast.Index{X: ident(r), Index: ident(idx)}
			b := body(ix)
			switch {
			case et == 'i' && g.r.IntN(2) == 0:
				v := &ast.Binary{X: &ast.Binary{X: ix, Op: ast.OpMod, Y: intLit(1000)}, Op: ast.OpAdd, Y: intLit(1)}
				b = append(b, &ast.Assign{Target: ix, Value: v})
			case et == 'f' && g.r.IntN(2) == 0:
				b = append(b, &ast.Assign{Target: ix, Value: &ast.Binary{X: ix, Op: ast.OpMul, Y: &ast.FloatLit{Text: "0.5", Value: 0.5}}})
			}
			nested = &ast.For{Target: ident(idx), Iter: call("range", call("len", ident(r))), Body: b}
		}
		loop = []ast.Stmt{&ast.For{Target: ident(r), Iter: ident(rows), Body: []ast.Stmt{nested}}}
	}
	out = append(out, loop...)
	g.locals[lt] = append(g.locals[lt], l)
	g.locals['i'] = append(g.locals['i'], s)
	return out, []ast.Expr{ident(s), call("len", ident(l))}
}

// sieveStmts returns the sieve of Eratosthenes on a bound cN = a % 40
// (one more than that or one less now and then: IndexError, or a list
// shorter than the stop), the shape of the outer range loop whose index
// the list's definition bounds.
func (g *Generator) sieveStmts() []ast.Stmt {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	c, f, i, j, s := "c"+n, "f"+n, "i"+n, "j"+n, "s"+n
	plus := func(k int64) ast.Expr { return &ast.Binary{X: ident(c), Op: ast.OpAdd, Y: intLit(k)} }
	size, stop := plus(1), plus(1)
	switch g.r.IntN(6) {
	case 0:
		stop = plus(2) // one too far
	case 1:
		stop = call("len", ident(f))
	}
	inner := &ast.For{Target: ident(j), Iter: call("range", &ast.Binary{X: ident(i), Op: ast.OpMul, Y: ident(i)}, stop, ident(i)), Body: []ast.Stmt{
		&ast.Assign{Target: &ast.Index{X: ident(f), Index: ident(j)}, Value: &ast.BoolLit{Value: false}},
	}}
	return []ast.Stmt{
		&ast.Assign{Target: ident(c), Value: &ast.Binary{X: ident("a"), Op: ast.OpMod, Y: intLit(int64(20 + g.r.IntN(40)))}},
		&ast.Assign{Target: ident(f), Value: &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{&ast.BoolLit{Value: true}}}, Op: ast.OpMul, Y: size}},
		&ast.Assign{Target: ident(s), Value: intLit(0)},
		&ast.For{Target: ident(i), Iter: call("range", intLit(2), stop), Body: []ast.Stmt{
			&ast.If{Cond: &ast.Index{X: ident(f), Index: ident(i)}, Body: []ast.Stmt{
				&ast.Assign{Target: ident(s), Value: &ast.Binary{X: &ast.Binary{X: ident(s), Op: ast.OpMul, Y: intLit(7)}, Op: ast.OpAdd, Y: ident(i)}},
				inner,
			}},
		}},
	}
}

// ListLoopProgram returns a function `f(a: int, b: int, x: float, y:
// float, p: bool) -> int` made of loops over lists (listLoopStmts, now
// and then a sieve) whose result shows every accumulator and the final
// length of every list.
func (g *Generator) ListLoopProgram() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal, g.nloop, g.recBound, g.consts, g.counters = 0, 0, 0, nil, nil
	var body []ast.Stmt
	var shown []ast.Expr
	for k := 1 + g.r.IntN(3); k > 0; k-- {
		if g.r.IntN(5) == 0 {
			body = append(body, g.sieveStmts()...)
			shown = append(shown, ident("s"+strconv.Itoa(g.nloop)))
			continue
		}
		stmts, sh := g.listLoopStmts()
		body = append(body, stmts...)
		shown = append(shown, sh...)
	}
	var ret ast.Expr = intLit(0)
	for _, e := range shown {
		ret = &ast.Binary{X: &ast.Binary{X: ret, Op: ast.OpMul, Y: intLit(31)}, Op: ast.OpAdd, Y: e}
	}
	body = append(body, &ast.Return{Value: &ast.Binary{X: ret, Op: ast.OpMod, Y: intLit(1000000007)}})
	d, params := genFunc(body, 'i')
	return &Program{File: &ast.File{Name: "gen.ml", Lang: "en", Body: []ast.Stmt{d}}, Params: params, Result: 'i'}
}
