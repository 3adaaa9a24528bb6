package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The elements part of the generator: list[int] locals for wasmgen's
// elems pass, which gives the elements of a list that only the function
// can reach the hull of the values stored into it, so that arithmetic on
// the elements read back drops its overflow checks:
//
//	lN = [a % 100, 7]                   (or [e] * (a % 7 + 1), or [] and
//	                                      lN.append((qN * 7919) % 1009)
//	                                      in a range loop)
//	for kN in range(50):                (now and then: the fixed point of
//	    lN[0] = lN[0] * 3                 stores that read the list, which
//	                                      overflows on the way)
//	mN = lN; mN.append(a * 1000003)     (now and then: a store the pass
//	                                      cannot see, through an alias, a
//	                                      row of a list of lists, a call of
//	                                      the helper grow, a concatenation)
//	for eN in lN:
//	    sN = sN + eN * 1099511627776    (or lN[i] * lM[j], a while loop
//	                                      over the indexes, ...)
//
// The stored values are either bounded (remainders, range loop variables,
// small constants, lengths) or not (a * 1000003, a parameter, constants
// near 2**62, elements of another list), so that the products and sums of
// the uses leave 64 bits exactly when large values went in: CPython then
// computes a big int, and the compiled code must trap and re-run the call
// in Python, which it would not do (and would return a wrapped value
// instead) if the pass gave the list too narrow an interval.

// elemsMultipliers are the factors of the uses: small, powers of two up
// to 2**40, and the square root of 2**63.
var elemsMultipliers = []int64{3, -7, 1000, 65536, 1 << 20, 1000003, 1 << 40, 3037000499}

// elemsBigConsts are large stored constants: around 2**62 and 2**32, and
// the largest int.
var elemsBigConsts = []int64{1 << 62, 1<<62 - 1, -(1 << 62), 3037000499, 1 << 40, 1<<63 - 1, 1 << 32, -(1 << 33)}

// elemsState is what ElemsProgram knows while it writes a function: the
// list locals made so far, whether the module has the helper grow, and
// the name of the variable of every `for e in L` when they share one.
type elemsState struct {
	lists  []string
	helper bool
	shared string
}

// elemsBin returns x op y.
func elemsBin(x ast.Expr, op ast.BinaryOp, y ast.Expr) ast.Expr {
	return &ast.Binary{X: x, Op: op, Y: y}
}

// elemsAt returns l[i].
func elemsAt(l string, i ast.Expr) *ast.Index { return &ast.Index{X: ident(l), Index: i} }

// elemsAppend returns `target.append(v)`.
func elemsAppend(target ast.Expr, v ast.Expr) ast.Stmt {
	return &ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: target, Name: ident("append")}, Args: []ast.Expr{v}}}
}

// elemsBounded returns an int expression of a small interval that the
// pass can see: a remainder of a parameter, a hash of the range loop
// variable q (when q is not empty), q itself, a small constant, the
// length of a list made before, or a reduced element of one.
func (g *Generator) elemsBounded(st *elemsState, q string) ast.Expr {
	k := []int64{10, 100, 1000, 65536}[g.r.IntN(4)]
	switch n := g.r.IntN(10); {
	case n < 2:
		return elemsBin(ident([]string{"a", "b"}[g.r.IntN(2)]), ast.OpMod, intLit(k))
	case n < 3:
		// of either sign
		return elemsBin(elemsBin(ident("a"), ast.OpMod, intLit(k)), ast.OpSub, intLit(k/2))
	case n < 5 && q != "":
		return elemsBin(elemsBin(ident(q), ast.OpMul, intLit(7919)), ast.OpMod, intLit(1009))
	case n < 6 && q != "":
		return ident(q)
	case n < 7 && len(st.lists) > 0:
		return call("len", ident(st.lists[g.r.IntN(len(st.lists))]))
	case n < 8 && len(st.lists) > 0:
		l := st.lists[g.r.IntN(len(st.lists))]
		return elemsBin(elemsAt(l, intLit(int64(-g.r.IntN(2)))), ast.OpMod, intLit(k))
	}
	return intLit(int64(g.r.IntN(20) - 5))
}

// elemsLarge returns an int expression that may be large: a parameter
// times 1000003, a parameter, their difference or sum, a constant near
// 2**62, an element of a list made before, a product with the range loop
// variable q (when q is not empty), or a float rounded.
func (g *Generator) elemsLarge(st *elemsState, q string) ast.Expr {
	p := ident([]string{"a", "b"}[g.r.IntN(2)])
	switch n := g.r.IntN(11); {
	case n < 2:
		return elemsBin(p, ast.OpMul, intLit(1000003))
	case n < 4:
		return p
	case n < 5:
		return elemsBin(ident("a"), []ast.BinaryOp{ast.OpSub, ast.OpAdd}[g.r.IntN(2)], ident("b"))
	case n < 7:
		return intLit(elemsBigConsts[g.r.IntN(len(elemsBigConsts))])
	case n < 8 && len(st.lists) > 0:
		return elemsAt(st.lists[g.r.IntN(len(st.lists))], intLit(int64(-g.r.IntN(2))))
	case n < 9 && q != "":
		return elemsBin(p, ast.OpMul, ident(q))
	case n < 10:
		return call("round", ident([]string{"x", "y"}[g.r.IntN(2)]))
	}
	return elemsBin(elemsBin(p, ast.OpMul, intLit(1000003)), ast.OpAdd, intLit(int64(g.r.IntN(9))))
}

// elemsValue returns a bounded value when bounded, else a large one one
// time in three.
func (g *Generator) elemsValue(st *elemsState, q string, bounded bool) ast.Expr {
	if bounded || g.r.IntN(3) > 0 {
		return g.elemsBounded(st, q)
	}
	return g.elemsLarge(st, q)
}

// elemsGuard wraps body, now and then, in a condition that holds for some
// calls only (a store the pass must count although it does not always
// run).
func (g *Generator) elemsGuard(body []ast.Stmt) []ast.Stmt {
	switch g.r.IntN(6) {
	case 0:
		return []ast.Stmt{&ast.If{Cond: ident("p"), Body: body}}
	case 1:
		c := &ast.Compare{Operands: []ast.Expr{ident("a"), intLit(1000)}, Ops: []ast.CmpOp{ast.CmpGt}}
		return []ast.Stmt{&ast.If{Cond: c, Body: body}}
	}
	return body
}

// elemsList returns the statements that make and change one list[int]
// local (see above), and its name.
func (g *Generator) elemsList(st *elemsState) ([]ast.Stmt, string) {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	l, q, k := "l"+n, "q"+n, "k"+n
	// bounded: every store the function makes through the name l is
	// bounded (an alias may still store a large value, below)
	bounded := g.r.IntN(5) < 3
	var out []ast.Stmt
	switch g.r.IntN(4) {
	case 0:
		var el []ast.Expr
		for c := 1 + g.r.IntN(4); c > 0; c-- {
			el = append(el, g.elemsValue(st, "", bounded))
		}
		out = append(out, &ast.Assign{Target: ident(l), Value: &ast.ListLit{Elems: el}})
	case 1:
		var count ast.Expr
		switch g.r.IntN(3) {
		case 0:
			count = elemsBin(elemsBin(ident("a"), ast.OpMod, intLit(7)), ast.OpAdd, intLit(int64(1+g.r.IntN(2))))
		case 1:
			count = elemsBin(elemsBin(ident("b"), ast.OpMod, intLit(5)), ast.OpAdd, intLit(1))
		default:
			count = intLit(int64(1 + g.r.IntN(5)))
		}
		lit := &ast.ListLit{Elems: []ast.Expr{g.elemsValue(st, "", bounded)}}
		init := elemsBin(lit, ast.OpMul, count)
		if g.r.IntN(3) == 0 {
			init = elemsBin(count, ast.OpMul, lit)
		}
		out = append(out, &ast.Assign{Target: ident(l), Value: init})
	default:
		var stop ast.Expr = intLit(int64(1 + g.r.IntN(8)))
		if g.r.IntN(3) == 0 {
			stop = elemsBin(ident("a"), ast.OpMod, intLit(9))
		}
		out = append(out,
			&ast.Assign{Target: ident(l), Value: &ast.ListLit{}},
			&ast.For{Target: ident(q), Iter: call("range", stop), Body: []ast.Stmt{elemsAppend(ident(l), g.elemsValue(st, q, bounded))}})
	}
	// a few more stores through l
	for c := g.r.IntN(3); c > 0; c-- {
		switch g.r.IntN(6) {
		case 0:
			out = append(out, g.elemsGuard([]ast.Stmt{elemsAppend(ident(l), g.elemsValue(st, "", bounded))})...)
		case 1:
			i := []ast.Expr{intLit(0), intLit(-1), elemsBin(ident("b"), ast.OpMod, call("len", ident(l)))}[g.r.IntN(3)]
			out = append(out, g.elemsGuard([]ast.Stmt{&ast.Assign{Target: elemsAt(l, i), Value: g.elemsValue(st, "", bounded)}})...)
		case 2:
			out = append(out, &ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("pop")}}})
		case 3:
			// the list made again (the pass counts every literal)
			out = append(out, g.elemsGuard([]ast.Stmt{&ast.Assign{Target: ident(l),
				Value: &ast.ListLit{Elems: []ast.Expr{g.elemsValue(st, "", bounded), g.elemsValue(st, "", bounded)}}}})...)
		case 4:
			// the elements of another list, stored into this one: by a
			// loop, or by extend (of itself now and then: it doubles)
			if len(st.lists) > 0 && g.r.IntN(2) == 0 {
				other := st.lists[g.r.IntN(len(st.lists))]
				if g.r.IntN(4) == 0 {
					other = l
				}
				out = append(out, &ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("extend")},
					Args: []ast.Expr{ident(other)}}})
			} else if len(st.lists) > 0 {
				e := "x" + n
				v := elemsBin(ident(e), ast.OpMul, intLit(int64(1+g.r.IntN(3))))
				if bounded {
					v = elemsBin(ident(e), ast.OpMod, intLit(1000))
				}
				out = append(out, &ast.For{Target: ident(e), Iter: ident(st.lists[g.r.IntN(len(st.lists))]), Body: []ast.Stmt{elemsAppend(ident(l), v)}})
			}
		default:
			out = append(out, g.elemsLoop(l, "j"+n, bounded))
		}
	}
	if g.r.IntN(5) < 2 {
		// the case the fixed point is for: stores that read the list
		out = append(out, g.elemsLoop(l, k, bounded))
	}
	// now and then a store the pass must not miss: through another name
	if g.r.IntN(10) < 3 {
		out = append(out, g.elemsEscape(st, l, n)...)
	}
	st.lists = append(st.lists, l)
	return out, l
}

// elemsLoop returns a range loop (variable k) that stores into l values
// computed from its own elements: a bounded update when bounded, else a
// product or sum that grows (its interval needs the widening of the
// pass's fixed point, and it overflows after enough steps).
func (g *Generator) elemsLoop(l, k string, bounded bool) ast.Stmt {
	var stop ast.Expr = intLit([]int64{3, 5, 10, 20, 30, 50, 70}[g.r.IntN(7)])
	if g.r.IntN(3) == 0 {
		stop = elemsBin(ident("a"), ast.OpMod, intLit(64))
	}
	i := []ast.Expr{intLit(0), intLit(-1), elemsBin(ident(k), ast.OpMod, call("len", ident(l)))}[g.r.IntN(3)]
	j := []ast.Expr{intLit(0), intLit(-1), elemsBin(elemsBin(ident(k), ast.OpAdd, intLit(1)), ast.OpMod, call("len", ident(l)))}[g.r.IntN(3)]
	var s ast.Stmt
	if bounded {
		// a hash of the elements, reduced: the interval stays small
		v := elemsBin(elemsBin(elemsBin(elemsAt(l, i), ast.OpMul, intLit(31)), ast.OpAdd, elemsAt(l, j)), ast.OpMod, intLit(1009))
		switch g.r.IntN(4) {
		case 0:
			s = &ast.Assign{Target: elemsAt(l, i), Value: v}
		case 1:
			s = &ast.AugAssign{Target: elemsAt(l, i), Op: ast.OpAdd, Value: elemsBin(ident(k), ast.OpMod, intLit(3))}
		case 2:
			// a remainder by a divisor of either sign: [0, d-1] or [d+1, 0]
			s = &ast.AugAssign{Target: elemsAt(l, i), Op: ast.OpMod, Value: intLit([]int64{7, -7, 1009, 2}[g.r.IntN(4)])}
		default:
			// a floor division, rounding toward -inf for either sign
			s = &ast.AugAssign{Target: elemsAt(l, i), Op: ast.OpFloorDiv, Value: intLit([]int64{2, -3, 5}[g.r.IntN(3)])}
		}
	} else {
		switch g.r.IntN(5) {
		case 0:
			s = &ast.Assign{Target: elemsAt(l, i), Value: elemsBin(elemsAt(l, i), ast.OpMul, intLit(3))}
		case 1:
			s = &ast.AugAssign{Target: elemsAt(l, i), Op: ast.OpMul, Value: intLit([]int64{2, 3, -3, 10}[g.r.IntN(4)])}
		case 2:
			s = &ast.AugAssign{Target: elemsAt(l, i), Op: ast.OpAdd, Value: elemsAt(l, j)}
		case 3:
			s = &ast.AugAssign{Target: elemsAt(l, i), Op: []ast.BinaryOp{ast.OpAdd, ast.OpSub}[g.r.IntN(2)],
				Value: elemsBin(ident("a"), ast.OpMul, ident(k))}
		default:
			s = &ast.Assign{Target: elemsAt(l, i), Value: elemsBin(elemsBin(elemsAt(l, i), ast.OpMul, intLit(2)), ast.OpAdd, elemsAt(l, j))}
		}
	}
	return &ast.For{Target: ident(k), Iter: call("range", stop), Body: []ast.Stmt{s}}
}

// elemsEscape returns statements through which another name reaches l
// and (mostly) stores a large value into it: an alias, a row of a list of
// lists, the helper grow, a concatenation, l made another list's alias.
func (g *Generator) elemsEscape(st *elemsState, l, n string) []ast.Stmt {
	big := g.elemsLarge(st, "")
	switch g.r.IntN(5) {
	case 0:
		m := "m" + n
		store := elemsAppend(ident(m), big)
		switch g.r.IntN(3) {
		case 0:
			store = &ast.Assign{Target: elemsAt(m, intLit(0)), Value: big}
		case 1:
			store = &ast.AugAssign{Target: elemsAt(m, intLit(-1)), Op: ast.OpMul, Value: intLit(1000003)}
		}
		return append([]ast.Stmt{&ast.Assign{Target: ident(m), Value: ident(l)}}, g.elemsGuard([]ast.Stmt{store})...)
	case 1:
		r := "r" + n
		rows := &ast.ListLit{Elems: []ast.Expr{ident(l)}}
		if g.r.IntN(2) == 0 {
			rows.Elems = append([]ast.Expr{&ast.ListLit{Elems: []ast.Expr{intLit(1)}}}, rows.Elems...)
		}
		row := &ast.Index{X: ident(r), Index: intLit(-1)}
		var store ast.Stmt = elemsAppend(row, big)
		if g.r.IntN(2) == 0 {
			store = &ast.Assign{Target: &ast.Index{X: row, Index: intLit(0)}, Value: big}
		}
		return []ast.Stmt{&ast.Assign{Target: ident(r), Value: rows}, store}
	case 2:
		if st.helper {
			c := "c" + n
			g.locals['i'] = append(g.locals['i'], c)
			arg := ident([]string{"a", "b"}[g.r.IntN(2)])
			return []ast.Stmt{&ast.Assign{Target: ident(c), Value: call("grow", ident(l), arg)}}
		}
		fallthrough
	case 3:
		return []ast.Stmt{&ast.Assign{Target: ident(l), Value: elemsBin(ident(l), ast.OpAdd, &ast.ListLit{Elems: []ast.Expr{big}})}}
	}
	if len(st.lists) == 0 {
		return nil
	}
	// l becomes another list: stores through l land in that one
	return []ast.Stmt{
		&ast.Assign{Target: ident(l), Value: ident(st.lists[g.r.IntN(len(st.lists))])},
		elemsAppend(ident(l), big),
	}
}

// elemsUse returns statements that read the elements of l (and of other
// lists) into a fresh accumulator sN, and the accumulator: loops over
// the elements or their indexes, products of two elements, a local
// holding a product. The sums are kept unreduced half the time, so that
// they too may leave 64 bits.
func (g *Generator) elemsUse(st *elemsState, l string) ([]ast.Stmt, string) {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	s, e, i, t := "s"+n, "e"+n, "i"+n, "t"+n
	if st.shared != "" {
		e = st.shared
	}
	other := st.lists[g.r.IntN(len(st.lists))]
	kv := elemsMultipliers[g.r.IntN(len(elemsMultipliers))]
	var k ast.Expr = intLit(kv)
	if kv == 1<<20 || kv == 1<<40 {
		k = g.hashConst(kv) // 2**20, 2**40 now and then
	}
	reduce := g.r.IntN(2) == 0
	add := func(v ast.Expr) ast.Stmt {
		sum := elemsBin(ident(s), ast.OpAdd, v)
		if reduce {
			return &ast.Assign{Target: ident(s), Value: elemsBin(sum, ast.OpMod, intLit(1000000007))}
		}
		if g.r.IntN(2) == 0 {
			return &ast.AugAssign{Target: ident(s), Op: ast.OpAdd, Value: v}
		}
		return &ast.Assign{Target: ident(s), Value: sum}
	}
	out := []ast.Stmt{&ast.Assign{Target: ident(s), Value: intLit(0)}}
	switch g.r.IntN(7) {
	case 0, 1:
		body := []ast.Stmt{add(elemsBin(ident(e), ast.OpMul, k))}
		if g.r.IntN(4) == 0 {
			// the loop variable's own product (its interval is the list's)
			body = append(body, add(elemsBin(ident(e), ast.OpMul, ident(e))))
		}
		out = append(out, &ast.For{Target: ident(e), Iter: ident(l), Body: body})
	case 2:
		// while iN < len(lN): sN = sN - lN[iN] * C
		body := []ast.Stmt{
			&ast.Assign{Target: ident(s), Value: elemsBin(ident(s), ast.OpSub, elemsBin(elemsAt(l, ident(i)), ast.OpMul, k))},
			&ast.AugAssign{Target: ident(i), Op: ast.OpAdd, Value: intLit(1)},
		}
		cond := &ast.Compare{Operands: []ast.Expr{ident(i), call("len", ident(l))}, Ops: []ast.CmpOp{ast.CmpLt}}
		out = append(out, &ast.Assign{Target: ident(i), Value: intLit(0)}, &ast.While{Cond: cond, Body: body})
	case 3:
		// products of elements by index, of l alone or with another list
		v := elemsBin(elemsAt(l, ident(i)), ast.OpMul, elemsAt(l, ident(i)))
		if g.r.IntN(2) == 0 {
			v = elemsBin(elemsAt(l, ident(i)), ast.OpMul, elemsAt(other, intLit(int64(-g.r.IntN(2)))))
		}
		out = append(out, &ast.For{Target: ident(i), Iter: call("range", call("len", ident(l))), Body: []ast.Stmt{add(v)}})
	case 4:
		// sN += lN[i] * lM[j] once
		i := []ast.Expr{intLit(0), intLit(-1), elemsBin(ident("a"), ast.OpMod, call("len", ident(l)))}[g.r.IntN(3)]
		out = append(out, add(elemsBin(elemsAt(l, i), ast.OpMul, elemsAt(other, intLit(int64(-g.r.IntN(2)))))))
	case 5:
		// a local holding a product, then scaled
		out = append(out,
			&ast.Assign{Target: ident(t), Value: elemsBin(elemsAt(l, intLit(0)), ast.OpMul, elemsAt(l, intLit(-1)))},
			add(elemsBin(ident(t), ast.OpMul, k)))
	default:
		// an unreduced hash of the elements: sN = sN * 3 + eN
		out = append(out, &ast.For{Target: ident(e), Iter: ident(l), Body: []ast.Stmt{
			&ast.Assign{Target: ident(s), Value: elemsBin(elemsBin(ident(s), ast.OpMul, intLit(3)), ast.OpAdd, elemsBin(ident(e), ast.OpMul, k))},
		}})
	}
	return out, s
}

// elemsHelper returns `def grow(v: list[int], k: int) -> int`, which
// stores a large value into the list it is given (so that a list passed
// to it holds values the caller's code never stores).
func (g *Generator) elemsHelper() *ast.FuncDef {
	intType := func() *ast.TypeExpr { return &ast.TypeExpr{Name: ident("int")} }
	body := []ast.Stmt{elemsAppend(ident("v"), elemsBin(ident("k"), ast.OpMul, intLit(1000003)))}
	if g.r.IntN(2) == 0 {
		body = append(body, &ast.Assign{Target: &ast.Index{X: ident("v"), Index: intLit(0)},
			Value: elemsBin(&ast.Index{X: ident("v"), Index: intLit(0)}, ast.OpAdd, ident("k"))})
	}
	body = append(body, &ast.Return{Value: call("len", ident("v"))})
	return &ast.FuncDef{
		Name: ident("grow"),
		Params: []*ast.Param{
			{Name: ident("v"), Type: &ast.TypeExpr{Name: ident("list"), Args: []*ast.TypeExpr{intType()}}},
			{Name: ident("k"), Type: intType()},
		},
		Result: intType(),
		Body:   body,
	}
}

// ElemsProgram returns a function `f(a: int, b: int, x: float, y: float,
// p: bool) -> int` that makes one to three list[int] locals (elemsList),
// possibly lets another name reach them (elemsEscape, the helper grow of
// the module), reads their elements into accumulators (elemsUse), and
// returns a combination of the accumulators, the lengths of the lists
// and the helper's results reduced modulo 1000000007, so that every
// element read shows.
func (g *Generator) ElemsProgram() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal, g.nloop, g.recBound, g.consts, g.counters, g.seen = 0, 0, 0, nil, nil, nil
	st := &elemsState{helper: g.r.IntN(4) == 0}
	if g.r.IntN(4) == 0 {
		st.shared = "e" // every `for e in L` with one variable
	}
	var body []ast.Stmt
	for c := 1 + g.r.IntN(3); c > 0; c-- {
		stmts, _ := g.elemsList(st)
		body = append(body, stmts...)
	}
	var shown []ast.Expr
	for _, l := range st.lists {
		for c := 1 + g.r.IntN(2); c > 0; c-- {
			stmts, s := g.elemsUse(st, l)
			body = append(body, stmts...)
			shown = append(shown, ident(s))
		}
		shown = append(shown, call("len", ident(l)))
	}
	for _, c := range g.locals['i'][2:] {
		shown = append(shown, ident(c)) // the results of grow
	}
	return g.reducedProgram(body, shown, st.helper)
}

// reducedProgram returns the program of f whose body is body followed by
// the return of the shown values combined, each reduced modulo
// 1000000007 first (a wrapped accumulator shows in its remainder, where a
// trap on the combination would hide it), with the helper grow before f
// when helper is set.
func (g *Generator) reducedProgram(body []ast.Stmt, shown []ast.Expr, helper bool) *Program {
	var ret ast.Expr = intLit(0)
	for _, e := range shown {
		part := elemsBin(e, ast.OpMod, intLit(1000000007))
		ret = elemsBin(elemsBin(elemsBin(ret, ast.OpMul, intLit(31)), ast.OpAdd, part), ast.OpMod, intLit(1000000007))
	}
	body = append(body, &ast.Return{Value: ret})
	d, params := genFunc(body, 'i')
	file := &ast.File{Name: "gen.ml", Lang: "en", Body: []ast.Stmt{d}}
	if helper {
		file.Body = []ast.Stmt{g.elemsHelper(), d}
	}
	return &Program{File: file, Params: params, Result: 'i'}
}
