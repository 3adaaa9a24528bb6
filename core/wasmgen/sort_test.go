//go:build cgo

package wasmgen

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// sortSrc sorts n pseudo-random ints (a linear congruence of the seed,
// many equal) in place and by sorted(), and checks both orders with a sum
// weighted by position.
const sortSrc = `def fill(n: int, seed: int) -> list[int]:
    xs = [0] * n
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        xs[i] = x % 97 - 48
    return xs

def weighted(n: int, seed: int) -> int:
    xs = fill(n, seed)
    xs.sort()
    ys = sorted(fill(n, seed))
    s = 0
    for i in range(n):
        s = s + (i + 1) * xs[i] - (i + 1) * ys[i] * 3
    return s
`

func TestSort(t *testing.T) {
	fill := func(n int, seed int64) []int64 {
		xs := make([]int64, n)
		x := seed
		for i := range xs {
			x = (x*1103515245 + 12345) % 2147483648
			xs[i] = x%97 - 48
		}
		return xs
	}
	want := func(n int, seed int64) int64 {
		xs := fill(n, seed)
		sort.SliceStable(xs, func(i, j int) bool { return xs[i] < xs[j] })
		s := int64(0)
		for i, x := range xs {
			s += int64(i+1)*x - int64(i+1)*x*3
		}
		return s
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, opt := range []Options{{Optimize: true}, {}} {
		in := instantiateSrc(t, sortSrc, opt)
		for _, n := range []int{0, 1, 2, 3, 7, 8, 9, 64, 100, 1000} {
			seed := r.Int64N(1 << 30)
			if got := in.call("weighted", int64(n), seed); got.trap != "" || got.val.(int64) != want(n, seed) {
				t.Errorf("weighted(%d, %d): %+v, want %d", n, seed, got, want(n, seed))
			}
		}
	}
}
