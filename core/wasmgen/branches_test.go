//go:build cgo

package wasmgen

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// mandelSrc is the Mandelbrot kernel as a user writes it (the shapes of
// the branches, condfacts, counters and cse passes).
const mandelSrc = `
def mandel(w: int, h: int, limit: int) -> int:
    total = 0
    for py in range(h):
        for px in range(w):
            cx = px * 3.0 / w - 2.0
            cy = py * 2.0 / h - 1.0
            zx = 0.0
            zy = 0.0
            k = 0
            while k < limit and zx * zx + zy * zy <= 4.0:
                t = zx * zx - zy * zy + cx
                zy = 2.0 * zx * zy + cy
                zx = t
                k = k + 1
            total = total + k
    return total
`

// logicSrc tests and/or/not conditions in every place a condition is
// only tested: if, while, conditional expressions, on ints and floats.
const logicSrc = `
def logic(a: int, b: int) -> int:
    r = 0
    if a > 0 and b > 0:
        r += 1
    if a > 0 or b > 0:
        r += 10
    if not (a > 0 and b > 0):
        r += 100
    if not (a and b) or b < a:
        r += 1000
    if a < b < 10 or not (a == b):
        r += 10000
    else:
        r += 20000
    r += 100000 if (a > 1 and not b > 1) or a == b else 0
    while a > 0 and (b > 0 or a % 2 == 0):
        a -= 1
        r += 1000000
    return r

def fl(x: float, y: float) -> int:
    r = 0
    if x < y and not y < x:
        r += 1
    if not (x <= y):
        r += 2
    if x == x or y > 0.0:
        r += 4
    return r
` + mandelSrc

// With whilerange, the kernel's `while k < limit and ...` counts: k <
// limit is the chunked loop's test, the turn (with the float test) is
// written twice by the unroll pass, and neither the float test nor the
// body is lost.
func TestCountedAnd(t *testing.T) {
	on := funcWAT(watOf(t, mandelSrc, Options{Optimize: true}), "mandel")
	off := funcWAT(watOf(t, mandelSrc, Options{Optimize: true, Disable: PassSet(PassWhileRange)}), "mandel")
	if strings.Count(on, "f64.le") != 2 || strings.Count(off, "f64.le") != 1 {
		t.Errorf("the float test: %d times with whilerange, %d without; want 2 and 1:\n%s", strings.Count(on, "f64.le"),
			strings.Count(off, "f64.le"), on)
	}
}

// The results, CPython's, under every option set.
func TestBranchesExec(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, logicSrc), opt, "logic", "fl", "mandel")
		for _, c := range [][3]int64{{0, 0, 121100}, {1, 0, 11110}, {0, 1, 11110}, {2, 3, 2010011}, {3, 2, 3011011},
			{5, 5, 5120011}, {-1, 4, 10110}, {4, -1, 1111110}, {6, 0, 1111110}, {9, 11, 9010011}} {
			if got := in.call("logic", c[0], c[1]); got.trap != "" || got.val != c[2] {
				t.Errorf("%v: logic(%d, %d) = %+v, want %d", opt.Passes(), c[0], c[1], got, c[2])
			}
		}
		for _, c := range []struct {
			x, y float64
			want int64
		}{{1, 2, 5}, {2, 1, 6}, {nan, 1, 6}, {1, nan, 6}, {nan, nan, 2}, {inf, -inf, 6}, {0, math.Copysign(0, -1), 4}} {
			if got := in.call("fl", c.x, c.y); got.trap != "" || got.val != c.want {
				t.Errorf("%v: fl(%v, %v) = %+v, want %d", opt.Passes(), c.x, c.y, got, c.want)
			}
		}
		for _, c := range [][4]int64{{40, 30, 50, 20693}, {7, 5, 1000, 10192}, {1, 1, 0, 0}} {
			if got := in.call("mandel", c[0], c[1], c[2]); got.trap != "" || got.val != c[3] {
				t.Errorf("%v: mandel%v = %+v, want %d", opt.Passes(), c[:3], got, c[3])
			}
		}
	}
}

// The condition of the kernel's while loop is two branches: no 0/1 is
// built (no if with a result) and the int test is inverted in place
// (whilerange off: with it, k < limit is the counting loop's test, and
// the rest of the condition a test of its own, TestCountedAnd).
func TestBranchesWAT(t *testing.T) {
	noCount := PassSet(PassWhileRange)
	on := funcWAT(watOf(t, mandelSrc, Options{Optimize: true, Disable: noCount}), "mandel")
	if strings.Contains(on, "if (result i32)") {
		t.Errorf("the condition is materialized:\n%s", on)
	}
	if !regexp.MustCompile(`local.get \$limit\n\s+i64.ge_s\n\s+br_if 1\n`).MatchString(on) {
		t.Errorf("k < limit is not one inverted branch:\n%s", on)
	}
	off := funcWAT(watOf(t, mandelSrc, Options{Optimize: true, Disable: noCount | PassSet(PassBranches)}), "mandel")
	if !strings.Contains(off, "if (result i32)") {
		t.Errorf("without the pass, the condition should be a value:\n%s", off)
	}
}
