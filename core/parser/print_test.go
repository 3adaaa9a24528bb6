package parser

import (
	"math"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
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

// TestPrintPrecedence prints English programs back in English: the
// parentheses Python's grammar needs are there, and no others, and the
// output parses to the same tree.
func TestPrintPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = ((-2) ** 2) + (-(2 ** 2)) + 2 ** (-1) + (2 ** 3) ** 2 + 2 ** (3 ** 2)\n", "x = (-2) ** 2 + -2 ** 2 + 2 ** -1 + (2 ** 3) ** 2 + 2 ** 3 ** 2\n"},
		{"y = (await a) ** 2 + -(await b) + (await c).d + await (-e)\n", "y = await a ** 2 + -await b + (await c).d + await (-e)\n"},
		{"z = (lambda: 1) if (lambda: 2) else (lambda: 3)\n", "z = (lambda: 1) if (lambda: 2) else lambda: 3\n"},
		{"w = (a if b else c) if (d if e else f) else (g if h else i)\n", "w = (a if b else c) if (d if e else f) else g if h else i\n"},
		{"v = [(yield), (yield x), (yield from y)]\n", "v = [(yield), (yield x), (yield from y)]\n"},
		{"u = (yield a, b)\n(yield)\n", "u = yield a, b\nyield\n"},
		{"t = a[1:2, ::3], a[:], a[1:], a[::-1], a[()], a[(1,)], a[*b], a[(x := 1)], a[(1, 2)]\n", "t = a[1:2, ::3], a[:], a[1:], a[::-1], a[()], a[1,], a[*b], a[(x := 1)], a[1, 2]\n"},
		{"s = f((x for x in y)), f((x for x in y), 1), f(c=1, *a, **d)\n", "s = f(x for x in y), f((x for x in y), 1), f(*a, c=1, **d)\n"},
		{"r = (a, b), (a,), (), [*a, *b], {*a}, {**a, 'k': 1}\n", "r = (a, b), (a,), (), [*a, *b], {*a}, {**a, \"k\": 1}\n"},
		{"q = (not (a and b)) or (c and (d or e)), not (a == b), (not a) == b\n", "q = not (a and b) or c and (d or e), not a == b, (not a) == b\n"},
		{"p = (a < b) < c, a < b < c, (a == b) is c, a in (b in c)\n", "p = (a < b) < c, a < b < c, (a == b) is c, a in (b in c)\n"},
		{"o = -(x ** 2), (-x) ** 2, ~(-x), -(-x), +x\n", "o = -x ** 2, (-x) ** 2, ~-x, --x, +x\n"},
		{"n = (a := 1), [y := 2, y ** 2], f(z := 3)\nif n := 4:\n    pass\n", "n = (a := 1), [(y := 2), y ** 2], f((z := 3))\nif (n := 4):\n    pass\n"},
		{"m = lambda x, /, y=1, *a, z, w=2, **k: (x, y)\nl = lambda *, z: z\n", "m = lambda x, /, y=1, *a, z, w=2, **k: (x, y)\nl = lambda *, z: z\n"},
		{"k = [x for x in (a if b else c) if (lambda: x)], {k: v for (k, v) in d.items()}\n", "k = [x for x in (a if b else c) if (lambda: x)], {k: v for k, v in d.items()}\n"},
		{"j = (1).real, (1.5).imag, (2j).imag, 'a'.join, a.b.c(d)[e]\n", "j = (1).real, (1.5).imag, 2j.imag, \"a\".join, a.b.c(d)[e]\n"},
		{"i = a @ b @ (c @ d), a - (b - c), (a - b) - c, (a ** b) ** c\n", "i = a @ b @ (c @ d), a - (b - c), a - b - c, (a ** b) ** c\n"},
		{"for (x,) in y:\n    pass\nfor ((a, b), *c) in d:\n    pass\n", "for x, in y:\n    pass\nfor (a, b), *c in d:\n    pass\n"},
		{"del a, (b, c), [d], e.f, g[h]\nprint(*(a or b), **(c or d))\n", "del a, (b, c), [d], e.f, g[h]\nprint(*(a or b), **(c or d))\n"},
		{"(a) = b = (c, d) = e\nx: int\n(y): int = 1\nz.w: list[int] = []\n", "a = b = c, d = e\nx: int\n(y): int = 1\nz.w: list[int] = []\n"},
		{"with (a as b, c):\n    pass\nasync def f():\n    async with a as (b, c):\n        pass\n", "with a as b, c:\n    pass\n\nasync def f():\n    async with a as (b, c):\n        pass\n"},
		{"with ((a, b)):\n    pass\nwith (a, b) as c, (d, e):\n    pass\n", "with ((a, b)):\n    pass\nwith (a, b) as c, (d, e):\n    pass\n"},
		{"g = (a and b) and c, a and b and c, a and (b and c), ((a or b)) or (c or d), (a or b) and c\n", "g = (a and b) and c, a and b and c, a and (b and c), (a or b) or (c or d), (a or b) and c\n"},
		{"raise E from (a or b)\nassert (a, b), (c if d else e)\n", "raise E from a or b\nassert (a, b), c if d else e\n"},
		{"f'{(lambda: 1)} {a if b else (lambda: 2)} { {1: 2} } {x!r:>{w}} {y = }'\n", "f\"{(lambda: 1)} {(a if b else lambda: 2)} { {1: 2} } {x!r:>{w}} {y = }\"\n"},
		{"f'{\"a\" + f\"{b!s}\"}' f\"{c}\" 'd{{}}\\n'\n", "f\"{'a' + f'{b!s}'}{c}d{{{{}}}}\\n\"\n"},
		{"x = f\"{d['k']}\", f'{\"it\\'s\"}', 'say \"hi\"', b'\"'\n", "x = f\"{d['k']}\", f'{\"it's\"}', 'say \"hi\"', b'\"'\n"},
		{"s = 'a\\'b\"c\\\\\\t\\x00\\u200b\\U0001F600é', b'\\x00\\xff\\'\"', 1_000j\n", "s = \"a'b\\\"c\\\\\\t\\x00\\u200b😀é\", b\"\\x00\\xff'\\\"\", 1000j\n"},
	}
	en := mustLang(t, "en")
	for _, tt := range tests {
		f, errs := ParseFile("p.ml", tt.src, en)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		got := Print(f, en)
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
		g, errs := ParseFile("p.ml", got, en)
		if len(errs) > 0 {
			t.Errorf("%q printed as %q does not parse: %v", tt.src, got, errs)
			continue
		}
		if a, b := Dump(f), Dump(g); a != b {
			t.Errorf("%q printed as %q changes the tree:\n%s", tt.src, got, dumpDiff(a, b))
		}
	}
}

// TestPrintNames checks how names are printed in another language, and
// that every program still parses back to the same Python tree in each
// language (once the original's names are renamed as the printer did).
func TestPrintNames(t *testing.T) {
	tests := []struct {
		from, src, to, want string
	}{
		// Soft keywords and other spellings of keywords stay usable as names.
		{"en", "match = 1\ncase = let = const = default = fn = var = match\n", "fr", "match = 1\ncase = let = const = default = fn = var = match\n"},
		{"fr", "selon = 1\ncas = soit = fonction = selon\n", "fr", "selon = 1\ncas = soit = fonction = selon\n"},
		// A hard keyword of the target is renamed everywhere, attributes included.
		{"en", "class A:\n    def si(self):\n        return self.si\nA().si(si=1)\n", "fr", "classe A:\n    déf si_(self):\n        retour self.si_\n\nA().si_(si_=1)\n"},
		// A name the program binds is its own: never translated...
		{"en", "max = 3\nprint(max, min(1, 2))\n", "fr", "max = 3\nafficher(max, minimum(1, 2))\n"},
		{"fr", "liste = [1]\nafficher(liste, longueur(liste))\n", "en", "liste = [1]\nprint(liste, len(liste))\n"},
		// An attribute or keyword argument spelled like a builtin is not one.
		{"en", "import gzip\nprint(open(p), gzip.open(p, mode=len))\n", "en", "import gzip\nprint(open(p), gzip.open(p, mode=len))\n"},
		{"en", "import gzip\nprint(open(p), gzip.open(p, len=len))\n", "fr", "importer gzip\nafficher(ouvrir(p), gzip.open(p, len=longueur))\n"},
		// ... but renamed when a builtin the program uses takes its spelling.
		{"en", "somme = 1\nprint(sum([somme]))\n", "fr", "somme_ = 1\nafficher(somme([somme_]))\n"},
		// A free name that is a builtin of the target is renamed.
		{"en", "print(longueur)\n", "fr", "afficher(longueur_)\n"},
		// Annotations take type spellings, which may differ from builtin ones.
		{"en", "def f(x: float, y: dict[str, list[float]] | None) -> float:\n    return float(x)\n", "da", "definer f(x: flydetal, y: ordbog[streng, liste[flydetal]] | Ingen) -> flydetal:\n    returner flydende(x)\n"},
		{"it", "definisci f(x: virgola_mobile) -> lista[intero]:\n    ritorna [intero(x)]\n", "en", "def f(x: float) -> list[int]:\n    return [int(x)]\n"},
		{"en", "let x = 1\nconst Y: int = 2\nlet a = b = 3\n", "fr", "soit x = 1\nconst Y: entier = 2\nsoit a = b = 3\n"},
		// A debugging field is printed as written where that keeps its text,
		// else as its text and a plain field.
		{"en", "def f(*, a, b=1):\n    return f'{a=}{b = !s:>{a}}'\n", "en", "def f(*, a, b=1):\n    return f\"{a=}{b = !s:>{a}}\"\n"},
		{"en", "def f(*, a, b=1):\n    return f'{a=}{b = !s:>{a}}'\n", "de", "def f(*, a, b=1):\n    rückgabe f\"{a=}{b = !s:>{a}}\"\n"},
		{"en", "print(f'{len(a) = }{a[0]=:>3}')\n", "fr", "afficher(f\"len(a) = {longueur(a)!r}{a[0]=:>3}\")\n"},
		{"en", "i = 0\nprint(f'{i=} {i + 1 = :3}')\n", "da", "i_ = 0\nskriv(f\"i={i_!r} i + 1 = {i_ + 1:3}\")\n"},
		{"en", "print(f'{d[\"k\"]=}')\n", "en", "print(f'{d[\"k\"]=}')\n"},
	}
	for _, tt := range tests {
		from, to := mustLang(t, tt.from), mustLang(t, tt.to)
		f, errs := ParseFile("p.ml", tt.src, from)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if got := Print(f, to); got != tt.want {
			t.Errorf("%q in %s:\n got %q\nwant %q", tt.src, tt.to, got, tt.want)
		}
		for _, code := range lang.Codes() {
			l := mustLang(t, code)
			out, renamed := printFile(f, l)
			g, errs := ParseFile("p.ml", out, l)
			if len(errs) > 0 {
				t.Errorf("%q printed in %s does not parse: %v\n%s", tt.src, code, errs, out)
				continue
			}
			orig, _ := ParseFile("p.ml", tt.src, from)
			renameAll(orig, renamed)
			if want, got := DumpPython(orig, from), DumpPython(g, l); got != want {
				t.Errorf("%q printed in %s as %q:\n%s", tt.src, code, out, dumpDiff(want, got))
			}
		}
	}
}

// TestPrintBuiltTree prints trees that the parser never builds (empty
// bodies, float values without text, negative literals, annotations and
// parameter lists made by hand).
func TestPrintBuiltTree(t *testing.T) {
	id := func(s string) *ast.Ident { return &ast.Ident{Name: s} }
	f := &ast.File{Lang: "en", Body: []ast.Stmt{
		&ast.While{Cond: &ast.BoolLit{Value: true}},
		&ast.ExprStmt{X: &ast.Binary{Op: ast.OpPow, X: &ast.IntLit{Text: "-3"}, Y: &ast.FloatLit{Value: 2}}},
		&ast.ExprStmt{X: &ast.Attribute{X: &ast.IntLit{Text: "1"}, Name: id("real")}},
		&ast.FuncDef{Name: id("f"), Params: []*ast.Param{
			{Name: id("a"), Kind: ast.ParamPosOnly},
			{Name: id("b"), Kind: ast.ParamKwOnly, Type: &ast.TypeExpr{Name: id("dict"), Args: []*ast.TypeExpr{{Name: id("str")}, {Name: id("None")}}}, Default: &ast.NoneLit{}},
			{Name: id("c"), Kind: ast.ParamVarKw},
		}, Result: &ast.TypeExpr{Name: id("None")}, Async: true, Decorators: []ast.Expr{id("d")}},
		&ast.AnnAssign{Target: id("x"), Annot: &ast.TypeExpr{Name: id("int")}, Decl: ast.DeclConst, Simple: true},
		&ast.ExprStmt{X: &ast.FString{Parts: []ast.Expr{&ast.FormattedValue{X: id("x"), Debug: "x="}, &ast.StrLit{Value: "{'\"}"}}}},
		&ast.ExprStmt{X: &ast.FString{Parts: []ast.Expr{&ast.FormattedValue{X: &ast.FString{Parts: []ast.Expr{&ast.FormattedValue{X: &ast.StrLit{Value: "s"}}}}}}}},
		&ast.ExprStmt{X: &ast.Tuple{Elems: []ast.Expr{&ast.StrLit{Value: "\xed\xb2\x80"}, &ast.BytesLit{Value: "'\""}, &ast.FloatLit{Value: math.Inf(1)}, &ast.FloatLit{Value: math.NaN()}}}},
	}}
	want := "while True:\n    pass\n(-3) ** 2.0\n(1).real\n\n@d\nasync def f(a, /, *, b: dict[str, None] = None, **c) -> None:\n    pass\n\n" +
		"const x: int\nf\"{x!r}{{'\\\"}}\"\nf\"{f'{\"s\"}'}\"\n\"\\udc80\", b\"'\\\"\", 1e999, (1e999 - 1e999)\n"
	if got := Print(f, nil); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
