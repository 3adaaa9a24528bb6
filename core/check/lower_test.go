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

		{"a sum of a generator", "def f(n: int) -> int:\n    return sum(i * i for i in range(n) if i % 3)\n", ""},
		{"a sum of a comprehension, two clauses", "def f(m: list[list[int]]) -> int:\n    s = sum([v for row in m for v in row])\n    return s\n", ""},
		{"a sum of bools, added to", "def f(xs: list[int]) -> int:\n    s = 1\n    s += sum(x > 0 for x in xs)\n    return s\n", ""},
		{"a sum over zip", "def f(a: list[int], b: list[int]) -> int:\n    return sum(x * y for x, y in zip(a, b))\n", ""},
		{"any in an if", "def f(xs: list[int]) -> int:\n    if any(x < 0 for x in xs):\n        return -1\n    return 1\n", ""},
		{"not all in an elif", "def f(xs: list[int], k: int) -> int:\n    if k > 0:\n        return k\n    elif not all(x % 2 == 0 for x in xs):\n        return -1\n    return 1\n", ""},
		{"any of a list comprehension, two clauses", "def f(n: int) -> bool:\n    return any([i == j for i in range(n) for j in range(i)])\n", ""},
		{"max of a generator", "def f(xs: list[float]) -> float:\n    m = max(x * x for x in xs)\n    return m\n", ""},
		{"min over enumerate", "def f(xs: list[int]) -> int:\n    return min(i * x for i, x in enumerate(xs))\n", ""},
		{"a comprehension inside an expression", "def f(n: int) -> int:\n    return len([i for i in range(n)])\n", ""},
		{"a sum inside an expression", "def f(n: int) -> int:\n    return 1 + sum(i for i in range(n))\n", ""},
		{"a mean", "def f(xs: list[float]) -> float:\n    return sum(xs) / len(xs)\n", ""},
		{"a sum of floats", "def f(xs: list[float]) -> float:\n    return sum(x * x for x in xs)\n", ""},
		{"a sum in a comparison, in a call", "def f(xs: list[int], k: int) -> bool:\n    return bool(k < sum(xs))\n", ""},
		{"all of a name", "def f(xs: list[bool]) -> bool:\n    return all(xs)\n", ""},
		{"zip of a call", "def f(a: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, list(a)):\n        s = s + x\n    return s\n", ""},
		{"zip of expressions in a comprehension", "def f(row: list[int]) -> list[int]:\n    return [a + b for a, b in zip([0] + row, row + [0])]\n", ""},
		{"the first iterable reads the function's name", "def f(b: list[int]) -> list[int]:\n    return [b for b in b]\n", ""},
		{"an inner comprehension rebinding an outer name", "def f(m: list[list[int]]) -> list[list[int]]:\n    return [[x + 1 for x in x] for x in m]\n", ""},
		{"join of reversed", "def f(s: str) -> str:\n    return \" \".join(reversed(s.split()))\n", ""},
		{"join of a generator", "def f(xs: list[int]) -> str:\n    return \",\".join(str(x) for x in xs if x > 0)\n", ""},
		{"an append of a join of a generator", "def f(m: list[list[int]]) -> list[str]:\n    out = [\"\"]\n    for r in m:\n        out.append(\" \".join(str(v) for v in r))\n    return out\n", ""},
		{"an append of a sum", "def f(m: list[list[int]]) -> list[int]:\n    out = [0]\n    for r in m:\n        out.append(sum(v * v for v in r))\n    return out\n", ""},
		{"an append of a generator", "def f(xs: list[int]) -> int:\n    out = []\n    out.append(x for x in xs)\n    return len(out)\n", "generator"},
		{"a nested comprehension", "def f(n: int) -> list[list[int]]:\n    return [[j for j in range(i)] for i in range(n)]\n", ""},
		{"a transpose", "def f(m: list[list[int]]) -> list[list[int]]:\n    return [[r[j] for r in m] for j in range(len(m[0]))]\n", ""},
		{"sums of rows by generators", "def f(m: list[list[int]]) -> list[int]:\n    return [sum(x * x for x in r) for r in m if any(x < 0 for x in r)]\n", ""},
		{"list() inside an expression", "def f(xs: list[int]) -> int:\n    return len(list(xs))\n", ""},

		// left as written: the subset's reason stands
		{"reversed over tuples", "def f(m: list[list[int]]) -> int:\n    s = 0\n    for a, b in reversed(m):\n        s = s + a\n    return s\n", "target is not a single name"},
		{"list() after a call", "def f(xs: list[int]) -> int:\n    return abs(len(xs)) + len(list(xs))\n", "list() of a list[int] runs only in Python"},
		{"a comprehension after a call", "def f(n: int) -> int:\n    return abs(n) + len([i for i in range(n)])\n", "list comprehension"},
		{"a comprehension with a lambda", "def f(n: int) -> list[int]:\n    return [(lambda: i)() for i in range(n)]\n", "list comprehension"},
		// a name a later clause binds is the comprehension's own throughout:
		// read before, it raises UnboundLocalError in CPython
		{"a later clause's name in a condition", "def f(a: int, b: int) -> int:\n    l = [1, 2]\n    r = [b for c in l if c > b for b in l]\n    return len(r)\n", "list comprehension"},
		{"a later clause's name in its own iterable", "def f(b: int) -> int:\n    l = [1, 2]\n    r = [c for c in l for b in range(b)]\n    return len(r)\n", "list comprehension"},
		{"a later clause's name in a sum", "def f(b: int) -> int:\n    l = [1, 2]\n    return sum(c for c in l if c > b for b in l)\n", "generator"},
		{"a nested comprehension's later name", "def f(m: list[list[int]], y: int) -> int:\n    r = [[x for x in row for y in range(y)] for row in m]\n    return len(r)\n", "list comprehension"},
		{"join of reversed after a call", "def f(s: str) -> str:\n    return str(len(s)).join(reversed(s.split()))\n", "reversed()"},
		{"a comprehension after a call in an element", "def f(m: list[list[int]]) -> list[int]:\n    return [len(r) + len([x for x in r]) for r in m]\n", "list comprehension"},
		{"a comprehension with :=", "def f(n: int) -> list[int]:\n    return [(y := i) for i in range(n)]\n", "list comprehension"},
		{"a comprehension over zip", "def f(a: list[int], b: list[int]) -> list[int]:\n    return [x * y for x, y in zip(a, b)]\n", ""},
		{"a comprehension over enumerate, then zip", "def f(a: list[int], b: list[int]) -> list[int]:\n    r = [i * x + y for i, x in enumerate(a) for y, z in zip(b, a) if z > 0]\n    return r\n", ""},
		{"a comprehension over tuples of a list", "def f(m: list[list[int]]) -> list[int]:\n    return [x for x, y in m]\n", "list comprehension"},
		{"a set comprehension", "def f(n: int) -> int:\n    s = {i for i in range(n)}\n    return 0\n", "set comprehension"},
		{"a generator kept as a value", "def f(n: int) -> int:\n    g = (i for i in range(n))\n    return 0\n", "generator"},
		{"a sum after a call", "def f(n: int) -> int:\n    return abs(n) + sum(i for i in range(n))\n", "generator"},
		{"a sum after a product", "def f(n: int) -> int:\n    return n * n + sum(i for i in range(n))\n", "generator"},
		{"a sum in a chain's third operand", "def f(n: int) -> bool:\n    return 0 < n < sum(i for i in range(n))\n", "generator"},
		{"a sum with a start", "def f(n: int) -> int:\n    return sum((i for i in range(n)), 5)\n", "generator"},
		{"a sum of a str", "def f(s: str) -> int:\n    return sum(s)\n", "+"},
		{"any of two clauses", "def f(n: int) -> bool:\n    return any(i == j for i in range(n) for j in range(i))\n", "generator"},
		{"a sum into an element", "def f(xs: list[int], n: int) -> int:\n    xs[0] += sum(i for i in range(n))\n    return xs[0]\n", "generator"},
		{"a sum in a while condition", "def f(n: int) -> int:\n    while sum(i for i in range(n)) > 100:\n        n = n - 1\n    return n\n", "generator"},
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
		{"zip of a str", "def f(a: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, str(a)):\n        s = s + x\n    return s\n", "str() of a list[int]"},
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
	got := loweredTrace(info.FuncByName["f"].Decl.Body, false)
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

// TestLoweredReductionOrder checks the statements of a lowered sum, any
// and max: the running total from 0, the search that stops at the
// deciding element, and the list min and max are taken of.
func TestLoweredReductionOrder(t *testing.T) {
	info, errs := checkSrc(t, "en", `def f(xs: list[int]) -> int:
    s = sum(x * 2 for x in xs if x > 0)
    if not any(x < s for x in xs):
        s = max(x + 1 for x in xs)
    return s
`)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	got := loweredTrace(info.FuncByName["f"].Decl.Body, true)
	want := []string{
		"sum.1=0", "for comp.2 in xs", "if comp.2>0", "sum.1=sum.1+comp.2*2", "s=sum.1",
		"any.3=False", "for comp.4 in xs", "if comp.4<s", "any.3=True", "break",
		"if not any.3", "comp.5=[]", "for comp.6 in xs", "comp.5.append(comp.6+1)", "max.7=max(comp.5)", "s=max.7",
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("lowered:\n got %s\nwant %s", strings.Join(got, "; "), strings.Join(want, "; "))
	}
}

// loweredTrace writes the statements of a lowered body in order:
// assignments, loops, ifs (with their condition when conds is set),
// breaks and expression statements.
func loweredTrace(body []ast.Stmt, conds bool) []string {
	var got []string
	ast.InspectStmts(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Assign:
			got = append(got, loweredText(n.Target)+"="+loweredText(n.Value))
		case *ast.For:
			got = append(got, "for "+loweredText(n.Target)+" in "+loweredText(n.Iter))
		case *ast.If:
			if conds {
				got = append(got, "if "+loweredText(n.Cond))
			} else {
				got = append(got, "if")
			}
		case *ast.Break:
			got = append(got, "break")
		case *ast.ExprStmt:
			got = append(got, loweredText(n.X))
		}
		return true
	})
	return got
}

// loweredText writes the few expressions of the order tests.
func loweredText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.IntLit:
		return e.Text
	case *ast.BoolLit:
		return map[bool]string{true: "True", false: "False"}[e.Value]
	case *ast.ListLit:
		return "[]"
	case *ast.Unary:
		return "not " + loweredText(e.X)
	case *ast.Compare:
		op := map[ast.CmpOp]string{ast.CmpLt: "<", ast.CmpGt: ">"}[e.Ops[0]]
		return loweredText(e.Operands[0]) + op + loweredText(e.Operands[1])
	case *ast.Call:
		if a, ok := e.Func.(*ast.Attribute); ok {
			return loweredText(a.X) + "." + a.Name.Name + "(" + loweredText(e.Args[0]) + ")"
		}
		return loweredText(e.Func) + "(" + loweredText(e.Args[0]) + ")"
	case *ast.Index:
		return loweredText(e.X) + "[" + loweredText(e.Index) + "]"
	case *ast.Binary:
		op := map[ast.BinaryOp]string{ast.OpAdd: "+", ast.OpSub: "-", ast.OpMul: "*"}[e.Op]
		return loweredText(e.X) + op + loweredText(e.Y)
	}
	return "?"
}
