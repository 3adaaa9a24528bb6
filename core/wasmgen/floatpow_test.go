//go:build cgo

package wasmgen

import (
	"math"
	"strings"
	"testing"
)

// pyPow is CPython's float_pow (Objects/floatobject.c) with math.Pow for
// the platform's pow, as the test host supplies it: the value, or the
// trap the compiled code gives ("unsupported" where Python raises
// ZeroDivisionError or returns a complex number, "overflow" where it
// raises OverflowError).
func pyPow(x, y float64) result {
	isOdd := func(v float64) bool { return math.Mod(math.Abs(v), 2) == 1 }
	switch {
	case y == 0:
		return result{val: 1.0}
	case math.IsNaN(x):
		return result{val: x}
	case math.IsNaN(y):
		if x == 1 {
			return result{val: 1.0}
		}
		return result{val: y}
	case math.IsInf(y, 0):
		ax := math.Abs(x)
		switch {
		case ax == 1:
			return result{val: 1.0}
		case (y > 0) == (ax > 1):
			return result{val: math.Inf(1)}
		}
		return result{val: 0.0}
	case math.IsInf(x, 0):
		if y > 0 {
			if isOdd(y) {
				return result{val: x}
			}
			return result{val: math.Abs(x)}
		}
		if isOdd(y) {
			return result{val: math.Copysign(0, x)}
		}
		return result{val: 0.0}
	case x == 0:
		if y < 0 {
			return result{trap: "unsupported"}
		}
		if isOdd(y) {
			return result{val: x}
		}
		return result{val: 0.0}
	}
	negate := false
	if x < 0 {
		if y != math.Floor(y) {
			return result{trap: "unsupported"}
		}
		x = -x
		negate = isOdd(y)
	}
	if x == 1 {
		if negate {
			return result{val: -1.0}
		}
		return result{val: 1.0}
	}
	r := math.Pow(x, y)
	if math.IsInf(r, 0) {
		return result{trap: "overflow"}
	}
	if negate {
		r = -r
	}
	return result{val: r}
}

// samePow compares results bit for bit (NaN equal to NaN, -0.0 apart from
// 0.0).
func samePow(a, b result) bool {
	if a.trap != "" || b.trap != "" {
		return a.trap == b.trap
	}
	x, okX := a.val.(float64)
	y, okY := b.val.(float64)
	return okX && okY && (math.Float64bits(x) == math.Float64bits(y) || math.IsNaN(x) && math.IsNaN(y))
}

// float ** float follows CPython's special cases on every pair of edge
// values, through the host table; mixed int and float operands are
// promoted; a module whose host table nobody filled traps with
// ErrUnsupported (AUTO re-runs the call in Python).
func TestFloatPow(t *testing.T) {
	src := `def p(x: float, y: float) -> float:
    return x ** y

def q(x: float, n: int) -> float:
    r = n ** x
    r **= 2.0
    return r + x ** n
`
	edges := []float64{0, math.Copysign(0, -1), 1, -1, 2, -2, 0.5, -0.5, 3, -3, 1.5, -2.5, 1e308, -1e308,
		5e-324, -5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 1e16, 9007199254740993, 0.1, 7, -7, 1e-300, 1024, -1075}
	for _, opt := range optionSets() {
		in := instantiateSrc(t, src, opt)
		for _, x := range edges {
			for _, y := range edges {
				if got, want := in.call("p", x, y), pyPow(x, y); !samePow(got, want) {
					t.Errorf("opt=%v %v ** %v = %+v, want %+v", opt.Passes(), x, y, got, want)
				}
			}
		}
		for _, c := range []struct {
			x float64
			n int64
		}{{2, 3}, {-2, 3}, {0.5, -4}, {3, 0}, {-1.5, 7}, {1e10, 40}} {
			r := pyPow(float64(c.n), c.x)
			if r.trap == "" {
				r = pyPow(r.val.(float64), 2)
			}
			want := r
			if r.trap == "" {
				if s := pyPow(c.x, float64(c.n)); s.trap != "" {
					want = s
				} else {
					want = result{val: r.val.(float64) + s.val.(float64)}
				}
			}
			if got := in.call("q", c.x, c.n); !samePow(got, want) {
				t.Errorf("opt=%v q(%v, %d) = %+v, want %+v", opt.Passes(), c.x, c.n, got, want)
			}
		}
	}
	wat := watOf(t, src, Options{Optimize: true})
	if !strings.Contains(wat, `(table (export "__ml_host") 1 funcref)`) || !strings.Contains(wat, "call_indirect (type $host)") {
		t.Errorf("no host table or call:\n%s", wat)
	}
	// a module nobody bound
	f, info := checkSrc(t, src)
	m, err := Generate(f, info, Options{Optimize: true})
	if err != nil {
		t.Fatal(err)
	}
	unbound := instantiateUnbound(t, m)
	if got := unbound.call("p", 2.0, 0.5); got.trap != "unsupported" {
		t.Errorf("unbound 2.0 ** 0.5 = %+v, want unsupported", got)
	}
	if got := unbound.call("p", 2.0, 0.0); got.val != 1.0 {
		t.Errorf("unbound 2.0 ** 0.0 = %+v, want 1.0 (no pow needed)", got)
	}
}
