//go:build cgo

package wasmgen

import "testing"

// raiseSrc raises in compiled functions: the call traps with
// ErrUnsupported, which makes AUTO re-run it in Python.
const raiseSrc = `def checked(n: int) -> int:
    if n < 0:
        raise ValueError("negative: " + str(n))
    return n * 2

def loopraise(n: int) -> int:
    t = 0
    for i in range(n):
        if i == 5:
            raise IndexError(i)
        t += i
    return t

def fact(n: int) -> int:
    if n < 0:
        raise ValueError
    if n <= 1:
        return 1
    return n * fact(n - 1)

def always(x: float) -> float:
    raise RuntimeError(undefined_name)

def pick(n: int) -> str:
    if n == 0:
        return "zero"
    elif n > 0:
        return "positive"
    raise ValueError
`

func TestRaise(t *testing.T) {
	tests := []struct {
		name string
		args []any
		want any // a value, or a trap name
	}{
		{"checked", []any{int64(3)}, int64(6)},
		{"checked", []any{int64(0)}, int64(0)},
		{"checked", []any{int64(-1)}, "unsupported"},
		{"loopraise", []any{int64(5)}, int64(0 + 1 + 2 + 3 + 4)},
		{"loopraise", []any{int64(6)}, "unsupported"},
		{"fact", []any{int64(5)}, int64(120)},
		{"fact", []any{int64(20)}, int64(2432902008176640000)},
		{"fact", []any{int64(21)}, "overflow"},
		{"fact", []any{int64(-2)}, "unsupported"},
		{"always", []any{1.5}, "unsupported"},
		{"pick", []any{int64(-3)}, "unsupported"},
	}
	for _, opt := range optionSets() {
		f, info := checkSrc(t, raiseSrc)
		for _, n := range []string{"checked", "loopraise", "fact", "always", "pick"} {
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
		for n, want := range map[int64]string{0: "zero", 7: "positive"} {
			if got := si.call("s:pick", n); got.trap != "" || got.val != want {
				t.Errorf("%v: pick(%d) = %+v, want %q", opt, n, got, want)
			}
		}
	}
}
