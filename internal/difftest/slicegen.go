package difftest

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The slice family: slices of lists and strs, and the str methods the
// checker compiles, mixed with loops so that wasmgen's passes (loop
// versioning, list headers hoisted, element intervals, pointer loops)
// meet the new lists and strs they make:
//
//	lN = [e, e, e]                     (or [e] * K, or [] and
//	                                    lN.append(e) in a range loop)
//	mN = lN[a % 5:-1]                  (a copy, changed after: mN.append(e),
//	                                    mN[0] = 9 under len(mN) > 0; lN
//	                                    must not change, the result shows
//	                                    both)
//	len(lN[lo:hi]), sum(lN[::-2])      (bounds: small constants, negative
//	                                    ones, beyond the list, remainders
//	                                    of the parameters, lengths; steps:
//	                                    negative, large, 0 now and then:
//	                                    ValueError on both sides)
//	for xN in lN[lo:]: tN += xN * 3
//	for iN in range(len(lN)):          (a moving window: bounds of the
//	    tN += sum(lN[iN:iN + 2])        loop variable, the list growing in
//	                                    the loop now and then)
//	sum(lN[1:][::-1][lo:hi])           (slices of slices)
//	fN = [x, y, 0.5]; bN = [p, a > b]  (float and bool lists, sliced)
//	sN = "a,b " + chr(65 + b % 26)     (ASCII text: literals, chr() of
//	                                    small ints, str() of remainders)
//	len(sN.strip()), ord((sN.upper() + "~")[0]), sN[lo:hi:st]
//	wN = sN.split(","); "-".join(wN[1:])
//	for xN in wN: if xN.startswith("a"): cN += 1
//	sorted(lN[lo:hi], reverse=True)    (ints and words; mN.sort(reverse=
//	                                    False) of a copy)
//	f"{sN}|{a},{b > 0}"                (an f-string of the text: len and
//	                                    its last character)
//	sN.find("ab"), sN.count(","),      (empty needles too; replace's old
//	len(sN.replace(",", "-"))           never empty: a re-run in Python)
//	int(dN), int(xN or "0")            (decimal text, and now and then
//	                                    text int() refuses: see below)
//	for iN in range(len(sN)):          (a window over the text)
//	    if sN[iN:iN + 2] == "ab": cN += 1
//
// The result combines the lengths and sums of the lists (the copies and
// their originals), the accumulators of the loops and the ints computed
// from the strings. The texts are ASCII most of the time and otherwise
// hold Japanese, Hindi, accented letters, a euro sign and whitespace
// beyond ASCII (U+3000, U+00A0, U+2028), which slices, strip, split,
// find, count, replace and the rest take on WebAssembly, lower() and
// upper() too but for ß and the Greek (pycheck.py's "case"). split()
// never gets an empty separator (a refusal no event justifies, so the
// differential test would report it). int() now and then reads text it
// refuses (sliceBadDecimals: CPython's ValueError, non-ASCII digits, a
// big int), which pycheck.py's "inttext" justifies.

// sliceState is what SliceProgram knows while it writes a function: its
// list[int] locals with the lengths they had when made (the bounds of
// their slices lean around them), and its str locals.
type sliceState struct {
	lists []sliceList
	strs  []string
}

// sliceList is a list[int] local and about its length.
type sliceList struct {
	name string
	size int
}

// sliceTexts are the str literals of the texts: empty, ASCII words with
// spaces, commas, tabs and newlines, the separators \x1c and \x1f (which
// split() and strip() take for whitespace), digits and signs; and text
// beyond ASCII (sliceWideTexts).
var sliceTexts = []string{
	"", " ", "a", "ab", "Ab,c", " x y ", "Hello, World", "1,2,,3", "a\tb\nc", "  pad  ",
	"UP low", ",", "abc,def,ghi", "q", "\x1c x \x1f", "12", "-7", " 42 ", "ba", "A",
}

// sliceSorted returns sorted(x), or sorted(x, reverse=R) now and then.
func (g *Generator) sliceSorted(x ast.Expr) ast.Expr {
	c := &ast.Call{Func: ident("sorted"), Args: []ast.Expr{x}}
	if g.r.IntN(2) == 0 {
		c.Keywords = []*ast.Keyword{{Name: ident("reverse"), Value: &ast.BoolLit{Value: g.r.IntN(3) > 0}}}
	}
	return c
}

// sliceWideTexts are texts beyond ASCII: Japanese with an ideographic
// space and comma, Hindi with its combining signs, accented letters, a
// euro sign, an emoji, and the whitespace U+00A0, U+2028 and U+3000 (the
// zero-width space U+200B is not whitespace).
var sliceWideTexts = []string{
	"日本語", "東京、大阪", "\u3000本 ", "नमस्ते दुनिया", "é,è", "a€b", "😀x", "\u00a0a\u2028b\u00a0", "x\u200by", "Ünïcödé",
	"Straße", "ΣΟΦΙΑ", "ŁÓDŹ ĳs",
}

// sliceSeps are the separators of split(sep) (never empty: an empty one
// raises ValueError in CPython, and traps compiled code, see above).
var sliceSeps = []string{",", ", ", " ", "a", ",,", "ab", "-", "、", "é"}

// sliceJoins are the separators of join.
var sliceJoins = []string{"", ",", "-", " ", ", ", "・"}

// sliceAffixes are the arguments of startswith and endswith.
var sliceAffixes = []string{"", "a", "A", "ab", " ", ",", "1", "Hello", "x", "日", "é"}

// sliceDecimals are texts int() reads: signs, whitespace around (9 to 13
// and the space), underscores between digits, leading zeros, the ends of
// 64 bits.
var sliceDecimals = []string{"0", "7", "42", "-12", "+3", " 9 ", "1_000", "007", "\t5\n", "-0",
	"9223372036854775807", "-9223372036854775808"}

// sliceBadDecimals are texts compiled int() refuses (pycheck.py's
// "inttext"): CPython raises ValueError for most, reads non-ASCII digits,
// and gives a big int beyond 64 bits.
var sliceBadDecimals = []string{"", "1.5", "abc", "1__0", "_1", "0x10", "1 2", "+", "\x1c7",
	"\u0663", "\u00a012", "9223372036854775808", "-9223372036854775809"}

// SliceProgram returns a function that slices int lists (now and then
// float or bool lists) and ASCII strs and calls str methods (see above),
// whose result combines what it computed.
func (g *Generator) SliceProgram() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal, g.nloop, g.recBound, g.consts, g.counters, g.seen = 0, 0, 0, nil, nil, nil
	st := &sliceState{}
	var body []ast.Stmt
	var shown []ast.Expr
	add := func(stmts []ast.Stmt, more []ast.Expr) {
		body = append(body, stmts...)
		shown = append(shown, more...)
	}
	// a list and a text always, in either order, then up to two more
	// parts of any kind
	parts := []int{0, 1}
	if g.r.IntN(2) == 0 {
		parts = []int{1, 0}
	}
	for n := g.r.IntN(3); n > 0; n-- {
		parts = append(parts, g.r.IntN(5))
	}
	for _, k := range parts {
		switch k {
		case 0, 2:
			add(g.sliceListStmts(st))
		case 1, 3:
			add(g.sliceStrStmts(st))
		default:
			add(g.sliceOtherList())
		}
	}
	// the shown values folded eight at a time into locals: the printer
	// parenthesizes every operation, and CPython's parser refuses more
	// than 200 nested parentheses
	var folded []ast.Expr
	for len(shown) > 0 {
		k := min(len(shown), 8)
		h := g.lowerName("h")
		body = append(body, sliceAssign(h, sliceFold(shown[:k])))
		folded, shown = append(folded, ident(h)), shown[k:]
	}
	return g.reducedProgram(body, folded, false)
}

// sliceFold returns the combination of shown that reducedProgram returns.
func sliceFold(shown []ast.Expr) ast.Expr {
	var ret ast.Expr = intLit(0)
	for _, e := range shown {
		part := elemsBin(e, ast.OpMod, intLit(1000000007))
		ret = elemsBin(elemsBin(elemsBin(ret, ast.OpMul, intLit(31)), ast.OpAdd, part), ast.OpMod, intLit(1000000007))
	}
	return ret
}

// sliceAssign returns `name = v`.
func sliceAssign(name string, v ast.Expr) ast.Stmt { return &ast.Assign{Target: ident(name), Value: v} }

// sliceAdd returns `name += v`.
func sliceAdd(name string, v ast.Expr) ast.Stmt {
	return &ast.AugAssign{Target: ident(name), Op: ast.OpAdd, Value: v}
}

// sliceCut returns x[lo:hi:step]; absent parts are nil.
func sliceCut(x, lo, hi, step ast.Expr) ast.Expr {
	return &ast.Index{X: x, Index: &ast.Slice{Lo: lo, Hi: hi, Step: step}}
}

// sliceMethod returns the call x.name(args...).
func sliceMethod(x ast.Expr, name string, args ...ast.Expr) ast.Expr {
	return &ast.Call{Func: &ast.Attribute{X: x, Name: ident(name)}, Args: args}
}

// sliceStr returns the str literal s.
func sliceStr(s string) ast.Expr { return &ast.StrLit{Value: s} }

// sliceCount returns `1 if cond else 0`: a condition shown as an int.
func sliceCount(cond ast.Expr) ast.Expr {
	return &ast.IfExp{Body: intLit(1), Cond: cond, Else: intLit(0)}
}

// sliceNonEmpty returns `len(x) > 0`.
func sliceNonEmpty(x ast.Expr) ast.Expr {
	return lowerCmp(call("len", x), ast.CmpGt, intLit(0))
}

// slicePick returns one of xs.
func (g *Generator) slicePick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// sliceParam returns the int parameter a or b.
func (g *Generator) sliceParam() ast.Expr { return ident([]string{"a", "b"}[g.r.IntN(2)]) }

// sliceElem returns an element of an int list: mostly small (a constant,
// a remainder of a parameter, a hash of the range loop variable q when q
// is not empty), now and then any int expression reduced, rarely a large
// value (whose sums leave 64 bits: a refusal for overflow).
func (g *Generator) sliceElem(q string) ast.Expr {
	switch k := g.r.IntN(20); {
	case k < 8:
		return intLit(int64(g.r.IntN(26) - 5))
	case k < 13:
		m := int64(2 + g.r.IntN(20))
		e := elemsBin(g.sliceParam(), ast.OpMod, intLit(m))
		if g.r.IntN(2) == 0 {
			e = elemsBin(e, ast.OpSub, intLit(m/2))
		}
		return e
	case k < 16 && q != "":
		return elemsBin(elemsBin(ident(q), ast.OpMul, intLit(7)), ast.OpMod, intLit(int64(3+g.r.IntN(20))))
	case k < 19:
		return elemsBin(g.expr('i'), ast.OpMod, intLit(int64(2+g.r.IntN(50))))
	}
	return []func() ast.Expr{
		func() ast.Expr { return g.sliceParam() },
		func() ast.Expr { return intLit(1 << 62) },
		func() ast.Expr { return elemsBin(g.sliceParam(), ast.OpMul, intLit(1000003)) },
	}[g.r.IntN(3)]()
}

// sliceBound returns a bound of a slice of a sequence of about size
// elements: small constants (negative ones too), values beyond the ends,
// remainders of the parameters, lengths, a bool now and then, any int
// rarely (CPython clamps it), or, when loop is not empty, the loop's
// variable and its neighbours (a moving window). of is the sequence, for
// len(of) (nil: none).
func (g *Generator) sliceBound(size int, loop string, of func() ast.Expr) ast.Expr {
	if loop != "" && g.r.IntN(3) > 0 {
		switch g.r.IntN(5) {
		case 0, 1:
			return ident(loop)
		case 2:
			return elemsBin(ident(loop), ast.OpAdd, intLit(int64(1+g.r.IntN(3))))
		case 3:
			return elemsBin(ident(loop), ast.OpSub, intLit(int64(1+g.r.IntN(2))))
		}
		return &ast.Unary{Op: ast.OpNeg, X: ident(loop)}
	}
	switch k := g.r.IntN(20); {
	case k < 8:
		return intLit(int64(g.r.IntN(size+5) - 3))
	case k < 10:
		// beyond either end
		v := int64(size + 2 + g.r.IntN(5))
		if g.r.IntN(4) == 0 {
			v = 100
		}
		if g.r.IntN(2) == 0 {
			v = -v
		}
		return intLit(v)
	case k < 14:
		m := int64(2 + g.r.IntN(8))
		e := elemsBin(g.sliceParam(), ast.OpMod, intLit(m))
		if g.r.IntN(2) == 0 {
			e = elemsBin(e, ast.OpSub, intLit(m/2+1))
		}
		return e
	case k < 16 && of != nil:
		e := call("len", of())
		switch g.r.IntN(3) {
		case 0:
			return elemsBin(e, ast.OpSub, intLit(int64(1+g.r.IntN(2))))
		case 1:
			return elemsBin(e, ast.OpFloorDiv, intLit(2))
		}
		return e
	case k < 17:
		return ident("p")
	case k < 18:
		return g.sliceParam() // of any size
	}
	return intLit(int64(g.r.IntN(size+3) - 1))
}

// sliceStep returns a step: mostly 1, 2, 3 or their opposites, sometimes
// large (beyond any list, the ends of 64 bits) or a parameter's remainder
// (nonzero, or zero for some calls), rarely 0 (ValueError).
func (g *Generator) sliceStep() ast.Expr {
	switch k := g.r.IntN(40); {
	case k < 26:
		return intLit([]int64{1, 2, 3, -1, -1, -2, -3}[g.r.IntN(7)])
	case k < 31:
		return intLit([]int64{5, 100, -100, 1 << 62, -(1 << 62), 1<<63 - 1, -1 << 63}[g.r.IntN(7)])
	case k < 34:
		return elemsBin(elemsBin(g.sliceParam(), ast.OpMod, intLit(3)), ast.OpAdd, intLit(1))
	case k < 37:
		return elemsBin(&ast.Unary{Op: ast.OpNeg, X: elemsBin(g.sliceParam(), ast.OpMod, intLit(4))}, ast.OpSub, intLit(1))
	case k < 39:
		return elemsBin(elemsBin(g.sliceParam(), ast.OpMod, intLit(7)), ast.OpSub, intLit(3)) // zero for a seventh of the calls
	}
	return intLit(0)
}

// sliceSub returns a slice of x in one of the forms x[a:b], x[a:],
// x[:b], x[::c], x[a:b:c], x[:], x[a::c] and x[:b:c], for a sequence of
// about size elements; of makes x again for bounds of its length (nil
// when x is not a name: no such bounds), loop is for sliceBound.
func (g *Generator) sliceSub(x ast.Expr, of func() ast.Expr, size int, loop string) ast.Expr {
	b := func() ast.Expr { return g.sliceBound(size, loop, of) }
	switch g.r.IntN(12) {
	case 0, 1, 2:
		return sliceCut(x, b(), b(), nil)
	case 3, 4:
		return sliceCut(x, b(), nil, nil)
	case 5:
		return sliceCut(x, nil, b(), nil)
	case 6, 7:
		return sliceCut(x, nil, nil, g.sliceStep())
	case 8, 9:
		return sliceCut(x, b(), b(), g.sliceStep())
	case 10:
		if g.r.IntN(2) == 0 {
			return sliceCut(x, nil, nil, nil)
		}
		return sliceCut(x, b(), nil, g.sliceStep())
	}
	return sliceCut(x, nil, b(), g.sliceStep())
}

// sliceOfName is sliceSub of the local name.
func (g *Generator) sliceOfName(name string, size int, loop string) ast.Expr {
	return g.sliceSub(ident(name), func() ast.Expr { return ident(name) }, size, loop)
}

// sliceListStmts makes a list[int] local and uses it one to three times
// (sliceListUse); it returns the statements and the int expressions that
// show what they computed.
func (g *Generator) sliceListStmts(st *sliceState) ([]ast.Stmt, []ast.Expr) {
	name := g.lowerName("l")
	var out []ast.Stmt
	size := 0
	switch k := g.r.IntN(9); {
	case k < 4:
		size = 1 + g.r.IntN(7)
		var el []ast.Expr
		for len(el) < size {
			el = append(el, g.sliceElem(""))
		}
		out = append(out, sliceAssign(name, &ast.ListLit{Elems: el}))
	case k < 5:
		size = g.r.IntN(6)
		out = append(out, sliceAssign(name, elemsBin(&ast.ListLit{Elems: []ast.Expr{g.sliceElem("")}}, ast.OpMul, intLit(int64(size)))))
	case k < 8:
		size = 2 + g.r.IntN(8)
		q := g.lowerName("q")
		out = append(out, sliceAssign(name, &ast.ListLit{}),
			&ast.For{Target: ident(q), Iter: call("range", intLit(int64(size))), Body: []ast.Stmt{
				elemsAppend(ident(name), g.sliceElem(q))}})
	default:
		// one element or none ([e] * 0: a bare [] has no element type
		// for the checker until an append)
		size = g.r.IntN(2)
		out = append(out, sliceAssign(name, elemsBin(&ast.ListLit{Elems: []ast.Expr{g.sliceElem("")}}, ast.OpMul, intLit(int64(size)))))
	}
	l := sliceList{name, size}
	st.lists = append(st.lists, l)
	var shown []ast.Expr
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		stmts, more := g.sliceListUse(st, l)
		out = append(out, stmts...)
		shown = append(shown, more...)
	}
	shown = append(shown, call("len", ident(name)), call("sum", ident(name)))
	return out, shown
}

// sliceListUse returns one use of the list l: a copy changed after, a
// slice's length and sum, a loop over a slice, a moving window, slices
// of slices, a slice searched, the list growing from its own slices, or
// a reversed copy walked beside it.
func (g *Generator) sliceListUse(st *sliceState, l sliceList) ([]ast.Stmt, []ast.Expr) {
	x := func() ast.Expr { return ident(l.name) }
	switch g.r.IntN(10) {
	case 0, 1:
		// a copy, changed: the original must not change
		m := g.lowerName("m")
		out := []ast.Stmt{sliceAssign(m, g.sliceOfName(l.name, l.size, ""))}
		for n := 1 + g.r.IntN(3); n > 0; n-- {
			switch g.r.IntN(4) {
			case 0, 1:
				out = append(out, elemsAppend(ident(m), g.sliceElem("")))
			case 2:
				out = append(out, &ast.If{Cond: sliceNonEmpty(ident(m)), Body: []ast.Stmt{
					&ast.Assign{Target: elemsAt(m, intLit(0)), Value: intLit(9)}}})
			default:
				out = append(out, &ast.If{Cond: sliceNonEmpty(ident(m)), Body: []ast.Stmt{
					&ast.AugAssign{Target: elemsAt(m, intLit(-1)), Op: ast.OpAdd, Value: g.sliceElem("")}}})
			}
		}
		st.lists = append(st.lists, sliceList{m, l.size})
		return out, []ast.Expr{call("len", ident(m)), call("sum", ident(m)), call("sum", x()), call("len", x())}
	case 2:
		if g.r.IntN(2) == 0 {
			// sorted, now and then reverse=: the first two and the last,
			// whose order shows, and the copy sorted in place
			srt := g.sliceSorted(g.sliceOfName(l.name, l.size, ""))
			m := g.lowerName("m")
			var sortStmt ast.Stmt = &ast.ExprStmt{X: sliceMethod(ident(m), "sort")}
			if g.r.IntN(2) == 0 {
				sortStmt = &ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: ident(m), Name: ident("sort")},
					Keywords: []*ast.Keyword{{Name: ident("reverse"), Value: &ast.BoolLit{Value: g.r.IntN(2) == 0}}}}}
			}
			st.lists = append(st.lists, sliceList{m, l.size})
			return []ast.Stmt{sliceAssign(m, g.sliceOfName(l.name, l.size, "")), sortStmt},
				[]ast.Expr{call("sum", sliceCut(srt, nil, intLit(2), nil)), call("sum", sliceCut(srt, intLit(-1), nil, nil)),
					call("sum", sliceCut(ident(m), nil, intLit(2), nil)), call("len", srt)}
		}
		return nil, []ast.Expr{call("len", g.sliceOfName(l.name, l.size, "")), call("sum", g.sliceOfName(l.name, l.size, ""))}
	case 3:
		// a loop over a slice
		t, e := g.lowerName("t"), g.lowerName("x")
		var step ast.Stmt = sliceAdd(t, elemsBin(ident(e), ast.OpMul, intLit(int64(1+g.r.IntN(5)))))
		if g.r.IntN(2) == 0 {
			step = sliceAssign(t, elemsBin(elemsBin(elemsBin(ident(t), ast.OpMul, intLit(31)), ast.OpAdd, ident(e)), ast.OpMod, intLit(1000003)))
		}
		return []ast.Stmt{sliceAssign(t, intLit(0)),
			&ast.For{Target: ident(e), Iter: g.sliceOfName(l.name, l.size, ""), Body: []ast.Stmt{step}}}, []ast.Expr{ident(t)}
	case 4, 5:
		return g.sliceWindow(l)
	case 6:
		// slices of slices, at once or through a local
		inner := g.sliceOfName(l.name, l.size, "")
		outer := g.sliceSub(inner, nil, l.size, "")
		if g.r.IntN(3) == 0 {
			outer = g.sliceSub(outer, nil, l.size, "")
		}
		if g.r.IntN(2) == 0 {
			n := g.lowerName("n")
			return []ast.Stmt{sliceAssign(n, g.sliceOfName(l.name, l.size, ""))},
				[]ast.Expr{call("sum", g.sliceOfName(n, l.size, "")), call("len", ident(n))}
		}
		return nil, []ast.Expr{call([]string{"sum", "len"}[g.r.IntN(2)], outer)}
	case 7:
		// a slice searched, its extremes
		w := g.lowerName("w")
		var ext ast.Expr = &ast.IfExp{Body: call([]string{"min", "max"}[g.r.IntN(2)], ident(w)), Cond: sliceNonEmpty(ident(w)), Else: intLit(-1)}
		return []ast.Stmt{sliceAssign(w, g.sliceOfName(l.name, l.size, ""))}, []ast.Expr{
			sliceCount(&ast.Compare{Operands: []ast.Expr{g.sliceElem(""), ident(w)}, Ops: []ast.CmpOp{[]ast.CmpOp{ast.CmpIn, ast.CmpNotIn}[g.r.IntN(2)]}}),
			ext}
	case 8:
		// the list grows from its own slices (or shifts: l = l[1:] + [e])
		i := g.lowerName("i")
		var body ast.Stmt
		switch g.r.IntN(3) {
		case 0:
			body = elemsAppend(x(), elemsBin(call("sum", sliceCut(x(), intLit(-2), nil, nil)), ast.OpMod, intLit(1009)))
		case 1:
			body = sliceAssign(l.name, elemsBin(sliceCut(x(), intLit(1), nil, nil), ast.OpAdd, &ast.ListLit{Elems: []ast.Expr{ident(i)}}))
		default:
			body = elemsAppend(x(), call("len", g.sliceOfName(l.name, l.size, i)))
		}
		return []ast.Stmt{&ast.For{Target: ident(i), Iter: call("range", intLit(int64(1+g.r.IntN(6)))), Body: []ast.Stmt{body}}}, nil
	}
	// a reversed (or strided) copy walked beside the list: both indexed
	// by the loop variable
	r, t, i := g.lowerName("r"), g.lowerName("t"), g.lowerName("i")
	var rev ast.Expr = sliceCut(x(), nil, nil, intLit(-1))
	if g.r.IntN(3) == 0 {
		rev = g.sliceOfName(l.name, l.size, "")
	}
	return []ast.Stmt{sliceAssign(r, rev), sliceAssign(t, intLit(0)),
		&ast.For{Target: ident(i), Iter: call("range", call("len", ident(r))), Body: []ast.Stmt{
			sliceAdd(t, elemsBin(elemsAt(r, ident(i)), ast.OpMul, elemsAt(l.name, ident(i))))}}}, []ast.Expr{ident(t)}
}

// sliceWindow returns a range loop whose body slices the list l with
// bounds of the loop variable (a moving window), reads l[i] when the
// range is l's indexes, and now and then appends to l or to a copy.
func (g *Generator) sliceWindow(l sliceList) ([]ast.Stmt, []ast.Expr) {
	x := func() ast.Expr { return ident(l.name) }
	t, i := g.lowerName("t"), g.lowerName("i")
	var iter ast.Expr
	indexes := false
	switch g.r.IntN(6) {
	case 0, 1:
		iter, indexes = call("range", call("len", x())), true
	case 2:
		iter = call("range", elemsBin(call("len", x()), ast.OpAdd, intLit(int64(1+g.r.IntN(2)))))
	case 3:
		iter = call("range", intLit(int64(g.r.IntN(l.size+3))))
	case 4:
		iter = call("range", intLit(-2), call("len", x()))
	default:
		iter = call("range", elemsBin(call("len", x()), ast.OpSub, intLit(1)), intLit(-1), intLit(-1))
	}
	var body []ast.Stmt
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		w := int64(1 + g.r.IntN(3))
		switch g.r.IntN(6) {
		case 0, 1:
			body = append(body, sliceAdd(t, call("sum", sliceCut(x(), ident(i), elemsBin(ident(i), ast.OpAdd, intLit(w)), nil))))
		case 2:
			body = append(body, sliceAdd(t, call("len", g.sliceOfName(l.name, l.size, i))))
		case 3:
			body = append(body, sliceAssign(t, elemsBin(elemsBin(elemsBin(ident(t), ast.OpMul, intLit(7)), ast.OpAdd,
				call("sum", g.sliceOfName(l.name, l.size, i))), ast.OpMod, intLit(1000003))))
		case 4:
			v := g.lowerName("w")
			body = append(body, sliceAssign(v, sliceCut(x(), ident(i), elemsBin(ident(i), ast.OpAdd, intLit(w)), nil)),
				&ast.If{Cond: sliceNonEmpty(ident(v)), Body: []ast.Stmt{
					sliceAdd(t, call([]string{"min", "max"}[g.r.IntN(2)], ident(v)))}})
		default:
			m := g.lowerName("m")
			body = append(body, sliceAssign(m, sliceCut(x(), ident(i), nil, nil)), elemsAppend(ident(m), ident(i)),
				sliceAdd(t, elemsBin(call("len", ident(m)), ast.OpAdd, elemsAt(m, intLit(-1)))))
		}
	}
	if indexes && g.r.IntN(2) == 0 {
		body = append(body, sliceAdd(t, elemsAt(l.name, ident(i))))
	}
	if g.r.IntN(5) == 0 {
		// the list grows in the loop (a range over its length runs the
		// length it had at the start)
		body = append(body, &ast.If{Cond: lowerCmp(elemsBin(ident(i), ast.OpMod, intLit(2)), ast.CmpEq, intLit(0)),
			Body: []ast.Stmt{elemsAppend(x(), ident(i))}})
	}
	return []ast.Stmt{sliceAssign(t, intLit(0)), &ast.For{Target: ident(i), Iter: iter, Body: body}}, []ast.Expr{ident(t)}
}

// sliceOtherList makes a float or a bool list and shows its slices:
// lengths, a loop counting elements above x, the extremes of a slice
// compared, sums of bools, True searched.
func (g *Generator) sliceOtherList() ([]ast.Stmt, []ast.Expr) {
	name := g.lowerName("f")
	size := 1 + g.r.IntN(5)
	var el []ast.Expr
	if g.r.IntN(2) == 0 {
		for len(el) < size {
			el = append(el, g.expr('f'))
		}
		// (sum() of floats stays in Python: its rounding depends on the
		// version)
		t, e, w := g.lowerName("t"), g.lowerName("x"), g.lowerName("w")
		return []ast.Stmt{sliceAssign(name, &ast.ListLit{Elems: el}), sliceAssign(t, intLit(0)),
				&ast.For{Target: ident(e), Iter: g.sliceOfName(name, size, ""), Body: []ast.Stmt{
					&ast.If{Cond: lowerCmp(ident(e), ast.CmpGt, ident("x")), Body: []ast.Stmt{sliceAdd(t, intLit(1))}}}},
				sliceAssign(w, g.sliceOfName(name, size, "")),
				&ast.If{Cond: sliceNonEmpty(ident(w)), Body: []ast.Stmt{&ast.If{
					Cond: lowerCmp(call([]string{"min", "max"}[g.r.IntN(2)], ident(w)), ast.CmpGt, &ast.FloatLit{Text: "0.0"}),
					Body: []ast.Stmt{sliceAdd(t, intLit(10))}}}}},
			[]ast.Expr{ident(t), call("len", g.sliceOfName(name, size, "")), call("len", ident(w))}
	}
	for len(el) < size {
		el = append(el, g.expr('b'))
	}
	return []ast.Stmt{sliceAssign(name, &ast.ListLit{Elems: el})},
		[]ast.Expr{call("sum", g.sliceOfName(name, size, "")), call("len", g.sliceOfName(name, size, "")),
			sliceCount(&ast.Compare{Operands: []ast.Expr{&ast.BoolLit{Value: true}, g.sliceOfName(name, size, "")}, Ops: []ast.CmpOp{ast.CmpIn}})}
}

// sliceTextPiece returns a piece of text: a literal, chr() of a
// small int (a digit, a letter, a printable character, now and then any
// ASCII character), str() of a remainder or of a parameter, a literal
// repeated, or a slice or a method's result of an earlier text.
func (g *Generator) sliceTextPiece(st *sliceState) ast.Expr {
	switch k := g.r.IntN(20); {
	case k < 6:
		return sliceStr(g.slicePick(sliceTexts))
	case k < 7:
		return sliceStr(g.slicePick(sliceWideTexts))
	case k < 11:
		j := g.r.IntN(4)
		base, m := []int64{48, 65, 97, 32}[j], []int64{10, 26, 26, 95}[j]
		return call("chr", elemsBin(intLit(base), ast.OpAdd, elemsBin(g.sliceParam(), ast.OpMod, intLit(m))))
	case k < 12:
		return call("chr", elemsBin(g.sliceParam(), ast.OpMod, intLit(128)))
	case k < 13:
		return call("chr", intLit([]int64{9, 10, 32, 44, 28, 31, 65, 97, 48}[g.r.IntN(9)]))
	case k < 15:
		if g.r.IntN(2) == 0 {
			return call("str", g.sliceParam())
		}
		return call("str", elemsBin(g.sliceParam(), ast.OpMod, intLit(100)))
	case k < 16:
		return elemsBin(sliceStr(g.slicePick(sliceTexts)), ast.OpMul, elemsBin(g.sliceParam(), ast.OpMod, intLit(3)))
	case k < 18 && len(st.strs) > 0:
		s := st.strs[g.r.IntN(len(st.strs))]
		return g.sliceOfName(s, 6, "")
	case k < 20 && len(st.strs) > 0:
		s := st.strs[g.r.IntN(len(st.strs))]
		if g.r.IntN(3) == 0 {
			return sliceMethod(ident(s), "replace", sliceStr(g.slicePick(sliceSeps)), sliceStr(g.slicePick(sliceJoins)))
		}
		return sliceMethod(ident(s), []string{"lower", "upper", "strip"}[g.r.IntN(3)])
	}
	return sliceStr(g.slicePick(sliceTexts))
}

// sliceText returns a str expression: one to four pieces joined
// by +.
func (g *Generator) sliceText(st *sliceState) ast.Expr {
	e := g.sliceTextPiece(st)
	for n := g.r.IntN(4); n > 0; n-- {
		e = elemsBin(e, ast.OpAdd, g.sliceTextPiece(st))
	}
	return e
}

// sliceStrStmts makes a str local and uses it one to three times
// (sliceStrUse); it returns the statements and the int expressions that
// show what they computed.
func (g *Generator) sliceStrStmts(st *sliceState) ([]ast.Stmt, []ast.Expr) {
	name := g.lowerName("s")
	out := []ast.Stmt{sliceAssign(name, g.sliceText(st))}
	st.strs = append(st.strs, name)
	shown := []ast.Expr{call("len", ident(name))}
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		stmts, more := g.sliceStrUse(st, name)
		out = append(out, stmts...)
		shown = append(shown, more...)
	}
	return out, shown
}

// sliceStrUse returns one use of the str local s: its methods' results
// measured, a slice of it, its words, decimal text read by int(), a
// window over it, or case-insensitive comparisons.
func (g *Generator) sliceStrUse(st *sliceState, s string) ([]ast.Stmt, []ast.Expr) {
	x := func() ast.Expr { return ident(s) }
	switch g.r.IntN(11) {
	case 0, 1:
		// methods: lengths, a character's code, counts of words
		var shown []ast.Expr
		for n := 1 + g.r.IntN(3); n > 0; n-- {
			switch g.r.IntN(9) {
			case 0:
				shown = append(shown, call("len", sliceMethod(x(), "strip")))
			case 1:
				shown = append(shown, call("len", sliceMethod(x(), "split")))
			case 2:
				shown = append(shown, call("len", sliceMethod(x(), "split", sliceStr(g.slicePick(sliceSeps)))))
			case 3:
				m := sliceMethod(x(), []string{"lower", "upper", "strip"}[g.r.IntN(3)])
				shown = append(shown, call("ord", &ast.Index{X: elemsBin(m, ast.OpAdd, sliceStr("~")), Index: intLit(int64(-g.r.IntN(2)))}))
			case 4:
				shown = append(shown, sliceCount(sliceMethod(x(), []string{"startswith", "endswith"}[g.r.IntN(2)], sliceStr(g.slicePick(sliceAffixes)))))
			case 6:
				shown = append(shown, sliceMethod(x(), []string{"find", "count"}[g.r.IntN(2)], sliceStr(g.slicePick(sliceAffixes))))
				if g.r.IntN(2) == 0 {
					// an f-string of the text, the parameters and a truth
					f := &ast.FString{Parts: []ast.Expr{sliceStr(g.slicePick([]string{"", "«", "{x}: ", "n='"})),
						&ast.FormattedValue{X: x()}, sliceStr(g.slicePick([]string{"", " ", "|", "} é"})),
						&ast.FormattedValue{X: g.sliceParam()}, sliceStr(","),
						&ast.FormattedValue{X: lowerCmp(g.sliceParam(), ast.CmpGt, intLit(0))}}}
					shown = append(shown, call("len", f), call("ord", &ast.Index{X: f, Index: intLit(-1)}))
				}
			case 7:
				// a replacement, then a search in its result
				r := sliceMethod(x(), "replace", sliceStr(g.slicePick(sliceSeps)), sliceStr(g.slicePick(sliceJoins)))
				shown = append(shown, call("len", r), sliceMethod(r, "find", sliceStr(g.slicePick(sliceJoins))))
			default:
				shown = append(shown, call("len", sliceMethod(sliceStr(g.slicePick(sliceJoins)), "join", sliceMethod(x(), "split"))))
			}
		}
		return nil, shown
	case 2, 3:
		// a slice of the text
		t := g.lowerName("s")
		out := []ast.Stmt{sliceAssign(t, g.sliceOfName(s, 8, ""))}
		shown := []ast.Expr{call("len", ident(t)),
			call("ord", &ast.Index{X: elemsBin(ident(t), ast.OpAdd, sliceStr("!")), Index: intLit(0)})}
		switch g.r.IntN(3) {
		case 0:
			shown = append(shown, sliceCount(lowerCmp(ident(t), ast.CmpEq, sliceCut(ident(t), nil, nil, intLit(-1)))))
		case 1:
			shown = append(shown, sliceCount(lowerCmp(ident(t), []ast.CmpOp{ast.CmpLt, ast.CmpGe}[g.r.IntN(2)], x())))
		default:
			shown = append(shown, sliceCount(sliceMethod(x(), []string{"startswith", "endswith"}[g.r.IntN(2)], ident(t))))
		}
		st.strs = append(st.strs, t)
		return out, shown
	case 4, 5:
		// words: split, changed, sliced, joined, walked
		w, j, c, e := g.lowerName("w"), g.lowerName("j"), g.lowerName("c"), g.lowerName("x")
		var split ast.Expr = sliceMethod(x(), "split")
		if g.r.IntN(2) == 0 {
			split = sliceMethod(x(), "split", sliceStr(g.slicePick(sliceSeps)))
		}
		out := []ast.Stmt{sliceAssign(w, split)}
		if g.r.IntN(3) == 0 {
			out = append(out, elemsAppend(ident(w), sliceStr(g.slicePick(sliceAffixes))))
		}
		var parts ast.Expr = ident(w)
		if g.r.IntN(3) > 0 {
			parts = g.sliceOfName(w, 3, "")
		}
		if g.r.IntN(3) == 0 {
			parts = g.sliceSorted(parts) // words in code point order
		}
		var test ast.Expr = sliceMethod(ident(e), []string{"startswith", "endswith"}[g.r.IntN(2)], sliceStr(g.slicePick(sliceAffixes)))
		if g.r.IntN(3) == 0 {
			test = lowerCmp(sliceMethod(ident(e), []string{"lower", "upper"}[g.r.IntN(2)]), ast.CmpEq, ident(e))
		}
		out = append(out, sliceAssign(j, &ast.Call{Func: &ast.Attribute{X: sliceStr(g.slicePick(sliceJoins)), Name: ident("join")}, Args: []ast.Expr{parts}}),
			sliceAssign(c, intLit(0)),
			&ast.For{Target: ident(e), Iter: ident(w), Body: []ast.Stmt{
				&ast.If{Cond: test, Body: []ast.Stmt{sliceAdd(c, intLit(1))}},
				sliceAdd(c, call("len", sliceMethod(ident(e), "strip")))}})
		st.strs = append(st.strs, j)
		return out, []ast.Expr{call("len", ident(w)), call("len", ident(j)), ident(c)}
	case 6, 7:
		return g.sliceDecimalUse()
	case 8, 9:
		// a window over the text
		c, i := g.lowerName("c"), g.lowerName("i")
		var hit ast.Expr = lowerCmp(sliceCut(x(), ident(i), elemsBin(ident(i), ast.OpAdd, intLit(int64(1+g.r.IntN(2)))), nil),
			ast.CmpEq, sliceStr([]string{"ab", "a", ", ", "x ", "1"}[g.r.IntN(5)]))
		if g.r.IntN(2) == 0 {
			hit = sliceMethod(g.sliceOfName(s, 8, i), []string{"startswith", "endswith"}[g.r.IntN(2)], sliceStr(g.slicePick(sliceAffixes)))
		}
		body := []ast.Stmt{&ast.If{Cond: hit, Body: []ast.Stmt{sliceAdd(c, intLit(1))}}}
		if g.r.IntN(2) == 0 {
			body = append(body, sliceAdd(c, elemsBin(call("ord", &ast.Index{X: x(), Index: ident(i)}), ast.OpMod, intLit(7))))
		}
		return []ast.Stmt{sliceAssign(c, intLit(0)), &ast.For{Target: ident(i), Iter: call("range", call("len", x())), Body: body}},
			[]ast.Expr{ident(c)}
	}
	// case-insensitive comparisons, with another text or a literal
	var other ast.Expr = sliceStr(g.slicePick(sliceTexts))
	if len(st.strs) > 1 && g.r.IntN(2) == 0 {
		other = ident(st.strs[g.r.IntN(len(st.strs))])
	}
	return nil, []ast.Expr{
		sliceCount(lowerCmp(sliceMethod(x(), "lower"), ast.CmpEq, sliceMethod(other, "lower"))),
		sliceCount(sliceMethod(sliceMethod(x(), "strip"), []string{"startswith", "endswith"}[g.r.IntN(2)],
			sliceMethod(sliceCut(x(), nil, intLit(int64(g.r.IntN(3))), nil), "strip"))),
		sliceCount(lowerCmp(sliceMethod(x(), "upper"), []ast.CmpOp{ast.CmpLt, ast.CmpGt, ast.CmpNe}[g.r.IntN(3)], x())),
	}
}

// sliceDecimalUse returns int() of decimal text: a literal, digits made
// by str() and chr() and sliced (an empty slice read as "0" through
// `or`), and the fields of a comma-separated line of numbers summed.
func (g *Generator) sliceDecimalUse() ([]ast.Stmt, []ast.Expr) {
	d := g.lowerName("d")
	digits := elemsBin(call("str", elemsBin(g.sliceParam(), ast.OpMod, intLit(1000))), ast.OpAdd,
		call("chr", elemsBin(intLit(48), ast.OpAdd, elemsBin(g.sliceParam(), ast.OpMod, intLit(10)))))
	out := []ast.Stmt{sliceAssign(d, digits)}
	lit := g.slicePick(sliceDecimals)
	if g.r.IntN(8) == 0 {
		lit = g.slicePick(sliceBadDecimals)
	}
	shown := []ast.Expr{call("int", sliceStr(lit)), call("int", ident(d)),
		call("int", &ast.Logic{X: g.sliceOfName(d, 4, ""), Op: ast.OpOr, Y: sliceStr("0")})}
	if g.r.IntN(2) == 0 {
		// a line of numbers: str() of the parameters (signed), a digit,
		// empty fields
		t, e := g.lowerName("t"), g.lowerName("x")
		line := elemsBin(elemsBin(elemsBin(call("str", g.sliceParam()), ast.OpAdd, sliceStr(",")), ast.OpAdd,
			call("str", elemsBin(g.sliceParam(), ast.OpMod, intLit(1000)))), ast.OpAdd, sliceStr(g.slicePick([]string{",,7", ", 8", "", ",-3 "})))
		out = append(out, sliceAssign(t, intLit(0)),
			&ast.For{Target: ident(e), Iter: sliceMethod(line, "split", sliceStr(",")), Body: []ast.Stmt{
				sliceAdd(t, elemsBin(call("int", &ast.Logic{X: ident(e), Op: ast.OpOr, Y: sliceStr("0")}), ast.OpMod, intLit(1000003)))}})
		shown = append(shown, ident(t))
	}
	return out, shown
}
