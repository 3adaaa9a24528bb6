//go:build cgo

package wasmgen

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// parseEn parses an English program for the tests.
func parseEn(t *testing.T, src string) *ast.File {
	t.Helper()
	l, _ := lang.Get("en")
	f, errs := parser.ParseFile("t.ml", src, l)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return f
}

// shiftCounts are the counts tried for << and >>, around 0, 63 and 64.
var shiftCounts = []int64{-1, -64, math.MinInt64, 0, 1, 2, 31, 32, 33, 62, 63, 64, 65, 100, math.MaxInt64}

// constShifts are the constant counts compiled into shl<c>/shr<c>.
var constShifts = []int64{0, 1, 3, 31, 32, 62, 63, 64, 200}

func bitsSource() string {
	var b strings.Builder
	b.WriteString(`def band(a: int, b: int) -> int:
    return a & b
def bor(a: int, b: int) -> int:
    return a | b
def bxor(a: int, b: int) -> int:
    return a ^ b
def shl(a: int, b: int) -> int:
    return a << b
def shr(a: int, b: int) -> int:
    return a >> b
def inv(a: int) -> int:
    return ~a
def augall(a: int, b: int) -> int:
    a &= b | 255
    a |= b & 7
    a ^= b
    a >>= 1
    a <<= 1
    return a
def bools(p: bool, q: bool) -> bool:
    return p & q | p ^ q
def boolint(p: bool, q: bool) -> int:
    return (p << q) + (p >> q) + ~p + (p | 2)
`)
	for _, c := range constShifts {
		fmt.Fprintf(&b, "def shl%d(a: int) -> int:\n    return a << %d\n", c, c)
		fmt.Fprintf(&b, "def shr%d(a: int) -> int:\n    return a >> %d\n", c, c)
	}
	return b.String()
}

// pyShift returns Python's a << n or a >> n, or the exception it raises.
func pyShift(a, n int64, left bool) (*big.Int, string) {
	if n < 0 {
		return nil, "value"
	}
	A := big.NewInt(a)
	if left {
		if n > 1000 {
			if a == 0 {
				return big.NewInt(0), ""
			}
			return nil, "overflow"
		}
		return new(big.Int).Lsh(A, uint(n)), ""
	}
	if n > 1000 {
		n = 1000
	}
	return new(big.Int).Rsh(A, uint(n)), "" // big.Int.Rsh floors, as Python
}

func TestBitwiseOps(t *testing.T) {
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, bitsSource()), opt, "band", "bor", "bxor", "shl", "shr", "inv", "augall", "bools", "boolint")
		want := func(name string, args []any, v *big.Int, trap string) {
			t.Helper()
			got := in.call(name, args...)
			switch {
			case trap != "":
				if got.trap != trap {
					t.Errorf("opt=%v %s%v = %+v, want %s", opt.Passes(), name, args, got, trap)
				}
			case !fits(v):
				if got.trap != "overflow" {
					t.Errorf("opt=%v %s%v = %+v, want overflow (%v)", opt.Passes(), name, args, got, v)
				}
			case got.trap != "" || got.val.(int64) != v.Int64():
				t.Errorf("opt=%v %s%v = %+v, want %v", opt.Passes(), name, args, got, v)
			}
		}
		for _, a := range intSamples {
			A := big.NewInt(a)
			want("inv", []any{a}, new(big.Int).Not(A), "")
			for _, b := range intSamples {
				B := big.NewInt(b)
				want("band", []any{a, b}, new(big.Int).And(A, B), "")
				want("bor", []any{a, b}, new(big.Int).Or(A, B), "")
				want("bxor", []any{a, b}, new(big.Int).Xor(A, B), "")
				x := new(big.Int).And(A, new(big.Int).Or(B, big.NewInt(255)))
				x.Or(x, new(big.Int).And(B, big.NewInt(7)))
				x.Xor(x, B)
				x.Rsh(x, 1)
				x.Lsh(x, 1)
				want("augall", []any{a, b}, x, "")
			}
			for _, n := range append(shiftCounts, intSamples...) {
				v, trap := pyShift(a, n, true)
				want("shl", []any{a, n}, v, trap)
				v, trap = pyShift(a, n, false)
				want("shr", []any{a, n}, v, trap)
			}
			for _, c := range constShifts {
				v, trap := pyShift(a, c, true)
				want(fmt.Sprintf("shl%d", c), []any{a}, v, trap)
				v, trap = pyShift(a, c, false)
				want(fmt.Sprintf("shr%d", c), []any{a}, v, trap)
			}
		}
		for _, p := range []bool{false, true} {
			for _, q := range []bool{false, true} {
				got := in.call("bools", b2i(p), b2i(q))
				if w := p && q || p != q; got.val != b2i(w) {
					t.Errorf("bools(%v, %v) = %+v, want %v", p, q, got, w)
				}
				P, Q := int64(b2i(p)), int64(b2i(q))
				w := P<<Q + P>>Q + ^P + (P | 2)
				if got := in.call("boolint", b2i(p), b2i(q)); got.val != w {
					t.Errorf("boolint(%v, %v) = %+v, want %d", p, q, got, w)
				}
			}
		}
	}
}

// Shifts by a negative constant raise ValueError when they run, and
// constant expressions fold only when they cannot trap.
func TestBitwiseConstants(t *testing.T) {
	src := `def neg1(a: int) -> int:
    return a << -1
def neg2(a: int) -> int:
    return a >> -1
def folded() -> int:
    return (1 << 62) | (~0 & 0xFF) ^ (-5 >> 1) ^ (True << 3) | (True & True)
def big() -> int:
    return 3 << 62
def zero() -> int:
    return 0 << 100
`
	// Python's grouping: (1 << 62) | (((~0 & 0xFF) ^ (-5 >> 1)) ^ 8) | 1
	want := int64(1<<62 | (((^0 & 0xFF) ^ (-5 >> 1)) ^ 8) | 1)
	for _, opt := range optionSets() {
		in := compile(t, parseEn(t, src), opt, "neg1", "neg2", "folded", "big", "zero")
		for _, name := range []string{"neg1", "neg2"} {
			if got := in.call(name, int64(0)); got.trap != "value" {
				t.Errorf("%s(0) = %+v, want ValueError", name, got)
			}
		}
		if got := in.call("folded"); got.val != want {
			t.Errorf("folded() = %+v, want %d", got, want)
		}
		if got := in.call("big"); got.trap != "overflow" {
			t.Errorf("big() = %+v, want overflow", got)
		}
		if got := in.call("zero"); got.val != int64(0) {
			t.Errorf("zero() = %+v, want 0", got)
		}
	}
}
