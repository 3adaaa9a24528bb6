//go:build cgo

package wasmgen

import (
	"math"
	"testing"
)

// modConstSrc reads module constants of each compiled type, inlined.
const modConstSrc = `LIMIT = 1000
MIN = -9223372036854775808
SCALE = 2.5
NEG = -0.5
ON = True
const SEP = "é-"
WIDTH: int = 3

def clamp(x: int) -> int:
    return LIMIT if x > LIMIT else x

def low(x: int) -> int:
    return x + MIN

def scaled(x: float) -> float:
    return x * SCALE + NEG

def on(x: int) -> bool:
    return ON and x > 0

def sep(n: int) -> str:
    return SEP * n

def seplen(n: int) -> int:
    return len(SEP * n)

def rows(n: int) -> int:
    t = 0
    for i in range(n):
        t += i * WIDTH
    return t
`

func TestModuleConstsRun(t *testing.T) {
	for _, opt := range optionSets() {
		f, info := checkSrc(t, modConstSrc)
		for _, n := range []string{"clamp", "low", "scaled", "on", "sep", "seplen", "rows"} {
			if fn := info.FuncByName[n]; fn == nil || !fn.Compilable && !fn.Internal {
				t.Fatalf("%s is not compilable: %+v", n, fn)
			}
		}
		m, err := Generate(f, info, opt)
		if err != nil {
			t.Fatal(err)
		}
		in := instantiate(t, m)
		tests := []struct {
			name string
			args []any
			want any // a value, or a trap name
		}{
			{"clamp", []any{int64(5)}, int64(5)},
			{"clamp", []any{int64(5000)}, int64(1000)},
			{"low", []any{int64(7)}, int64(math.MinInt64 + 7)},
			{"low", []any{int64(-1)}, "overflow"},
			{"scaled", []any{2.0}, 4.5},
			{"on", []any{int64(1)}, int32(1)},
			{"on", []any{int64(0)}, int32(0)},
			{"seplen", []any{int64(4)}, int64(8)},
			{"rows", []any{int64(5)}, int64(3 * (0 + 1 + 2 + 3 + 4))},
		}
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
		if got := si.call("s:sep", int64(3)); got.trap != "" || got.val != "é-é-é-" {
			t.Errorf("%v: sep(3) = %+v, want %q", opt, got, "é-é-é-")
		}
	}
}
