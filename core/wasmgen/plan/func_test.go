package plan

import (
	"math"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// analyse checks an English program and returns the analyses of its
// function name, with the facts of its loops (and, with spec, of its
// parameters >= 0) recorded.
func analyse(t *testing.T, src, name string, passes PassSet, spec bool) *Func {
	t.Helper()
	return analyseWith(t, src, name, passes, spec, false)
}

// analyseWith is analyse; internal also accepts a function compiled as an
// internal function behind a wrapper (one that takes or returns lists).
func analyseWith(t *testing.T, src, name string, passes PassSet, spec, internal bool) *Func {
	t.Helper()
	l, _ := lang.Get("en")
	f, errs := parser.ParseFile("t.ml", src, l)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	info, errs := check.Check(f, l)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	fn := info.FuncByName[name]
	if fn == nil {
		t.Fatalf("no function %s", name)
	}
	if !fn.Compilable && !(internal && fn.Internal) {
		t.Fatalf("%s is not compiled: %s", name, fn.Reason)
	}
	rg := &Func{Consts: NewConsts(info), Info: info, Fn: fn, Passes: passes, Module: &Module{}, Spec: spec, Cache: NewFactCache()}
	rg.LoopFacts(rg.FuncFacts().Loops, rg.ParamFacts())
	return rg
}

const fib = `def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
`

func TestLoopFacts(t *testing.T) {
	const max = math.MaxInt64
	tests := []struct {
		name, src string
		facts     map[string]Interval // absent names have no fact
	}{
		{"range", `def f(n: int) -> int:
    s = 0
    for i in range(3, 10):
        s = s + i
    return s
`, map[string]Interval{"i": {3, 9}, "s": {}}},
		{"hull of two loops", `def f(n: int) -> int:
    s = 0
    for j in range(5):
        s = s + j
    for j in range(2, 8):
        s = s + j
    return s
`, map[string]Interval{"j": {0, 7}}},
		{"negative step", `def f(n: int) -> int:
    s = 0
    for k in range(10, 0, -2):
        s = s + k
    return s
`, map[string]Interval{"k": {1, 10}}},
		{"inner bound from the outer variable", `def f(n: int) -> int:
    s = 0
    for i in range(1, 100):
        for j in range(i):
            s = s + j
    return s
`, map[string]Interval{"i": {1, 99}, "j": {0, 98}}},
		{"unknown stop", `def f(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i
    return s
`, map[string]Interval{"i": {0, max - 1}}},
		{"assigned elsewhere", `def f(n: int) -> int:
    s = 0
    for i in range(5):
        s = s + i
    i = n
    return s + i
`, map[string]Interval{}},
	}
	// the facts of the loop variables only: counters and carried give
	// facts of their own to the sums (TestAssignedFacts)
	passes := AllPasses &^ (PassSet(PassCounters) | PassSet(PassCarried))
	for _, tt := range tests {
		rg := analyse(t, tt.src, "f", passes, false)
		for _, name := range []string{"i", "j", "k", "s", "n"} {
			want, ok := tt.facts[name]
			ok = ok && want != Interval{}
			got, has := rg.Fact(name)
			if has != ok || (ok && got != want) {
				t.Errorf("%s: fact of %s = %v, %v; want %v, %v", tt.name, name, got, has, want, ok)
			}
		}
	}
}

func TestParamFactsAndRangeOf(t *testing.T) {
	src := `def f(n: int, m: int) -> int:
    return n * 2 + m // 3
`
	generic := analyse(t, src, "f", AllPasses, false)
	spec := analyse(t, src, "f", AllPasses, true)
	if r := generic.RangeOf(generic.Fn.Decl.Body[0].(*ast.Return).Value); r != FullRange {
		t.Errorf("generic: %v", r)
	}
	ret := spec.Fn.Decl.Body[0].(*ast.Return).Value
	// n >= 0 and m >= 0: n * 2 in [0, MAX] (saturated), m // 3 in [0, MAX // 3]
	if r := spec.RangeOf(ret); r != (Interval{0, math.MaxInt64}) {
		t.Errorf("specialization: %v", r)
	}
	if r := spec.RangeOf(ret.(*ast.Binary).Y); r != (Interval{0, math.MaxInt64 / 3}) {
		t.Errorf("m // 3: %v", r)
	}
}

func TestGuardFact(t *testing.T) {
	tests := []struct {
		cond string
		want Interval
		ok   bool
	}{
		{"n < 2", Interval{2, math.MaxInt64}, true},
		{"n <= 2", Interval{3, math.MaxInt64}, true},
		{"2 > n", Interval{2, math.MaxInt64}, true},
		{"n > 5", Interval{math.MinInt64, 5}, true},
		{"n >= 5", Interval{math.MinInt64, 4}, true},
		{"n == 5", Interval{}, false},
		{"m < 2", Interval{}, false}, // assigned
	}
	for _, tt := range tests {
		src := "def f(n: int, m: int) -> int:\n    if " + tt.cond + ":\n        return 0\n    m = m + 1\n    return n + m\n"
		for _, passes := range []PassSet{AllPasses, AllPasses &^ PassSet(PassGuards)} {
			rg := analyse(t, src, "f", passes, false)
			name, r, ok := rg.GuardFact(rg.Fn.Decl.Body[0].(*ast.If))
			wantOK := tt.ok && passes.Has(PassGuards)
			if ok != wantOK || (ok && (name != "n" || r != tt.want)) {
				t.Errorf("%s (%v): %s %v %v; want %v %v", tt.cond, passes, name, r, ok, tt.want, wantOK)
			}
		}
	}
}

func TestSpecHolds(t *testing.T) {
	tests := []struct {
		name, src, fn string
		why           string // "" when the hypothesis holds, else a part of the reason
	}{
		{"fib", fib, "fib", ""},
		{"negative result", `def g(n: int) -> int:
    if n < 1:
        return 0
    return g(n - 1) - 5
`, "g", "the value returned"},
		{"tail call argument", `def h(n: int) -> int:
    if n < 1:
        return 0
    return 1 + h(n - 1)
`, "h", ""},
		{"negative tail argument", `def h(n: int) -> int:
    if n > 100:
        return 0
    return 1 + h(n - 3)
`, "h", "the argument of the tail call"},
	}
	for _, tt := range tests {
		rg := analyse(t, tt.src, tt.fn, AllPasses, false)
		if !SpecCandidate(rg.Fn) {
			t.Errorf("%s: not a candidate", tt.name)
			continue
		}
		why := rg.SpecHolds()
		if (tt.why == "") != (why == "") || !strings.Contains(why, tt.why) {
			t.Errorf("%s: SpecHolds = %q, want %q", tt.name, why, tt.why)
		}
	}
}

func TestTailCallsAndGuards(t *testing.T) {
	rg := analyse(t, fib, "fib", AllPasses, false)
	if !rg.UsesTailCalls() {
		t.Error("fib: no tail call found")
	}
	if g, ok := FindGuard(rg.Info, AllPasses, rg.Fn); !ok || g != rg.Fn.Decl.Body[0] {
		t.Errorf("fib: guard %v, %v", g, ok)
	}
	if _, ok := FindGuard(rg.Info, AllPasses&^PassSet(PassLeafGuard), rg.Fn); ok {
		t.Error("a guard found with leafguard off")
	}
	off := analyse(t, fib, "fib", AllPasses&^PassSet(PassTailCall), false)
	if off.UsesTailCalls() {
		t.Error("a tail call found with tailcall off")
	}
	if d := rg.SelfInline(true, rg.Fn.Decl.Body[0].(*ast.If)); d != 3 {
		t.Errorf("fib: %d levels of self-inlining, want 3", d)
	}
	if d := rg.SelfInline(false, nil); d != 0 {
		t.Errorf("no tail loop: %d levels of self-inlining", d)
	}
}

func TestAssignedFacts(t *testing.T) {
	tests := []struct {
		name, src string
		want      Interval
	}{
		{"counter", `def f(n: int) -> int:
    k = 0
    while k < n:
        k = k + 1
    return k
`, Interval{0, math.MaxInt64}},
		{"carried hash", `def f(n: int) -> int:
    h = 0
    for c in range(n):
        h = (h * 31 + c) % 4294967296
    return h
`, Interval{0, 4294967295}},
		{"range loop, then a counter", `def f(n: int) -> int:
    for i in range(n):
        n = n - 1
    i = 0
    while i < n:
        i = i + 1
    return i
`, Interval{0, math.MaxInt64}},
		{"two range loops and a constant", `def f(n: int) -> int:
    for i in range(10, -5, -1):
        n = n - i
    for i in range(3, 2 * 4):
        n = n + i
    i = 20
    return i
`, Interval{-4, 20}},
		{"a halving counter (k > 0 in the loop, so k // 2 >= 0)", `def f(n: int) -> int:
    k = 1000
    while k > 0:
        k //= 2
    return k
`, Interval{0, 1000}},
		{"a remainder after a constant", `def f(n: int) -> int:
    k = 7
    for i in range(n):
        k %= 5
    return k
`, Interval{0, 7}}, // 7 % 5, then any of [2, 7] % 5
		{"a turn counter of a list loop", `def f(xs: list[int]) -> int:
    i = 0
    for x in xs:
        if x > 0:
            continue
        i += 1
    return i
`, Interval{0, 1 << 32}},
		{"a turn counter by 3 from 5, in an if, the loop in a range loop", `def f(xs: list[int]) -> int:
    i = -1
    for k in range(10):
        i = 5
        s = 0
        for x in xs:
            if x > 0:
                i = i + 3
    return i
`, Interval{-1, 5 + 3<<32}},
		{"enumerate's counter", `def f(xs: list[int]) -> int:
    j = 0
    for i, x in enumerate(xs, 7):
        j = i
    return j
`, Interval{0, 7 + 1<<32}},
		{"a turn counter of a str loop", `def f(s: str) -> int:
    n = 0
    for c in s:
        n += 2
    return n
`, Interval{0, 2 << 32}},
		{"an increment in a nested loop", `def f(xs: list[int]) -> int:
    i = 0
    for x in xs:
        for y in xs:
            i += 1
    return i
`, Interval{0, math.MaxInt64}},
		{"two increments", `def f(xs: list[int]) -> int:
    i = 0
    for x in xs:
        i += 1
        i += 1
    return i
`, Interval{0, math.MaxInt64}},
		{"an assignment between the start and the loop", `def f(xs: list[int]) -> int:
    i = 0
    if len(xs) > 3:
        i = 2
    for x in xs:
        i += 1
    return i
`, Interval{0, math.MaxInt64}},
		{"a counter of a range loop (not bounded by turns)", `def f(n: int) -> int:
    i = 0
    for x in range(n):
        i += 1
    return i
`, Interval{0, math.MaxInt64}},
		{"a start from a parameter", `def f(xs: list[int], n: int) -> int:
    i = n
    for x in xs:
        i += 1
    return i
`, FullRange},
		{"a range loop of unknown step", `def f(n: int) -> int:
    for i in range(0, 10, n):
        n = n - 1
    i = 1
    return i
`, FullRange},
		{"a loop over a list", `def f(n: int) -> int:
    xs = [1, n]
    for i in xs:
        pass
    i = 1
    return i
`, FullRange},
	}
	for _, tt := range tests {
		// counters and carried overlap: with both off, nothing is known
		for _, passes := range []PassSet{AllPasses, AllPasses &^ (PassSet(PassCounters) | PassSet(PassCarried))} {
			rg := analyseWith(t, tt.src, "f", passes, false, true)
			body := rg.Fn.Decl.Body
			got := rg.RangeOf(body[len(body)-1].(*ast.Return).Value)
			want := tt.want
			if !passes.Has(PassCounters) {
				want = FullRange
			}
			if got != want {
				t.Errorf("%s (%v): %v, want %v", tt.name, passes, got, want)
			}
		}
	}
}
