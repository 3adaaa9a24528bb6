package parser

import (
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
)

// The reference language has extensions this project does not support: AI
// prompts (`prompt @model: "..."`), concurrency (`spawn f()`), declared
// effects (`def f() uses io:`), observed variables (`observe x:`), ... Their
// words are common names (plan, memory, cost, send, local), and a program
// that uses them as names is Python and must stay valid. So a word of an
// extension is an ordinary name, and the parser names the extension only
// where a statement fails to parse with the word in the place the
// extension's syntax puts it: the error then says that the word belongs to
// an unsupported extension, instead of a confusing "unexpected ...".

// extensionError reports that t is a word of an unsupported extension of
// the language when it is one, and returns whether it did.
func (p *parser) extensionError(t lexer.Token) bool {
	if t.Kind != lexer.NAME {
		return false
	}
	group, _, ok := p.lang.Extension(t.Text)
	if !ok {
		return false
	}
	what, ok := extensionWords[group]
	if !ok {
		return false // a group without a description: the tables test catches it
	}
	p.errorAt(t.Span, msgExtension, t.Text, message(p.lang.Code, what))
	return true
}

// failExtension abandons the statement with the extension error when the
// current token is a word of an extension (`def f() uses io:` at the
// word), and does nothing otherwise.
func (p *parser) failExtension() {
	if p.extensionError(p.tok()) {
		panic(bailout{})
	}
}

// extensionStart reports whether the statement that starts at token index
// i, which failed to parse, starts as an extension's statement: with one
// of its words followed by what cannot follow a name at the start of a
// Python statement (another name, a literal, a block's ':', a keyword that
// no expression continues with), or by '@' (`prompt @model: "..."`).
func (p *parser) extensionStart(i int) bool {
	if i+1 >= len(p.toks) || p.toks[i].Kind != lexer.NAME {
		return false
	}
	if _, _, ok := p.lang.Extension(p.toks[i].Text); !ok {
		return false
	}
	return p.oddAfterName(i)
}

// oddAfterName reports whether the name at token index i, which starts a
// statement, is followed by what cannot follow a name there: another name,
// a literal, a block's ':', a keyword that no expression continues with,
// or '@'. A statement that starts so was meant to start with a keyword.
func (p *parser) oddAfterName(i int) bool {
	if i+1 >= len(p.toks) {
		return false
	}
	nxt := p.toks[i+1]
	switch nxt.Kind {
	case lexer.NAME, lexer.INT, lexer.FLOAT, lexer.IMAG, lexer.STRING, lexer.BYTES, lexer.FSTRING, lexer.AT:
		return true
	case lexer.COLON:
		// `plan:` or `else:` opening a block; `plan: int = 1` is an
		// annotation.
		return i+2 < len(p.toks) && p.toks[i+2].Kind == lexer.NEWLINE
	case lexer.KEYWORD:
		return p.soft(nxt) || !continuesExpr[nxt.Keyword]
	}
	return false
}

// continuesExpr are the keywords that may follow an expression at the
// start of a statement: `plan if ok else other`, `memory in seen`.
var continuesExpr = map[lang.Keyword]bool{lang.And: true, lang.Or: true, lang.Not: true,
	lang.NotIn: true, lang.In: true, lang.Is: true, lang.If: true}
