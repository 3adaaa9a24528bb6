//go:build cgo

package wasmgen

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

// watOf returns the text of the module generated for the English src.
func watOf(t *testing.T, src string, opt Options) string {
	t.Helper()
	f := parseEn(t, src)
	l, _ := lang.Get("en")
	info, errs := check.Check(f, l)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m, err := Generate(f, info, opt)
	if err != nil {
		t.Fatal(err)
	}
	return m.WAT()
}

// Hoisted list headers give the same answers and the same IndexError as
// reading the header at each access, and hoisting is refused where the
// loop may change a header.
func TestHoistLists(t *testing.T) {
	src := `def sieve(n: int) -> int:
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count
def rows(n: int) -> float:
    a = []
    for i in range(n):
        a.append([float(i)] * n)
    s = 0.0
    for i in range(n):
        for j in range(n):
            s = s + a[j][i] * a[i][-1 - j]
            a[i][j] += 1.0
    return s
def past(n: int) -> int:
    a = [1, 2, 3]
    s = 0
    for i in range(n):
        s = s + a[i] + a[-1 - i]
    return s
def grows(n: int) -> int:
    a = [1]
    i = 0
    while i < n:
        a.append(a[i] + a[len(a) - 1])
        i = i + 1
    return a[n] + len(a)
def shrinks(n: int) -> int:
    a = [5, 6, 7, 8, 9]
    s = 0
    for i in range(n):
        s = s + a[0]
        a.pop(0)
    return s
def swaprows(n: int) -> int:
    b = [[1, 2], [3, 4]]
    s = 0
    for k in range(n):
        b[k % 2] = [10 * k, 10 * k + 1]
        s = s + b[k % 2][1] + b[0][0]
    return s
def rebind(n: int) -> int:
    a = [1, 2, 3]
    s = 0
    for i in range(n):
        s = s + a[i % len(a)]
        if i == 2:
            a = [100, 200]
    return s
`
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, src), opt, "sieve", "rows", "past", "grows", "shrinks", "swaprows", "rebind")
		for n, want := range map[int64]int64{0: 0, 1: 0, 2: 1, 3: 2, 10: 4, 100: 25, 1000: 168} {
			if got := in.call("sieve", n); got.val != want {
				t.Errorf("opt=%v sieve(%d) = %+v, want %d", opt.Passes(), n, got, want)
			}
		}
		if got := in.call("sieve", int64(-1)); got.val != int64(0) {
			t.Errorf("sieve(-1) = %+v", got)
		}
		for _, n := range []int64{0, 1, 2, 7} {
			// a[j][i] = j; a[i][-1-j] = i, or i + 1 once row i's
			// column n-1-j was bumped (j > n-1-j)
			want := 0.0
			for i := int64(0); i < n; i++ {
				for j := int64(0); j < n; j++ {
					aji := float64(j)
					if j < i {
						aji = float64(j) + 1
					}
					aij := float64(i)
					if n-1-j < j {
						aij = float64(i) + 1
					}
					want += aji * aij
				}
			}
			if got := in.call("rows", n); got.val != want {
				t.Errorf("opt=%v rows(%d) = %+v, want %v", opt.Passes(), n, got, want)
			}
		}
		if got := in.call("past", int64(3)); got.val != int64(12) {
			t.Errorf("past(3) = %+v", got)
		}
		if got := in.call("past", int64(4)); got.trap != "index" {
			t.Errorf("past(4) = %+v, want index", got)
		}
		for n := int64(0); n < 6; n++ {
			a := []int64{1}
			for i := int64(0); i < n; i++ {
				a = append(a, a[i]+a[len(a)-1])
			}
			if got := in.call("grows", n); got.val != a[n]+int64(len(a)) {
				t.Errorf("grows(%d) = %+v, want %d", n, got, a[n]+int64(len(a)))
			}
		}
		if got := in.call("shrinks", int64(5)); got.val != int64(35) {
			t.Errorf("shrinks(5) = %+v", got)
		}
		if got := in.call("shrinks", int64(6)); got.trap != "index" {
			t.Errorf("shrinks(6) = %+v, want index", got)
		}
		// k=0: b0=[0,1] -> 1+0; k=1: b1=[10,11] -> 11+0; k=2: b0=[20,21] -> 21+20
		if got := in.call("swaprows", int64(3)); got.val != int64(1+11+41) {
			t.Errorf("swaprows(3) = %+v", got)
		}
		if got := in.call("rebind", int64(5)); got.val != int64(1+2+3+200+100) {
			t.Errorf("rebind(5) = %+v", got)
		}
	}
}

// The kernels' inner loops read no list header once hoisted: matmul's
// innermost loop loads b[k]'s header only (a row that changes with k).
func TestHoistedKernel(t *testing.T) {
	src := `def dot(n: int) -> float:
    a = [1.5] * n
    b = [2.0] * n
    s = 0.0
    for k in range(n):
        s = s + a[k] * b[k]
    return s
`
	f := parseEn(t, src)
	in := compile(t, f, Options{Optimize: true}, "dot")
	if got := in.call("dot", int64(4)); got.val != 12.0 {
		t.Errorf("dot(4) = %+v", got)
	}
	wat := watOf(t, src, Options{Optimize: true})
	body := wat[strings.Index(wat, "(func $dot.impl"):]
	// the loop of one iteration: the innermost loop before the sum (the
	// chunk loop around it checks the interrupt word, interrupt.go)
	loop := body[:strings.Index(body, "f64.add")]
	loop = loop[strings.LastIndex(loop, "loop"):]
	if strings.Contains(loop, "i32.load") {
		t.Errorf("the loop still reads a list header:\n%s", loop)
	}
}
