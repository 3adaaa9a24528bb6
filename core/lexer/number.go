package lexer

import (
	"math/big"
	"strings"
	"unicode"
)

// digitValue returns the value 0-9 of a Unicode decimal digit (category Nd),
// or -1. Unicode allocates every Nd digit in a contiguous run of ten starting
// with zero, and Go's tables merge adjacent runs, so the value is the offset
// from the start of the table range modulo ten.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.Is(unicode.Nd, r) {
		return -1
	}
	for _, rg := range unicode.Nd.R16 {
		if uint32(r) >= uint32(rg.Lo) && uint32(r) <= uint32(rg.Hi) {
			return int(uint32(r)-uint32(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if uint32(r) >= rg.Lo && uint32(r) <= rg.Hi {
			return int(uint32(r)-rg.Lo) % 10
		}
	}
	return -1
}

// arabicDecimalSep is U+066B ARABIC DECIMAL SEPARATOR, accepted as '.' in numbers.
const arabicDecimalSep = '٫'

// scanNumber scans an INT, FLOAT or IMAG literal starting at s.i (a digit,
// or '.' followed by a digit). Leading zeros are allowed in the integer part
// of a FLOAT or IMAG ("012.5", "012j"), as in Python, not in an INT.
func (s *scanner) scanNumber() {
	start, startPos := s.i, s.pos()
	if s.cur() == '0' && strings.ContainsRune("xXoObB", s.peek(1)) {
		s.scanPrefixedInt(start, startPos)
		return
	}
	var val strings.Builder
	ok := true
	// digits scans a run of digits with single '_' between them.
	digits := func() int {
		n := 0
		for {
			if d := digitValue(s.cur()); d >= 0 {
				val.WriteByte(byte('0' + d))
				s.next()
				n++
				continue
			}
			if s.cur() == '_' && n > 0 && digitValue(s.peek(1)) >= 0 {
				s.next()
				continue
			}
			if s.cur() == '_' {
				ok = false
			}
			return n
		}
	}
	intDigits := digits()
	isFloat := false
	if c := s.cur(); (c == '.' || c == '．' || c == arabicDecimalSep) && s.fractionFollows() {
		isFloat = true
		val.WriteByte('.')
		s.next()
		if digits() == 0 && intDigits == 0 {
			ok = false
		}
	}
	if c := s.cur(); (c == 'e' || c == 'E') && s.exponentFollows() {
		isFloat = true
		val.WriteByte('e')
		s.next()
		if c := s.cur(); c == '+' || c == '-' {
			val.WriteRune(c)
			s.next()
		}
		if digits() == 0 {
			ok = false
		}
	}
	imag := false
	if c := s.cur(); c == 'j' || c == 'J' {
		imag = true
		s.next()
	}
	// A number glued to a word ("12abc") is one bad literal, as in Python.
	if lexWordRune(s.cur()) {
		ok = false
		for lexWordRune(s.cur()) {
			s.next()
		}
	}
	text := string(s.src[start:s.i])
	span := s.spanFrom(startPos)
	if !ok {
		s.errorAt(span, msgBadNumber, text)
	}
	v := val.String()
	if imag {
		s.emit(Token{Kind: IMAG, Text: text, Value: v, Span: span})
		return
	}
	if !isFloat {
		if len(v) > 1 && v[0] == '0' && strings.Trim(v, "0") != "" {
			s.errorAt(span, msgLeadingZeros)
		}
		if v == "" {
			v = "0"
		}
		s.emit(Token{Kind: INT, Text: text, Value: v, Span: span})
		return
	}
	s.emit(Token{Kind: FLOAT, Text: text, Value: v, Span: span})
}

// fractionFollows reports whether the '.' at s.i belongs to the number being
// scanned: it does when a digit, an exponent, an imaginary 'j' or a non-word
// character follows ("1.5", "1.e3", "1.j", "1."), not when a name follows.
func (s *scanner) fractionFollows() bool {
	n := s.peek(1)
	if digitValue(n) >= 0 {
		return true
	}
	if s.cur() == arabicDecimalSep {
		return false
	}
	if (n == 'j' || n == 'J') && !lexWordRune(s.peek(2)) {
		return true // "1.j"
	}
	if n == 'e' || n == 'E' {
		save := s.i
		s.i++
		ok := s.exponentFollows()
		s.i = save
		return ok
	}
	return !lexWordRune(n) && asciiOpRune(n) != '.'
}

// exponentFollows reports whether the 'e' at s.i starts an exponent.
func (s *scanner) exponentFollows() bool {
	n := s.peek(1)
	if n == '+' || n == '-' {
		n = s.peek(2)
	}
	return digitValue(n) >= 0
}

// scanPrefixedInt scans 0x, 0o and 0b literals; Value is the decimal value.
func (s *scanner) scanPrefixedInt(start int, startPos posMark) {
	s.next() // '0'
	base := 16
	switch s.cur() {
	case 'o', 'O':
		base = 8
	case 'b', 'B':
		base = 2
	}
	s.next()
	var digits strings.Builder
	ok := true
	for {
		c := s.cur()
		if c == '_' {
			if !isBaseDigit(s.peek(1), base) {
				ok = false
			}
			s.next()
			continue
		}
		if !isBaseDigit(c, base) {
			break
		}
		digits.WriteRune(c)
		s.next()
	}
	for lexWordRune(s.cur()) {
		ok = false
		s.next()
	}
	text := string(s.src[start:s.i])
	span := s.spanFrom(startPos)
	v := "0"
	n, parsed := new(big.Int).SetString(digits.String(), base)
	if !ok || !parsed {
		s.errorAt(span, msgBadNumber, text)
	} else {
		v = n.String()
	}
	s.emit(Token{Kind: INT, Text: text, Value: v, Span: span})
}

// isBaseDigit reports whether the ASCII rune c is a digit in base.
func isBaseDigit(c rune, base int) bool {
	switch base {
	case 2:
		return c == '0' || c == '1'
	case 8:
		return c >= '0' && c <= '7'
	}
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
