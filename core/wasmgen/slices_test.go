//go:build cgo

package wasmgen

import "testing"

// sliceSrc takes slices of a list of n multiples of 10 and of an ASCII
// str, and encodes the result: its length, then its elements in order;
// and slices of a str of one- to four-byte characters, by code points.
const sliceSrc = `def lst(n: int, a: int, b: int, c: int) -> int:
    xs = [0] * n
    for i in range(n):
        xs[i] = i * 10
    ys = xs[a:b:c]
    r = len(ys)
    for y in ys:
        r = r * 100 + y
    return r

def txt(a: int, b: int, c: int) -> int:
    s = "abcdefg"[a:b:c]
    r = len(s)
    for ch in s:
        r = r * 8 + ord(ch) - 97
    return r

def wide(a: int, b: int, c: int) -> str:
    return "aé€😀bç中"[a:b:c]

def widelen(a: int, b: int, c: int) -> int:
    return len("aé€😀bç中"[a:b:c])
`

// pySlice is CPython's PySlice_AdjustIndices and the resulting indexes,
// written from its documentation for the test.
func pySlice(n, lo, hi, step int64) []int64 {
	if step == -1<<63 {
		step = -1<<63 + 1
	}
	adjust := func(v int64, def int64) int64 {
		if v < 0 {
			v += n
			if v < 0 {
				if step < 0 {
					return -1
				}
				return 0
			}
		} else if v >= n {
			if step < 0 {
				return n - 1
			}
			return n
		}
		return v
	}
	start, stop := adjust(lo, 0), adjust(hi, 0)
	var out []int64
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		out = append(out, i)
		if (step > 0 && i > stop-step) || (step < 0 && i < stop-step) {
			break // the next index would pass stop (or overflow)
		}
	}
	return out
}

func TestSlices(t *testing.T) {
	encode := func(idx []int64, val func(int64) int64, base int64) int64 {
		r := int64(len(idx))
		for _, i := range idx {
			r = r*base + val(i)
		}
		return r
	}
	bounds := []int64{-1 << 63, -9, -3, -1, 0, 1, 2, 5, 9, 1<<63 - 1}
	steps := []int64{-1 << 63, -3, -1, 1, 2, 4, 1<<63 - 1}
	wide := []rune("aé€😀bç中")
	for _, opt := range []Options{{Optimize: true}, {}} {
		in := instantiateSrc(t, sliceSrc, opt)
		si := newStrCaller(in)
		for _, n := range []int64{0, 1, 5} {
			for _, a := range bounds {
				for _, b := range bounds {
					for _, c := range steps {
						want := encode(pySlice(n, a, b, c), func(i int64) int64 { return i * 10 }, 100)
						if got := in.call("lst", n, a, b, c); got.trap != "" || got.val.(int64) != want {
							t.Fatalf("lst(%d, %d, %d, %d): %+v, want %d", n, a, b, c, got, want)
						}
						want = encode(pySlice(7, a, b, c), func(i int64) int64 { return i }, 8)
						if got := in.call("txt", a, b, c); got.trap != "" || got.val.(int64) != want {
							t.Fatalf("txt(%d, %d, %d): %+v, want %d", a, b, c, got, want)
						}
						var w []rune
						for _, i := range pySlice(7, a, b, c) {
							w = append(w, wide[i])
						}
						if got := si.call("s:wide", a, b, c); got.trap != "" || got.val != string(w) {
							t.Fatalf("wide(%d, %d, %d): %+v, want %q", a, b, c, got, string(w))
						}
						if got := si.call("widelen", a, b, c); got.trap != "" || got.val != int64(len(w)) {
							t.Fatalf("widelen(%d, %d, %d): %+v, want %d", a, b, c, got, len(w))
						}
					}
				}
			}
		}
		if got := in.call("lst", int64(3), int64(0), int64(3), int64(0)); got.trap != "value" {
			t.Errorf("a step of 0: %+v, want a ValueError trap", got)
		}
	}
	// a few by hand: "abcdefg"[::-1], [5:1:-2], [-3:]
	for _, c := range []struct {
		lo, hi, step int64
		want         []int64
	}{{1<<63 - 1, -1 << 63, -1, []int64{6, 5, 4, 3, 2, 1, 0}}, {5, 1, -2, []int64{5, 3}}, {-3, 1<<63 - 1, 1, []int64{4, 5, 6}}} {
		got := pySlice(7, c.lo, c.hi, c.step)
		if len(got) != len(c.want) {
			t.Fatalf("pySlice(7, %d, %d, %d) = %v, want %v", c.lo, c.hi, c.step, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("pySlice(7, %d, %d, %d) = %v, want %v", c.lo, c.hi, c.step, got, c.want)
			}
		}
	}
}
