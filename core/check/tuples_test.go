package check

import (
	"strings"
	"testing"
)

// TestTupleResults checks which functions returning a tuple compile: a
// result annotated tuple[...] of two or more int, float or bool, each
// return a display of as many values of those types; everything else
// about tuples stays in Python, with its reason.
func TestTupleResults(t *testing.T) {
	tests := []struct {
		name, src, fn string
		compiles      bool   // fn compiles, with the result type want
		want          string // the result type, or the reason fn stays in Python
	}{
		{"min and max", "def f(xs: list[int]) -> tuple[int, int]:\n    return min(xs), max(xs)\n", "f", true, "tuple[int, int]"},
		{"three kinds, two returns", "def f(a: int, b: int) -> tuple[int, float, bool]:\n    if b == 0:\n        return 0, 0.0, False\n    return a // b, a / b, True\n", "f", true, "tuple[int, float, bool]"},
		{"parenthesized", "def f(a: float) -> tuple[float, float]:\n    return (a, -a)\n", "f", true, "tuple[float, float]"},
		{"localized (French)", "déf f(a: entier) -> tuple[entier, booléen]:\n    retour a, a > 0\n", "f", true, "tuple[int, bool]"},
		{"the wrong types", "def f(a: int) -> tuple[int, int]:\n    return a, 1.5\n", "f", false, "returns a tuple[int, float] but the function is annotated -> tuple[int, int]"},
		{"too many values", "def f(a: int) -> tuple[int, int]:\n    return a, a, a\n", "f", false, "returns a tuple[int, int, int]"},
		{"a str inside", "def f(a: int) -> tuple[int, str]:\n    return a, 'x'\n", "f", false, "tuple[int, str]"},
		{"one value", "def f(a: int) -> tuple[int]:\n    return (a,)\n", "f", false, "tuple[int]"},
		{"kept in a local", "def f(a: int) -> int:\n    t = (a, 1)\n    return a\n", "f", false, "uses a tuple"},
		{"used by a compiled caller", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> int:\n    x = g(a)\n    return a\n", "f", false, "using the tuple g() returns"},
		{"unpacked by a compiled caller", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> int:\n    x, y = g(a)\n    return x - y\n", "f", true, "int"},
		{"unpacked into elements and a name twice", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> list[int]:\n    v = [0, 0]\n    v[1], v[0] = g(a)\n    b, b = g(a + 1)\n    return v + [b]\n", "f", true, "list[int]"},
		{"unpacked in French", "déf g(a: entier) -> tuple[entier, flottant]:\n    retour a, a / 2\n\ndéf f(a: entier) -> flottant:\n    x, y = g(a)\n    retour x + y\n", "f", true, "float"},
		{"returned as it is", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> tuple[int, int]:\n    return g(a + 1)\n", "f", true, "tuple[int, int]"},
		{"returned as another tuple", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> tuple[int, float]:\n    return g(a)\n", "f", false, "returns a tuple[int, int] but the function is annotated -> tuple[int, float]"},
		{"returned by a function of an int", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> int:\n    return g(a)\n", "f", false, "using the tuple g() returns"},
		{"unpacked into too many targets", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> int:\n    x, y, z = g(a)\n    return x\n", "f", false, "unpacks a tuple of 2 values into 3 targets"},
		{"a list unpacked from a call", "def g(a: int) -> list[int]:\n    return [a, a]\n\ndef f(a: int) -> int:\n    x, y = g(a)\n    return x\n", "f", false, "unpacks a list[int] into 2 targets"},
		{"nested targets", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> int:\n    (x, y), z = g(a), 1\n    return x\n", "f", false, "unpacks a value into several targets"},
		{"a starred target", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> int:\n    x, *y = g(a)\n    return x\n", "f", false, "unpacks a value into several targets"},
		{"an argument by keyword", "def g(a: int) -> tuple[int, int]:\n    return a, a\n\ndef f(a: int) -> int:\n    x, y = g(a=a)\n    return x\n", "f", false, "unpacks a value into several targets"},
		{"a single value returned", "def f(a: int) -> tuple[int, int]:\n    return a\n", "f", false, "returns a int but the function is annotated -> tuple[int, int]"},
	}
	for _, tt := range tests {
		code := "en"
		if strings.HasPrefix(tt.src, "déf") {
			code = "fr"
		}
		info, errs := checkSrc(t, code, tt.src)
		if errs != "no errors" {
			t.Fatalf("%s: %s", tt.name, errs)
		}
		fn := info.FuncByName[tt.fn]
		if tt.compiles {
			if !fn.Compilable && !fn.Internal || fn.Result.String() != tt.want {
				t.Errorf("%s: compilable=%v result %s reason %q, want %s", tt.name, fn.Compilable, fn.Result, fn.Reason, tt.want)
			}
			continue
		}
		if fn.Compilable || fn.Internal || !strings.Contains(fn.Reason, tt.want) {
			t.Errorf("%s: compilable=%v reason %q, want %q", tt.name, fn.Compilable, fn.Reason, tt.want)
		}
	}
}
