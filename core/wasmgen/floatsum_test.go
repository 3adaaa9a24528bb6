//go:build cgo

package wasmgen

import (
	"math"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
)

// floatSumSrc sums floats of three kinds: a cancellation that only the
// compensated sum keeps (1e16, 1.0, -1e16 ...), the squares of small
// fractions (the running total of a generator's elements), and a first
// element -0.0 (CPython's 0 + -0.0 is 0.0), and a total that overflows
// (the compensation infinite, then NaN: left out).
const floatSumSrc = `def cancel(n: int) -> float:
    xs = [0.0] * n
    for i in range(n):
        xs[i] = 1e16 if i % 3 == 0 else (1.0 if i % 3 == 1 else -1e16)
    return sum(xs)

def squares(n: int) -> float:
    return sum((i / 7) * (i / 7) for i in range(n) if i % 2 == 1)

def overflow(n: int) -> float:
    xs = [1.0] * n
    for i in range(n):
        xs[i] = 1e308 if i < 2 else 1.0
    return sum(xs)

def negzero(n: int) -> float:
    xs = [-0.0] * n
    return sum(x for x in xs)
`

// plainSum and compensatedSum are CPython's two ways of summing floats
// (abi.FloatSumPlain, abi.FloatSumCompensated), from the int 0.
func plainSum(xs []float64) float64 {
	f := 0.0
	for _, x := range xs {
		f += x
	}
	return f
}

func compensatedSum(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	f, c := 0.0+xs[0], 0.0
	for _, x := range xs[1:] {
		t := f + x
		if math.Abs(f) >= math.Abs(x) {
			c += (f - t) + x
		} else {
			c += (x - t) + f
		}
		f = t
	}
	if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
		return f + c
	}
	return f
}

// setFloatSum sets the instance's abi.FloatSumExport global, as the
// runtime does.
func (in *instance) setFloatSum(mode int32) {
	in.t.Helper()
	ext := in.inst.GetExport(in.store, abi.FloatSumExport)
	if ext == nil || ext.Global() == nil {
		in.t.Fatalf("no %s global", abi.FloatSumExport)
	}
	if err := ext.Global().Set(in.store, wasmtime.ValI32(mode)); err != nil {
		in.t.Fatal(err)
	}
}

func TestFloatSums(t *testing.T) {
	inputs := map[string]func(n int) []float64{
		"cancel": func(n int) []float64 {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = [3]float64{1e16, 1.0, -1e16}[i%3]
			}
			return xs
		},
		"squares": func(n int) []float64 {
			var xs []float64
			for i := 0; i < n; i++ {
				if i%2 == 1 {
					xs = append(xs, (float64(i)/7)*(float64(i)/7))
				}
			}
			return xs
		},
		"overflow": func(n int) []float64 {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = 1.0
				if i < 2 {
					xs[i] = 1e308
				}
			}
			return xs
		},
		"negzero": func(n int) []float64 {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = math.Copysign(0, -1)
			}
			return xs
		},
	}
	for _, opt := range []Options{{Optimize: true}, {}} {
		in := instantiateSrc(t, floatSumSrc, opt)
		for name, xs := range inputs {
			in.setFloatSum(abi.FloatSumUnset)
			if got := in.call(name, int64(5)); got.trap != "unsupported" {
				t.Errorf("%s(5), mode unset: %+v, want an unsupported trap", name, got)
			}
			for mode, sum := range map[int32]func([]float64) float64{abi.FloatSumPlain: plainSum, abi.FloatSumCompensated: compensatedSum} {
				in.setFloatSum(mode)
				for _, n := range []int{1, 2, 3, 4, 7, 30, 31} {
					got := in.call(name, int64(n))
					if len(xs(n)) == 0 {
						// CPython's empty sum is the int 0: the call re-runs in Python
						if got.trap != "unsupported" {
							t.Errorf("%s(%d), mode %d: %+v, want an unsupported trap", name, n, mode, got)
						}
						continue
					}
					want := sum(xs(n))
					if got.trap != "" || math.Float64bits(got.val.(float64)) != math.Float64bits(want) {
						t.Errorf("%s(%d), mode %d (passes %v): %+v, want %v", name, n, mode, opt.Passes(), got, want)
					}
				}
				// CPython's empty sum is the int 0: the call re-runs in Python
				if got := in.call(name, int64(0)); got.trap != "unsupported" {
					t.Errorf("%s(0), mode %d: %+v, want an unsupported trap", name, mode, got)
				}
			}
		}
	}
	// the two ways differ on the cancellation, so the test tells them apart
	if plainSum(inputs["cancel"](3)) == compensatedSum(inputs["cancel"](3)) {
		t.Error("the cancellation does not tell the two sums apart")
	}
}
