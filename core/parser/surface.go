package parser

import (
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// surfaceKeywords are the statements that may have a natural word order,
// in the order they are tried.
var surfaceKeywords = []lang.Keyword{lang.For, lang.If, lang.While, lang.With}

// surfaceStmt tries the language's natural word orders (lang.Language.Surface)
// at the start of a statement line: a for loop whose iterable comes first
// (Japanese `xs 内の 各 x に対して:`, Hindi `xs में x के_लिए:`), or an if, while
// or with whose condition or context comes first (`x > 0 もし:`). It returns
// the statement, the same tree as the keyword-first form, or nil having
// consumed nothing when no order matches.
func (p *parser) surfaceStmt() ast.Stmt {
	for _, k := range surfaceKeywords {
		pat := p.lang.Surface(k)
		if pat == nil {
			continue
		}
		var s ast.Stmt
		if p.speculate(func() { s = p.surfaceHeader(k, pat) }) {
			return s
		}
	}
	return nil
}

// surfaceHeader matches pattern pat for statement k at the current token,
// then parses the statement's body; it abandons (bailout) on the first
// element that does not match.
func (p *parser) surfaceHeader(k lang.Keyword, pat []string) ast.Stmt {
	first := p.tok()
	slots := map[string]ast.Expr{}
	var kwTok lexer.Token
	for _, el := range pat {
		switch {
		case strings.HasPrefix(el, "<"):
			slot := strings.Trim(el, "<>")
			switch slot {
			case "target":
				slots[slot] = p.targetList()
			case "condition":
				slots[slot] = p.orExprNamed()
			case "context":
				slots[slot] = p.orExpr()
			default: // the iterable, kept short of the words after it
				slots[slot] = p.bitOr()
			}
		case strings.HasPrefix(el, "{"):
			want := lang.Keyword(strings.Trim(el, "{}"))
			t := p.tok()
			if t.Kind != lexer.KEYWORD || t.Keyword != want {
				panic(bailout{})
			}
			if want == k {
				kwTok = t
			}
			p.next()
		default:
			t := p.tok()
			if (t.Kind != lexer.NAME && t.Kind != lexer.KEYWORD) || t.Text != el {
				panic(bailout{})
			}
			if kwTok.Kind == 0 {
				kwTok = t
			}
			p.next()
		}
	}
	if p.tok().Kind != lexer.COLON {
		panic(bailout{})
	}
	if kwTok.Kind == 0 {
		kwTok = first
	}
	p.next()
	pos := source.Span{Start: first.Span.Start, End: kwTok.Span.End}
	switch k {
	case lang.For:
		n := &ast.For{Pos: pos, Target: slots["target"], Iter: slots["iterable"], Body: p.block(kwTok)}
		if p.isKw(lang.Else) {
			n.Else = p.elseBlock()
		}
		return n
	case lang.If:
		n := &ast.If{Pos: pos, Cond: slots["condition"], Body: p.block(kwTok)}
		p.elseTail(n)
		return n
	case lang.While:
		n := &ast.While{Pos: pos, Cond: slots["condition"], Body: p.block(kwTok)}
		if p.isKw(lang.Else) {
			n.Else = p.elseBlock()
		}
		return n
	}
	return &ast.With{Pos: pos, Items: []*ast.WithItem{{Context: slots["context"]}}, Body: p.block(kwTok)}
}
