//go:build cgo

package wasmgen

import (
	"strings"
	"testing"
)

// specSrc holds functions whose non-negative specializations hold
// (fib, tri, walk; sum3, whose local t the counters pass knows to be
// >= 0) or fail (drop3: t is only known to be <= 0; down, shift,
// negbase, reassign).
const specSrc = fibSrc + `
def tri(n: int, s: int) -> int:
    if n <= 0:
        return 0
    return s + tri(n - 1, s)

def walk(xs: list[int], i: int) -> int:
    if i >= len(xs):
        return 0
    return walk(xs, i + 1) + 1

def sum3(n: int) -> int:
    t = 0
    for i in range(n):
        t = t + i
    if n < 1:
        return t
    return t + sum3(n - 1)

def drop3(n: int) -> int:
    t = 0
    for i in range(n):
        t = t - i
    if n < 1:
        return t
    return t + drop3(n - 1)

def down(n: int) -> int:
    if n <= 0:
        return 0
    return down(n - 1) - 1

def shift(n: int) -> int:
    if n < 1:
        return 0
    return 1 + shift(n - 3)

def negbase(n: int) -> int:
    if n < 1:
        return n - 5
    return negbase(n - 1) + 1

def reassign(n: int) -> int:
    if n < 1:
        return 0
    n = n - 1
    return reassign(n) + 1

def fibs(n: int) -> int:
    return fib(n) + fib(n - 10)

def walks(n: int) -> int:
    return walk([1, 2, 3, n], len([n]))
`

// Which functions get a copy, and where calls go.
func TestSpecPlan(t *testing.T) {
	wat := watOf(t, specSrc, Options{Optimize: true})
	for name, want := range map[string]bool{
		"fib": true, "tri": true, "walk": true, "sum3": true, "drop3": false,
		"down": false, "shift": false, "negbase": false, "reassign": false,
		"fibs": false, "walks": false,
	} {
		if got := strings.Contains(wat, "(func $"+name+specSuffix+" "); got != want {
			t.Errorf("%s has a specialization: %v, want %v", name, got, want)
		}
	}
	body := func(name string) string { return funcWAT(wat, name) }
	// fib(n - 10) may have a negative argument; fib(n) too: both generic.
	if b := body("fibs"); strings.Contains(b, "call $fib.nonneg") {
		t.Errorf("fibs calls the specialization with arguments that may be negative:\n%s", b)
	}
	// len([n]) is >= 0: the call goes to the specialization.
	if b := body("walks"); !strings.Contains(b, "call $walk.nonneg") {
		t.Errorf("walks does not call the specialization:\n%s", b)
	}
	// Without optimization there are no copies.
	if wat := watOf(t, specSrc, Options{}); strings.Contains(wat, specSuffix) {
		t.Errorf("unoptimized module has specializations")
	}
}

// The specialized functions compute what the generic ones compute, on
// both sides of zero, and trap where the sums overflow.
func TestSpecResults(t *testing.T) {
	fib := fibRef
	var sum3 func(n int64) int64
	sum3 = func(n int64) int64 {
		t := int64(0)
		for i := int64(0); i < n; i++ {
			t += i
		}
		if n < 1 {
			return t
		}
		return t + sum3(n-1)
	}
	for _, opt := range optionSets() {
		in := instantiateSrc(t, specSrc, opt)
		for _, n := range []int64{-5, -1, 0, 1, 2, 3, 20} {
			if got := in.call("fib", n); got.val != fib(n) {
				t.Errorf("opt=%v fib(%d) = %+v, want %d", opt.Passes(), n, got, fib(n))
			}
			if got := in.call("sum3", n); got.val != sum3(n) {
				t.Errorf("opt=%v sum3(%d) = %+v, want %d", opt.Passes(), n, got, sum3(n))
			}
			if got, want := in.call("down", n), -max(n, 0); got.val != want {
				t.Errorf("opt=%v down(%d) = %+v, want %d", opt.Passes(), n, got, want)
			}
		}
		if got := in.call("fibs", int64(15)); got.val != fib(15)+fib(5) {
			t.Errorf("opt=%v fibs(15) = %+v", opt.Passes(), got)
		}
		if got := in.call("fibs", int64(3)); got.val != fib(3)+fib(-7) {
			t.Errorf("opt=%v fibs(3) = %+v", opt.Passes(), got)
		}
		if got := in.call("walks", int64(9)); got.val != int64(3) {
			t.Errorf("opt=%v walks(9) = %+v", opt.Passes(), got)
		}
		tests := []struct {
			n, s int64
			want result
		}{
			{3, 7, result{val: int64(21)}},
			{3, -7, result{val: int64(-21)}},
			{1, 1 << 62, result{val: int64(1 << 62)}},
			{2, 1 << 62, result{trap: "overflow"}},
			{3, 1 << 62, result{trap: "overflow"}},
			{2, -(1 << 62), result{val: int64(-(1 << 63))}},
			{3, -(1 << 62), result{trap: "overflow"}},
			{-4, 1 << 62, result{val: int64(0)}},
		}
		for _, tt := range tests {
			if got := in.call("tri", tt.n, tt.s); got != tt.want {
				t.Errorf("opt=%v tri(%d, %d) = %+v, want %+v", opt.Passes(), tt.n, tt.s, got, tt.want)
			}
		}
	}
}
