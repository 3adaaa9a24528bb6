package check

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

func checkSrc(t *testing.T, code, src string) (*Info, string) {
	t.Helper()
	l, ok := lang.Get(code)
	if !ok {
		t.Fatalf("no language %s", code)
	}
	f, perrs := parser.ParseFile("t.ml", src, l)
	if len(perrs) > 0 {
		t.Fatalf("parse %q: %v", src, perrs)
	}
	info, errs := CheckSource(f, src, l)
	return info, errs.Error()
}

// Programs Python rejects: the error and its position, in the program's
// language. (resolve_test.go has the errors of the whole language.)
func TestErrors(t *testing.T) {
	tests := []struct{ lang, src, want string }{
		{"en", "return 1\n", "t.ml:1:1: 'return' outside function"},
		{"fr", "retour 1\n", "'retour' en dehors d'une fonction"},
		{"en", "break\n", "'break' outside loop"},
		{"en", "def f() -> None:\n    continue\n", "'continue' not properly in loop"},
		{"en", "def f(x: int) -> None:\n    global x\n", "name 'x' is parameter and global"},
	}
	for _, tt := range tests {
		_, got := checkSrc(t, tt.lang, tt.src)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// Errors of the old checker that Python reports only at run time, if at
// all: an undefined name (NameError), a call with the wrong number of
// arguments (TypeError), an annotation naming an unknown type (never
// evaluated). They are no longer errors; the function is Python-only.
func TestFormerErrors(t *testing.T) {
	tests := []struct{ lang, src, fn, reason string }{
		{"en", "def f(x: int) -> int:\n    return y\n", "f", "line 2: 'y' is not defined (a NameError in Python)"},
		{"fr", "déf f(x: entier) -> entier:\n    retour y\n", "f", "line 2: 'y' is not defined"},
		{"en", "def f(a: int, b: int) -> int:\n    return a\ndef g() -> int:\n    return f(1)\n", "g",
			"line 4: f() takes 2 positional arguments but 1 were given (a TypeError in Python)"},
		{"en", "def g() -> int:\n    return abs(1, 2)\n", "g", "line 2: abs() takes 1 arguments but 2 were given"},
		{"en", "def g() -> int:\n    for i in range(1, 2, 3, 4):\n        pass\n    return 0\n", "g", "range() takes from 1 to 3 arguments but 4 were given"},
		{"en", "def g() -> int:\n    return max()\n", "g", "max() takes at least 1 arguments but 0 were given"},
		{"en", "def f(x: foo) -> int:\n    return 1\n", "f", "line 1: annotation 'foo' is not a type the compiler knows"},
		{"en", "def f(x: int) -> int:\n    return 1(x)\n", "f", "line 2: this call runs only in Python"},
		{"en", "x = abs(1, 2)\ny = max()\nz = undefined_name\n", "", ""},
	}
	for _, tt := range tests {
		info, errs := checkSrc(t, tt.lang, tt.src)
		if errs != "no errors" {
			t.Errorf("%q: %s", tt.src, errs)
			continue
		}
		if tt.fn == "" {
			continue
		}
		fn := info.FuncByName[tt.fn]
		if fn == nil || fn.Compilable || !strings.Contains(fn.Reason, tt.reason) {
			t.Errorf("%q: %+v, want the reason %q", tt.src, fn, tt.reason)
		}
	}
}

// Valid programs get no error, including reads of globals, builtins in the
// program's language, recursion and names assigned later in a loop.
func TestNoErrors(t *testing.T) {
	tests := []struct{ lang, src string }{
		{"en", "def f(n: int) -> int:\n    return f(n - 1) + g\ng = 3\n"},
		{"fr", "déf f(n: entier) -> entier:\n    s = 0\n    pour i dans intervalle(n):\n        s = s + valeurabsolue(i)\n    retour s\n"},
		{"en", "def f(n: int) -> int:\n    while n > 0:\n        if n == 3:\n            y = 1\n        n = n - 1\n    return n\n"},
		{"en", "x = len([1, 2])\nprint(x, pow(2, 3), divmod(7, 2))\n"},
		{"en", "def print(x: int) -> int:\n    return x\nprint(1)\n"},
	}
	for _, tt := range tests {
		if _, got := checkSrc(t, tt.lang, tt.src); got != "no errors" {
			t.Errorf("%q: %s", tt.src, got)
		}
	}
}

// Whether each function compiles, and why not.
func TestCompilable(t *testing.T) {
	tests := []struct{ lang, src, fn, reason string }{
		{"fr", "déf expensive_operation(n: entier) -> entier:\n    result = 0\n    pour i dans intervalle(n * n):\n        result = result + (i * i) // (i + 1)\n    retour result\n", "expensive_operation", ""},
		{"en", "def f(x) -> int:\n    return x\n", "f", "line 1: parameter 'x' has no type annotation"},
		{"en", "def f(x: int):\n    return x\n", "f", "function 'f' has no return type annotation"},
		{"en", "def f(x: int) -> None:\n    print(x)\n", "f", "line 2: print() runs only in Python"},
		{"fr", "déf f(x: entier) -> Rien:\n    afficher(x)\n", "f", "line 2: afficher() runs only in Python"},
		{"en", "def f(x: list[int]) -> int:\n    return 1\n", "f", "list and str arguments and results cross the bridge"},
		{"en", "def f(x: list[str]) -> int:\n    return 1\n", "f", "list and str arguments and results cross the bridge"},
		{"en", "def f(s: str) -> int:\n    return len(s)\n", "f", "list and str arguments and results cross the bridge"},
		{"en", "def f(n: int) -> int:\n    s = 'ab' + chr(n) * 2\n    t = ''\n    for c in s:\n        if c != 'b' and c in s and 'a' <= c < 'z':\n            t = t + str(ord(c)) + str(True)\n    return len(t) + (s[-1] == t[0]) + ('x' in ['x', s]) + bool(s or t)\n", "f", ""},
		{"en", "def f(n: int) -> bool:\n    return 'a' == n\n", "f", "'==' between a str and a int"},
		{"en", "def f(n: int) -> bool:\n    return n in 'abc'\n", "f", "'in' of a int in a str"},
		{"en", "def f(n: int) -> int:\n    s = 'ab'\n    s[0] = 'c'\n    return n\n", "f", "strings are immutable"},
		{"en", "def f(n: float) -> int:\n    return len(str(n))\n", "f", "str() of a float runs only in Python"},
		{"en", "def f(n: int) -> int:\n    return len('a' - 'b')\n", "f", "'-' between a str and a str"},
		{"en", "def f(n: int) -> int:\n    return len('ab'[1.5])\n", "f", "a string index of type float"},
		{"en", "def f(n: int) -> int:\n    a = []\n    for i in range(n):\n        a.append(i * 2)\n    a[0] = a[-1] + len(a)\n    b = [[0.5] * n, [1.5]]\n    b[1].append(a.pop() / 2)\n    return sum(a) + max(a) + min([True, False]) + (3 in a) + (4 not in a)\n", "f", ""},
		{"en", "def f(n: int) -> int:\n    a = []\n    s = 0\n    for x in a:\n        s = s + x\n    return s\n", "f", "an element of an empty list is read before its type is known"},
		{"en", "def f(n: int) -> int:\n    a = []\n    return len(a)\n", "f", ""},
		{"en", "def f(n: int) -> int:\n    a = [1, True]\n    return len(a)\n", "f", "a list mixing int and bool"},
		{"en", "def f(n: int) -> float:\n    return sum([1.5, 2.5], 0.5)\n", "f", "sum() of a list[float] runs only in Python"},
		{"en", "def f(n: int) -> int:\n    a = [1]\n    a += [2]\n    return len(a)\n", "f", "'+=' on a list runs only in Python"},
		{"en", "def f(n: int) -> int:\n    a = [1]\n    a[0] = 1.5\n    return len(a)\n", "f", "storing a float in a list of int"},
		{"en", "def g(a: list[int]) -> int:\n    return len(a)\ndef f(n: int) -> int:\n    return g([n] * 3) + g([])\n", "f", ""},
		{"en", "def f(n: int) -> bool:\n    return 1.5 in [1, 2]\n", "f", "'in' of a float in a list[int]"},
		{"en", "def f(n: int) -> int:\n    a = [1]\n    a.reverse()\n    return 0\n", "f", "the method call .reverse() on a list[int]"},
		{"en", "def f(x: int) -> int:\n    y = x\n    y = 1.5\n    return x\n", "f", "line 3: 'y' is assigned a float after holding a int"},
		{"en", "def f(x: int) -> int:\n    if x > 0:\n        y = 1\n    return y\n", "f", "line 4: 'y' might be used before it is assigned"},
		{"en", "def f(x: int) -> int:\n    if x > 0:\n        y = 1\n    else:\n        y = 2\n    return y\n", "f", ""},
		{"en", "def f(x: int) -> int:\n    for i in range(x):\n        pass\n    return i\n", "f", "line 4: 'i' might be used before it is assigned"},
		{"en", "def f(x: float) -> float:\n    return 0\n", "f", "line 2: returns a int but the function is annotated -> float"},
		{"en", "def f(x: int, y: float) -> bool:\n    return x < y <= 2 == y\n", "f", ""},
		{"en", "def f(x: float, n: int) -> float:\n    return x ** 2.0 + n ** x + x ** n\n", "f", ""},
		{"en", "def f(x: float, n: int) -> float:\n    return x // 2.0 + n % x + x % 3\n", "f", ""},
		{"en", "def g(x: int) -> None:\n    print(x)\ndef f(x: int) -> int:\n    g(x)\n    return x\n", "f", "line 4: calls 'g', which runs only in Python"},
		{"en", "def f(x: int) -> int:\n    return x + n\nn = 2\n", "f", "line 2: reads the global variable 'n'"},
		{"en", "def f(x: int) -> int:\n    return x + 99999999999999999999\n", "f", "does not fit in 64 bits"},
		{"en", "def f(x: int) -> float:\n    return x / 2 + abs(-1.5) + float(x) + min(1.0, 2.0)\n", "f", ""},
		{"en", "def f(x: bool, y: bool) -> int:\n    return x + y * round(2.5) + int(1.9)\n", "f", ""},
		{"en", "def f(x: int) -> int:\n    return x and 1.5\n", "f", "'and' between a int and a float"},
		{"en", "def memory(x: int) -> int:\n    return x\n", "memory", "reserved"},
		{"en", "def f(x: int) -> int:\n    return x\ndef f(x: int) -> int:\n    return x\n", "f", "defined more than once"},
		{"en", "def f(x: int) -> int:\n    n = range(x)\n    return x\n", "f", "range() is compiled only as the iterable of a for loop"},
	}
	for _, tt := range tests {
		info, errs := checkSrc(t, tt.lang, tt.src)
		if errs != "no errors" {
			t.Errorf("%q: %s", tt.src, errs)
			continue
		}
		fn := info.FuncByName[tt.fn]
		if fn == nil {
			t.Errorf("%q: no function %s", tt.src, tt.fn)
			continue
		}
		if tt.reason == "" {
			if !fn.Compilable {
				t.Errorf("%q: not compilable: %s", tt.src, fn.Reason)
			}
			continue
		}
		if fn.Compilable || !strings.Contains(fn.Reason, tt.reason) {
			t.Errorf("%q: compilable=%v reason %q, want %q", tt.src, fn.Compilable, fn.Reason, tt.reason)
		}
	}
}

func TestInfo(t *testing.T) {
	src := "déf f(n: entier, x: flottant) -> flottant:\n    s = 0.0\n    pour i dans intervalle(n):\n        s = s + x * i\n    retour s\ntotal = f(3, 1.5)\n"
	info, errs := checkSrc(t, "fr", src)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	fn := info.FuncByName["f"]
	if !fn.Compilable || fn.Result != TFloat && !fn.Result.Equal(TFloat) {
		t.Fatalf("f: %+v", fn)
	}
	var locals []string
	for _, l := range info.Locals[fn.Decl] {
		locals = append(locals, l.Name+":"+l.Type.String())
	}
	if got := strings.Join(locals, " "); got != "n:int x:float s:float i:int" {
		t.Errorf("locals = %s", got)
	}
	if strings.Join(info.Globals, ",") != "total" {
		t.Errorf("globals = %v", info.Globals)
	}
	builtins := 0
	for id, canon := range info.Builtins {
		if id.Name == "intervalle" && canon == "range" {
			builtins++
		}
	}
	if builtins != 1 {
		t.Errorf("intervalle not resolved to range: %v", info.Builtins)
	}
	// every expression of the compilable function has a type
	missing := 0
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		if _, ok := info.Types[e]; !ok {
			missing++
		}
		switch e := e.(type) {
		case *ast.Binary:
			walk(e.X)
			walk(e.Y)
		}
	}
	walk(fn.Decl.Body[1].(*ast.For).Body[0].(*ast.Assign).Value)
	if missing != 0 {
		t.Errorf("%d expressions without a type", missing)
	}
}

// A malformed tree is reported, never a panic.
func TestMalformedTree(t *testing.T) {
	l, _ := lang.Get("en")
	f := &ast.File{Body: []ast.Stmt{&ast.FuncDef{Name: &ast.Ident{Name: "f"}, Body: []ast.Stmt{&ast.Return{Value: &ast.Binary{}}}}}}
	_, errs := Check(f, l)
	_ = errs
	if _, errs := Check(nil, l); len(errs) != 0 {
		t.Errorf("nil file: %v", errs)
	}
}

// The types of the bitwise operators follow Python: bool & | ^ bool is a
// bool, every other int/bool mix an int, and a float operand (a TypeError
// in Python) keeps the function Python-only.
func TestBitwiseTypes(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"x & y", "int"},
		{"x | b", "int"},
		{"b ^ x", "int"},
		{"b & c", "bool"},
		{"b | c", "bool"},
		{"b ^ c", "bool"},
		{"b << c", "int"},
		{"b >> c", "int"},
		{"x << 3", "int"},
		{"~b", "int"},
		{"~x", "int"},
		{"(b & c) | True", "bool"},
		{"x & f", "'&' between a int and a float raises TypeError"},
		{"f >> 1", "'>>' between a float and a int raises TypeError"},
		{"~f", "'~' on a float raises TypeError"},
		{"[x] & [y]", "'&' between a list[int] and a list[int] runs only in Python"},
	}
	for _, tt := range tests {
		src := "def g(x: int, y: int, b: bool, c: bool, f: float) -> None:\n    r = " + tt.expr + "\n"
		info, errs := checkSrc(t, "en", src)
		if errs != "no errors" {
			t.Errorf("%s: %s", tt.expr, errs)
			continue
		}
		fn := info.FuncByName["g"]
		if !fn.Compilable {
			if !strings.Contains(fn.Reason, tt.want) {
				t.Errorf("%s: Python-only (%s), want %s", tt.expr, fn.Reason, tt.want)
			}
			continue
		}
		got := fn.Decl.Body[0].(*ast.Assign).Value
		if typ := info.Types[got].String(); typ != tt.want {
			t.Errorf("%s: type %s, want %s", tt.expr, typ, tt.want)
		}
	}
}
