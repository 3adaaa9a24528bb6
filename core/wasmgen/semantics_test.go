//go:build cgo

package wasmgen

import (
	"math"
	"math/big"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Python's results computed from first principles with math/big, and
// compared with the compiled code for many operands, including i64 limits.

var (
	bigMin = big.NewInt(math.MinInt64)
	bigMax = big.NewInt(math.MaxInt64)
)

func fits(v *big.Int) bool { return v.Cmp(bigMin) >= 0 && v.Cmp(bigMax) <= 0 }

// pyFloorDiv returns Python's a // b and a % b: the quotient rounded toward
// minus infinity and the remainder with the divisor's sign.
func pyFloorDiv(a, b *big.Int) (q, m *big.Int) {
	q, m = new(big.Int).QuoRem(a, b, new(big.Int)) // truncated
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

var intSamples = []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 63, 64,
	1 << 31, -(1 << 31), 1 << 32, -(1 << 32), 3037000499, 3037000500, -3037000500,
	1 << 53, 1<<53 + 1, -(1 << 53), -(1<<53 + 1), 1e18, -1e18,
	math.MaxInt64, math.MaxInt64 - 1, math.MinInt64, math.MinInt64 + 1}

func intOpsFile() *ast.File {
	var body []ast.Stmt
	for name, op := range map[string]string{"add": "+", "sub": "-", "mul": "*", "fdiv": "//",
		"mod": "%", "pow": "**", "tdiv": "/"} {
		res := "int"
		if op == "/" {
			res = "float"
		}
		body = append(body, fn(name, []string{"a", "int", "b", "int"}, res, ret(bin(id("a"), op, id("b")))))
	}
	body = append(body,
		fn("neg", []string{"a", "int"}, "int", ret(neg(id("a")))),
		fn("iabs", []string{"a", "int"}, "int", ret(call("abs", id("a")))),
		// augmented assignment goes through the same checked paths
		fn("augmul", []string{"a", "int", "b", "int"}, "int", aug("a", "*", id("b")), ret(id("a"))),
	)
	return file("en", body...)
}

func TestIntArithmetic(t *testing.T) {
	for _, opt := range optionSets() {
		in := compile(t, intOpsFile(), opt, "add", "sub", "mul", "fdiv", "mod", "pow", "tdiv", "neg", "iabs")
		for _, a := range intSamples {
			A := big.NewInt(a)
			check1 := func(name string, want *big.Int) {
				t.Helper()
				got := in.call(name, a)
				if fits(want) {
					if got.trap != "" || got.val.(int64) != want.Int64() {
						t.Errorf("%s(%d) = %+v, want %v", name, a, got, want)
					}
				} else if got.trap != "overflow" {
					t.Errorf("%s(%d) = %+v, want overflow", name, a, got)
				}
			}
			check1("neg", new(big.Int).Neg(A))
			check1("iabs", new(big.Int).Abs(A))
			for _, b := range intSamples {
				B := big.NewInt(b)
				check2 := func(name string, want *big.Int, trap string) {
					t.Helper()
					got := in.call(name, a, b)
					switch {
					case trap != "":
						if got.trap != trap {
							t.Errorf("%s(%d, %d) = %+v, want trap %s", name, a, b, got, trap)
						}
					case fits(want):
						if got.trap != "" || got.val.(int64) != want.Int64() {
							t.Errorf("%s(%d, %d) = %+v, want %v", name, a, b, got, want)
						}
					default:
						if got.trap != "overflow" {
							t.Errorf("%s(%d, %d) = %+v, want overflow (%v)", name, a, b, got, want)
						}
					}
				}
				check2("add", new(big.Int).Add(A, B), "")
				check2("sub", new(big.Int).Sub(A, B), "")
				check2("mul", new(big.Int).Mul(A, B), "")
				check2("augmul", new(big.Int).Mul(A, B), "")
				if b == 0 {
					check2("fdiv", nil, "intdiv0")
					check2("mod", nil, "intdiv0")
				} else {
					q, m := pyFloorDiv(A, B)
					if fits(q) {
						check2("fdiv", q, "")
					} else {
						check2("fdiv", nil, "intoverflow") // MIN // -1 traps natively
					}
					check2("mod", m, "")
				}
				switch {
				case b < 0:
					check2("pow", nil, "unsupported")
				case b > 200 && a != 0 && a != 1 && a != -1:
					check2("pow", nil, "overflow")
				default:
					check2("pow", new(big.Int).Exp(A, B, nil), "")
				}
				// true division
				got := in.call("tdiv", a, b)
				switch {
				case b == 0:
					if got.trap != "zerodiv" {
						t.Errorf("tdiv(%d, %d) = %+v, want zerodiv", a, b, got)
					}
				case a > 1<<53 || a < -(1<<53) || b > 1<<53 || b < -(1<<53):
					if got.trap != "unsupported" {
						t.Errorf("tdiv(%d, %d) = %+v, want unsupported", a, b, got)
					}
				default:
					want, _ := new(big.Rat).SetFrac(A, B).Float64() // correctly rounded
					if got.trap != "" || got.val.(float64) != want {
						t.Errorf("tdiv(%d, %d) = %+v, want %v", a, b, got, want)
					}
				}
			}
		}
	}
}

// pow corner cases near the i64 limits.
func TestIntPow(t *testing.T) {
	in := compile(t, intOpsFile(), Options{}, "pow")
	cases := [][2]int64{{-2, 63}, {2, 63}, {2, 62}, {-2, 64}, {3, 39}, {3, 40}, {-3, 39}, {0, 0},
		{5, 0}, {-1, math.MaxInt64}, {1, math.MaxInt64}, {0, math.MaxInt64}, {10, 18}, {10, 19},
		{3037000499, 2}, {3037000500, 2}, {-3037000500, 2}, {2, 1000}, {7, 22}, {7, 23}}
	for _, c := range cases {
		want := new(big.Int).Exp(big.NewInt(c[0]), big.NewInt(c[1]), nil)
		got := in.call("pow", c[0], c[1])
		if fits(want) {
			if got.trap != "" || got.val.(int64) != want.Int64() {
				t.Errorf("%d ** %d = %+v, want %v", c[0], c[1], got, want)
			}
		} else if got.trap != "overflow" {
			t.Errorf("%d ** %d = %+v, want overflow", c[0], c[1], got)
		}
	}
}

var floatSamples = []float64{0, math.Copysign(0, -1), 1, -1, 1.5, -2.5, 0.1, 3, 1e308, -1e308,
	5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 9007199254740993, 2.5, 0.5, -0.5, 1e19, -9.3e18}

func sameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}

func TestFloatArithmetic(t *testing.T) {
	var body []ast.Stmt
	for name, op := range map[string]string{"fadd": "+", "fsub": "-", "fmul": "*", "fdiv": "/"} {
		body = append(body, fn(name, []string{"a", "float", "b", "float"}, "float", ret(bin(id("a"), op, id("b")))))
	}
	body = append(body,
		fn("fneg", []string{"a", "float"}, "float", ret(neg(id("a")))),
		fn("fabs", []string{"a", "float"}, "float", ret(call("abs", id("a")))),
		fn("toint", []string{"a", "float"}, "int", ret(call("int", id("a")))),
		fn("rnd", []string{"a", "float"}, "int", ret(call("round", id("a")))),
		fn("truth", []string{"a", "float"}, "bool", ret(call("bool", id("a")))),
		fn("fmin", []string{"a", "float", "b", "float"}, "float", ret(call("min", id("a"), id("b")))),
		fn("fmax", []string{"a", "float", "b", "float"}, "float", ret(call("max", id("a"), id("b")))),
		fn("flt", []string{"a", "float", "b", "float"}, "bool", ret(cmp(id("a"), "<", id("b")))),
		fn("fle", []string{"a", "float", "b", "float"}, "bool", ret(cmp(id("a"), "<=", id("b")))),
		fn("feq", []string{"a", "float", "b", "float"}, "bool", ret(cmp(id("a"), "==", id("b")))),
		fn("fne", []string{"a", "float", "b", "float"}, "bool", ret(cmp(id("a"), "!=", id("b")))),
		fn("mixed", []string{"a", "int", "b", "float"}, "float", ret(bin(id("a"), "+", id("b")))),
		fn("tofloat", []string{"a", "int"}, "float", ret(call("float", id("a")))),
	)
	in := compile(t, file("en", body...), Options{}, "fadd", "fmin", "mixed", "tofloat")
	pyInt := func(x float64) (int64, string) { // Python's int() of an integral float
		if math.IsNaN(x) {
			return 0, "value"
		}
		b, _ := new(big.Float).SetFloat64(x).Int(nil)
		if math.IsInf(x, 0) || !fits(b) {
			return 0, "overflow"
		}
		return b.Int64(), ""
	}
	for _, a := range floatSamples {
		for name, want := range map[string]float64{"fneg": -a, "fabs": math.Abs(a)} {
			if got := in.call(name, a); got.trap != "" || !sameFloat(got.val.(float64), want) {
				t.Errorf("%s(%v) = %+v, want %v", name, a, got, want)
			}
		}
		wi, wt := pyInt(math.Trunc(a))
		if got := in.call("toint", a); got.trap != wt || (wt == "" && got.val.(int64) != wi) {
			t.Errorf("int(%v) = %+v, want %d %s", a, got, wi, wt)
		}
		wi, wt = pyInt(math.RoundToEven(a))
		if got := in.call("rnd", a); got.trap != wt || (wt == "" && got.val.(int64) != wi) {
			t.Errorf("round(%v) = %+v, want %d %s", a, got, wi, wt)
		}
		if got := in.call("truth", a); got.val.(int32) != b2i(a != 0) {
			t.Errorf("bool(%v) = %+v", a, got)
		}
		for _, b := range floatSamples {
			exp := map[string]float64{"fadd": a + b, "fsub": a - b, "fmul": a * b, "fdiv": a / b}
			// Python's min/max keep the first argument unless a later one is strictly less/greater.
			exp["fmin"], exp["fmax"] = a, a
			if b < a {
				exp["fmin"] = b
			}
			if b > a {
				exp["fmax"] = b
			}
			for name, want := range exp {
				got := in.call(name, a, b)
				if name == "fdiv" && b == 0 {
					if got.trap != "zerodiv" {
						t.Errorf("%v / %v = %+v, want zerodiv", a, b, got)
					}
					continue
				}
				if got.trap != "" || !sameFloat(got.val.(float64), want) {
					t.Errorf("%s(%v, %v) = %+v, want %v", name, a, b, got, want)
				}
			}
			for name, want := range map[string]bool{"flt": a < b, "fle": a <= b, "feq": a == b, "fne": a != b} {
				if got := in.call(name, a, b); got.val.(int32) != b2i(want) {
					t.Errorf("%s(%v, %v) = %+v, want %v", name, a, b, got, want)
				}
			}
		}
	}
	for _, a := range intSamples {
		want, _ := new(big.Float).SetPrec(53).SetMode(big.ToNearestEven).SetInt64(a).Float64()
		if got := in.call("tofloat", a); got.val.(float64) != want {
			t.Errorf("float(%d) = %+v, want %v", a, got, want)
		}
		if got := in.call("mixed", a, 0.5); got.val.(float64) != want+0.5 {
			t.Errorf("%d + 0.5 = %+v, want %v", a, got, want+0.5)
		}
	}
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}
