//go:build cgo

package wasmgen

import (
	"strings"
	"testing"
)

// Versioned loops give Python's results whether or not the test before
// the loop holds: a list shorter than the range raises IndexError at the
// iteration Python would, after the iterations before it ran.
func TestVersionedLoops(t *testing.T) {
	in := compileSrc(t, `def partial(n: int, m: int, step: int) -> int:
    a = [1] * m
    b = [0] * m
    s = 0
    for k in range(0, n, step):
        s = s + a[k] * 10
        b[k] = s
    total = 0
    for x in b:
        total = total + x
    return total * 1000 + s

def shifted(n: int, start: int) -> int:
    a = [3] * n
    s = 0
    for k in range(start, n):
        s = s + a[k]
    return s

def nested(n: int) -> float:
    a = [[1.0] * n] * n
    s = 0.0
    for i in range(n):
        r = a[i]
        for k in range(n + 1):
            s = s + r[k]
    return s
`)
	// partial: Python's result, or "index" when some k in the range is >= m
	partial := func(n, m, step int64) result {
		b := make([]int64, m)
		s := int64(0)
		for k := int64(0); k < n; k += step {
			if k >= m {
				return result{trap: "index"}
			}
			s += 10
			b[k] = s
		}
		total := int64(0)
		for _, x := range b {
			total += x
		}
		return result{val: total*1000 + s}
	}
	for _, n := range []int64{0, 1, 5, 6, 7, 20} {
		for _, m := range []int64{0, 1, 5, 6, 7} {
			for _, step := range []int64{1, 2, 3} {
				want := partial(n, m, step)
				if got := in.call("partial", n, m, step); got != want {
					t.Errorf("partial(%d, %d, %d) = %+v, want %+v", n, m, step, got, want)
				}
			}
		}
	}
	// a negative start indexes from the end, as in Python
	for _, tt := range []struct{ n, start, want int64 }{{5, -2, 3 * 7}, {5, 0, 15}, {5, 3, 6}, {3, -3, 3 * 6}} {
		if got := in.call("shifted", tt.n, tt.start); got.val != tt.want {
			t.Errorf("shifted(%d, %d) = %+v, want %d", tt.n, tt.start, got, tt.want)
		}
	}
	if got := in.call("nested", int64(4)); got.trap != "index" {
		t.Errorf("nested(4) = %+v, want IndexError (k reaches n)", got)
	}
	if got := in.call("nested", int64(0)); got.val != 0.0 {
		t.Errorf("nested(0) = %+v", got)
	}
}

// An innermost range loop over a hoisted list is emitted twice behind one
// test of the lengths when optimizing, and once otherwise.
func TestVersionedOnlyWhenOptimizing(t *testing.T) {
	src := "def f(n: int) -> int:\n    a = [1] * n\n    s = 0\n    for k in range(n):\n        s = s + a[k]\n    return s\n"
	f, info := checkSrc(t, src)
	for _, opt := range []bool{true, false} {
		m, err := Generate(f, info, Options{Optimize: opt})
		if err != nil {
			t.Fatal(err)
		}
		wat := m.WAT()
		body := wat[strings.Index(wat, "(func $f.impl "):] // the body behind the export's arena reset
		if next := strings.Index(body[1:], "(func "); next >= 0 {
			body = body[:next+1]
		}
		if got := strings.Contains(body, "i64.le_s") && strings.Count(body, "loop") == 2; got != opt {
			t.Errorf("optimize=%v: versioned = %v\n%s", opt, got, wat)
		}
	}
}
