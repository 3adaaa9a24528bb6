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
// where an operand is expected. The parser takes the phrase apart where
// its own meaning cannot stand.

// phraseWords returns one token per word of the phrase token t: a keyword
// where the word is a one-word keyword of the language, else a name.
func (p *parser) phraseWords(t lexer.Token) []lexer.Token {
	var words []lexer.Token
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
		words = append(words, w)
		b, col = e, end
	}
	return words
}

// isPhrase reports whether t is a keyword written as several words.
func isPhrase(t lexer.Token) bool {
	return t.Kind == lexer.KEYWORD && strings.ContainsAny(t.Text, " \t")
}

// An edit is a token the parser replaced, with the token it was, so that
// speculate can take it back.
type edit struct {
	i   int
	was lexer.Token
}

// setToken replaces token i by t, in the edit log.
func (p *parser) setToken(i int, t lexer.Token) {
	p.edits = append(p.edits, edit{i, p.toks[i]})
	p.toks[i] = t
}

// undoEdits takes back the token edits made since the log had n entries.
func (p *parser) undoEdits(n int) {
	for j := len(p.edits) - 1; j >= n; j-- {
		p.toks[p.edits[j].i] = p.edits[j].was
	}
	p.edits = p.edits[:n]
}

// operandPhrase reads the name that begins a two-word phrase found where
// an operand is expected, when that word is no keyword and the second one
// is (`pas dans xs`: the name pas, then `dans`): the phrase's token becomes
// its second word, and the name is returned. It returns nil, and changes
// nothing, for any other token.
func (p *parser) operandPhrase() *lexer.Token {
	t := p.tok()
	if !isPhrase(t) {
		return nil
	}
	words := p.phraseWords(t)
	if len(words) != 2 || words[0].Kind != lexer.NAME || words[1].Kind != lexer.KEYWORD {
		return nil
	}
	p.setToken(p.p, words[1])
	return &words[0]
}

// forPhraseName returns the name that ends the `for` phrase just read
// (`pour chaque`) when the loop's `in` or a ',' follows it: `pour chaque
// dans xs:` loops over the name chaque. It returns nil otherwise.
func (p *parser) forPhraseName() *lexer.Token {
	if p.p == 0 || !isPhrase(p.toks[p.p-1]) {
		return nil
	}
	if t := p.tok(); !(t.Kind == lexer.COMMA || (t.Kind == lexer.KEYWORD && t.Keyword == lang.In)) {
		return nil
	}
	words := p.phraseWords(p.toks[p.p-1])
	if last := words[len(words)-1]; last.Kind == lexer.NAME {
		return &last
	}
	return nil
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
	// Read the word as a name for a moment.
	pos, n := p.p, len(p.edits)
	defer func() { p.undoEdits(n); p.p = pos }()
	name := t
	name.Kind = lexer.NAME
	p.setToken(i, name)
	p.p = i
	// A block after the line means the keyword's statement, short of
	// its ':'.
	return p.speculate(func() { p.simpleLine() }) && p.tok().Kind != lexer.INDENT
}
