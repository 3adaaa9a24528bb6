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

// TestDumpStatements dumps one program per kind of statement and
// expression beyond the typed subset.
func TestDumpStatements(t *testing.T) {
	tests := []struct{ src, want string }{
		{"@d\nasync def f(a, /, b: int = 1, *c, d, **e) -> None:\n    pass\n",
			"(File\n  (AsyncDef f (Decorators (Name d)) (Params (PosOnly a) (Param b (Type int) (Default (Int 1))) (VarArgs c) (KwOnly d) (VarKw e)) -> (Type None)\n    (Body\n      (Pass))))"},
		{"class C(B, metaclass=M, **k):\n    x: int = 1\n    (y): int\n",
			"(File\n  (Class C (Bases (Name B)) (Kw metaclass (Name M)) (Kw ** (Name k))\n    (Body\n      (AnnAssign simple (Name x) (Type int) (Int 1))\n      (AnnAssign (Name y) (Type int)))))"},
		{"for a, *b in c:\n    break\nelse:\n    pass\nwhile x:\n    continue\nelse:\n    pass\n",
			"(File\n  (For (Tuple (Name a) (Star (Name b))) (Name c)\n    (Body\n      (Break))\n    (Else\n      (Pass)))\n  (While (Name x)\n    (Body\n      (Continue))\n    (Else\n      (Pass))))"},
		{"let x = y = 1\ndel a, b[1]\nraise E from c\nraise\nglobal g\nnonlocal n\n",
			"(File\n  (Assign let (Name x) (Name y) (Int 1))\n  (Del (Name a) (Index (Name b) (Int 1)))\n  (Raise (Name E) (From (Name c)))\n  (Raise)\n  (Global g)\n  (Nonlocal n))"},
		{"try:\n    pass\nexcept* E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
			"(File\n  (TryStar\n    (Body\n      (Pass))\n    (Except (Name E) as e\n      (Body\n        (Pass)))\n    (Else\n      (Pass))\n    (Finally\n      (Pass))))"},
		{"async with a as b, c:\n    pass\nimport a.b as c, d\nfrom ..m import x as y, z\nfrom . import *\n",
			"(File\n  (AsyncWith (Item (Name a) (Name b)) (Item (Name c))\n    (Body\n      (Pass)))\n  (Import (Alias a.b c) (Alias d))\n  (ImportFrom ..m (Alias x y) (Alias z))\n  (ImportFrom . (Alias *)))"},
		{"match p:\n    case 1 | None | [a, *_] | {'k': v, **r} | C(1, x=2) | (1 as z) if z:\n        pass\n    case _:\n        pass\n",
			"(File\n  (Match (Name p)\n    (Case (MatchOr (MatchValue (Int 1)) (MatchSingleton (None)) (MatchSequence (MatchAs a) (MatchStar _)) (MatchMapping (Key (Str \"k\") (MatchAs v)) (Rest r)) (MatchClass (Name C) (MatchValue (Int 1)) (Kw x (MatchValue (Int 2)))) (MatchAs (MatchValue (Int 1)) z)) (If (Name z))\n      (Body\n        (Pass)))\n    (Case (MatchAs _)\n      (Body\n        (Pass)))))"},
		{"x = (1, 2), {1: 2, **m}, {1}, *a, b[1:2, ::3], lambda x=1: x, a if b else c, (y := 1)\n",
			"(File\n  (Assign (Name x) (Tuple (Tuple (Int 1) (Int 2)) (Dict (Pair (Int 1) (Int 2)) (** (Name m))) (Set (Int 1)) (Star (Name a)) (Index (Name b) (Tuple (Slice (Int 1) (Int 2) <nil>) (Slice <nil> <nil> (Int 3)))) (Lambda (Params (Param x (Default (Int 1)))) (Name x)) (IfExp (Name a) (Name b) (Name c)) (Walrus y (Int 1)))))"},
		{"x = [a for a in b if c], {a async for a in b}, {k: v for k, v in d}, (a for a in b)\n",
			"(File\n  (Assign (Name x) (Tuple (ListComp (Name a) (For (Name a) (Name b) (If (Name c)))) (SetComp (Name a) (AsyncFor (Name a) (Name b))) (DictComp (Name k) (Name v) (For (Tuple (Name k) (Name v)) (Name d))) (GenExp (Name a) (For (Name a) (Name b))))))"},
		{"async def g():\n    yield\n    yield from x\n    await y\n",
			"(File\n  (AsyncDef g (Params)\n    (Body\n      (Expr (Yield))\n      (Expr (YieldFrom (Name x)))\n      (Expr (Await (Name y))))))"},
		{"x = f'a{b=}{c!r:>{w}}', b'\\x00', 2j, ..., f(a, *b, c=1, **d)\n",
			"(File\n  (Assign (Name x) (Tuple (FString (Str \"ab=\") (Fmt (Name b) (Debug \"b=\") !r) (Fmt (Name c) !r (Spec (Str \">\") (Fmt (Name w))))) (Bytes \"\\x00\") (Imag 2) (Ellipsis) (Call (Name f) (Name a) (Star (Name b)) (Kw c (Int 1)) (Kw ** (Name d))))))"},
	}
	for _, tt := range tests {
		f, errs := ParseFile("d.ml", tt.src, nil)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if got := Dump(f); got != tt.want {
			t.Errorf("%q:\ngot\n%s\nwant\n%s", tt.src, got, tt.want)
		}
	}
}
