//go:build cgo

package wasmgen

import (
	"math"
	"testing"
)

// ifExpSrc uses conditional expressions of each compiled type, with arms
// that would trap if both ran (Python evaluates only the chosen one).
const ifExpSrc = `def pick(c: int, a: int, b: int) -> int:
    return a if c else b

def fabs2(x: float) -> float:
    return x if x > 0.0 else -x

def bpick(a: bool, b: bool, c: bool) -> bool:
    return a if c else b

def longer(s: str, t: str) -> str:
    return s if len(s) >= len(t) else t

def safediv(a: int, b: int) -> int:
    return a // b if b != 0 else 0

def sign(n: int) -> int:
    return -1 if n < 0 else (0 if n == 0 else 1)

def alt(n: int) -> int:
    t = 0
    for i in range(n):
        t += i if i % 2 == 0 else -i
    return t

def strtruth(s: str, a: int) -> int:
    return a if s else -a

def dbl(a: int) -> int:
    return a * 2 if a < 4611686018427387904 else a

def halve(x: float) -> int:
    return int(x) if x == x else 0
`

func TestIfExp(t *testing.T) {
	names := []string{"pick", "fabs2", "bpick", "longer", "safediv", "sign", "alt", "strtruth", "dbl", "halve"}
	const big = int64(1) << 62
	tests := []struct {
		name string
		args []any
		want any // a value, or a trap name
	}{
		{"pick", []any{int64(1), int64(7), int64(9)}, int64(7)},
		{"pick", []any{int64(0), int64(7), int64(9)}, int64(9)},
		{"pick", []any{int64(-3), int64(7), int64(9)}, int64(7)},
		{"fabs2", []any{2.5}, 2.5},
		{"fabs2", []any{-2.5}, 2.5},
		{"bpick", []any{int32(1), int32(0), int32(1)}, int32(1)},
		{"bpick", []any{int32(1), int32(0), int32(0)}, int32(0)},
		{"safediv", []any{int64(7), int64(2)}, int64(3)},
		{"safediv", []any{int64(-7), int64(2)}, int64(-4)},
		{"safediv", []any{int64(7), int64(0)}, int64(0)},
		{"sign", []any{int64(-5)}, int64(-1)},
		{"sign", []any{int64(0)}, int64(0)},
		{"sign", []any{int64(math.MaxInt64)}, int64(1)},
		{"alt", []any{int64(6)}, int64(0 - 1 + 2 - 3 + 4 - 5)},
		{"alt", []any{int64(7)}, int64(0 - 1 + 2 - 3 + 4 - 5 + 6)},
		{"dbl", []any{int64(21)}, int64(42)},
		{"dbl", []any{big}, big},
		{"dbl", []any{big - 1}, 2 * (big - 1)},
		{"halve", []any{3.75}, int64(3)},
		{"halve", []any{math.NaN()}, int64(0)}, // int(nan) would be a ValueError
		{"halve", []any{math.Inf(1)}, "overflow"},
	}
	for _, opt := range optionSets() {
		f, info := checkSrc(t, ifExpSrc)
		for _, n := range names {
			if fn := info.FuncByName[n]; fn == nil || !fn.Compilable && !fn.Internal {
				t.Fatalf("%s is not compilable: %+v", n, fn)
			}
		}
		m, err := Generate(f, info, opt)
		if err != nil {
			t.Fatal(err)
		}
		in := instantiate(t, m)
		for _, tc := range tests {
			got := in.call(tc.name, tc.args...)
			if trap, ok := tc.want.(string); ok {
				if got.trap != trap {
					t.Errorf("%v: %s%v = %+v, want trap %s", opt, tc.name, tc.args, got, trap)
				}
				continue
			}
			if got.trap != "" || got.val != tc.want {
				t.Errorf("%v: %s%v = %+v, want %v", opt, tc.name, tc.args, got, tc.want)
			}
		}
		si := newStrCaller(in)
		strTests := []struct {
			s, t, want string
		}{{"ab", "c", "ab"}, {"a", "bc", "bc"}, {"", "", ""}, {"é", "ab", "ab"}, {"xy", "é😀", "xy"}}
		for _, tc := range strTests {
			if got := si.call("s:longer", tc.s, tc.t); got.trap != "" || got.val != tc.want {
				t.Errorf("%v: longer(%q, %q) = %+v, want %q", opt, tc.s, tc.t, got, tc.want)
			}
		}
		for _, tc := range []struct {
			s    string
			want int64
		}{{"", -5}, {"x", 5}, {"\x00", 5}} {
			if got := si.call("strtruth", tc.s, int64(5)); got.trap != "" || got.val != tc.want {
				t.Errorf("%v: strtruth(%q, 5) = %+v, want %d", opt, tc.s, got, tc.want)
			}
		}
	}
}
