//go:build cgo

package wasmgen

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// pyFloatMod and pyFloatFloorDiv are CPython's float_rem and
// float_floor_div written in Go on top of math.Mod, which is exact.
func pyFloatMod(x, y float64) float64 {
	m := math.Mod(x, y)
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
		}
	} else {
		m = math.Copysign(0, y)
	}
	return m
}

func pyFloatFloorDiv(x, y float64) float64 {
	m := math.Mod(x, y)
	div := (x - m) / y
	if m != 0 && (y < 0) != (m < 0) {
		div -= 1
	}
	if div != 0 {
		q := math.Floor(div)
		if div-q > 0.5 {
			q++
		}
		return q
	}
	return math.Copysign(0, x/y)
}

var moreFloats = append([]float64{math.MaxFloat64, -5e-324, 2.2250738585072014e-308, 1e-300,
	1<<53 + 2, 9.223372036854775807e18, -9.223372036854775808e18, 1e19, 123456.789, 7, -7}, floatSamples...)

func TestFloatModAndFloorDiv(t *testing.T) {
	f := file("en",
		fn("fmod", []string{"a", "float", "b", "float"}, "float", ret(bin(id("a"), "%", id("b")))),
		fn("ffdiv", []string{"a", "float", "b", "float"}, "float", ret(bin(id("a"), "//", id("b")))),
	)
	in := compile(t, f, Options{}, "fmod", "ffdiv")
	try := func(a, b float64) {
		t.Helper()
		m, q := in.call("fmod", a, b), in.call("ffdiv", a, b)
		if b == 0 {
			if m.trap != "zerodiv" || q.trap != "zerodiv" {
				t.Errorf("%v %% %v = %+v, %v // %v = %+v; want ZeroDivisionError", a, b, m, a, b, q)
			}
			return
		}
		if m.trap != "" || !sameFloat(m.val.(float64), pyFloatMod(a, b)) {
			t.Errorf("%v %% %v = %+v, want %v", a, b, m, pyFloatMod(a, b))
		}
		if q.trap != "" || !sameFloat(q.val.(float64), pyFloatFloorDiv(a, b)) {
			t.Errorf("%v // %v = %+v, want %v", a, b, q, pyFloatFloorDiv(a, b))
		}
	}
	for _, a := range moreFloats {
		for _, b := range moreFloats {
			try(a, b)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		// random bit patterns cover every exponent distance, subnormals included
		try(math.Float64frombits(r.Uint64()), math.Float64frombits(r.Uint64()))
		try(r.NormFloat64()*1e6, r.NormFloat64())
	}
}

// Comparisons of an int with a float are exact, as in Python.
func TestMixedCompare(t *testing.T) {
	ops := []string{"==", "!=", "<", "<=", ">", ">="}
	var body = file("en")
	for i, op := range ops {
		body.Body = append(body.Body,
			fn("if"+string(rune('a'+i)), []string{"a", "int", "x", "float"}, "bool", ret(cmp(id("a"), op, id("x")))),
			fn("fi"+string(rune('a'+i)), []string{"x", "float", "a", "int"}, "bool", ret(cmp(id("x"), op, id("a")))))
	}
	in := compile(t, body, Options{})
	exact := func(a int64, x float64) int { // -1, 0, 1; 2 for nan
		if math.IsNaN(x) {
			return 2
		}
		if math.IsInf(x, 0) {
			if x > 0 {
				return -1
			}
			return 1
		}
		bx, _ := new(big.Float).SetFloat64(x).Rat(nil)
		return new(big.Rat).SetInt64(a).Cmp(bx)
	}
	truth := func(op string, c int) bool {
		switch op {
		case "==":
			return c == 0
		case "!=":
			return c != 0
		case "<":
			return c == -1
		case "<=":
			return c == -1 || c == 0
		case ">":
			return c == 1
		}
		return c == 0 || c == 1
	}
	flip := map[string]string{"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
	xs := append([]float64{9.223372036854775807e18, 9007199254740993, 9007199254740992, -0.5, 0.5, 2.5},
		moreFloats...)
	for _, a := range intSamples {
		for _, x := range xs {
			c := exact(a, x)
			for i, op := range ops {
				got := in.call("if"+string(rune('a'+i)), a, x)
				if want := truth(op, c); got.val != b2i(want) {
					t.Errorf("%d %s %v = %+v, want %v", a, op, x, got, want)
				}
				got = in.call("fi"+string(rune('a'+i)), x, a)
				if want := truth(flip[op], c); got.val != b2i(want) {
					t.Errorf("%v %s %d = %+v, want %v", x, op, a, got, want)
				}
			}
		}
	}
}
