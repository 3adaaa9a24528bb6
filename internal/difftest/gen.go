// Package difftest holds the differential tests of the two backends
// against CPython: random well-typed programs are printed as plain English
// Python by a printer of this package (pyprint.go) and run by CPython as
// written, the oracle; the same programs, printed by core/parser in one of
// the 17 languages, are parsed back, checked, compiled to WebAssembly and
// run on Wasmtime, and turned into the Python fallback and run by python3.
// Both backends must give CPython's answer, WebAssembly may refuse only
// for a reason CPython's run shows (harness_test.go and verdict_test.go
// have the rules), and `make mutate` (tools/mutate) checks that the tests
// catch a set of deliberate compiler bugs. This file is the program
// generator.
//
// The generator only writes constructs the checker can compile: int, float
// and bool locals and parameters, the arithmetic, bitwise (& | ^ << >> ~,
// on ints and bools), comparison and logic operators (float ** included,
// which compiled code computes with the platform's pow), the builtins abs,
// min, max, int, float, round, len, sum, and
// lists of ints, floats and bools (one-byte slots) with append, pop,
// indexing (negative included), element assignment, `in`, `for x in lst`,
// `[x] * n` and range loops that index a list by their own variable,
// multiply it by a local or add bounded values to an accumulator (which
// wasmgen versions), or accumulate // and % of it (divgen.go); ragged lists of int
// rows summed by column in a loop nest (gridgen.go); range loops whose
// variable only indexes two lists (ivgen.go); loops over lists, some
// changing the list they iterate (listloopgen.go); list[int] locals whose
// elements feed products, some reachable through other names
// (elemsgen.go); a recursive helper
// (recgen.go); and strings
// (strgen.go): literals with non-ASCII text and escapes, + and *, the six
// comparisons, `in`, indexing, `for c in s`, len, ord, chr, str(), truth
// values, `and`/`or`, str locals and list[str] locals; while loops
// with and/or/not conditions on a counter and float products
// (whilegen.go); while loops that count, `while i < E: ...; i += c`, and
// near misses of them (countgen.go). Every value
// that could trap (division by zero, overflow, a bad index) is allowed to:
// the point is that both backends fail as CPython does. The choices lean
// towards programs whose calls return (indexes mostly in range, lists
// mostly not empty, nonzero constant divisors, small literals, few
// asserts), so that most calls compare two values, and towards values
// that show the usual bugs: ints that meet in comparisons, sums that may
// leave 64 bits reduced by a remainder.
package difftest

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// A Program is one generated function f with its parameter types (and
// possibly a recursive helper r that f calls, recgen.go).
type Program struct {
	File   *ast.File
	Params []byte // 'i' int, 'f' float, 'b' bool
	Result byte   // 'i', 'f', 'b' or 's' (str)
}

// Generator makes random programs from a seeded source.
type Generator struct {
	r      *rand.Rand
	locals map[byte][]string // names of the locals of each type in scope ('S' list[str])
	nlocal int
	nloop  int
	depth  int
	// consts are the names of the module constants of each type
	// (constgen.go).
	consts map[byte][]string
	// recBound is the bound of the first argument of calls to the
	// recursive helper r, or 0 when the program has none (recgen.go).
	recBound int64
	// counters are the counters of the while loops of the function
	// (whilegen.go), which its result often adds.
	counters []string
	// seen are int locals that the result adds (ivgen.go's sums)
	seen []string
}

// NewGenerator returns a generator whose programs depend only on seed.
func NewGenerator(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func ident(n string) *ast.Ident { return &ast.Ident{Name: n} }

func call(name string, args ...ast.Expr) ast.Expr {
	return &ast.Call{Func: ident(name), Args: args}
}

// Program returns a new function `f(a: int, b: int, x: float, y: float,
// p: bool) -> T` of a few statements.
func (g *Generator) Program() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal = 0
	g.nloop = 0
	g.recBound = 0
	g.consts = nil
	g.counters = nil
	g.seen = nil
	var decls []ast.Stmt
	if g.r.IntN(3) == 0 {
		decls = g.moduleConsts()
	}
	var helper *ast.FuncDef
	if g.r.IntN(3) == 0 {
		helper = g.recursive()
	}
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	res := []byte{'i', 'f', 'b', 's'}[g.r.IntN(4)]
	var body []ast.Stmt
	kernel := g.r.IntN(10) == 0
	if kernel {
		// a loop kernel: an int function around a while loop whose
		// counter runs to an end of i64 (whilegen.go)
		res = 'i'
		body = g.whileStmts(true)
	}
	n := 1 + g.r.IntN(5)
	if kernel {
		n = g.r.IntN(2) // the loop is the point
	}
	for ; n > 0; n-- {
		body = append(body, g.stmt(0)...)
	}
	ret := g.expr(res)
	if kernel {
		// the counter alone (its remainder: 2**64 is not a multiple of
		// 1000, so a counter that wrapped shows)
		ret = &ast.Binary{X: ident(g.counters[0]), Op: ast.OpMod, Y: intLit(1000)}
	}
	if res == 'i' && len(g.counters) > 0 && g.r.IntN(3) > 0 {
		// a counter seen in the result (a wrapped one shows, since 2**64
		// is not a multiple of 1000)
		c := &ast.Binary{X: ident(g.counters[g.r.IntN(len(g.counters))]), Op: ast.OpMod, Y: intLit(1000)}
		ret = &ast.Binary{X: ret, Op: ast.OpAdd, Y: c}
	}
	if res == 'i' && len(g.seen) > 0 {
		// the sum of the list a pointer loop stored into (ivgen.go)
		c := &ast.Binary{X: ident(g.seen[g.r.IntN(len(g.seen))]), Op: ast.OpMod, Y: intLit(1000)}
		ret = &ast.Binary{X: ret, Op: ast.OpAdd, Y: c}
	}
	switch {
	case res == 'b' && g.r.IntN(3) == 0:
		ret = g.intCompare() // an int comparison, seen in the result
	case res == 'i' && g.r.IntN(3) == 0:
		// a remainder, in 64 bits even when e is not: a wrong e
		// (an overflow missed on the way) shows in it
		ret = &ast.Binary{X: ret, Op: ast.OpMod, Y: intLit([]int64{7, 1000, 65536, 1000003}[g.r.IntN(4)])}
	}
	body = append(body, &ast.Return{Value: ret})
	d, params := genFunc(body, res)
	file := &ast.File{Name: "gen.ml", Lang: "en", Body: []ast.Stmt{d}}
	if helper != nil {
		file.Body = []ast.Stmt{helper, d}
	}
	file.Body = append(decls, file.Body...)
	return &Program{File: file, Params: params, Result: res}
}

// genFunc returns the generated function every family shares,
// f(a: int, b: int, x: float, y: float, p: bool) -> res with body, and
// its parameters' kinds.
func genFunc(body []ast.Stmt, res byte) (*ast.FuncDef, []byte) {
	typeName := map[byte]string{'i': "int", 'f': "float", 'b': "bool", 's': "str"}
	d := &ast.FuncDef{Name: ident("f"), Result: &ast.TypeExpr{Name: ident(typeName[res])}, Body: body}
	params := []byte{'i', 'i', 'f', 'f', 'b'}
	for i, n := range []string{"a", "b", "x", "y", "p"} {
		d.Params = append(d.Params, &ast.Param{Name: ident(n), Type: &ast.TypeExpr{Name: ident(typeName[params[i]])}})
	}
	return d, params
}

// newLocal declares a fresh local of type t (visible after its statement).
func (g *Generator) newLocal(t byte) string {
	g.nlocal++
	n := "v" + strconv.Itoa(g.nlocal)
	g.locals[t] = append(g.locals[t], n)
	return n
}

// stmt returns one or two statements; nested blocks only bind names that
// were already bound, so that every read is certainly assigned.
func (g *Generator) stmt(level int) []ast.Stmt {
	if level == 0 && g.r.IntN(12) == 0 {
		return g.whileStmts(false) // whilegen.go
	}
	switch k := g.r.IntN(12); {
	case k >= 10 && level == 0:
		return g.strStmts()
	case k < 3 || level > 1 || k >= 10:
		t := []byte{'i', 'i', 'f', 'b', 's'}[g.r.IntN(5)]
		if level == 0 && g.r.IntN(2) == 0 || len(g.locals[t]) == 0 {
			if level > 0 {
				t = 'i'
				return []ast.Stmt{&ast.Assign{Target: ident("a"), Value: g.expr('i')}}
			}
			v := g.expr(t)
			return []ast.Stmt{&ast.Assign{Target: ident(g.newLocal(t)), Value: v}}
		}
		names := g.locals[t]
		return []ast.Stmt{&ast.Assign{Target: ident(names[g.r.IntN(len(names))]), Value: g.expr(t)}}
	case k < 4 && g.r.IntN(3) == 0:
		return g.hashLoop(level) // carrygen.go
	case k < 4 && g.r.IntN(2) == 0:
		// v = (v + e) % c, as a hash mixes: the sum may leave 64 bits
		// where the remainder does not (an unchecked addition shows)
		names := g.locals['i']
		v := names[g.r.IntN(len(names))]
		var e ast.Expr = ident(names[g.r.IntN(len(names))]) // of any sign, as v: the general addition
		if g.r.IntN(3) == 0 {
			e = g.expr('i')
		}
		sum := &ast.Binary{X: ident(v), Op: ast.OpAdd, Y: e}
		if g.r.IntN(2) == 0 {
			sum.X, sum.Y = sum.Y, sum.X
		}
		c := []int64{7, 1000, 65536, 1000003}[g.r.IntN(4)]
		return []ast.Stmt{&ast.Assign{Target: ident(v), Value: &ast.Binary{X: sum, Op: ast.OpMod, Y: intLit(c)}}}
	case k < 4:
		t := []byte{'i', 'f'}[g.r.IntN(2)]
		names := g.locals[t]
		ops := []ast.BinaryOp{ast.OpAdd, ast.OpSub, ast.OpMul, ast.OpFloorDiv, ast.OpMod}
		if t == 'i' {
			ops = append(ops, ast.OpBitAnd, ast.OpBitOr, ast.OpBitXor, ast.OpLShift, ast.OpRShift)
		}
		op := ops[g.r.IntN(len(ops))]
		v := g.divisor(op, t, g.expr(t))
		if op == ast.OpLShift || op == ast.OpRShift {
			v = g.shiftCount()
		}
		return []ast.Stmt{&ast.AugAssign{Target: ident(names[g.r.IntN(len(names))]), Op: op, Value: v}}
	case k < 5:
		s := &ast.If{Cond: g.cond(), Body: g.stmt(level + 1)}
		if g.r.IntN(8) == 0 {
			// compiled as a refusal: AUTO re-runs the call in Python
			s.Body = []ast.Stmt{&ast.Raise{Exc: call("ValueError", g.expr('i'))}}
		}
		if g.r.IntN(2) == 0 {
			s.Else = g.stmt(level + 1)
		}
		return []ast.Stmt{s}
	case k < 6 && g.r.IntN(3) == 0:
		return g.divLoopStmts() // // and % of the loop variable (divgen.go)
	case k < 6:
		// a bounded loop whose variable the body reads (the generator of
		// wasmgen's range facts): a name of its own, never assigned
		// elsewhere, so that wasmgen knows its interval
		acc := g.locals['i'][g.r.IntN(len(g.locals['i']))]
		iter := g.boundedRange()
		g.nloop++
		kv := "k" + strconv.Itoa(g.nloop)
		g.locals['i'] = append(g.locals['i'], kv)
		first := g.expr('i')
		if g.r.IntN(2) == 0 {
			first = g.boundedInt()
		}
		body := []ast.Stmt{&ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: first}}
		if g.r.IntN(4) > 0 {
			// an int or bool list indexed by the loop variable (wasmgen
			// versions such loops: bounds checks proved once before them)
			lists := append(append([]string(nil), g.locals['I']...), g.locals['B']...)
			if len(lists) > 0 && g.r.IntN(2) == 0 {
				body = append(body, &ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: &ast.Index{X: ident(lists[g.r.IntN(len(lists))]), Index: ident(kv)}})
			} else if g.r.IntN(3) > 0 {
				// a product of the loop variable and an int local (wasmgen
				// keeps it by addition when the magnitudes allow)
				e := ident(g.locals['i'][g.r.IntN(len(g.locals['i'])-1)])
				var v ast.Expr = &ast.Binary{X: e, Op: ast.OpMul, Y: ident(kv)}
				if g.r.IntN(2) == 0 {
					v = &ast.Binary{X: ident(kv), Op: ast.OpMul, Y: e}
				}
				body = append(body, &ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: v})
			} else {
				body = append(body, &ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: g.expr('i')})
			}
		}
		if g.r.IntN(2) == 0 {
			// a bounded addition (wasmgen drops its overflow check in the
			// fast copy of the loop when acc starts far enough from the
			// ends of i64)
			op := []ast.BinaryOp{ast.OpAdd, ast.OpSub}[g.r.IntN(2)]
			body = append(body, &ast.AugAssign{Target: ident(acc), Op: op, Value: g.boundedInt()})
		}
		if g.r.IntN(4) > 0 {
			// a count of the steps where the loop variable compares to an
			// int of a few values: as the variable runs, it meets the
			// other side, where < and <= (or > and >=) differ
			c := g.intCompare()
			c.(*ast.Compare).Operands[0] = ident(kv)
			body = append(body, &ast.If{Cond: c, Body: []ast.Stmt{
				&ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: intLit(1)}}})
		}
		g.locals['i'] = g.locals['i'][:len(g.locals['i'])-1]
		return []ast.Stmt{&ast.For{Target: ident(kv), Iter: iter, Body: body}}
	case k < 8 && level == 0:
		return g.listStmts()
	case k < 9 && g.r.IntN(4) == 0:
		// a quarter as often as the other statements: a random condition
		// fails half the time, and then so does every call; half the
		// time, a condition that holds three times in four
		cond := g.expr('b')
		if g.r.IntN(2) == 0 {
			cond = &ast.Unary{Op: ast.OpNot, X: &ast.Logic{X: cond, Op: ast.OpAnd, Y: g.expr('b')}}
		}
		return []ast.Stmt{&ast.Assert{Cond: cond}}
	}
	return []ast.Stmt{&ast.Assign{Target: ident("b"), Value: g.expr('i')}}
}

// divisor returns y, the right operand of op in an expression of type t,
// or for / // and % half the time a nonzero constant of type t instead: a
// random divisor is zero often enough (and then so is every call).
func (g *Generator) divisor(op ast.BinaryOp, t byte, y ast.Expr) ast.Expr {
	if op != ast.OpDiv && op != ast.OpFloorDiv && op != ast.OpMod || g.r.IntN(2) == 0 {
		return y
	}
	v := int64(1 + g.r.IntN(9))
	if g.r.IntN(3) == 0 {
		v = -v
	}
	if t == 'f' {
		f := float64(v) / 4
		text := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(text, ".") {
			text += ".0"
		}
		return &ast.FloatLit{Text: text, Value: f}
	}
	return intLit(v)
}

// boundedInt returns an int expression of small interval: e % c for a
// constant c in [1, 9], or a bool.
func (g *Generator) boundedInt() ast.Expr {
	if g.r.IntN(3) == 0 {
		return g.expr('b')
	}
	return &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(int64(1 + g.r.IntN(9)))}
}

// listStmts declares a list of ints, floats, bools (one-byte slots) or
// strs and mutates it.
func (g *Generator) listStmts() []ast.Stmt {
	if g.r.IntN(5) == 0 {
		return g.gridStmts()
	}
	if g.r.IntN(4) == 0 {
		return g.ivStmts() // ivgen.go
	}
	if g.r.IntN(5) == 0 {
		stmts, _ := g.listLoopStmts() // listloopgen.go
		return stmts
	}
	et := []byte{'i', 'f', 's', 'b'}[g.r.IntN(4)]
	lt := map[byte]byte{'i': 'I', 'f': 'F', 's': 'S', 'b': 'B'}[et]
	// size is the list's length as the statements go (they all run: a
	// list is declared at the top level of the function)
	var init ast.Expr
	var size int
	switch k := g.r.IntN(6); {
	case k == 0:
		init = &ast.ListLit{}
	case k < 3:
		// mostly not empty, so that indexes and pops often succeed
		size = 1 + g.r.IntN(3)
		if g.r.IntN(6) == 0 {
			size = 0
		}
		init = &ast.Binary{X: &ast.ListLit{Elems: []ast.Expr{g.expr(et)}}, Op: ast.OpMul, Y: intLit(int64(size))}
		if et == 's' && g.r.IntN(2) == 0 {
			init, size = &ast.ListLit{Elems: []ast.Expr{g.expr(et)}}, 1
		}
	default:
		var el []ast.Expr
		for size = 1 + g.r.IntN(3); len(el) < size; {
			el = append(el, g.expr(et))
		}
		init = &ast.ListLit{Elems: el}
	}
	name := g.newLocal(lt)
	out := []ast.Stmt{&ast.Assign{Target: ident(name), Value: init}}
	l := func() ast.Expr { return ident(name) }
	for n := g.r.IntN(4); n > 0; n-- {
		k := g.r.IntN(4)
		if size == 0 && g.r.IntN(8) > 0 {
			k = 0 // an element assignment or a pop would raise IndexError
		}
		switch k {
		case 0, 1:
			out = append(out, &ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: l(), Name: ident("append")}, Args: []ast.Expr{g.expr(et)}}})
			size++
		case 2:
			out = append(out, &ast.Assign{Target: &ast.Index{X: l(), Index: g.smallInt()}, Value: g.expr(et)})
		default:
			var args []ast.Expr
			if g.r.IntN(2) == 0 {
				args = []ast.Expr{g.smallInt()}
			}
			out = append(out, &ast.ExprStmt{X: &ast.Call{Func: &ast.Attribute{X: l(), Name: ident("pop")}, Args: args}})
			size = max(size-1, 0)
		}
	}
	accT := et
	if et == 'b' {
		accT = 'i' // an int sums bools: p += True would make p an int
	}
	if g.r.IntN(2) == 0 && len(g.locals[accT]) > 0 {
		acc := g.locals[accT][g.r.IntN(len(g.locals[accT]))]
		out = append(out, &ast.For{Target: ident("e" + name), Iter: l(), Body: []ast.Stmt{
			&ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: ident("e" + name)}}})
	}
	return out
}

func intLit(v int64) ast.Expr {
	if v == -1<<63 { // -9223372036854775808 does not fit as a literal: write it as MIN+1 - 1
		return &ast.Binary{X: intLit(v + 1), Op: ast.OpSub, Y: intLit(1)}
	}
	if v < 0 {
		return &ast.Unary{Op: ast.OpNeg, X: &ast.IntLit{Text: strconv.FormatInt(-v, 10)}}
	}
	return &ast.IntLit{Text: strconv.FormatInt(v, 10)}
}

// smallInt returns an index: usually 0 or -1 (in range for any non-empty
// list or string), sometimes a constant in [-3, 3], an int expression
// masked to [0, 1] or reduced to [-1, 0], now and then any int expression
// (out of range for most values: IndexError).
func (g *Generator) smallInt() ast.Expr {
	switch k := g.r.IntN(16); {
	case k < 12:
		return intLit(int64(-g.r.IntN(2)))
	case k < 13:
		return intLit(int64(g.r.IntN(7) - 3))
	case k < 14:
		return &ast.Binary{X: g.expr('i'), Op: ast.OpBitAnd, Y: intLit(1)}
	case k < 15:
		// -1 or 0, in range for any non-empty list or string
		return &ast.Binary{X: &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(2)}, Op: ast.OpSub, Y: intLit(1)}
	}
	return g.expr('i')
}

var intEdges = []int64{0, 1, -1, 2, -2, 3, 7, -7, 10, 1 << 31, -(1 << 31), 1 << 32, 3037000499, 1 << 53, 1<<53 + 1,
	1<<63 - 1, -1 << 63}

var floatEdges = []string{"0.0", "1.0", "0.5", "2.5", "3.0", "0.1", "1e308", "5e-324", "1e16", "9007199254740993.0", "1.5"}

// expr returns an expression of type t ('i', 'f', 'b').
func (g *Generator) expr(t byte) ast.Expr {
	g.depth++
	defer func() { g.depth-- }()
	if g.depth > 3 || g.r.IntN(3) == 0 {
		return g.leaf(t)
	}
	if g.r.IntN(12) == 0 {
		return g.ifExp(t)
	}
	switch t {
	case 's':
		return g.strExpr()
	case 'i':
		switch k := g.r.IntN(17); {
		case k >= 15:
			return g.strInt()
		case k >= 12:
			return g.bitExpr()
		case k < 6:
			ops := []ast.BinaryOp{ast.OpAdd, ast.OpSub, ast.OpMul, ast.OpFloorDiv, ast.OpMod, ast.OpPow}
			op := ops[g.r.IntN(len(ops))]
			y := g.divisor(op, 'i', g.expr('i'))
			if op == ast.OpPow {
				y = intLit(int64(g.r.IntN(5)))
			}
			return &ast.Binary{X: g.expr('i'), Op: op, Y: y}
		case k < 7:
			return &ast.Unary{Op: ast.OpNeg, X: g.expr('i')}
		case k < 8:
			return call("abs", g.expr('i'))
		case k < 9:
			return call([]string{"int", "round"}[g.r.IntN(2)], g.expr('f'))
		case k < 10:
			return call([]string{"min", "max"}[g.r.IntN(2)], g.expr('i'), g.expr('i'))
		case k < 11 && g.recBound > 0 && g.r.IntN(2) == 0:
			return g.recCall()
		case k < 11 && len(g.locals['I']) > 0:
			l := ident(g.locals['I'][g.r.IntN(len(g.locals['I']))])
			switch g.r.IntN(4) {
			case 0:
				return call("len", l)
			case 1:
				return call("sum", l)
			case 2:
				return call([]string{"min", "max"}[g.r.IntN(2)], l)
			}
			return &ast.Index{X: l, Index: g.smallInt()}
		}
		x := g.expr('b')
		if g.r.IntN(2) == 0 {
			x = g.intCompare() // a count of the comparisons that hold
		}
		return &ast.Binary{X: x, Op: ast.OpAdd, Y: g.expr('i')}
	case 'f':
		switch k := g.r.IntN(10); {
		case k < 6:
			ops := []ast.BinaryOp{ast.OpAdd, ast.OpSub, ast.OpMul, ast.OpDiv, ast.OpFloorDiv, ast.OpMod, ast.OpPow}
			x, y := g.expr('f'), g.expr([]byte{'f', 'i'}[g.r.IntN(2)])
			if g.r.IntN(2) == 0 {
				x, y = y, x
			}
			op := ops[g.r.IntN(len(ops))]
			return &ast.Binary{X: x, Op: op, Y: g.divisor(op, 'f', y)}
		case k < 7:
			return &ast.Binary{X: g.expr('i'), Op: ast.OpDiv, Y: g.expr('i')}
		case k < 8:
			return call("float", g.expr('i'))
		case k < 9 && len(g.locals['F']) > 0:
			l := ident(g.locals['F'][g.r.IntN(len(g.locals['F']))])
			if g.r.IntN(2) == 0 {
				return call([]string{"min", "max"}[g.r.IntN(2)], l)
			}
			return &ast.Index{X: l, Index: g.smallInt()}
		}
		return &ast.Unary{Op: ast.OpNeg, X: call("abs", g.expr('f'))}
	}
	switch k := g.r.IntN(11); {
	case k >= 9:
		return g.strBool()
	case k == 8:
		// bool & | ^ bool is a bool
		op := []ast.BinaryOp{ast.OpBitAnd, ast.OpBitOr, ast.OpBitXor}[g.r.IntN(3)]
		return &ast.Binary{X: g.expr('b'), Op: op, Y: g.expr('b')}
	case k < 4:
		ops := []ast.CmpOp{ast.CmpEq, ast.CmpNe, ast.CmpLt, ast.CmpLe, ast.CmpGt, ast.CmpGe}
		// ints, floats, or both
		ts := [][]byte{{'i'}, {'i'}, {'f'}, {'i', 'f'}}[g.r.IntN(4)]
		operand := func() ast.Expr { return g.expr(ts[g.r.IntN(len(ts))]) }
		if len(ts) == 1 && ts[0] == 'i' && g.r.IntN(2) == 0 {
			return g.intCompare()
		}
		c := &ast.Compare{Operands: []ast.Expr{operand()}}
		for n := 1 + g.r.IntN(2); n > 0; n-- {
			c.Ops = append(c.Ops, ops[g.r.IntN(len(ops))])
			c.Operands = append(c.Operands, operand())
		}
		return c
	case k < 5:
		return &ast.Unary{Op: ast.OpNot, X: g.expr('b')}
	case k < 6:
		return &ast.Logic{X: g.expr('b'), Op: []ast.LogicOp{ast.OpAnd, ast.OpOr}[g.r.IntN(2)], Y: g.expr('b')}
	case k < 7 && len(g.locals['I']) > 0:
		op := []ast.CmpOp{ast.CmpIn, ast.CmpNotIn}[g.r.IntN(2)]
		return &ast.Compare{Operands: []ast.Expr{g.expr('i'), ident(g.locals['I'][g.r.IntN(len(g.locals['I']))])}, Ops: []ast.CmpOp{op}}
	}
	return call("bool", g.expr([]byte{'i', 'f'}[g.r.IntN(2)]))
}

// ifExp returns a conditional expression whose branches have type t,
// tested on the truth value of a bool, an int or a float (0.0 and nan
// included), or a str.
func (g *Generator) ifExp(t byte) ast.Expr {
	ct := []byte{'b', 'b', 'i', 'f', 's'}[g.r.IntN(5)]
	return &ast.IfExp{Body: g.expr(t), Cond: g.expr(ct), Else: g.expr(t)}
}

// intCompare returns a comparison (or a chain of two) of ints of a few
// values, often equal, where < and <= (or > and >=) differ: int names
// (called with equal arguments now and then), small constants and
// remainders by a small constant; < and > come twice as often as the
// other operators.
func (g *Generator) intCompare() ast.Expr {
	ops := []ast.CmpOp{ast.CmpEq, ast.CmpNe, ast.CmpLt, ast.CmpLt, ast.CmpLe, ast.CmpGt, ast.CmpGt, ast.CmpGe}
	operand := func() ast.Expr {
		switch g.r.IntN(3) {
		case 0:
			return intLit(int64(g.r.IntN(4) - 1))
		case 1:
			return g.boundedInt()
		}
		names := g.locals['i']
		if g.r.IntN(2) == 0 {
			names = names[:2] // the parameters a and b (of f, or n and m of r)
		}
		return ident(names[g.r.IntN(len(names))])
	}
	c := &ast.Compare{Operands: []ast.Expr{operand()}}
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		c.Ops = append(c.Ops, ops[g.r.IntN(len(ops))])
		c.Operands = append(c.Operands, operand())
	}
	return c
}

// bitExpr returns an int expression made with a bitwise operator; an
// operand may be a bool (True & 3, ~p, p << 2).
func (g *Generator) bitExpr() ast.Expr {
	operand := func() ast.Expr {
		if g.r.IntN(5) == 0 {
			return g.expr('b')
		}
		return g.expr('i')
	}
	switch k := g.r.IntN(8); {
	case k < 4:
		op := []ast.BinaryOp{ast.OpBitAnd, ast.OpBitOr, ast.OpBitXor}[g.r.IntN(3)]
		x, y := operand(), g.expr('i')
		if g.r.IntN(2) == 0 {
			x, y = y, x
		}
		return &ast.Binary{X: x, Op: op, Y: y}
	case k < 7:
		op := []ast.BinaryOp{ast.OpLShift, ast.OpRShift}[g.r.IntN(2)]
		return &ast.Binary{X: operand(), Op: op, Y: g.shiftCount()}
	}
	return &ast.Unary{Op: ast.OpInvert, X: operand()}
}

// shiftCount returns a shift count: usually a constant in [0, 15] or an
// expression masked to [0, 15], sometimes a constant in [-2, 69]
// (negative ones raise ValueError) or an expression masked to [0, 127], so
// that Python never builds an int of billions of bits.
func (g *Generator) shiftCount() ast.Expr {
	switch k := g.r.IntN(8); {
	case k < 4:
		return intLit(int64(g.r.IntN(16)))
	case k < 5:
		return intLit(int64(g.r.IntN(72) - 2))
	case k < 7:
		return &ast.Binary{X: g.expr('i'), Op: ast.OpBitAnd, Y: intLit(15)}
	}
	return &ast.Binary{X: g.expr('i'), Op: ast.OpBitAnd, Y: intLit(127)}
}

// boundedRange returns a range() of at most a few steps: small constant
// bounds, or bounds around any int (whose computation may overflow: both
// backends then fail alike or AUTO re-runs in Python).
func (g *Generator) boundedRange() ast.Expr {
	small := func() ast.Expr { return intLit(int64(g.r.IntN(9) - 4)) }
	switch g.r.IntN(5) {
	case 0:
		return call("range", intLit(int64(g.r.IntN(6))))
	case 1:
		return call("range", small(), small())
	case 2:
		step := []int64{-3, -2, -1, 1, 2, 3}[g.r.IntN(6)]
		return call("range", small(), small(), intLit(step))
	case 3:
		e := g.expr('i')
		return call("range", e, &ast.Binary{X: e, Op: ast.OpAdd, Y: intLit(int64(g.r.IntN(4)))})
	}
	e := g.expr('i')
	return call("range", &ast.Binary{X: e, Op: ast.OpSub, Y: intLit(1)}, &ast.Binary{X: e, Op: ast.OpSub, Y: intLit(int64(g.r.IntN(4)) + 1)}, intLit(-1))
}

// leaf returns a name or a literal of type t.
func (g *Generator) leaf(t byte) ast.Expr {
	if names := g.consts[t]; len(names) > 0 && g.r.IntN(4) == 0 {
		return ident(names[g.r.IntN(len(names))])
	}
	if names := g.locals[t]; len(names) > 0 && g.r.IntN(3) > 0 {
		return ident(names[g.r.IntN(len(names))])
	}
	switch t {
	case 'i':
		// mostly small (large ones overflow many an expression),
		// sometimes an edge
		if g.r.IntN(4) > 0 {
			return intLit(int64(g.r.IntN(16) - 5))
		}
		return intLit(intEdges[g.r.IntN(len(intEdges))])
	case 'f':
		s := floatEdges[g.r.IntN(len(floatEdges))]
		v, _ := strconv.ParseFloat(s, 64)
		return &ast.FloatLit{Text: s, Value: v}
	case 's':
		return &ast.StrLit{Value: strEdges[g.r.IntN(len(strEdges))]}
	}
	return &ast.BoolLit{Value: g.r.IntN(2) == 0}
}
