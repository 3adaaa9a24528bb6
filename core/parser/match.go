package parser

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// matchStmt parses `match subject:` and its case blocks. match is a soft
// keyword: when what follows it does not read as a match header, matchStmt
// consumes nothing and returns nil, and the line is parsed as a statement
// using the name.
func (p *parser) matchStmt() *ast.Match {
	kw := p.tok()
	var subject ast.Expr
	if !p.speculate(func() {
		p.next()
		subject = p.matchSubject()
		if p.tok().Kind != lexer.COLON || p.peek(1).Kind != lexer.NEWLINE {
			panic(bailout{})
		}
	}) {
		return nil
	}
	p.next() // ':'
	p.next() // NEWLINE
	if p.tok().Kind != lexer.INDENT {
		p.fail(p.tok().Span, msgIndentedBlock, kw.Text, kw.Span.Start.Line)
	}
	p.next()
	m := &ast.Match{Pos: kw.Span, Subject: subject}
	for k := p.tok().Kind; k != lexer.DEDENT && k != lexer.EOF; k = p.tok().Kind {
		var c *ast.MatchCase
		if p.try(func() { c = p.caseBlock() }) {
			m.Cases = append(m.Cases, c)
		} else {
			p.skipLine()
		}
	}
	if p.tok().Kind == lexer.DEDENT {
		p.next()
	}
	return m
}

// matchSubject parses the subject: an expression, or several (a tuple).
func (p *parser) matchSubject() ast.Expr {
	first := p.starNamedExpr()
	_, starred := first.(*ast.Starred)
	if p.tok().Kind != lexer.COMMA && !starred {
		return first
	}
	return p.tupleTail(first, p.starNamedExpr, func() bool { return p.tok().Kind != lexer.COLON })
}

// caseBlock parses `case pattern if guard: block`, or `default: block`
// (the language's word for `case _:`).
func (p *parser) caseBlock() *ast.MatchCase {
	t := p.tok()
	if t.Kind == lexer.KEYWORD && t.Keyword == lang.Default && p.peek(1).Kind == lexer.COLON {
		p.next()
		p.next()
		return &ast.MatchCase{Pos: t.Span, Pattern: &ast.MatchAs{Pos: t.Span}, Body: p.block(t)}
	}
	if t.Kind != lexer.KEYWORD || t.Keyword != lang.Case {
		p.failUnexpected(msgExpected, "'"+p.kw(lang.Case)+"'")
	}
	p.next()
	c := &ast.MatchCase{Pos: t.Span, Pattern: p.openPatterns()}
	if p.isKw(lang.If) {
		p.next()
		c.Guard = p.namedExpr()
	}
	p.headerColon(t)
	c.Body = p.block(t)
	return c
}

// openPatterns parses `p`, or `p, q, *r` (a sequence without brackets).
func (p *parser) openPatterns() ast.Pattern {
	start := p.tok().Span
	first := p.starOrPattern()
	_, star := first.(*ast.MatchStar)
	if p.tok().Kind != lexer.COMMA && !star {
		return first
	}
	seq := &ast.MatchSequence{Patterns: []ast.Pattern{first}}
	end := first.Span().End
	for p.tok().Kind == lexer.COMMA {
		end = p.tok().Span.End
		p.next()
		if p.tok().Kind == lexer.COLON || p.isKw(lang.If) {
			break
		}
		x := p.starOrPattern()
		seq.Patterns = append(seq.Patterns, x)
		end = x.Span().End
	}
	seq.Pos = source.Span{Start: start.Start, End: end}
	return seq
}

// starOrPattern parses `*name`, `*_` or a pattern.
func (p *parser) starOrPattern() ast.Pattern {
	if t := p.tok(); t.Kind == lexer.MUL {
		p.next()
		id := p.name(msgExpectedName)
		s := &ast.MatchStar{Pos: source.Span{Start: t.Span.Start, End: id.Pos.End}}
		if id.Name != "_" {
			s.Name = id
		}
		return s
	}
	return p.pattern()
}

// pattern parses `p as name` or an or-pattern.
func (p *parser) pattern() ast.Pattern {
	p.deeper()
	defer func() { p.depth-- }()
	x := p.orPattern()
	if p.isKw(lang.As) {
		p.next()
		id := p.name(msgExpectedName)
		if id.Name == "_" {
			p.fail(id.Pos, msgCannotAssign, "'_'")
		}
		return &ast.MatchAs{Pos: source.Span{Start: x.Span().Start, End: id.Pos.End}, Pattern: x, Name: id}
	}
	return x
}

func (p *parser) orPattern() ast.Pattern {
	first := p.closedPattern()
	if p.tok().Kind != lexer.PIPE {
		return first
	}
	or := &ast.MatchOr{Patterns: []ast.Pattern{first}}
	for p.tok().Kind == lexer.PIPE {
		p.next()
		or.Patterns = append(or.Patterns, p.closedPattern())
	}
	return or
}

// closedPattern parses a literal, capture, wildcard, value, group,
// sequence, mapping or class pattern.
func (p *parser) closedPattern() ast.Pattern {
	t := p.tok()
	switch t.Kind {
	case lexer.INT, lexer.FLOAT, lexer.IMAG, lexer.SUB:
		return &ast.MatchValue{X: p.signedNumber()}
	case lexer.STRING, lexer.BYTES:
		return &ast.MatchValue{X: p.strings()}
	case lexer.LPAREN:
		return p.parenPattern()
	case lexer.LBRACK:
		return p.seqPattern(lexer.RBRACK)
	case lexer.LBRACE:
		return p.mappingPattern()
	case lexer.KEYWORD:
		if !p.soft(t) {
			switch t.Keyword {
			case lang.None, lang.True, lang.False:
				return &ast.MatchSingleton{X: p.atom()}
			}
		}
	}
	if !p.nameLike(t) {
		p.failUnexpected(msgExpectedPattern)
	}
	var x ast.Expr = p.name(msgExpectedName)
	dotted := false
	for p.tok().Kind == lexer.DOT {
		p.next()
		x = &ast.Attribute{X: x, Name: p.attrName()}
		dotted = true
	}
	if p.tok().Kind == lexer.LPAREN {
		return p.classPattern(x)
	}
	if dotted {
		return &ast.MatchValue{X: x}
	}
	id := x.(*ast.Ident)
	if id.Name == "_" {
		return &ast.MatchAs{Pos: id.Pos}
	}
	return &ast.MatchAs{Pos: id.Pos, Name: id}
}

// signedNumber parses a number pattern's value: `1`, `-1.5`, `2j`,
// `-1 + 2j`.
func (p *parser) signedNumber() ast.Expr {
	var x ast.Expr
	if t := p.tok(); t.Kind == lexer.SUB {
		p.next()
		if k := p.tok().Kind; k != lexer.INT && k != lexer.FLOAT && k != lexer.IMAG {
			p.failUnexpected(msgExpectedPattern)
		}
		x = &ast.Unary{Op: ast.OpNeg, OpPos: t.Span, X: p.number()}
	} else {
		x = p.number()
	}
	if t := p.tok(); t.Kind == lexer.ADD || t.Kind == lexer.SUB {
		p.next()
		if p.tok().Kind != lexer.IMAG {
			p.failUnexpected(msgExpectedPattern)
		}
		op := ast.OpAdd
		if t.Kind == lexer.SUB {
			op = ast.OpSub
		}
		x = &ast.Binary{X: x, Op: op, OpPos: t.Span, Y: p.number()}
	}
	return x
}

// parenPattern parses `()`, `(p)` (a group) or `(p, q)` (a sequence).
func (p *parser) parenPattern() ast.Pattern {
	open := p.tok()
	p.next()
	if t := p.tok(); t.Kind == lexer.RPAREN {
		p.next()
		return &ast.MatchSequence{Pos: source.Span{Start: open.Span.Start, End: t.Span.End}}
	}
	first := p.starOrPattern()
	_, star := first.(*ast.MatchStar)
	if p.tok().Kind != lexer.COMMA && !star {
		p.expectClose(lexer.RPAREN, open)
		return first
	}
	seq := &ast.MatchSequence{Patterns: []ast.Pattern{first}}
	for p.tok().Kind == lexer.COMMA {
		p.next()
		if p.tok().Kind == lexer.RPAREN {
			break
		}
		seq.Patterns = append(seq.Patterns, p.starOrPattern())
	}
	seq.Pos = source.Span{Start: open.Span.Start, End: p.expectClose(lexer.RPAREN, open).Span.End}
	return seq
}

// seqPattern parses `[p, *q, r]`.
func (p *parser) seqPattern(close lexer.Kind) ast.Pattern {
	open := p.tok()
	p.next()
	seq := &ast.MatchSequence{}
	for p.tok().Kind != close {
		seq.Patterns = append(seq.Patterns, p.starOrPattern())
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	seq.Pos = source.Span{Start: open.Span.Start, End: p.expectClose(close, open).Span.End}
	return seq
}

// mappingPattern parses `{key: p, **rest}`; keys are literals or dotted
// names.
func (p *parser) mappingPattern() ast.Pattern {
	open := p.tok()
	p.next()
	m := &ast.MatchMapping{}
	for p.tok().Kind != lexer.RBRACE {
		if t := p.tok(); t.Kind == lexer.POW {
			p.next()
			m.Rest = p.name(msgExpectedName)
			if p.tok().Kind == lexer.COMMA {
				p.next()
			}
			break
		}
		m.Keys = append(m.Keys, p.mappingKey())
		p.expect(lexer.COLON, msgExpected, "':'")
		m.Patterns = append(m.Patterns, p.pattern())
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	m.Pos = source.Span{Start: open.Span.Start, End: p.expectClose(lexer.RBRACE, open).Span.End}
	return m
}

// mappingKey parses a key of a mapping pattern: a literal or a dotted name
// with at least one dot.
func (p *parser) mappingKey() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case lexer.INT, lexer.FLOAT, lexer.IMAG, lexer.SUB:
		return p.signedNumber()
	case lexer.STRING, lexer.BYTES:
		return p.strings()
	case lexer.KEYWORD:
		if !p.soft(t) && (t.Keyword == lang.None || t.Keyword == lang.True || t.Keyword == lang.False) {
			return p.atom()
		}
	}
	var x ast.Expr = p.name(msgExpectedPattern)
	if p.tok().Kind != lexer.DOT {
		p.fail(x.Span(), msgExpectedPattern, "'"+x.(*ast.Ident).Name+"'")
	}
	for p.tok().Kind == lexer.DOT {
		p.next()
		x = &ast.Attribute{X: x, Name: p.attrName()}
	}
	return x
}

// classPattern parses `Cls(p, q, attr=r)` after its class name.
func (p *parser) classPattern(cls ast.Expr) ast.Pattern {
	open := p.tok()
	p.next()
	c := &ast.MatchClass{Cls: cls}
	for p.tok().Kind != lexer.RPAREN {
		if t := p.tok(); p.nameLike(t) && p.peek(1).Kind == lexer.ASSIGN {
			p.next()
			p.next()
			c.KwdAttrs = append(c.KwdAttrs, p.ident(t))
			c.KwdPatterns = append(c.KwdPatterns, p.pattern())
		} else {
			if len(c.KwdAttrs) > 0 {
				p.fail(p.tok().Span, msgArgOrder)
			}
			c.Patterns = append(c.Patterns, p.pattern())
		}
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	c.Rparen = p.expectClose(lexer.RPAREN, open).Span.End
	return c
}
