// Package lexer turns the text of a program, in any of the 17 surface
// languages, into tokens.
//
// The design follows Python's tokenizer and starlark-go's scanner:
//
//   - Positions are 1-based lines and rune columns (a tab is one column), so
//     carets land under the right character in Devanagari or CJK text.
//   - Indentation is tracked with a stack and reported as INDENT and DEDENT
//     tokens. Blank and comment-only lines do not count, and newlines inside
//     (), [] and {} are ignored (implicit line joining), as is a newline
//     after a backslash. Like CPython, the lexer measures each indentation
//     twice, with tabs worth 8 columns and worth 1, and reports a line whose
//     indentation compares differently under the two measures instead of
//     guessing what the user meant.
//   - Identifiers are runs of lang.IsWordRune (letters, combining marks,
//     digits after the first rune, '_'), so Hindi and Tamil words with vowel
//     signs stay whole. A word is a KEYWORD when the language's table says
//     so; multi-word keywords ("sinon si", "not in") are matched longest
//     first across blanks on the same line and become one token.
//   - Numbers may be written with any Unicode decimal digits; Token.Value
//     holds them in ASCII. Operators may be written with the Unicode
//     alternatives of shared/reference/operators.json; the Kind is the same
//     as for the ASCII spelling. Imaginary literals ("2j") are IMAG tokens.
//   - String literals are Python's: the prefixes r, u, b, br, rb, f, fr and
//     rf in any case, single, double and tripled quotes, and Python's
//     escapes; the Unicode quote pairs (« », “ ”, ‘ ’, 「 」) make plain
//     strings, without prefixes. A b prefix makes a BYTES token, an f prefix
//     an FSTRING token whose Token.FParts hold its literal text and its
//     replacement fields, scanned as PEP 701 (Python 3.12) says; the
//     expression of a field is kept as text, for the parser to scan with
//     ScanExpr at its place in the file. See fstring.go.
//   - A form feed at the start of a line resets the indentation count, as
//     in CPython.
//
// Scan never stops at an error: it records it and goes on, so that the
// parser can report every problem of a file at once.
package lexer

import (
	"strings"
	"unicode"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Scan returns the tokens of src, ending with EOF, and every lexical error.
// l gives the keywords; a nil l means English. The token list is always
// usable: NEWLINE closes every logical line, INDENT and DEDENT balance, and
// each unexpected character is reported and becomes an ILLEGAL token, so the
// parser can abandon that statement without a second message.
func Scan(filename, src string, l *lang.Language) ([]Token, source.ErrorList) {
	if l == nil {
		l, _ = lang.Get("en")
	}
	if filename == "" {
		filename = "<source>"
	}
	s := &scanner{
		file:    filename,
		text:    src,
		src:     []rune(src),
		lang:    l,
		line:    1,
		col:     1,
		indents: []indent{{0, 0}},
		bol:     true,
	}
	if len(s.src) > 0 && s.src[0] == '\uFEFF' {
		s.i = 1 // a byte-order mark is not part of the program
	}
	s.run()
	return s.toks, s.errs
}

// ScanExpr returns the tokens of text, a fragment of a file such as the
// expression of an f-string's replacement field (FPart.Expr), ending with
// EOF, and every lexical error in it. text is scanned as if it stood inside
// parentheses: newlines are insignificant and there are no NEWLINE, INDENT
// or DEDENT tokens. Positions are the file's: the fragment's first rune is
// at at (1:1 when at is not valid), and its later lines start at column 1.
// Keywords and the Unicode spellings of operators are as in Scan.
//
// The errors' Text (the source line) is left empty, since ScanExpr does not
// see the whole line: a caller holding the file sets it with
// source.LineText.
func ScanExpr(filename, text string, l *lang.Language, at source.Pos) ([]Token, source.ErrorList) {
	if l == nil {
		l, _ = lang.Get("en")
	}
	if filename == "" {
		filename = "<source>"
	}
	if !at.IsValid() || at.Col < 1 {
		at = source.Pos{Line: 1, Col: 1}
	}
	s := &scanner{
		file:     filename,
		text:     text,
		src:      []rune(text),
		lang:     l,
		line:     at.Line,
		col:      at.Col,
		indents:  []indent{{0, 0}},
		fragment: true,
	}
	s.run()
	return s.toks, s.errs
}

// An indent is one level of the indentation stack: the width with tabs to
// multiples of 8 (col) and with tabs counting 1 (alt).
type indent struct{ col, alt int }

// A bracket is an open (, [ or { waiting for its closer.
type bracket struct {
	ascii rune
	span  source.Span
}

// A posMark remembers where a token started.
type posMark struct {
	p source.Pos
	i int // index in src
}

type scanner struct {
	file string
	text string
	src  []rune
	lang *lang.Language

	i         int   // index in src of the current rune
	line, col int32 // position of the current rune

	toks []Token
	errs source.ErrorList

	indents  []indent
	brackets []bracket
	bol      bool  // at the beginning of a logical line: indentation comes next
	inLine   bool  // a token was emitted on the current logical line
	fragment bool  // ScanExpr: no line structure, and errors without Text
	quiet    int   // inside skipString: no errors are recorded
	fdepth   int   // f-strings being scanned, one inside a field of the other
	tooDeep  bool  // too many nested f-strings was reported
	comments []int // start and end indexes of the comments in the current replacement field

	lineStarts []int // byte offset in text of each line, built for the first error
}

// cur returns the current rune, or -1 at the end.
func (s *scanner) cur() rune { return s.peek(0) }

// peek returns the rune k places ahead, or -1 past the end.
func (s *scanner) peek(k int) rune {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return -1
}

// next moves past the current rune, keeping line and column up to date.
func (s *scanner) next() {
	if s.i >= len(s.src) {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	s.i++
}

func (s *scanner) pos() posMark { return posMark{source.Pos{Line: s.line, Col: s.col}, s.i} }

func (s *scanner) here() source.Pos { return source.Pos{Line: s.line, Col: s.col} }

// spanFrom returns the span from m to the current position.
func (s *scanner) spanFrom(m posMark) source.Span { return source.Span{Start: m.p, End: s.here()} }

// runeSpan returns the span of the current rune, empty at a line end or at
// the end of the text, so that it stays on its line.
func (s *scanner) runeSpan() source.Span {
	if c := s.cur(); c < 0 || c == '\n' || c == '\r' {
		return source.Span{Start: s.here(), End: s.here()}
	}
	return oneRune(s.pos())
}

// oneRune returns the span of the single rune at m.
func oneRune(m posMark) source.Span {
	return source.Span{Start: m.p, End: source.Pos{Line: m.p.Line, Col: m.p.Col + 1}}
}

func (s *scanner) errorAt(span source.Span, id msgID, args ...any) {
	if s.quiet > 0 {
		return
	}
	s.errorAlways(span, id, args...)
}

// errorAlways records an error even inside skipString.
func (s *scanner) errorAlways(span source.Span, id msgID, args ...any) {
	e := &source.Error{
		File:  s.file,
		Start: span.Start,
		End:   span.End,
		Lang:  s.lang.Code,
		Msg:   message(s.lang.Code, id, args...),
	}
	if !s.fragment {
		e.Text = s.lineText(span.Start.Line)
	}
	s.errs.Add(e)
}

// lineText returns line n of the text, as source.LineText does, without
// going through the text again for every error.
func (s *scanner) lineText(n int32) string {
	if s.lineStarts == nil {
		s.lineStarts = append(s.lineStarts, 0)
		for i := 0; i < len(s.text); i++ {
			if s.text[i] == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	if n < 1 || int(n) > len(s.lineStarts) {
		return ""
	}
	start, end := s.lineStarts[n-1], len(s.text)
	if int(n) < len(s.lineStarts) {
		end = s.lineStarts[n] - 1
	}
	return strings.TrimRight(s.text[start:end], "\r")
}

func (s *scanner) emit(t Token) {
	s.toks = append(s.toks, t)
	switch t.Kind {
	case NEWLINE, INDENT, DEDENT, EOF:
	default:
		s.inLine = true
	}
}

// isBlank reports whether r separates tokens on a line: ASCII blanks, and
// Unicode spaces such as U+3000 IDEOGRAPHIC SPACE between tokens.
func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\f' || r == '\r' || (r != '\n' && r > 0x7f && unicode.IsSpace(r))
}

// lexWordRune reports whether r continues an identifier or keyword.
func lexWordRune(r rune) bool { return r >= 0 && lang.IsWordRune(r) }

// isWordStart reports whether r starts an identifier or keyword.
func isWordStart(r rune) bool { return lexWordRune(r) && !unicode.IsDigit(r) }

func (s *scanner) run() {
	for {
		if s.bol && len(s.brackets) == 0 && !s.fragment {
			s.indentation()
		}
		for isBlank(s.cur()) {
			s.next()
		}
		if s.i >= len(s.src) {
			break
		}
		c := s.cur()
		switch {
		case c == '#':
			for s.i < len(s.src) && s.cur() != '\n' {
				s.next()
			}
		case c == '\n':
			m := s.pos()
			s.next()
			if len(s.brackets) == 0 && !s.fragment {
				s.endLine(s.spanFrom(m)) // from the '\n' to the start of the next line
				s.bol = true
			}
		case c == '\\' && (s.peek(1) == '\n' || s.peek(1) == '\r' && s.peek(2) == '\n'):
			s.next()
			if s.cur() == '\r' {
				s.next()
			}
			s.next()
		case isWordStart(c):
			if prefix, ok := s.stringStart(); ok {
				s.scanString(prefix)
			} else {
				s.scanWord()
			}
		case digitValue(c) >= 0 || ((c == '.' || c == '．') && digitValue(s.peek(1)) >= 0):
			s.scanNumber()
		case closers[c] != 0:
			s.scanString(0)
		default:
			s.scanOperator()
		}
	}
	end := s.here()
	endSpan := source.Span{Start: end, End: end}
	if len(s.brackets) > 0 {
		b := s.brackets[0]
		s.errorAt(b.span, msgNeverClosed, string(b.ascii))
	}
	if s.fragment {
		s.emit(Token{Kind: EOF, Span: endSpan})
		return
	}
	s.endLine(endSpan)
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.emit(Token{Kind: DEDENT, Span: endSpan})
	}
	s.emit(Token{Kind: EOF, Span: endSpan})
}

// endLine emits NEWLINE if the current logical line holds any token.
func (s *scanner) endLine(span source.Span) {
	if s.inLine {
		s.emit(Token{Kind: NEWLINE, Span: span})
		s.inLine = false
	}
}

// indentation measures the blanks that start a line and, unless the line is
// blank or holds only a comment, emits INDENT or DEDENT tokens by comparing
// with the indentation stack, as CPython's tokenizer does.
func (s *scanner) indentation() {
	col, alt := 0, 0
	start := s.pos()
	for {
		switch s.cur() {
		case ' ':
			col++
			alt++
		case '\t':
			col = (col/8 + 1) * 8
			alt++
		case '\f':
			col, alt = 0, 0
		case '\r':
			// ignored: part of a CRLF line end, or stray
		default:
			goto measured
		}
		s.next()
	}
measured:
	c := s.cur()
	if c == '\n' || c == '#' || c == -1 || (c == '\\' && s.peek(1) == '\n') {
		return // blank or comment-only line: the indentation means nothing
	}
	if isBlank(c) {
		// A Unicode space among the indentation cannot be measured reliably.
		s.errorAt(oneRune(s.pos()), msgBadIndentChar, quoteRune(c))
		for isBlank(s.cur()) {
			s.next()
		}
		if c := s.cur(); c == '\n' || c == '#' || c == -1 {
			return
		}
	}
	s.bol = false
	first := s.here()
	lineSpan := source.Span{Start: source.Pos{Line: first.Line, Col: 1}, End: first}
	atFirst := source.Span{Start: first, End: first}
	top := s.indents[len(s.indents)-1]
	switch {
	case col == top.col:
		if alt != top.alt {
			s.errorAt(lineSpan, msgTabSpace)
		}
	case col > top.col:
		if alt <= top.alt {
			s.errorAt(lineSpan, msgTabSpace)
		}
		s.indents = append(s.indents, indent{col, alt})
		s.emit(Token{Kind: INDENT, Span: source.Span{Start: start.p, End: first}})
	default:
		for len(s.indents) > 1 && col < s.indents[len(s.indents)-1].col {
			s.indents = s.indents[:len(s.indents)-1]
			s.emit(Token{Kind: DEDENT, Span: atFirst})
		}
		top = s.indents[len(s.indents)-1]
		if col != top.col {
			s.errorAt(lineSpan, msgBadDedent)
		} else if alt != top.alt {
			s.errorAt(lineSpan, msgTabSpace)
		}
	}
}

// scanWord scans a NAME or KEYWORD, trying the language's multi-word
// keywords first (longest first), then its one-word keywords.
func (s *scanner) scanWord() {
	start, startPos := s.i, s.pos()
	word := s.word()
	for _, ph := range s.lang.Phrases() {
		if ph.Words[0] != word {
			continue
		}
		if end, ok := s.matchPhrase(ph.Words[1:]); ok {
			for s.i < end {
				s.next()
			}
			s.emit(Token{Kind: KEYWORD, Text: string(s.src[start:s.i]), Value: joinWords(ph.Words),
				Keyword: ph.Keyword, Span: s.spanFrom(startPos)})
			return
		}
	}
	tok := Token{Kind: NAME, Text: word, Value: word, Span: s.spanFrom(startPos)}
	if k, ok := s.lang.Keyword(word); ok {
		tok.Kind, tok.Keyword = KEYWORD, k
	}
	s.emit(tok)
}

// word consumes and returns the run of word runes at s.i.
func (s *scanner) word() string {
	start := s.i
	for lexWordRune(s.cur()) {
		s.next()
	}
	return string(s.src[start:s.i])
}

// matchPhrase reports whether words follow s.i, each after at least one
// blank on the same line, and returns the index just past the last word.
// It does not move the scanner.
func (s *scanner) matchPhrase(words []string) (int, bool) {
	j := s.i
	for _, w := range words {
		k := j
		for k < len(s.src) && isBlank(s.src[k]) && s.src[k] != '\r' {
			k++
		}
		if k == j {
			return 0, false
		}
		e := k
		for e < len(s.src) && lexWordRune(s.src[e]) {
			e++
		}
		if string(s.src[k:e]) != w {
			return 0, false
		}
		j = e
	}
	return j, true
}

func joinWords(ws []string) string {
	out := ""
	for i, w := range ws {
		if i > 0 {
			out += " "
		}
		out += w
	}
	return out
}

// scanOperator scans an operator or delimiter, or reports an unexpected
// character and skips it.
func (s *scanner) scanOperator() {
	startPos := s.pos()
	k, ascii, n := matchOp(s.src[s.i:])
	if n == 0 {
		c := s.cur()
		s.next()
		span := s.spanFrom(startPos)
		s.errorAt(span, msgUnexpectedChar, quoteRune(c))
		s.emit(Token{Kind: ILLEGAL, Text: string(c), Value: string(c), Span: span})
		return
	}
	text := string(s.src[s.i : s.i+n])
	for ; n > 0; n-- {
		s.next()
	}
	span := s.spanFrom(startPos)
	switch k {
	case LPAREN, LBRACK, LBRACE:
		s.brackets = append(s.brackets, bracket{rune(ascii[0]), span})
	case RPAREN, RBRACK, RBRACE:
		if len(s.brackets) == 0 {
			s.errorAt(span, msgUnmatched, ascii)
			return // dropped: the parser would only repeat the complaint
		}
		open := s.brackets[len(s.brackets)-1]
		s.brackets = s.brackets[:len(s.brackets)-1]
		if want := map[rune]string{'(': ")", '[': "]", '{': "}"}[open.ascii]; want != ascii {
			s.errorAt(span, msgMismatched, ascii, string(open.ascii))
		}
	}
	s.emit(Token{Kind: k, Text: text, Value: ascii, Span: span})
}
