package parser

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

func TestPrint(t *testing.T) {
	tests := []struct {
		from, src, to, want string
	}{
		{"fr", "déf f(n: entier) -> liste[entier]:\n    retour [n]\n", "en", "def f(n: int) -> list[int]:\n    return [n]\n"},
		{"en", "for k in range(3):\n    print(k)\n", "fr", "pour k dans intervalle(3):\n    afficher(k)\n"},
		{"en", "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    x = 2\n", "de", "wenn a:\n    pass\nsonstwenn b:\n    x = 1\nsonst:\n    x = 2\n"},
		{"en", "x = (a + b) * c - (d - e) - f\n", "en", "x = (a + b) * c - (d - e) - f\n"},
		{"en", "x = (-2) ** 2 + -2 ** 2 + 2 ** -1 + (2 ** 3) ** 2 + 2 ** 3 ** 2\n", "en", "x = (-2) ** 2 + -2 ** 2 + 2 ** -1 + (2 ** 3) ** 2 + 2 ** 3 ** 2\n"},
		{"en", "x = not (a and b) or c and (d or e)\n", "en", "x = not (a and b) or c and (d or e)\n"},
		{"en", "x = (a < b) == c\n", "en", "x = (a < b) == c\n"},
		{"en", "x = (a | b) & c ^ d << (e >> f) | ~g + -h\n", "en", "x = (a | b) & c ^ d << (e >> f) | ~g + -h\n"},
		{"en", "x = a | b | (c | d)\nx <<= (a & b) << 2\nx ^= ~(a + 1)\n", "en", "x = a | b | (c | d)\nx <<= (a & b) << 2\nx ^= ~(a + 1)\n"},
		{"en", "x = a not in b and c is not None\n", "fr", "x = a pas dans b et c est non Rien\n"},
		{"en", "assert x, 'm\\n'\nglobal g\n", "en", "assert x, \"m\\n\"\nglobal g\n"},
		// Identifiers that are words of the target language get renamed.
		{"en", "i = 1\ni_ = 2\n", "da", "i__ = 1\ni_ = 2\n"},
		{"en", "for chaque in x:\n    pass\n", "fr", "pour chaque_ dans x:\n    passer\n"},
		{"en", "def f():\n    pass\ndef g():\n    pass\nf()\n", "en", "def f():\n    pass\n\n\ndef g():\n    pass\n\nf()\n"},
	}
	for _, tt := range tests {
		f, errs := ParseFile("p.ml", tt.src, mustLang(t, tt.from))
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if got := Print(f, mustLang(t, tt.to)); got != tt.want {
			t.Errorf("%q in %s:\n got %q\nwant %q", tt.src, tt.to, got, tt.want)
		}
	}
}

// TestPrintBuiltTree prints trees that the parser never builds (empty
// bodies, float values without text, negative literals).
func TestPrintBuiltTree(t *testing.T) {
	id := func(s string) *ast.Ident { return &ast.Ident{Name: s} }
	f := &ast.File{Lang: "en", Body: []ast.Stmt{
		&ast.While{Cond: &ast.BoolLit{Value: true}},
		&ast.ExprStmt{X: &ast.Binary{Op: ast.OpPow, X: &ast.IntLit{Text: "-3"}, Y: &ast.FloatLit{Value: 2}}},
		&ast.ExprStmt{X: &ast.Attribute{X: &ast.IntLit{Text: "1"}, Name: id("real")}},
	}}
	want := "while True:\n    pass\n(-3) ** 2.0\n(1).real\n"
	if got := Print(f, nil); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_ = source.Span{}
}
