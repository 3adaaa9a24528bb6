//go:build cgo

package wasmgen

import (
	"math"
	"strings"
	"testing"
)

// factsSrc has the shapes of condition facts and assignment intervals:
// k + 1 after k < n (cannot overflow) and after k <= n (can), facts of
// an if and of its else, and an accumulator that does overflow.
const factsSrc = `
def upto(k: int, n: int) -> int:
    c = 0
    while k <= n:
        k = k + 1
        c = c + 1
        if c > 5:
            break
    return k

def below(k: int, n: int) -> int:
    while k < n and k != 0:
        k += 1
    return k

def inc(k: int, n: int) -> int:
    if k < n:
        return k + 1
    return k - 1

def dec(k: int, n: int) -> int:
    if not k <= n:
        k = k - 1
        return k - 1
    return 0

def climb(s: int) -> int:
    t = 9223372036854775805
    c = 0
    while c < s:
        t = t + 1
        c = c + 1
    return t

def twice(x: float, y: float) -> float:
    a = x * y
    x = x + 1.0
    b = x * y
    return a + b

def cnt(n: int, m: int) -> int:
    k = 0
    s = 0
    while k < n and k * k < m:
        s = s + k * k + k * k
        k = k + 1
        s = s - k * k
    return s + k
`

// CPython's results (an "overflow" trap where Python's int leaves i64:
// the runtime then re-runs the call in Python), under every option set.
func TestFactsExec(t *testing.T) {
	const maxI, minI = math.MaxInt64, math.MinInt64
	cases := []struct {
		name string
		args []any
		want any // "overflow" for a trap
	}{
		{"upto", []any{int64(maxI - 3), int64(maxI - 1)}, int64(maxI)},
		{"upto", []any{int64(maxI - 1), int64(maxI)}, "overflow"},
		{"upto", []any{int64(0), int64(2)}, int64(3)},
		{"below", []any{int64(maxI - 1), int64(maxI)}, int64(maxI)},
		{"below", []any{int64(minI), int64(minI + 3)}, int64(minI + 3)},
		{"below", []any{int64(-3), int64(maxI)}, int64(0)},
		{"inc", []any{int64(maxI - 1), int64(maxI)}, int64(maxI)},
		{"inc", []any{int64(maxI), int64(maxI)}, int64(maxI - 1)},
		{"inc", []any{int64(minI), int64(minI)}, "overflow"},
		{"dec", []any{int64(minI + 1), int64(minI)}, "overflow"},
		{"dec", []any{int64(minI + 2), int64(minI)}, int64(minI)},
		{"dec", []any{int64(5), int64(5)}, int64(0)},
		{"climb", []any{int64(2)}, int64(maxI)},
		{"climb", []any{int64(3)}, "overflow"},
		{"twice", []any{2.0, 3.0}, 15.0},
		{"cnt", []any{int64(10), int64(30)}, int64(25)},
	}
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, factsSrc), opt, "upto", "below", "inc", "dec", "climb", "twice", "cnt")
		for _, c := range cases {
			got := in.call(c.name, c.args...)
			if s, trap := c.want.(string); trap {
				if got.trap != s {
					t.Errorf("%v: %s%v = %+v, want %s", opt.Passes(), c.name, c.args, got, s)
				}
			} else if got.trap != "" || got.val != c.want {
				t.Errorf("%v: %s%v = %+v, want %v", opt.Passes(), c.name, c.args, got, c.want)
			}
		}
	}
}

// In the kernel, k + 1 has no overflow check (k < limit was just tested)
// and total + k one sign test (both are >= 0); each pass off brings its
// check back.
func TestFactsWAT(t *testing.T) {
	const maxMinus1 = "9223372036854775806" // the bound of the check of k + 1
	on := funcWAT(watOf(t, mandelSrc, Options{Optimize: true}), "mandel")
	if strings.Contains(on, maxMinus1) || strings.Contains(on, "i64.xor") {
		t.Errorf("checks left:\n%s", on)
	}
	off := funcWAT(watOf(t, mandelSrc, Options{Optimize: true, Disable: PassSet(PassCondFacts)}), "mandel")
	if !strings.Contains(off, maxMinus1) {
		t.Errorf("without condfacts, k + 1 should be checked:\n%s", off)
	}
	off = funcWAT(watOf(t, mandelSrc, Options{Optimize: true, Disable: PassSet(PassCounters)}), "mandel")
	if !strings.Contains(off, "i64.xor") {
		t.Errorf("without counters, total + k should have the general check:\n%s", off)
	}
	// upto: after k <= n, k + 1 keeps its check
	if b := funcWAT(watOf(t, factsSrc, Options{Optimize: true}), "upto"); !strings.Contains(b, maxMinus1) {
		t.Errorf("upto: k + 1 after k <= n lost its check:\n%s", b)
	}
}

// The kernel's products of the condition are reused by the body; x * y
// after x is assigned is computed again.
func TestCSEWAT(t *testing.T) {
	// (whilerange off: with it, the unroll pass writes the turn twice)
	on := funcWAT(watOf(t, mandelSrc, Options{Optimize: true, Disable: PassSet(PassWhileRange)}), "mandel")
	if strings.Count(on, "local.tee $cse.") != 2 || strings.Count(on, "local.get $cse.") != 2 {
		t.Errorf("zx * zx and zy * zy are not reused:\n%s", on)
	}
	off := funcWAT(watOf(t, mandelSrc, Options{Optimize: true, Disable: PassSet(PassCSE)}), "mandel")
	if strings.Contains(off, "$cse.") {
		t.Errorf("cse off, yet:\n%s", off)
	}
	if b := funcWAT(watOf(t, factsSrc, Options{Optimize: true}), "twice"); strings.Contains(b, "$cse.") {
		t.Errorf("twice: x * y reused across x = x + 1.0:\n%s", b)
	}
}
