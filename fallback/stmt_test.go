package fallback

import (
	"fmt"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// funcText returns the generated def of the single function of f.
func funcText(t *testing.T, out string) string {
	t.Helper()
	i := strings.Index(out, "\ndef ")
	j := strings.Index(out[i+1:], "\n\n\n") + i + 1
	if i < 0 || j <= i {
		t.Fatalf("no function in:\n%s", out)
	}
	return out[i+1 : j+1]
}

func TestStmtText(t *testing.T) {
	n := id("n")
	tests := []struct {
		name string
		d    *ast.FuncDef
		want string
	}{
		{"elif chain", def("f", []string{"n"},
			ifs(cmp(n, "<", numi(0)), body(ret(strl("neg"))),
				elif(cmp(n, "==", numi(0)), body(ret(strl("zero"))),
					body(ret(strl("pos")))))), `def f(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    else:
        return "pos"
`},
		{"else holding a plain if", def("f", []string{"n"},
			ifs(n, body(pass()), body(ifs(n, body(pass()), nil)))), `def f(n):
    if n:
        pass
    else:
        if n:
            pass
`},
		{"loops", def("f", []string{"n"},
			while(boolean(true), brk()),
			forin("i", callf("intervalle", n, numi(0), neg(numi(1))), cont()),
			ret(nil)), `def f(n):
    while True:
        break
    for i in range(n, 0, -1):
        continue
    return
`},
		{"assignments", def("f", []string{"xs"},
			set("x", numi(1)),
			aug(id("x"), "//", numi(2)),
			assign(index(id("xs"), numi(0)), id("x")),
			aug(index(id("xs"), numi(0)), "**", numi(2)),
			do(meth(id("xs"), "ajouter", id("x")))), `def f(xs):
    x = 1
    x //= 2
    xs[0] = x
    xs[0] **= 2
    xs.append(x)
`},
		{"assert", def("f", []string{"n"},
			assert(cmp(n, ">", numi(0)), strl("positive")),
			assert(and(n, n), nil)), `def f(n):
    if not n > 0:
        raise AssertionError("positive")
    if not (n and n):
        raise AssertionError
`},
		{"global hoisted", def("f", []string{"n"},
			set("a", n),
			ifs(n, body(global("a", "b")), nil),
			global("a")), `def f(n):
    global a, b
    a = n
    if n:
        pass
`},
		{"empty body", def("f", nil), `def f():
    pass
`},
		{"nested def", def("f", nil, def("g", []string{"x"}, ret(id("x"))), ret(callf("g", numi(1)))), `def f():
    def g(x):
        return x
    return g(1)
`},
	}
	for _, tt := range tests {
		out := gen1(t, file("fr", tt.d))
		if got := funcText(t, out); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestAnnotations(t *testing.T) {
	d := def("f", []string{"n", "xs", "u"}, ret(id("n")))
	d.Params[0].Type = &ast.TypeExpr{Name: id("entier")}
	d.Params[1].Type = &ast.TypeExpr{Name: id("liste")}
	d.Params[2].Type = &ast.TypeExpr{Name: id("inconnu")}
	d.Result = &ast.TypeExpr{Name: id("flottant")}
	f := file("fr", d)
	info := resolve(f, frBuiltins, frMethods)
	fn := info.Funcs[0]
	fn.Params = []*check.Type{check.TInt, check.ListOf(check.TFloat), check.TUnknown}
	fn.Result = check.TFloat
	out, err := Generate(f, info)
	if err != nil {
		t.Fatal(err)
	}
	// As written, localized type names in English: annotations are
	// never evaluated, and the checker's inferred types are not the text.
	want := "def f(n: int, xs: list, u: inconnu) -> float:\n"
	if !strings.Contains(out, want) {
		t.Errorf("want %q in\n%s", want, out)
	}
	if !strings.Contains(out, "from __future__ import annotations\n") {
		t.Error("annotations are evaluated at definition time")
	}
}

func TestStmtErrors(t *testing.T) {
	tests := []struct {
		name string
		f    *ast.File
		msg  string
	}{
		{"break at top level", file("fr", brk()), "break outside a loop"},
		{"continue in def", file("fr", def("f", nil, cont())), "continue outside a loop"},
		{"break in def in loop", file("fr", while(boolean(true), def("g", nil, brk()))), "break outside a loop"},
		{"return at top level", file("fr", ret(numi(1))), "return outside a function"},
		{"assign to call", file("fr", assign(callf("f"), numi(1))), "cannot assign to *ast.Call"},
		{"assign to builtin", file("fr", set("afficher", numi(1)), do(callf("afficher"))), ""},
		{"duplicate parameter", file("fr", def("f", []string{"a", "a"})), "duplicate parameter"},
		{"nil statement", file("fr", def("f", nil, nil)), "missing statement"},
		{"nil for target", file("fr", &ast.For{Iter: list()}), "for statement without a target"},
		{"unnamed def", file("fr", &ast.FuncDef{}), "function without a name"},
	}
	for _, tt := range tests {
		_, err := Generate(tt.f, safeResolve(tt.f))
		if tt.msg == "" {
			// A program name that shadows a builtin is not a builtin:
			// this one is fine.
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.msg)
		}
	}
	// An error at a known position is a *source.Error naming the file.
	b := &ast.Break{}
	b.Pos.Start.Line, b.Pos.Start.Col = 3, 5
	_, err := Generate(file("fr", b), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "test.ml:3:5: ") {
		t.Errorf("error = %v, want test.ml:3:5: ...", err)
	}
}

// TestControlFlowPython runs loops and branches in Python against results
// computed in Go.
func TestControlFlowPython(t *testing.T) {
	n, i, s := id("n"), id("i"), id("s")
	f := file("fr",
		// Nested ifs inside an elif chain.
		def("classify", []string{"n"},
			ifs(cmp(n, "<", numi(0)), body(ret(strl("neg"))),
				elif(cmp(n, "==", numi(0)), body(ret(strl("zero"))),
					elif(cmp(n, "<", numi(10)), body(
						ifs(cmp(bin(n, "%", numi(2)), "==", numi(0)),
							body(ret(strl("small even"))),
							body(ret(strl("small odd"))))),
						body(ret(strl("big"))))))),
		// Sum of the odd numbers up to n, stopping after 50.
		def("loopy", []string{"n"},
			set("i", numi(0)),
			set("s", numi(0)),
			while(boolean(true),
				aug(i, "+", numi(1)),
				ifs(cmp(i, ">", n), body(brk()), nil),
				ifs(cmp(bin(i, "%", numi(2)), "==", numi(0)), body(cont()), nil),
				ifs(cmp(i, ">", numi(50)), body(brk()), nil),
				aug(s, "+", i)),
			ret(s)),
		def("r1", []string{"n"},
			set("s", list()),
			forin("i", callf("intervalle", n), do(meth(s, "ajouter", i))),
			ret(s)),
		def("r2", []string{"a", "b"},
			set("s", list()),
			forin("i", callf("intervalle", id("a"), id("b")), do(meth(s, "ajouter", i))),
			ret(s)),
		def("r3", []string{"a", "b", "c"},
			set("s", list()),
			forin("i", callf("range", id("a"), id("b"), id("c")), do(meth(s, "append", i))),
			ret(s)),
		def("countdown", []string{"n"},
			set("s", list()),
			forin("i", callf("intervalle", n, numi(0), neg(numi(1))), do(meth(s, "ajouter", i))),
			ret(s)),
		// Lists: [0] * n, index assignment, augmented index assignment.
		def("squares", []string{"n"},
			set("xs", bin(list(numi(0)), "*", n)),
			forin("i", callf("intervalle", callf("longueur", id("xs"))),
				assign(index(id("xs"), i), bin(i, "*", i)),
				aug(index(id("xs"), i), "+", numi(1))),
			ret(id("xs"))),
		def("last", []string{"xs"}, ret(index(id("xs"), neg(numi(1))))),
		def("pop", []string{"xs"}, ret(list(meth(id("xs"), "retirer"), id("xs")))),
		def("check", []string{"n"},
			assert(cmp(n, ">", numi(0)), strl("n must be positive")),
			ret(n)),
	)
	mod := gen1(t, f)
	compilePython(t, mod)
	var calls []pycall
	for _, v := range []int{-5, 0, 4, 7, 10, 99} {
		want := "big"
		switch {
		case v < 0:
			want = "neg"
		case v == 0:
			want = "zero"
		case v < 10 && v%2 == 0:
			want = "small even"
		case v < 10:
			want = "small odd"
		}
		sum := 0
		for k := 1; k <= v && k <= 50; k += 2 {
			sum += k
		}
		calls = append(calls, pycall{"classify", fmt.Sprint(v), pyRepr(want)},
			pycall{"loopy", fmt.Sprint(v), pyRepr(sum)})
	}
	for _, v := range []int{0, 1, 5} {
		calls = append(calls, pycall{"r1", fmt.Sprint(v), pyRepr(pyRange(0, v, 1))},
			pycall{"countdown", fmt.Sprint(v), pyRepr(pyRange(v, 0, -1))})
		sq := make([]int, v)
		for k := range sq {
			sq[k] = k*k + 1
		}
		calls = append(calls, pycall{"squares", fmt.Sprint(v), pyRepr(sq)})
	}
	for _, r := range [][3]int{{2, 9, 3}, {9, 2, -3}, {-3, 3, 2}, {5, 5, 1}, {10, -10, -7}} {
		calls = append(calls,
			pycall{"r2", fmt.Sprintf("%d, %d", r[0], r[1]), pyRepr(pyRange(r[0], r[1], 1))},
			pycall{"r3", fmt.Sprintf("%d, %d, %d", r[0], r[1], r[2]), pyRepr(pyRange(r[0], r[1], r[2]))})
	}
	calls = append(calls,
		pycall{"r3", "0, 5, 0", "ValueError"},
		pycall{"last", "[1, 2, 3]", "3"},
		pycall{"last", "[]", "IndexError"},
		pycall{"pop", "[1, 2, 3]", "[3, [1, 2]]"},
		pycall{"check", "3", "3"},
		pycall{"check", "0", "AssertionError"},
	)
	callPython(t, mod, calls)
	// Python -O drops assert statements; the fallback's check must stay.
	callPython(t, mod, []pycall{{"check", "-1", "AssertionError"}}, "-O")
}

// safeResolve is resolve with the French tables, or nil for a tree too
// broken for the stand-in resolver.
func safeResolve(f *ast.File) (info *check.Info) {
	defer func() {
		if recover() != nil {
			info = nil
		}
	}()
	return resolve(f, frBuiltins, frMethods)
}
