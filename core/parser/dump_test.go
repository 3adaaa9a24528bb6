package parser

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

func TestDumpCanonical(t *testing.T) {
	fr := mustLang(t, "fr")
	f, errs := ParseFile("d.ml", "déf f(x: entier) -> Rien:\n    afficher(intervalle(longueur(x)), y)\n", fr)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := "(File\n  (Def f (Params (Param x (Type int))) -> (Type None)\n    (Body\n      (Expr (Call (Name print) (Call (Name range) (Call (Name len) (Name x))) (Name y))))))"
	if got := DumpCanonical(f, fr); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	wantRaw := "(File\n  (Def f (Params (Param x (Type entier))) -> (Type Rien)\n    (Body\n      (Expr (Call (Name afficher) (Call (Name intervalle) (Call (Name longueur) (Name x))) (Name y))))))"
	if got := Dump(f); got != wantRaw {
		t.Errorf("got\n%s\nwant\n%s", got, wantRaw)
	}
}

func TestDumpOddNodes(t *testing.T) {
	tests := []struct {
		n    any
		want string
	}{
		{nil, "<nil>"},
		{&ast.Attribute{X: &ast.Ident{Name: "a"}}, "(Attr (Name a) <nil>)"},
		{&ast.FloatLit{Value: 0.5}, "(Float 0.5)"},
		{&ast.Global{}, "(Global)"},
		{42, "(?int)"},
	}
	for _, tt := range tests {
		if got := Dump(tt.n); got != tt.want {
			t.Errorf("Dump(%#v) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
