package check

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// The call graph and assignment facts of the compiled functions.
func TestCallFacts(t *testing.T) {
	src := `def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def even(n: int) -> bool:
    if n == 0:
        return True
    return odd(n - 1)
def odd(n: int) -> bool:
    if n == 0:
        return False
    return even(n - 1)
def top(n: int) -> int:
    s = 0
    for i in range(n):
        s += fib(i) + abs(i)
    for i in range(3):
        s = s + 1
    if even(n):
        n = n + 1
    return s + fib(n)
def leaf(x: float) -> float:
    return x * 2.0
def slow(n: int) -> None:
    print(n)
`
	info, errs := checkSrc(t, "en", src)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	tests := []struct {
		name, calls string
		self, cycle bool
		assigned    string
	}{
		{"fib", "fib", true, true, ""},
		{"even", "odd", false, true, ""},
		{"odd", "even", false, true, ""},
		{"top", "fib even", false, false, "i=2 n=1 s=3"},
		{"leaf", "", false, false, ""},
		{"slow", "", false, false, "-"},
	}
	for _, tt := range tests {
		fn := info.FuncByName[tt.name]
		var calls []string
		for _, c := range fn.Calls {
			calls = append(calls, c.Name)
		}
		if got := strings.Join(calls, " "); got != tt.calls {
			t.Errorf("%s: Calls = %q, want %q", tt.name, got, tt.calls)
		}
		if fn.CallsItself != tt.self || fn.OnCallCycle != tt.cycle {
			t.Errorf("%s: CallsItself, OnCallCycle = %v, %v, want %v, %v", tt.name, fn.CallsItself, fn.OnCallCycle, tt.self, tt.cycle)
		}
		var assigned []string
		for name, n := range fn.Assigned {
			assigned = append(assigned, fmt.Sprintf("%s=%d", name, n))
		}
		sort.Strings(assigned)
		got := strings.Join(assigned, " ")
		if fn.Assigned == nil {
			got = "-" // not compiled: no facts
		}
		if got != tt.assigned {
			t.Errorf("%s: Assigned = %q, want %q", tt.name, got, tt.assigned)
		}
	}
}
