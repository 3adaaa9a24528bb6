//go:build cgo

package wasmgen

import (
	"math"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// leafSrc has recursive functions with simple leading guards, and callers
// whose own names collide with the callees' parameters.
const leafSrc = fibSrc + `
def jump(n: int) -> int:
    if n < 5:
        return 100
    return 1 + jump(n - 10)

def big(n: int) -> int:
    if n < 1:
        return n * 4611686018427387904
    return big(n - 1) + 1

def half(x: float, k: int) -> float:
    if k <= 0 or x > 100.0:
        return x * 2.0
    return half(x + 1.5, k - 1)

def named(k: int) -> int:
    n = "ab" * k
    n = n + "y"
    return fib(len(n)) + len(n)

def neg(n: int) -> int:
    return fib(n - 3) + big(n)
`

func TestLeafGuards(t *testing.T) {
	wat := watOf(t, leafSrc, Options{Optimize: true})
	body := func(name string) string { return funcWAT(wat, name) }
	// the guard of fib is evaluated at the call: a call in an if
	if b := body("neg"); !strings.Contains(b, "if (result i64)") {
		t.Errorf("neg does not inline fib's guard:\n%s", b)
	}
	// jump's tail loop is tested at its bottom
	if b := body("jump"); !strings.Contains(b, "i32.eqz") {
		t.Errorf("jump's loop is not rotated:\n%s", b)
	}
	fib := fibRef
	jump := func(n int64) int64 {
		c := int64(0)
		for ; n >= 5; n -= 10 {
			c++
		}
		return c + 100
	}
	big := func(n int64) result {
		if n < 1 {
			if p, ok := plan.Mul64(n, 1<<62); ok {
				return result{val: p}
			}
			return result{trap: "overflow"}
		}
		return result{val: n} // big(0) + n
	}
	half := func(x float64, k int64) float64 {
		for k > 0 && !(x > 100) {
			x += 1.5
			k--
		}
		return x * 2
	}
	for _, opt := range optionSets() {
		in := instantiateSrc(t, leafSrc, opt)
		for _, n := range []int64{-9, -1, 0, 1, 2, 3, 4, 5, 6, 14, 15, 16, 25, 26, 27} {
			if got := in.call("fib", n); got.val != fib(n) {
				t.Errorf("opt=%v fib(%d) = %+v, want %d", opt.Passes(), n, got, fib(n))
			}
			if got := in.call("jump", n); got.val != jump(n) {
				t.Errorf("opt=%v jump(%d) = %+v, want %d", opt.Passes(), n, got, jump(n))
			}
			if got := in.call("big", n); got != big(n) {
				t.Errorf("opt=%v big(%d) = %+v, want %+v", opt.Passes(), n, got, big(n))
			}
			want := big(n)
			if want.trap == "" {
				want = result{val: fib(n-3) + want.val.(int64)}
			}
			if got := in.call("neg", n); got != want {
				t.Errorf("opt=%v neg(%d) = %+v, want %+v", opt.Passes(), n, got, want)
			}
		}
		for k, want := range map[int64]int64{0: 2, 3: 20, 5: 89 + 11} {
			if got := in.call("named", k); got.val != want {
				t.Errorf("opt=%v named(%d) = %+v, want %d", opt.Passes(), k, got, want)
			}
		}
		if got := in.call("big", int64(math.MinInt64)); got.trap != "overflow" {
			t.Errorf("opt=%v big(MIN) = %+v, want overflow", opt.Passes(), got)
		}
		for _, c := range []struct {
			x float64
			k int64
		}{{0, 3}, {-1, 0}, {99, 5}, {math.Inf(-1), 2}, {math.NaN(), 4}, {1e308, 1}} {
			got := in.call("half", c.x, c.k)
			want := half(c.x, c.k)
			if g, ok := got.val.(float64); !ok || !(g == want || math.IsNaN(g) && math.IsNaN(want)) {
				t.Errorf("opt=%v half(%v, %d) = %+v, want %v", opt.Passes(), c.x, c.k, got, want)
			}
		}
	}
}
