package check

import "testing"

// Which functions run in bounded time: each program's function f.
func TestBounded(t *testing.T) {
	tests := []struct {
		name, lang, src string
		want            bool
	}{
		{"add", "en", "def f(a: int, b: int) -> int:\n    return a + b\n", true},
		{"noop", "en", "def f() -> None:\n    pass\n", true},
		{"branches and locals", "en", "def f(x: float) -> float:\n    y = x * 2.0\n    if y > 1.0:\n        y = y - 1.0\n    else:\n        y += 0.5\n    assert y == y, \"nan\"\n    return y\n", true},
		{"scalar builtins", "en", "def f(x: float, n: int) -> int:\n    return abs(n) + int(x) + round(x) + max(n, 3) + min(n, 1, 2) + int(bool(n)) + int(float(n))\n", true},
		{"localized builtins", "fr", "déf f(n: entier) -> entier:\n    retour valeurabsolue(n)\n", true},
		{"int power", "en", "def f(a: int, b: int) -> int:\n    return a ** b % 7\n", true},
		{"bounded callee", "en", "def g(x: int) -> int:\n    return x * 2\ndef f(x: int) -> int:\n    return g(x) + g(1)\n", true},
		{"callee defined later", "en", "def f(x: int) -> bool:\n    return h(x)\ndef h(x: int) -> bool:\n    return x > 0\n", true},
		{"for loop", "fr", "déf f(n: entier) -> entier:\n    result = 0\n    pour i dans intervalle(n * n):\n        result = result + (i * i) // (i + 1)\n    retour result\n", false},
		{"while loop", "en", "def f(n: int) -> int:\n    while n > 0:\n        n = n - 1\n    return n\n", false},
		{"recursion", "en", "def f(n: int) -> int:\n    if n < 2:\n        return n\n    return f(n - 1) + f(n - 2)\n", false},
		{"mutual recursion", "en", "def f(n: int) -> bool:\n    if n == 0:\n        return True\n    return g(n - 1)\ndef g(n: int) -> bool:\n    if n == 0:\n        return False\n    return f(n - 1)\n", false},
		{"unbounded callee", "en", "def g(n: int) -> int:\n    s = 0\n    for i in range(n):\n        s += i\n    return s\ndef f(n: int) -> int:\n    return g(n) + 1\n", false},
		{"list local", "en", "def f(n: int) -> int:\n    a = [n, 2]\n    return a[0]\n", false},
		{"list parameter", "en", "def f(a: list[int]) -> int:\n    return 1\n", false},
		{"list result", "en", "def f(n: int) -> list[int]:\n    return [n]\n", false},
		{"list callee", "en", "def g(a: list[int]) -> int:\n    return 1\ndef f(n: int) -> int:\n    return g([n])\n", false},
		{"membership", "en", "def f(n: int) -> bool:\n    return n in [1, 2, 3]\n", false},
		{"len", "en", "def f(n: int) -> int:\n    return len([n])\n", false},
		{"max of one argument", "en", "def f(n: int) -> int:\n    return max([n, 1])\n", false},
		{"string value", "en", "def f(n: int) -> int:\n    return len(chr(n) * n)\n", false},
		{"docstring and assert message", "en", "def f(n: int) -> int:\n    'doc'\n    assert n > 0, 'positive'\n    return n\n", true},
		{"python-only", "en", "def f(n: int) -> None:\n    print(n)\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, errs := checkSrc(t, tt.lang, tt.src)
			if errs != "no errors" {
				t.Fatal(errs)
			}
			f := info.FuncByName["f"]
			if f == nil {
				t.Fatal("no function f")
			}
			if f.Bounded != tt.want {
				t.Errorf("Bounded = %v, want %v (compilable %v, reason %q)", f.Bounded, tt.want, f.Compilable, f.Reason)
			}
			if f.Bounded && !f.Compilable {
				t.Error("a Python-only function is Bounded")
			}
			// Every case but the last compiles: it is the rule under test
			// that makes it unbounded, not being Python-only.
			if compiled := f.Compilable || f.Internal; compiled != (tt.name != "python-only") {
				t.Errorf("compiled = %v (reason %q)", compiled, f.Reason)
			}
		})
	}
}
