package difftest

import (
	"math"
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The counting part of the generator: while loops that count, the shape
// of wasmgen's whilerange pass, which runs
//
//	iN = <start>                       (0, small, a parameter, near
//	                                     +-2**31 or the ends of i64; or
//	                                     a or a counter of a loop before,
//	                                     which goes on counting)
//	wN = 0                              (when the loop may run long)
//	while iN < E:                       (E a constant, 2**63-1 and near
//	    wN = wN + 1                      2**31 included; a parameter; a
//	    if wN > 300:                     local nN the loop does not
//	        break                        assign; len(lN))
//	    sN = sN + iN % 100              (none to three sums of small
//	    tN -= lN[iN]                     terms, sometimes a big one:
//	    if iN == 40:                     iN * 1000003; a break or return
//	        break                        under an if; an inner
//	    iN = iN + 3                      `for jN in range(3)` or counting
//	                                     while over jN)
//
// like a range loop: E read once, an interruption check per chunk of
// 1024 turns, and a fast copy without overflow checks for the sums of an
// innermost loop whose counter, stop and sums start small enough. The
// step is 1, 2, 3, 7 or 2**31-1; the sums start at 0, at a parameter,
// or near +-2**61 (both sides of the fast copy's entry test) or the ends
// of i64 (they overflow: CPython's big int, a refusal on WebAssembly);
// the counter crosses chunk boundaries now and then (stop - start = 1024
// steps, give or take one); now and then the loop sits in an outer
// `for oN in range(2)`, which sets its counter and guard again.
//
// A third of the loops are near misses the pass must leave alone,
// correct programs all the same: the step not last; a second assignment
// of the counter under an if, or an inner loop over it; a continue; the
// stop (a local) assigned in the loop, or the target of an inner loop;
// `iN <= E`; the list of len(lN) appended to (directly, through an alias
// or through the helper grow), popped, or its name bound to another
// list; the step spelled `iN = c + iN` or `iN -= -c`, or of 2**31, 0 or
// -1; the comparison written `E > iN`. Every loop ends within a few
// thousand turns: by its bounds, or by the guard counter wN (never the
// loop's own counter) and its break. The function returns its sums, the
// final values of its counters and guards, and the lengths of its lists,
// each reduced modulo 1000000007 before they are combined, so that a
// wrapped sum, a turn skipped or repeated, a break not honoured or a
// wrong final counter shows.

// countSpan is an interval of int values known when the program is
// written, in float64 (only its size matters: it bounds the turns of a
// loop), and the value itself when it is a constant (exact).
type countSpan struct {
	lo, hi float64
	exact  bool
	v      int64
}

// countExact returns the span of the constant v.
func countExact(v int64) countSpan {
	return countSpan{lo: float64(v), hi: float64(v), exact: true, v: v}
}

// countAnyInt is the span of an int the generator knows nothing of.
var countAnyInt = countSpan{lo: math.MinInt64, hi: math.MaxInt64}

// countMaxTurns is the most turns a loop may run without a guard counter.
const countMaxTurns = 2600

// countList is a list[int] local of a counting program: its name and the
// span of its length.
type countList struct {
	name string
	n    countSpan
}

// countState is what CountProgram knows while it writes a function: its
// lists, the counters of its loops so far (in order, each once), the
// expressions its result shows, and whether the module has the helper
// grow.
type countState struct {
	lists    []countList
	counters []string
	shown    []ast.Expr
	helper   bool
}

// countCmp returns the comparison x op y.
func countCmp(x ast.Expr, op ast.CmpOp, y ast.Expr) *ast.Compare {
	return &ast.Compare{Operands: []ast.Expr{x, y}, Ops: []ast.CmpOp{op}}
}

// countAdd returns x + d for constants, saturated at the ends of i64.
func countAdd(x, d int64) int64 {
	s := x + d
	switch {
	case d > 0 && s < x:
		return math.MaxInt64
	case d < 0 && s > x:
		return math.MinInt64
	}
	return s
}

// countElem returns an element of a list: mostly a small value (a
// remainder of a parameter, a small constant), now and then a large one
// (a parameter times 1000003, 2**40).
func (g *Generator) countElem() ast.Expr {
	switch k := g.r.IntN(10); {
	case k < 3:
		return elemsBin(ident("a"), ast.OpMod, intLit(100))
	case k < 5:
		return elemsBin(elemsBin(ident("b"), ast.OpMod, intLit(10)), ast.OpSub, intLit(5))
	case k < 9:
		return intLit(int64(g.r.IntN(20) - 5))
	}
	if g.r.IntN(2) == 0 {
		return intLit(1 << 40)
	}
	return elemsBin(ident("a"), ast.OpMul, intLit(1000003))
}

// countListStmts makes a list[int] local lN (a literal, a repetition of a
// length that depends on a, or appends in a range loop) and records it.
func (g *Generator) countListStmts(st *countState) []ast.Stmt {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	l := "l" + n
	var out []ast.Stmt
	var size countSpan
	switch g.r.IntN(4) {
	case 0:
		var el []ast.Expr
		for c := 1 + g.r.IntN(4); c > 0; c-- {
			el = append(el, g.countElem())
		}
		out = append(out, &ast.Assign{Target: ident(l), Value: &ast.ListLit{Elems: el}})
		size = countSpan{lo: float64(len(el)), hi: float64(len(el))}
	case 1:
		// a length of a's remainder: long enough, now and then, to span
		// chunks of 1024 turns
		k := []int64{5, 20, 200, 200, 2100}[g.r.IntN(5)]
		m := int64(g.r.IntN(3))
		count := elemsBin(elemsBin(ident("a"), ast.OpMod, intLit(k)), ast.OpAdd, intLit(m))
		out = append(out, &ast.Assign{Target: ident(l), Value: elemsBin(&ast.ListLit{Elems: []ast.Expr{g.countElem()}}, ast.OpMul, count)})
		size = countSpan{lo: float64(m), hi: float64(m + k - 1)}
	case 2:
		m := int64(g.r.IntN(40))
		q := "q" + n
		v := elemsBin(elemsBin(ident(q), ast.OpMul, intLit(7919)), ast.OpMod, intLit(1009))
		out = append(out,
			&ast.Assign{Target: ident(l), Value: &ast.ListLit{}},
			&ast.For{Target: ident(q), Iter: call("range", intLit(m)), Body: []ast.Stmt{elemsAppend(ident(l), v)}})
		size = countSpan{lo: float64(m), hi: float64(m)}
	default:
		m := int64(1 + g.r.IntN(10))
		out = append(out, &ast.Assign{Target: ident(l), Value: elemsBin(&ast.ListLit{Elems: []ast.Expr{g.countElem()}}, ast.OpMul, intLit(m))})
		size = countSpan{lo: float64(m), hi: float64(m)}
	}
	st.lists = append(st.lists, countList{name: l, n: size})
	st.shown = append(st.shown, call("len", ident(l)))
	return out
}

// countStart returns the first value of a fresh counter and its span: 0,
// a small constant, a parameter (reduced or not), near +-2**31 or the
// ends of i64, given or taken a small remainder of a parameter.
func (g *Generator) countStart(c int64) (ast.Expr, countSpan) {
	exact := func(v int64) (ast.Expr, countSpan) { return intLit(v), countExact(v) }
	switch k := g.r.IntN(14); {
	case k < 3:
		return exact(0)
	case k < 5:
		return exact(int64(g.r.IntN(16) - 5))
	case k < 6:
		return elemsBin(ident("a"), ast.OpMod, intLit(1000)), countSpan{lo: 0, hi: 999}
	case k < 7:
		return elemsBin(elemsBin(ident("b"), ast.OpMod, intLit(50)), ast.OpSub, intLit(25)), countSpan{lo: -25, hi: 24}
	case k < 8:
		return ident([]string{"a", "b"}[g.r.IntN(2)]), countAnyInt
	case k < 10:
		v := int64(1<<31) + int64(g.r.IntN(7)-3)
		if g.r.IntN(2) == 0 {
			v = -v
		}
		return exact(v)
	case k < 11:
		// 2**31 - a % 5, across the entry test of the fast copy
		return elemsBin(intLit(1<<31), ast.OpSub, elemsBin(ident("a"), ast.OpMod, intLit(5))), countSpan{lo: 1<<31 - 4, hi: 1 << 31}
	case k < 12:
		// a few steps short of the largest int
		return exact(math.MaxInt64 - int64(g.r.IntN(4))*c - int64(g.r.IntN(3)))
	case k < 13:
		return exact(math.MinInt64 + int64(g.r.IntN(5)))
	}
	return elemsBin(intLit(math.MaxInt64), ast.OpSub, elemsBin(ident("b"), ast.OpMod, intLit(10))), countSpan{lo: math.MaxInt64 - 9, hi: math.MaxInt64}
}

// countStop returns the stop of a loop whose counter starts in start and
// steps by c (mostly a stop the counter can reach), its span, the
// statements that must come before the loop (a local that holds it),
// and the list whose length it is, give or take one, which the loop may
// then read by its counter ("" when none).
func (g *Generator) countStop(st *countState, n string, start countSpan, c int64) (ast.Expr, countSpan, []ast.Stmt, string) {
	exact := func(v int64) (ast.Expr, countSpan, []ast.Stmt, string) {
		return intLit(v), countExact(v), nil, ""
	}
	// a stop where the counter starts, mostly, so that the loop runs
	switch {
	case start.lo >= 1<<62 && g.r.IntN(4) > 0:
		if g.r.IntN(3) > 0 {
			return exact(math.MaxInt64)
		}
		nn := "n" + n
		v := elemsBin(intLit(math.MaxInt64), ast.OpSub, elemsBin(ident("a"), ast.OpMod, intLit(3)))
		return ident(nn), countSpan{lo: math.MaxInt64 - 2, hi: math.MaxInt64}, []ast.Stmt{&ast.Assign{Target: ident(nn), Value: v}}, ""
	case start.lo >= 1<<30 && start.hi <= 1<<32 && g.r.IntN(2) == 0:
		if g.r.IntN(2) == 0 {
			return exact(int64(1<<31) + int64(g.r.IntN(5)-2))
		}
		nn := "n" + n
		v := elemsBin(intLit(1<<31), ast.OpAdd, elemsBin(ident("a"), ast.OpMod, intLit(5)))
		return ident(nn), countSpan{lo: 1 << 31, hi: 1<<31 + 4}, []ast.Stmt{&ast.Assign{Target: ident(nn), Value: v}}, ""
	case start.hi <= -(1<<30) && start.lo >= -(1<<32) && g.r.IntN(2) == 0:
		return exact(-(1 << 31) + int64(g.r.IntN(5)-2))
	}
	switch k := g.r.IntN(12); {
	case k < 3 && (start.exact || start.hi-start.lo < 2000 && math.Abs(start.lo) < 1<<62):
		// a few steps past the start, or a chunk of 1024 steps, give or
		// take one, from it
		m := []int64{0, 1, 2, 3, 10, 40, 100, 100}[g.r.IntN(8)]
		if g.r.IntN(10) == 0 {
			m = []int64{1023, 1024, 1025, 2048}[g.r.IntN(4)]
		}
		first := int64(start.lo)
		if start.exact {
			first = start.v
		}
		return exact(countAdd(countAdd(first, c*m), int64(g.r.IntN(3)-1)))
	case k < 3:
		return exact(int64(g.r.IntN(50)))
	case k < 4:
		return exact(math.MaxInt64)
	case k < 5:
		v := int64(1<<31) + int64(g.r.IntN(5)-2)
		if g.r.IntN(3) == 0 {
			v = -v
		}
		return exact(v)
	case k < 6:
		return ident([]string{"a", "b"}[g.r.IntN(2)]), countAnyInt, nil, ""
	case k < 9 || len(st.lists) == 0:
		// a local the loop does not assign, set in a branch now and then
		nn := "n" + n
		var v ast.Expr
		var span countSpan
		list := ""
		switch j := g.r.IntN(8); {
		case j < 3:
			v, span = elemsBin(ident("a"), ast.OpMod, intLit(300)), countSpan{lo: 0, hi: 299}
		case j < 4:
			v, span = elemsBin(elemsBin(ident("b"), ast.OpMod, intLit(40)), ast.OpSub, intLit(20)), countSpan{lo: -20, hi: 19}
		case j < 5:
			v, span = elemsBin(intLit(1<<31), ast.OpAdd, elemsBin(ident("a"), ast.OpMod, intLit(5))), countSpan{lo: 1 << 31, hi: 1<<31 + 4}
		case j < 6:
			v, span = elemsBin(intLit(math.MaxInt64), ast.OpSub, elemsBin(ident("a"), ast.OpMod, intLit(3))), countSpan{lo: math.MaxInt64 - 2, hi: math.MaxInt64}
		case j < 7 && len(st.lists) > 0:
			// one past the end now and then: the read of lN[iN] raises
			l := st.lists[g.r.IntN(len(st.lists))]
			d := int64(g.r.IntN(3) - 1)
			v, span, list = elemsBin(call("len", ident(l.name)), ast.OpAdd, intLit(d)), countSpan{lo: l.n.lo + float64(d), hi: l.n.hi + float64(d)}, l.name
		default:
			v, span = elemsBin(ident("b"), ast.OpMod, intLit(2500)), countSpan{lo: 0, hi: 2499}
		}
		pre := []ast.Stmt{&ast.Assign{Target: ident(nn), Value: v}}
		if g.r.IntN(5) == 0 {
			pre = []ast.Stmt{
				&ast.Assign{Target: ident(nn), Value: intLit(5)},
				&ast.If{Cond: ident("p"), Body: pre},
			}
			span = countSpan{lo: min(span.lo, 5), hi: max(span.hi, 5)}
		}
		return ident(nn), span, pre, list
	}
	l := st.lists[g.r.IntN(len(st.lists))]
	return call("len", ident(l.name)), l.n, nil, l.name
}

// countTerm returns a term of a sum in a loop over the counter i: mostly
// small (a remainder of i or of a parameter, a small constant, an element
// of list read by i when list is not "", i itself), now and then big (i
// times 1000003, a parameter, i * i).
func (g *Generator) countTerm(i, list string) ast.Expr {
	if g.r.IntN(7) == 0 {
		switch g.r.IntN(4) {
		case 0, 1:
			return elemsBin(ident(i), ast.OpMul, intLit(1000003))
		case 2:
			return ident([]string{"a", "b"}[g.r.IntN(2)])
		}
		return elemsBin(ident(i), ast.OpMul, ident(i))
	}
	switch k := g.r.IntN(12); {
	case k < 4:
		return elemsBin(ident(i), ast.OpMod, intLit([]int64{7, 100, 1000}[g.r.IntN(3)]))
	case k < 5:
		return elemsBin(elemsBin(ident(i), ast.OpMul, intLit(7919)), ast.OpMod, intLit(1009))
	case k < 6:
		return elemsBin(ident([]string{"a", "b"}[g.r.IntN(2)]), ast.OpMod, intLit(100))
	case k < 8:
		return intLit([]int64{5, -3, 1, 2}[g.r.IntN(4)])
	case k < 10 && list != "":
		return elemsAt(list, ident(i))
	case k < 11:
		return ident(i)
	}
	return elemsBin(ident(i), ast.OpMod, intLit(7))
}

// countSum returns a statement that adds (or subtracts) e to s, in one
// of its spellings.
func (g *Generator) countSum(s string, e ast.Expr) ast.Stmt {
	switch g.r.IntN(5) {
	case 0:
		return &ast.Assign{Target: ident(s), Value: elemsBin(ident(s), ast.OpAdd, e)}
	case 1:
		return &ast.Assign{Target: ident(s), Value: elemsBin(e, ast.OpAdd, ident(s))}
	case 2:
		return &ast.Assign{Target: ident(s), Value: elemsBin(ident(s), ast.OpSub, e)}
	case 3:
		return &ast.AugAssign{Target: ident(s), Op: ast.OpAdd, Value: e}
	}
	return &ast.AugAssign{Target: ident(s), Op: ast.OpSub, Value: e}
}

// countInit returns the first value of a sum: mostly 0 or small, now and
// then a parameter, a value near +-2**61 (on both sides of the fast
// copy's entry test), or near the ends of i64.
func (g *Generator) countInit() ast.Expr {
	around := func(v int64, k int64) ast.Expr {
		return elemsBin(intLit(v), ast.OpAdd, elemsBin(elemsBin(ident("a"), ast.OpMod, intLit(2*k+1)), ast.OpSub, intLit(k)))
	}
	switch k := g.r.IntN(16); {
	case k < 8:
		return intLit(0)
	case k < 10:
		return intLit(int64(g.r.IntN(20) - 5))
	case k < 11:
		return ident([]string{"a", "b"}[g.r.IntN(2)])
	case k < 13:
		return around(1<<61, 1000)
	case k < 14:
		return around(-(1 << 61), 1000)
	case k < 15:
		return elemsBin(intLit(math.MaxInt64), ast.OpSub, elemsBin(ident("b"), ast.OpMod, intLit(1000)))
	}
	return elemsBin(intLit(math.MinInt64+1), ast.OpAdd, elemsBin(ident("b"), ast.OpMod, intLit(1000)))
}

// countLeave returns a break (or now and then a return) under an if whose
// condition the counter i meets for some calls: i equal to or past a
// value it may reach, a sum past a bound, p and a remainder of i.
func (g *Generator) countLeave(i string, start countSpan, c int64, sums []string) ast.Stmt {
	var cond ast.Expr
	target := int64(g.r.IntN(40))
	switch {
	case start.exact:
		target = countAdd(start.v, c*int64(g.r.IntN(30)))
	case start.hi-start.lo < 2000 && math.Abs(start.lo) < 1<<62:
		target = countAdd(int64(start.lo), c*int64(g.r.IntN(30)))
	}
	switch g.r.IntN(5) {
	case 0:
		cond = countCmp(ident(i), ast.CmpEq, intLit(target))
	case 1:
		cond = countCmp(ident(i), ast.CmpGe, intLit(target))
	case 2:
		v := i
		if len(sums) > 0 {
			v = sums[g.r.IntN(len(sums))]
		}
		cond = countCmp(ident(v), ast.CmpGt, intLit(int64(g.r.IntN(500))))
	case 3:
		cond = &ast.Logic{X: ident("p"), Op: ast.OpAnd, Y: countCmp(elemsBin(ident(i), ast.OpMod, intLit(7)), ast.CmpEq, intLit(3))}
	default:
		cond = countCmp(ident(i), ast.CmpGt, ident("b"))
	}
	var leave ast.Stmt = &ast.Break{}
	if g.r.IntN(6) == 0 {
		s := i
		if len(sums) > 0 {
			s = sums[g.r.IntN(len(sums))]
		}
		leave = &ast.Return{Value: elemsBin(elemsBin(ident(s), ast.OpMod, intLit(1000000007)), ast.OpAdd, elemsBin(ident(i), ast.OpMod, intLit(1000)))}
	}
	return &ast.If{Cond: cond, Body: []ast.Stmt{leave}}
}

// countInsert returns body with s inserted at a random position in
// [from, len(body)].
func (g *Generator) countInsert(body []ast.Stmt, from int, s ast.Stmt) []ast.Stmt {
	at := from + g.r.IntN(len(body)-from+1)
	return append(body[:at], append([]ast.Stmt{s}, body[at:]...)...)
}

// The near misses of countLoop: loops the pass must leave alone.
const (
	countNearStepNotLast  = iota // a statement after the step
	countNearSecondStep          // another assignment of i under an if
	countNearContinue            // a continue under an if
	countNearStopAssigned        // the stop (a local) assigned in the loop
	countNearLe                  // i <= E
	countNearListChanged         // the list of len(L) appended to, popped or rebound
	countNearSpelling            // i = c + i, a step of 2**31, i -= -c, E > i
	countNearStepZero            // a step of 0 or -1
	countNearKinds
)

// countLoop returns one counting while loop (see above) and the
// statements before it, and records what the result shows.
func (g *Generator) countLoop(st *countState) []ast.Stmt {
	g.nloop++
	n := strconv.Itoa(g.nloop)
	w, j := "w"+n, "j"+n
	near := -1
	if g.r.IntN(3) == 0 {
		near = g.r.IntN(countNearKinds)
	}
	c := []int64{1, 1, 1, 2, 3, 7}[g.r.IntN(6)]
	if g.r.IntN(12) == 0 {
		c = 1<<31 - 1
	}
	// out are the statements before the loop, and again those that
	// set its counter and guard (an outer loop, now and then, runs them
	// and the loop twice)
	var out, again []ast.Stmt
	// the counter: fresh, the parameter a, or one of an earlier loop
	// that goes on counting from where it stopped
	i := "i" + n
	var start countSpan
	switch k := g.r.IntN(10); {
	case k < 1:
		i, start = "a", countAnyInt
	case k < 2 && len(st.counters) > 0:
		i, start = st.counters[g.r.IntN(len(st.counters))], countAnyInt
	default:
		var v ast.Expr
		v, start = g.countStart(c)
		again = append(again, &ast.Assign{Target: ident(i), Value: v})
	}
	isNew := true
	for _, v := range st.counters {
		if v == i {
			isNew = false
		}
	}
	if isNew {
		st.counters = append(st.counters, i)
	}
	// the stop; the near misses on the stop want a local or a list
	stop, stopSpan, pre, list := g.countStop(st, n, start, c)
	if near == countNearListChanged && list == "" {
		if len(st.lists) == 0 {
			out = append(out, g.countListStmts(st)...)
		}
		l := st.lists[g.r.IntN(len(st.lists))]
		stop, stopSpan, pre, list = call("len", ident(l.name)), l.n, nil, l.name
	}
	if near == countNearStopAssigned {
		if _, isName := stop.(*ast.Ident); !isName {
			nn := "n" + n
			pre = append(pre, &ast.Assign{Target: ident(nn), Value: stop})
			stop = ident(nn)
		}
	}
	out = append(out, pre...)
	// the turns: bounded by start and stop, else by a guard counter
	turns := (stopSpan.hi-start.lo)/float64(c) + 2
	guarded := near >= 0 || turns > countMaxTurns || g.r.IntN(6) == 0
	var body []ast.Stmt
	if guarded {
		limit := int64([]int{3, 40, 200, 200, 300}[g.r.IntN(5)])
		if g.r.IntN(12) == 0 {
			limit = 1100 // past a chunk
		}
		again = append(again, &ast.Assign{Target: ident(w), Value: intLit(0)})
		body = append(body,
			&ast.Assign{Target: ident(w), Value: elemsBin(ident(w), ast.OpAdd, intLit(1))},
			&ast.If{Cond: countCmp(ident(w), ast.CmpGt, intLit(limit)), Body: []ast.Stmt{&ast.Break{}}})
		st.shown = append(st.shown, ident(w))
	}
	guardLen := len(body)
	// the sums, each of its own accumulator now and then sharing one
	// (or none: the loop only counts)
	var sums []string
	nsums := 1 + g.r.IntN(3)
	if g.r.IntN(10) == 0 && near != countNearStepNotLast {
		nsums = 0
	}
	for k := nsums; k > 0; k-- {
		s := string("stu"[len(sums)]) + n
		if len(sums) > 0 && g.r.IntN(4) == 0 {
			s = sums[g.r.IntN(len(sums))]
		} else {
			out = append(out, &ast.Assign{Target: ident(s), Value: g.countInit()})
			sums = append(sums, s)
			st.shown = append(st.shown, ident(s))
		}
		body = append(body, g.countSum(s, g.countTerm(i, list)))
	}
	if g.r.IntN(4) == 0 {
		body = g.countInsert(body, guardLen, g.countLeave(i, start, c, sums))
	}
	if len(sums) > 0 && g.r.IntN(6) == 0 {
		// an inner loop, a range or a counting while: the while loop is
		// not innermost (no fast copy)
		s := sums[g.r.IntN(len(sums))]
		var e ast.Expr = ident(j)
		if g.r.IntN(2) == 0 {
			e = elemsBin(ident(i), ast.OpMod, intLit(5))
		}
		inner := []ast.Stmt{&ast.For{Target: ident(j), Iter: call("range", intLit(3)), Body: []ast.Stmt{g.countSum(s, e)}}}
		if g.r.IntN(2) == 0 {
			inner = []ast.Stmt{
				&ast.Assign{Target: ident(j), Value: intLit(0)},
				&ast.While{Cond: countCmp(ident(j), ast.CmpLt, intLit(3)), Body: []ast.Stmt{
					g.countSum(s, e), &ast.AugAssign{Target: ident(j), Op: ast.OpAdd, Value: intLit(1)}}},
			}
		}
		at := guardLen + g.r.IntN(len(body)-guardLen+1)
		body = append(body[:at], append(inner, body[at:]...)...)
	}
	// the step, last
	var step ast.Stmt = &ast.Assign{Target: ident(i), Value: elemsBin(ident(i), ast.OpAdd, intLit(c))}
	if g.r.IntN(2) == 0 {
		step = &ast.AugAssign{Target: ident(i), Op: ast.OpAdd, Value: intLit(c)}
	}
	var cond ast.Expr = countCmp(ident(i), ast.CmpLt, stop)
	switch near {
	case countNearStepNotLast:
		at := guardLen + g.r.IntN(len(body)-guardLen)
		body = append(body[:at], append([]ast.Stmt{step}, body[at:]...)...)
		step = nil
	case countNearSecondStep:
		var more ast.Stmt = &ast.AugAssign{Target: ident(i), Op: ast.OpAdd, Value: intLit(int64(1 + g.r.IntN(3)))}
		if g.r.IntN(3) == 0 {
			more = &ast.Assign{Target: ident(i), Value: elemsBin(ident(i), ast.OpSub, intLit(1))}
		}
		more = &ast.If{Cond: countCmp(elemsBin(ident(i), ast.OpMod, intLit(5)), ast.CmpEq, intLit(3)), Body: []ast.Stmt{more}}
		if g.r.IntN(4) == 0 {
			// the counter, the target of an inner loop
			more = &ast.For{Target: ident(i), Iter: call("range", intLit(2)), Body: []ast.Stmt{&ast.Pass{}}}
		}
		body = g.countInsert(body, guardLen, more)
	case countNearContinue:
		// every third turn skips the step (the guard still counts it)
		skip := &ast.If{Cond: countCmp(elemsBin(ident(w), ast.OpMod, intLit(3)), ast.CmpEq, intLit(int64(g.r.IntN(3)))), Body: []ast.Stmt{&ast.Continue{}}}
		body = g.countInsert(body, guardLen, skip)
	case countNearStopAssigned:
		nn := stop.(*ast.Ident).Name
		var change ast.Stmt = &ast.AugAssign{Target: ident(nn), Op: []ast.BinaryOp{ast.OpSub, ast.OpAdd}[g.r.IntN(2)], Value: intLit(int64(1 + g.r.IntN(2)))}
		switch g.r.IntN(5) {
		case 0, 1:
			change = &ast.If{Cond: countCmp(elemsBin(ident(i), ast.OpMod, intLit(4)), ast.CmpEq, intLit(1)), Body: []ast.Stmt{
				&ast.Assign{Target: ident(nn), Value: elemsBin(ident(nn), ast.OpSub, intLit(3))}}}
		case 2:
			// the stop, the target of an inner loop
			change = &ast.For{Target: ident(nn), Iter: call("range", intLit(int64(2+g.r.IntN(20)))), Body: []ast.Stmt{&ast.Pass{}}}
		}
		body = g.countInsert(body, guardLen, change)
	case countNearLe:
		cond = countCmp(ident(i), ast.CmpLe, stop)
	case countNearListChanged:
		var change ast.Stmt
		switch g.r.IntN(6) {
		case 0:
			change = elemsAppend(ident(list), elemsBin(ident(i), ast.OpMod, intLit(10)))
		case 1:
			m := "m" + n
			out = append(out, &ast.Assign{Target: ident(m), Value: ident(list)})
			change = elemsAppend(ident(m), intLit(int64(g.r.IntN(9))))
		case 2:
			change = &ast.If{Cond: countCmp(call("len", ident(list)), ast.CmpGt, intLit(2)), Body: []ast.Stmt{
				&ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(list), Name: ident("pop")}}}}}
		case 3, 4:
			// the name bound to another list, made now if need be: the
			// body stays light (no call), so the loop reaches lowering
			var others []string
			for _, l := range st.lists {
				if l.name != list {
					others = append(others, l.name)
				}
			}
			if len(others) == 0 {
				out = append(out, g.countListStmts(st)...)
				others = append(others, st.lists[len(st.lists)-1].name)
			}
			change = &ast.Assign{Target: ident(list), Value: ident(others[g.r.IntN(len(others))])}
		default:
			st.helper = true
			change = &ast.Assign{Target: ident("c" + n), Value: call("grow", ident(list), elemsBin(ident(i), ast.OpMod, intLit(100)))}
			out = append(out, &ast.Assign{Target: ident("c" + n), Value: intLit(0)})
			st.shown = append(st.shown, ident("c"+n))
		}
		if g.r.IntN(2) == 0 {
			change = &ast.If{Cond: countCmp(elemsBin(ident(w), ast.OpMod, intLit(2)), ast.CmpEq, intLit(0)), Body: []ast.Stmt{change}}
		}
		body = g.countInsert(body, guardLen, change)
	case countNearSpelling:
		switch g.r.IntN(4) {
		case 0:
			step = &ast.Assign{Target: ident(i), Value: elemsBin(intLit(c), ast.OpAdd, ident(i))}
		case 1:
			step = &ast.AugAssign{Target: ident(i), Op: ast.OpAdd, Value: intLit(1 << 31)}
		case 2:
			step = &ast.AugAssign{Target: ident(i), Op: ast.OpSub, Value: intLit(-c)}
		default:
			cond = countCmp(stop, ast.CmpGt, ident(i))
		}
	case countNearStepZero:
		// the loop runs until the guard stops it
		step = &ast.Assign{Target: ident(i), Value: elemsBin(ident(i), ast.OpAdd, intLit(int64(-g.r.IntN(2))))}
		if g.r.IntN(2) == 0 {
			step = &ast.AugAssign{Target: ident(i), Op: ast.OpAdd, Value: intLit(int64(-g.r.IntN(2)))}
		}
	}
	if near >= 0 && g.r.IntN(2) == 0 && len(again) > 0 && again[0].(*ast.Assign).Target.(*ast.Ident).Name == i {
		// a near miss that runs, mostly: from a start below most stops
		again[0] = &ast.Assign{Target: ident(i), Value: intLit(int64(-g.r.IntN(3)))}
	}
	if step != nil {
		body = append(body, step)
	}
	if g.r.IntN(4) == 0 {
		cond = &ast.Logic{X: cond, Op: ast.OpAnd, Y: g.countRest(st, i, list, sums)}
	}
	loop := append(again, &ast.While{Cond: cond, Body: body})
	if g.r.IntN(6) == 0 || near == countNearContinue && g.r.IntN(2) == 0 {
		// the loop nested in another: a break, a continue or the exit of
		// the while loop must not reach the outer loop
		loop = []ast.Stmt{&ast.For{Target: ident("o" + n), Iter: call("range", intLit(2)), Body: loop}}
		for _, a := range again {
			// bound before the outer loop too: the checker does not
			// count on range(2) to run its body
			out = append(out, &ast.Assign{Target: ident(a.(*ast.Assign).Target.(*ast.Ident).Name), Value: intLit(0)})
		}
	}
	return append(out, loop...)
}

// countRest returns R for a condition `iN < E and R`: a test of the
// counter that ends the loop early, of a sum, of the parameters (the same
// every turn), a builtin's value, or, as a near miss the pass must leave
// alone, a call of the helper grow that appends to the loop's list.
func (g *Generator) countRest(st *countState, i, list string, sums []string) ast.Expr {
	mod := func(x ast.Expr) ast.Expr {
		m := []int64{3, 5, 7, 11}[g.r.IntN(4)]
		return countCmp(elemsBin(x, ast.OpMod, intLit(m)), ast.CmpNe, intLit(int64(g.r.IntN(int(m)))))
	}
	switch k := g.r.IntN(8); {
	case k < 3:
		return mod(ident(i))
	case k < 4 && len(sums) > 0:
		return mod(ident(sums[g.r.IntN(len(sums))]))
	case k < 5:
		disk := countCmp(elemsBin(elemsBin(ident("x"), ast.OpMul, ident("x")), ast.OpAdd, elemsBin(ident("y"), ast.OpMul, ident("y"))),
			ast.CmpLe, &ast.FloatLit{Value: 4.0, Text: "4.0"})
		return &ast.Logic{X: ident("p"), Op: ast.OpOr, Y: disk}
	case k < 6 && list != "":
		return countCmp(call("len", ident(list)), ast.CmpGt, intLit(int64(g.r.IntN(3))))
	case k < 7 && list != "":
		st.helper = true
		return countCmp(call("grow", ident(list), intLit(1)), ast.CmpLt, intLit(int64(40+g.r.IntN(2000))))
	}
	return countCmp(call("abs", ident(i)), ast.CmpGe, intLit(int64(g.r.IntN(3))))
}

// CountProgram returns a function `f(a: int, b: int, x: float, y: float,
// p: bool) -> int` of one to three counting while loops (countLoop),
// after zero to two list[int] locals whose lengths and elements they
// may read, which returns its sums, the final values of its counters and
// the lengths of its lists, each reduced modulo 1000000007 and combined.
func (g *Generator) CountProgram() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal, g.nloop, g.recBound, g.consts, g.counters, g.seen = 0, 0, 0, nil, nil, nil
	st := &countState{}
	var body []ast.Stmt
	for k := g.r.IntN(3); k > 0; k-- {
		body = append(body, g.countListStmts(st)...)
	}
	loops := 1 + g.r.IntN(2)
	if g.r.IntN(6) == 0 {
		loops = 3
	}
	for ; loops > 0; loops-- {
		body = append(body, g.countLoop(st)...)
	}
	for _, c := range st.counters {
		st.shown = append(st.shown, ident(c))
	}
	return g.reducedProgram(body, st.shown, st.helper) // elemsgen.go
}
