package fallback

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// intLiteral returns the Python spelling of an integer literal whose Text
// is ASCII decimal: the canonical decimal form, since Python rejects leading
// zeros ("007") in decimal literals. A negative value keeps its sign; the
// caller parenthesizes it like a unary minus.
func intLiteral(text string) (string, error) {
	v, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return "", fmt.Errorf("integer literal %q is not decimal", text)
	}
	return v.String(), nil
}

// floatLiteral returns the Python spelling of a float literal. The text the
// user wrote (ASCII, as the lexer gives it) is kept when it is also a valid
// Python float literal: Python and Go both round decimal text correctly, so
// it denotes the very same double. Otherwise the value is written as the
// shortest decimal that reads back to it, forced to look like a float
// ("1.0", not "1"); infinity is written 1e999, which Python reads as inf.
// NaN has no literal and is an error.
func floatLiteral(text string, value float64) (string, error) {
	if isPythonFloatText(text) {
		return text, nil
	}
	switch {
	case math.IsNaN(value):
		return "", fmt.Errorf("float literal %q has no Python spelling", text)
	case math.IsInf(value, 1):
		return "1e999", nil
	case math.IsInf(value, -1):
		return "-1e999", nil
	}
	s := strconv.FormatFloat(value, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s, nil
}

// isPythonFloatText reports whether s is a Python float literal without
// underscores: digits with a '.' and/or an exponent, at least one digit
// before the exponent.
func isPythonFloatText(s string) bool {
	i, n := 0, len(s)
	digits := func() int {
		start := i
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	mant := digits()
	dot := false
	if i < n && s[i] == '.' {
		dot = true
		i++
		mant += digits()
	}
	if mant == 0 {
		return false
	}
	exp := false
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
		exp = true
	}
	return i == n && (dot || exp)
}

// stringLiteral returns a double-quoted Python string literal whose value is
// s. Printable characters are written as they are (Python never normalizes
// string literals); quotes, backslashes and every non-printable rune
// (controls, line and paragraph separators, format characters such as the
// BOM) are escaped. s must be UTF-8, where a lone UTF-16 surrogate, which a
// Python str may hold, is kept as WTF-8 (ED A0..BF xx, as the lexer writes
// it): it is written \udxxx.
func stringLiteral(s string) (string, error) {
	runes, ok := wtf8Runes(s)
	if !ok {
		return "", fmt.Errorf("string literal %q is not valid UTF-8", s)
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range runes {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			switch {
			case r < 0x80 && (r < 0x20 || r == 0x7F):
				fmt.Fprintf(&b, `\x%02x`, r)
			case r < 0x80 || printable(r):
				b.WriteRune(r)
			case r <= 0xFFFF:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String(), nil
}

// wtf8Runes decodes s as UTF-8 in which a surrogate code point may be
// encoded as the three bytes UTF-8 would give it (WTF-8). It reports false
// for any other invalid byte.
func wtf8Runes(s string) ([]rune, bool) {
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			if i+2 < len(s) && s[i] == 0xED && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2] >= 0x80 && s[i+2] <= 0xBF {
				out = append(out, 0xD000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
				i += 3
				continue
			}
			return nil, false
		}
		out = append(out, r)
		i += n
	}
	return out, true
}

// commentText returns s made safe for a one-line Python comment: control
// characters and line separators are escaped as in a string literal.
func commentText(s string) string {
	lit, err := stringLiteral(strings.ToValidUTF8(s, "\uFFFD"))
	if err != nil {
		return "?"
	}
	return lit[1 : len(lit)-1]
}

// imagLiteral returns the Python spelling of an imaginary literal whose
// Text is the ASCII spelling of its imaginary part: decimal digits (leading
// zeros are allowed before j) or a float literal.
func imagLiteral(text string) (string, error) {
	digits := text != ""
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			digits = false
		}
	}
	if !digits && !isPythonFloatText(text) {
		return "", fmt.Errorf("imaginary literal %qj has no Python spelling", text)
	}
	return text + "j", nil
}

// bytesLiteral returns a Python bytes literal whose value is the bytes of
// s, between the quote q: printable ASCII as is, everything else escaped.
func bytesLiteral(s string, q byte) string {
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7F:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}
