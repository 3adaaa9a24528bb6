package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The string part of the generator. Strings stay short: literals have a
// few characters and a repetition count is a small constant or an int
// masked to [0, 3], so that no program builds a large text (nesting
// multiplies at most a few of them).

// strEdges are the string literals: empty, ASCII (one-character ones are
// static in the module), two- to four-byte UTF-8, the first and last code
// points of each UTF-8 length, and the escapes the lexer decodes (the
// printer writes non-printable characters as \x, \u or \U escapes).
var strEdges = []string{
	"", "a", "b", "ab", "ba", "abc", "A", "z", "é", "漢", "😀", "ß", "Zé漢😀",
	"a\tb", "\n", "\x00", "\"'\\", "\x7f", "\u0080", "\u07ff", "\u0800", "\uffff",
	"\U00010000", "\U0010ffff", "aé", "éa", "漢字", "ab😀", "\r\a\b\f\v",
}

// codePoints are the arguments of chr() written as literals: valid code
// points of each UTF-8 length, surrogates (which Python strings hold), and
// values that raise ValueError or OverflowError.
var codePoints = []int64{0, 9, 65, 127, 128, 233, 0x7ff, 0x800, 0x6f22, 0xd800, 0xdfff, 0xffff, 0x10000,
	0x1f600, 0x10ffff, 0x110000, -1, 1<<31 - 1, 1 << 31, -(1 << 31), -(1 << 31) - 1, 1 << 40}

// strCount returns a repetition count: a constant in [1, 3] (an empty
// string has no character to index), in [-1, 0], or an int expression
// masked to [0, 3].
func (g *Generator) strCount() ast.Expr {
	switch g.r.IntN(4) {
	case 0, 1:
		return intLit(int64(1 + g.r.IntN(3)))
	case 2:
		return intLit(int64(g.r.IntN(2) - 1))
	}
	return &ast.Binary{X: g.expr('i'), Op: ast.OpBitAnd, Y: intLit(3)}
}

// strList returns the name of a list[str] local, or "" when there is none.
func (g *Generator) strList() string {
	if names := g.locals['S']; len(names) > 0 {
		return names[g.r.IntN(len(names))]
	}
	return ""
}

// strExpr returns an expression of type str (g.depth is already counted).
func (g *Generator) strExpr() ast.Expr {
	switch k := g.r.IntN(12); {
	case k < 2:
		return &ast.Binary{X: g.expr('s'), Op: ast.OpAdd, Y: g.expr('s')}
	case k < 3:
		if g.r.IntN(2) == 0 {
			return &ast.Binary{X: g.strCount(), Op: ast.OpMul, Y: g.expr('s')}
		}
		return &ast.Binary{X: g.expr('s'), Op: ast.OpMul, Y: g.strCount()}
	case k < 5:
		return &ast.Index{X: g.expr('s'), Index: g.smallInt()}
	case k < 6 && g.strList() != "":
		return &ast.Index{X: ident(g.strList()), Index: g.smallInt()}
	case k < 7:
		switch g.r.IntN(8) {
		case 0:
			return call("chr", intLit(codePoints[g.r.IntN(len(codePoints))]))
		case 1:
			return call("chr", g.expr('i'))
		}
		// a valid code point (surrogates included), most of the time
		return call("chr", &ast.Binary{X: g.expr('i'), Op: ast.OpMod, Y: intLit(0x110000)})
	case k < 8:
		arg := []byte{'i', 'b', 's'}[g.r.IntN(3)]
		return call("str", g.expr(arg))
	case k < 9:
		return &ast.Logic{X: g.expr('s'), Op: []ast.LogicOp{ast.OpAnd, ast.OpOr}[g.r.IntN(2)], Y: g.expr('s')}
	}
	return g.leaf('s')
}

// strInt returns an int expression computed from strings.
func (g *Generator) strInt() ast.Expr {
	switch k := g.r.IntN(10); {
	case k < 4:
		return call("len", g.expr('s'))
	case k < 7:
		return call("ord", &ast.Index{X: g.expr('s'), Index: g.smallInt()})
	case k < 9 && g.strList() != "":
		return call("len", ident(g.strList()))
	case k < 9:
		return call("len", g.expr('s'))
	}
	// ord of a string of any length: a TypeError in Python unless it has
	// exactly one character
	return call("ord", g.expr('s'))
}

// strBool returns a bool expression computed from strings.
func (g *Generator) strBool() ast.Expr {
	switch k := g.r.IntN(7); {
	case k < 3:
		ops := []ast.CmpOp{ast.CmpEq, ast.CmpNe, ast.CmpLt, ast.CmpLe, ast.CmpGt, ast.CmpGe}
		c := &ast.Compare{Operands: []ast.Expr{g.expr('s')}}
		for n := 1 + g.r.IntN(2); n > 0; n-- {
			c.Ops = append(c.Ops, ops[g.r.IntN(len(ops))])
			c.Operands = append(c.Operands, g.expr('s'))
		}
		return c
	case k < 5:
		op := []ast.CmpOp{ast.CmpIn, ast.CmpNotIn}[g.r.IntN(2)]
		var hay ast.Expr
		if l := g.strList(); l != "" && g.r.IntN(2) == 0 {
			hay = ident(l)
		} else {
			hay = g.expr('s')
		}
		return &ast.Compare{Operands: []ast.Expr{g.expr('s'), hay}, Ops: []ast.CmpOp{op}}
	case k < 6:
		return &ast.Unary{Op: ast.OpNot, X: g.expr('s')}
	}
	return call("bool", g.expr('s'))
}

// cond returns the condition of an if: a bool, often a comparison of ints
// (intCompare), sometimes a str tested for its truth value.
func (g *Generator) cond() ast.Expr {
	switch g.r.IntN(5) {
	case 0:
		return g.expr('s')
	case 1, 2:
		return g.intCompare()
	}
	return g.expr('b')
}

// strStmts declares a str local and re-assigns it, or loops over the
// characters of a string.
func (g *Generator) strStmts() []ast.Stmt {
	if g.r.IntN(2) == 0 || len(g.locals['s']) == 0 {
		v := g.expr('s')
		name := g.newLocal('s')
		out := []ast.Stmt{&ast.Assign{Target: ident(name), Value: v}}
		switch g.r.IntN(3) {
		case 0:
			out = append(out, &ast.Assign{Target: ident(name), Value: &ast.Binary{X: ident(name), Op: ast.OpAdd, Y: g.expr('s')}})
		case 1:
			out = append(out, &ast.AugAssign{Target: ident(name), Op: ast.OpAdd, Value: g.expr('s')})
		}
		return out
	}
	// for c in s: the loop variable is a str local of the body only
	iter := g.expr('s')
	g.nloop++
	cv := "c" + strconv.Itoa(g.nloop)
	acc := g.locals['i'][g.r.IntN(len(g.locals['i']))]
	var body []ast.Stmt
	switch g.r.IntN(8) {
	case 4, 5, 6, 7:
		return g.hashStrLoop(cv, iter) // carrygen.go
	case 0, 1:
		body = append(body, &ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: call("ord", ident(cv))})
	case 2:
		sacc := g.locals['s'][g.r.IntN(len(g.locals['s']))]
		body = append(body, &ast.Assign{Target: ident(sacc), Value: &ast.Binary{X: ident(cv), Op: ast.OpAdd, Y: ident(sacc)}})
	default:
		g.locals['s'] = append(g.locals['s'], cv)
		body = append(body, &ast.If{Cond: g.strBool(), Body: []ast.Stmt{
			&ast.AugAssign{Target: ident(acc), Op: ast.OpAdd, Value: intLit(1)}}})
		g.locals['s'] = g.locals['s'][:len(g.locals['s'])-1]
	}
	return []ast.Stmt{&ast.For{Target: ident(cv), Iter: iter, Body: body}}
}
