package parser

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Expressions follow Python's grammar and precedence, loosest first:
//
//	lambda < x if c else y < or < and < not < comparisons (chained, in,
//	not in, is, is not) < | < ^ < & < << >> < + - < * @ / // % < unary - + ~
//	< ** < await < calls, subscripts, attributes < atoms
//
// ** is right-associative and binds tighter than a unary operator on its
// left (-2**2 is -(2**2)) but accepts one on its right (2**-1). Tuples
// without parentheses (starExprs), yield and := exist only where Python's
// grammar has them.

// maxDepth bounds the nesting of expressions, so that hostile input such as
// ten thousand '(' cannot exhaust the stack.
const maxDepth = 500

// deeper counts one more level of recursion; past maxDepth the statement
// fails with a message saying so.
func (p *parser) deeper() {
	p.depth++
	if p.depth > maxDepth {
		p.fail(p.tok().Span, msgTooDeep, maxDepth)
	}
}

// starExprs parses `a`, `a, b`, `*a, b` or `a,` (Python's
// star_expressions): a Tuple when there is a comma.
func (p *parser) starExprs() ast.Expr {
	first := p.starExpr()
	if p.tok().Kind != lexer.COMMA {
		return first
	}
	return p.tupleTail(first, p.starExpr, p.startsExpr)
}

// tupleTail parses the `, x, y` that follow first in a tuple written
// without parentheses, reading each element with item; after a comma it
// stops, the comma being a trailing one, unless more says an element
// follows.
func (p *parser) tupleTail(first ast.Expr, item func() ast.Expr, more func() bool) *ast.Tuple {
	elems := []ast.Expr{first}
	end := first.Span().End
	for p.tok().Kind == lexer.COMMA {
		end = p.tok().Span.End
		p.next()
		if !more() {
			break
		}
		x := item()
		elems = append(elems, x)
		end = x.Span().End
	}
	return &ast.Tuple{Pos: source.Span{Start: first.Span().Start, End: end}, Elems: elems}
}

// noBareStar fails on a starred expression standing alone where Python
// needs it inside a tuple, list, set or call (`x = *a`, `return *a`).
func (p *parser) noBareStar(x ast.Expr) ast.Expr {
	if s, ok := x.(*ast.Starred); ok {
		p.fail(s.Span(), msgStarHere)
	}
	return x
}

// starExprsOrYield parses a yield expression or starExprs.
func (p *parser) starExprsOrYield() ast.Expr {
	if p.isKw(lang.Yield) {
		return p.yieldExpr()
	}
	return p.starExprs()
}

// starExpr parses `*x` (x at the level of |) or an expression.
func (p *parser) starExpr() ast.Expr {
	if t := p.tok(); t.Kind == lexer.MUL {
		p.next()
		return &ast.Starred{Pos: t.Span, X: p.bitOr()}
	}
	return p.expr()
}

// starNamedExpr parses `*x` or a named expression (list and set items).
func (p *parser) starNamedExpr() ast.Expr {
	if t := p.tok(); t.Kind == lexer.MUL {
		p.next()
		return &ast.Starred{Pos: t.Span, X: p.bitOr()}
	}
	return p.namedExpr()
}

// startsExpr reports whether the current token can start an expression
// (used after a trailing comma).
func (p *parser) startsExpr() bool {
	t := p.tok()
	switch t.Kind {
	case lexer.NAME, lexer.INT, lexer.FLOAT, lexer.IMAG, lexer.STRING, lexer.BYTES, lexer.FSTRING,
		lexer.LPAREN, lexer.LBRACK, lexer.LBRACE, lexer.SUB, lexer.ADD, lexer.TILDE, lexer.MUL, lexer.ELLIPSIS:
		return true
	case lexer.KEYWORD:
		switch t.Keyword {
		case lang.Not, lang.Lambda, lang.Await, lang.True, lang.False, lang.None:
			return true
		}
		return p.soft(t)
	}
	return false
}

// yieldExpr parses `yield`, `yield x, y` or `yield from x`.
func (p *parser) yieldExpr() ast.Expr {
	t := p.tok()
	p.next()
	if p.isKw(lang.From) {
		p.next()
		return &ast.YieldFrom{Pos: t.Span, Value: p.expr()}
	}
	y := &ast.Yield{Pos: t.Span}
	if p.startsExpr() {
		y.Value = p.starExprs()
	}
	return y
}

// namedExpr parses `name := value` or an expression.
func (p *parser) namedExpr() ast.Expr {
	if t := p.tok(); p.nameLike(t) && p.peek(1).Kind == lexer.WALRUS {
		p.next()
		p.next()
		p.deeper()
		defer func() { p.depth-- }()
		return &ast.NamedExpr{Target: p.ident(t), Value: p.expr()}
	}
	return p.expr()
}

// expr parses an expression: a lambda, a conditional expression, or a
// disjunction.
func (p *parser) expr() ast.Expr {
	p.deeper()
	defer func() { p.depth-- }()
	if p.isKw(lang.Lambda) {
		return p.lambda()
	}
	x := p.orExpr()
	if p.isKw(lang.If) {
		p.next()
		cond := p.orExpr()
		if !p.isKw(lang.Else) {
			p.failUnexpected(msgExpected, "'"+p.kw(lang.Else)+"'")
		}
		p.next()
		return &ast.IfExp{Body: x, Cond: cond, Else: p.expr()}
	}
	return x
}

// lambda parses `lambda params: body`.
func (p *parser) lambda() ast.Expr {
	t := p.tok()
	p.next()
	params := p.params(lexer.COLON, false)
	p.expect(lexer.COLON, msgExpected, "':'")
	return &ast.Lambda{Pos: t.Span, Params: params, Body: p.expr()}
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
		if !isPythonKeyword(t.Text) && !p.startsExpr() && !p.isKw(lang.Not) {
			// Finnish `ei = 1`: the word is the language's `not`, a common
			// word, and no operand follows.
			p.fail(t.Span, msgKeywordAsName, t.Text, string(t.Keyword))
		}
		p.deeper()
		defer func() { p.depth-- }()
		return &ast.Unary{Op: ast.OpNot, OpPos: t.Span, X: p.notExpr()}
	}
	return p.comparison()
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

// The binary levels, loosest first: each is a left-associative chain of
// its operators over the next level.
var (
	bitOrOps  = map[lexer.Kind]ast.BinaryOp{lexer.PIPE: ast.OpBitOr}
	bitXorOps = map[lexer.Kind]ast.BinaryOp{lexer.CARET: ast.OpBitXor}
	bitAndOps = map[lexer.Kind]ast.BinaryOp{lexer.AMP: ast.OpBitAnd}
	shiftOps  = map[lexer.Kind]ast.BinaryOp{lexer.SHL: ast.OpLShift, lexer.SHR: ast.OpRShift}
	arithOps  = map[lexer.Kind]ast.BinaryOp{lexer.ADD: ast.OpAdd, lexer.SUB: ast.OpSub}
	termOps   = map[lexer.Kind]ast.BinaryOp{lexer.MUL: ast.OpMul, lexer.DIV: ast.OpDiv,
		lexer.FLOORDIV: ast.OpFloorDiv, lexer.MOD: ast.OpMod, lexer.AT: ast.OpMatMul}
)

func (p *parser) bitOr() ast.Expr  { return p.chain(bitOrOps, p.bitXor) }
func (p *parser) bitXor() ast.Expr { return p.chain(bitXorOps, p.bitAnd) }
func (p *parser) bitAnd() ast.Expr { return p.chain(bitAndOps, p.shift) }
func (p *parser) shift() ast.Expr  { return p.chain(shiftOps, p.arith) }
func (p *parser) arith() ast.Expr  { return p.chain(arithOps, p.term) }
func (p *parser) term() ast.Expr   { return p.chain(termOps, p.factor) }

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
	var x ast.Expr
	if t := p.tok(); t.Kind == lexer.KEYWORD && t.Keyword == lang.Await && !p.soft(t) {
		p.next()
		p.deeper()
		x = &ast.Await{Pos: t.Span, X: p.primary()}
		p.depth--
	} else {
		x = p.primary()
	}
	if t := p.tok(); t.Kind == lexer.POW {
		p.next()
		p.deeper()
		defer func() { p.depth-- }()
		return &ast.Binary{X: x, Op: ast.OpPow, OpPos: t.Span, Y: p.factor()}
	}
	return x
}

// primary parses an atom followed by calls, subscripts and attributes.
func (p *parser) primary() ast.Expr {
	x := p.atom()
	for {
		t := p.tok()
		switch t.Kind {
		case lexer.LPAREN:
			p.next()
			call := &ast.Call{Func: x}
			call.Args, call.Keywords = p.arguments(t)
			call.Rparen = p.expectClose(lexer.RPAREN, t).Span.End
			if len(call.Args) == 1 && len(call.Keywords) == 0 {
				if g, ok := call.Args[0].(*ast.Comp); ok && g.Kind == ast.GenExp && g.Pos.Start == g.Elt.Span().Start {
					g.Pos = source.Span{Start: t.Span.Start, End: call.Rparen}
				}
			}
			x = call
		case lexer.LBRACK:
			p.next()
			ix := p.slices()
			x = &ast.Index{X: x, Index: ix, Rbracket: p.expectClose(lexer.RBRACK, t).Span.End}
		case lexer.DOT:
			p.next()
			x = &ast.Attribute{X: x, Name: p.attrName()}
		default:
			return x
		}
	}
}

// attrName consumes the name after a '.': any word, keywords of the
// language included when they are not Python keywords in English (an
// attribute of a Python object may be spelled like a keyword of the
// user's language).
func (p *parser) attrName() *ast.Ident {
	t := p.tok()
	if t.Kind == lexer.KEYWORD && !isPythonKeyword(t.Text) {
		p.next()
		return p.ident(t)
	}
	return p.name(msgExpectedName)
}

// arguments parses call arguments (or class bases) up to the closing ')':
// positional ones, `*xs`, `name=value`, `**kw`, and a generator expression
// as the only argument.
func (p *parser) arguments(open lexer.Token) (args []ast.Expr, kws []*ast.Keyword) {
	for p.tok().Kind != lexer.RPAREN {
		t := p.tok()
		switch {
		case t.Kind == lexer.POW:
			p.next()
			kws = append(kws, &ast.Keyword{Pos: t.Span, Value: p.expr()})
		case t.Kind == lexer.MUL:
			p.next()
			args = append(args, &ast.Starred{Pos: t.Span, X: p.expr()})
			if len(kws) > 0 {
				// *args after keywords is allowed; after **kw it is not
				for _, k := range kws {
					if k.Name == nil {
						p.fail(t.Span, msgArgOrder)
					}
				}
			}
		case p.nameLike(t) && p.peek(1).Kind == lexer.ASSIGN:
			p.next()
			p.next()
			kws = append(kws, &ast.Keyword{Pos: t.Span, Name: p.ident(t), Value: p.expr()})
		default:
			x := p.namedExpr()
			if p.isKw(lang.For) || p.isKw(lang.Async) {
				x = p.comprehension(ast.GenExp, x, nil, source.Span{})
				if len(args) > 0 || len(kws) > 0 || p.tok().Kind != lexer.RPAREN {
					if !(p.tok().Kind == lexer.COMMA && p.peek(1).Kind == lexer.RPAREN && len(args) == 0 && len(kws) == 0) {
						p.fail(x.Span(), msgGenArg)
					}
				}
			}
			if len(kws) > 0 {
				p.fail(x.Span(), msgArgOrder)
			}
			args = append(args, x)
		}
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	return args, kws
}

// slices parses what is inside a subscript's brackets: one slice or
// expression, or several separated by commas (a Tuple).
func (p *parser) slices() ast.Expr {
	first := p.slice()
	if p.tok().Kind != lexer.COMMA {
		if st, ok := first.(*ast.Starred); ok { // x[*a] indexes by the tuple (*a,)
			return &ast.Tuple{Pos: st.Span(), Elems: []ast.Expr{st}}
		}
		return first
	}
	return p.tupleTail(first, p.slice, func() bool { return p.tok().Kind != lexer.RBRACK })
}

// slice parses `lo:hi:step` (any part optional), `*x`, or an expression.
func (p *parser) slice() ast.Expr {
	t := p.tok()
	if t.Kind == lexer.MUL {
		p.next()
		return &ast.Starred{Pos: t.Span, X: p.bitOr()}
	}
	var lo ast.Expr
	if t.Kind != lexer.COLON {
		lo = p.namedExpr()
		if p.tok().Kind != lexer.COLON {
			return lo
		}
	}
	s := &ast.Slice{Lo: lo, Pos: t.Span}
	s.Pos.End = p.tok().Span.End
	p.next() // the first ':'
	if k := p.tok().Kind; k != lexer.COLON && k != lexer.COMMA && k != lexer.RBRACK {
		s.Hi = p.expr()
		s.Pos.End = s.Hi.Span().End
	}
	if p.tok().Kind == lexer.COLON {
		s.Pos.End = p.tok().Span.End
		p.next()
		if k := p.tok().Kind; k != lexer.COMMA && k != lexer.RBRACK {
			s.Step = p.expr()
			s.Pos.End = s.Step.Span().End
		}
	}
	return s
}

// comprehension parses the `for ... in ... if ...` clauses after the
// element elt (and value, for a dict comprehension).
func (p *parser) comprehension(kind ast.CompKind, elt, value ast.Expr, pos source.Span) *ast.Comp {
	c := &ast.Comp{Pos: pos, Kind: kind, Elt: elt, Value: value}
	defer func() {
		if c.Pos == (source.Span{}) && len(c.Fors) > 0 { // until the caller knows the brackets
			last := c.Fors[len(c.Fors)-1]
			end := last.Iter.Span().End
			if len(last.Ifs) > 0 {
				end = last.Ifs[len(last.Ifs)-1].Span().End
			}
			c.Pos = source.Span{Start: elt.Span().Start, End: end}
		}
	}()
	for p.isKw(lang.For) || (p.isKw(lang.Async) && p.peek(1).Kind == lexer.KEYWORD && p.peek(1).Keyword == lang.For) {
		cf := &ast.CompFor{Pos: p.tok().Span}
		if p.isKw(lang.Async) {
			cf.Async = true
			p.next()
		}
		p.next()
		cf.Target = p.targetList()
		if !p.isKw(lang.In) {
			p.failUnexpected(msgInAfterFor, p.kw(lang.In))
		}
		p.next()
		cf.Iter = p.orExpr()
		for p.isKw(lang.If) {
			p.next()
			cf.Ifs = append(cf.Ifs, p.orExprNamed())
		}
		c.Fors = append(c.Fors, cf)
	}
	return c
}

// orExprNamed parses a disjunction that may be an assignment expression
// (the condition of a comprehension's if).
func (p *parser) orExprNamed() ast.Expr {
	if t := p.tok(); p.nameLike(t) && p.peek(1).Kind == lexer.WALRUS {
		return p.namedExpr()
	}
	return p.orExpr()
}

func (p *parser) atom() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case lexer.NAME:
		p.next()
		return p.ident(t)
	case lexer.INT, lexer.FLOAT, lexer.IMAG:
		return p.number()
	case lexer.STRING, lexer.BYTES, lexer.FSTRING:
		return p.strings()
	case lexer.ELLIPSIS:
		p.next()
		return &ast.Ellipsis{Pos: t.Span}
	case lexer.LPAREN:
		return p.parenthesized()
	case lexer.LBRACK:
		return p.listDisplay()
	case lexer.LBRACE:
		return p.braceDisplay()
	case lexer.KEYWORD:
		switch t.Keyword {
		case lang.True, lang.False:
			if !p.soft(t) {
				p.next()
				return &ast.BoolLit{Pos: t.Span, Value: t.Keyword == lang.True}
			}
		case lang.None:
			if !p.soft(t) {
				p.next()
				return &ast.NoneLit{Pos: t.Span}
			}
		}
		if p.soft(t) {
			p.next()
			return p.ident(t)
		}
		if w := p.operandPhrase(); w != nil {
			return p.ident(*w) // `pas dans xs`: the name pas
		}
	}
	p.failUnexpected(msgExpectedExpr)
	return nil
}

// parenthesized parses `()`, `(x)`, `(x,)`, `(x, *y)`, `(yield x)`, `(x
// := 1)` and a generator expression `(x for x in y)`.
func (p *parser) parenthesized() ast.Expr {
	open := p.tok()
	p.next()
	p.deeper()
	defer func() { p.depth-- }()
	if t := p.tok(); t.Kind == lexer.RPAREN {
		p.next()
		return &ast.Tuple{Pos: source.Span{Start: open.Span.Start, End: t.Span.End}, Paren: true}
	}
	if p.isKw(lang.Yield) {
		x := p.yieldExpr()
		p.expectClose(lexer.RPAREN, open)
		return x
	}
	first := p.starNamedExpr()
	if p.isKw(lang.For) || p.isKw(lang.Async) {
		c := p.comprehension(ast.GenExp, first, nil, source.Span{})
		c.Pos = source.Span{Start: open.Span.Start, End: p.expectClose(lexer.RPAREN, open).Span.End}
		return c
	}
	if p.tok().Kind != lexer.COMMA {
		p.expectClose(lexer.RPAREN, open)
		if _, ok := first.(*ast.Starred); ok {
			p.fail(first.Span(), msgStarTarget)
		}
		if l, ok := first.(*ast.Logic); ok {
			l.Paren = true // `(a and b) and c` is not the chain `a and b and c`
		}
		return first
	}
	elems := []ast.Expr{first}
	for p.tok().Kind == lexer.COMMA {
		p.next()
		if p.tok().Kind == lexer.RPAREN {
			break
		}
		elems = append(elems, p.starNamedExpr())
	}
	close := p.expectClose(lexer.RPAREN, open)
	return &ast.Tuple{Pos: source.Span{Start: open.Span.Start, End: close.Span.End}, Elems: elems, Paren: true}
}

// listDisplay parses `[a, *b]` or a list comprehension.
func (p *parser) listDisplay() ast.Expr {
	open := p.tok()
	p.next()
	p.deeper()
	defer func() { p.depth-- }()
	l := &ast.ListLit{}
	for p.tok().Kind != lexer.RBRACK {
		x := p.starNamedExpr()
		if len(l.Elems) == 0 && (p.isKw(lang.For) || p.isKw(lang.Async)) {
			c := p.comprehension(ast.ListComp, x, nil, source.Span{})
			c.Pos = source.Span{Start: open.Span.Start, End: p.expectClose(lexer.RBRACK, open).Span.End}
			return c
		}
		l.Elems = append(l.Elems, x)
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	l.Pos = source.Span{Start: open.Span.Start, End: p.expectClose(lexer.RBRACK, open).Span.End}
	return l
}

// braceDisplay parses a dict `{k: v, **m}`, a set `{a, *b}`, or a dict or
// set comprehension. `{}` is an empty dict.
func (p *parser) braceDisplay() ast.Expr {
	open := p.tok()
	p.next()
	p.deeper()
	defer func() { p.depth-- }()
	span := func(close lexer.Token) source.Span {
		return source.Span{Start: open.Span.Start, End: close.Span.End}
	}
	if t := p.tok(); t.Kind == lexer.RBRACE {
		p.next()
		return &ast.Dict{Pos: span(t)}
	}
	// The first item decides between a dict and a set.
	var key ast.Expr
	if t := p.tok(); t.Kind == lexer.POW {
		p.next()
		key = nil
		d := &ast.Dict{Keys: []ast.Expr{nil}, Values: []ast.Expr{p.bitOr()}}
		return p.dictRest(d, open, span)
	}
	key = p.starNamedExpr()
	if p.tok().Kind == lexer.COLON {
		if _, ok := key.(*ast.Starred); ok {
			p.fail(key.Span(), msgStarTarget)
		}
		p.next()
		value := p.expr()
		if p.isKw(lang.For) || p.isKw(lang.Async) {
			c := p.comprehension(ast.DictComp, key, value, source.Span{})
			c.Pos = span(p.expectClose(lexer.RBRACE, open))
			return c
		}
		d := &ast.Dict{Keys: []ast.Expr{key}, Values: []ast.Expr{value}}
		return p.dictRest(d, open, span)
	}
	if p.isKw(lang.For) || p.isKw(lang.Async) {
		c := p.comprehension(ast.SetComp, key, nil, source.Span{})
		c.Pos = span(p.expectClose(lexer.RBRACE, open))
		return c
	}
	s := &ast.Set{Elems: []ast.Expr{key}}
	for p.tok().Kind == lexer.COMMA {
		p.next()
		if p.tok().Kind == lexer.RBRACE {
			break
		}
		s.Elems = append(s.Elems, p.starNamedExpr())
	}
	s.Pos = span(p.expectClose(lexer.RBRACE, open))
	return s
}

// dictRest parses the items of a dict display after its first one.
func (p *parser) dictRest(d *ast.Dict, open lexer.Token, span func(lexer.Token) source.Span) ast.Expr {
	for p.tok().Kind == lexer.COMMA {
		p.next()
		if p.tok().Kind == lexer.RBRACE {
			break
		}
		if t := p.tok(); t.Kind == lexer.POW {
			p.next()
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, p.bitOr())
			continue
		}
		k := p.expr()
		p.expect(lexer.COLON, msgExpected, "':'")
		d.Keys = append(d.Keys, k)
		d.Values = append(d.Values, p.expr())
	}
	d.Pos = span(p.expectClose(lexer.RBRACE, open))
	return d
}
