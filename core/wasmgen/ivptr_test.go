//go:build cgo

package wasmgen

import (
	"math"
	"strings"
	"testing"
)

// ptrLoopSrc holds the loops the pointer tests run: the sieve (a bool
// list, a step of unknown value), stores through two pointers of one
// width (fill), a float product of two lists (dot, one pointer and a
// delta), two widths in one loop with a continue (mixed), and a body
// that builds a list (heavy: an interrupt check per turn); short runs at
// most 1024 turns and checks nothing.
const ptrLoopSrc = `def sieve(n: int) -> int:
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count

def fill(n: int, m: int, start: int, step: int) -> int:
    xs = [1] * m
    ys = [0] * m
    for k in range(start % 5, n, step % 4611686018427387904 + 1):
        ys[k] = xs[k] + 2
    return sum(ys) * 1000 + len(ys)

def fill3(n: int, m: int) -> int:
    xs = [1] * m
    ys = [0] * m
    for k in range(1, n, 3):
        ys[k] = xs[k] + 5
    return sum(ys)

def dot(n: int, m: int) -> float:
    xs = [0.5] * m
    ys = [0.25] * (m + 1)
    for i in range(m):
        xs[i] = float(i) / 8
        ys[i] = float(m - i) / 4
    s = 0.0
    for k in range(n):
        s = s + xs[k] * ys[k]
    return s

def mixed(n: int, m: int) -> int:
    flags = [False] * m
    xs = [3] * m
    ys = [0] * m
    for i in range(m):
        flags[i] = i % 3 == 0
        xs[i] = i * 7
    for k in range(n):
        if flags[k]:
            continue
        ys[k] = xs[k]
    return sum(ys)

def short(m: int) -> int:
    xs = [4] * m
    ys = [0] * m
    for k in range(2, 6):
        ys[k] = xs[k]
    return sum(ys)

def heavy(n: int, m: int) -> int:
    xs = [2] * m
    ys = [0] * m
    for k in range(n):
        ys[k] = len([xs[k]] * 3)
    return sum(ys)
`

// The loops of ptrLoopSrc run on pointers, and on their counters without
// the pass.
func TestPointerLoopShape(t *testing.T) {
	on := watOf(t, ptrLoopSrc, Options{Optimize: true})
	off := watOf(t, ptrLoopSrc, Options{Optimize: true, Disable: PassSet(PassIVPtr)})
	for _, name := range []string{"sieve", "fill", "fill3", "dot", "mixed", "short", "heavy"} {
		if f := funcWAT(on, name); !strings.Contains(f, "$ptr.") {
			t.Errorf("%s: no pointer loop\n%s", name, f)
		}
		if f := funcWAT(off, name); strings.Contains(f, "$ptr.") {
			t.Errorf("%s: a pointer loop with ivptr disabled\n%s", name, f)
		}
	}
	// dot's two float lists share one pointer; mixed has one per width
	if f := funcWAT(on, "dot"); strings.Count(f, "(local $ptr.") != 1 {
		t.Errorf("dot: want one pointer\n%s", f)
	}
	if f := funcWAT(on, "mixed"); strings.Count(f, "(local $ptr.") != 2 {
		t.Errorf("mixed: want two pointers\n%s", f)
	}
}

// A loop whose variable is read otherwise than as the index of a proven
// list, assigned, left by break, or used by x[k] op= v, keeps its counter.
func TestPointerLoopRefused(t *testing.T) {
	for _, body := range []string{
		"s = s + xs[k] * k",
		"s = s + xs[k]\n        if s > 100:\n            break",
		"xs[k] += 1",
		"s = s + xs[k]\n        k = 0",
		"s = s + xs[k + 1]",
	} {
		src := "def f(n: int) -> int:\n    xs = [1] * (n + 1)\n    s = 0\n    for k in range(n):\n        " + body + "\n    return s\n"
		if f := funcWAT(watOf(t, src, Options{Optimize: true}), "f"); strings.Contains(f, "$ptr.") {
			t.Errorf("%q: a pointer loop\n%s", body, f)
		}
	}
}

// The loops of ptrLoopSrc give what Python gives on the boundaries: empty
// ranges, starts beyond the stop, stops at, below and beyond the list's
// length (the checked copy raises IndexError where Python does), steps of
// 1 to beyond 2**28 (at most one turn), and ranges around the chunks of
// ChunkIterations turns.
func TestPointerLoops(t *testing.T) {
	in := compileSrc(t, ptrLoopSrc)
	sieveRef := func(n int64) int64 {
		c := int64(0)
		comp := make([]bool, n+1)
		for i := int64(2); i <= n; i++ {
			if !comp[i] {
				c++
				for j := i * i; j <= n; j += i {
					comp[j] = true
				}
			}
		}
		return c
	}
	for _, n := range []int64{0, 1, 2, 3, 4, 10, 100, 1023, 1024, 1025, 5000, 70000} {
		if got := in.call("sieve", n); got.val != sieveRef(n) {
			t.Errorf("sieve(%d) = %+v, want %d", n, got, sieveRef(n))
		}
	}
	pyMod := func(a, b int64) int64 { return ((a % b) + b) % b }
	fillRef := func(n, m, start, step int64) result {
		ys := make([]int64, m)
		s, c := pyMod(start, 5), pyMod(step, 1<<62)+1
		for k := s; k < n; k += c {
			if k >= m {
				return result{trap: "index"}
			}
			ys[k] = 3
			if k > math.MaxInt64-c {
				break
			}
		}
		sum := int64(0)
		for _, y := range ys {
			sum += y
		}
		return result{val: sum*1000 + m}
	}
	steps := []int64{0, 1, 2, 4, 1022, 1023, 1 << 27, 1<<28 - 2, 1<<28 - 1, 1 << 28, 1<<62 - 1, -1}
	for _, m := range []int64{0, 1, 2, 7, 1024, 1025, 3000} {
		for _, n := range []int64{-5, 0, 1, 2, m - 1, m, m + 1, 1 << 28, 1<<28 + 3, math.MaxInt64} {
			for _, start := range []int64{0, 1, 4, -1} {
				for _, step := range steps {
					want := fillRef(n, m, start, step)
					if got := in.call("fill", n, m, start, step); got != want {
						t.Fatalf("fill(%d, %d, %d, %d) = %+v, want %+v", n, m, start, step, got, want)
					}
				}
			}
		}
	}
	for _, m := range []int64{0, 1, 2, 3, 4, 3070, 3071, 3072, 3073, 3074} {
		for _, n := range []int64{-1, 0, 1, 2, 3, 4, m - 1, m, m + 1, m + 2, m + 3} {
			want := result{}
			ys := make([]int64, max(m, 0))
			for k := int64(1); k < n; k += 3 {
				if k >= m {
					want.trap = "index"
					break
				}
				ys[k] = 6
			}
			if want.trap == "" {
				s := int64(0)
				for _, y := range ys {
					s += y
				}
				want.val = s
			}
			if got := in.call("fill3", n, m); got != want {
				t.Errorf("fill3(%d, %d) = %+v, want %+v", n, m, got, want)
			}
		}
	}
	for _, m := range []int64{0, 1, 5, 1024, 1500} {
		for _, n := range []int64{-3, 0, 1, m - 1, m, m + 1, m + 2} {
			want := result{}
			s := 0.0
			for k := int64(0); k < n; k++ {
				if k >= m {
					want.trap = "index" // xs[m] is beyond xs (ys has one more)
					break
				}
				s += float64(float64(k) / 8 * (float64(m-k) / 4)) // no fused multiply-add
			}
			if want.trap == "" {
				want.val = s
			}
			if got := in.call("dot", n, m); got != want {
				t.Errorf("dot(%d, %d) = %+v, want %+v", n, m, got, want)
			}
		}
	}
	for m := int64(0); m < 9; m++ {
		want := result{val: int64(16)}
		if m < 6 {
			want = result{trap: "index"}
		}
		if got := in.call("short", m); got != want {
			t.Errorf("short(%d) = %+v, want %+v", m, got, want)
		}
	}
	for _, m := range []int64{0, 1, 4, 1100} {
		for _, n := range []int64{0, 1, 3, m - 1, m, m + 1} {
			want := result{}
			s := int64(0)
			for k := int64(0); k < n; k++ {
				if k >= m {
					want.trap = "index"
					break
				}
				if k%3 != 0 {
					s += k * 7
				}
			}
			if want.trap == "" {
				want.val = s
			}
			if got := in.call("mixed", n, m); got != want {
				t.Errorf("mixed(%d, %d) = %+v, want %+v", n, m, got, want)
			}
			want.val = nil
			if want.trap == "" {
				want.val = 3 * max(min(n, m), 0)
			}
			if got := in.call("heavy", n, m); got != want {
				t.Errorf("heavy(%d, %d) = %+v, want %+v", n, m, got, want)
			}
		}
	}
}
