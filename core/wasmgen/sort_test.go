//go:build cgo

package wasmgen

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
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

// Lists of strs sort by code points, as Go compares strings (byte by
// byte, which UTF-8 keeps in code point order): words of one- to
// four-byte characters, prefixes of each other, equal ones, empty ones;
// ascending and with reverse=True, against sort.SliceStable (equal
// strs are indistinguishable, so any stable order of them is CPython's).
func TestSortStrs(t *testing.T) {
	src := `def up(words: str) -> str:
    return "|".join(sorted(words.split(",")))
def down(words: str) -> str:
    ws = words.split(",")
    ws.sort(reverse=True)
    return "|".join(ws)
`
	alphabet := []string{"a", "b", "ab", "é", "€", "😀", "Z", "", "aa"}
	r := rand.New(rand.NewPCG(3, 9))
	for _, opt := range []Options{{Optimize: true}, {}} {
		in := newStrCaller(instantiateSrc(t, src, opt))
		for range 400 {
			var ws []string
			for range r.IntN(12) + 1 {
				w := ""
				for range r.IntN(3) {
					w += alphabet[r.IntN(len(alphabet))]
				}
				ws = append(ws, w)
			}
			asc := slices.Clone(ws)
			sort.SliceStable(asc, func(i, j int) bool { return asc[i] < asc[j] })
			desc := slices.Clone(ws)
			sort.SliceStable(desc, func(i, j int) bool { return desc[i] > desc[j] })
			arg := strings.Join(ws, ",")
			if got := in.call("s:up", arg); got.trap != "" || got.val != strings.Join(asc, "|") {
				t.Fatalf("sorted(%q) = %+v, want %q", ws, got, strings.Join(asc, "|"))
			}
			if got := in.call("s:down", arg); got.trap != "" || got.val != strings.Join(desc, "|") {
				t.Fatalf("sort(reverse=True) of %q = %+v, want %q", ws, got, strings.Join(desc, "|"))
			}
		}
	}
}
