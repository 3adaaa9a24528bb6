package plan

import (
	"math"
	"reflect"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// TestElemRanges checks the intervals of the elements of list locals
// (elems.go): each case names a list of f and the interval its elements
// get, or none (FullRange) when another name may reach the list or a
// store is of a kind the pass does not follow.
func TestElemRanges(t *testing.T) {
	none := FullRange
	tests := []struct {
		name, src, list string
		want            Interval
	}{
		{"the list walk", `def f(n: int) -> int:
    a = []
    for i in range(n):
        a.append((i * 7919) % 1009)
    s = 0
    for x in a:
        s = s + x
    return s
`, "a", Interval{0, 1008}},
		{"a literal and stores", `def f(n: int) -> int:
    a = [3, -2, 7]
    a[1] = n % 10
    a.append(len(a))
    return a[0]
`, "a", Interval{-2, 268435456}},
		{"a repeated literal and a growing element", `def f(n: int) -> int:
    a = [1] * 10
    for i in range(n):
        a[i % 10] *= 3
    return a[0]
`, "a", Interval{0, math.MaxInt64}},
		{"an element read back", `def f(n: int) -> int:
    a = [0]
    for i in range(n):
        a.append(a[-1] + 1)
    return a[0]
`, "a", Interval{0, math.MaxInt64}},
		{"a parameter", `def f(n: int) -> int:
    a = [n]
    return a[0]
`, "a", none},
		{"an alias", `def f(n: int) -> int:
    a = [1, 2]
    b = a
    b.append(n)
    return a[2]
`, "a", none},
		{"the other name", `def f(n: int) -> int:
    a = [1, 2]
    b = a
    b.append(n)
    return b[2]
`, "b", none},
		{"a list of lists holding it", `def f(n: int) -> int:
    a = [1, 2]
    rows = [a]
    rows[0].append(n)
    return a[2]
`, "a", none},
		{"appended to another list", `def f(n: int) -> int:
    a = [1, 2]
    rows = [[0]]
    rows.append(a)
    rows[1].append(n)
    return a[2]
`, "a", none},
		{"an index read inside a store's index", `def f(n: int) -> int:
    a = [0, 1, 1]
    h = [0] * 3
    for i in range(3):
        h[a[i]] += 1
    return h[1]
`, "a", Interval{0, 1}},
		{"passed to a compiled function", `def g(v: list[int]) -> int:
    v.append(2 ** 62)
    return len(v)

def f(n: int) -> int:
    a = [1, 2]
    return g(a) + a[2]
`, "a", none},
		{"concatenated", `def f(n: int) -> int:
    a = [1, 2]
    b = a + [n]
    return a[0] + b[1]
`, "a", none},
		{"stores by floor division and remainder", `def f(n: int) -> int:
    a = [5, 9, -40]
    a[0] //= 2
    a[2] %= 7
    return a[0]
`, "a", Interval{-40, 9}},
		{"a store of the other operators", `def f(n: int) -> int:
    a = [5, 9]
    a[0] <<= 2
    return a[0]
`, "a", none},
		{"popped and read by builtins", `def f(n: int) -> int:
    a = [4, 5, 6]
    a.pop()
    return len(a) + sum(a) + max(a)
`, "a", Interval{0, 6}},
	}
	for _, tt := range tests {
		for _, passes := range []PassSet{AllPasses, AllPasses &^ PassSet(PassElems)} {
			rg := analyse(t, tt.src, "f", passes, false)
			got, ok := rg.ElemRange(tt.list)
			if !ok {
				got = FullRange
			}
			want := tt.want
			if !passes.Has(PassElems) {
				want = FullRange
			}
			if got != want {
				t.Errorf("%s (elems on: %v): %s has %v, want %v", tt.name, passes.Has(PassElems), tt.list, got, want)
			}
		}
	}
}

// TestElemLoopVariable checks that the variable of a loop over a list
// with an interval gets it (counters.go), and keeps the hull with its
// other assignments.
func TestElemLoopVariable(t *testing.T) {
	rg := analyse(t, `def f(n: int) -> int:
    a = [2, 4]
    a.append(n % 6)
    x = -1
    for x in a:
        n = n + x
    return x
`, "f", AllPasses, false)
	body := rg.Fn.Decl.Body
	if got, want := rg.RangeOf(body[len(body)-1].(*ast.Return).Value), (Interval{-1, 5}); got != want {
		t.Errorf("x in %v, want %v", got, want)
	}
}

// TestListAccumulators checks which sums of a loop over a list get a fast
// copy without overflow checks (version.go's ListAccumulators): those of
// an innermost loop that reads the list's length once, adding values of
// at most AccStep.
func TestListAccumulators(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"sums of small products", `def f(n: int) -> int:
    a = [n % 100, 5]
    s = n
    t = 0
    for x in a:
        s = s + x * 3
        t -= x
    return s + t
`, []string{"s", "t"}},
		{"a chain of terms, and one that reads the sum", `def f(n: int) -> int:
    a = [n % 100, 5]
    s = n
    t = 0
    for x in a:
        s = s + x % 7 - 3 + x
        t = t - x + t
    return s + t
`, []string{"s"}},
		{"an addend beyond AccStep", `def f(n: int) -> int:
    a = [n % 100, 5]
    s = 0
    for x in a:
        s = s + x * 10000000
    return s
`, nil},
		{"a loop that appends", `def f(n: int) -> int:
    a = [n % 100, 5]
    s = 0
    for x in a:
        s = s + x
        if s < 10:
            a.append(1)
    return s
`, nil},
		{"a nested loop", `def f(n: int) -> int:
    a = [n % 100, 5]
    s = 0
    for x in a:
        for k in range(3):
            s = s + x
    return s
`, nil},
	}
	for _, tt := range tests {
		for _, passes := range []PassSet{AllPasses, AllPasses &^ PassSet(PassVersion)} {
			rg := analyse(t, tt.src, "f", passes, false)
			var loop *ast.For
			ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
				if l, ok := n.(*ast.For); ok && loop == nil {
					loop = l
				}
				return true
			})
			got := rg.ListAccumulators(loop)
			want := tt.want
			if !passes.Has(PassVersion) {
				want = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (version on: %v): %v, want %v", tt.name, passes.Has(PassVersion), got, want)
			}
		}
	}
}
