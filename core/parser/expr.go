package parser

import (
	"math"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Expressions follow Python's precedence, loosest first:
//
//	or < and < not < comparisons (chained, in, not in, is, is not)
//	< | < ^ < & < << >> < + - < * / // % < unary - + ~ < ** < calls,
//	indexing, attributes < atoms
//
// ** is right-associative and binds tighter than a unary operator on its
// left (-2**2 is -(2**2)) but accepts one on its right (2**-1).

// maxDepth bounds the nesting of expressions, so that hostile input such as
// ten thousand '(' cannot exhaust the stack.
const maxDepth = 500

func (p *parser) expr() ast.Expr {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		p.failUnexpected(msgExpectedExpr)
	}
	return p.orExpr()
}

func (p *parser) orExpr() ast.Expr {
	x := p.andExpr()
	for p.isKw(lang.Or) {
		t := p.tok()
		p.next()
		x = &ast.Logic{X: x, Op: ast.OpOr, OpPos: t.Span, Y: p.andExpr()}
	}
	return x
}

func (p *parser) andExpr() ast.Expr {
	x := p.notExpr()
	for p.isKw(lang.And) {
		t := p.tok()
		p.next()
		x = &ast.Logic{X: x, Op: ast.OpAnd, OpPos: t.Span, Y: p.notExpr()}
	}
	return x
}

func (p *parser) notExpr() ast.Expr {
	if p.isKw(lang.Not) {
		t := p.tok()
		p.next()
		p.deeper()
		defer func() { p.depth-- }()
		return &ast.Unary{Op: ast.OpNot, OpPos: t.Span, X: p.notExpr()}
	}
	return p.comparison()
}

// deeper counts one more level of recursion that does not go through expr.
func (p *parser) deeper() {
	p.depth++
	if p.depth > maxDepth {
		p.failUnexpected(msgExpectedExpr)
	}
}

var cmpOps = map[lexer.Kind]ast.CmpOp{
	lexer.EQ: ast.CmpEq, lexer.NE: ast.CmpNe, lexer.LT: ast.CmpLt,
	lexer.LE: ast.CmpLe, lexer.GT: ast.CmpGt, lexer.GE: ast.CmpGe,
}

// cmpOp recognizes a comparison operator at the current token, consuming
// it. "not in" may come as one phrase token or as 'not' then 'in';
// "is not" always comes as 'is' then 'not'.
func (p *parser) cmpOp() (ast.CmpOp, source.Span, bool) {
	t := p.tok()
	if op, ok := cmpOps[t.Kind]; ok {
		p.next()
		return op, t.Span, true
	}
	if t.Kind != lexer.KEYWORD {
		return 0, source.Span{}, false
	}
	nxt := p.peek(1)
	nextIs := func(k lang.Keyword) bool { return nxt.Kind == lexer.KEYWORD && nxt.Keyword == k }
	switch t.Keyword {
	case lang.In:
		p.next()
		return ast.CmpIn, t.Span, true
	case lang.NotIn:
		p.next()
		return ast.CmpNotIn, t.Span, true
	case lang.Not:
		if nextIs(lang.In) {
			p.next()
			p.next()
			return ast.CmpNotIn, source.Span{Start: t.Span.Start, End: nxt.Span.End}, true
		}
	case lang.Is:
		p.next()
		if nextIs(lang.Not) {
			p.next()
			return ast.CmpIsNot, source.Span{Start: t.Span.Start, End: nxt.Span.End}, true
		}
		return ast.CmpIs, t.Span, true
	}
	return 0, source.Span{}, false
}

func (p *parser) comparison() ast.Expr {
	x := p.bitOr()
	op, span, ok := p.cmpOp()
	if !ok {
		return x
	}
	c := &ast.Compare{Operands: []ast.Expr{x}}
	for ok {
		c.Ops = append(c.Ops, op)
		c.OpPos = append(c.OpPos, span)
		c.Operands = append(c.Operands, p.bitOr())
		op, span, ok = p.cmpOp()
	}
	return c
}

// The bitwise levels, loosest first: each is a left-associative chain of
// its operators over the next level.
var (
	bitOrOps  = map[lexer.Kind]ast.BinaryOp{lexer.PIPE: ast.OpBitOr}
	bitXorOps = map[lexer.Kind]ast.BinaryOp{lexer.CARET: ast.OpBitXor}
	bitAndOps = map[lexer.Kind]ast.BinaryOp{lexer.AMP: ast.OpBitAnd}
	shiftOps  = map[lexer.Kind]ast.BinaryOp{lexer.SHL: ast.OpLShift, lexer.SHR: ast.OpRShift}
)

func (p *parser) bitOr() ast.Expr  { return p.chain(bitOrOps, p.bitXor) }
func (p *parser) bitXor() ast.Expr { return p.chain(bitXorOps, p.bitAnd) }
func (p *parser) bitAnd() ast.Expr { return p.chain(bitAndOps, p.shift) }
func (p *parser) shift() ast.Expr  { return p.chain(shiftOps, p.arith) }

// chain parses `operand (op operand)*` for the operators in ops, grouping
// to the left.
func (p *parser) chain(ops map[lexer.Kind]ast.BinaryOp, operand func() ast.Expr) ast.Expr {
	x := operand()
	for {
		t := p.tok()
		op, ok := ops[t.Kind]
		if !ok {
			return x
		}
		p.next()
		x = &ast.Binary{X: x, Op: op, OpPos: t.Span, Y: operand()}
	}
}

func (p *parser) arith() ast.Expr {
	x := p.term()
	for {
		t := p.tok()
		var op ast.BinaryOp
		switch t.Kind {
		case lexer.ADD:
			op = ast.OpAdd
		case lexer.SUB:
			op = ast.OpSub
		default:
			return x
		}
		p.next()
		x = &ast.Binary{X: x, Op: op, OpPos: t.Span, Y: p.term()}
	}
}

var termOps = map[lexer.Kind]ast.BinaryOp{
	lexer.MUL: ast.OpMul, lexer.DIV: ast.OpDiv, lexer.FLOORDIV: ast.OpFloorDiv, lexer.MOD: ast.OpMod,
}

func (p *parser) term() ast.Expr {
	x := p.factor()
	for {
		t := p.tok()
		op, ok := termOps[t.Kind]
		if !ok {
			return x
		}
		p.next()
		x = &ast.Binary{X: x, Op: op, OpPos: t.Span, Y: p.factor()}
	}
}

func (p *parser) factor() ast.Expr {
	t := p.tok()
	var op ast.UnaryOp
	switch t.Kind {
	case lexer.SUB:
		op = ast.OpNeg
	case lexer.ADD:
		op = ast.OpPos
	case lexer.TILDE:
		op = ast.OpInvert
	default:
		return p.power()
	}
	p.next()
	p.deeper()
	defer func() { p.depth-- }()
	return &ast.Unary{Op: op, OpPos: t.Span, X: p.factor()}
}

func (p *parser) power() ast.Expr {
	x := p.primary()
	if t := p.tok(); t.Kind == lexer.POW {
		p.next()
		p.deeper()
		defer func() { p.depth-- }()
		return &ast.Binary{X: x, Op: ast.OpPow, OpPos: t.Span, Y: p.factor()}
	}
	return x
}

// primary parses an atom followed by calls, indexing and attributes.
func (p *parser) primary() ast.Expr {
	x := p.atom()
	for {
		t := p.tok()
		switch t.Kind {
		case lexer.LPAREN:
			p.next()
			call := &ast.Call{Func: x}
			for p.tok().Kind != lexer.RPAREN {
				arg := p.expr()
				if p.tok().Kind == lexer.ASSIGN {
					p.fail(p.tok().Span, msgKeywordArgs)
				}
				if p.isKw(lang.For) {
					p.fail(p.tok().Span, msgComprehensions)
				}
				call.Args = append(call.Args, arg)
				if p.tok().Kind != lexer.COMMA {
					break
				}
				p.next()
			}
			call.Rparen = p.expectClose(lexer.RPAREN, t).Span.End
			x = call
		case lexer.LBRACK:
			p.next()
			if p.tok().Kind == lexer.COLON {
				p.fail(p.tok().Span, msgSlices)
			}
			ix := p.expr()
			switch p.tok().Kind {
			case lexer.COLON:
				p.fail(p.tok().Span, msgSlices)
			case lexer.COMMA:
				p.fail(p.tok().Span, msgTuples)
			}
			x = &ast.Index{X: x, Index: ix, Rbracket: p.expectClose(lexer.RBRACK, t).Span.End}
		case lexer.DOT:
			p.next()
			x = &ast.Attribute{X: x, Name: p.name(msgExpectedName)}
		default:
			return x
		}
	}
}

func (p *parser) atom() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case lexer.NAME:
		p.next()
		return &ast.Ident{Pos: t.Span, Name: t.Text}
	case lexer.INT:
		p.next()
		return &ast.IntLit{Pos: t.Span, Text: t.Value}
	case lexer.FLOAT:
		p.next()
		v, err := strconv.ParseFloat(t.Value, 64)
		if err != nil && !errorsIsRange(err) {
			v = math.NaN() // the lexer already reported a malformed literal
		}
		return &ast.FloatLit{Pos: t.Span, Text: t.Value, Value: v}
	case lexer.STRING:
		// Adjacent literals concatenate, as in Python.
		s := &ast.StrLit{Pos: t.Span}
		var b strings.Builder
		for p.tok().Kind == lexer.STRING {
			b.WriteString(p.tok().Value)
			s.Pos.End = p.tok().Span.End
			p.next()
		}
		s.Value = b.String()
		return s
	case lexer.LPAREN:
		p.next()
		if p.tok().Kind == lexer.RPAREN {
			p.fail(p.tok().Span, msgTuples)
		}
		x := p.expr()
		switch {
		case p.tok().Kind == lexer.COMMA:
			p.fail(p.tok().Span, msgTuples)
		case p.isKw(lang.For):
			p.fail(p.tok().Span, msgComprehensions)
		}
		p.expectClose(lexer.RPAREN, t)
		return x
	case lexer.LBRACK:
		p.next()
		l := &ast.ListLit{}
		for p.tok().Kind != lexer.RBRACK {
			l.Elems = append(l.Elems, p.expr())
			if p.isKw(lang.For) {
				p.fail(p.tok().Span, msgComprehensions)
			}
			if p.tok().Kind != lexer.COMMA {
				break
			}
			p.next()
		}
		l.Pos = source.Span{Start: t.Span.Start, End: p.expectClose(lexer.RBRACK, t).Span.End}
		return l
	case lexer.KEYWORD:
		switch t.Keyword {
		case lang.True, lang.False:
			p.next()
			return &ast.BoolLit{Pos: t.Span, Value: t.Keyword == lang.True}
		case lang.None:
			p.next()
			return &ast.NoneLit{Pos: t.Span}
		}
		if p.soft(t) {
			p.next()
			return &ast.Ident{Pos: t.Span, Name: t.Text}
		}
	}
	p.failUnexpected(msgExpectedExpr)
	return nil
}

func errorsIsRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}
