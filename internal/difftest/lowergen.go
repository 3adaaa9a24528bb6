package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The lowering family: functions made of the forms that core/check
// rewrites before a function is checked and compiled (lower.go,
// lowercomp.go, lowerreduce.go), so that the rewritten statements must
// do what CPython does with the forms as written:
//
//	uN, vN = vN, uN % vN               (or a sum, a product, three names
//	                                    rotated, a name and an element
//	                                    whose index reads that name)
//	lN[i], lN[j] = lN[j], lN[i] + e    (indexes out of range or negative
//	                                    now and then, or read from the
//	                                    list: IndexError on both sides)
//	for iN, eN in enumerate(lN, K):    (K an int literal, negative now
//	                                    and then, or none)
//	for dN, eN in zip(lA, lB):         (or three lists, of other lengths,
//	                                    the same one twice)
//	for eN in reversed(lN):
//	rN = [E for cN in lA if C]         (two clauses, the second over a
//	                                    range of the first's variable;
//	                                    clauses over enumerate and zip;
//	                                    list(lN); a variable named as a
//	                                    local of the function)
//	sN = sum(E for cN in lA if C)      (sN += sum(cN > 0 for ...),
//	                                    mN = max(...) and min(...): an
//	                                    empty list raises ValueError;
//	                                    zN = any(...), all(...),
//	                                    any([... two clauses ...]),
//	                                    lN[i] = sum(...))
//	if any(C for cN in lA): ...        (elif not all(...): ..., else)
//	    return sum(...)                (now and then: a return's value)
//	uN, lN[i], zN = split(E1, E2)      (the module's helpers split and
//	                                    pair return tuple[int, int,
//	                                    bool]; a name twice, an element
//	                                    whose index reads a name the
//	                                    same unpacking just set, a count
//	                                    of targets that differs now and
//	                                    then, which CPython refuses)
//
// The loops' bodies change the lists they iterate now and then: append
// (bounded by a counter wN and a break), pop from either end (two
// elements at a turn: a reverse iterator's index then passes the end),
// store an element, rebind the name to a longer list (the loop goes on
// over the old one), so that the rewritten loops must see the lengths
// CPython's iterators see. Elements and conditions divide a constant by
// a variable now and then: ZeroDivisionError at a zero element, which
// an any() or all() that stops earlier, or an earlier condition of the
// clause, avoids. Statements nest: a range loop or an if around one
// (a range of 95 turns now and then: a swap's values leave 64 bits), a
// loop's or a branch's body holding another. Every name a statement
// binds is bound before it at the top level of the function (the loop
// targets too, which the result shows: a loop that ends early leaves
// them as CPython does), and the result combines the accumulators, the
// targets, and the lengths and sums of the lists.

// lowerState is what LowerProgram knows while it writes a function: its
// list locals of int and of bool elements, its int locals (the
// parameters a and b first) and its bool locals, all bound at the top
// level of the function before any statement that reads them.
type lowerState struct {
	ints, bools []string
	scalars     []string
	flags       []string
	tuples      bool // a statement calls the helpers split and pair
}

// lowerVar is a variable of a comprehension's clause, or a loop's
// target, with the kind of its values ('i' int, 'b' bool).
type lowerVar struct {
	name string
	kind byte
}

// lowerName returns a new name: prefix and the generator's next number.
func (g *Generator) lowerName(prefix string) string {
	g.nloop++
	return prefix + strconv.Itoa(g.nloop)
}

// lowerCmp returns the comparison x op y.
func lowerCmp(x ast.Expr, op ast.CmpOp, y ast.Expr) ast.Expr {
	return &ast.Compare{Operands: []ast.Expr{x, y}, Ops: []ast.CmpOp{op}}
}

// lowerTuple returns the tuple of names, a target of several names.
func lowerTuple(names ...string) ast.Expr {
	t := &ast.Tuple{}
	for _, n := range names {
		t.Elems = append(t.Elems, ident(n))
	}
	return t
}

// lowerAsInt returns an int expression of v: v itself, or for a bool a
// choice of two ints (so that every value shows in a sum).
func lowerAsInt(v lowerVar) ast.Expr {
	if v.kind == 'b' {
		return &ast.IfExp{Body: intLit(3), Cond: ident(v.name), Else: intLit(-1)}
	}
	return ident(v.name)
}

// lowerHash returns `s = (s * 31 + v) % 1000003`, an accumulation that
// shows the order of the values it sees.
func lowerHash(s string, v ast.Expr) ast.Stmt {
	h := elemsBin(elemsBin(ident(s), ast.OpMul, intLit(31)), ast.OpAdd, v)
	return &ast.Assign{Target: ident(s), Value: elemsBin(h, ast.OpMod, intLit(1000003))}
}

// lowerKindOf returns the kind of the elements of list l.
func (st *lowerState) lowerKindOf(l string) byte {
	for _, n := range st.bools {
		if n == l {
			return 'b'
		}
	}
	return 'i'
}

// lowerPickList returns a list local of the function and its kind: of
// kind kind when kind is not 0 (an int list when kind is 'b' and there
// is no bool list: LowerProgram makes int lists first), of ints three
// times in four otherwise.
func (g *Generator) lowerPickList(st *lowerState, kind byte) (string, byte) {
	if kind == 0 {
		kind = 'i'
		if len(st.bools) > 0 && g.r.IntN(4) == 0 {
			kind = 'b'
		}
	}
	if kind == 'b' && len(st.bools) > 0 {
		return st.bools[g.r.IntN(len(st.bools))], 'b'
	}
	return st.ints[g.r.IntN(len(st.ints))], 'i'
}

// lowerScalar returns a new int local bound to v at the top level: its
// declaration, and its name, which later statements may read.
func (g *Generator) lowerScalar(st *lowerState, prefix string, v ast.Expr) (ast.Stmt, string) {
	n := g.lowerName(prefix)
	st.scalars = append(st.scalars, n)
	return &ast.Assign{Target: ident(n), Value: v}, n
}

// lowerElem returns an element of a list of kind kind: mostly a small
// int (a remainder of a parameter, a hash of the range loop variable q
// when q is not empty, a literal), now and then a parameter as it is or
// times 1000003 (sums of such elements leave 64 bits for some calls);
// for bools, comparisons of the parameters, p, or a literal.
func (g *Generator) lowerElem(kind byte, q string) ast.Expr {
	if kind == 'b' {
		switch g.r.IntN(5) {
		case 0:
			return ident("p")
		case 1:
			return lowerCmp(ident("a"), ast.CmpGt, ident("b"))
		case 2:
			if q != "" {
				return lowerCmp(elemsBin(ident(q), ast.OpMod, intLit(2)), ast.CmpEq, intLit(0))
			}
			return lowerCmp(elemsBin(ident("a"), ast.OpMod, intLit(3)), ast.CmpEq, intLit(0))
		}
		return &ast.BoolLit{Value: g.r.IntN(2) == 0}
	}
	switch k := g.r.IntN(20); {
	case k < 5:
		return elemsBin(ident([]string{"a", "b"}[g.r.IntN(2)]), ast.OpMod, intLit(int64(3+g.r.IntN(8))))
	case k < 7:
		return elemsBin(elemsBin(ident("b"), ast.OpMod, intLit(7)), ast.OpSub, intLit(3))
	case k < 10 && q != "":
		return elemsBin(elemsBin(ident(q), ast.OpMul, intLit(7)), ast.OpMod, intLit(int64(5+g.r.IntN(6))))
	case k < 11:
		return ident([]string{"a", "b"}[g.r.IntN(2)])
	case k < 12:
		return elemsBin(ident("a"), ast.OpMul, intLit(1000003))
	}
	return intLit(int64(g.r.IntN(15) - 5))
}

// lowerList returns the statements that make a new list local of kind
// kind (a display, a repetition, appends in a range loop, a copy by
// list(), a comprehension over a list made before) and records it. The
// repetition is empty for some calls, where min and max raise
// ValueError and loops do nothing (an empty display would leave the
// elements' type unknown to the checker).
func (g *Generator) lowerList(st *lowerState, kind byte) []ast.Stmt {
	l := g.lowerName("l")
	var out []ast.Stmt
	switch k := g.r.IntN(10); {
	case k < 4:
		var el []ast.Expr
		for c := 1 + g.r.IntN(5); c > 0; c-- {
			el = append(el, g.lowerElem(kind, ""))
		}
		out = append(out, &ast.Assign{Target: ident(l), Value: &ast.ListLit{Elems: el}})
	case k < 6:
		// [e] * (a % 5 + K): of 0 to 6 elements, empty for some calls
		count := elemsBin(elemsBin(ident("a"), ast.OpMod, intLit(5)), ast.OpAdd, intLit(int64(g.r.IntN(3))))
		out = append(out, &ast.Assign{Target: ident(l), Value: elemsBin(&ast.ListLit{Elems: []ast.Expr{g.lowerElem(kind, "")}}, ast.OpMul, count)})
	case k < 8 || len(st.ints) == 0:
		q := g.lowerName("q")
		out = append(out,
			&ast.Assign{Target: ident(l), Value: &ast.ListLit{}},
			&ast.For{Target: ident(q), Iter: call("range", intLit(int64(1+g.r.IntN(6)))), Body: []ast.Stmt{
				elemsAppend(ident(l), g.lowerElem(kind, q))}})
	case k < 9 && (kind == 'i' || len(st.bools) > 0):
		src, _ := g.lowerPickList(st, kind)
		out = append(out, &ast.Assign{Target: ident(l), Value: call("list", ident(src))})
	default:
		// a comprehension over lists made before, of kind kind
		out = append(out, &ast.Assign{Target: ident(l), Value: g.lowerComp(st, ast.ListComp, kind, 1)})
	}
	if kind == 'b' {
		st.bools = append(st.bools, l)
	} else {
		st.ints = append(st.ints, l)
	}
	return out
}

// lowerCompVar returns the name of a comprehension's variable: mostly a
// name of its own, now and then one of the function's locals (a, b, x,
// an accumulator, whatever its type), which the comprehension must
// leave as it was.
func (g *Generator) lowerCompVar(st *lowerState) string {
	if g.r.IntN(6) == 0 {
		names := append([]string{"a", "b", "x", "y"}, st.scalars[2:]...)
		return names[g.r.IntN(len(names))]
	}
	return g.lowerName("c")
}

// lowerClause returns a clause of a comprehension: over a list local
// (mostly), enumerate() of one (with a start now and then) or zip() of
// two, or, when it is not the first and an int variable is bound, a
// range of that variable's remainder; and the variables it binds.
func (g *Generator) lowerClause(st *lowerState, bound []lowerVar, first bool) (*ast.CompFor, []lowerVar) {
	switch k := g.r.IntN(10); {
	case k < 1:
		l, kind := g.lowerPickList(st, 0)
		i, e := g.lowerCompVar(st), g.lowerCompVar(st)
		if i == e {
			e = g.lowerName("c")
		}
		args := []ast.Expr{ident(l)}
		if g.r.IntN(2) == 0 {
			args = append(args, intLit(int64(g.r.IntN(7)-3)))
		}
		return &ast.CompFor{Target: lowerTuple(i, e), Iter: call("enumerate", args...)}, []lowerVar{{i, 'i'}, {e, kind}}
	case k < 2:
		la, ka := g.lowerPickList(st, 0)
		lb, kb := g.lowerPickList(st, 0)
		d, e := g.lowerName("c"), g.lowerName("c")
		return &ast.CompFor{Target: lowerTuple(d, e), Iter: call("zip", ident(la), ident(lb))}, []lowerVar{{d, ka}, {e, kb}}
	case k < 4 && !first:
		for _, v := range bound {
			if v.kind == 'i' {
				j := g.lowerName("c")
				stop := elemsBin(ident(v.name), ast.OpMod, intLit(int64(2+g.r.IntN(3))))
				return &ast.CompFor{Target: ident(j), Iter: call("range", stop)}, []lowerVar{{j, 'i'}}
			}
		}
	}
	l, kind := g.lowerPickList(st, 0)
	c := g.lowerCompVar(st)
	return &ast.CompFor{Target: ident(c), Iter: ident(l)}, []lowerVar{{c, kind}}
}

// lowerPickVar returns a variable of vars, of kind kind when one is (the
// last of them that is, now and then another).
func (g *Generator) lowerPickVar(vars []lowerVar, kind byte) (lowerVar, bool) {
	var of []lowerVar
	for _, v := range vars {
		if v.kind == kind {
			of = append(of, v)
		}
	}
	if len(of) == 0 {
		return lowerVar{}, false
	}
	if g.r.IntN(3) > 0 {
		return of[len(of)-1], true
	}
	return of[g.r.IntN(len(of))], true
}

// lowerIntOf returns an int expression of the variables vars (a
// comprehension's element, a loop's accumulated value): a variable,
// scaled, reduced, added to a local of the function or to another
// variable, its absolute value by a conditional expression, a constant
// divided by it (ZeroDivisionError for 0).
func (g *Generator) lowerIntOf(st *lowerState, vars []lowerVar) ast.Expr {
	v, ok := g.lowerPickVar(vars, 'i')
	if !ok {
		return lowerAsInt(vars[g.r.IntN(len(vars))])
	}
	x := ident(v.name)
	switch g.r.IntN(9) {
	case 0:
		return elemsBin(x, ast.OpMul, intLit([]int64{2, 3, -1, 7}[g.r.IntN(4)]))
	case 1:
		return elemsBin(x, ast.OpMod, intLit(int64(2+g.r.IntN(6))))
	case 2:
		return elemsBin(x, ast.OpAdd, ident(st.scalars[g.r.IntN(len(st.scalars))]))
	case 3:
		w := vars[g.r.IntN(len(vars))]
		return elemsBin(x, []ast.BinaryOp{ast.OpMul, ast.OpAdd, ast.OpSub}[g.r.IntN(3)], lowerAsInt(w))
	case 4:
		return &ast.IfExp{Body: x, Cond: lowerCmp(ident(v.name), ast.CmpGt, intLit(0)), Else: &ast.Unary{Op: ast.OpNeg, X: ident(v.name)}}
	case 5:
		return elemsBin(x, ast.OpAdd, intLit(int64(g.r.IntN(9)-4)))
	case 6:
		if g.r.IntN(2) == 0 {
			// ZeroDivisionError for a zero element only: any() and all()
			// stop before the later ones, sum() does not
			return elemsBin(intLit([]int64{12, -7, 60}[g.r.IntN(3)]), ast.OpFloorDiv, x)
		}
	}
	return x
}

// lowerBoolOf returns a condition on the variables vars: a bool
// variable (or its negation), an int one compared to a small constant,
// to a local of the function or to another variable, its parity, or 12
// divided by it compared (ZeroDivisionError for 0).
func (g *Generator) lowerBoolOf(st *lowerState, vars []lowerVar) ast.Expr {
	if v, ok := g.lowerPickVar(vars, 'b'); ok && (g.r.IntN(2) == 0 || len(vars) == 1) {
		if g.r.IntN(3) == 0 {
			return &ast.Unary{Op: ast.OpNot, X: ident(v.name)}
		}
		return ident(v.name)
	}
	v, ok := g.lowerPickVar(vars, 'i')
	if !ok {
		return ident(vars[0].name)
	}
	ops := []ast.CmpOp{ast.CmpLt, ast.CmpGt, ast.CmpLe, ast.CmpGe, ast.CmpEq, ast.CmpNe}
	op := ops[g.r.IntN(len(ops))]
	switch g.r.IntN(7) {
	case 0:
		return lowerCmp(elemsBin(ident(v.name), ast.OpMod, intLit(2)), ast.CmpEq, intLit(int64(g.r.IntN(2))))
	case 1:
		return lowerCmp(ident(v.name), op, ident(st.scalars[g.r.IntN(len(st.scalars))]))
	case 2:
		if w, ok := g.lowerPickVar(vars, 'i'); ok && w != v {
			return lowerCmp(ident(v.name), op, ident(w.name))
		}
	case 3:
		// ZeroDivisionError for a zero element: a condition before it
		// in the clause, or an any() or all() that stops, avoids it
		return lowerCmp(elemsBin(intLit(12), ast.OpFloorDiv, ident(v.name)), op, intLit(int64(g.r.IntN(5)-1)))
	}
	return lowerCmp(ident(v.name), op, intLit(int64(g.r.IntN(7)-2)))
}

// lowerComp returns a comprehension of kind ck (a list comprehension or
// a generator) whose elements are of kind kind ('i' or 'b'), of one
// clause or, up to clauses, two; each clause has a condition now and
// then.
func (g *Generator) lowerComp(st *lowerState, ck ast.CompKind, kind byte, clauses int) *ast.Comp {
	c, _ := g.lowerCompVars(st, ck, kind, clauses)
	return c
}

// lowerCompVars is lowerComp that also returns the variables of the
// comprehension's clauses.
func (g *Generator) lowerCompVars(st *lowerState, ck ast.CompKind, kind byte, clauses int) (*ast.Comp, []lowerVar) {
	var vars []lowerVar
	comp := &ast.Comp{Kind: ck}
	n := 1
	if clauses > 1 && g.r.IntN(3) == 0 {
		n = 2
	}
	for c := 0; c < n; c++ {
		f, vs := g.lowerClause(st, vars, c == 0)
		// a name bound twice (a clause's variable named as another's)
		// would leave the first unreadable: give the clause a fresh one
		for _, v := range vs {
			for _, w := range vars {
				if v.name == w.name {
					return g.lowerCompVars(st, ck, kind, 1)
				}
			}
		}
		vars = append(vars, vs...)
		if g.r.IntN(3) == 0 {
			f.Ifs = append(f.Ifs, g.lowerBoolOf(st, vars))
			if g.r.IntN(4) == 0 {
				f.Ifs = append(f.Ifs, g.lowerBoolOf(st, vars))
			}
		}
		comp.Fors = append(comp.Fors, f)
	}
	if kind == 'b' {
		comp.Elt = g.lowerBoolOf(st, vars)
	} else {
		comp.Elt = g.lowerIntOf(st, vars)
	}
	return comp, vars
}

// lowerIndex returns an index into list l for an element swap: mostly 0,
// 1, -1 or -2, now and then 2, a remainder of b, or an element of l
// reduced (out of range for short lists), rarely len(l) (IndexError).
func (g *Generator) lowerIndex(l string) ast.Expr {
	switch k := g.r.IntN(16); {
	case k < 5:
		return intLit(0)
	case k < 8:
		return intLit(-1)
	case k < 10:
		return intLit(1)
	case k < 11:
		return intLit(-2)
	case k < 12:
		return intLit(2)
	case k < 13:
		return elemsBin(ident("b"), ast.OpMod, intLit(3))
	case k < 15:
		// the list read by the target's index: after the first store
		return elemsBin(elemsAt(l, intLit(0)), ast.OpMod, intLit(2))
	}
	return call("len", ident(l))
}

// lowerSwap returns the declarations and the statement of a tuple
// assignment: of two or three int locals (a swap, a step of Euclid's
// algorithm, of Fibonacci's, a rotation), of a local and an element
// whose index reads it, or of two elements of one list or two.
func (g *Generator) lowerSwap(st *lowerState, level int) ([]ast.Stmt, []ast.Stmt) {
	var decls []ast.Stmt
	pick := func() string {
		if len(st.scalars) < 4 || g.r.IntN(3) == 0 {
			vals := []ast.Expr{elemsBin(ident("a"), ast.OpMod, intLit(100)), elemsBin(ident("b"), ast.OpMod, intLit(50)), intLit(int64(g.r.IntN(5)))}
			d, n := g.lowerScalar(st, "u", vals[g.r.IntN(len(vals))])
			decls = append(decls, d)
			return n
		}
		return st.scalars[g.r.IntN(len(st.scalars))]
	}
	assign := func(targets, values []ast.Expr) []ast.Stmt {
		return []ast.Stmt{&ast.Assign{Target: &ast.Tuple{Elems: targets}, Value: &ast.Tuple{Elems: values}}}
	}
	if g.r.IntN(4) == 0 {
		more, s := g.lowerUnpack(st, pick)
		return append(decls, more...), s // decls now holds pick's
	}
	if g.r.IntN(3) == 0 {
		// elements: l[i], l[j] = l[j], l[i] + e, of one list or two
		l, kind := g.lowerPickList(st, 0)
		m := l
		if g.r.IntN(4) == 0 {
			m, _ = g.lowerPickList(st, kind)
		}
		i, j := g.lowerIndex(l), g.lowerIndex(m)
		if kind == 'b' && g.r.IntN(2) == 0 {
			// the bools swapped, one negated
			return decls, assign([]ast.Expr{elemsAt(l, i), elemsAt(m, j)},
				[]ast.Expr{elemsAt(m, j), &ast.Unary{Op: ast.OpNot, X: elemsAt(l, i)}})
		}
		var second ast.Expr = elemsAt(l, i)
		if kind == 'i' && g.r.IntN(3) > 0 {
			e := []ast.Expr{intLit(int64(1 + g.r.IntN(5))), ident(pick()), elemsAt(l, j)}[g.r.IntN(3)]
			second = elemsBin(second, ast.OpAdd, e)
		}
		return decls, assign([]ast.Expr{elemsAt(l, i), elemsAt(m, j)}, []ast.Expr{elemsAt(m, j), second})
	}
	u := pick()
	v := pick()
	for v == u {
		v = pick()
	}
	switch g.r.IntN(7) {
	case 0:
		// Euclid: ZeroDivisionError once v is 0, which a loop reaches
		// (the step runs while v is not 0, but for a few at the top
		// level)
		s := assign([]ast.Expr{ident(u), ident(v)}, []ast.Expr{ident(v), elemsBin(ident(u), ast.OpMod, ident(v))})
		if level > 0 || g.r.IntN(4) > 0 {
			s = []ast.Stmt{&ast.If{Cond: lowerCmp(ident(v), ast.CmpNe, intLit(0)), Body: s}}
		}
		return decls, s
	case 1:
		return decls, assign([]ast.Expr{ident(u), ident(v)}, []ast.Expr{ident(v), elemsBin(ident(u), ast.OpAdd, ident(v))})
	case 2:
		return decls, assign([]ast.Expr{ident(u), ident(v)}, []ast.Expr{elemsBin(ident(v), ast.OpSub, ident(u)), elemsBin(ident(u), ast.OpMul, intLit(3))})
	case 3, 4:
		w := pick()
		for w == u || w == v {
			w = pick()
		}
		if g.r.IntN(2) == 0 {
			return decls, assign([]ast.Expr{ident(u), ident(v), ident(w)}, []ast.Expr{ident(v), ident(w), ident(u)})
		}
		return decls, assign([]ast.Expr{ident(u), ident(v), ident(w)},
			[]ast.Expr{elemsBin(ident(w), ast.OpAdd, intLit(1)), ident(u), elemsBin(ident(v), ast.OpMul, intLit(2))})
	case 5:
		// a name, then an element whose index reads the name's new value
		l, _ := g.lowerPickList(st, 'i')
		return decls, assign([]ast.Expr{ident(u), elemsAt(l, elemsBin(ident(u), ast.OpMod, intLit(3)))},
			[]ast.Expr{elemsAt(l, intLit(int64(-g.r.IntN(2)))), ident(v)})
	}
	return decls, assign([]ast.Expr{ident(u), ident(v)}, []ast.Expr{ident(v), ident(u)})
}

// lowerUnpack returns the declarations and the statement of an
// unpacking of a helper's tuple (see above): int targets are names
// (pick) or elements of an int list, the bool target a flag or a name
// again; now and then two targets or four, which the checker leaves to
// Python (a ValueError on both sides). The declarations returned are
// its own flag's; pick adds those of the names it makes to the caller's.
func (g *Generator) lowerUnpack(st *lowerState, pick func() string) ([]ast.Stmt, []ast.Stmt) {
	st.tuples = true
	var decls []ast.Stmt
	intTarget := func(prev []ast.Expr) ast.Expr {
		if g.r.IntN(3) > 0 {
			return ident(pick())
		}
		l, _ := g.lowerPickList(st, 'i')
		if len(prev) > 0 && g.r.IntN(2) == 0 {
			if id, ok := prev[0].(*ast.Ident); ok {
				// the index reads the name the unpacking just set
				return elemsAt(l, elemsBin(ident(id.Name), ast.OpMod, intLit(3)))
			}
		}
		return elemsAt(l, g.lowerIndex(l))
	}
	var targets []ast.Expr
	targets = append(targets, intTarget(nil))
	targets = append(targets, intTarget(targets))
	switch k := g.r.IntN(6); {
	case k == 0 && len(st.flags) > 0:
		targets = append(targets, ident(st.flags[g.r.IntN(len(st.flags))]))
	case k == 1:
		if id, ok := targets[0].(*ast.Ident); ok {
			targets[1] = ident(id.Name) // a name twice: the second value stays
		}
		fallthrough
	default:
		z := g.lowerName("z")
		st.flags = append(st.flags, z)
		decls = append(decls, &ast.Assign{Target: ident(z), Value: &ast.BoolLit{Value: false}})
		targets = append(targets, ident(z))
	}
	switch g.r.IntN(40) {
	case 0:
		targets = targets[:2] // too few targets
	case 1:
		targets = append(targets, ident(pick())) // too many
	}
	fn := []string{"split", "pair"}[g.r.IntN(2)]
	args := []ast.Expr{
		[]ast.Expr{ident("a"), ident(pick()), elemsBin(ident("b"), ast.OpMul, intLit(7))}[g.r.IntN(3)],
		[]ast.Expr{ident("b"), ident(pick()), elemsBin(ident("a"), ast.OpMod, intLit(5)), intLit(0)}[g.r.IntN(4)],
	}
	return decls, []ast.Stmt{&ast.Assign{Target: &ast.Tuple{Elems: targets}, Value: call(fn, args...)}}
}

// lowerTupleHelpers returns the helpers lowerUnpack calls:
//
//	def split(u: int, v: int) -> tuple[int, int, bool]:
//	    if v == 0:
//	        return u, 0, False
//	    return u // v, u % v, u > v
//	def pair(u: int, v: int) -> tuple[int, int, bool]:
//	    return split(v, u - 1)
//
// (MIN // -1 leaves 64 bits: CPython's big int, a refusal on
// WebAssembly.)
func lowerTupleHelpers() []ast.Stmt {
	intType := func() *ast.TypeExpr { return &ast.TypeExpr{Name: ident("int")} }
	tupleType := func() *ast.TypeExpr {
		return &ast.TypeExpr{Name: ident("tuple"), Args: []*ast.TypeExpr{intType(), intType(), {Name: ident("bool")}}}
	}
	params := func() []*ast.Param {
		return []*ast.Param{{Name: ident("u"), Type: intType()}, {Name: ident("v"), Type: intType()}}
	}
	tuple := func(es ...ast.Expr) ast.Expr { return &ast.Tuple{Elems: es} }
	split := &ast.FuncDef{Name: ident("split"), Params: params(), Result: tupleType(), Body: []ast.Stmt{
		&ast.If{Cond: lowerCmp(ident("v"), ast.CmpEq, intLit(0)), Body: []ast.Stmt{
			&ast.Return{Value: tuple(ident("u"), intLit(0), &ast.BoolLit{Value: false})}}},
		&ast.Return{Value: tuple(elemsBin(ident("u"), ast.OpFloorDiv, ident("v")), elemsBin(ident("u"), ast.OpMod, ident("v")),
			lowerCmp(ident("u"), ast.CmpGt, ident("v")))},
	}}
	pair := &ast.FuncDef{Name: ident("pair"), Params: params(), Result: tupleType(), Body: []ast.Stmt{
		&ast.Return{Value: call("split", ident("v"), elemsBin(ident("u"), ast.OpSub, intLit(1)))},
	}}
	return []ast.Stmt{split, pair}
}

// lowerMutation returns a change of list l (of kind kind, iterated by
// the loop whose targets are vars) for the loop's body, or nothing; grows
// says whether it appends to l or rebinds it to a longer list, so that
// the body needs a guard. With shrink (a loop over reversed(l)), it pops
// two elements at a turn more often: only that makes the reverse
// iterator's index pass the end of the list.
func (g *Generator) lowerMutation(st *lowerState, l string, kind byte, vars []lowerVar, shrink bool) (stmts []ast.Stmt, grows bool) {
	var v ast.Expr = g.lowerElem(kind, "")
	if w, ok := g.lowerPickVar(vars, kind); ok && g.r.IntN(2) == 0 {
		v = ident(w.name)
	}
	k := g.r.IntN(10)
	if shrink && k >= 6 && g.r.IntN(2) == 0 {
		k = 3
	}
	switch k {
	case 0, 1:
		stmts, grows = []ast.Stmt{elemsAppend(ident(l), v)}, true
	case 2:
		stmts = []ast.Stmt{&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("pop")}}}}
	case 3:
		stmts = []ast.Stmt{&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("pop")}, Args: []ast.Expr{intLit(0)}}}}
		if shrink || g.r.IntN(2) == 0 {
			// two elements gone at a turn (while the list has them): a
			// reversed() index then passes the end, an enumerate() or a
			// zip() stops earlier
			two := lowerCmp(call("len", ident(l)), ast.CmpGt, intLit(1))
			stmts = []ast.Stmt{&ast.If{Cond: two, Body: append(stmts,
				&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("pop")}}})}}
		}
	case 4:
		stmts = []ast.Stmt{&ast.Assign{Target: elemsAt(l, intLit(int64(-g.r.IntN(2)))), Value: v}}
	case 5:
		// the name bound to a new, longer list: the loop goes on over
		// the one it started with (a guard all the same: a loop around
		// this one would double the list at each of its turns)
		stmts, grows = []ast.Stmt{&ast.Assign{Target: ident(l), Value: elemsBin(ident(l), ast.OpAdd, &ast.ListLit{Elems: []ast.Expr{v}})}}, true
	default:
		return nil, false
	}
	if g.r.IntN(2) == 0 {
		// on some turns only
		stmts = []ast.Stmt{&ast.If{Cond: g.lowerBoolOf(st, vars), Body: stmts}}
	}
	return stmts, grows
}

// lowerLoopBody returns the body of a loop over lists (iterated: the
// lists the loop reads, of kinds kinds) whose targets are vars: the
// guard that bounds it when it may grow a list it iterates (and now and
// then otherwise), a continue now and then, the accumulation into s, a
// change of a list it iterates now and then (more often with shrink: see
// lowerMutation), and, below level 2, another statement of the family
// now and then; decls are the declarations the body needs at the top
// level.
func (g *Generator) lowerLoopBody(st *lowerState, level int, s string, iterated []string, kinds []byte, vars []lowerVar, shrink bool) (decls, body []ast.Stmt) {
	var v ast.Expr
	switch g.r.IntN(3) {
	case 0:
		v = g.lowerIntOf(st, vars)
	case 1:
		// every target in the value
		v = lowerAsInt(vars[0])
		for _, w := range vars[1:] {
			v = elemsBin(elemsBin(v, ast.OpMul, intLit(7)), ast.OpAdd, lowerAsInt(w))
		}
	default:
		v = &ast.IfExp{Body: intLit(int64(1 + g.r.IntN(5))), Cond: g.lowerBoolOf(st, vars), Else: lowerAsInt(vars[len(vars)-1])}
	}
	acc := lowerHash(s, v)
	if g.r.IntN(3) == 0 {
		acc = &ast.AugAssign{Target: ident(s), Op: ast.OpAdd, Value: v}
	}
	var mut []ast.Stmt
	grows := false
	if g.r.IntN(5) < 2 || shrink && g.r.IntN(3) == 0 {
		k := g.r.IntN(len(iterated))
		mut, grows = g.lowerMutation(st, iterated[k], kinds[k], vars, shrink)
	}
	if grows || g.r.IntN(5) == 0 {
		w := g.lowerName("w")
		decls = append(decls, &ast.Assign{Target: ident(w), Value: intLit(0)})
		body = append(body,
			&ast.AugAssign{Target: ident(w), Op: ast.OpAdd, Value: intLit(1)},
			&ast.If{Cond: lowerCmp(ident(w), ast.CmpGt, intLit(int64(3+g.r.IntN(8)))), Body: []ast.Stmt{&ast.Break{}}})
	}
	if g.r.IntN(6) == 0 {
		body = append(body, &ast.If{Cond: g.lowerBoolOf(st, vars), Body: []ast.Stmt{&ast.Continue{}}})
	}
	if g.r.IntN(2) == 0 {
		body = append(body, acc)
		body = append(body, mut...)
	} else {
		body = append(body, mut...)
		body = append(body, acc)
	}
	if level < 2 && g.r.IntN(4) == 0 {
		d, inner := g.lowerStmt(st, level+1)
		decls = append(decls, d...)
		body = append(body, inner...)
	}
	return decls, body
}

// lowerTargets declares the targets of a loop over lists of kinds kinds
// (bound before the loop, so that the result may show them whether or
// not the loop runs) and returns them.
func (g *Generator) lowerTargets(st *lowerState, prefix string, kinds []byte) ([]ast.Stmt, []lowerVar) {
	var decls []ast.Stmt
	var vars []lowerVar
	for _, k := range kinds {
		n := g.lowerName(prefix)
		if k == 'b' {
			decls = append(decls, &ast.Assign{Target: ident(n), Value: &ast.BoolLit{Value: g.r.IntN(2) == 0}})
			st.flags = append(st.flags, n)
		} else {
			decls = append(decls, &ast.Assign{Target: ident(n), Value: intLit(int64(g.r.IntN(3) - 1))})
			st.scalars = append(st.scalars, n)
		}
		vars = append(vars, lowerVar{n, k})
	}
	return decls, vars
}

// lowerLoop returns the declarations and the loop of a for over
// enumerate(), zip() of two or three lists, or reversed(), whose body
// accumulates into a new int local (lowerLoopBody).
func (g *Generator) lowerLoop(st *lowerState, level int) ([]ast.Stmt, []ast.Stmt) {
	d, s := g.lowerScalar(st, "s", intLit(0))
	decls := []ast.Stmt{d}
	var iter ast.Expr
	var iterated []string
	var kinds []byte
	var vars []lowerVar
	reversed := false
	switch k := g.r.IntN(3); k {
	case 0:
		l, kind := g.lowerPickList(st, 0)
		args := []ast.Expr{ident(l)}
		if g.r.IntN(2) == 0 {
			args = append(args, intLit(int64(g.r.IntN(9)-3)))
		}
		iter, iterated, kinds = call("enumerate", args...), []string{l}, []byte{kind}
		td, tv := g.lowerTargets(st, "i", []byte{'i'})
		ed, ev := g.lowerTargets(st, "e", []byte{kind})
		decls, vars = append(append(decls, td...), ed...), append(tv, ev...)
	case 1:
		var args []ast.Expr
		for c := 2 + g.r.IntN(5)/4; c > 0; c-- {
			l, kind := g.lowerPickList(st, 0)
			args = append(args, ident(l))
			iterated, kinds = append(iterated, l), append(kinds, kind)
		}
		iter = call("zip", args...)
		td, tv := g.lowerTargets(st, "e", kinds)
		decls, vars = append(decls, td...), tv
	default:
		l, kind := g.lowerPickList(st, 0)
		iter, iterated, kinds, reversed = call("reversed", ident(l)), []string{l}, []byte{kind}, true
		td, tv := g.lowerTargets(st, "e", []byte{kind})
		decls, vars = append(decls, td...), tv
	}
	bd, body := g.lowerLoopBody(st, level, s, iterated, kinds, vars, reversed)
	var target ast.Expr = ident(vars[0].name)
	if len(vars) > 1 {
		names := make([]string, len(vars))
		for i, v := range vars {
			names[i] = v.name
		}
		target = lowerTuple(names...)
	}
	return append(decls, bd...), []ast.Stmt{&ast.For{Target: target, Iter: iter, Body: body}}
}

// lowerReduction returns a reduction of a comprehension and the kind of
// its value: sum (of ints or bools, of one or two clauses), min or max
// (of ints), any or all (of a generator of one clause, or of a list
// comprehension of up to two).
func (g *Generator) lowerReduction(st *lowerState) (ast.Expr, byte) {
	ck := ast.GenExp
	if g.r.IntN(4) == 0 {
		ck = ast.ListComp
	}
	switch k := g.r.IntN(10); {
	case k < 4:
		kind := byte('i')
		if g.r.IntN(3) == 0 {
			kind = 'b'
		}
		return call("sum", g.lowerComp(st, ck, kind, 2)), 'i'
	case k < 6:
		return call([]string{"min", "max"}[g.r.IntN(2)], g.lowerComp(st, ck, 'i', 2)), 'i'
	}
	clauses := 1
	if ck == ast.ListComp {
		clauses = 2
	}
	comp, vars := g.lowerCompVars(st, ck, 'b', clauses)
	if v, ok := g.lowerPickVar(vars, 'i'); ok && g.r.IntN(2) == 0 {
		// ZeroDivisionError at a zero element, which a generator's any()
		// or all() reaches only when no element before it decides
		op := []ast.CmpOp{ast.CmpLt, ast.CmpGt, ast.CmpEq}[g.r.IntN(3)]
		comp.Elt = lowerCmp(elemsBin(intLit(12), ast.OpFloorDiv, ident(v.name)), op, intLit(int64(g.r.IntN(5)-1)))
	}
	return call([]string{"any", "all"}[g.r.IntN(2)], comp), 'b'
}

// lowerBoolReduction returns a reduction of a comprehension whose value
// is a bool (any or all: an if's condition lower.go rewrites; an int
// reduction compared is not one).
func (g *Generator) lowerBoolReduction(st *lowerState) ast.Expr {
	for {
		if e, kind := g.lowerReduction(st); kind == 'b' {
			return e
		}
	}
}

// lowerIntReduction returns a reduction of a comprehension whose value
// is an int (sum, min or max).
func (g *Generator) lowerIntReduction(st *lowerState) ast.Expr {
	for {
		if e, kind := g.lowerReduction(st); kind == 'i' {
			return e
		}
	}
}

// lowerReduce returns the declarations and the statement of a
// reduction's use: the value of an assignment to a new local (or an int
// list's element), `sN += sum(...)`, the condition of an if (negated
// now and then) with an elif of another and an else now and then.
func (g *Generator) lowerReduce(st *lowerState, level int) ([]ast.Stmt, []ast.Stmt) {
	var decls []ast.Stmt
	switch k := g.r.IntN(10); {
	case k < 4:
		e, kind := g.lowerReduction(st)
		if kind == 'b' {
			n := g.lowerName("z")
			st.flags = append(st.flags, n)
			return []ast.Stmt{&ast.Assign{Target: ident(n), Value: &ast.BoolLit{}}}, []ast.Stmt{&ast.Assign{Target: ident(n), Value: e}}
		}
		if g.r.IntN(5) == 0 {
			l, _ := g.lowerPickList(st, 'i')
			return nil, []ast.Stmt{&ast.Assign{Target: elemsAt(l, intLit(int64(-g.r.IntN(2)))), Value: e}}
		}
		d, n := g.lowerScalar(st, "m", intLit(0))
		return []ast.Stmt{d}, []ast.Stmt{&ast.Assign{Target: ident(n), Value: e}}
	case k < 6:
		// n += sum(C for ...), a count of the elements that pass
		d, n := g.lowerScalar(st, "n", intLit(int64(g.r.IntN(3))))
		return []ast.Stmt{d}, []ast.Stmt{&ast.AugAssign{Target: ident(n), Op: ast.OpAdd,
			Value: call("sum", g.lowerComp(st, ast.GenExp, []byte{'b', 'i'}[g.r.IntN(2)], 2))}}
	}
	cond := func() ast.Expr {
		e := g.lowerBoolReduction(st)
		if g.r.IntN(3) == 0 {
			return &ast.Unary{Op: ast.OpNot, X: e}
		}
		return e
	}
	d, n := g.lowerScalar(st, "n", intLit(0))
	decls = append(decls, d)
	branch := func(k int64) []ast.Stmt {
		body := []ast.Stmt{&ast.AugAssign{Target: ident(n), Op: ast.OpAdd, Value: intLit(k)}}
		if level < 2 && g.r.IntN(4) == 0 {
			d, inner := g.lowerStmt(st, level+1)
			decls = append(decls, d...)
			body = append(body, inner...)
		}
		return body
	}
	s := &ast.If{Cond: cond(), Body: branch(1)}
	switch g.r.IntN(3) {
	case 0:
		s.Else = []ast.Stmt{&ast.If{Cond: cond(), Body: branch(10)}}
		if g.r.IntN(2) == 0 {
			s.Else[0].(*ast.If).Else = branch(100)
		}
	case 1:
		s.Else = branch(100)
	}
	return decls, []ast.Stmt{s}
}

// lowerAssignComp returns the declarations and the statement of a list
// comprehension (or list()) assigned to a list: a new one at the top
// level (of up to two clauses), an existing one of the same kind, its
// own elements' image now and then, elsewhere (of one clause, so that a
// loop around it cannot grow it beyond a few elements a turn).
func (g *Generator) lowerAssignComp(st *lowerState, level int) ([]ast.Stmt, []ast.Stmt) {
	if g.r.IntN(5) == 0 {
		return g.lowerJoin(st)
	}
	if level == 0 && g.r.IntN(2) == 0 {
		kind := byte('i')
		if g.r.IntN(4) == 0 {
			kind = 'b'
		}
		// the list is named after its statement: the comprehension reads
		// only lists made before it
		var value ast.Expr = g.lowerComp(st, ast.ListComp, kind, 2)
		if g.r.IntN(6) == 0 {
			l, _ := g.lowerPickList(st, 0)
			value, kind = call("list", ident(l)), st.lowerKindOf(l)
		}
		r := g.lowerName("r")
		if kind == 'b' {
			st.bools = append(st.bools, r)
		} else {
			st.ints = append(st.ints, r)
		}
		return nil, []ast.Stmt{&ast.Assign{Target: ident(r), Value: value}}
	}
	l, kind := g.lowerPickList(st, 0)
	if g.r.IntN(6) == 0 {
		m, _ := g.lowerPickList(st, kind)
		return nil, []ast.Stmt{&ast.Assign{Target: ident(l), Value: call("list", ident(m))}}
	}
	return nil, []ast.Stmt{&ast.Assign{Target: ident(l), Value: g.lowerComp(st, ast.ListComp, kind, 1)}}
}

// lowerJoin returns `jN = ",".join(str(E) for cN in lA if C)` and uN,
// an int local (declared at the top level) that shows its length, its
// characters and its last one; or now and then `lA.append(len(",".join(
// ...)))`, the generator in a method call's argument.
func (g *Generator) lowerJoin(st *lowerState) ([]ast.Stmt, []ast.Stmt) {
	comp := g.lowerComp(st, ast.GenExp, 'i', 1+g.r.IntN(2))
	comp.Elt = call("str", comp.Elt)
	sep := []string{",", "", " - "}[g.r.IntN(3)]
	join := &ast.Call{Func: &ast.Attribute{X: &ast.StrLit{Value: sep}, Name: ident("join")}, Args: []ast.Expr{comp}}
	if g.r.IntN(3) == 0 {
		l, _ := g.lowerPickList(st, 'i')
		return nil, []ast.Stmt{&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(l), Name: ident("append")},
			Args: []ast.Expr{call("len", join)}}}}
	}
	d, u := g.lowerScalar(st, "u", intLit(0))
	j, c := g.lowerName("j"), g.lowerName("c")
	chars := &ast.Comp{Kind: ast.GenExp, Elt: call("ord", ident(c)), Fors: []*ast.CompFor{{Target: ident(c), Iter: ident(j)}}}
	last := &ast.IfExp{Body: call("ord", elemsAt(j, intLit(-1))), Cond: ident(j), Else: intLit(0)}
	show := elemsBin(elemsBin(elemsBin(call("sum", chars), ast.OpMul, intLit(7)), ast.OpAdd, call("len", ident(j))),
		ast.OpAdd, elemsBin(last, ast.OpMul, intLit(1000)))
	return []ast.Stmt{d}, []ast.Stmt{&ast.Assign{Target: ident(j), Value: join}, &ast.Assign{Target: ident(u), Value: show}}
}

// lowerStmt returns one statement of the family (a tuple assignment, a
// loop over enumerate, zip or reversed, a comprehension assigned, a
// reduction used, or at levels 0 and 1 one of those inside a range loop
// or an if) with the declarations it needs, which the caller puts at the
// top level before it.
func (g *Generator) lowerStmt(st *lowerState, level int) ([]ast.Stmt, []ast.Stmt) {
	switch k := g.r.IntN(20); {
	case k < 4:
		return g.lowerSwap(st, level)
	case k < 9:
		return g.lowerLoop(st, level)
	case k < 12:
		return g.lowerAssignComp(st, level)
	case k < 16:
		return g.lowerReduce(st, level)
	case k < 18 && level < 2:
		kv := g.lowerName("k")
		stop := int64(1 + g.r.IntN(4))
		if g.r.IntN(10) == 0 {
			stop = 95 // a swap's values leave 64 bits
		}
		d, inner := g.lowerStmt(st, level+1)
		return d, []ast.Stmt{&ast.For{Target: ident(kv), Iter: call("range", intLit(stop)), Body: inner}}
	case k < 20 && level < 2:
		d, inner := g.lowerStmt(st, level+1)
		cond := []ast.Expr{ident("p"), lowerCmp(elemsBin(ident("a"), ast.OpMod, intLit(3)), ast.CmpNe, intLit(0))}[g.r.IntN(2)]
		return d, []ast.Stmt{&ast.If{Cond: cond, Body: inner}}
	}
	return g.lowerSwap(st, level)
}

// LowerProgram returns a function `f(a: int, b: int, x: float, y: float,
// p: bool) -> int` of two or three int lists (and a bool list now and
// then) and three to six statements of the forms core/check lowers (see
// above), one of them now and then returning a reduction early, whose
// result combines the function's int and bool locals and the lengths and
// sums of its lists reduced modulo 1000000007 (reducedProgram).
func (g *Generator) LowerProgram() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal, g.nloop, g.recBound, g.consts, g.counters, g.seen = 0, 0, 0, nil, nil, nil
	st := &lowerState{scalars: []string{"a", "b"}}
	var body []ast.Stmt
	for c := 2 + g.r.IntN(2); c > 0; c-- {
		body = append(body, g.lowerList(st, 'i')...)
	}
	if g.r.IntN(2) == 0 {
		body = append(body, g.lowerList(st, 'b')...)
	}
	n := 3 + g.r.IntN(4)
	early := -1
	if g.r.IntN(8) == 0 {
		early = g.r.IntN(n)
	}
	for c := 0; c < n; c++ {
		if c == early {
			// return sum(...), max(...): a reduction as a return's value
			e := g.lowerIntReduction(st)
			cond := []ast.Expr{ident("p"), lowerCmp(elemsBin(ident("b"), ast.OpMod, intLit(4)), ast.CmpEq, intLit(0))}[g.r.IntN(2)]
			body = append(body, &ast.If{Cond: cond, Body: []ast.Stmt{&ast.Return{Value: e}}})
			continue
		}
		decls, stmts := g.lowerStmt(st, 0)
		body = append(append(body, decls...), stmts...)
	}
	var shown []ast.Expr
	for _, s := range st.scalars {
		shown = append(shown, ident(s))
	}
	for _, z := range st.flags {
		shown = append(shown, &ast.IfExp{Body: intLit(2), Cond: ident(z), Else: intLit(5)})
	}
	for _, l := range append(append([]string(nil), st.ints...), st.bools...) {
		shown = append(shown, call("len", ident(l)), call("sum", ident(l)))
	}
	prog := g.reducedProgram(body, shown, false)
	if st.tuples {
		prog.File.Body = append(lowerTupleHelpers(), prog.File.Body...)
	}
	return prog
}
