package parser

import (
	"strings"
	"testing"
)

func TestParseExpr(t *testing.T) {
	tests := []struct {
		code, src, want string
	}{
		{"en", "x + 1", "(Binary + (Name x) (Int 1))"},
		{"en", "1 + 2 * 3", "(Binary + (Int 1) (Binary * (Int 2) (Int 3)))"},
		{"en", "1 - 2 - 3", "(Binary - (Binary - (Int 1) (Int 2)) (Int 3))"},
		{"en", "a // b % c / d", "(Binary / (Binary % (Binary // (Name a) (Name b)) (Name c)) (Name d))"},
		{"en", "(1 + 2) * 3", "(Binary * (Binary + (Int 1) (Int 2)) (Int 3))"},
		// ** is right-associative and binds tighter than unary minus on its left.
		{"en", "2 ** 3 ** 2", "(Binary ** (Int 2) (Binary ** (Int 3) (Int 2)))"},
		{"en", "-2 ** 2", "(Unary - (Binary ** (Int 2) (Int 2)))"},
		{"en", "2 ** -1", "(Binary ** (Int 2) (Unary - (Int 1)))"},
		{"en", "-x * y", "(Binary * (Unary - (Name x)) (Name y))"},
		{"en", "--x", "(Unary - (Unary - (Name x)))"},
		{"en", "+x", "(Unary + (Name x))"},
		// Bitwise operators: | < ^ < & < shifts < + -, all above comparisons;
		// ~ binds like unary minus.
		{"en", "a | b ^ c & d << e + f", "(Binary | (Name a) (Binary ^ (Name b) (Binary & (Name c) (Binary << (Name d) (Binary + (Name e) (Name f))))))"},
		{"en", "a + b >> c & d ^ e | f", "(Binary | (Binary ^ (Binary & (Binary >> (Binary + (Name a) (Name b)) (Name c)) (Name d)) (Name e)) (Name f))"},
		{"en", "a << b >> c", "(Binary >> (Binary << (Name a) (Name b)) (Name c))"},
		{"en", "a & b & c", "(Binary & (Binary & (Name a) (Name b)) (Name c))"},
		{"en", "~a * b", "(Binary * (Unary ~ (Name a)) (Name b))"},
		{"en", "~-x ** 2", "(Unary ~ (Unary - (Binary ** (Name x) (Int 2))))"},
		{"en", "2 ** ~x", "(Binary ** (Int 2) (Unary ~ (Name x)))"},
		{"en", "a & 1 == 0", "(Compare (Binary & (Name a) (Int 1)) == (Int 0))"},
		{"en", "not a | b", "(Unary not (Binary | (Name a) (Name b)))"},
		{"en", "a ≪ 2 ≫ 1", "(Binary >> (Binary << (Name a) (Int 2)) (Int 1))"},
		// Comparisons chain into one node; not binds looser than comparisons.
		{"en", "0 <= i < n", "(Compare (Int 0) <= (Name i) < (Name n))"},
		{"en", "a == b != c", "(Compare (Name a) == (Name b) != (Name c))"},
		{"en", "x in xs", "(Compare (Name x) in (Name xs))"},
		{"en", "x not in xs", "(Compare (Name x) not in (Name xs))"},
		{"en", "x is None", "(Compare (Name x) is (None))"},
		{"en", "x is not None", "(Compare (Name x) is not (None))"},
		{"en", "not a == b", "(Unary not (Compare (Name a) == (Name b)))"},
		{"en", "not not a", "(Unary not (Unary not (Name a)))"},
		{"en", "a or b and c", "(Logic or (Name a) (Logic and (Name b) (Name c)))"},
		{"en", "a and b or c", "(Logic or (Logic and (Name a) (Name b)) (Name c))"},
		{"en", "not a and b", "(Logic and (Unary not (Name a)) (Name b))"},
		{"en", "a < b + 1 and c", "(Logic and (Compare (Name a) < (Binary + (Name b) (Int 1))) (Name c))"},
		// Primaries.
		{"en", "f(x, y + 1)", "(Call (Name f) (Name x) (Binary + (Name y) (Int 1)))"},
		{"en", "f()", "(Call (Name f))"},
		{"en", "f(x,)", "(Call (Name f) (Name x))"},
		{"en", "a.append(x)", "(Call (Attr (Name a) append) (Name x))"},
		{"en", "a[i][j]", "(Index (Index (Name a) (Name i)) (Name j))"},
		{"en", "m[i].x(1)[0]", "(Index (Call (Attr (Index (Name m) (Name i)) x) (Int 1)) (Int 0))"},
		{"en", "-a[i] ** 2", "(Unary - (Binary ** (Index (Name a) (Name i)) (Int 2)))"},
		{"en", "[1, 2.5, 'x', True, False, None]", `(List (Int 1) (Float 2.5) (Str "x") (True) (False) (None))`},
		{"en", "[]", "(List)"},
		{"en", "[[1], [2,],]", "(List (List (Int 1)) (List (Int 2)))"},
		{"en", "'a' 'b'", `(Str "ab")`},
		{"en", "0x10 + 1_000", "(Binary + (Int 16) (Int 1000))"},
		{"en", "1e3", "(Float 1000)"},
		{"en", "f(\n  1,\n  2\n)", "(Call (Name f) (Int 1) (Int 2))"},
		{"en", "match + case", "(Binary + (Name match) (Name case))"},
		// Other languages: keywords in the user's spelling, Unicode operators and digits.
		{"fr", "non x et y ou Vrai", "(Logic or (Logic and (Unary not (Name x)) (Name y)) (True))"},
		{"fr", "x pas dans l et y est non Rien", "(Logic and (Compare (Name x) not in (Name l)) (Compare (Name y) is not (None)))"},
		{"fr", "x non dans l", "(Compare (Name x) not in (Name l))"},
		{"fr", "longueur(« é »)", `(Call (Name longueur) (Str " é "))`},
		{"de", "x nicht in l", "(Compare (Name x) not in (Name l))"},
		{"hi", "१ + २ × ३", "(Binary + (Int 1) (Binary * (Int 2) (Int 3)))"},
		{"hi", "सत्य और असत्य", "(Logic and (True) (False))"},
		{"ar", "مدى(١٠، ٢)", "(Call (Name مدى) (Int 10) (Int 2))"},
		{"ja", "x ≤ ５ かつ 真", "(Logic and (Compare (Name x) <= (Int 5)) (True))"},
		{"ja", "x 中にない y", "(Compare (Name x) not in (Name y))"},
		{"ja", "x ない 中 y", "(Compare (Name x) not in (Name y))"},
		{"zh", "x 不在 y", "(Compare (Name x) not in (Name y))"},
		{"ta", "x இல் இல்லை y", "(Compare (Name x) not in (Name y))"},
		{"en", "a ≠ b", "(Compare (Name a) != (Name b))"},
		{"en", "a ÷ b − c", "(Binary - (Binary / (Name a) (Name b)) (Name c))"},
	}
	for _, tt := range tests {
		x, errs := ParseExpr(tt.src, mustLang(t, tt.code))
		if len(errs) > 0 {
			t.Errorf("[%s] %q: %v", tt.code, tt.src, errs)
			continue
		}
		if got := Dump(x); got != tt.want {
			t.Errorf("[%s] %q:\n got %s\nwant %s", tt.code, tt.src, got, tt.want)
		}
	}
}

func TestParseExprErrors(t *testing.T) {
	tests := []struct{ code, src, want string }{
		{"en", "1 +", "1:4: expected an expression, found end of line"},
		{"en", "(1", "1:1: '(' was never closed"},
		{"en", "f(1 2)", "1:5: expected ')' to close the '(' opened at 1:2, found '2'"},
		{"en", "a[1", "1:2: '[' was never closed"},
		{"en", "x y", "1:3: expected the end of the line, found 'y'"},
		{"en", "a.b.1", "1:4: expected the end of the line, found '.1'"},
		{"en", "a.(b)", "1:3: expected a name, found '('"},
		{"en", "not", "1:4: expected an expression, found end of line"},
		{"en", "x ~ y", "1:3: expected the end of the line, found '~'"},
		{"en", "& y", "1:1: expected an expression, found '&'"},
		{"en", "x << ", "1:6: expected an expression, found end of line"},
		{"en", "(x + 1 := 1)", "1:8: expected ')' to close the '(' opened at 1:1, found ':='"},
		{"en", "f(**a, *b)", "1:8: positional argument follows keyword argument"},
		{"en", "[x for x in]", "1:12: expected an expression, found ']'"},
		{"en", "lambda x", "1:9: expected ':', found end of line"},
		{"en", "a if b", "1:7: expected 'else', found end of line"},
		{"fr", "x +", "1:4: expression attendue, trouvé fin de ligne"},
		{"fr", "lambda x", "1:9: ':' attendu, trouvé fin de ligne"},
		{"fr", "a si b", "1:7: 'sinon' attendu, trouvé fin de ligne"},
	}
	for _, tt := range tests {
		_, errs := ParseExpr(tt.src, mustLang(t, tt.code))
		if len(errs) == 0 {
			t.Errorf("[%s] %q: no error", tt.code, tt.src)
			continue
		}
		if got := errs[0].Start.String() + ": " + errs[0].Msg; got != tt.want {
			t.Errorf("[%s] %q: got %q, want %q", tt.code, tt.src, got, tt.want)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	src := ""
	for i := 0; i < 5000; i++ {
		src += "("
	}
	_, errs := ParseExpr(src+"1", nil)
	if len(errs) == 0 {
		t.Fatal("no error for 5000 nested parentheses")
	}
	if !strings.Contains(errs.Error(), "nested too deeply") {
		t.Errorf("5000 nested parentheses: got %q, want a message about the nesting", errs.Error())
	}
	src = ""
	for i := 0; i < 5000; i++ {
		src += "-"
	}
	if _, errs := ParseExpr(src+"1", nil); len(errs) == 0 {
		t.Fatal("no error for 5000 nested minus signs")
	}
	if _, errs := ParseExpr("((((((((((1))))))))))", nil); len(errs) != 0 {
		t.Fatal(errs)
	}
}
