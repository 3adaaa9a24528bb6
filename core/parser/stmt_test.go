package parser

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

func TestParseStmts(t *testing.T) {
	tests := []struct {
		code, src, want string
	}{
		{"en", "x = 1", "(Assign (Name x) (Int 1))"},
		{"en", "a[i] = a[i - 1]", "(Assign (Index (Name a) (Name i)) (Index (Name a) (Binary - (Name i) (Int 1))))"},
		{"en", "x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 2\nx **= 2",
			"(AugAssign += (Name x) (Int 1))\n(AugAssign -= (Name x) (Int 1))\n(AugAssign *= (Name x) (Int 2))\n(AugAssign /= (Name x) (Int 2))\n(AugAssign //= (Name x) (Int 2))\n(AugAssign %= (Name x) (Int 2))\n(AugAssign **= (Name x) (Int 2))"},
		{"en", "a[0] += 1", "(AugAssign += (Index (Name a) (Int 0)) (Int 1))"},
		{"en", "f(x)", "(Expr (Call (Name f) (Name x)))"},
		{"en", "x = 1; y = 2;", "(Assign (Name x) (Int 1))\n(Assign (Name y) (Int 2))"},
		{"en", "pass\nbreak\ncontinue\nreturn\nreturn x", "(Pass)\n(Break)\n(Continue)\n(Return)\n(Return (Name x))"},
		{"en", "assert x\nassert x > 0, 'positive'", "(Assert (Name x))\n(Assert (Compare (Name x) > (Int 0)) (Str \"positive\"))"},
		{"en", "global a, b", "(Global a b)"},
		{"en", "def f():\n    pass", "(Def f (Params)\n  (Body\n    (Pass)))"},
		{"en", "def f(a, b: int, c: list[list[float]],) -> None:\n    return",
			"(Def f (Params (Param a) (Param b (Type int)) (Param c (Type list (Type list (Type float))))) -> (Type None)\n  (Body\n    (Return)))"},
		{"en", "fn f(x): return x", "(Def f (Params (Param x))\n  (Body\n    (Return (Name x))))"},
		{"en", "if a: x = 1\nelse: x = 2", "(If (Name a)\n  (Then\n    (Assign (Name x) (Int 1)))\n  (Else\n    (Assign (Name x) (Int 2))))"},
		{"en", "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass",
			"(If (Name a)\n  (Then\n    (Pass))\n  (Else\n    (Elif (Name b)\n      (Then\n        (Pass))\n      (Else\n        (Elif (Name c)\n          (Then\n            (Pass)))))))"},
		{"en", "if a:\n    pass\nelse:\n    if b:\n        pass",
			"(If (Name a)\n  (Then\n    (Pass))\n  (Else\n    (If (Name b)\n      (Then\n        (Pass)))))"},
		{"en", "while i < n:\n    i += 1\n    if i == 3:\n        break",
			"(While (Compare (Name i) < (Name n))\n  (Body\n    (AugAssign += (Name i) (Int 1))\n    (If (Compare (Name i) == (Int 3))\n      (Then\n        (Break)))))"},
		{"en", "for i in range(10, 0, -1):\n    for j in range(i):\n        continue",
			"(For i (Call (Name range) (Int 10) (Int 0) (Unary - (Int 1)))\n  (Body\n    (For j (Call (Name range) (Name i))\n      (Body\n        (Continue)))))"},
		{"en", "# comment\n\nx = 1  # trailing\n\n\ny = 2\n", "(Assign (Name x) (Int 1))\n(Assign (Name y) (Int 2))"},
		// The guiding French example.
		{"fr", "déf expensive_operation(n: entier) -> entier:\n    result = 0\n    pour i dans intervalle(n * n):\n        result = result + (i * i) // (i + 1)\n    retour result\n\nexpensive_operation(1000000)\n",
			"(Def expensive_operation (Params (Param n (Type entier))) -> (Type entier)\n  (Body\n    (Assign (Name result) (Int 0))\n    (For i (Call (Name intervalle) (Binary * (Name n) (Name n)))\n      (Body\n        (Assign (Name result) (Binary + (Name result) (Binary // (Binary * (Name i) (Name i)) (Binary + (Name i) (Int 1)))))))\n    (Return (Name result))))\n(Expr (Call (Name expensive_operation) (Int 1000000)))"},
		// Both spellings of a keyword.
		{"fr", "pour chaque x dans l:\n    passer\nchaque = 1", "(For x (Name l)\n  (Body\n    (Pass)))\n(Assign (Name chaque) (Int 1))"},
		{"fr", "si a:\n    passer\nsinonsi b:\n    passer\nsinon si c:\n    passer",
			"(If (Name a)\n  (Then\n    (Pass))\n  (Else\n    (Elif (Name b)\n      (Then\n        (Pass))\n      (Else\n        (Elif (Name c)\n          (Then\n            (Pass)))))))"},
		{"fr", "fonction f(x: liste[entier]) -> Rien:\n    retour", "(Def f (Params (Param x (Type liste (Type entier)))) -> (Type Rien)\n  (Body\n    (Return)))"},
		{"pt", "defina f(x):\n    retorne x\ndefinir g():\n    retornar 1", "(Def f (Params (Param x))\n  (Body\n    (Return (Name x))))\n(Def g (Params)\n  (Body\n    (Return (Int 1))))"},
		// Unicode names and digits.
		{"hi", "परिभाषा जोड़(क: पूर्णांक) -> पूर्णांक:\n    वापसी क + १०", "(Def जोड़ (Params (Param क (Type पूर्णांक))) -> (Type पूर्णांक)\n  (Body\n    (Return (Binary + (Name क) (Int 10)))))"},
		{"ja", "関数 合計(数):\n    戻る 数 × ２", "(Def 合計 (Params (Param 数))\n  (Body\n    (Return (Binary * (Name 数) (Int 2)))))"},
		{"ar", "إذا س > ٠:\n    اطبع(«موجب»)", "(If (Compare (Name س) > (Int 0))\n  (Then\n    (Expr (Call (Name اطبع) (Str \"موجب\")))))"},
		{"en", "x = 'é'\r\ny = 2\r\n", "(Assign (Name x) (Str \"é\"))\n(Assign (Name y) (Int 2))"},
	}
	for _, tt := range tests {
		f, errs := ParseFile("t.ml", tt.src, mustLang(t, tt.code))
		if len(errs) > 0 {
			t.Errorf("[%s] %q: %v", tt.code, tt.src, errs)
			continue
		}
		var parts []string
		for _, s := range f.Body {
			parts = append(parts, Dump(s))
		}
		if got := strings.Join(parts, "\n"); got != tt.want {
			t.Errorf("[%s] %q:\n got %s\nwant %s", tt.code, tt.src, got, tt.want)
		}
	}
}

// TestRecovery checks that parsing goes on after an error and that the
// statements of a block after a bad header are still checked.
func TestRecovery(t *testing.T) {
	src := "def f(x)\n    y = $\n    return x\nz = (1\n"
	f, errs := ParseFile("r.ml", src, nil)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"r.ml:1:9: expected ':' after the function header, found end of line",
		"r.ml:2:9: unexpected character '$'",
		"r.ml:4:5: '(' was never closed",
		"r.ml:5:1: expected ')' to close the '(' opened at 4:5, found end of line",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(f.Body) != 0 {
		t.Errorf("partial tree %s", Dump(f))
	}

	// A missing block does not swallow the line that should have been indented.
	f, errs = ParseFile("r.ml", "while x:\ny = 1\n", nil)
	if len(errs) != 1 || len(f.Body) != 2 {
		t.Fatalf("errors %v, tree %s", errs, Dump(f))
	}
	if _, ok := f.Body[1].(*ast.Assign); !ok {
		t.Errorf("second statement %T", f.Body[1])
	}
}
