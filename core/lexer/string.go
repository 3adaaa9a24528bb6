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

// A quote describes the string literal being scanned: its quotes and what
// its prefix asks for.
type quote struct {
	open, close rune
	triple      bool // ''' or """
	ascii       bool // ' or ", which Python's rules govern; the Unicode quotes may escape themselves
	raw         bool // r: backslashes are kept
	bytes       bool // b: a BYTES literal
	f           bool // f: an f-string
	start       posMark
}

// stringStart reports whether a string literal starts at s.i, which holds a
// quote or the first rune of a word, and returns the length of its prefix.
// A prefix is one of Python's (r, u, b, br, rb, f, fr, rf, in any case) and
// only ever comes before an ASCII quote.
func (s *scanner) stringStart() (prefix int, ok bool) {
	if closers[s.cur()] != 0 {
		return 0, true
	}
	for n := 1; n <= 2; n++ {
		switch s.peek(n) {
		case '\'', '"':
			return n, isStringPrefix(string(s.src[s.i : s.i+n]))
		}
	}
	return 0, false
}

// isStringPrefix reports whether p is a Python string prefix.
func isStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// scanString scans a string literal whose prefix (prefix runes long, maybe
// 0) starts at s.i, emits its STRING, BYTES or FSTRING token and reports
// whether the literal was terminated. ASCII quotes may be tripled for a
// string spanning lines. An unterminated string is reported at its start and
// its token still emitted, so the parser can go on.
func (s *scanner) scanString(prefix int) bool {
	start, startPos := s.i, s.pos()
	q := &quote{start: startPos}
	for ; prefix > 0; prefix-- {
		switch s.cur() {
		case 'r', 'R':
			q.raw = true
		case 'b', 'B':
			q.bytes = true
		case 'f', 'F':
			q.f = true
		}
		s.next()
	}
	q.open = s.cur()
	q.close = closers[q.open]
	q.ascii = q.open == '"' || q.open == '\''
	q.triple = q.ascii && s.peek(1) == q.open && s.peek(2) == q.open
	s.next()
	if q.triple {
		s.next()
		s.next()
	}
	if q.f && s.fdepth >= maxFStringDepth {
		// Python's limit, which also bounds the scanner's recursion. The
		// error is recorded even when skipping the outer field's strings,
		// once, and the literal is scanned as a plain string.
		if !s.tooDeep {
			s.tooDeep = true
			s.errorAlways(oneRune(startPos), msgFTooManyNested)
		}
		q.f = false
	}
	if q.f {
		s.fdepth++
		defer func() { s.fdepth-- }()
		return s.scanFString(start, q)
	}
	var val strings.Builder
	terminated := false
	nonASCII := false
	for s.i < len(s.src) {
		c := s.cur()
		if s.atClose(q) {
			s.skipClose(q)
			terminated = true
			break
		}
		if c == '\n' && !q.triple {
			break
		}
		if c == '\\' {
			s.scanEscape(q, &val)
			continue
		}
		if c == '\r' && s.peek(1) == '\n' {
			s.next() // keep "\n" only, as Python's universal newlines do
			continue
		}
		if q.bytes && c >= utf8.RuneSelf && !nonASCII {
			nonASCII = true
			s.errorAt(oneRune(s.pos()), msgBytesNonASCII)
		}
		val.WriteRune(c)
		s.next()
	}
	span := s.spanFrom(startPos)
	if !terminated {
		s.errorAt(oneRune(startPos), msgUnterminatedString)
	}
	kind := STRING
	if q.bytes {
		kind = BYTES
	}
	s.emit(Token{Kind: kind, Text: string(s.src[start:s.i]), Value: val.String(), Span: span})
	return terminated
}

// skipString scans the string literal at s.i as scanString does, but keeps
// neither its token nor its errors: it finds where a string inside an
// f-string's replacement field ends. The field's text is scanned again, with
// its errors, by ScanExpr.
func (s *scanner) skipString(prefix int) bool {
	nt, inLine := len(s.toks), s.inLine
	s.quiet++
	ok := s.scanString(prefix)
	s.quiet--
	s.toks, s.inLine = s.toks[:nt], inLine
	return ok
}

// atClose reports whether the closing quote of q is at s.i.
func (s *scanner) atClose(q *quote) bool {
	if s.cur() != q.close {
		return false
	}
	return !q.triple || (s.peek(1) == q.close && s.peek(2) == q.close)
}

// skipClose moves past the closing quote of q.
func (s *scanner) skipClose(q *quote) {
	s.next()
	if q.triple {
		s.next()
		s.next()
	}
}

// simpleEscapes are the one-letter escapes and what they stand for.
var simpleEscapes = map[rune]string{
	'n': "\n", 't': "\t", 'r': "\r", '\\': "\\", '\'': "'", '"': "\"",
	'a': "\a", 'b': "\b", 'f': "\f", 'v': "\v",
}

// scanEscape decodes the escape sequence at s.i (a backslash) into val, as
// Python does for a literal like q: in a raw literal the backslash stays,
// together with a quote, backslash or newline right after it (so that none
// of these ends the literal); in bytes, \x and octal escapes give bytes and
// \u, \U and \N are not escapes.
func (s *scanner) scanEscape(q *quote, val *strings.Builder) {
	escPos := s.pos()
	s.next() // backslash
	c := s.cur()
	if s.i >= len(s.src) {
		val.WriteByte('\\')
		return
	}
	if q.raw {
		val.WriteByte('\\')
		switch {
		case c == '\r' && s.peek(1) == '\n':
			s.next()
			fallthrough
		case c == '\n', c == '\\', c == q.close:
			val.WriteRune(s.cur())
			s.next()
		}
		return
	}
	if v, ok := simpleEscapes[c]; ok {
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
		if !q.ascii {
			// Between Unicode quotes, a backslash lets the quotes be written.
			val.WriteRune(c)
			s.next()
			return
		}
	case 'x', 'u', 'U':
		if c != 'x' && q.bytes {
			break // not an escape in bytes
		}
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
		if q.bytes {
			val.WriteByte(byte(v))
			return
		}
		// \xHH is a code point below 256, as in a Python 3 str; a lone
		// surrogate from \uD800 becomes U+FFFD, since Go strings hold UTF-8.
		val.WriteRune(rune(v))
		return
	case 'N':
		if q.bytes {
			break // not an escape in bytes
		}
		s.scanNamedEscape(escPos, val)
		return
	}
	if c >= '0' && c <= '7' {
		v := 0
		for k := 0; k < 3 && s.cur() >= '0' && s.cur() <= '7'; k++ {
			v = v*8 + int(s.cur()-'0')
			s.next()
		}
		if q.bytes {
			val.WriteByte(byte(v)) // Python keeps the low 8 bits of \400-\777
		} else {
			val.WriteRune(rune(v))
		}
		return
	}
	// Python keeps an unknown escape as written.
	val.WriteByte('\\')
}

// scanNamedEscape decodes a \N{NAME} escape, whose 'N' is at s.i, into
// val and moves past it. Names are Unicode character names in any case
// ("\N{degree sign}"), as Python's unicodedata.lookup reads them.
func (s *scanner) scanNamedEscape(escPos posMark, val *strings.Builder) {
	s.next() // N
	if s.cur() != '{' {
		s.errorAt(s.spanFrom(escPos), msgBadEscape, "'\\N'")
		return
	}
	s.next()
	start := s.i
	for c := s.cur(); c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' || c == '-'; c = s.cur() {
		s.next()
	}
	if s.cur() != '}' || s.i == start {
		s.errorAt(s.spanFrom(escPos), msgBadEscape, "'"+string(s.src[escPos.i:s.i])+"'")
		return
	}
	name := string(s.src[start:s.i])
	s.next()
	r, ok := lookupRuneName(name)
	if !ok {
		s.errorAt(s.spanFrom(escPos), msgNamedEscape, name)
		return
	}
	val.WriteRune(r)
}
