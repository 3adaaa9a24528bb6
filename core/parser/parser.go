// Package parser builds the one syntax tree (core/ast) from a program
// written in any of the 17 surface languages.
//
// It is a recursive-descent parser over the tokens of core/lexer, with
// Python's grammar and precedence for the subset the compiler supports.
// Keywords arrive already canonical (the lexer looked them up in the
// language's table, both spellings included), so the grammar is written
// once, in terms of lang.If, lang.For, ...; names keep the user's spelling.
//
// Errors never stop the parse. A statement that goes wrong is reported, then
// the parser skips to the end of its line (and over the indented block that
// follows, whose statements are still checked), and goes on with the next
// statement. ParseFile therefore returns a partial tree and every error, in
// the user's language where messages.go has a column for it, naming keywords
// as the user spelled them. Internally a failed statement unwinds with a
// panic of the private bailout type, recovered at the statement level; no
// other panic is recovered, so that the fuzz targets see real bugs.
//
// Print writes a tree back as source in any language, and Dump writes it as
// S-expressions for tests.
package parser

import (
	"fmt"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// ParseFile parses a whole program written in language l (English when l is
// nil). It returns the tree of every statement it could parse and all the
// lexical and syntax errors, sorted by position.
func ParseFile(filename, src string, l *lang.Language) (*ast.File, source.ErrorList) {
	p := newParser(filename, src, l)
	f := &ast.File{Name: p.file, Lang: p.lang.Code}
	for p.tok().Kind != lexer.EOF {
		if p.tok().Kind == lexer.DEDENT { // cannot happen with balanced tokens; be safe
			p.errorAt(p.tok().Span, msgUnexpected, p.describe(p.tok()))
			p.next()
			continue
		}
		f.Body = append(f.Body, p.stmtRecover()...)
	}
	p.errs.Sort()
	return f, p.errs
}

// ParseExpr parses src as a single expression in language l, for tests and
// tools. Tokens left after the expression are an error.
func ParseExpr(src string, l *lang.Language) (ast.Expr, source.ErrorList) {
	p := newParser("<expr>", src, l)
	var x ast.Expr
	func() {
		defer p.recoverBailout()
		x = p.expr()
		if k := p.tok().Kind; k != lexer.NEWLINE && k != lexer.EOF {
			p.fail(p.tok().Span, msgEndOfLine, p.describe(p.tok()))
		}
	}()
	p.errs.Sort()
	return x, p.errs
}

type parser struct {
	file string
	src  string
	lang *lang.Language
	toks []lexer.Token
	p    int
	errs source.ErrorList

	// afterFailed is set when the last statement was a compound one that
	// failed: its elif, else, except and finally lines are then skipped
	// without complaint.
	afterFailed bool

	depth int // nesting of expressions being parsed, bounded by maxDepth

	lineStarts []int  // byte offset of each line, found at the first error (lineText)
	edits      []edit // tokens replaced, for speculate to take back (phrase.go)

	// stmtStart is the index of the first token of the simple or compound
	// statement being parsed (extension.go).
	stmtStart int
}

func newParser(filename, src string, l *lang.Language) *parser {
	if l == nil {
		l, _ = lang.Get("en")
	}
	if filename == "" {
		filename = "<source>"
	}
	toks, errs := lexer.Scan(filename, src, l)
	return &parser{file: filename, src: src, lang: l, toks: toks, errs: errs}
}

// bailout is the panic value that abandons the current statement.
type bailout struct{}

func (p *parser) recoverBailout() {
	if r := recover(); r != nil {
		if _, ok := r.(bailout); !ok {
			panic(r)
		}
	}
}

func (p *parser) tok() lexer.Token { return p.toks[p.p] }

// peek returns the token k places ahead (EOF past the end).
func (p *parser) peek(k int) lexer.Token {
	if p.p+k < len(p.toks) {
		return p.toks[p.p+k]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() {
	if p.p < len(p.toks)-1 {
		p.p++
	}
}

// isKw reports whether the current token is keyword k.
func (p *parser) isKw(k lang.Keyword) bool {
	t := p.tok()
	return t.Kind == lexer.KEYWORD && t.Keyword == k
}

func (p *parser) errorAt(span source.Span, id msgID, args ...any) {
	p.errs.Add(&source.Error{
		File:  p.file,
		Start: span.Start,
		End:   span.End,
		Lang:  p.lang.Code,
		Msg:   message(p.lang.Code, id, args...),
		Text:  p.lineText(span.Start.Line),
	})
}

// lineText returns line n (1-based) of the source without its line
// terminator, or "", as source.LineText does, from the offsets of the
// lines found once: a program with an error on each of its many lines is
// not read again for each.
func (p *parser) lineText(n int32) string {
	if p.lineStarts == nil {
		p.lineStarts = []int{0}
		for i := 0; i < len(p.src); i++ {
			if p.src[i] == '\n' {
				p.lineStarts = append(p.lineStarts, i+1)
			}
		}
	}
	if n < 1 || int(n) > len(p.lineStarts) {
		return ""
	}
	start, end := p.lineStarts[n-1], len(p.src)
	if int(n) < len(p.lineStarts) {
		end = p.lineStarts[n] - 1
	}
	return strings.TrimRight(p.src[start:end], "\r")
}

// fail reports an error and abandons the current statement.
func (p *parser) fail(span source.Span, id msgID, args ...any) {
	p.errorAt(span, id, args...)
	panic(bailout{})
}

// failUnexpected reports the current token where something else was
// expected, with message id.
func (p *parser) failUnexpected(id msgID, args ...any) {
	t := p.tok()
	if t.Kind == lexer.ILLEGAL {
		panic(bailout{}) // the lexer reported this character already
	}
	p.fail(t.Span, id, append(args, p.describe(t))...)
}

// describe names a token for a message: its text in quotes, or a word for
// the tokens that have none.
func (p *parser) describe(t lexer.Token) string {
	switch t.Kind {
	case lexer.NEWLINE:
		return message(p.lang.Code, wordEndOfLine)
	case lexer.EOF:
		return message(p.lang.Code, wordEndOfFile)
	case lexer.INDENT:
		return message(p.lang.Code, wordIndent)
	case lexer.DEDENT:
		return message(p.lang.Code, wordEndOfBlock)
	}
	text := t.Text
	if r := []rune(text); len(r) > 24 {
		text = string(r[:24]) + "…"
	}
	return "'" + strings.ReplaceAll(text, "\n", "\\n") + "'"
}

// kw returns the language's spelling of keyword k, for messages.
func (p *parser) kw(k lang.Keyword) string {
	if s := p.lang.KeywordSpelling(k); s != "" {
		return s
	}
	return string(k)
}

// expect consumes a token of kind k, or fails with message id; args come
// before the description of the token found.
func (p *parser) expect(k lexer.Kind, id msgID, args ...any) lexer.Token {
	t := p.tok()
	if t.Kind != k {
		p.failUnexpected(id, args...)
	}
	p.next()
	return t
}

// expectClose consumes the closer of the bracket open, or fails.
func (p *parser) expectClose(k lexer.Kind, open lexer.Token) lexer.Token {
	if p.tok().Kind != k {
		p.failUnexpected(msgClose, k.String(), open.Kind.String(), posString(open.Span.Start))
	}
	t := p.tok()
	p.next()
	return t
}

func posString(pos source.Pos) string { return fmt.Sprintf("%d:%d", pos.Line, pos.Col) }

// soft reports whether t is a keyword that may stand as a name: a soft
// keyword (match, case, let, const, default), a spelling other than the
// language's main one (English `fn`), written as one word, or a main
// spelling that is a common word of its language (see nameable).
func (p *parser) soft(t lexer.Token) bool {
	if t.Kind != lexer.KEYWORD || strings.ContainsAny(t.Text, " \t") {
		return false
	}
	return !p.lang.Hard(t.Keyword, t.Text) || nameable(t)
}

// nameable reports whether keyword t, the main spelling of a hard keyword,
// is also read as a name where its keyword cannot stand: where an operand
// or a statement's target is expected. Many keywords of the 17 languages
// are common words, and names in programs: Swedish and Danish `i` (in),
// Spanish `y` (and) and `o` (or), Polish `z` (with) and `w` (in), Finnish
// `on` (is), Dutch `of` (or). `för i i xs:` is `for i in xs:` and
// `y = 1` binds y, since neither `in` nor `and` can start an operand, and
// a statement cannot start with `and =`. A spelling that is a keyword of
// Python keeps Python's rule (English is Python: `in = 1` is an error),
// and so do the keywords that start an operand themselves (not, lambda,
// await, yield, True, False, None): `ei x` is `not x` in Finnish.
func nameable(t lexer.Token) bool {
	return !isPythonKeyword(t.Text) && !operandKeywords[t.Keyword]
}

// operandKeywords are the keywords that start an operand: never a name.
var operandKeywords = map[lang.Keyword]bool{lang.Not: true, lang.Lambda: true, lang.Await: true,
	lang.Yield: true, lang.True: true, lang.False: true, lang.None: true}

// pythonKeywords are Python's own keywords in English: words that cannot
// be attribute names of any Python object.
var pythonKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isPythonKeyword(word string) bool { return pythonKeywords[word] }
