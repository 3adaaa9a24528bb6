package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// A keyword of several words (French `pour chaque`, `pas dans`) is read as
// one token, longest first. Its words may also be a keyword and a name: a
// loop over a variable named chaque, `pour chaque dans xs:`, reads as
// `pour` `chaque` `dans`, and `pas dans xs` as the name pas then `dans`
// where an operand is expected. splitPhrase takes the phrase apart where
// its own meaning cannot stand.

// splitPhrase replaces the phrase token at index i by one token per word:
// a keyword where the word is a one-word keyword of the language, else a
// name.
func (p *parser) splitPhrase(i int) {
	t := p.toks[i]
	var parts []lexer.Token
	blank := func(r rune) bool { return r == ' ' || r == '\t' }
	col := t.Span.Start.Col
	for b := 0; b < len(t.Text); {
		if r, n := utf8.DecodeRuneInString(t.Text[b:]); blank(r) {
			b += n
			col++
			continue
		}
		e, end := b, col
		for e < len(t.Text) {
			r, n := utf8.DecodeRuneInString(t.Text[e:])
			if blank(r) {
				break
			}
			e += n
			end++
		}
		word := t.Text[b:e]
		w := lexer.Token{Kind: lexer.NAME, Text: word, Value: word, Span: source.Span{
			Start: source.Pos{Line: t.Span.Start.Line, Col: col},
			End:   source.Pos{Line: t.Span.Start.Line, Col: end}}}
		if k, ok := p.lang.Keyword(word); ok {
			w.Kind, w.Keyword = lexer.KEYWORD, k
		}
		parts = append(parts, w)
		b, col = e, end
	}
	if len(parts) < 2 {
		return
	}
	toks := make([]lexer.Token, 0, len(p.toks)+len(parts)-1)
	toks = append(toks, p.toks[:i]...)
	toks = append(toks, parts...)
	p.toks = append(toks, p.toks[i+1:]...)
}

// isPhrase reports whether t is a keyword written as several words.
func isPhrase(t lexer.Token) bool {
	return t.Kind == lexer.KEYWORD && strings.ContainsAny(t.Text, " \t")
}

// splitOperandPhrase takes apart a phrase found where an operand is
// expected when its first word is a name (`pas dans xs`: the name pas,
// then `dans`), and reports whether it did.
func (p *parser) splitOperandPhrase() bool {
	t := p.tok()
	if !isPhrase(t) {
		return false
	}
	first := strings.Fields(t.Text)[0]
	if _, kw := p.lang.Keyword(first); kw {
		return false
	}
	p.splitPhrase(p.p)
	return true
}

// splitForPhrase takes apart the `for` phrase just read (`pour chaque`)
// when what follows cannot follow it: `pour chaque dans xs:` loops over
// the name chaque. The parser then stands on the phrase's second word.
func (p *parser) splitForPhrase() {
	if p.p == 0 || !isPhrase(p.toks[p.p-1]) {
		return
	}
	if t := p.tok(); (t.Kind == lexer.KEYWORD && t.Keyword == lang.In) || t.Kind == lexer.COMMA || t.Kind == lexer.DOT {
		p.splitPhrase(p.p - 1)
	}
}

// keywordOrName reports whether the statement at token index i, which
// failed to parse, starts with a keyword of its language (not spelled as
// Python's) followed by what may follow a name, and parses when that word
// is read as a name: Swedish `om(x)` is neither an if statement nor, since
// a statement starting so is the keyword's, a call of a name om; Finnish
// `ei = 1` assigns to `not`, a keyword that starts an operand.
func (p *parser) keywordOrName(i int) bool {
	t := p.toks[i]
	if t.Kind != lexer.KEYWORD || isPhrase(t) || !p.lang.Hard(t.Keyword, t.Text) || isPythonKeyword(t.Text) || i+1 >= len(p.toks) {
		return false
	}
	switch k := p.toks[i+1].Kind; k {
	case lexer.LPAREN, lexer.LBRACK, lexer.ASSIGN, lexer.DOT, lexer.COMMA:
	default:
		if _, aug := augOps[k]; !aug {
			return false
		}
	}
	saved, pos := p.toks, p.p
	defer func() { p.toks, p.p = saved, pos }()
	p.toks = append([]lexer.Token(nil), saved...)
	p.toks[i].Kind = lexer.NAME
	p.p = i
	// A block after the line means the keyword's statement, short of
	// its ':'.
	return p.speculate(func() { p.simpleLine() }) && p.tok().Kind != lexer.INDENT
}
