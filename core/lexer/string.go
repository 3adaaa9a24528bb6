package lexer

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// closers maps each opening string quote to its closing quote: the ASCII
// quotes and the Unicode pairs of shared/reference/operators.json
// (string_delimiters).
var closers = map[rune]rune{
	'"':  '"',
	'\'': '\'',
	'«':  '»',
	'「':  '」',
	'“':  '”',
	'‘':  '’',
}

// scanString scans a string literal starting at the opening quote. ASCII
// quotes may be tripled for a string spanning lines. Escapes are Python's and
// apply to every quote style; an unterminated string is reported at its
// opening quote and its token still emitted, so the parser can go on.
func (s *scanner) scanString() {
	start, startPos := s.i, s.pos()
	open := s.cur()
	closeQ := closers[open]
	triple := (open == '"' || open == '\'') && s.peek(1) == open && s.peek(2) == open
	s.next()
	if triple {
		s.next()
		s.next()
	}
	var val strings.Builder
	terminated := false
	for s.i < len(s.src) {
		c := s.cur()
		if c == closeQ {
			if !triple {
				s.next()
				terminated = true
				break
			}
			if s.peek(1) == closeQ && s.peek(2) == closeQ {
				s.next()
				s.next()
				s.next()
				terminated = true
				break
			}
		}
		if c == '\n' && !triple {
			break
		}
		if c == '\\' {
			s.scanEscape(&val)
			continue
		}
		if c == '\r' && s.peek(1) == '\n' {
			s.next() // keep "\n" only, as Python's universal newlines do
			continue
		}
		val.WriteRune(c)
		s.next()
	}
	span := s.spanFrom(startPos)
	if !terminated {
		s.errorAt(oneRune(startPos), msgUnterminatedString)
	}
	s.emit(Token{Kind: STRING, Text: string(s.src[start:s.i]), Value: val.String(), Span: span})
}

// scanEscape decodes the escape sequence at s.i (a backslash) into val.
func (s *scanner) scanEscape(val *strings.Builder) {
	escPos := s.pos()
	s.next() // backslash
	c := s.cur()
	if s.i >= len(s.src) {
		val.WriteByte('\\')
		return
	}
	simple := map[rune]string{
		'n': "\n", 't': "\t", 'r': "\r", '\\': "\\", '\'': "'", '"': "\"",
		'a': "\a", 'b': "\b", 'f': "\f", 'v': "\v",
	}
	if v, ok := simple[c]; ok {
		val.WriteString(v)
		s.next()
		return
	}
	switch c {
	case '\n':
		s.next() // backslash-newline continues the string on the next line
		return
	case '\r':
		s.next()
		if s.cur() == '\n' {
			s.next()
		}
		return
	case '»', '」', '”', '’', '«', '「', '“', '‘':
		val.WriteRune(c)
		s.next()
		return
	case 'x', 'u', 'U':
		n := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
		s.next()
		hex := make([]rune, 0, n)
		for len(hex) < n && isBaseDigit(s.cur(), 16) {
			hex = append(hex, s.cur())
			s.next()
		}
		v, err := strconv.ParseUint(string(hex), 16, 32)
		if len(hex) < n || err != nil || v > utf8.MaxRune {
			s.errorAt(s.spanFrom(escPos), msgBadEscape, "'\\"+string(c)+string(hex)+"'")
			return
		}
		// \xHH is a code point below 256, as in a Python 3 str; a lone
		// surrogate from \uD800 becomes U+FFFD, since Go strings hold UTF-8.
		val.WriteRune(rune(v))
		return
	}
	if c >= '0' && c <= '7' {
		v := 0
		for k := 0; k < 3 && s.cur() >= '0' && s.cur() <= '7'; k++ {
			v = v*8 + int(s.cur()-'0')
			s.next()
		}
		val.WriteRune(rune(v))
		return
	}
	// Python keeps an unknown escape as written.
	val.WriteByte('\\')
}
