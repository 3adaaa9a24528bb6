package parser

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lexer"
)

// params parses a parameter list up to the token close (')' for a def,
// ':' for a lambda): `a, b: int = 1, /, c, *args, d, e=2, **kw`, with
// annotations only when annotated is set. Python's ordering rules are
// checked here: `/` once and first, one `*`, `**kw` last, and no parameter
// without a default after one with a default before the `*`.
func (p *parser) params(close lexer.Kind, annotated bool) []*ast.Param {
	var out []*ast.Param
	seenSlash, seenStar, seenKw, seenDefault := false, false, false, false
	bareStar := -1 // index in out where a bare '*' was written
	for p.tok().Kind != close {
		t := p.tok()
		if seenKw {
			p.fail(t.Span, msgParamOrder, p.describe(t))
		}
		switch t.Kind {
		case lexer.DIV:
			if seenSlash || seenStar || len(out) == 0 {
				p.fail(t.Span, msgParamOrder, "'/'")
			}
			seenSlash = true
			for _, prm := range out {
				prm.Kind = ast.ParamPosOnly
			}
			p.next()
		case lexer.MUL:
			if seenStar {
				p.fail(t.Span, msgParamOrder, "'*'")
			}
			seenStar = true
			p.next()
			if p.tok().Kind == lexer.COMMA || p.tok().Kind == close {
				bareStar = len(out)
				break
			}
			prm := &ast.Param{Name: p.name(msgExpectedParam), Kind: ast.ParamVarArgs, Star: t.Span}
			if annotated && p.tok().Kind == lexer.COLON {
				p.next()
				if p.tok().Kind == lexer.MUL { // *args: *Ts
					st := p.tok()
					p.next()
					x := &ast.Starred{Pos: st.Span, X: p.expr()}
					prm.Type = typeOf(x)
				} else {
					prm.Type = p.annotation()
				}
			}
			out = append(out, prm)
		case lexer.POW:
			p.next()
			prm := &ast.Param{Name: p.name(msgExpectedParam), Kind: ast.ParamVarKw, Star: t.Span}
			if annotated && p.tok().Kind == lexer.COLON {
				p.next()
				prm.Type = p.annotation()
			}
			out = append(out, prm)
			seenKw = true
		default:
			prm := &ast.Param{Name: p.name(msgExpectedParam)}
			if seenStar {
				prm.Kind = ast.ParamKwOnly
			}
			if annotated && p.tok().Kind == lexer.COLON {
				p.next()
				prm.Type = p.annotation()
			}
			if p.tok().Kind == lexer.ASSIGN {
				p.next()
				prm.Default = p.expr()
				if !seenStar {
					seenDefault = true
				}
			} else if seenDefault && !seenStar {
				p.fail(prm.Name.Pos, msgDefaultOrder)
			}
			out = append(out, prm)
		}
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	if bareStar >= 0 && (bareStar == len(out) || out[bareStar].Kind != ast.ParamKwOnly) {
		p.fail(p.tok().Span, msgBareStar)
	}
	return out
}
