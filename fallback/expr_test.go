package fallback

import (
	"fmt"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// exprText generates `return <e>` in a function and returns the text of e.
func exprText(t *testing.T, e ast.Expr) string {
	t.Helper()
	f := file("fr", def("f", []string{"a", "b", "c", "xs"}, ret(e)))
	out := gen1(t, f)
	i := strings.Index(out, "    return ")
	if i < 0 {
		t.Fatalf("no return in:\n%s", out)
	}
	line := out[i+len("    return "):]
	return line[:strings.IndexByte(line, '\n')]
}

func TestExprText(t *testing.T) {
	a, b, c := id("a"), id("b"), id("c")
	tests := []struct {
		e    ast.Expr
		want string
	}{
		{bin(a, "+", bin(b, "*", c)), "a + b * c"},
		{bin(bin(a, "+", b), "*", c), "(a + b) * c"},
		{bin(bin(a, "-", b), "-", c), "a - b - c"},
		{bin(a, "-", bin(b, "-", c)), "a - (b - c)"},
		{bin(a, "//", bin(b, "//", c)), "a // (b // c)"},
		{bin(a, "**", bin(b, "**", c)), "a ** (b ** c)"},
		{bin(bin(a, "**", b), "**", c), "(a ** b) ** c"},
		{neg(bin(a, "**", numi(2))), "-(a ** 2)"},
		{bin(neg(a), "**", numi(2)), "(-a) ** 2"},
		{bin(numi(2), "**", neg(numi(1))), "2 ** (-1)"},
		{neg(neg(a)), "-(-a)"},
		{pos(a), "+a"},
		{bin(a, "|", bin(b, "&", c)), "a | (b & c)"},
		{bin(bin(a, "|", b), "|", c), "a | b | c"},
		{bin(a, "|", bin(b, "|", c)), "a | (b | c)"},
		{bin(bin(a, "<<", numi(2)), "^", bin(b, ">>", c)), "(a << 2) ^ (b >> c)"},
		{bin(bin(a, "+", b), "<<", c), "(a + b) << c"},
		{bin(bin(a, "&", b), "+", c), "(a & b) + c"},
		{bin(inv(a), "&", neg(b)), "~a & -b"},
		{inv(bin(a, "^", b)), "~(a ^ b)"},
		{inv(inv(a)), "~(~a)"},
		{cmp(bin(a, "&", numi(1)), "==", numi(0)), "a & 1 == 0"},
		{neg(num("-5")), "-(-5)"},
		{bin(num("-5"), "//", numi(2)), "-5 // 2"},
		{bin(numi(2), "*", num("-5")), "2 * (-5)"},
		{bin(num("-2"), "**", numi(2)), "(-2) ** 2"},
		{num("007"), "7"},
		{flt("2.50"), "2.50"},
		{not(cmp(a, "==", b)), "not a == b"},
		{not(and(a, b)), "not (a and b)"},
		{not(not(a)), "not (not a)"},
		{cmp(not(a), "==", b), "(not a) == b"},
		{cmp(a, "<", b, "<=", c), "a < b <= c"},
		{cmp(cmp(a, "<", b), "<", c), "(a < b) < c"},
		{cmp(a, "not in", id("xs")), "a not in xs"},
		{cmp(a, "is not", none()), "a is not None"},
		{cmp(a, "is", boolean(true)), "a is True"},
		{cmp(bin(a, "+", b), "in", list(a, b)), "a + b in [a, b]"},
		{and(a, or(b, c)), "a and (b or c)"},
		{or(a, and(b, c)), "a or (b and c)"},
		{or(and(a, b), c), "(a and b) or c"},
		{and(and(a, b), c), "a and b and c"},
		{and(a, and(b, c)), "a and (b and c)"},
		{and(cmp(a, "<", b), not(c)), "a < b and not c"},
		{callf("intervalle", a, bin(b, "+", numi(1))), "range(a, b + 1)"},
		{callf("afficher", strl("x\"y")), `print("x\"y")`},
		{meth(id("xs"), "ajouter", numi(1)), "xs.append(1)"},
		{meth(id("xs"), "inconnue"), "xs.inconnue()"},
		{meth(numi(5), "bit_length"), "(5).bit_length()"},
		{index(id("xs"), bin(a, "-", numi(1))), "xs[a - 1]"},
		{index(bin(id("xs"), "+", id("xs")), numi(0)), "(xs + xs)[0]"},
		{bin(list(numi(0)), "*", a), "[0] * a"},
		{list(), "[]"},
		{call(index(id("xs"), numi(0)), a), "xs[0](a)"},
		{none(), "None"},
		{boolean(false), "False"},
	}
	for _, tt := range tests {
		if got := exprText(t, tt.e); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestExprErrors(t *testing.T) {
	tests := []struct {
		e   ast.Expr
		msg string
	}{
		{num("12x"), "not decimal"},
		{strl("\xff"), "UTF-8"},
		{&ast.FloatLit{Text: "", Value: nan()}, "no Python spelling"},
		{&ast.Binary{X: id("a"), Op: 99, Y: id("b")}, "unknown arithmetic operator"},
		{&ast.Unary{Op: 42, X: id("a")}, "unknown unary operator"},
		{&ast.Logic{X: id("a"), Op: 7, Y: id("b")}, "unknown logical operator"},
		{&ast.Compare{Operands: []ast.Expr{id("a")}}, "comparison with 1 operands"},
		{&ast.Compare{Operands: []ast.Expr{id("a"), id("b")}, Ops: []ast.CmpOp{77}}, "unknown comparison operator"},
		{bin(id("a"), "+", nil), "missing expression"},
		{(*ast.Ident)(nil), "nil identifier"},
		{&ast.Attribute{X: id("a")}, "attribute without a name"},
	}
	for _, tt := range tests {
		f := file("fr", def("f", nil, ret(tt.e)))
		_, err := Generate(f, nil)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Generate(%#v) error = %v, want %q", tt.e, err, tt.msg)
		}
	}
}

func nan() float64 {
	var zero float64
	return zero / zero
}

// TestExprPython evaluates expressions in Python over several inputs and
// compares with the values the test computes in Go.
func TestExprPython(t *testing.T) {
	a, b := id("a"), id("b")
	f := file("fr",
		def("floordiv", []string{"a", "b"}, ret(bin(a, "//", b))),
		def("mod", []string{"a", "b"}, ret(bin(a, "%", b))),
		def("negpow", []string{"a"}, ret(neg(bin(a, "**", numi(2))))),
		def("powneg", []string{"a"}, ret(bin(neg(a), "**", numi(2)))),
		def("subsub", []string{"a", "b"}, ret(bin(a, "-", bin(b, "-", numi(1))))),
		def("between", []string{"a", "b"}, ret(cmp(numi(0), "<=", a, "<", b, "!=", numi(7)))),
		def("notin", []string{"a", "b"}, ret(cmp(a, "not in", list(b, numi(3))))),
		def("isnot", []string{"a"}, ret(cmp(a, "is not", none()))),
		def("logic", []string{"a", "b"}, ret(or(and(a, b), not(a)))),
		def("div", []string{"a", "b"}, ret(bin(a, "/", b))),
		def("powi", []string{"a", "b"}, ret(bin(a, "**", b))),
		def("absmin", []string{"a", "b"}, ret(list(callf("valeurabsolue", a), callf("minimum", a, b), callf("maximum", a, b)))),
		def("negint", nil, ret(bin(num("-7"), "//", numi(2)))),
		def("lit", nil, ret(list(flt("1.5e3"), flt("0.1"), num("007"), flt("1e400")))),
		def("bits", []string{"a", "b"}, ret(list(bin(a, "&", b), bin(a, "|", b), bin(a, "^", b), inv(a),
			bin(bin(a, "<<", numi(3)), "|", bin(b, ">>", numi(1)))))),
		def("shl", []string{"a", "b"}, ret(bin(a, "<<", b))),
	)
	mod := gen1(t, f)
	compilePython(t, mod)
	var calls []pycall
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 3}, {6, 3}, {-6, 4}}
	for _, p := range pairs {
		args := fmt.Sprintf("%d, %d", p[0], p[1])
		calls = append(calls,
			pycall{"floordiv", args, pyRepr(pyFloorDiv(p[0], p[1]))},
			pycall{"mod", args, pyRepr(pyMod(p[0], p[1]))},
			pycall{"subsub", args, pyRepr(p[0] - (p[1] - 1))},
			pycall{"between", args, pyRepr(0 <= p[0] && p[0] < p[1] && p[1] != 7)},
			pycall{"notin", args, pyRepr(p[0] != p[1] && p[0] != 3)},
			pycall{"absmin", args, pyRepr([]int{abs(p[0]), min(p[0], p[1]), max(p[0], p[1])})},
			pycall{"div", args, pyRepr(float64(p[0]) / float64(p[1]))},
			pycall{"bits", args, pyRepr([]int{p[0] & p[1], p[0] | p[1], p[0] ^ p[1], ^p[0], p[0]<<3 | p[1]>>1})},
		)
		x := p[0]
		calls = append(calls,
			pycall{"negpow", fmt.Sprint(x), pyRepr(-x * x)},
			pycall{"powneg", fmt.Sprint(x), pyRepr(x * x)},
		)
	}
	calls = append(calls,
		pycall{"floordiv", "1, 0", "ZeroDivisionError"},
		pycall{"mod", "1, 0", "ZeroDivisionError"},
		pycall{"div", "1, 0", "ZeroDivisionError"},
		pycall{"between", "7, 7", "False"},
		pycall{"isnot", "None", "False"},
		pycall{"isnot", "0", "True"},
		// and/or return an operand, not a bool.
		pycall{"logic", "0, 5", "True"},
		pycall{"logic", "2, 5", "5"},
		pycall{"logic", "2, 0", "False"},
		pycall{"logic", "[], 5", "True"},
		pycall{"powi", "2, -1", pyRepr(0.5)},
		pycall{"powi", "2, 100", "1267650600228229401496703205376"},
		pycall{"powi", "-2, 3", "-8"},
		pycall{"div", "7, 2", pyRepr(3.5)},
		pycall{"div", "1, 3", pyRepr(1.0 / 3.0)},
		pycall{"floordiv", "7.5, 2", pyRepr(3.0)},
		pycall{"negint", "", pyRepr(pyFloorDiv(-7, 2))},
		pycall{"lit", "", "[1500.0, 0.1, 7, inf]"},
		pycall{"shl", "1, 70", "1180591620717411303424"},
		pycall{"shl", "1, -1", "ValueError"},
		pycall{"bits", "True, False", "[False, True, True, -2, 8]"},
	)
	callPython(t, mod, calls)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestChainEvaluatesOnce checks that a chained comparison evaluates its
// middle operand once and stops at the first false link.
func TestChainEvaluatesOnce(t *testing.T) {
	f := file("fr",
		def("tick", []string{"x"},
			global("n"),
			aug(id("n"), "+", numi(1)),
			ret(id("x"))),
		def("chain", []string{"a", "b", "c"},
			global("n"),
			set("n", numi(0)),
			set("r", cmp(callf("tick", id("a")), "<", callf("tick", id("b")), "<", callf("tick", id("c")))),
			ret(list(id("r"), id("n")))),
	)
	mod := gen1(t, f)
	callPython(t, mod, []pycall{
		{"chain", "1, 2, 3", "[True, 3]"},
		{"chain", "1, 5, 3", "[False, 3]"},
		{"chain", "4, 2, 3", "[False, 2]"}, // stops after the first link
	})
}
