//go:build cgo

package wasmgen

import (
	"math"
	"strings"
	"testing"
)

// compileSrc compiles English source (optimized) and instantiates it.
func compileSrc(t *testing.T, src string) *instance {
	t.Helper()
	return instantiateSrc(t, src, Options{Optimize: true})
}

// instantiateSrc compiles English source with opt and instantiates it.
func instantiateSrc(t *testing.T, src string, opt Options) *instance {
	t.Helper()
	f, info := checkSrc(t, src)
	m, err := Generate(f, info, opt)
	if err != nil {
		t.Fatal(err)
	}
	return instantiate(t, m)
}

// fibSrc is the recursive fib, which several tests compile.
const fibSrc = `def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
`

// fibRef is what fibSrc's fib returns: n itself below 2.
func fibRef(n int64) int64 {
	if n < 2 {
		return n
	}
	a, b := int64(0), int64(1)
	for ; n > 0; n-- {
		a, b = b, a+b
	}
	return a
}

// funcWAT returns the text of the function name in the module text wat
// (of name.impl when the module wraps its exports).
func funcWAT(wat, name string) string {
	start := strings.Index(wat, "(func $"+name+".impl ")
	if start < 0 {
		start = strings.Index(wat, "(func $"+name+" ")
	}
	if start < 0 {
		return ""
	}
	b := wat[start:]
	return b[:strings.Index(b, "\n  )")]
}

// Guards drop overflow checks only where they cannot fire, and never for a
// parameter that is assigned later.
func TestGuards(t *testing.T) {
	in := compileSrc(t, `def low(n: int) -> int:
    if n < -9223372036854775807:
        return 0
    return n - 1

def high(n: int) -> int:
    if 5 < n:
        return 0
    return n + 9223372036854775802

def upto(n: int) -> int:
    if n >= 3:
        return 0
    return n + 9223372036854775804

def reassigned(n: int) -> int:
    if n < 2:
        return 0
    n = n - 10
    return n - 9223372036854775801

def looped(n: int) -> int:
    t = 0
    for i in range(3):
        if n <= 0:
            break
        t = t + (n - 1)
    return t
`)
	const maxI, minI = math.MaxInt64, math.MinInt64
	tests := []struct {
		name string
		arg  int64
		want result
	}{
		{"low", minI, result{val: int64(0)}},
		{"low", minI + 1, result{val: int64(minI)}},
		{"low", 0, result{val: int64(-1)}},
		{"high", 5, result{val: int64(maxI)}},
		{"high", 6, result{val: int64(0)}},
		{"high", minI, result{val: int64(minI + 9223372036854775802)}},
		{"upto", 2, result{val: int64(maxI - 1)}},
		{"upto", 3, result{val: int64(0)}},
		{"reassigned", 2, result{trap: "overflow"}},
		{"reassigned", 3, result{val: int64(-7 - 9223372036854775801)}},
		{"reassigned", 1, result{val: int64(0)}},
		{"looped", 0, result{val: int64(0)}},
		{"looped", 4, result{val: int64(9)}},
		{"looped", maxI, result{trap: "overflow"}},
	}
	for _, tt := range tests {
		if got := in.call(tt.name, tt.arg); got != tt.want {
			t.Errorf("%s(%d) = %+v, want %+v", tt.name, tt.arg, got, tt.want)
		}
	}
}
