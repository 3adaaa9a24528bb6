//go:build cgo

package wasmgen

import (
	"math"
	"strings"
	"testing"
)

// `2.0 * x`, `x * 2.0`, `2 * x` with x a float, an int or a bool, as x +
// x (mulconst.go): the products IEEE multiplication gives (Go's, as
// CPython's), zeros' signs, infinities, overflows and NaNs included,
// under every option set; other constants keep the multiplication.
func TestFloatDouble(t *testing.T) {
	src := `def dl(x: float) -> float:
    return 2.0 * x
def dr(x: float) -> float:
    return x * 2.0
def di(x: float) -> float:
    return 2 * x
def ni(n: int) -> float:
    return 2.0 * n
def nb(p: bool) -> float:
    return p * 2.0
def three(x: float) -> float:
    return 3.0 * x
def nested(x: float, y: float) -> float:
    return 2.0 * x * y + 2.0 * (x - y)
`
	xs := append([]float64{math.MaxFloat64, -math.MaxFloat64, 8.98846567431158e307, 1e-310, -5e-324,
		math.SmallestNonzeroFloat64, math.Nextafter(1, 2)}, floatSamples...)
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, src), opt, "dl", "dr", "di", "ni", "nb", "three", "nested")
		for _, x := range xs {
			for _, name := range []string{"dl", "dr", "di"} {
				if got := in.call(name, x); got.trap != "" || !sameFloat(got.val.(float64), 2*x) {
					t.Errorf("%v: %s(%v) = %+v, want %v", opt.Passes(), name, x, got, 2*x)
				}
			}
			if got := in.call("three", x); got.trap != "" || !sameFloat(got.val.(float64), 3*x) {
				t.Errorf("%v: three(%v) = %+v, want %v", opt.Passes(), x, got, 3*x)
			}
			for _, y := range []float64{0.5, -3, math.Inf(1)} {
				want := 2*x*y + 2*(x-y)
				if got := in.call("nested", x, y); got.trap != "" || !sameFloat(got.val.(float64), want) {
					t.Errorf("%v: nested(%v, %v) = %+v, want %v", opt.Passes(), x, y, got, want)
				}
			}
		}
		for _, n := range []int64{0, 1, -7, math.MaxInt64, math.MinInt64, 1<<53 + 1} {
			if got := in.call("ni", n); got.trap != "" || !sameFloat(got.val.(float64), 2*float64(n)) {
				t.Errorf("%v: ni(%d) = %+v, want %v", opt.Passes(), n, got, 2*float64(n))
			}
		}
		for p, want := range []float64{0, 2} {
			if got := in.call("nb", int32(p)); got.trap != "" || !sameFloat(got.val.(float64), want) {
				t.Errorf("%v: nb(%d) = %+v, want %v", opt.Passes(), p, got, want)
			}
		}
	}
	wat := watOf(t, src, Options{Optimize: true})
	for _, name := range []string{"dl", "dr", "di", "ni", "nb"} {
		if b := funcWAT(wat, name); strings.Contains(b, "f64.mul") || !strings.Contains(b, "f64.add") {
			t.Errorf("%s is not a sum:\n%s", name, b)
		}
	}
	if b := funcWAT(wat, "three"); !strings.Contains(b, "f64.mul") {
		t.Errorf("three lost its product:\n%s", b)
	}
	off := watOf(t, src, Options{Optimize: true, Disable: PassSet(PassMulConst)})
	if b := funcWAT(off, "dl"); !strings.Contains(b, "f64.mul") {
		t.Errorf("mulconst off, yet:\n%s", b)
	}
}
