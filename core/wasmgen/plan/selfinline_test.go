package plan

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/check"
)

// CopiesPoll drops the copies' interrupt checks only for the shape whose
// proof it gives: the guard, then one tail site whose passes call the
// function on a strictly smaller argument, or another function without a
// guard.
func TestCopiesPoll(t *testing.T) {
	tests := []struct {
		name, src, fn string
		poll          bool
	}{
		{"fib", fib, "fib", false},
		{"le guard, three calls", `def t(n: int) -> int:
    if n <= 2:
        return 1
    return t(n - 1) + t(n - 2) + t(n - 3)
`, "t", false},
		{"second parameter", `def w(s: int, n: int) -> int:
    if n < 1:
        return s
    return w(s, n - 1) + w(s + 1, n - 2)
`, "w", false},
		{"a statement between", `def f(n: int) -> int:
    if n < 2:
        return n
    if n == 10:
        return 55
    return f(n - 1) + f(n - 2)
`, "f", true},
		{"X's argument not smaller", `def h(n: int) -> int:
    if n < 2:
        return n
    return h(n) + h(n - 1)
`, "h", true},
		{"tail argument above X's", `def h(n: int) -> int:
    if n < 2:
        return n
    return h(n - 2) + h(n - 1)
`, "h", true},
		{"guard on a bound above", `def h(n: int) -> int:
    if n > 100:
        return n
    return h(n + 1) + h(n + 2)
`, "h", true},
		{"an unguarded recursive function called first (a real call each pass)", `def g(n: int) -> int:
    return h(n - 1) * 2
def h(n: int) -> int:
    if n < 2:
        return n
    return g(n) + h(n - 1)
`, "h", false},
		{"the call under a condition", `def h(n: int) -> int:
    if n < 2:
        return n
    return (h(n - 1) if n > 5 else 0) + h(n - 2)
`, "h", true},
	}
	for _, tt := range tests {
		rg := analyse(t, tt.src, tt.fn, AllPasses, false)
		m := &Module{}
		var compiled []*check.Func
		for _, fn := range rg.Info.Funcs {
			compiled = append(compiled, fn)
		}
		m.PlanGuards(rg.Info, AllPasses, compiled)
		rg.Module = m
		if got := rg.CopiesPoll(); got != tt.poll {
			t.Errorf("%s: CopiesPoll = %v, want %v", tt.name, got, tt.poll)
		}
	}
}
