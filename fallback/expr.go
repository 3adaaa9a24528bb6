package fallback

import (
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Python operator precedence, lowest first, for the operators the AST has
// (https://docs.python.org/3/reference/expressions.html#operator-precedence).
const (
	precOr      = 3  // or
	precAnd     = 4  // and
	precNot     = 5  // not x
	precCmp     = 6  // comparisons, in, not in, is, is not
	precBitOr   = 7  // |
	precBitXor  = 8  // ^
	precBitAnd  = 9  // &
	precShift   = 10 // << >>
	precAdd     = 11 // + -
	precMul     = 12 // * / // %
	precUnary   = 13 // -x +x ~x
	precPow     = 14 // **
	precPostfix = 16 // calls, subscriptions, attributes
	precAtom    = 17 // names, literals, displays
)

// binaryPrec gives the precedence of each arithmetic operator.
var binaryPrec = map[ast.BinaryOp]int{
	ast.OpAdd: precAdd, ast.OpSub: precAdd,
	ast.OpMul: precMul, ast.OpDiv: precMul, ast.OpFloorDiv: precMul, ast.OpMod: precMul,
	ast.OpPow:   precPow,
	ast.OpBitOr: precBitOr, ast.OpBitXor: precBitXor, ast.OpBitAnd: precBitAnd,
	ast.OpLShift: precShift, ast.OpRShift: precShift,
}

// paren wraps s in parentheses when its precedence is below min.
func paren(s string, prec, min int) string {
	if prec < min {
		return "(" + s + ")"
	}
	return s
}

// expr returns the Python text of e and its precedence. The text keeps
// the tree's shape exactly: every operand that Python could group
// differently is parenthesized, and more are parenthesized than strictly
// needed where it helps a reader (-(x ** 2), a or (b and c)). Since Python
// evaluates operands left to right and the tree is not rearranged, the
// evaluation order is the source's.
func (g *gen) expr(e ast.Expr) (string, int) {
	switch e := e.(type) {
	case *ast.Ident:
		if e == nil {
			g.failf(nil, "nil identifier")
		}
		return g.ident(e), precAtom
	case *ast.IntLit:
		if e == nil {
			g.failf(nil, "nil integer literal")
		}
		s, err := intLiteral(e.Text)
		if err != nil {
			g.fail(e, err)
		}
		if strings.HasPrefix(s, "-") {
			return s, precUnary
		}
		return s, precAtom
	case *ast.FloatLit:
		if e == nil {
			g.failf(nil, "nil float literal")
		}
		s, err := floatLiteral(e.Text, e.Value)
		if err != nil {
			g.fail(e, err)
		}
		if strings.HasPrefix(s, "-") {
			return s, precUnary
		}
		return s, precAtom
	case *ast.StrLit:
		if e == nil {
			g.failf(nil, "nil string literal")
		}
		s, err := stringLiteral(e.Value)
		if err != nil {
			g.fail(e, err)
		}
		return s, precAtom
	case *ast.BoolLit:
		if e == nil {
			g.failf(nil, "nil boolean literal")
		}
		if e.Value {
			return "True", precAtom
		}
		return "False", precAtom
	case *ast.NoneLit:
		return "None", precAtom
	case *ast.ListLit:
		if e == nil {
			g.failf(nil, "nil list")
		}
		return "[" + g.exprList(e.Elems) + "]", precAtom
	case *ast.Binary:
		if e == nil {
			g.failf(nil, "nil binary expression")
		}
		return g.binary(e)
	case *ast.Unary:
		if e == nil {
			g.failf(nil, "nil unary expression")
		}
		return g.unary(e)
	case *ast.Logic:
		if e == nil {
			g.failf(nil, "nil logical expression")
		}
		return g.logic(e)
	case *ast.Compare:
		if e == nil {
			g.failf(nil, "nil comparison")
		}
		return g.compare(e)
	case *ast.Call:
		if e == nil {
			g.failf(nil, "nil call")
		}
		fn, p := g.expr(e.Func)
		return paren(fn, p, precPostfix) + "(" + g.exprList(e.Args) + ")", precPostfix
	case *ast.Attribute:
		if e == nil || e.Name == nil {
			g.failf(nil, "attribute without a name")
		}
		x, p := g.expr(e.X)
		switch e.X.(type) {
		case *ast.IntLit, *ast.FloatLit:
			p = 0 // 5.real would read as a float
		}
		return paren(x, p, precPostfix) + "." + g.method(e.Name), precPostfix
	case *ast.Index:
		if e == nil {
			g.failf(nil, "nil subscription")
		}
		x, p := g.expr(e.X)
		i, _ := g.expr(e.Index)
		return paren(x, p, precPostfix) + "[" + i + "]", precPostfix
	case nil:
		g.failf(nil, "missing expression")
	}
	g.failf(e, "unsupported expression %T", e)
	return "", 0
}

// exprList returns the comma-separated texts of es. No expression of the
// AST needs parentheses as an argument or a list element.
func (g *gen) exprList(es []ast.Expr) string {
	parts := make([]string, len(es))
	for i, x := range es {
		parts[i], _ = g.expr(x)
	}
	return strings.Join(parts, ", ")
}

// ident returns the Python text of a name: the canonical English name of a
// builtin, else the program name as mapped by the namer.
func (g *gen) ident(id *ast.Ident) string {
	if canon, ok := g.builtinOf(id); ok {
		return canon
	}
	return g.names.name(id.Name)
}

// method returns the Python name of a method: its canonical English name
// when the checker resolved it, else the name as written (made valid).
func (g *gen) method(id *ast.Ident) string {
	if g.info != nil {
		if canon, ok := g.info.Methods[id]; ok {
			if !isASCIIIdent(canon) {
				g.failf(id, "method %q has no Python name %q", id.Name, canon)
			}
			return canon
		}
	}
	return attrName(id.Name)
}

// binary returns X op Y. Operators are left-associative except **: a
// right operand of the same precedence is parenthesized (a - (b - c)), as
// is a unary right operand for the reader (a - (-b)), and
// so is a left operand of ** that is a unary or a power ((-2) ** 2). The
// right operand of ** is parenthesized unless it is a primary (2 ** (-1)),
// which Python does not need but a reader does.
func (g *gen) binary(e *ast.Binary) (string, int) {
	p, ok := binaryPrec[e.Op]
	if !ok {
		g.failf(e, "unknown arithmetic operator %d", int(e.Op))
	}
	x, xp := g.expr(e.X)
	y, yp := g.expr(e.Y)
	if e.Op == ast.OpPow {
		return paren(x, xp, precPostfix) + " ** " + paren(y, yp, precPostfix), p
	}
	if e.Op.IsBitwise() {
		// Few readers know the bitwise precedences: an operand that is
		// another binary operation is parenthesized, except a left operand
		// with the same operator (a | b | c).
		if xb, ok := e.X.(*ast.Binary); ok && xb != nil && xb.Op != e.Op {
			xp = 0
		}
		if _, ok := e.Y.(*ast.Binary); ok {
			yp = 0
		}
		return paren(x, xp, p) + " " + e.Op.String() + " " + paren(y, yp, p+1), p
	}
	if yp == precUnary {
		yp = 0 // a - (-b) rather than a - -b
	}
	return paren(x, xp, p) + " " + e.Op.String() + " " + paren(y, yp, p+1), p
}

// unary returns -x, +x, ~x or not x. The operand of -, + and ~ is parenthesized
// unless it is a primary (-(-x), -(x ** 2)); the operand of not is
// parenthesized when it is a not, and, or (not (a and b)).
func (g *gen) unary(e *ast.Unary) (string, int) {
	x, xp := g.expr(e.X)
	switch e.Op {
	case ast.OpNeg:
		return "-" + paren(x, xp, precPostfix), precUnary
	case ast.OpPos:
		return "+" + paren(x, xp, precPostfix), precUnary
	case ast.OpInvert:
		return "~" + paren(x, xp, precPostfix), precUnary
	case ast.OpNot:
		return "not " + paren(x, xp, precCmp), precNot
	}
	g.failf(e, "unknown unary operator %d", int(e.Op))
	return "", 0
}

// logic returns X and Y or X or Y. A nested and/or of the other kind is
// parenthesized for the reader; a right operand of the same kind is
// parenthesized to keep the tree's grouping.
func (g *gen) logic(e *ast.Logic) (string, int) {
	var p int
	switch e.Op {
	case ast.OpAnd:
		p = precAnd
	case ast.OpOr:
		p = precOr
	default:
		g.failf(e, "unknown logical operator %d", int(e.Op))
	}
	x, xp := g.expr(e.X)
	y, yp := g.expr(e.Y)
	if xl, ok := e.X.(*ast.Logic); ok && xl != nil && xl.Op != e.Op {
		xp = 0
	}
	if _, ok := e.Y.(*ast.Logic); ok {
		yp = 0
	}
	return paren(x, xp, p) + " " + e.Op.String() + " " + paren(y, yp, p), p
}

// compare returns a comparison chain. It stays a chain, so Python
// evaluates each middle operand once and stops at the first false link,
// as the source means; an operand that is itself a comparison, a not or a
// logical expression is parenthesized.
func (g *gen) compare(e *ast.Compare) (string, int) {
	if len(e.Operands) < 2 || len(e.Ops) != len(e.Operands)-1 {
		g.failf(nil, "comparison with %d operands and %d operators", len(e.Operands), len(e.Ops))
	}
	var b strings.Builder
	for i, x := range e.Operands {
		s, p := g.expr(x)
		if i > 0 {
			op := e.Ops[i-1]
			if op < ast.CmpEq || op > ast.CmpIsNot {
				g.failf(x, "unknown comparison operator %d", int(op))
			}
			b.WriteString(" " + op.String() + " ")
		}
		b.WriteString(paren(s, p, precCmp+1))
	}
	return b.String(), precCmp
}

// isASCIIIdent reports whether s is a non-empty ASCII identifier that is
// not a keyword: the shape of every canonical builtin and method name.
func isASCIIIdent(s string) bool {
	if s == "" || pythonKeywords[s] {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
