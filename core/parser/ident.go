package parser

import (
	"golang.org/x/text/unicode/norm"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lexer"
)

// ident returns the identifier written as token t. Its name is the NFKC
// normal form of the text, as Python reads identifiers (PEP 3131): `café`
// written with a combining accent and with the precomposed é is one name,
// and so are `ﬁle` and `file`. The span keeps the text as written.
func (p *parser) ident(t lexer.Token) *ast.Ident {
	return &ast.Ident{Pos: t.Span, Name: normalizeName(t.Text)}
}

// normalizeName returns the NFKC form of an identifier; ASCII names are
// returned as they are.
func normalizeName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return norm.NFKC.String(s)
		}
	}
	return s
}
