package fallback

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// F-strings are written in the syntax of Python 3.10, the oldest version
// the module must run on. Before 3.12 the expression of a field is cut out
// of the string token first, so it may contain neither a backslash nor the
// quote of any f-string it sits in. The generator therefore tracks, while
// it writes a field, which quotes are taken (fctx): an f-string takes the
// first free quote of " and ', a string literal inside a field is written
// between a free quote when its text needs no escape, and is otherwise
// hoisted into a module constant (__ml_s1__ = "a\nb", evaluated once at
// load: strings are immutable, so the value is the same). When no quote is
// left (an f-string in a field of an f-string in a field of an f-string),
// or a nested f-string's own text would need an escape, that f-string is
// written as the concatenation of its literal parts and __ml_format__(x,
// spec) calls, which is what Python computes for it: format() of the
// value, after repr(), str() or ascii() for a conversion.

// quoteChars are the quotes an f-string may use, in order of preference.
var quoteChars = [2]byte{'"', '\''}

// An fctx says whether the text being written is inside the field of an
// f-string, and which quotes the enclosing f-strings took.
type fctx struct {
	inField bool
	used    [2]bool
}

// freeQuote returns the index of the first quote the enclosing f-strings
// left free, or -1.
func (c fctx) freeQuote() int {
	for i := range quoteChars {
		if !c.used[i] {
			return i
		}
	}
	return -1
}

// plainText reports whether s can be written between quote q in a field
// of an f-string of Python 3.10: no backslash needed (no control or
// non-printable character, no backslash, no quote taken by an enclosing
// f-string nor q itself).
func (c fctx) plainText(s string, q byte) bool {
	if !utf8.ValidString(s) {
		return false // a lone surrogate needs an escape
	}
	for _, r := range s {
		if r == '\\' || r == rune(q) || !printable(r) {
			return false
		}
		for i, used := range c.used {
			if used && r == rune(quoteChars[i]) {
				return false
			}
		}
	}
	return true
}

// printable reports whether stringLiteral writes r as is.
func printable(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r != 0x7F
	}
	return unicode.IsPrint(r)
}

// strLit returns a string literal with value v, as the context allows.
func (g *gen) strLit(n ast.Node, v string) string {
	if g.fq.inField {
		for i, q := range quoteChars {
			if !g.fq.used[i] && g.fq.plainText(v, q) {
				return string(q) + v + string(q)
			}
		}
	}
	lit, err := stringLiteral(v)
	if err != nil {
		g.fail(n, err)
	}
	if g.fq.inField {
		return g.hoist(lit)
	}
	return lit
}

// bytesLit returns a bytes literal with value v, as the context allows.
func (g *gen) bytesLit(v string) string {
	if g.fq.inField {
		for i, q := range quoteChars {
			if !g.fq.used[i] && asciiPlain(v) && g.fq.plainText(v, q) {
				return "b" + string(q) + v + string(q)
			}
		}
		return g.hoist(bytesLiteral(v, '"'))
	}
	return bytesLiteral(v, '"')
}

// asciiPlain reports whether every byte of s is printable ASCII.
func asciiPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7F {
			return false
		}
	}
	return true
}

// hoist returns the name of a module constant holding the literal lit,
// defined once at the top of the module.
func (g *gen) hoist(lit string) string {
	if name, ok := g.hoisted[lit]; ok {
		return name
	}
	name := "__ml_s" + itoa(len(g.hoistOrder)+1) + "__"
	g.hoisted[lit] = name
	g.hoistOrder = append(g.hoistOrder, lit)
	return name
}

// fstring returns the text of an f-string.
func (g *gen) fstring(fs *ast.FString) (string, int) {
	if qi := g.fq.freeQuote(); qi >= 0 {
		if s, ok := g.fstringIn(fs, qi); ok {
			return s, precAtom
		}
	}
	return g.fstringConcat(fs)
}

// fstringIn writes fs as an f-string between quote quoteChars[qi], or
// reports that its text cannot be written so.
func (g *gen) fstringIn(fs *ast.FString, qi int) (string, bool) {
	q := quoteChars[qi]
	body, ok := g.fstringBody(fs.Parts, qi, false)
	if !ok {
		return "", false
	}
	return "f" + string(q) + body + string(q), true
}

// fstringBody writes the parts of an f-string (or of a format spec, when
// spec is set) taking quote qi.
func (g *gen) fstringBody(parts []ast.Expr, qi int, spec bool) (string, bool) {
	q := quoteChars[qi]
	inner := g.fq
	inner.inField = true
	inner.used[qi] = true
	var b strings.Builder
	fields := make([]string, len(parts))
	debugForm := make([]bool, len(parts))
	for i, p := range parts {
		fv, ok := p.(*ast.FormattedValue)
		if !ok {
			continue
		}
		if fv == nil || fv.X == nil {
			g.failf(nil, "formatted value without an expression")
		}
		if spec && fv.Spec != nil && hasFields(fv.Spec) {
			return "", false // Python 3.10 nests format specs two levels deep at most
		}
		outer := g.fq
		g.fq = inner
		x, xp := g.expr(fv.X)
		g.fq = outer
		x = paren(x, xp, precIfExp)
		if strings.HasPrefix(x, "{") {
			x = " " + x // {{ would read as an escaped brace
		}
		conv := ""
		switch fv.Conv {
		case 0:
			if fv.Debug != "" && fv.Spec == nil {
				conv = "!r" // what Python does for {x=}
			}
		case 'r', 's', 'a':
			conv = "!" + string(fv.Conv)
		default:
			g.failf(fv, "unknown conversion !%c", fv.Conv)
		}
		tail := ""
		if fv.Spec != nil {
			s, ok := g.fstringBody(fv.Spec.Parts, qi, true)
			if !ok {
				return "", false
			}
			tail = ":" + s
		}
		if d := fv.Debug; d != "" && i > 0 && debugText(d) == x {
			if lit, ok := parts[i-1].(*ast.StrLit); ok && lit != nil && strings.HasSuffix(lit.Value, d) && g.fq.plainText(d, q) {
				debugForm[i] = true
				if fv.Conv == 0 || fv.Conv == 'r' && fv.Spec == nil {
					conv = "" // {x=} converts with repr unless a spec is given
				}
				fields[i] = "{" + d + conv + tail + "}"
				continue
			}
		}
		fields[i] = "{" + x + conv + tail + "}"
	}
	for i, p := range parts {
		switch p := p.(type) {
		case *ast.StrLit:
			if p == nil {
				g.failf(nil, "nil f-string text")
			}
			v := p.Value
			if i+1 < len(parts) && debugForm[i+1] {
				v = strings.TrimSuffix(v, parts[i+1].(*ast.FormattedValue).Debug)
			}
			lit, ok := g.fLiteral(v, q, spec)
			if !ok {
				return "", false
			}
			b.WriteString(lit)
		case *ast.FormattedValue:
			b.WriteString(fields[i])
		default:
			g.failf(p, "f-string part %T", p)
		}
	}
	return b.String(), true
}

// debugText returns the expression text of a {x=} field's Debug text.
func debugText(d string) string {
	d = strings.TrimRight(d, " ")
	if !strings.HasSuffix(d, "=") {
		return "\x00" // matches no expression
	}
	return strings.TrimSpace(strings.TrimSuffix(d, "="))
}

// hasFields reports whether a format spec holds replacement fields.
func hasFields(fs *ast.FString) bool {
	for _, p := range fs.Parts {
		if _, ok := p.(*ast.FormattedValue); ok {
			return true
		}
	}
	return false
}

// fLiteral writes the literal text of an f-string between quote q:
// braces doubled, and escapes as in a string literal; inside a field of
// an enclosing f-string no escape may be written. A format spec cannot
// hold braces.
func (g *gen) fLiteral(v string, q byte, spec bool) (string, bool) {
	runes, ok := wtf8Runes(v)
	if !ok {
		g.failf(nil, "f-string text %q is not valid UTF-8", v)
	}
	if g.fq.inField && !g.fq.plainText(v, q) {
		return "", false
	}
	var b strings.Builder
	for _, r := range runes {
		switch {
		case r == '{' || r == '}':
			if spec {
				return "", false
			}
			b.WriteRune(r)
			b.WriteRune(r)
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case printable(r):
			b.WriteRune(r)
		case r >= 0xD800 && r <= 0xDFFF:
			fmt.Fprintf(&b, `\u%04x`, r) // a lone surrogate
		default:
			lit, _ := stringLiteral(string(r))
			b.WriteString(lit[1 : len(lit)-1])
		}
	}
	return b.String(), true
}

// fstringConcat writes fs as Python evaluates it, without f-string
// syntax: its literal parts and the formatted values, concatenated.
func (g *gen) fstringConcat(fs *ast.FString) (string, int) {
	g.needFormat = true
	var pieces []string
	for _, p := range fs.Parts {
		switch p := p.(type) {
		case *ast.StrLit:
			if p == nil {
				g.failf(nil, "nil f-string text")
			}
			if p.Value != "" {
				pieces = append(pieces, g.strLit(p, p.Value))
			}
		case *ast.FormattedValue:
			if p == nil || p.X == nil {
				g.failf(nil, "formatted value without an expression")
			}
			x := g.item(p.X)
			conv := p.Conv
			if conv == 0 && p.Debug != "" && p.Spec == nil {
				conv = 'r'
			}
			switch conv {
			case 0:
			case 'r':
				x = "__ml_repr__(" + x + ")"
			case 's':
				x = "__ml_str__(" + x + ")"
			case 'a':
				x = "__ml_ascii__(" + x + ")"
			default:
				g.failf(p, "unknown conversion !%c", p.Conv)
			}
			if p.Spec == nil {
				pieces = append(pieces, "__ml_format__("+x+")")
				continue
			}
			spec, _ := g.fstring(p.Spec)
			pieces = append(pieces, "__ml_format__("+x+", "+spec+")")
		default:
			g.failf(p, "f-string part %T", p)
		}
	}
	switch len(pieces) {
	case 0:
		return g.strLit(fs, ""), precAtom
	case 1:
		return pieces[0], precPostfix
	}
	return "(" + strings.Join(pieces, " + ") + ")", precAtom
}

// itoa formats a small non-negative int.
func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
