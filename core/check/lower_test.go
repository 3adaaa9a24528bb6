package check

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// TestLowered checks which forms lower.go rewrites: each function f of a
// case compiles (its Decl a lowered copy, its Source the declaration as
// written), or stays Python-only with the reason of the form as written.
func TestLowered(t *testing.T) {
	tests := []struct {
		name, src string
		reason    string // "": f compiles
	}{
		{"a swap", "def f(a: int, b: int) -> int:\n    a, b = b, a % b\n    return a\n", ""},
		{"three names in a list display", "def f(a: int, b: int) -> int:\n    [a, b, c] = [b, a, 1]\n    return c\n", ""},
		{"elements", "def f(xs: list[int], i: int) -> int:\n    xs[i], xs[0] = xs[0], xs[i]\n    return xs[0]\n", ""},
		{"in a loop and a branch", "def f(n: int) -> int:\n    a = 0\n    b = 1\n    for _ in range(n):\n        if a < 100:\n            a, b = b, a + b\n    return a\n", ""},
		{"enumerate", "def f(xs: list[float]) -> float:\n    s = 0.0\n    for i, x in enumerate(xs):\n        s = s + i * x\n    return s\n", ""},
		{"enumerate from a literal", "def f(xs: list[int]) -> int:\n    s = 0\n    for i, x in enumerate(xs, -2):\n        s = s + i * x\n    return s\n", ""},
		{"enumerate of a str", "def f(s: str) -> int:\n    n = 0\n    for i, c in enumerate(s):\n        if c == 'a':\n            n = n + i\n    return n\n", ""},
		{"zip of two", "def f(a: list[int], b: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, b):\n        s = s + x * y\n    return s\n", ""},
		{"zip of three", "def f(a: list[int], b: list[int], c: list[int]) -> int:\n    s = 0\n    for x, y, z in zip(a, b, c):\n        s = s + x * y - z\n    return s\n", ""},
		{"nested loops", "def f(a: list[int], b: list[int]) -> int:\n    s = 0\n    for i, x in enumerate(a):\n        for y, z in zip(a, b):\n            s = s + i * x * y * z\n    return s\n", ""},

		{"a comprehension returned", "def f(n: int) -> list[int]:\n    return [i * i for i in range(n) if i % 2 == 0]\n", ""},
		{"a comprehension assigned, two clauses", "def f(m: list[list[int]], k: int) -> int:\n    r = [v + k for row in m for v in row]\n    return len(r)\n", ""},
		{"a comprehension into an element", "def f(m: list[list[int]], n: int) -> int:\n    m[0] = [j for j in range(n)]\n    return len(m)\n", ""},

		{"reversed", "def f(xs: list[float], x: float) -> float:\n    r = 0.0\n    for c in reversed(xs):\n        r = r * x + c\n    return r\n", ""},
		{"a copy by list()", "def f(xs: list[int]) -> list[int]:\n    a = list(xs)\n    return a\n", ""},

		// left as written: the subset's reason stands
		{"reversed over tuples", "def f(m: list[list[int]]) -> int:\n    s = 0\n    for a, b in reversed(m):\n        s = s + a\n    return s\n", "target is not a single name"},
		{"list() inside an expression", "def f(xs: list[int]) -> int:\n    return len(list(xs))\n", "list() of a list[int] runs only in Python"},
		{"a comprehension inside an expression", "def f(n: int) -> int:\n    return len([i for i in range(n)])\n", "list comprehension"},
		{"a comprehension with a lambda", "def f(n: int) -> list[int]:\n    return [(lambda: i)() for i in range(n)]\n", "list comprehension"},
		{"a nested comprehension", "def f(n: int) -> list[list[int]]:\n    return [[j for j in range(i)] for i in range(n)]\n", "list comprehension"},
		{"a comprehension with :=", "def f(n: int) -> list[int]:\n    return [(y := i) for i in range(n)]\n", "list comprehension"},
		{"a comprehension over zip", "def f(a: list[int], b: list[int]) -> list[int]:\n    return [x * y for x, y in zip(a, b)]\n", ""},
		{"a comprehension over enumerate, then zip", "def f(a: list[int], b: list[int]) -> list[int]:\n    r = [i * x + y for i, x in enumerate(a) for y, z in zip(b, a) if z > 0]\n    return r\n", ""},
		{"a comprehension over tuples of a list", "def f(m: list[list[int]]) -> list[int]:\n    return [x for x, y in m]\n", "list comprehension"},
		{"a set comprehension", "def f(n: int) -> int:\n    s = {i for i in range(n)}\n    return 0\n", "set comprehension"},
		{"a generator", "def f(n: int) -> int:\n    return sum(i for i in range(n))\n", "generator"},
		{"a list unpacked", "def f(xs: list[int]) -> int:\n    a, b = xs\n    return a\n", "unpacks a value into several targets"},
		{"a starred target", "def f(x: int) -> int:\n    a, *b = x, 1\n    return x\n", "unpacks a value into several targets"},
		{"counts differ", "def f(x: int) -> int:\n    a, b = x, 1, 2\n    return x\n", "unpacks a value into several targets"},
		{"a nested target", "def f(x: int) -> int:\n    (a, b), c = (x, 1), 2\n    return x\n", "unpacks a value into several targets"},
		{"a starred value", "def f(xs: list[int]) -> int:\n    a, b = 1, *xs\n    return a\n", "unpacks a value into several targets"},
		{"a chain", "def f(x: int) -> int:\n    a, b = c, d = x, 1\n    return a\n", "chained assignment"},
		{"enumerate from a name", "def f(xs: list[int], k: int) -> int:\n    s = 0\n    for i, x in enumerate(xs, k):\n        s = s + i\n    return s\n", "target is not a single name"},
		{"enumerate with a keyword", "def f(xs: list[int]) -> int:\n    s = 0\n    for i, x in enumerate(xs, start=1):\n        s = s + i\n    return s\n", "target is not a single name"},
		{"enumerate and a nested target", "def f(xs: list[int]) -> int:\n    s = 0\n    for i, (x, y) in enumerate(xs):\n        s = s + i\n    return s\n", "target is not a single name"},
		{"an else branch", "def f(xs: list[int]) -> int:\n    s = 0\n    for i, x in enumerate(xs):\n        s = s + i\n    else:\n        s = 1\n    return s\n", "else branch"},
		{"zip of a call", "def f(a: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, list(a)):\n        s = s + x\n    return s\n", "target is not a single name"},
		{"zip with strict", "def f(a: list[int], b: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, b, strict=True):\n        s = s + x\n    return s\n", "target is not a single name"},
		{"zip, targets too few", "def f(a: list[int], b: list[int], c: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, b, c):\n        s = s + x\n    return s\n", "target is not a single name"},
		{"a local named enumerate", "def f(xs: list[int]) -> int:\n    enumerate = 3\n    s = 0\n    for i, x in enumerate(xs):\n        s = s + i\n    return s\n", "target is not a single name"},
		{"a star import", "from m import *\ndef f(a: list[int], b: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, b):\n        s = s + x\n    return s\n", "target is not a single name"},
	}
	for _, tt := range tests {
		info, errs := checkSrc(t, "en", tt.src)
		if errs != "no errors" {
			t.Errorf("%s: %s", tt.name, errs)
			continue
		}
		fn := info.FuncByName["f"]
		if tt.reason == "" {
			if !fn.Compilable && !fn.Internal { // Internal: compiled, with lists in its signature
				t.Errorf("%s: not compiled: %s", tt.name, fn.Reason)
				continue
			}
			if fn.Source == nil || fn.Decl == fn.Source || fn.Source.Name != fn.Decl.Name {
				t.Errorf("%s: Decl %p, Source %p: want a lowered copy", tt.name, fn.Decl, fn.Source)
			}
			checkLowered(t, tt.name, fn.Decl.Body)
			continue
		}
		if fn.Compilable || fn.Internal || !strings.Contains(fn.Reason, tt.reason) {
			t.Errorf("%s: compilable=%v reason %q, want %q", tt.name, fn.Compilable, fn.Reason, tt.reason)
		}
	}
}

// checkLowered fails when a lowered body still holds a tuple target.
func checkLowered(t *testing.T, name string, body []ast.Stmt) {
	ast.InspectStmts(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Assign:
			if _, ok := n.Target.(*ast.Tuple); ok {
				t.Errorf("%s: a tuple target is left", name)
			}
		case *ast.For:
			if n.Var() == nil {
				t.Errorf("%s: a for loop over tuples is left", name)
			}
		}
		return true
	})
}

// TestNotLoweredKeepsDecl checks that a function with nothing to lower
// keeps its declaration and no Source.
func TestNotLoweredKeepsDecl(t *testing.T) {
	info, errs := checkSrc(t, "en", "def f(x: int) -> int:\n    for i in range(x):\n        x = x + i\n    return x\n")
	if errs != "no errors" {
		t.Fatal(errs)
	}
	if fn := info.FuncByName["f"]; fn.Source != nil || !fn.Compilable {
		t.Errorf("Source %v, compilable %v", fn.Source, fn.Compilable)
	}
}

// TestLoweredOrder checks the statements of a lowered swap and loops:
// every value into a temporary before the first target's store, the
// targets in order, and a zip loop's exhaustion test before it binds
// anything.
func TestLoweredOrder(t *testing.T) {
	info, errs := checkSrc(t, "en", `def f(xs: list[int], a: list[int], b: list[int]) -> int:
    xs[0], xs[1] = xs[1], xs[0]
    s = 0
    for x, y in zip(a, b):
        s = s + x - y
    for i, x in enumerate(a, 5):
        s = s + i
    return s
`)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	var got []string
	ast.InspectStmts(info.FuncByName["f"].Decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Assign:
			got = append(got, loweredText(n.Target)+"="+loweredText(n.Value))
		case *ast.For:
			got = append(got, "for "+loweredText(n.Target)+" in "+loweredText(n.Iter))
		case *ast.If:
			got = append(got, "if")
		case *ast.Break:
			got = append(got, "break")
		}
		return true
	})
	want := []string{
		"unpack.1=xs[1]", "unpack.2=xs[0]", "xs[0]=unpack.1", "xs[1]=unpack.2",
		"s=0",
		"zip.3=b", "zip.4=0", "for zip.5 in a", "if", "break", "x=zip.5", "y=zip.3[zip.4]", "zip.4=zip.4+1", "s=s+x-y",
		"enumerate.6=5", "for enumerate.7 in a", "i=enumerate.6", "enumerate.6=enumerate.6+1", "x=enumerate.7", "s=s+i",
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("lowered:\n got %s\nwant %s", strings.Join(got, "; "), strings.Join(want, "; "))
	}
}

// exprText writes the few expressions of TestLoweredOrder.
func loweredText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.IntLit:
		return e.Text
	case *ast.Index:
		return loweredText(e.X) + "[" + loweredText(e.Index) + "]"
	case *ast.Binary:
		op := map[ast.BinaryOp]string{ast.OpAdd: "+", ast.OpSub: "-"}[e.Op]
		return loweredText(e.X) + op + loweredText(e.Y)
	}
	return "?"
}
