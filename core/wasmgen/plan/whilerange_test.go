package plan

import (
	"reflect"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// TestCountedWhile checks which while loops count (whilerange.go): the
// first while loop of f, with the lists hoist.go would keep (a, the one
// list every case indexes) counted as kept.
func TestCountedWhile(t *testing.T) {
	tests := []struct {
		name, src string
		want      CountedLoop // Index "" when the loop does not count
		accs      []string
		rest      bool // the condition is `i < E and R`
	}{
		{"the list walk", `def f(n: int) -> int:
    a = [n, 2]
    s = 0
    i = 0
    while i < len(a):
        s = s - a[i]
        i = i + 1
    return s
`, CountedLoop{Index: "i", Step: 1}, []string{}, false},
		{"a local stop, a step of 3 and a small sum", `def f(n: int) -> int:
    s = 0
    t = 0
    i = 0
    while i < n:
        s += i % 10
        t = t - 1
        i += 3
    return s + t
`, CountedLoop{Index: "i", Step: 3}, []string{"s", "t"}, false},
		{"a constant stop and a break", `def f(n: int) -> int:
    i = n
    while i < 100:
        if i == 50:
            break
        i = i + 1
    return i
`, CountedLoop{Index: "i", Step: 1}, nil, false},
		{"the step not last", `def f(n: int) -> int:
    i = 0
    s = 0
    while i < n:
        i = i + 1
        s = s + i
    return s
`, CountedLoop{}, nil, false},
		{"a second assignment", `def f(n: int) -> int:
    i = 0
    while i < n:
        if i == 5:
            i = 7
        i = i + 1
    return i
`, CountedLoop{}, nil, false},
		{"a continue", `def f(n: int) -> int:
    i = 0
    s = 0
    while i < n:
        if s > 5:
            continue
        s = s + 1
        i = i + 1
    return s
`, CountedLoop{}, nil, false},
		{"the stop assigned", `def f(n: int) -> int:
    i = 0
    while i < n:
        n = n - 1
        i = i + 1
    return i
`, CountedLoop{}, nil, false},
		{"a list that grows", `def f(n: int) -> int:
    a = [1]
    i = 0
    while i < len(a):
        if a[i] < n:
            a.append(a[i] + 1)
        i = i + 1
    return len(a)
`, CountedLoop{}, nil, false},
		{"a step of 0", `def f(n: int) -> int:
    i = 0
    while i < n:
        i = i + 0
    return i
`, CountedLoop{}, nil, false},
		{"<= is not counted", `def f(n: int) -> int:
    i = 0
    while i <= n:
        i = i + 1
    return i
`, CountedLoop{}, nil, false},
		{"the escape loop: and a float test", `def f(n: int, x: float) -> int:
    k = 0
    z = 0.0
    while k < n and z * z <= 4.0:
        z = z * z + x
        k += 1
    return k
`, CountedLoop{Index: "k", Step: 1}, nil, true},
		{"and a builtin's value", `def f(n: int) -> int:
    a = [n, 2]
    i = 0
    while i < n and len(a) > abs(i - 5):
        i += 2
    return i
`, CountedLoop{Index: "i", Step: 2}, nil, true},
		{"and a method call", `def f(n: int) -> int:
    a = [n, 2]
    i = 0
    while i < len(a) and a.pop() > 0:
        i += 1
    return i
`, CountedLoop{}, nil, false},
		{"and a function of the program", `def g(k: int) -> int:
    return k + 1
def f(n: int) -> int:
    i = 0
    while i < n and g(i) < 50:
        i += 1
    return i
`, CountedLoop{}, nil, false},
		{"the test of the counter second", `def f(n: int, x: float) -> int:
    i = 0
    while x < 4.0 and i < n:
        i += 1
    return i
`, CountedLoop{}, nil, false},
		{"or", `def f(n: int, p: bool) -> int:
    i = 0
    while i < n or p:
        i += 1
        if i > 10:
            break
    return i
`, CountedLoop{}, nil, false},
	}
	for _, tt := range tests {
		for _, passes := range []PassSet{AllPasses, AllPasses &^ PassSet(PassWhileRange)} {
			rg := analyse(t, tt.src, "f", passes, false)
			var loop *ast.While
			ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
				if w, ok := n.(*ast.While); ok && loop == nil {
					loop = w
				}
				return true
			})
			rg.LoopFacts(rg.FuncFacts().Loops, rg.ParamFacts())
			got, ok := rg.CountedWhile(loop, func(l string) bool { return l == "a" && rg.HeadersStable(loop) })
			if !passes.Has(PassWhileRange) {
				if ok {
					t.Errorf("%s: counted with the pass off", tt.name)
				}
				continue
			}
			if ok != (tt.want.Index != "") || got.Index != tt.want.Index || got.Step != tt.want.Step || (got.Rest != nil) != tt.rest {
				t.Errorf("%s: %+v %v, want %+v", tt.name, got, ok, tt.want)
				continue
			}
			if ok {
				accs := rg.WhileAccumulators(loop, got)
				if len(accs) > 0 || len(tt.accs) > 0 {
					if !reflect.DeepEqual(accs, tt.accs) {
						t.Errorf("%s: accumulators %v, want %v", tt.name, accs, tt.accs)
					}
				}
			}
		}
	}
}
