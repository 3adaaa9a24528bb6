package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// analyseInternal is analyse for a function that may take or return
// lists (compiled as an internal function behind a wrapper).
func analyseInternal(t *testing.T, src, name string) *Func {
	t.Helper()
	return analyseWith(t, src, name, AllPasses, false, true)
}

// loopsOf returns the while and for loops of body, outer loops first.
func loopsOf(body []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	ast.InspectStmts(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.While:
			out = append(out, n)
		case *ast.For:
			out = append(out, n)
		}
		return true
	})
	return out
}

// boundsOf returns the bounds of the loop s as sorted "i<L" strings: those
// of its condition (a while loop) or of its range (a range loop), with the
// lists its own hoisting keeps counted as hoisted.
func boundsOf(rg *Func, s ast.Stmt) string {
	cached := func(l string) bool { return slices.Contains(rg.InvariantOf(s), l) }
	var bs []Bound
	switch s := s.(type) {
	case *ast.While:
		bs = rg.CondBounds(s.Cond, cached)
	case *ast.For:
		if c, ok := s.Iter.(*ast.Call); ok {
			bs = rg.RangeBounds(s, c.Args, cached)
		}
	}
	var out []string
	for _, b := range bs {
		out = append(out, b.Index+"<"+b.List)
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// The loops over lists that read the header once, and those that must
// not: each row gives, for the loops of f in source order, "S" for a loop
// whose headers are stable and "-" for one that may change them.
func TestHeadersStable(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"sum", `def f(a: list[int]) -> int:
    s = 0
    for x in a:
        s = s + x
    return s
`, "S"},
		{"appends to the list", `def f(a: list[int]) -> int:
    s = 0
    for x in a:
        if x > 0:
            a.append(x - 1)
        s = s + x
    return s
`, "-"},
		{"appends to another list", `def f(a: list[int], b: list[int]) -> int:
    s = 0
    for x in a:
        b.append(x)
    return len(b)
`, "-"},
		{"alias through another name", `def f(a: list[int]) -> int:
    b = a
    s = 0
    for x in a:
        b.pop()
        s = s + x
    return s
`, "-"},
		{"inner row appended", `def f(m: list[list[int]]) -> int:
    s = 0
    for row in m:
        for x in row:
            m[0].append(x)
            s = s + x
    return s
`, "- -"},
		{"rows stable", `def f(m: list[list[int]]) -> int:
    s = 0
    for row in m:
        for x in row:
            s = s + x
        row[0] = s
    return s
`, "S S"},
		{"call of a compiled function", `def g(a: list[int]) -> int:
    return len(a)
def f(a: list[int]) -> int:
    s = 0
    for x in a:
        s = s + g(a)
    return s
`, "-"},
		{"element stores and builtins", `def f(a: list[int]) -> int:
    s = 0
    for x in a:
        a[0] = x + sum(a) + len(a) + max(a)
    return a[0]
`, "S S"}, // sum(a) is a loop over a (core/check/lowerreduce.go)
		{"rebinding the iterated name", `def f(a: list[int]) -> int:
    s = 0
    for x in a:
        a = a + [x]
        s = s + x
    return s + len(a)
`, "S"},
		{"nested while pops", `def f(a: list[int]) -> int:
    s = 0
    for x in a:
        while len(a) > 5:
            s = s + a.pop()
    return s
`, "- -"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rg := analyseInternal(t, tc.src, "f")
			var got []string
			for _, s := range loopsOf(rg.Fn.Decl.Body) {
				if rg.HeadersStable(s) {
					got = append(got, "S")
				} else {
					got = append(got, "-")
				}
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

// The bounds i < len(L) that loops give their bodies: each row lists, for
// the loops of f in source order, the bounds of the loop ("" for none),
// separated by "|".
func TestLoopBounds(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"while i < len(a)", `def f(a: list[float]) -> float:
    s = 0.0
    i = 0
    while i < len(a):
        s = s + a[i]
        i = i + 1
    return s
`, "i<a"},
		{"while len(a) > i, but appends", `def f(a: list[int]) -> int:
    i = 0
    while len(a) > i:
        if a[i] > 0:
            a.append(a[i] - 1)
        i = i + 1
    return len(a)
`, ""},
		{"while len(a) > i", `def f(a: list[int]) -> int:
    i = 0
    s = 0
    while len(a) > i:
        s = s + a[i]
        i = i + 1
    return s
`, "i<a"},
		{"n = len(a)", `def f(a: list[int]) -> int:
    n = len(a)
    i = 0
    s = 0
    while i < n and s < 100:
        s = s + a[i]
        i = i + 1
    return s
`, "i<a"},
		{"n = len(a), a pop elsewhere", `def f(a: list[int]) -> int:
    n = len(a)
    a.pop()
    i = 0
    s = 0
    while i < n:
        s = s + a[i]
        i = i + 1
    return s
`, ""},
		{"n = len(a), a call elsewhere", `def g(a: list[int]) -> int:
    return 0
def f(a: list[int]) -> int:
    n = len(a)
    s = g(a)
    i = 0
    while i < n:
        s = s + a[i]
        i = i + 1
    return s
`, ""},
		{"n assigned twice", `def f(a: list[int]) -> int:
    n = len(a)
    n = n + 1
    i = 0
    s = 0
    while i < n:
        s = s + a[i]
        i = i + 1
    return s
`, ""},
		{"n = len(a) under an if", `def f(a: list[int], k: int) -> int:
    n = 0
    if k > 0:
        n = len(a)
    i = 0
    s = 0
    while i < n:
        s = s + a[i]
        i = i + 1
    return s
`, ""},
		{"a rebound", `def f(a: list[int], b: list[int]) -> int:
    n = len(a)
    a = b
    i = 0
    s = 0
    while i < n:
        s = s + a[i]
        i = i + 1
    return s
`, ""},
		{"<= is not <", `def f(a: list[int]) -> int:
    i = 0
    s = 0
    while i <= len(a):
        i = i + 1
    return s
`, ""},
		{"or gives nothing", `def f(a: list[int], b: list[int]) -> int:
    i = 0
    s = 0
    while i < len(a) or i < len(b):
        s = s + a[i] + b[i]
        i = i + 1
    return s
`, ""},
		{"and gives both", `def f(a: list[int], b: list[int]) -> int:
    i = 0
    j = 0
    s = 0
    while i < len(a) and j < len(b):
        s = s + a[i] + b[j]
        i = i + 1
        j = j + 2
    return s
`, "i<a j<b"},
		{"sieve", `def f(n: int) -> int:
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count
`, "|"}, // `flags = [True] * E` is no bound (LenBounds says why)
		{"sieve, one too far", `def f(n: int) -> int:
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 2):
        if flags[i]:
            count = count + 1
    return count
`, ""},
		{"sieve, n assigned", `def f(n: int) -> int:
    flags = [True] * (n + 1)
    n = n + 1
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
    return count
`, ""},
		{"sieve, flags defined in a loop", `def f(n: int) -> int:
    count = 0
    for k in range(2):
        flags = [True] * (n + 1)
        for i in range(2, n + 1):
            if flags[i]:
                count = count + 1
    return count
`, "|"},
		{"range(len(a))", `def f(a: list[int]) -> int:
    s = 0
    for i in range(len(a)):
        s = s + a[i]
    return s
`, "i<a"},
		{"range(len(a)) with a negative step", `def f(a: list[int]) -> int:
    s = 0
    for i in range(0, len(a), -1):
        s = s + a[i]
    return s
`, ""},
		{"range(len(a)) appending", `def f(a: list[int]) -> int:
    s = 0
    for i in range(len(a)):
        a.append(a[i])
    return len(a)
`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rg := analyseInternal(t, tc.src, "f")
			var got []string
			for _, s := range loopsOf(rg.Fn.Decl.Body) {
				got = append(got, boundsOf(rg, s))
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

// Outer range loops whose nested loops check on entry may chunk their
// own checks; a nested str loop or a heavy body may not.
func TestChunkableNest(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
	}{
		{"sieve", `def f(n: int) -> int:
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count
`, true},
		{"nested for over a list and while", `def f(m: list[list[int]]) -> int:
    s = 0
    for i in range(len(m)):
        for x in m[i]:
            s = s + x
        while s > 100:
            s = s - 7
    return s
`, true},
		{"nested loop over a str", `def f(t: str, n: int) -> int:
    s = 0
    for i in range(n):
        for c in t:
            s = s + ord(c)
    return s
`, false},
		{"a call in the body", `def g(k: int) -> int:
    return k + 1
def f(n: int) -> int:
    s = 0
    for i in range(n):
        s = g(s)
        for j in range(3):
            s = s + j
    return s
`, false},
		{"innermost", `def f(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i
    return s
`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rg := analyseInternal(t, tc.src, "f")
			for _, s := range loopsOf(rg.Fn.Decl.Body) {
				if f, ok := s.(*ast.For); ok {
					if got := rg.ChunkableNest(f); got != tc.want {
						t.Errorf("got %v, want %v", got, tc.want)
					}
					return
				}
			}
			t.Fatal(fmt.Sprintf("no for loop in %s", tc.name))
		})
	}
}

// The variable of `for row in m` is a list the loop assigns: the loop
// never keeps its header (the nested loop over it may).
func TestForListVariableNotHoisted(t *testing.T) {
	rg := analyseInternal(t, `def f(m: list[list[float]], k: float) -> int:
    for r in m:
        for j in range(len(r)):
            r[j] = r[j] * k
    return len(m)
`, "f")
	loops := loopsOf(rg.Fn.Decl.Body)
	if got := rg.InvariantOf(loops[0]); len(got) != 0 {
		t.Errorf("the outer loop keeps %v", got)
	}
	if got := rg.InvariantOf(loops[1]); !slices.Equal(got, []string{"r"}) {
		t.Errorf("the inner loop keeps %v, want [r]", got)
	}
	if got := boundsOf(rg, loops[1]); got != "j<r" {
		t.Errorf("the inner loop's bounds are %q, want j<r", got)
	}
}
