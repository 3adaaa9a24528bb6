//go:build cgo

package wasmgen

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// floorDivRef is Python's a // b and a % b, computed with Go's integers.
func floorDivRef(a, b int64) (int64, int64) {
	q, r := a/b, a%b
	if r != 0 && (r < 0) != (b < 0) {
		q--
		r += b
	}
	return q, r
}

// A window is the operands a in [a0, a0 + fdivW) and b in [b0, b0 + fdivW)
// of one generated function.
type window struct{ a0, b0 int64 }

const fdivW = 6

// windowSrc is a function whose range loops give a and b static
// intervals of w inside [0, 2**53) with b >= 1, so that its // or % (op)
// takes the float path; it returns x op y for x and y in w.
func windowSrc(name string, w window, op string) string {
	return fmt.Sprintf(`def %s(x: int, y: int) -> int:
    r = -1
    for a in range(%d, %d):
        for b in range(%d, %d):
            if a == x and b == y:
                r = a %s b
    return r
`, name, w.a0, w.a0+fdivW, w.b0, w.b0+fdivW, op)
}

// Integer // and % through f64 are exact over the boundary values: 0, 1,
// 2**52, 2**53 - 1, divisors 1, 2, 3, near 2**26 and 2**52, dividends near
// their multiples, the largest quotients, and random windows; the
// functions compiled with the pass use f64.div, those without do not.
// Go's float64 division (IEEE 754, as f64.div) is checked on each pair
// too: its truncation is the floor quotient (fdiv.go has the proof).
func TestFDivBoundaries(t *testing.T) {
	const top = int64(1) << 53
	ws := []window{
		{0, 1}, {0, top - fdivW}, {top - fdivW, 1}, {top - fdivW, 2}, {top - fdivW, top - fdivW},
		{1 << 52, 1}, {1<<52 - 3, 1<<26 - 3}, {1<<52 - 3, 1<<26 - 1}, {(1<<26+1)*(1<<26-1) - 2, 1<<26 - 2},
		{top/3 - 3, 1}, {top/3*3 - fdivW, 3}, {1<<52 - 3, 1<<52 - 3}, {top - 3*fdivW, top/2 - 3},
		{(1<<50)*7 + 1, 7}, {9007199254740000, 94906262}, {94906265 * 94906265, 94906263},
	}
	r := rand.New(rand.NewPCG(20, 53))
	for len(ws) < 48 {
		a0 := r.Int64N(top - fdivW + 1)
		b0 := 1 + r.Int64N(int64(1)<<r.IntN(53)) // log-uniform magnitudes
		if b0 > top-fdivW {
			b0 = top - fdivW
		}
		if len(ws)%4 == 0 { // near a multiple: a0 ~ q * b0, q large
			q := (top - fdivW) / (b0 + fdivW)
			a0 = q*b0 - fdivW/2
			if a0 < 0 {
				a0 = 0
			}
		}
		ws = append(ws, window{a0, b0})
	}
	var src strings.Builder
	for i, w := range ws {
		src.WriteString(windowSrc(fmt.Sprintf("d%d", i), w, "//"))
		src.WriteString(windowSrc(fmt.Sprintf("m%d", i), w, "%"))
	}
	wat := watOf(t, src.String(), Options{Optimize: true})
	plain := watOf(t, src.String(), Options{Optimize: true, Disable: PassSet(PassFDiv)})
	for i := range ws {
		for _, f := range []string{fmt.Sprintf("d%d", i), fmt.Sprintf("m%d", i)} {
			if !strings.Contains(funcWAT(wat, f), "f64.div") {
				t.Errorf("%s (%+v) does not divide in f64", f, ws[i])
			}
			if strings.Contains(funcWAT(plain, f), "f64.div") {
				t.Errorf("%s divides in f64 without the pass", f)
			}
		}
	}
	for _, opt := range []Options{{Optimize: true}, {Optimize: true, Disable: PassSet(PassFDiv)}} {
		in := instantiateSrc(t, src.String(), opt)
		for i, w := range ws {
			for a := w.a0; a < w.a0+fdivW; a++ {
				for b := w.b0; b < w.b0+fdivW; b++ {
					q, m := floorDivRef(a, b)
					if f := int64(float64(a) / float64(b)); f != q {
						t.Fatalf("trunc(%d / %d) in float64 = %d, want %d", a, b, f, q)
					}
					if got := in.call(fmt.Sprintf("d%d", i), a, b); got != (result{val: q}) {
						t.Fatalf("%v: %d // %d = %+v, want %d", opt.Passes(), a, b, got, q)
					}
					if got := in.call(fmt.Sprintf("m%d", i), a, b); got != (result{val: m}) {
						t.Fatalf("%v: %d %% %d = %+v, want %d", opt.Passes(), a, b, got, m)
					}
				}
			}
		}
	}
}

// The proof of fdiv.go in a model: with a p-bit significand (big.Float,
// rounding to nearest even), the truncated quotient of a < 2**p by any b
// in [1, 2**p) is the floor quotient, for every pair; and the model can
// see the failure the proof excludes: beyond 2**p, the quotient of
// exactly representable operands sometimes rounds up to the next
// integer.
func TestFDivModel(t *testing.T) {
	quo := func(p uint, a, b int64) int64 {
		x := new(big.Float).SetPrec(p).SetMode(big.ToNearestEven)
		x.Quo(new(big.Float).SetInt64(a), new(big.Float).SetInt64(b))
		q, _ := x.Int64() // truncates
		return q
	}
	for p := uint(4); p <= 9; p++ {
		lim := int64(1) << p
		for a := int64(0); a < lim; a++ {
			for b := int64(1); b < lim; b++ {
				if q := quo(p, a, b); q != a/b {
					t.Fatalf("p = %d: trunc(%d / %d) = %d, want %d", p, a, b, q, a/b)
				}
			}
		}
		up := 0
		for a := lim; a < 4*lim; a += 4 { // multiples of 4 below 2**(p+2): exact
			for b := int64(1); b < lim; b++ {
				if quo(p, a, b) == a/b+1 {
					up++
				}
			}
		}
		if up == 0 {
			t.Errorf("p = %d: no quotient rounds up beyond 2**p", p)
		}
	}
}

// expensiveSrc is the guide's expensive_operation, with a % variant and
// one over a segment, whose bounds cross 94906266, where i * i reaches
// 2**53 and the fast copy stops applying.
const expensiveSrc = `def expensive_operation(n: int) -> int:
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result

def segment(a: int, b: int) -> int:
    s = 0
    for i in range(a, b):
        s = s + (i * i) // (i + 1) + (i * i) % (i + 3)
    return s

def mixed(n: int, m: int) -> int:
    a = [3] * m
    s = 0
    t = 0
    for i in range(n):
        s = s + (i * i) // (a[i] % 5 + 1)
        t = t + i % 7
    return s * 1000 + t

def scaled(n: int, m: int) -> int:
    s = 0
    for i in range(n):
        s = s + (i * m) // (i + 1) - (i * m) % (i + 2)
    return s
`

// The guide's kernel and its variants behind the loop versioning: the
// fast copy (f64 division) where the test before the loop proves i * i
// and i * m below 2**53, the integer one elsewhere, with the same
// results on both sides of the bound as Go's exact integers, and
// ZeroDivisionError where Python raises it.
func TestFDivVersioned(t *testing.T) {
	wat := watOf(t, expensiveSrc, Options{Optimize: true})
	for _, f := range []string{"expensive_operation", "segment", "scaled", "mixed"} {
		body := funcWAT(wat, f)
		if !strings.Contains(body, "f64.div") || !strings.Contains(body, "i64.div_") {
			t.Errorf("%s: want a float copy and an integer copy:\n%s", f, body)
		}
	}
	if !strings.Contains(funcWAT(wat, "expensive_operation"), "i64.const 94906266") {
		t.Error("expensive_operation: the test is not stop <= 94906266")
	}
	in := compileSrc(t, expensiveSrc)
	seg := func(a, b int64) result {
		s := int64(0)
		for i := a; i < b; i++ {
			if i == -1 || i == -3 {
				return result{trap: "intdiv0"}
			}
			q, _ := floorDivRef(i*i, i+1)
			_, m := floorDivRef(i*i, i+3)
			s += q + m
		}
		return result{val: s}
	}
	const k = 94906266
	for _, tt := range [][2]int64{{0, 50}, {k - 40, k}, {k - 40, k + 1}, {k - 1, k + 30}, {k, k + 30},
		{-2, 5}, {-1, 5}, {-1 << 31, -1<<31 + 9}, {3, 3}, {1 << 31, 1<<31 + 9}} {
		if got, want := in.call("segment", tt[0], tt[1]), seg(tt[0], tt[1]); got != want {
			t.Errorf("segment(%d, %d) = %+v, want %+v", tt[0], tt[1], got, want)
		}
	}
	for _, tt := range [][2]int64{{50, 7}, {50, 1 << 53 / 50}, {50, 1<<53/49 + 1}, {9, -5}, {20, 1 << 60}} {
		s := int64(0)
		for i := int64(0); i < tt[0]; i++ {
			q, _ := floorDivRef(i*tt[1], i+1)
			_, m := floorDivRef(i*tt[1], i+2)
			s += q - m
		}
		want := result{val: s}
		if tt[1] == 1<<60 {
			want = result{trap: "overflow"} // i * m leaves i64: Python's big int
		}
		if got := in.call("scaled", tt[0], tt[1]); got != want {
			t.Errorf("scaled(%d, %d) = %+v, want %+v", tt[0], tt[1], got, want)
		}
	}
	// mixed: the bounds test of a[i] and the accumulator's test are in
	// the same versioning test as stop <= 94906266
	for _, tt := range [][2]int64{{0, 0}, {10, 10}, {10, 9}, {10, 20}, {400, 500}} {
		want := result{trap: "index"}
		if tt[0] <= tt[1] {
			s, u := int64(0), int64(0)
			for i := int64(0); i < tt[0]; i++ {
				s += i * i / 4
				u += i % 7
			}
			want = result{val: s*1000 + u}
		}
		if got := in.call("mixed", tt[0], tt[1]); got != want {
			t.Errorf("mixed(%d, %d) = %+v, want %+v", tt[0], tt[1], got, want)
		}
	}
	if testing.Short() {
		return
	}
	// n * n = 94906264 and 94926049: the last n with the fast copy, and
	// the first without
	for _, n := range []int64{0, 1, 2, 1000, 9742, 9743} {
		s := int64(0)
		for i := int64(0); i < n*n; i++ {
			s += i * i / (i + 1)
		}
		if got := in.call("expensive_operation", n); got != (result{val: s}) {
			t.Errorf("expensive_operation(%d) = %+v, want %d", n, got, s)
		}
	}
}

// A division whose divisor may be zero, whose dividend may be negative or
// reach 2**53, or whose divisor is a constant keeps the integer path; so
// does one whose operands no loop test can bound.
func TestFDivRefused(t *testing.T) {
	wat := watOf(t, `def zero(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + 100 // i
    return s

def negative(n: int) -> int:
    s = 0
    for i in range(-5, 5):
        s = s + (i * i) // (i + 10)
    return s

def constant(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i // 7 + i % 7
    return s

def unknown(x: int, y: int) -> int:
    return x // (y * y + 1)

def beyond(x: int) -> int:
    s = 0
    for a in range(9007199254740990, 9007199254740994):
        for b in range(1, x):
            s = s + a // b
    return s
`, Options{Optimize: true})
	for _, f := range []string{"zero", "negative", "constant", "unknown", "beyond"} {
		if strings.Contains(funcWAT(wat, f), "f64.div") {
			t.Errorf("%s divides in f64:\n%s", f, funcWAT(wat, f))
		}
	}
}
