//go:build cgo

package wasmgen

import (
	"strings"
	"testing"
)

// Additive tail calls return what the recursion returns, trap where an
// addition overflows, and keep the order of evaluation.
func TestTailCalls(t *testing.T) {
	src := fibSrc + `def count(n: int, step: int) -> int:
    if n <= 0:
        return 0
    return step + count(n - 1, step)
def swap(a: int, b: int) -> int:
    if a <= 0:
        return b
    return 1 + swap(b - 1, a - 1)
def digits(xs: list[int], i: int) -> int:
    if i == len(xs):
        return 0
    return xs[i] + digits(xs, i + 1)
def run(n: int) -> int:
    return digits([1, 2, 3, 4], n)
def nested(n: int) -> int:
    for i in range(n):
        if i == 3:
            return i + nested(n - 1)
    return 100
`
	fib := fibRef
	var swap func(a, b int64) int64
	swap = func(a, b int64) int64 {
		if a <= 0 {
			return b
		}
		return 1 + swap(b-1, a-1)
	}
	var nested func(n int64) int64
	nested = func(n int64) int64 {
		if n > 3 {
			return 3 + nested(n-1)
		}
		return 100
	}
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, src), opt, "fib", "count", "swap", "run", "nested")
		for _, n := range []int64{-3, 0, 1, 2, 10, 25} {
			if got := in.call("fib", n); got.val != fib(max(n, 0))+min(n, 0) {
				t.Errorf("opt=%v fib(%d) = %+v", opt.Passes(), n, got)
			}
		}
		if got := in.call("count", int64(1000), int64(-7)); got.val != int64(-7000) {
			t.Errorf("count(1000, -7) = %+v", got)
		}
		// (2**62) * 2 overflows however the additions associate
		if got := in.call("count", int64(2), int64(1<<62)); got.trap != "overflow" {
			t.Errorf("count(2, 2**62) = %+v, want overflow", got)
		}
		if got := in.call("count", int64(1), int64(1<<62)); got.val != int64(1<<62) {
			t.Errorf("count(1, 2**62) = %+v", got)
		}
		for _, ab := range [][2]int64{{0, 5}, {3, 1}, {7, 9}, {-1, -1}} {
			if got := in.call("swap", ab[0], ab[1]); got.val != swap(ab[0], ab[1]) {
				t.Errorf("swap%v = %+v, want %d", ab, got, swap(ab[0], ab[1]))
			}
		}
		if got := in.call("run", int64(1)); got.val != int64(9) {
			t.Errorf("run(1) = %+v", got)
		}
		if got := in.call("run", int64(5)); got.trap != "index" {
			t.Errorf("run(5) = %+v, want index", got)
		}
		for _, n := range []int64{0, 3, 4, 9} {
			if got := in.call("nested", n); got.val != nested(n) {
				t.Errorf("nested(%d) = %+v, want %d", n, got, nested(n))
			}
		}
	}
	// fib's second call became a jump: one call instruction is left.
	wat := watOf(t, src, Options{Optimize: true})
	body := wat[strings.Index(wat, "(func $fib"):]
	body = body[:strings.Index(body, "\n  )")]
	if n := strings.Count(body, "call $fib"); n != 1 {
		t.Errorf("fib calls itself %d times, want 1:\n%s", n, body)
	}
}
