//go:build cgo

package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"math"
	"strings"
	"testing"
)

// pyRange returns the number of elements and the last element of
// range(a, b, c), counted without overflow.
func pyRange(a, b, c int64) (n int64, last int64, ok bool) {
	if c == 0 {
		return 0, 0, false
	}
	for i := a; (c > 0 && i < b) || (c < 0 && i > b); {
		n++
		last = i
		next := i + c
		if (c > 0 && next < i) || (c < 0 && next > i) {
			break
		}
		i = next
	}
	return n, last, true
}

func TestControlFlow(t *testing.T) {
	for _, opt := range optionSets() {
		in := compile(t, controlFile(), opt, "rcount", "fib", "between", "callnone", "folded")
		ranges := [][3]int64{{0, 10, 1}, {10, 0, -1}, {0, 10, 3}, {10, 0, -3}, {5, 5, 1}, {0, 10, -1},
			{-5, 5, 2}, {math.MaxInt64 - 10, math.MaxInt64, 4}, {math.MinInt64 + 10, math.MinInt64, -4},
			{math.MaxInt64 - 3, math.MaxInt64, 1 << 62}, {math.MinInt64, math.MinInt64 + 20, math.MaxInt64},
			{0, 7, 0}, {3, 1, 0}}
		for _, r := range ranges {
			n, last, ok := pyRange(r[0], r[1], r[2])
			got := in.call("rcount", r[0], r[1], r[2])
			if !ok {
				if got.trap != "value" {
					t.Errorf("range%v: %+v, want ValueError", r, got)
				}
				continue
			}
			if got.trap != "" || got.val.(int64) != n {
				t.Errorf("len(range%v) = %+v, want %d", r, got, n)
			}
			if n == 0 {
				last = -12345
			}
			if got := in.call("rlast", r[0], r[1], r[2]); got.trap != "" || got.val.(int64) != last {
				t.Errorf("last of range%v = %+v, want %d", r, got, last)
			}
		}
		for _, r := range [][2]int64{{0, 100}, {math.MaxInt64 - 12, math.MaxInt64}, {3, 4}, {4, 3}} {
			n, _, _ := pyRange(r[0], r[1], 5)
			if got := in.call("rstep5", r[0], r[1]); got.val != n {
				t.Errorf("rstep5%v = %+v, want %d", r, got, n)
			}
			n, _, _ = pyRange(r[1], r[0], -1)
			if got := in.call("rdown", r[1], r[0]); got.val != n {
				t.Errorf("rdown%v = %+v, want %d", r, got, n)
			}
		}
		type tc struct {
			name string
			args []any
			want any // value, or a trap name as "trap:..."
		}
		tests := []tc{
			{"rassign", []any{int64(5)}, int64(10)},
			{"wsum", []any{int64(10)}, int64(1 + 3 + 5 + 7 + 9)},
			{"wsum", []any{int64(1000)}, int64(625)},
			{"fsum", []any{int64(10)}, int64(1 + 2 + 4 + 5 + 7 + 8)},
			{"fsum", []any{int64(100)}, int64(1 + 2 + 4 + 5 + 7 + 8 + 10 + 11 + 13 + 14 + 16 + 17 + 19 + 20)},
			{"fib", []any{int64(20)}, int64(6765)},
			{"sign", []any{2.5}, int64(1)},
			{"sign", []any{-0.5}, int64(-1)},
			{"sign", []any{math.NaN()}, int64(0)},
			{"between", []any{int64(1), int64(2), int64(2)}, int32(1)},
			{"between", []any{int64(1), int64(1), int64(2)}, int32(0)},
			{"between", []any{int64(1), int64(3), int64(2)}, int32(0)},
			{"land", []any{int64(0), int64(5)}, int64(0)},
			{"land", []any{int64(3), int64(5)}, int64(5)},
			{"lor", []any{int64(0), int64(5)}, int64(5)},
			{"lor", []any{int64(3), int64(5)}, int64(3)},
			{"guard", []any{int64(0)}, int32(0)},
			{"guard", []any{int64(3)}, int32(1)},
			{"lnot", []any{int64(0)}, int32(1)},
			{"lnot", []any{int64(-4)}, int32(0)},
			{"boolsum", []any{int32(1), int32(1)}, int64(2)},
			{"boolmax", []any{int32(0), int32(1)}, int32(1)},
			{"imin3", []any{int64(4), int64(-2), int64(9)}, int64(-2)},
			{"check", []any{int64(4)}, int64(4)},
			{"check", []any{int64(0)}, "trap:assert"},
			{"falloff", []any{int64(4)}, int64(4)},
			{"falloff", []any{int64(-4)}, "trap:unsupported"},
			{"bare", []any{int64(4)}, "trap:unsupported"},
			{"bare", []any{int64(-4)}, int64(-4)},
			{"callnone", []any{int64(7)}, int64(7)},
			{"dead", []any{int64(7)}, int64(7)},
			{"folded", nil, int64(38)},
			{"notfolded", nil, "trap:overflow"},
		}
		for _, c := range tests {
			got := in.call(c.name, c.args...)
			if s, ok := c.want.(string); ok {
				if got.trap != strings.TrimPrefix(s, "trap:") {
					t.Errorf("opt=%v %s%v = %+v, want %s", opt.Passes(), c.name, c.args, got, s)
				}
				continue
			}
			if got.trap != "" || got.val != c.want {
				t.Errorf("opt=%v %s%v = %+v, want %v", opt.Passes(), c.name, c.args, got, c.want)
			}
		}
	}
}

// The optimizer folds constant arithmetic and drops dead code.
func TestOptimizeShrinks(t *testing.T) {
	plain := compile(t, controlFile(), Options{}).inst
	_ = plain
	f := controlFile()
	m1 := generate(t, f, Options{})
	m2 := generate(t, f, Options{Optimize: true})
	// The optimizations for speed add code (versioned loops, copies of
	// recursive functions): count the instructions of the functions that
	// folding and dead code elimination are about.
	size := func(m *wasmbin.Module) int {
		n := 0
		for _, f := range m.Funcs {
			switch strings.TrimSuffix(f.Name, ".impl") {
			case "dead", "folded", "notfolded", "falloff", "bare", "callnone", "check", "sign", "guard":
				n += len(f.Body)
			}
		}
		return n
	}
	if size(m2) >= size(m1) {
		t.Errorf("optimized module is not smaller: %d >= %d instructions", size(m2), size(m1))
	}
	wat := m2.WAT()
	if !strings.Contains(wat, "i64.const 38") {
		t.Errorf("6*7 + -7//2 not folded:\n%s", wat)
	}
}
