//go:build cgo

package wasmgen

import (
	"math"
	"testing"
)

// The checks that range facts remove are removed only where they cannot
// fire, and kept where they can: each function below runs a loop near a
// limit and must return Python's answer or trap as Python's int would
// overflow.
func TestRangeFacts(t *testing.T) {
	src := `def nearmax(n: int) -> int:
    s = 0
    for i in range(9223372036854775800, 9223372036854775807):
        s = s + ((i + 1) - 9223372036854775800)
    return s
def overmax(n: int) -> int:
    s = 0
    for i in range(9223372036854775800, 9223372036854775807):
        s = s + ((i + n) - 9223372036854775800)
    return s
def nearmin(n: int) -> int:
    s = 0
    for i in range(-9223372036854775800, -9223372036854775807, -1):
        s = s + ((i - 1) + 9223372036854775800)
    return s
def divs(n: int) -> int:
    s = 0
    for i in range(-5, n):
        s = s + n // (i + 6) + n % (i + 6) + i // 3 + i % 3 + (i * i) // (i + 6) + (i * n) % 7
    return s
def idx(n: int) -> int:
    a = [10, 20, 30, 40]
    s = 0
    for i in range(-4, n):
        s = s + a[i]
    for j in range(n):
        a[j] += j
    return s + a[0] + a[3]
def steps(n: int) -> int:
    s = 0
    for i in range(2, n):
        for j in range(i * i, n, i):
            s = s + j
    for k in range(n, 9223372036854775807, 4611686018427387904):
        s = s + 1
    return s
`
	pyDivs := func(n int64) int64 {
		fd := func(a, b int64) int64 {
			q := a / b
			if a%b != 0 && (a < 0) != (b < 0) {
				q--
			}
			return q
		}
		md := func(a, b int64) int64 { return a - fd(a, b)*b }
		s := int64(0)
		for i := int64(-5); i < n; i++ {
			s += fd(n, i+6) + md(n, i+6) + fd(i, 3) + md(i, 3) + fd(i*i, i+6) + md(i*n, 7)
		}
		return s
	}
	pySteps := func(n int64) int64 {
		s := int64(0)
		for i := int64(2); i < n; i++ {
			for j := i * i; j < n; j += i {
				s += j
			}
		}
		for k := n; k < math.MaxInt64; k += 1 << 62 {
			s++
			if k > math.MaxInt64-(1<<62) {
				break
			}
		}
		return s
	}
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, src), opt, "nearmax", "overmax", "nearmin", "divs", "idx", "steps")
		if got := in.call("nearmax", int64(0)); got.val != int64(1+2+3+4+5+6+7) {
			t.Errorf("nearmax = %+v", got)
		}
		if got := in.call("overmax", int64(1)); got.val != int64(1+2+3+4+5+6+7) {
			t.Errorf("overmax(1) = %+v", got)
		}
		if got := in.call("overmax", int64(2)); got.trap != "overflow" {
			t.Errorf("overmax(2) = %+v, want overflow", got)
		}
		if got := in.call("nearmin", int64(0)); got.val != int64(-(1 + 2 + 3 + 4 + 5 + 6 + 7)) {
			t.Errorf("nearmin = %+v", got)
		}
		for _, n := range []int64{-7, 0, 1, 5, 17, 100} {
			if got := in.call("divs", n); got.val != pyDivs(n) {
				t.Errorf("divs(%d) = %+v, want %d", n, got, pyDivs(n))
			}
			if got := in.call("steps", n); got.val != pySteps(n) {
				t.Errorf("steps(%d) = %+v, want %d", n, got, pySteps(n))
			}
		}
		if got := in.call("divs", int64(-6)); got.val != int64(0) {
			t.Errorf("divs(-6) = %+v", got)
		}
		if got := in.call("idx", int64(4)); got.val != int64(100+100+10+43) {
			t.Errorf("idx(4) = %+v", got)
		}
		if got := in.call("idx", int64(5)); got.trap != "index" {
			t.Errorf("idx(5) = %+v, want index", got)
		}
	}
}

// The one-comparison overflow tests (an operand of known sign, a product
// of non-negative operands, a range advance by a step of known sign) trap
// exactly at the limit.
func TestSignedChecks(t *testing.T) {
	src := `def accum(n: int) -> int:
    s = n
    for i in range(10):
        s = s + i % 7
    return s
def accuml(n: int) -> int:
    s = n
    for i in range(10):
        s = i + s
    return s
def drain(n: int) -> int:
    s = n
    for i in range(10):
        s = s - i
    return s
def negs(n: int) -> int:
    s = n
    for i in range(10):
        s = s + -i
    return s
def subneg(n: int) -> int:
    s = n
    for i in range(10):
        s = s - -i
    return s
def square(n: int) -> int:
    s = 0
    for i in range(3037000499, n):
        s = i * i
    return s
def wide(n: int) -> int:
    s = 0
    for i in range(1099511627776, 1099511627777):
        for j in range(0, n):
            s = j * i
    return s
def stride(n: int) -> int:
    s = 0
    for i in range(1, 3):
        for j in range(9223372036854775800, 9223372036854775807, n * i):
            s = s + 1
    return s
`
	const max, min = math.MaxInt64, math.MinInt64
	cases := []struct {
		fn   string
		arg  int64
		want any // an int64 or a trap name
	}{
		{"accum", max - 24, int64(max)},
		{"accum", max - 23, "overflow"},
		{"accum", min, int64(min + 24)},
		{"accuml", max - 45, int64(max)},
		{"accuml", max - 44, "overflow"},
		{"drain", min + 45, int64(min)},
		{"drain", min + 44, "overflow"},
		{"drain", max, int64(max - 45)},
		{"negs", min + 45, int64(min)},
		{"negs", min + 44, "overflow"},
		{"subneg", max - 45, int64(max)},
		{"subneg", max - 44, "overflow"},
		{"square", 3037000500, int64(3037000499 * 3037000499)},
		{"square", 3037000501, "overflow"},
		{"wide", 1 << 23, int64((1<<23 - 1) << 40)},
		{"wide", 1<<23 + 1, "overflow"},
		{"wide", 1, int64(0)},
		{"stride", 3, int64(3 + 2)},
		{"stride", 1 << 61, int64(2)},
	}
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, src), opt, "accum", "accuml", "drain", "negs", "subneg", "square", "wide", "stride")
		for _, c := range cases {
			got := in.call(c.fn, c.arg)
			if tr, ok := c.want.(string); ok {
				if got.trap != tr {
					t.Errorf("opt=%v %s(%d) = %+v, want %s", opt.Passes(), c.fn, c.arg, got, tr)
				}
			} else if got.trap != "" || got.val != c.want {
				t.Errorf("opt=%v %s(%d) = %+v, want %d", opt.Passes(), c.fn, c.arg, got, c.want)
			}
		}
	}
}
