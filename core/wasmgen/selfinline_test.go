//go:build cgo

package wasmgen

import (
	"fmt"
	"strings"
	"testing"
)

// Copies of a function in place of its calls return what the calls
// return, trap where they trap, and nest as deep as inlineDepth says.
func TestSelfInline(t *testing.T) {
	src := fibSrc + `def trib(n: int) -> int:
    if n < 3:
        return n
    return trib(n - 1) + trib(n - 2) + trib(n - 3)
def twice(n: int, s: int) -> int:
    if n <= 0:
        return s
    return twice(n - 1, s) + twice(n - 2, s)
def scaled(n: int, w: float, neg: bool) -> int:
    if n < 1:
        return 1
    return scaled(n - 1, w * 2.0, not neg) + scaled(n - 3, w, neg)
def shaped(n: int) -> int:
    if n < 2:
        return n
    if n == 10:
        return 55
    return shaped(n - 1) + shaped(n - 2)
def withlocal(n: int) -> int:
    if n < 2:
        return n
    k = n - 1
    return withlocal(k) + withlocal(n - 2)
`
	var trib, twice, scaled func(n int64) int64
	trib = func(n int64) int64 {
		if n < 3 {
			return n
		}
		return trib(n-1) + trib(n-2) + trib(n-3)
	}
	twice = func(n int64) int64 { // twice(n, 1)
		if n <= 0 {
			return 1
		}
		return twice(n-1) + twice(n-2)
	}
	scaled = func(n int64) int64 {
		if n < 1 {
			return 1
		}
		return scaled(n-1) + scaled(n-3)
	}
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, src), opt, "fib", "trib", "twice", "scaled", "shaped", "withlocal")
		for _, n := range []int64{-5, 0, 1, 2, 3, 4, 5, 6, 7, 12, 22} {
			if got := in.call("fib", n); got.val != fibRef(n) {
				t.Errorf("opt=%v fib(%d) = %+v, want %d", opt.Passes(), n, got, fibRef(n))
			}
			if got := in.call("shaped", n); got.val != fibRef(n) {
				t.Errorf("opt=%v shaped(%d) = %+v, want %d", opt.Passes(), n, got, fibRef(n))
			}
			if got := in.call("withlocal", n); got.val != fibRef(n) {
				t.Errorf("opt=%v withlocal(%d) = %+v, want %d", opt.Passes(), n, got, fibRef(n))
			}
			if got := in.call("trib", n); got.val != trib(n) {
				t.Errorf("opt=%v trib(%d) = %+v, want %d", opt.Passes(), n, got, trib(n))
			}
			if got := in.call("twice", n, int64(1)); got.val != twice(n) {
				t.Errorf("opt=%v twice(%d, 1) = %+v, want %d", opt.Passes(), n, got, twice(n))
			}
			if got := in.call("scaled", n, 0.5, int32(1)); got.val != scaled(n) {
				t.Errorf("opt=%v scaled(%d) = %+v, want %d", opt.Passes(), n, got, scaled(n))
			}
		}
		// twice(6, s) adds s 21 times: 21 * 2**59 overflows, 5 * 2**59
		// (twice(3, s)) does not; 8 * -2**60 is exactly the smallest int
		if got := in.call("twice", int64(6), int64(1<<59)); got.trap != "overflow" {
			t.Errorf("opt=%v twice(6, 2**59) = %+v, want overflow", opt.Passes(), got)
		}
		if got := in.call("twice", int64(3), int64(1<<59)); got.val != int64(5*(1<<59)) {
			t.Errorf("opt=%v twice(3, 2**59) = %+v", opt.Passes(), got)
		}
		if got := in.call("twice", int64(4), int64(-1<<60)); got.val != int64(8*(-1<<60)) {
			t.Errorf("opt=%v twice(4, -2**60) = %+v", opt.Passes(), got)
		}
	}
	wat := watOf(t, src, Options{Optimize: true})
	body := func(name string) string {
		b := wat[strings.Index(wat, "(func $"+name+" "):]
		return b[:strings.Index(b, "\n  )")]
	}
	for _, c := range []struct {
		fn         string
		copies     int // nested levels
		selfCallsN int // call instructions of itself left
		polls      int // interruption checks: the entry's, and each copy's unless CopiesPoll drops them
	}{
		{"fib.nonneg", 3, 1, 1},
		{"trib.nonneg", 1, 4, 1}, // two copies of one level, each with two calls
		{"twice", 3, 1, 1},
		{"shaped.nonneg", 3, 1, 4}, // not the shape CopiesPoll proves: each copy polls
		{"withlocal", 0, 1, 2},     // the entry, and a pass whose call the guard answers
	} {
		b := body(c.fn)
		for level := 1; level <= 4; level++ {
			has := strings.Contains(b, fmt.Sprintf(".copy%d ", level))
			if has != (level <= c.copies) {
				t.Errorf("%s: copy of level %d present = %v, want %d levels:\n%s", c.fn, level, has, c.copies, b)
			}
		}
		if n := strings.Count(b, "call $"+c.fn+"\n"); n != c.selfCallsN {
			t.Errorf("%s calls itself %d times, want %d", c.fn, n, c.selfCallsN)
		}
		// each copy polls for interruption as the call it replaces did,
		// unless the function has the shape of plan.CopiesPoll
		if n := strings.Count(b, "i32.atomic.load"); n != c.polls {
			t.Errorf("%s polls %d times, want %d", c.fn, n, c.polls)
		}
	}
}
