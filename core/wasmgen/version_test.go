//go:build cgo

package wasmgen

import (
	"math"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
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
// test of the lengths when optimizing, and once otherwise. Each copy is two
// WebAssembly loops: chunks, and the iterations of a chunk (interrupt.go).
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
		if got := strings.Contains(body, "i64.le_s") && strings.Count(body, "loop") == 4; got != opt {
			t.Errorf("optimize=%v: versioned = %v\n%s", opt, got, wat)
		}
	}
}

// Products of the loop variable kept by addition give the products
// Python computes, on both sides of the 2**31 test, with negative
// factors, starts and steps, continue, and a factor the loop assigns.
func TestLoopProducts(t *testing.T) {
	src := `def prods(n: int, e: int, lo: int) -> int:
    s = 0
    for k in range(lo, n):
        s = s + e * k
    return s

def stepped(n: int, e: int) -> int:
    s = 0
    for k in range(-5, n, 3):
        if k % 2 == 0:
            continue
        s = s + (k * e) % 1000003 + k * k
    return s

def changing(n: int, e: int) -> int:
    s = 0
    for k in range(n):
        s = s + e * k
        e = e + 1
    return s

def two(n: int, a: int, b: int) -> int:
    s = 0
    for i in range(n):
        for j in range(i, n):
            s = s + a * j - j * b + i * j
    return s
`
	prods := func(n, e, lo int64) (int64, bool) {
		s := int64(0)
		for k := lo; k < n; k++ {
			p, ok := plan.Mul64(e, k)
			if !ok {
				return 0, false
			}
			if r := s + p; (s^r)&(p^r) < 0 {
				return 0, false
			} else {
				s = r
			}
		}
		return s, true
	}
	stepped := func(n, e int64) int64 {
		s := int64(0)
		for k := int64(-5); k < n; k += 3 {
			if (k%2+2)%2 == 0 {
				continue
			}
			m := (k * e) % 1000003
			if m < 0 {
				m += 1000003
			}
			s += m + k*k
		}
		return s
	}
	changing := func(n, e int64) int64 {
		s := int64(0)
		for k := int64(0); k < n; k++ {
			s += e * k
			e++
		}
		return s
	}
	two := func(n, a, b int64) int64 {
		s := int64(0)
		for i := int64(0); i < n; i++ {
			for j := i; j < n; j++ {
				s += a*j - j*b + i*j
			}
		}
		return s
	}
	wat := watOf(t, src, Options{Optimize: true})
	if !strings.Contains(wat, "i64.const 2147483648") {
		t.Errorf("no loop is versioned for its products:\n%s", wat)
	}
	for _, opt := range optionSets() {
		in := instantiateSrc(t, src, opt)
		const big = 1 << 31
		for _, c := range [][3]int64{
			{10, 3, 0}, {10, -3, -4}, {5, big, 0}, {5, -big, -3}, {5, big + 1, 2}, {big + 3, 1, big - 2},
			{-big + 2, 7, -big - 1}, {3, 1 << 62, 0}, {3, 1 << 62, 1}, {4, 1 << 62, 2}, {2, -(1 << 62), -1}, {0, 5, 0},
		} {
			want := result{trap: "overflow"}
			if v, ok := prods(c[0], c[1], c[2]); ok {
				want = result{val: v}
			}
			if got := in.call("prods", c[0], c[1], c[2]); got != want {
				t.Errorf("opt=%v prods%v = %+v, want %+v", opt.Passes(), c, got, want)
			}
		}
		for _, c := range [][2]int64{{20, 7}, {20, -7}, {9, big}, {9, -big}, {9, big + 5}, {0, 1}} {
			if got := in.call("stepped", c[0], c[1]); got.val != stepped(c[0], c[1]) {
				t.Errorf("opt=%v stepped%v = %+v, want %d", opt.Passes(), c, got, stepped(c[0], c[1]))
			}
			if got := in.call("changing", c[0], c[1]); got.val != changing(c[0], c[1]) {
				t.Errorf("opt=%v changing%v = %+v, want %d", opt.Passes(), c, got, changing(c[0], c[1]))
			}
		}
		for _, c := range [][3]int64{{12, 5, -9}, {7, big, big}, {7, -big, 3}} {
			if got := in.call("two", c[0], c[1], c[2]); got.val != two(c[0], c[1], c[2]) {
				t.Errorf("opt=%v two%v = %+v, want %d", opt.Passes(), c, got, two(c[0], c[1], c[2]))
			}
		}
	}
}

// Accesses L[k][j] whose bounds the cached row lengths prove give
// Python's results, and raise IndexError at Python's iteration, with
// ragged rows, negative and large j, loops that start beyond the rows
// scanned, breaks, and rows that the loop replaces.
func TestRowAccesses(t *testing.T) {
	src := `def ragged(n: int, j: int, lo: int) -> int:
    rows = []
    for i in range(n):
        rows.append([i] * (i % 4 + 2))
    s = 0
    for t in range(3):
        for k in range(lo % 7, n):
            s = s + rows[k][j] * (t + 1)
    return s

def broken(n: int, j: int) -> int:
    rows = [[1, 2, 3]] * n
    s = 0
    for t in range(2):
        for k in range(n):
            if k == 5:
                break
            s = s + rows[k][j]
    return s

def replaced(n: int, j: int) -> int:
    rows = [[1, 2, 3], [4, 5]] * n
    s = 0
    for t in range(2):
        for k in range(len(rows)):
            s = s + rows[k][j]
        rows[0] = [7]
    return s
`
	ragged := func(n, j, lo int64) (int64, bool) {
		s := int64(0)
		for t := int64(0); t < 3; t++ {
			for k := (lo%7 + 7) % 7; k < n; k++ {
				size := k%4 + 2
				jj := j
				if jj < 0 {
					jj += size
				}
				if jj < 0 || jj >= size {
					return 0, false
				}
				s += k * (t + 1)
			}
		}
		return s, true
	}
	wat := watOf(t, src, Options{Optimize: true})
	if n := strings.Count(wat, "i64.lt_u"); n == 0 {
		t.Errorf("no row access is proved in bounds:\n%s", wat)
	}
	for _, opt := range optionSets() {
		in := instantiateSrc(t, src, opt)
		for _, c := range [][3]int64{{10, 0, 0}, {10, 1, 0}, {10, 2, 0}, {10, 2, 3}, {10, 2, 5}, {1, 2, 0}, {10, -1, 0}, {10, -2, 2}, {10, -3, 0}, {10, 5, 0}, {0, 9, 0}, {10, 0, 12}, {6, 0, -1}, {3, 1, 6}} {
			want := result{trap: "index"}
			if v, ok := ragged(c[0], c[1], c[2]); ok {
				want = result{val: v}
			}
			if got := in.call("ragged", c[0], c[1], c[2]); got != want {
				t.Errorf("opt=%v ragged%v = %+v, want %+v", opt.Passes(), c, got, want)
			}
		}
		for _, c := range []struct {
			n, j int64
			want result
		}{
			{3, 1, result{val: int64(12)}}, {9, 2, result{val: int64(30)}}, {9, 3, result{trap: "index"}}, {0, 3, result{val: int64(0)}},
		} {
			if got := in.call("broken", c.n, c.j); got != c.want {
				t.Errorf("opt=%v broken(%d, %d) = %+v, want %+v", opt.Passes(), c.n, c.j, got, c.want)
			}
		}
		for _, c := range []struct {
			n, j int64
			want result
		}{
			{2, 0, result{val: int64(1 + 4 + 1 + 4 + 7 + 4 + 1 + 4)}}, {2, 1, result{trap: "index"}}, {1, -1, result{val: int64(3 + 5 + 7 + 5)}},
		} {
			if got := in.call("replaced", c.n, c.j); got != c.want {
				t.Errorf("opt=%v replaced(%d, %d) = %+v, want %+v", opt.Passes(), c.n, c.j, got, c.want)
			}
		}
	}
}

// Accumulators that change by bounded additions give Python's sums and
// overflow exactly where Python's would leave i64, on either side of the
// 2**61 entry test.
func TestLoopAccumulators(t *testing.T) {
	src := `def acc(n: int, s0: int) -> int:
    s = s0
    for k in range(n):
        s = s + k % 5
        if k % 3 == 0:
            s -= 2
        s += k > 4
    return s

def selfref(n: int, s0: int) -> int:
    s = s0
    for k in range(n):
        s = s + s % 3
    return s

def wide(n: int, s0: int) -> int:
    s = s0
    for k in range(n):
        s = 7 + s
        s = s + k * 1000000000000
    return s
`
	type op func(s, k int64) (int64, bool)
	add := func(s, d int64) (int64, bool) {
		r := s + d
		return r, (s^r)&(d^r) >= 0
	}
	run := func(n, s0 int64, steps ...op) result {
		s := s0
		for k := int64(0); k < n; k++ {
			for _, f := range steps {
				var ok bool
				if s, ok = f(s, k); !ok {
					return result{trap: "overflow"}
				}
			}
		}
		return result{val: s}
	}
	accRef := func(n, s0 int64) result {
		return run(n, s0,
			func(s, k int64) (int64, bool) { return add(s, k%5) },
			func(s, k int64) (int64, bool) {
				if k%3 == 0 {
					return add(s, -2)
				}
				return s, true
			},
			func(s, k int64) (int64, bool) {
				if k > 4 {
					return add(s, 1)
				}
				return s, true
			})
	}
	selfRef := func(n, s0 int64) result {
		return run(n, s0, func(s, k int64) (int64, bool) { return add(s, ((s%3)+3)%3) })
	}
	wideRef := func(n, s0 int64) result {
		return run(n, s0,
			func(s, k int64) (int64, bool) { return add(s, 7) },
			func(s, k int64) (int64, bool) { return add(s, k*1000000000000) })
	}
	wat := watOf(t, src, Options{Optimize: true})
	for name, want := range map[string]bool{"acc": true, "selfref": false, "wide": false} {
		b := funcWAT(wat, name)
		if got := strings.Contains(b, "i64.const 2305843009213693952"); got != want {
			t.Errorf("%s is versioned for its accumulators: %v, want %v:\n%s", name, got, want, b)
		}
	}
	const maxI, minI = math.MaxInt64, math.MinInt64
	for _, opt := range optionSets() {
		in := instantiateSrc(t, src, opt)
		for _, c := range [][2]int64{
			{10, 0}, {30, -5}, {10, maxI - 3}, {10, maxI - 100}, {10, minI + 3}, {10, 1 << 61}, {10, 1<<61 + 1},
			{10, -(1 << 61)}, {10, -(1 << 61) - 1}, {0, maxI}, {3, minI}, {1 << 31, 0}, {-4, 9},
		} {
			if c[0] == 1<<31 {
				c[0] = 2000 // keeps the Go reference quick; the entry test is what matters
			}
			if got, want := in.call("acc", c[0], c[1]), accRef(c[0], c[1]); got != want {
				t.Errorf("opt=%v acc%v = %+v, want %+v", opt.Passes(), c, got, want)
			}
			if got, want := in.call("selfref", c[0], c[1]), selfRef(c[0], c[1]); got != want {
				t.Errorf("opt=%v selfref%v = %+v, want %+v", opt.Passes(), c, got, want)
			}
			if got, want := in.call("wide", c[0], c[1]), wideRef(c[0], c[1]); got != want {
				t.Errorf("opt=%v wide%v = %+v, want %+v", opt.Passes(), c, got, want)
			}
		}
	}
}
