//go:build cgo

package wasmgen

import (
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// values unwraps the results of a call with several results.
func values(v any) []any {
	vals, _ := v.([]wasmtime.Val)
	out := make([]any, len(vals))
	for i, x := range vals {
		out[i] = x.Get()
	}
	return out
}

// A function returning a tuple has one WebAssembly result per value, in
// order, of each value's type.
func TestTupleResults(t *testing.T) {
	src := `def split(a: int, b: int) -> tuple[int, int, bool]:
    if b == 0:
        return 0, 0, False
    return a // b, a % b, True

def halves(x: float) -> tuple[float, float]:
    return x / 2, -x / 2
`
	for _, opt := range []Options{{Optimize: true}, {}} {
		in := instantiateSrc(t, src, opt)
		for _, c := range []struct {
			a, b int64
			want []any
		}{{7, 2, []any{int64(3), int64(1), int32(1)}}, {-7, 2, []any{int64(-4), int64(1), int32(1)}}, {5, 0, []any{int64(0), int64(0), int32(0)}}} {
			got := in.call("split", c.a, c.b)
			vals := values(got.val)
			if got.trap != "" || len(vals) != 3 || vals[0] != c.want[0] || vals[1] != c.want[1] || vals[2] != c.want[2] {
				t.Errorf("split(%d, %d): %+v, want %v", c.a, c.b, got, c.want)
			}
		}
		got := in.call("halves", 3.0)
		if vals := values(got.val); got.trap != "" || len(vals) != 2 || vals[0] != 1.5 || vals[1] != -1.5 {
			t.Errorf("halves(3.0): %+v, want [1.5 -1.5]", got)
		}
	}
}
